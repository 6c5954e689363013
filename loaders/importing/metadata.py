"""What an imported document is, read from its text: its title, kind and date; and the names
`targets import` gives it: the report id and the file in seeds/."""

from __future__ import annotations

import datetime as dt
import re

#: the kind of a document, by words of its title (the first that matches)
KIND_WORDS = (
    ("工作报告", "work-report"),
    ("统计公报", "bulletin"),
    ("计划执行情况", "plan-execution"),
)
OTHER_KIND = "report"
TITLE_WORDS = re.compile(r"工作报告|统计公报|执行情况|报告|公报")
SENTENCE_MARKS = re.compile(r"[，。：；,:;]")  # a title is not a sentence
MAX_TITLE = 40  # characters: a longer paragraph is prose, not a title
TITLE_PARAGRAPHS = 12  # the title stands among the first paragraphs
DATE = re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
ISO_DATE = re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
DATE_CUES = ("——", "—", "发布", "日期", "时间", "在")
DATE_PARAGRAPHS = 20


def document_kind(title: str) -> str:
    """Return a document's kind from its title: work-report, bulletin, plan-execution, report."""
    for words, kind in KIND_WORDS:
        if words in title:
            return kind
    return OTHER_KIND


def guess_title(paragraphs: list[str]) -> str:
    """Return the document's title: the first short paragraph that names a report or a
    bulletin (not a sentence), else the first short paragraph, else ""."""
    first = [p.strip() for p in paragraphs[:TITLE_PARAGRAPHS] if p.strip()]
    short = [p for p in first if len(p) <= MAX_TITLE]
    named = [p for p in short if TITLE_WORDS.search(p) and not SENTENCE_MARKS.search(p)]
    return (named or short or [""])[0]


def titled(title: str, place: str | None, year: int) -> str:
    """Return a title that names its place and year: 政府工作报告 → 龙门县政府工作报告（2025年）."""
    if not place or place in title:
        return title
    return title if str(year) in title else f"{place}{title}（{year}年）"


def guess_date(paragraphs: list[str]) -> dt.date | None:
    """Return the date the text gives near its start (a meeting date ——2025年1月9日在…, a
    publication date 发布时间：2024-01-19), or None."""
    found: list[tuple[int, dt.date]] = []
    for paragraph in paragraphs[:DATE_PARAGRAPHS]:
        for pattern in (DATE, ISO_DATE):
            for match in pattern.finditer(paragraph):
                try:
                    date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
                except ValueError:
                    continue
                before = paragraph[max(0, match.start() - 6) : match.start()]
                cue = any(word in before for word in DATE_CUES) or match.start() == 0
                found.append((0 if cue else 1, date))
    return min(found, key=lambda item: item[0])[1] if found else None


def slug(text: str) -> str:
    """Return text as an id: lowercase ASCII letters and digits joined by hyphens ("" if none)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def report_id(place_en: str | None, year: int, kind: str) -> str:
    """Return a report's id: longmen-county-2025 (a work report), longmen-county-bulletin-2024."""
    base = slug(place_en or "") or "report"
    return f"{base}-{year}" if kind == "work-report" else f"{base}-{kind}-{year}"


def seed_name(date: dt.date, place_en: str | None, report: str, kind: str) -> str:
    """Return the file name of an imported text in seeds/: 2025-01-09-longmen-county-work-report.txt."""
    return f"{date.isoformat()}-{slug(place_en or '') or report}-{kind}.txt"
