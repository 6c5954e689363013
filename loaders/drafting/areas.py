"""The areas of drafted commitments: the area a chapter's figures go under, or a new one.

A chapter's figures go under the area whose name is the chapter's title; before the first
chapter, under the area named in their paragraph (主要预期目标); else under the area most of the
chapter's repeated measures were recorded under last time; else under a new area drafted from
the chapter's title, its English name left for a person to write.
"""

from __future__ import annotations

from loaders.drafting.draft_types import NAME_EN_MARKER, DraftedArea
from loaders.figures.finder import FoundFigure
from loaders.figures.scan import chinese_number
from loaders.model import Area, Commitment, TargetsFile
from loaders.texts.matching import normalise
from loaders.texts.parts import CHAPTER_MARKER
from loaders.texts.report import Document, Paragraph


def chapter_key(paragraph: Paragraph) -> tuple[str | None, str | None]:
    """Return what identifies a paragraph's chapter: its number and title."""
    return paragraph.chapter, paragraph.chapter_title


def draft_areas(
    targets: TargetsFile,
    report_id: str,
    document: Document,
    items: list[FoundFigure],
    carried: dict[int, tuple[Commitment, tuple[str, ...]]],
) -> tuple[list[DraftedArea], dict[tuple, str]]:
    """Return the new areas and, per chapter of the drafted figures, the area id."""
    by_name = {normalise(a.name): a for a in targets.areas}
    chapters: dict[tuple, list[FoundFigure]] = {}
    for item in items:
        chapters.setdefault(chapter_key(document.paragraph(item.figure.paragraph)), []).append(item)
    new_areas: list[DraftedArea] = []
    area_of: dict[tuple, str] = {}
    for key, members in chapters.items():
        chapter, title = key
        area = by_name.get(normalise(title)) if title else None
        if area is None and title is None:
            area = _area_named_in(targets.areas, document, members)
        if area is None:
            area = _area_continued(targets, members, carried)
        if area is not None:
            area_of[key] = area.id
            continue
        drafted = _new_area(report_id, chapter, title, members, document)
        known = targets.area(drafted.id)
        if known is None and drafted.id not in {a.id for a in new_areas}:
            new_areas.append(drafted)
        area_of[key] = drafted.id
    return new_areas, area_of


def _area_named_in(
    areas: tuple[Area, ...], document: Document, members: list[FoundFigure]
) -> Area | None:
    """Return the area whose name the figures' paragraph holds (主要预期目标是：…), or None."""
    texts = {normalise(document.paragraph(m.figure.paragraph).text) for m in members}
    for area in areas:
        name = normalise(area.name)
        if len(name) >= 4 and any(name in text for text in texts):
            return area
    return None


def _area_continued(
    targets: TargetsFile,
    members: list[FoundFigure],
    carried: dict[int, tuple[Commitment, tuple[str, ...]]],
) -> Area | None:
    """Return the area most of the chapter's repeated measures were recorded under, or None."""
    counts: dict[str, int] = {}
    for member in members:
        if id(member) in carried:
            area = carried[id(member)][0].area
            counts[area] = counts.get(area, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    leaders = [a for a, n in counts.items() if n == best]
    if len(leaders) > 1 or 2 * best < sum(counts.values()):
        return None
    return targets.area(leaders[0])


def _new_area(
    report_id: str,
    chapter: str | None,
    title: str | None,
    members: list[FoundFigure],
    document: Document,
) -> DraftedArea:
    """Return an area drafted from a chapter: its title as the name, an id from its number."""
    number = None
    if chapter:
        marker = CHAPTER_MARKER.match(chapter)
        number = chinese_number(marker.group(1)) if marker else None
    suffix = f"chapter-{number}" if number else "plan"
    name = title or document.paragraph(members[0].figure.paragraph).heading or "工作安排"
    return DraftedArea(f"{report_id}-{suffix}", name, NAME_EN_MARKER, chapter)
