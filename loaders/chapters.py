"""The chapter of each commitment, read from where its quote stands in its report.

Chapter numbers belong to a report: the 2023 plan may number its chapters differently from the
2022 plan, so an area's `chapter` (2022's （四）) is no guide to a 2023 commitment of the same
area. A commitment's chapter is the chapter of the paragraph its quote is in (in the plan part
when the quote is found in several parts); the area's `chapter` is used only when the quote
cannot be located (its report is not in seeds/).
"""

from __future__ import annotations

from loaders.model import Commitment, TargetsFile
from loaders.quotes import quote_paragraphs
from loaders.report import Document


def commitment_chapter(
    commitment: Commitment, documents: dict[str, Document], targets: TargetsFile
) -> str:
    """Return a commitment's chapter number (（三）), or '' for none (the headline paragraph)."""
    document = documents.get(commitment.report)
    if document is not None:
        matches = quote_paragraphs(document, commitment.quote)
        if matches:
            in_plan = [m for m in matches if document.paragraph(m).part == "plan"]
            return document.paragraph((in_plan or matches)[0]).chapter or ""
    area = targets.area(commitment.area)
    return (area.chapter or "") if area else ""


def commitment_chapters(targets: TargetsFile, documents: dict[str, Document]) -> dict[str, str]:
    """Return the chapter of every commitment, by id."""
    return {c.id: commitment_chapter(c, documents, targets) for c in targets.commitments}
