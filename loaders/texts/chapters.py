"""The chapter of each commitment, read from where its quote stands in its report.

Chapter numbers belong to a report: the 2023 plan may number its chapters differently from the
2022 plan, so an area's `chapter` (2022's （四）) is no guide to a 2023 commitment of the same
area. A commitment's chapter is the chapter of the paragraph its quote is in (in the plan part
when the quote is found in several parts); the area's `chapter` is used only when the quote
cannot be located (its report is not in seeds/).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from loaders.model import Commitment
from loaders.texts.quotes import quote_paragraphs
from loaders.texts.report import Document


def quote_chapters(document: Document, quotes: list[str]) -> dict[str, str | None]:
    """Return the chapter of each quote's paragraph in a report ('' for none), or None for a
    quote not found: in the plan part when the quote is found in several parts."""
    chapters: dict[str, str | None] = {}
    for quote in quotes:
        matches = quote_paragraphs(document, quote)
        if not matches:
            chapters[quote] = None
            continue
        in_plan = [m for m in matches if document.paragraph(m).part == "plan"]
        chapters[quote] = document.paragraph((in_plan or matches)[0]).chapter or ""
    return chapters


def found_chapters(
    commitments: Iterable[Commitment], documents: Mapping[str, Document]
) -> dict[str, str | None]:
    """Return the chapter of each commitment's quote in its report, by id ('' for none, None
    when its quote is not located or its report's text cannot be read). A file's are found
    when its records are checked, and kept with them (`file_outcome.Checked.chapters`)."""
    by_report: dict[str, list[Commitment]] = {}
    for commitment in commitments:
        by_report.setdefault(commitment.report, []).append(commitment)
    chapters: dict[str, str | None] = {}
    for report_id, of_report in by_report.items():
        try:
            document = documents[report_id]
        except KeyError:  # no text, or one that cannot be read
            document = None
        found = quote_chapters(document, sorted({c.quote for c in of_report})) if document else {}
        for commitment in of_report:
            chapters[commitment.id] = found.get(commitment.quote)
    return chapters
