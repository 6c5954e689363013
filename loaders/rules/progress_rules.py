"""The rules of a commitment's progress: a list of entries, each for a year or date, with its
figure in the target's unit (for a milestone, done: true when complete, done: false while under
way), and its source, quoted when the source's text is in seeds/. Called by
record_rules.commitment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.figures.finder import matches
from loaders.figures.measures import (
    MEASURE_WARNING,
    figure_subject,
    measure_likeness,
    measure_text,
    names_a_part,
)
from loaders.figures.scan import figures_in_text
from loaders.model import Progress, Report, Target
from loaders.problems import Where
from loaders.record.requirements import Facts
from loaders.record.schema import PROGRESS
from loaders.record.values import describe
from loaders.rules.quote_check import check_quote
from loaders.rules.value_check import (
    advise_from_unit,
    check_sign,
    number,
    plausibility,
    value_in_quote,
)

if TYPE_CHECKING:
    from loaders.rules.validator import Validator

_PROGRESS = {spec.name: spec for spec in PROGRESS}


def progress(
    validator: Validator,
    item: dict,
    at: Where,
    promised: Target | None,
    report: Report | None,
    falls: bool = False,
    title: str = "",
) -> tuple[Progress, ...] | None:
    """Progress is a list of entries, each for a year or date, with its figure and source."""
    raw = item.get("progress")
    if raw is None:
        return ()
    at = at / "progress"
    if not isinstance(raw, list):
        validator.problem(
            at,
            "bad-structure",
            f"expected a list of entries (each starting with '- '), got {describe(raw)}",
        )
        return None
    entries = []
    ok = True
    for index, entry in enumerate(raw):
        built = progress_entry(validator, entry, at[index], promised, report, falls, title)
        if built is None:
            ok = False
        else:
            entries.append(built)
            agree_with_earlier(validator, built, entries[:-1], at[index])
    return tuple(entries) if ok else None


def _said(entry: Progress) -> str:
    """Return what a progress entry reports: its value, or done / under way."""
    if entry.value is not None:
        return number(entry.value)
    return "done" if entry.done else "under way"


def agree_with_earlier(
    validator: Validator, entry: Progress, earlier: list[Progress], at: Where
) -> None:
    """Warn when an entry repeats an earlier one exactly (same year, figure and source), or
    gives another figure for the same year than an earlier one."""
    year = entry.year if entry.year is not None else (entry.date.year if entry.date else None)
    for other in earlier:
        other_year = (
            other.year if other.year is not None else (other.date.year if other.date else None)
        )
        if year is None or other_year != year or (entry.date is None) != (other.date is None):
            continue
        if entry.date is not None and entry.date != other.date:
            continue
        if _said(entry) == _said(other) and entry.source == other.source:
            validator.warn(
                at,
                "progress-duplicate",
                f"repeats the entry for {year} from {other.source}: delete one of them",
            )
            return
        if _said(entry) != _said(other):
            validator.warn(
                at,
                "progress-disagree",
                f"{year}: {_said(entry)} from {entry.source}, but {_said(other)} from "
                f"{other.source}: the sources disagree; keep the one that decides (the final "
                "figure, or the later source) and say why in a note",
            )
            return


def quote_measure(
    validator: Validator, value: float, unit: str, quote: str, title: str, at: Where
) -> None:
    """Warn when a progress quote's figure measures something other than its commitment
    (第一产业增加值 under 规上工业增加值增长)."""
    if not title:
        return
    for figure in figures_in_text(quote):
        if figure.value is None or not matches(figure, unit, abs(value)):
            continue
        subject = figure_subject(quote, figure)
        words = measure_text(subject.text).split()
        if not words:
            return  # the quote names no measure: nothing to compare
        if (
            names_a_part(subject.text, title)
            or measure_likeness(title, subject.text) < MEASURE_WARNING
        ):
            validator.warn(
                at,
                "progress-measure",
                f"its figure {figure.text} measures “{''.join(words)}”, not “{title}”: check "
                "that the entry belongs to this commitment",
            )
        return


def progress_entry(
    validator: Validator,
    entry: object,
    at: Where,
    promised: Target | None,
    report: Report | None,
    falls: bool = False,
    title: str = "",
) -> Progress | None:
    """A progress entry gives year or date (the same year if both), its figure and source."""
    if not isinstance(entry, dict):
        validator.problem(
            at,
            "bad-structure",
            f"expected a mapping with year, value and source, got {describe(entry)}",
        )
        return None
    before = len(validator.problems)
    validator.unknown_keys(entry, PROGRESS, at)
    values = {name: validator.read(entry, spec, at) for name, spec in _PROGRESS.items()}
    advise_from_unit(validator, entry, promised, at / "value")
    validator.require(entry, _PROGRESS["year"], at, Facts(entry))
    validator.require(entry, _PROGRESS["date"], at, Facts(entry))
    if (
        values["year"] is not None
        and values["date"] is not None
        and values["year"] != values["date"].year
    ):
        validator.problem(
            at / "year",
            "year-date-mismatch",
            f"{values['year']} does not match date {values['date']}: keep one of them",
        )
    progress_figure(validator, entry, values, promised, at)
    progress_timing(validator, values, report, at)
    source = validator.reference(values["source"], "reports", at / "source")
    if source is not None:
        progress_source(validator, entry, values, source, at, promised, falls, title)
    if len(validator.problems) != before:
        return None
    return Progress(
        source=values["source"],
        year=values["year"],
        date=values["date"],
        value=values["value"],
        done=bool(values["done"]),
        quote=values["quote"],
        note=values["note"],
        line=validator.line(at),
        note_en=values["note_en"],
    )


def progress_figure(
    validator: Validator, entry: dict, values: dict, promised: Target | None, at: Where
) -> None:
    """A milestone's progress says done: true or false; a figure's gives value, in its unit."""
    if promised is None:
        return
    facts = Facts(entry, values, target=promised)
    if promised.op == "done":
        if "value" in entry:
            validator.problem(
                at / "value",
                "field-not-allowed",
                'the target is a milestone (op: "done"): write done: true (complete) or '
                "done: false (under way), not a value",
            )
        else:
            validator.require(entry, _PROGRESS["done"], at, facts)
        return
    if "done" in entry:
        validator.problem(
            at / "done",
            "field-not-allowed",
            f"the target is a figure ({promised.unit}): give value, the reported figure, not done",
        )
    else:
        validator.require(entry, _PROGRESS["value"], at, facts)
    if values["value"] is not None:
        check_sign(validator, values["value"], promised, at / "value")
        plausibility(validator, values["value"], promised, at / "value")
    if values["unit"] is not None and values["unit"] != promised.unit:
        validator.problem(
            at / "unit",
            "unit-mismatch",
            f'"{values["unit"]}" differs from the target\'s unit "{promised.unit}": convert the value to {promised.unit}',
        )


def progress_timing(validator: Validator, values: dict, report: Report | None, at: Where) -> None:
    """Progress is for a time after the commitment's report, not before."""
    if report is None:
        return
    when = values["date"]
    if when is not None and when.month and report.date.month:
        if when.sort_key < report.date.sort_key:
            validator.problem(
                at / "date",
                "progress-before-report",
                f"{when} is before the report ({report.date}): progress records what happened after the commitment",
            )
        return
    year = values["year"] if values["year"] is not None else (when.year if when else None)
    if year is not None and year < report.date.year:
        key = "year" if values["year"] is not None else "date"
        validator.problem(
            at / key,
            "progress-before-report",
            f"{year} is before the report ({report.date}): progress records what happened after the commitment",
        )


def progress_source(
    validator: Validator,
    entry: dict,
    values: dict,
    source: Report,
    at: Where,
    promised: Target | None = None,
    falls: bool = False,
    title: str = "",
) -> None:
    """A source in seeds/ is quoted (the quote checked, and its figure against the value); one
    not in seeds/ gets a note."""
    promised_unit = promised.unit if promised is not None and promised.op != "done" else None
    if source.file is None and "quote" in entry:
        validator.problem(
            at / "quote",
            "quote-not-checkable",
            f"cannot be checked: {source.id} is not in seeds/; use note to say where the figure is",
        )
        return
    facts = Facts(entry, values, source=source)
    validator.require(entry, _PROGRESS["quote"], at, facts)
    validator.require(entry, _PROGRESS["note"], at, facts)
    if source.file is not None and values["quote"] is not None:
        found = check_quote(validator, source, values["quote"], at / "quote")
        figure = values["value"]
        if (
            found
            and figure is not None
            and promised_unit
            and values["unit"] in (None, promised_unit)
        ):
            value_in_quote(validator, figure, promised_unit, values["quote"], at / "value", falls)
            quote_measure(validator, figure, promised_unit, values["quote"], title, at / "quote")
