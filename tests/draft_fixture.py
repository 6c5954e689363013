"""SYNTHETIC tiny reports and targets file for the tests of `targets draft` (made-up figures)."""

from pathlib import Path

REPORT_2022 = """合成区人民政府工作报告（SYNTHETIC，测试用，非真实文件）

各位代表：

2022 年工作安排

今年主要预期目标是：地区生产总值增长6%左右。

（一）做好民生工作

扩大公共服务供给。确保新增学位 5000个以上，新建碧道 3公里。
"""

REPORT_2023 = """合成区人民政府工作报告（SYNTHETIC，测试用，非真实文件）

各位代表：

2022 年工作回顾

（一）民生持续改善。新增学位 5200个，新建碧道 2.5公里。

2023 年工作安排

今年主要预期目标是：地区生产总值增长 5.5%左右。

（一）{chapter_one}

办好教育。新增公办学位 1.2万个，新建碧道 4公里，新增养老床位 300张，全年接待游客约 600万人次。

（二）建设数字政府

提升政务服务。政务服务网上可办率达到 95%，全面建成区政务服务中心，办好十件民生实事。
"""

TARGETS = """# SYNTHETIC test data: a made-up district, never real figures.
reports:
  - id: syn-2022
    title: 合成区政府工作报告（2022年）
    title_en: Synthetic District Work Report 2022
    date: 2022-03-01
    file: syn-2022.txt
  - id: syn-2023
    title: 合成区政府工作报告（2023年）
    title_en: Synthetic District Work Report 2023
    date: 2023-02-01
    file: syn-2023.txt

areas:
  - id: headline
    name: 主要预期目标
    name_en: Headline targets
  - id: livelihood
    name: 做好民生工作
    name_en: Livelihoods
    chapter: （一）

commitments:
  - id: gdp-growth-2022
    report: syn-2022
    year: 2022
    area: headline
    metric: gdp-growth
    title: 地区生产总值增长
    title_en: GDP growth
    target: {op: "~", value: 6, unit: "%"}
    quote: 地区生产总值增长6%左右

  - id: school-places-2022
    report: syn-2022
    year: 2022
    area: livelihood
    metric: school-places
    title: 新增学位
    title_en: New school places
    target: {op: ">=", value: 5000, unit: 个}
    quote: 确保新增学位 5000个以上

  - id: greenways-2022
    report: syn-2022
    year: 2022
    area: livelihood
    metric: greenways
    title: 碧道建设
    title_en: Greenways built
    target: {op: ">=", value: 3, unit: 公里}
    quote: 新建碧道 3公里
"""


def write_fixture(folder: Path, chapter_one: str = "做好民生工作") -> Path:
    """Write the targets file and both reports under folder; return the targets file."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / "syn-2022.txt").write_text(REPORT_2022, encoding="utf-8")
    (seeds / "syn-2023.txt").write_text(
        REPORT_2023.format(chapter_one=chapter_one), encoding="utf-8"
    )
    targets = folder / "targets.yaml"
    targets.write_text(TARGETS, encoding="utf-8")
    return targets
