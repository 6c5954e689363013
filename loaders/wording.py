"""The words of the reports and of targets.yaml's comparators, each list written once.

- Comparators: the words that make a figure a floor, a ceiling or an approximation, before it
  (不低于 6900个) or after it (6900个以上); the most common of them, which the field reference
  names and which a mistyped op is understood as; each op in English and Chinese.
- Milestone words (建成, 创建为 …), commitment cues (力争, 确保 …).
- Units by kind (counted things, measures, time, ranks, grades …) and multipliers (万, 亿 …).
- Stop words: words too common to say what a figure measures (新增, 完成 …).

Read by loaders.figures.scan (finding figures), loaders.figures.finder and loaders.figures.suggest, loaders.record.schema
(the op descriptions, hence the README), loaders.record.values (the hint for a mistyped op) and
loaders.record.status (what "reaches" means).
"""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    """Return the space-separated words of text."""
    return tuple(text.split())


# ---- comparators ---------------------------------------------------------------------------

#: each op of targets.yaml as the status rules say it (at least the target, 不低于目标值)
OP_NAMES = {
    "en": {">=": "at least", "<=": "at most", "~": "about", "done": "done"},
    "zh": {">=": "不低于", "<=": "不高于", "~": "左右", "done": "完成"},
}

#: words before a figure that give its comparator: 不低于 6900个, 控制在 3.0%, 约 30亿元
PRE_COMPARATORS = {
    ">=": words(
        "不低于 不少于 不小于 至少 超过 突破 超 逾 高于 大于 达到 达 提高到 提高至 提升至"
        " 提升到 增至 增加到 增加至 保持在 稳定在 保持 维持在"
    ),
    "<=": words(
        "不超过 不高于 不多于 控制在 降至 降到 降低到 降低至 下降到 下降至 压缩至 压缩到"
        " 压减至 减少到 减少至 低于 少于 小于"
    ),
    "~": words("约 近 接近 大约 大概"),
}

#: words after a figure that give its comparator: 6900个以上, 3.0%以内, 6.5%左右
POST_COMPARATORS = {
    "以上": ">=",
    "及以上": ">=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "左右": "~",
}

#: the most common words of each comparator: the field reference names them, and a target
#: whose op is one of them is told which op to write (以内 → "<="); each is a word above
COMMON_COMPARATOR_WORDS = {
    ">=": ("以上", "超过", "不低于"),
    "<=": ("以内", "控制在", "不超过"),
    "~": ("左右", "约"),
}

#: words of a milestone (op "done"): named by the field reference, understood as a mistyped op
MILESTONE_WORDS = ("建成", "完成", "创建为", "申报")

#: words that mark a figure as a commitment (力争 6900个, 确保 …)
COMMITMENT_CUES = ("力争", "确保", "争取", "力促", "努力", "务必", "保证")

# ---- units ---------------------------------------------------------------------------------

MULTIPLIERS = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
}

COUNT_UNITS = words(
    "个 项 件 家 所 条 处 座 宗 批 户 人次 人 名 位 台 辆 套 间 张 床 支 场次 场 次 栋 幢 类 种"
    " 款 只 头 羽 株 棵 艘 架 部 本 篇 份 起 例 单 笔 块 口 眼 盏 根 道 段 级 轮 车次 班次 架次"
    " 标箱 方面 孔 对"
)
# Counts of occurrences and visits (9120人次, 120场次): never the things a generic 个 or 项 counts.
OCCURRENCE_UNITS = words("人次 次 场次 车次 班次 架次")
MEASURE_UNITS = words(
    "元 美元 港元 欧元 公里 千米 米 平方公里 平方米 平米 ㎡ 亩 公顷 立方米 方 吨 千克 公斤 克"
    " 微克 毫克 斤 升 毫升 千瓦时 千瓦 兆瓦 瓦 度 吨标准煤 倍 分 MW GW kW kWh km TEU"
)
TIME_UNITS = words("年 个月 天 个工作日 工作日 小时 分钟 周")
VOLTAGE_UNITS = ("千伏", "kV")
AGE_UNITS = ("周岁", "岁")
#: 3个国控站点, 2个国考断面: a count of sites the state or province monitors names those sites
MONITORED_SITE_WORDS = ("国控", "国考", "省控", "省考", "市控", "市考")
#: what a count of the year's work names, right after its unit: its areas (做好以下6个方面工作,
#: 重点抓好五个方面), its package of promised projects (办好10件民生实事, 十项为民实事), or its tasks
#: (突出抓好以下八项工作) when WORK_TO_DO_WORDS come before it in the clause
WORK_AREA_WORDS = ("方面", "个方面")
PROMISED_WORKS = ("实事",)
WORK_WORDS = ("工作", "任务")
WORK_TO_DO_WORDS = ("以下", "做好", "抓好", "办好", "突出", "聚焦")
WORK_COUNT_UNITS = ("个", "项", "件", "方面")
#: 七次、八次全会: a meeting's ordinal, or a list of them, right before the meeting
MEETING_WORDS = ("全会", "全体会议", "党代会")
RANK_UNITS = ("名", "位", "强")
GRADE_UNITS = ("A级", "星级", "级甲等", "级乙等", "级丙等", "甲")
NOT_FIGURE_UNITS = ("号", "周年", "届", "大", "版本", "版", "月", "日")
PERCENT_UNITS = ("%", "‰")
POINT_UNITS = ("个百分点", "百分点")

#: units a Chinese numeral may carry (three 个, 十件, 两万人, 前二十名, 三甲, 三星级)
CN_UNITS = words(
    "个 项 件 家 所 条 处 座 宗 批 户 人次 人 名 位 台 辆 套 间 张 支 场 次 栋 类 种 篇 份 级 轮"
    " 方面 年 个月 天 周 倍 公里 米 亩 吨 元 个百分点 百分点 强 甲 星级 级甲等 级乙等 级丙等 届 大 周年 岁 周岁"
)

# ---- context -------------------------------------------------------------------------------

#: words shortly before 第N that make it a rank (全省第1, 排名第一) rather than an ordinal
RANK_CONTEXT = ("排名", "排在", "位列", "位居", "居", "全省", "全市", "全国", "全区", "全县")
#: nouns after an amount of money that make it a threshold (超10亿元项目), not an amount; up
#: to MAX_QUALIFIER_WORDS characters may stand between (50亿元以上重大项目, 10亿元以上重大产业项目)
QUALIFIED_NOUNS = ("项目", "企业", "的项目", "的企业")
MAX_QUALIFIER_WORDS = 4

#: two-character words too common in these reports to say what a figure measures
#: the kinds of a later document (a report record's `kind:`): where its outcomes are
REPORT_KINDS = ("work-report", "plan-execution", "bulletin", "period")

#: words that report a fall: the figure after them is a decrease (下降2.1% is -2.1)
FALL_WORDS = words("下降 减少 回落 降低 下滑 下跌 负增长 缩减 萎缩")

STOP_WORDS = frozenset(
    words(
        "新增 完成 推进 推动 加快 建设 力争 确保 实现 开展 全面 持续 以上 以内 左右 控制 增长 同比"
        " 项目 工作 全区 全县 全市 全镇 全年 年度 重点 新建 达到 提高 提升 积极 扎实 稳步 加强 大力"
        " 深入 进一步 有序 累计 成功 创建 力促 打造 高标 标准 实施 聚焦 分别 其中 投入 计划 规上 发展"
    )
)


# 约 and 近 inside another word are no comparator: 新签约, 节约, 预约, 制约; 就近, 附近.
NOT_COMPARATOR_BEFORE = {"约": "签节预制合契集公条履违邀特简纽婚", "近": "就附最临将"}

# A Chinese numeral right after one of these verbs is an amount to build, not a name:
# 打造三个示范村, 新建两所学校, 培育两个产业集群 (but 实施三项重点工程, 抓好四个方面工作).
BUILDING_VERBS = words(
    "新建 新改建 改扩建 扩建 建设 建成 新开通 开通 打通 打造 培育 创建 创成 争创 新增 增设 新设"
    " 设立 引进 改造 建立 再建"
)
# Words before N年 that make it a period (今后五年, 连续三年), not an amount of years.
PERIOD_WORDS = words("今后 未来 过去 近 连续 这 前 个")  # 个: 第一个五年, 下一个五年
# Units after a Chinese numeral that name (三个方面, 第五次, 十九届), even after a building verb.
NAMING_UNITS = ("方面", "次", "届", "大", "年", "周年", "岁", "周岁", "轮")


# What a figure measures, for `targets draft` (measure_words): the words that say how or when,
# not what — verbs of effort, time words, comparators. Unlike STOP_WORDS (suggestions), it keeps
# 项目 and 增长 as words of the measure, and drops more verbs of effort.
MEASURE_STOP_WORDS = frozenset(
    words(
        "新增 完成 推进 推动 加快 建设 力争 确保 实现 开展 全面 持续 以上 以内 以下 左右 控制 同比"
        " 工作 全区 全县 全市 全镇 全年 今年 当年 达到 提高 提升 积极 扎实 稳步 加强 大力 深入 进一步"
        " 有序 成功 力促 打造 高标 标准 实施 聚焦 分别 其中 争取 努力 务必 保证 不少 不低 超过 突破"
        " 计划 安排 保持 稳定 有效 加大 着力 全力 支持 鼓励 引导 做好 抓好 不断 切实 进行"
    )
    + tuple(word for group in PRE_COMPARATORS.values() for word in group)
)
