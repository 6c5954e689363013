"""SYNTHETIC benchmark data: N× the bundled commitments, with report texts that hold every quote.

A province-wide tracker: many counties (合成第N县), each with five yearly work reports. The
report of year Y reviews year Y-1 (the baselines of Y's commitments and the progress of
Y-1's) and plans year Y (the commitments). Reports are written in the style of the 2022
report in seeds/: a hard line break every ~30 characters, a blank line between lines,
chapters （一）…（七）, paragraphs opening with a short heading, an annex 名词解释.

The words (kinds of commitment, chapters, headings, filler sentences) are data in
bench/synthetic_data/; this module draws figures and lays the words out. Everything is marked:
ids start with `syn-`, report titles with `SYNTHETIC`, every text file and the targets file say
so on their first line. Nothing here is a real figure. Generation is seeded: the same scale
always gives the same bytes, and a set on disk is reused while this module and its data files
are unchanged.
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


class Area(NamedTuple):
    """A chapter of the plan (its title) and of the review (review_title)."""

    key: str
    chapter: str
    title: str
    title_en: str
    review_title: str


#: the words the reports are made of, SYNTHETIC, kept as data beside this generator
DATA_DIR = Path(__file__).resolve().parent / "synthetic_data"
DATA_FILES = (DATA_DIR / "metrics.yaml", DATA_DIR / "words.yaml")


def _read_data(path: Path) -> dict:
    """Return a data file's content (read by libyaml: the bench imports this module often)."""
    return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


_WORDS = _read_data(DATA_DIR / "words.yaml")
METRICS = tuple(Metric(**metric) for metric in _read_data(DATA_DIR / "metrics.yaml")["metrics"])
AREAS = tuple(Area(**area) for area in _WORDS["areas"])
HEADINGS = {area: tuple(headings) for area, headings in _WORDS["headings"].items()}
FILLER = tuple(_WORDS["filler"])
GLOSSARY = tuple(_WORDS["glossary"])


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
            f"    place: {_q(name)}",
            f"    place_en: {_q(f'Synthetic County {county.county}')}",
            f"  - id: {county.stats_id(year)}",
            f"    title: {_q(f'{MARK} {name}{year}年国民经济和社会发展统计公报')}",
            f"    title_en: {_q(f'{MARK} Synthetic County {county.county} Statistical Bulletin {year}')}",
            f"    date: {year + 1}-04",
            f"    publisher: {_q(f'{MARK} {name}统计局')}",
            f"    place: {_q(name)}",
            f"    place_en: {_q(f'Synthetic County {county.county}')}",
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
    """Return a hash of this generator's source, its data files and its parameters."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in DATA_FILES:
        digest.update(path.read_bytes())
    digest.update(f"{scale}:{base}".encode())
    return digest.hexdigest()


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
