"""Check quotes against the reports' texts in seeds/: every quote as the report writes it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from loaders.model import Report
from loaders.problems import Where
from loaders.texts.quotes import contains_quote, find_across_paragraphs, passage_sharing_words

if TYPE_CHECKING:
    from loaders.rules.validator import Validator


def undeclared_files(seeds: Path, declared: set[str]) -> list[str]:
    """Return the name of each report text in seeds/ that no report declares (its quotes go
    unchecked)."""
    if not seeds.is_dir():
        return []
    return [
        path.name
        for path in sorted(seeds.iterdir())
        if path.name not in declared
        and not path.name.startswith(".")
        and not path.name.upper().startswith("README")
        and path.suffix == ".txt"
        and path.is_file()
    ]


def undeclared_message(seeds: Path, name: str) -> str:
    """Return the warning for a report text in seeds/ that no report declares."""
    return (
        f"{seeds.name}/{name} is not declared, so no quote is checked against it: "
        f'add "- id: {Path(name).stem}" and "  file: {name}" under reports: (with title, '
        "title_en and date)"
    )


def check_quote(validator: Validator, report: Report, quote: str, at: Where) -> bool:
    """A quote is in its report's text as written, within one paragraph; return True when it is."""
    if report.file is None:
        validator.problem(
            at, "quote-not-checkable", f"cannot be checked: {report.id} is not in seeds/"
        )
        return False
    document = validator.documents.get(report.id)
    if document is None:
        return False  # the unreadable report is a problem of its own
    if contains_quote(document, quote):
        return True
    across = find_across_paragraphs(document, quote)
    if across is not None:
        first, last = across
        validator.problem(
            at,
            "quote-across-paragraphs",
            f"runs across a paragraph break of {report.file} (paragraphs {first} to "
            f"{last}): quote only the part within one paragraph",
        )
        return False
    closest = passage_sharing_words(document, quote)
    if closest is None:
        validator.problem(
            at,
            "quote-not-found",
            f"not found in {report.file}, and no passage shares half its words: check the "
            "source is the report that says it, then copy the text exactly as it is written",
        )
        return False
    validator.problem(
        at,
        "quote-not-found",
        f'not found in {report.file}; closest passage: "{closest}" — copy the text exactly as the report writes it',
    )
    return False
