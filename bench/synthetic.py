"""SYNTHETIC benchmark data: N× the bundled commitments, with report texts that hold every quote.

A province-wide tracker: many counties (合成第N县), each with five yearly work reports. The
report of year Y reviews year Y-1 (the baselines of Y's commitments and the progress of
Y-1's) and plans year Y (the commitments). Reports are written in the style of the 2022
report in seeds/: a hard line break every ~30 characters, a blank line between lines,
chapters （一）…（七）, paragraphs opening with a short heading, an annex 名词解释.

Everything is marked: ids start with `syn-`, report titles with `SYNTHETIC`, every text
file and the targets file say so on their first line. Nothing here is a real figure.
Generation is seeded: the same scale always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml

OUT_DIR = Path(__file__).resolve().parent / "out"
SEED = 20260315
FIRST_YEAR = 2022
YEARS_PER_COUNTY = 5
DEFAULT_BASE_COMMITMENTS = 50
LINE_WIDTH = 30
MARK = "SYNTHETIC"


class Metric(NamedTuple):
    """A kind of commitment: how the plan promises it and how the next review reports it."""

    key: str
    area: str
    title: str
    title_en: str
    op: str
    unit: str
    low: float
    high: float
    decimals: int
    plan: str  # the promise, {v} the figure
    review: str  # the outcome as the next report states it, {v} the figure


def _m(key, area, title, title_en, op, unit, low, high, decimals, plan, review) -> Metric:
    return Metric(key, area, title, title_en, op, unit, low, high, decimals, plan, review)


METRICS: tuple[Metric, ...] = (
    # economy: the headline 预期目标 paragraph (percentages) and chapter （一）
    _m(
        "gdp-growth",
        "economy",
        "地区生产总值增长",
        "GDP growth",
        "~",
        "%",
        4.5,
        7.5,
        1,
        "地区生产总值增长{v}%左右",
        "地区生产总值同比增长{v}%",
    ),
    _m(
        "industry-growth",
        "economy",
        "规上工业增加值增长",
        "Industrial value added growth",
        ">=",
        "%",
        5,
        12,
        1,
        "规上工业增加值增长{v}%",
        "规上工业增加值同比增长{v}%",
    ),
    _m(
        "investment-growth",
        "economy",
        "固定资产投资增长",
        "Fixed-asset investment growth",
        ">=",
        "%",
        4,
        10,
        1,
        "固定资产投资增长{v}%",
        "固定资产投资同比增长{v}%",
    ),
    _m(
        "retail-growth",
        "economy",
        "社会消费品零售总额增长",
        "Retail sales growth",
        ">=",
        "%",
        5,
        10,
        1,
        "社会消费品零售总额增长{v}%",
        "社会消费品零售总额同比增长{v}%",
    ),
    _m(
        "trade-growth",
        "economy",
        "进出口总额增长",
        "Foreign trade growth",
        ">=",
        "%",
        2,
        8,
        1,
        "进出口总额增长{v}%",
        "进出口总额同比增长{v}%",
    ),
    _m(
        "revenue-growth",
        "economy",
        "地方一般公共预算收入增长",
        "Budget revenue growth",
        ">=",
        "%",
        2,
        7,
        1,
        "地方一般公共预算收入增长{v}%",
        "地方一般公共预算收入同比增长{v}%",
    ),
    _m(
        "unemployment",
        "economy",
        "城镇登记失业率",
        "Registered urban unemployment",
        "<=",
        "%",
        2.8,
        3.6,
        1,
        "城镇登记失业率控制在{v}%以内",
        "城镇登记失业率为{v}%",
    ),
    _m(
        "cpi",
        "economy",
        "居民消费价格涨幅",
        "Consumer price rise",
        "<=",
        "%",
        2.5,
        3.5,
        1,
        "居民消费价格涨幅控制在{v}%以内",
        "居民消费价格涨幅为{v}%",
    ),
    _m(
        "income-growth",
        "economy",
        "城乡居民人均可支配收入增长",
        "Disposable income growth",
        ">=",
        "%",
        5,
        8,
        1,
        "城乡居民人均可支配收入增长{v}%",
        "城乡居民人均可支配收入同比增长{v}%",
    ),
    _m(
        "key-projects",
        "economy",
        "重点项目完成投资",
        "Investment in key projects",
        ">=",
        "亿元",
        20,
        150,
        1,
        "重点项目完成投资{v}亿元以上",
        "重点项目完成投资{v}亿元",
    ),
    _m(
        "market-entities",
        "economy",
        "新增各类市场主体",
        "New market entities",
        ">=",
        "户",
        5000,
        30000,
        0,
        "新增各类市场主体{v}户以上",
        "新增各类市场主体{v}户",
    ),
    _m(
        "above-scale-firms",
        "economy",
        "新增“四上”企业",
        "New above-scale enterprises",
        ">=",
        "家",
        50,
        300,
        0,
        "新增“四上”企业{v}家以上",
        "新增“四上”企业{v}家",
    ),
    # integration
    _m(
        "new-projects",
        "integration",
        "新引进项目",
        "Projects brought in",
        ">=",
        "个",
        10,
        60,
        0,
        "新引进项目{v}个以上",
        "新引进项目{v}个",
    ),
    _m(
        "attracted-investment",
        "integration",
        "引进项目计划投资额",
        "Planned investment attracted",
        ">=",
        "亿元",
        50,
        300,
        1,
        "引进项目计划投资额{v}亿元以上",
        "引进项目计划投资额{v}亿元",
    ),
    _m(
        "cross-border-ecommerce",
        "integration",
        "跨境电商进出口额",
        "Cross-border e-commerce trade",
        ">=",
        "亿元",
        5,
        60,
        1,
        "跨境电商进出口额达到{v}亿元",
        "跨境电商进出口额{v}亿元",
    ),
    _m(
        "talent",
        "integration",
        "引进高层次人才",
        "High-level talent recruited",
        ">=",
        "人",
        50,
        300,
        0,
        "引进高层次人才{v}人以上",
        "引进高层次人才{v}人",
    ),
    _m(
        "cooperation-platform",
        "integration",
        "区域协同发展合作平台",
        "Regional cooperation platform",
        "done",
        "",
        0,
        0,
        0,
        "建成区域协同发展合作平台",
        "区域协同发展合作平台建成运营",
    ),
    _m(
        "logistics-park",
        "integration",
        "现代物流产业园启动区",
        "Logistics park first phase",
        "done",
        "",
        0,
        0,
        0,
        "建成现代物流产业园启动区",
        "现代物流产业园启动区建成运营",
    ),
    # industry
    _m(
        "high-tech-firms",
        "industry",
        "新认定国家级高新技术企业",
        "New high-tech enterprises",
        ">=",
        "家",
        5,
        40,
        0,
        "新认定国家级高新技术企业{v}家以上",
        "新认定国家级高新技术企业{v}家",
    ),
    _m(
        "tech-upgrades",
        "industry",
        "工业企业实施技术改造",
        "Firms upgrading technology",
        ">=",
        "家",
        20,
        120,
        0,
        "推动{v}家工业企业实施技术改造",
        "{v}家工业企业实施技术改造",
    ),
    _m(
        "rd-centres",
        "industry",
        "新建市级以上工程技术研究中心",
        "New engineering research centres",
        ">=",
        "家",
        3,
        20,
        0,
        "新建市级以上工程技术研究中心{v}家",
        "建成市级以上工程技术研究中心{v}家",
    ),
    _m(
        "park-output",
        "industry",
        "产业园规上工业总产值",
        "Industrial park output",
        ">=",
        "亿元",
        80,
        600,
        1,
        "产业园规上工业总产值突破{v}亿元",
        "产业园规上工业总产值{v}亿元",
    ),
    _m(
        "industrial-investment",
        "industry",
        "工业投资",
        "Industrial investment",
        ">=",
        "亿元",
        10,
        80,
        1,
        "力争完成工业投资{v}亿元",
        "完成工业投资{v}亿元",
    ),
    _m(
        "cloud-firms",
        "industry",
        "企业上云用云",
        "Firms moving to the cloud",
        ">=",
        "家",
        50,
        400,
        0,
        "推动{v}家企业上云用云",
        "{v}家企业上云用云",
    ),
    _m(
        "tourist-visits",
        "industry",
        "接待旅游人数",
        "Tourist visits",
        ">=",
        "万人次",
        100,
        900,
        1,
        "接待旅游人数{v}万人次以上",
        "接待旅游人数{v}万人次",
    ),
    # urban and rural
    _m(
        "rural-roads",
        "urban-rural",
        "新建改建农村公路",
        "Rural roads built or upgraded",
        ">=",
        "公里",
        20,
        120,
        1,
        "新建改建农村公路{v}公里",
        "新建改建农村公路{v}公里",
    ),
    _m(
        "old-communities",
        "urban-rural",
        "改造老旧小区",
        "Old residential areas renovated",
        ">=",
        "个",
        5,
        60,
        0,
        "改造老旧小区{v}个",
        "完成老旧小区改造{v}个",
    ),
    _m(
        "affordable-housing",
        "urban-rural",
        "筹建保障性住房",
        "Affordable homes",
        ">=",
        "套",
        200,
        3000,
        0,
        "筹建保障性住房{v}套",
        "筹建保障性住房{v}套",
    ),
    _m(
        "farmland",
        "urban-rural",
        "建设高标准农田",
        "High-standard farmland",
        ">=",
        "亩",
        2000,
        20000,
        0,
        "建设高标准农田{v}亩",
        "建成高标准农田{v}亩",
    ),
    _m(
        "rural-sewage",
        "urban-rural",
        "农村生活污水治理率",
        "Rural sewage treatment rate",
        ">=",
        "%",
        60,
        95,
        1,
        "农村生活污水治理率达到{v}%以上",
        "农村生活污水治理率{v}%",
    ),
    _m(
        "urbanisation",
        "urban-rural",
        "常住人口城镇化率",
        "Urbanisation rate",
        ">=",
        "%",
        55,
        85,
        2,
        "常住人口城镇化率达到{v}%",
        "常住人口城镇化率{v}%",
    ),
    _m(
        "village-belt",
        "urban-rural",
        "美丽乡村示范带",
        "Model village belt",
        "done",
        "",
        0,
        0,
        0,
        "建成美丽乡村示范带",
        "美丽乡村示范带全线建成",
    ),
    _m(
        "fitness-centre",
        "urban-rural",
        "全民健身中心",
        "Public fitness centre",
        "done",
        "",
        0,
        0,
        0,
        "建成全民健身中心",
        "全民健身中心建成投用",
    ),
    # ecology
    _m(
        "good-air-days",
        "ecology",
        "空气质量优良天数比例",
        "Share of good air days",
        ">=",
        "%",
        85,
        97,
        1,
        "空气质量优良天数比例达到{v}%以上",
        "空气质量优良天数比例{v}%",
    ),
    _m(
        "pm25",
        "ecology",
        "细颗粒物（PM2.5）平均浓度",
        "PM2.5 concentration",
        "<=",
        "微克/立方米",
        18,
        35,
        0,
        "细颗粒物（PM2.5）平均浓度控制在{v}微克/立方米以内",
        "细颗粒物（PM2.5）平均浓度为{v}微克/立方米",
    ),
    _m(
        "afforestation",
        "ecology",
        "完成造林绿化",
        "Afforestation",
        ">=",
        "亩",
        1000,
        15000,
        0,
        "完成造林绿化{v}亩",
        "完成造林绿化{v}亩",
    ),
    _m(
        "water-quality",
        "ecology",
        "地表水国考断面水质优良率",
        "Surface water quality",
        ">=",
        "%",
        80,
        100,
        1,
        "地表水国考断面水质优良率达到{v}%",
        "地表水国考断面水质优良率{v}%",
    ),
    _m(
        "energy-intensity",
        "ecology",
        "单位地区生产总值能耗下降",
        "Energy intensity reduction",
        ">=",
        "%",
        1,
        4,
        1,
        "单位地区生产总值能耗下降{v}%",
        "单位地区生产总值能耗下降{v}%",
    ),
    _m(
        "waste-sorting",
        "ecology",
        "生活垃圾分类覆盖率",
        "Waste sorting coverage",
        ">=",
        "%",
        60,
        100,
        1,
        "生活垃圾分类覆盖率达到{v}%",
        "生活垃圾分类覆盖率{v}%",
    ),
    _m(
        "green-mine",
        "ecology",
        "绿色矿山示范点",
        "Green mine demonstration site",
        "done",
        "",
        0,
        0,
        0,
        "建成绿色矿山示范点",
        "绿色矿山示范点通过验收",
    ),
    # livelihood
    _m(
        "school-places",
        "livelihood",
        "新增中小学（幼儿园）学位",
        "New school places",
        ">=",
        "个",
        1000,
        9000,
        0,
        "新增中小学（幼儿园）学位{v}个以上",
        "新增中小学（幼儿园）学位{v}个",
    ),
    _m(
        "new-jobs",
        "livelihood",
        "城镇新增就业",
        "New urban jobs",
        ">=",
        "人",
        3000,
        15000,
        0,
        "城镇新增就业{v}人以上",
        "城镇新增就业{v}人",
    ),
    _m(
        "skills-training",
        "livelihood",
        "开展职业技能培训",
        "Vocational training",
        ">=",
        "人次",
        2000,
        20000,
        0,
        "开展职业技能培训{v}人次以上",
        "开展职业技能培训{v}人次",
    ),
    _m(
        "care-beds",
        "livelihood",
        "新增养老床位",
        "New elderly-care beds",
        ">=",
        "张",
        100,
        1500,
        0,
        "新增养老床位{v}张",
        "新增养老床位{v}张",
    ),
    _m(
        "childcare",
        "livelihood",
        "每千人口拥有3岁以下婴幼儿托位数",
        "Childcare places per 1,000 people",
        ">=",
        "个",
        1.5,
        4.5,
        1,
        "每千人口拥有3岁以下婴幼儿托位数达到{v}个",
        "每千人口拥有3岁以下婴幼儿托位数{v}个",
    ),
    _m(
        "hospital",
        "livelihood",
        "人民医院新院区",
        "New hospital campus",
        "done",
        "",
        0,
        0,
        0,
        "建成人民医院新院区",
        "人民医院新院区建成投用",
    ),
    _m(
        "new-school",
        "livelihood",
        "第二实验学校",
        "Second experimental school",
        "done",
        "",
        0,
        0,
        0,
        "建成第二实验学校",
        "第二实验学校建成招生",
    ),
    # government
    _m(
        "approval-days",
        "government",
        "工程建设项目审批时限",
        "Project approval time",
        "<=",
        "个工作日",
        30,
        80,
        0,
        "工程建设项目审批时限压缩至{v}个工作日以内",
        "工程建设项目审批时限压缩至{v}个工作日",
    ),
    _m(
        "online-services",
        "government",
        "政务服务事项网上可办率",
        "Services available online",
        ">=",
        "%",
        90,
        99.5,
        1,
        "政务服务事项网上可办率达到{v}%以上",
        "政务服务事项网上可办率{v}%",
    ),
    _m(
        "tax-relief",
        "government",
        "为企业减税降费",
        "Tax and fee relief",
        ">=",
        "亿元",
        2,
        12,
        2,
        "为企业减税降费{v}亿元以上",
        "为企业减税降费{v}亿元",
    ),
    _m(
        "audits",
        "government",
        "完成审计项目",
        "Audit projects",
        ">=",
        "个",
        10,
        40,
        0,
        "完成审计项目{v}个",
        "完成审计项目{v}个",
    ),
    _m(
        "debt-plan",
        "government",
        "政府债务风险化解年度任务",
        "Annual debt-risk plan",
        "done",
        "",
        0,
        0,
        0,
        "完成政府债务风险化解年度任务",
        "政府债务风险化解年度任务全面完成",
    ),
)

AREAS = (
    (
        "economy",
        "（一）",
        "坚持稳中求进，全力保障经济平稳增长",
        "Steady growth",
        "精准施策稳定经济增长",
    ),
    (
        "integration",
        "（二）",
        "把握发展机遇，不断提升区域协同发展水平",
        "Regional integration",
        "坚定不移厚植发展优势",
    ),
    (
        "industry",
        "（三）",
        "推动产业强县，加快构建现代化产业体系",
        "Industry",
        "聚焦实体做强产业支撑",
    ),
    (
        "urban-rural",
        "（四）",
        "统筹城乡发展，更高水平促进城乡融合",
        "Towns and countryside",
        "凝心聚力推进乡村振兴",
    ),
    (
        "ecology",
        "（五）",
        "坚定绿色发展，深度推动生态文明建设",
        "Environment",
        "扎实有力建设生态文明",
    ),
    (
        "livelihood",
        "（六）",
        "做好民生工作，扎实推进实现共同富裕",
        "Livelihoods and public services",
        "用心用情提高民生保障",
    ),
    (
        "government",
        "（七）",
        "坚持党的领导，着力打造高效有为政府",
        "Government",
        "全力以赴深化各项改革",
    ),
)

HEADINGS = {
    "economy": ("大力推进招商引资", "全力扩大有效投资", "持续激发消费活力", "培育壮大市场主体"),
    "integration": ("深度融入区域发展", "高标准建设合作平台", "加快引进高端人才"),
    "industry": ("做大做强先进制造业", "推动企业数字化转型", "加快发展文旅产业"),
    "urban-rural": ("完善交通基础设施", "提升城市品质", "全面推进乡村振兴"),
    "ecology": ("深入打好污染防治攻坚战", "推进绿美县城建设", "推动绿色低碳发展"),
    "livelihood": ("办好人民满意的教育", "强化就业优先政策", "健全养老托育服务"),
    "government": ("持续优化营商环境", "加快建设数字政府", "防范化解重大风险"),
}

FILLER = (
    "坚持稳中求进工作总基调，统筹推进稳增长、促改革、调结构、惠民生、防风险、保稳定各项工作",
    "完整、准确、全面贯彻新发展理念，服务和融入新发展格局",
    "强化要素保障，建立健全重点项目包干服务机制，推动项目早落地、早投产、早见效",
    "坚持以人民为中心的发展思想，着力解决群众急难愁盼问题",
    "持续深化“放管服”改革，推动更多政务服务事项一网通办",
    "加强统筹协调，压实各方责任，确保各项任务落到实处",
    "坚持生态优先、绿色发展，守护好绿水青山",
    "深化区域合作，主动承接产业转移，打造协同发展新格局",
    "聚焦主导产业补链强链延链，推动产业集群发展",
    "加快补齐公共服务短板，让发展成果更多更公平惠及全体人民",
    "统筹发展和安全，牢牢守住安全生产底线",
    "健全工作机制，强化督查考核，营造干事创业的浓厚氛围",
)

GLOSSARY = (
    "“百千万工程”：指百县千镇万村高质量发展工程",
    "“四上”企业：指规模以上工业企业、有资质的建筑业企业、限额以上批发零售业和住宿餐饮业企业、规模以上服务业企业",
    "高标准农田：指田块平整、集中连片、设施完善、农电配套、土壤肥沃、生态良好的耕地",
    "国考断面：指纳入国家地表水环境质量考核的监测断面",
)


@dataclass(frozen=True)
class SyntheticSet:
    """A generated targets file, its seeds folder and how much it holds."""

    scale: int
    targets_file: Path
    seeds_dir: Path
    commitments: int
    reports: int
    yaml_bytes: int
    seeds_bytes: int
    split_bytes: int = 0

    @property
    def split_file(self) -> Path:
        """Return the top file of the same records split one file per report (`include:`)."""
        return self.targets_file.parent / "split" / "targets.yaml"


def base_commitment_count(targets_file: Path) -> int:
    """Return the number of commitments in the bundled file, or the default when it is absent or tiny."""
    try:
        data = yaml.load(targets_file.read_bytes(), Loader=yaml.CSafeLoader)
        count = len(data.get("commitments") or [])
    except (OSError, yaml.YAMLError, AttributeError, TypeError):
        return DEFAULT_BASE_COMMITMENTS
    return count if count >= 10 else DEFAULT_BASE_COMMITMENTS


def _format(metric: Metric, value: float) -> str:
    """Return the figure as the report writes it (fixed decimals)."""
    return f"{value:.{metric.decimals}f}"


def _target(metric: Metric, rng: random.Random) -> float:
    """Return a promised figure in the metric's usual range."""
    return round(rng.uniform(metric.low, metric.high), metric.decimals)


def _outcome(metric: Metric, target: float, rng: random.Random) -> float:
    """Return what was reported for a target: mostly near it, sometimes short of it."""
    if metric.op == "~":
        value = target + rng.uniform(-1.8, 1.0)
    elif metric.op == "<=":
        value = target * rng.uniform(0.85, 1.1)
    else:
        value = target * rng.uniform(0.82, 1.2)
    if metric.unit == "%" and metric.low >= 50:
        value = min(value, 100.0)
    return round(value, metric.decimals)


def _wrap(paragraph: str) -> list[str]:
    """Return the paragraph hard-wrapped like the PDF text; only its last line ends with 。."""
    lines, start = [], 0
    while len(paragraph) - start > LINE_WIDTH:
        cut = start + LINE_WIDTH
        while cut > start + 20 and (
            paragraph[cut - 1] in "。：" or paragraph[cut].isdigit() or paragraph[cut] in "（—〔〕"
        ):
            cut -= 1
        lines.append(paragraph[start:cut])
        start = cut
    lines.append(paragraph[start:])
    return lines


def _text(blocks: list[str]) -> str:
    """Return blocks (paragraphs and heading lines) laid out as the PDF extraction does."""
    lines = [line for block in blocks for line in _wrap(block)]
    return "\n\n".join(lines) + "\n"


def _county_name(county: int) -> str:
    return f"合成第{county}县"


class _County:
    """One county's five reports: targets, outcomes and milestones, drawn once."""

    def __init__(self, county: int, years: int = YEARS_PER_COUNTY):
        self.county = county
        self.rng = random.Random(f"{SEED}-{county}")
        self.years = range(FIRST_YEAR, FIRST_YEAR + years)
        rng = self.rng
        self.targets: dict[int, dict[str, float]] = {}
        self.outcomes: dict[int, dict[str, float]] = {FIRST_YEAR - 1: {}}
        self.done: dict[int, dict[str, bool]] = {FIRST_YEAR - 1: {}}
        for m in METRICS:
            if m.op == "done":
                self.done[FIRST_YEAR - 1][m.key] = rng.random() < 0.5
            else:
                self.outcomes[FIRST_YEAR - 1][m.key] = _outcome(m, _target(m, rng), rng)
        for year in self.years:
            self.targets[year] = {m.key: _target(m, rng) for m in METRICS if m.op != "done"}
            self.outcomes[year] = {
                m.key: _outcome(m, self.targets[year][m.key], rng)
                for m in METRICS
                if m.op != "done"
            }
            self.done[year] = {m.key: rng.random() < 0.8 for m in METRICS if m.op == "done"}

    def report_id(self, year: int) -> str:
        return f"syn-c{self.county:04d}-{year}"

    def stats_id(self, year: int) -> str:
        return f"syn-c{self.county:04d}-stats-{year}"

    def file_name(self, year: int) -> str:
        return f"{self.report_id(year)}.txt"

    def plan_quote(self, metric: Metric, year: int) -> str:
        if metric.op == "done":
            return metric.plan
        return metric.plan.format(v=_format(metric, self.targets[year][metric.key]))

    def review_quote(self, metric: Metric, year: int) -> str | None:
        """Return the clause the report of year+1 uses for the outcome of year, if any."""
        if metric.op == "done":
            return metric.review if self.done[year][metric.key] else None
        return metric.review.format(v=_format(metric, self.outcomes[year][metric.key]))

    def excluded_sites(self, year: int) -> int:
        return 2 + (self.county + year) % 5

    def report_text(self, year: int) -> str:
        """Return the report of year: review of year-1, plan of year, glossary."""
        rng = random.Random(f"{SEED}-{self.county}-{year}-text")
        name = _county_name(self.county)
        session = year - FIRST_YEAR + 1
        blocks = [
            f"{MARK} 合成数据，仅供性能测试，不是真实报告",
            f"{name}人民政府工作报告",
            f"——{year}年3月15日在{name}",
            f"第一届人民代表大会第{session}次会议上",
            f"{name}人民政府县长 测试员",
            "各位代表：",
            "现在，我代表县人民政府，向大会作工作报告，请予以审议，并请各位政协委员和其他列席人员提出意见。",
            f"{year - 1} 年工作回顾",
            f"{year - 1}年，我县{rng.choice(FILLER)}，{rng.choice(FILLER)}，经济社会发展取得新成效。",
            "一年来，我们主要做了以下工作。",
        ]
        for index, (area, _chapter, _title, _en, review_title) in enumerate(AREAS):
            clauses = []
            for m in METRICS:
                if m.area != area:
                    continue
                clause = self.review_quote(m, year - 1)
                clauses.append(clause or f"{m.title}加快建设")
            marker = "〔1〕" if index == 0 else ""
            blocks.append(
                f"（{'一二三四五六七八'[index]}）{review_title}。{rng.choice(FILLER)}{marker}，"
                + "，".join(clauses)
                + f"。{rng.choice(FILLER)}。"
            )
        blocks += [
            "（八）从严从实加强自身建设。" + "。".join(rng.sample(FILLER, 3)) + "。",
            f"{year} 年工作安排",
            f"{year}年是全面贯彻落实党的二十大精神的关键之年。{rng.choice(FILLER)}，{rng.choice(FILLER)}。",
        ]
        headline = [m for m in METRICS if m.area == "economy" and m.unit == "%"]
        blocks.append(
            "今年全县经济社会发展主要预期目标是："
            + "，".join(self.plan_quote(m, year) for m in headline)
            + "。"
        )
        blocks.append("围绕实现上述目标，重点抓好以下七方面工作：")
        for area, chapter, title, _en, _review in AREAS:
            blocks.append(f"{chapter}{title}")
            metrics = [m for m in METRICS if m.area == area and m not in headline]
            headings = HEADINGS[area]
            groups = [metrics[i :: len(headings)] for i in range(len(headings))]
            for heading, group in zip(headings, groups, strict=True):
                sentences = [f"{heading}。{rng.choice(FILLER)}"]
                for m in group:
                    sentences.append(f"{rng.choice(FILLER)}，{self.plan_quote(m, year)}")
                if area == "ecology" and heading == headings[0]:
                    sentences.append(
                        f"持续加大{self.excluded_sites(year)}个国控站点周边环境整治力度"
                    )
                blocks.append("。".join(sentences) + "。")
        blocks.append(
            "各位代表！新征程催人奋进，新使命重任在肩。让我们团结一心，真抓实干，奋力谱写高质量发展新篇章！"
        )
        blocks.append("名 词 解 释")
        blocks += [f"{i}.{note}。" for i, note in enumerate(GLOSSARY, 1)]
        return _text(blocks) + "\n— 1 —\n"


def _q(text: str) -> str:
    """Return text as a YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def _commitment_yaml(county: _County, metric: Metric, year: int, rng: random.Random) -> str:
    """Return one commitment record in the block style of the README's examples."""
    out = [
        f"  - id: {county.report_id(year)}-{metric.key}",
        f"    report: {county.report_id(year)}",
        f"    year: {year}",
        f"    area: syn-{metric.area}",
        f"    title: {_q(metric.title)}",
        f"    title_en: {_q(metric.title_en)}",
        f"    metric: {metric.key}",
        "    target:",
        f"      op: {_q(metric.op)}",
    ]
    if metric.op != "done":
        out += [
            f"      value: {_format(metric, county.targets[year][metric.key])}",
            f"      unit: {_q(metric.unit)}",
        ]
    out.append(f"    quote: {_q(county.plan_quote(metric, year))}")
    if metric.op != "done":
        out += [
            "    baseline:",
            f"      year: {year - 1}",
            f"      value: {_format(metric, county.outcomes[year - 1][metric.key])}",
            f"      quote: {_q(county.review_quote(metric, year - 1))}",
        ]
    if year + 1 in county.years:
        kind = rng.random()
        review = county.review_quote(metric, year)
        if metric.op == "done" and review:
            out += [
                "    progress:",
                f"      - year: {year}",
                "        done: true",
                f"        source: {county.report_id(year + 1)}",
                f"        quote: {_q(review)}",
            ]
        elif metric.op != "done" and kind < 0.85:
            out += [
                "    progress:",
                f"      - year: {year}",
                f"        value: {_format(metric, county.outcomes[year][metric.key])}",
                f"        source: {county.report_id(year + 1)}",
                f"        quote: {_q(review)}",
            ]
        elif metric.op != "done" and kind < 0.95:
            out += [
                "    progress:",
                f"      - year: {year}",
                f"        value: {_format(metric, county.outcomes[year][metric.key])}",
                f"        source: {county.stats_id(year)}",
                f"        note: {_q(f'{MARK}: 统计公报 一、综合')}",
            ]
    return "\n".join(out) + "\n"


def _reports_yaml(county: _County, only_year: int | None = None) -> str:
    name = _county_name(county.county)
    out = []
    for year in county.years:
        if only_year is not None and year != only_year:
            continue
        out += [
            f"  - id: {county.report_id(year)}",
            f"    title: {_q(f'{MARK} {name}人民政府工作报告（{year}年）')}",
            f"    title_en: {_q(f'{MARK} Synthetic County {county.county} Government Work Report {year}')}",
            f"    date: {year}-03-15",
            f"    file: {county.file_name(year)}",
            f"  - id: {county.stats_id(year)}",
            f"    title: {_q(f'{MARK} {name}{year}年国民经济和社会发展统计公报')}",
            f"    title_en: {_q(f'{MARK} Synthetic County {county.county} Statistical Bulletin {year}')}",
            f"    date: {year + 1}-04",
            f"    publisher: {_q(f'{MARK} {name}统计局')}",
        ]
    return "\n".join(out) + "\n"


def _exclusion_yaml(county: _County, year: int) -> str:
    sites = county.excluded_sites(year)
    return (
        f"  - report: {county.report_id(year)}\n"
        f"    figure: {_q(f'{sites}个')}\n"
        f"    quote: {_q(f'持续加大{sites}个国控站点周边环境整治力度')}\n"
        f"    reason: {_q(f'{MARK}: names the monitoring sites; not a quantity to achieve')}\n"
    )


def generate(scale: int, out_dir: Path, base: int = DEFAULT_BASE_COMMITMENTS) -> SyntheticSet:
    """Write targets.yaml and seeds/ with scale × base commitments into out_dir; return what was written."""
    total = scale * base
    reports_needed = math.ceil(total / len(METRICS))
    counties = math.ceil(reports_needed / YEARS_PER_COUNTY)
    seeds = out_dir / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for old in seeds.glob("syn-*.txt"):
        old.unlink()
    reports, commitments, exclusions = [], [], []
    split_files: dict[str, list[str]] = {}
    written = reports_written = seeds_bytes = 0
    for number in range(1, counties + 1):
        years = min(YEARS_PER_COUNTY, reports_needed - (number - 1) * YEARS_PER_COUNTY)
        county = _County(number, years)
        rng = random.Random(f"{SEED}-{number}-records")
        reports.append(_reports_yaml(county))
        for year in county.years:
            data = county.report_text(year).encode("utf-8")
            (seeds / county.file_name(year)).write_bytes(data)
            seeds_bytes += len(data)
            reports_written += 1
            exclusions.append(_exclusion_yaml(county, year))
            first = len(commitments)
            for metric in METRICS:
                if written < total:
                    commitments.append(_commitment_yaml(county, metric, year, rng))
                    written += 1
            split_files[county.report_id(year)] = [
                "reports:\n",
                _reports_yaml(county, year),
                *(["commitments:\n", *commitments[first:]] if len(commitments) > first else []),
                "exclusions:\n",
                exclusions[-1],
            ]
    areas = [
        f"  - id: syn-{key}\n    name: {_q(title)}\n    name_en: {_q(en + ' (synthetic)')}\n"
        f"    chapter: {_q(chapter)}\n"
        for key, chapter, title, en, _review in AREAS
    ]
    header = (
        f"# {MARK} benchmark data written by bench/synthetic.py: {scale}x the bundled "
        f"commitments ({written}). Not real figures; never ship it.\n"
    )
    text = "".join(
        [
            header,
            "reports:\n",
            *reports,
            "areas:\n",
            *areas,
            "commitments:\n",
            *commitments,
            "exclusions:\n",
            *exclusions,
        ]
    )
    targets_file = out_dir / "targets.yaml"
    data = text.encode("utf-8")
    targets_file.write_bytes(data)
    split_bytes = write_split(out_dir / "split", header, areas, split_files)
    return SyntheticSet(
        scale, targets_file, seeds, written, reports_written, len(data), seeds_bytes, split_bytes
    )


def write_split(split_dir: Path, header: str, areas: list[str], files: dict[str, list[str]]) -> int:
    """Write the same records as a top targets.yaml (areas and `include:`) and one file per
    county and year (its report, the year's statistics bulletin, commitments and exclusion);
    return the bytes written."""
    records = split_dir / "targets"
    records.mkdir(parents=True, exist_ok=True)
    for old in records.glob("syn-*.yaml"):
        old.unlink()
    seeds_link = split_dir / "seeds"
    if not seeds_link.is_symlink():
        seeds_link.symlink_to(Path("..") / "seeds")
    top = "".join([header, "include:\n  - targets/*.yaml\n", "areas:\n", *areas]).encode()
    (split_dir / "targets.yaml").write_bytes(top)
    written = len(top)
    for report_id, parts in files.items():
        data = "".join([header, *parts]).encode("utf-8")
        (records / f"{report_id}.yaml").write_bytes(data)
        written += len(data)
    return written


def _generator_fingerprint(scale: int, base: int) -> str:
    """Return a hash of this generator's source and its parameters."""
    source = Path(__file__).read_bytes()
    return hashlib.sha256(source + f"{scale}:{base}".encode()).hexdigest()


def ensure_generated(scale: int, base: int, out_root: Path = OUT_DIR) -> SyntheticSet:
    """Return the synthetic set for a scale, generating it unless an identical one is on disk."""
    out_dir = out_root / f"{scale}x"
    stamp = out_dir / "generated.json"
    fingerprint = _generator_fingerprint(scale, base)
    if stamp.is_file():
        saved = json.loads(stamp.read_text())
        if saved.get("fingerprint") == fingerprint and (out_dir / "targets.yaml").is_file():
            return SyntheticSet(
                scale,
                out_dir / "targets.yaml",
                out_dir / "seeds",
                saved["commitments"],
                saved["reports"],
                saved["yaml_bytes"],
                saved["seeds_bytes"],
                saved.get("split_bytes", 0),
            )
    result = generate(scale, out_dir, base)
    stamp.write_text(
        json.dumps(
            {
                "fingerprint": fingerprint,
                "commitments": result.commitments,
                "reports": result.reports,
                "yaml_bytes": result.yaml_bytes,
                "seeds_bytes": result.seeds_bytes,
                "split_bytes": result.split_bytes,
            }
        )
    )
    return result
