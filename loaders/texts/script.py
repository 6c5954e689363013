"""Traditional characters read as simplified ones, one character for one, for scanning text.

Reports of Hong Kong, Macao, Taiwan-facing counties and many web reposts are written in
traditional characters (萬, 億, 個, 條, 處, 戶, 畝, 回顧, 重點, 目標任務). The reader and the
finder look for simplified words and units; `to_simplified(text)` gives them a text they can
read. It maps character for character (str.translate), so every offset in the converted text is
the same offset in the text as written: figures, clauses and quotes are always shown and checked
as the report writes them.

The table holds the traditional forms of the characters these reports use (about 1,100): units and
multipliers, comparators and cue words, part headings, and the everyday vocabulary of government
work. A character with two simplified readings that depend on the word (乾, 著, 瞭, 藉) is left
as written. OpenCC (PyPI `opencc`) converts whole phrases and every rare character; it is not
needed here because only single characters of known words are compared, and a phrase converter
may change a text's length, which would break the offsets above.
"""

from __future__ import annotations

# Pairs "traditional simplified", separated by spaces, grouped loosely by use.
_PAIRS_TEXT = """
萬万 億亿 個个 條条 處处 戶户 畝亩 級级 兩两 隻只 間间 場场 項项 筆笔 臺台 輛辆 張张
區区 縣县 鄉乡 鎮镇 國国 際际 屆届 們们 為为 這这 與与 於于 並并 從从 後后 裡里 裏里 來来
經经 濟济 發发 產产 業业 農农 設设 計计 劃划 務务 實实 現现 運运 動动 環环 態态 質质 標标
準准 規规 範范 體体 網网 絡络 電电 氣气 線线 鐵铁 軌轨 車车 機机 開开 關关 門门 問问 聞闻
閱阅 價价 貿贸 財财 稅税 費费 資资 貸贷 負负 責责 貢贡 賣卖 買买 貨货 購购 貧贫 賓宾 賽赛
贊赞 總总 統统 結结 組组 織织 紅红 綠绿 細细 終终 給给 約约 紀纪 緊紧 維维 綜综 編编 練练
縮缩 續续 繼继 績绩 縱纵 純纯 紡纺 紙纸 絲丝 專专 傳传 轉转 輕轻 載载 較较 輔辅 輸输 邊边
達达 遷迁 過过 還还 進进 遠远 適适 選选 遺遗 遼辽 郵邮 鄰邻 醫医 釋释 銀银 錢钱 鋼钢 錄录
鍵键 鎖锁 長长 陽阳 陰阴 陸陆 隊队 階阶 隨随 險险 隱隐 難难 雞鸡 離离 雲云 靈灵 韓韩 順顺
須须 預预 領领 頻频 題题 額额 類类 顧顾 風风 飛飞 飯饭 養养 館馆 馬马 駐驻 驗验 髮发 鬥斗
魚鱼 鳥鸟 鹽盐 麥麦 黃黄 點点 黨党 齊齐 齡龄 龍龙 龜龟 學学 習习 書书 東东 義义 亂乱 爭争
倉仓 儀仪 優优 兒儿 內内 冊册 凍冻 減减 則则 剛刚 創创 劇剧 劑剂 勞劳 勢势 勵励 勸劝 協协
單单 衛卫 廠厂 歷历 壓压 厲厉 參参 雙双 變变 叢丛 號号 嗎吗 員员 啟启 啓启 喪丧 喚唤 嘗尝
噸吨 嚴严 團团 園园 圍围 圖图 圓圆 聖圣 壞坏 壩坝 墾垦 壯壮 壽寿 夠够 夢梦 奪夺 奮奋 婦妇
媽妈 孫孙 寧宁 寫写 寬宽 審审 將将 對对 尋寻 導导 屬属 層层 歲岁 島岛 嶺岭 嶽岳 幣币 幫帮
帶带 師师 帳帐 幹干 幾几 庫库 廁厕 廣广 廢废 廳厅 彈弹 歸归 徑径 復复 複复 徵征 憲宪 應应
懷怀 懸悬 戰战 戲戏 擔担 據据 擴扩 擁拥 擇择 擊击 擬拟 攜携 撥拨 撫抚 損损 換换 掃扫 揮挥
搶抢 擋挡 擠挤 擺摆 擾扰 攝摄 斷断 時时 晉晋 暢畅 曆历 會会 極极 構构 槍枪 樂乐 樓楼 樣样
樹树 橋桥 檔档 檢检 權权 歡欢 歐欧 殘残 殺杀 殼壳 漢汉 湯汤 溝沟 滅灭 滬沪 滿满 漁渔 潔洁
潤润 澤泽 濕湿 濱滨 灣湾 災灾 烏乌 無无 煙烟 熱热 燈灯 營营 爐炉 犧牺 狀状 獨独 獲获 獎奖
畫画 當当 畢毕 異异 療疗 癥症 盡尽 監监 盤盘 盧卢 眾众 衆众 礎础 礙碍 確确 碼码 禮礼 禍祸
種种 稱称 穀谷 積积 穩稳 窮穷 竊窃 競竞 節节 築筑 簡简 糧粮 糾纠 紋纹 納纳 紛纷 紹绍 綱纲
緣缘 繫系 係系 罰罚 羅罗 聯联 聲声 職职 聽听 肅肃 脅胁 腦脑 腫肿 膠胶 臨临 舉举 艦舰 藝艺
莊庄 華华 葉叶 蓋盖 蔣蒋 蘇苏 蘭兰 蟲虫 術术 衝冲 補补 裝装 製制 襲袭 見见 視视 親亲 覺觉
覽览 觀观 觸触 訂订 認认 討讨 訓训 記记 訪访 許许 評评 診诊 詢询 試试 詳详 誠诚 話话 該该
語语 說说 誤误 調调 談谈 請请 諾诺 論论 諮咨 謀谋 講讲 謝谢 證证 識识 議议 護护 讀读 讓让
豐丰 豬猪 貝贝 販贩 貫贯 賀贺 賞赏 賠赔 賢贤 賴赖 贏赢 趕赶 趨趋 跡迹 蹟迹 踐践 躍跃 軍军
軟软 軸轴 輪轮 轄辖 辦办 迴回 違违 遞递 遜逊 鄭郑 醬酱 釀酿 釘钉 針针 鈣钙 銷销 鋪铺 鋁铝
錦锦 鍋锅 鍛锻 鏈链 鐘钟 鑒鉴 鑑鉴 閃闪 閉闭 閒闲 閑闲 閘闸 閣阁 閩闽 闊阔 闖闯 陣阵 陳陈
雜杂 雖虽 靜静 韻韵 響响 頁页 頂顶 頒颁 頓顿 頭头 顏颜 願愿 顯显 飄飘 飲饮 飼饲 飽饱 餘余
饑饥 飢饥 馳驰 駕驾 騰腾 驅驱 驚惊 鬧闹 魯鲁 鮮鲜 鳳凤 鴨鸭 鵝鹅 麗丽 齒齿 佈布 佔占 併并
侶侣 俠侠 倫伦 偉伟 側侧 偵侦 傑杰 傘伞 備备 僅仅 僱雇 僑侨 償偿 儲储 兇凶 凱凯 劍剑 勁劲
勝胜 勳勋 匯汇 彙汇 厭厌 吳吴 呂吕 喬乔 嚮向 囑嘱 執执 堅坚 報报 塊块 塗涂 塵尘 墊垫 墳坟
壇坛 壘垒 奧奥 妝妆 婁娄 嬰婴 寢寝 寶宝 尷尴 屍尸 屢屡 嶄崭 巔巅 巖岩 帥帅 廟庙 廚厨 廬庐
強强 彌弥 彎弯 彥彦 徹彻 恆恒 悅悦 悶闷 惡恶 惱恼 愛爱 愜惬 慘惨 慣惯 慮虑 慶庆 憂忧 憑凭
憶忆 懇恳 懲惩 懶懒 戀恋 拋抛 挾挟 捨舍 掛挂 採采 揀拣 揚扬 搖摇 搗捣 摯挚 撐撑 撲扑 撿捡
攔拦 攤摊 敗败 敘叙 敵敌 數数 斂敛 斃毙 斬斩 暈晕 暫暂 曉晓 曠旷 桿杆 棄弃 棟栋 棧栈 楊杨
榮荣 槓杠 樁桩 橫横 櫃柜 欄栏 歎叹 殲歼 毀毁 氫氢 汙污 決决 沒没 沖冲 況况 洩泄 淚泪
淨净 淺浅 渙涣 測测 渾浑 湧涌 溫温 溼湿 滄沧 滯滞 滲渗 滾滚 漲涨 漸渐 潛潜 澀涩 濃浓 濾滤
瀏浏 瀕濒 灑洒 灘滩 爛烂 牆墙 猶犹 獄狱 獅狮 獵猎 獸兽 獻献 瓊琼 甦苏 疊叠 瘋疯 瘡疮 癢痒
皺皱 盜盗 盞盏 盪荡 睜睁 矯矫 碩硕 礦矿 祿禄 禪禅 禦御 稈秆 稟禀 窩窝 窯窑 筍笋 篩筛 簽签
籤签 籃篮 籌筹 籠笼 粵粤 糞粪 紮扎 紳绅 絆绊 絕绝 絞绞 綁绑 綢绸 綫线 緒绪 緩缓 緯纬 縫缝
繞绕 繡绣 繩绳 繪绘 繳缴 纖纤 纜缆 罷罢 羨羡 聰聪 脈脉 脫脱 脹胀 腎肾 腸肠 膚肤 臉脸 臘腊
臟脏 臥卧 艙舱 艱艰 莖茎 薦荐 薩萨 藍蓝 藥药 蘆芦 蘋苹 蘿萝 虛虚 蝦虾 蠟蜡 蠶蚕 褲裤 襯衬
覓觅 訊讯 託托 訴诉 詐诈 詞词 誇夸 誌志 註注 誕诞 誘诱 諸诸 謊谎 謙谦 謹谨 譜谱 譯译 譽誉
讚赞 豎竖 貓猫 貪贪 貴贵 貶贬 貼贴 賃赁 賄贿 賊贼 賦赋 賬账 賺赚 賜赐 贈赠 贖赎 趙赵 蹤踪
軀躯 輩辈 輯辑 輻辐 轎轿 辭辞 辯辩 連连 週周 遊游 遙遥 遲迟 邁迈 邏逻 鄧邓 醜丑 釐厘 釣钓
鈍钝 鈔钞 鈴铃 鉛铅 銅铜 銘铭 鋒锋 鋸锯 錯错 錨锚 錶表 鍊炼 鍾钟 鎊镑 鏡镜 鑄铸 鑰钥 鑽钻
閥阀 闆板 闡阐 陝陕 隸隶 雛雏 霧雾 靂雳 鞏巩 韌韧 韋韦 頃顷 頗颇 頸颈 顆颗 顫颤 飾饰 餅饼
餓饿 餵喂 饅馒 饒饶 駁驳 駛驶 騎骑 騙骗 驟骤 髒脏 鬆松 鬱郁 鯉鲤 鯨鲸 鱗鳞 鳴鸣 鴻鸿 鵬鹏
鶴鹤 鷹鹰 鹹咸 麵面 黴霉 齋斋 龐庞 擬拟 壢坜 鹽盐 滷卤 蔔卜 穫获 綵彩 纔才 衹只 傢家
淒凄 颱台 檯台 遞递 願愿 嶼屿 灝灏 闢辟 硯砚 瀋沈 廈厦 釗钊 鈞钧 鉅巨 鋅锌 錫锡
鍍镀 鎂镁 鎳镍 鐳镭 錳锰 鉀钾 鈉钠 礬矾 磚砖 窪洼 隴陇 瀘泸 湞浈 漵溆 閬阆 贛赣 濰潍 燁烨
訂订 槳桨 篤笃 鑼锣 鐲镯 銳锐 銜衔 鍬锹 鐮镰 鋤锄 耬耧 穡穑 倆俩 儘尽
剷铲 劃划 厙厍 吶呐 嚕噜 囪囱 圇囵 垻坝 堝埚 塢坞 墮堕 墜坠 壺壶 奩奁 娛娱 嬌娇 嬸婶 孌娈
寵宠 屜屉 嶇岖 巒峦 幟帜 廂厢 廄厩 悵怅 惻恻 愨悫 愴怆 慪怄 慫怂 懌怿 懣懑 懼惧
懾慑 捫扪 掄抡 摜掼 撈捞 撓挠 撚捻 撻挞 擄掳 擻擞 攏拢 攪搅 攬揽
斕斓 暉晖 曄晔 朧胧 棖枨 椏桠 槧椠 槨椁 樞枢 橢椭 檳槟 櫓橹 櫚榈 櫛栉 歟欤 氈毡 涇泾
渦涡 溈沩 滎荥 滸浒 漬渍 潁颍 潑泼 澇涝 澗涧 澠渑 澮浍 濁浊 濤涛 濺溅 瀉泻 瀝沥 瀟潇 灃沣
灤滦 煉炼 煥焕 燉炖 燙烫 燦灿 燭烛 爍烁 牘牍 犖荦 狹狭 猙狰 獷犷 璣玑 璦瑷 瓏珑 甌瓯 疇畴
瘓痪 瘧疟 瘻瘘 癆痨 癟瘪 癱瘫 皚皑 盃杯 睞睐 瞞瞒 礪砺 祕秘 禎祯 稅税 穢秽 窺窥 竄窜
筧笕 箋笺 箝钳 篋箧 篳筚 簍篓 簞箪 籬篱 紐纽 紓纾 紗纱 紜纭 絀绌 絎绗 絢绚 絨绒
綏绥 綜综 綞缍 綠绿 綬绶 緝缉 緞缎 締缔 緬缅 緱缑 縈萦 縉缙 縛缚 縝缜 縞缟 縷缕 繃绷 繆缪
"""

_TABLE: dict[int, int] = {}
for _pair in _PAIRS_TEXT.split():
    _traditional, _simplified = _pair[0], _pair[1]
    if _traditional != _simplified:
        _TABLE[ord(_traditional)] = ord(_simplified)

#: the traditional characters the table converts, for tests and the README
TRADITIONAL = frozenset(chr(code) for code in _TABLE)


def simplified_table() -> dict[int, int]:
    """Return the str.translate table from traditional to simplified (one character each)."""
    return dict(_TABLE)


def to_simplified(text: str) -> str:
    """Return text with traditional characters replaced by simplified ones, same length."""
    return text.translate(_TABLE)


def has_traditional(text: str, sample: int = 4000) -> bool:
    """Return True when the start of a text holds traditional characters of the table."""
    head = text[:sample]
    return any(ch in TRADITIONAL for ch in head)
