"""The rules of each kind of record in targets.yaml: one function per record, its rules in order.

Each function takes the validator (for reading fields by their type, references and telling
problems), the record's mapping and where it is; it returns the record, or None when the record
is left out. The fields' types and whether they are required are declared in `schema.py`.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.figures import figures_in_text
from loaders.finder import value_in_unit
from loaders.model import Area, Baseline, Commitment, Exclusion, Progress, Report, Target
from loaders.problems import Where
from loaders.quote_check import check_quote
from loaders.requirements import Facts
from loaders.schema import (
    AREA,
    BASELINE,
    COMMITMENT,
    DEFAULT_TOLERANCE,
    EXCLUSION,
    PROGRESS,
    REPORT,
    SIGNED_UNITS,
    TARGET,
    Field,
)
from loaders.value_check import number, plausibility, value_in_quote
from loaders.values import describe

if TYPE_CHECKING:
    from loaders.validate import Validator


def _by_name(fields: tuple[Field, ...]) -> dict[str, Field]:
    """Return the fields by name."""
    return {spec.name: spec for spec in fields}


_REPORT, _COMMITMENT, _TARGET, _PROGRESS = map(_by_name, (REPORT, COMMITMENT, TARGET, PROGRESS))


def report(validator: Validator, item: dict, at: Where) -> Report | None:
    """A report gives file (a bare name in seeds/) or publisher."""
    values = {name: validator.read(item, spec, at) for name, spec in _REPORT.items()}
    facts = Facts(item, values)
    validator.require(item, _REPORT["file"], at, facts)
    validator.require(item, _REPORT["publisher"], at, facts)
    file_name = values["file"]
    if file_name is not None and (Path(file_name).name != file_name or file_name in (".", "..")):
        validator.problem(
            at / "file",
            "bad-file-name",
            f'"{file_name}" is not a file name in seeds/: put the report in seeds/ and give '
            f'its name alone (e.g. "{Path(file_name).name or "report.txt"}")',
        )
        return None
    if any(values[name] is None for name in ("id", "title", "title_en", "date")):
        return None
    return Report(
        id=values["id"],
        title=values["title"],
        title_en=values["title_en"],
        date=values["date"],
        file=values["file"],
        publisher=values["publisher"],
        url=values["url"],
        plan_starts=values["plan_starts"],
        line=validator.line(at),
    )


def area(validator: Validator, item: dict, at: Where) -> Area | None:
    """An area has id, name and name_en."""
    values = {spec.name: validator.read(item, spec, at) for spec in AREA}
    if any(values[name] is None for name in ("id", "name", "name_en")):
        return None
    return Area(
        values["id"], values["name"], values["name_en"], values["chapter"], validator.line(at)
    )


def commitment(validator: Validator, item: dict, at: Where) -> Commitment | None:
    """A commitment refers to a known report and area, and its quote is in the report."""
    names = (
        "id",
        "report",
        "year",
        "area",
        "title",
        "title_en",
        "quote",
        "metric",
        "note",
        "draft",
    )
    values = {name: validator.read(item, _COMMITMENT[name], at) for name in names}
    source = validator.reference(values["report"], "reports", at / "report")
    validator.reference(values["area"], "areas", at / "area")
    promised = target(validator, item, at)
    if source is not None and values["quote"] is not None:
        found = check_quote(validator, source, values["quote"], at / "quote")
        if found and promised is not None and promised.value is not None and promised.unit:
            value_in_quote(
                validator, promised.value, promised.unit, values["quote"], at / "target" / "value"
            )
    prior = baseline(validator, item, at, promised, source)
    reported = progress(validator, item, at, promised, source)
    required = ("id", "report", "year", "area", "title", "title_en", "quote")
    if any(values[name] is None for name in required) or promised is None or source is None:
        return None
    if "baseline" in item and prior is None or reported is None:
        return None
    return Commitment(
        id=values["id"],
        report=values["report"],
        year=values["year"],
        area=values["area"],
        title=values["title"],
        title_en=values["title_en"],
        target=promised,
        quote=values["quote"],
        metric=values["metric"],
        baseline=prior,
        progress=reported,
        note=values["note"],
        line=validator.line(at),
        draft=bool(values["draft"]),
    )


def target(validator: Validator, item: dict, at: Where) -> Target | None:
    """A target is a milestone without a figure, or a figure: value and unit, tolerance for ~."""
    if "target" not in item:
        validator.problem(
            at / "target",
            "missing-field",
            'missing: add target with op, value and unit (e.g. target: {op: ">=", value: 6900, unit: 个})',
        )
        return None
    raw = item["target"]
    at = at / "target"
    if not isinstance(raw, dict):
        validator.problem(
            at, "bad-structure", f"expected a mapping with op, value and unit, got {describe(raw)}"
        )
        return None
    validator.unknown_keys(raw, TARGET, at)
    op = validator.read(raw, _TARGET["op"], at)
    if op is None:
        return None
    if op == "done":
        for extra in ("value", "unit", "tolerance"):
            if extra in raw:
                validator.problem(
                    at / extra,
                    "field-not-allowed",
                    'a milestone (op: "done") has no figure: remove it, or use another op',
                )
        return Target("done")
    value = validator.read(raw, _TARGET["value"], at, Facts(raw, {"op": op}))
    unit = validator.read(raw, _TARGET["unit"], at, Facts(raw, {"op": op}))
    tolerance = validator.read(raw, _TARGET["tolerance"], at)  # required or not: below
    ok = (
        value is not None and unit is not None and (tolerance is not None or "tolerance" not in raw)
    )
    if value is not None and unit is not None and value < 0 and unit not in SIGNED_UNITS:
        validator.problem(
            at / "value",
            "negative-value",
            f"{describe(value)} is negative: a count in {unit} cannot be; write the figure without a sign",
        )
        ok = False
    if op != "~" and "tolerance" in raw:
        validator.problem(
            at / "tolerance",
            "field-not-allowed",
            f'tolerance only applies to op "~" (左右); this target is "{op}": remove it',
        )
        ok = False
    facts = Facts(raw, {"op": op, "value": value, "unit": unit})
    if validator.require(raw, _TARGET["tolerance"], at, facts):
        ok = False
    if tolerance is not None and tolerance < 0:
        validator.problem(
            at / "tolerance",
            "negative-value",
            f"{describe(tolerance)} is negative: a tolerance is a distance, write it without a sign",
        )
        ok = False
    if not ok:
        return None
    if op == "~" and tolerance is None:
        tolerance = DEFAULT_TOLERANCE[unit]
    return Target(op, value, unit, tolerance)


def baseline(
    validator: Validator, item: dict, at: Where, promised: Target | None, report: Report | None
) -> Baseline | None:
    """A baseline's quote is in its source (by default the commitment's report)."""
    if "baseline" not in item or item["baseline"] is None:
        return None
    raw = item["baseline"]
    at = at / "baseline"
    if not isinstance(raw, dict):
        validator.problem(
            at,
            "bad-structure",
            f"expected a mapping with year, value and quote, got {describe(raw)}",
        )
        return None
    validator.unknown_keys(raw, BASELINE, at)
    values = {spec.name: validator.read(raw, spec, at) for spec in BASELINE}
    advise_from_unit(validator, raw, promised, at / "value")
    source_id = values["source"] or (report.id if report else None)
    source = report
    if values["source"]:
        source = validator.reference(values["source"], "reports", at / "source")
    if values["value"] is not None:
        check_sign(validator, values["value"], promised, at / "value")
        plausibility(validator, values["value"], promised, at / "value")
    if source is not None and values["quote"] is not None:
        found = check_quote(validator, source, values["quote"], at / "quote")
        if found and values["value"] is not None and promised is not None and promised.unit:
            value_in_quote(validator, values["value"], promised.unit, values["quote"], at / "value")
    if source_id is None or None in (values["year"], values["value"], values["quote"]):
        return None
    return Baseline(values["year"], values["value"], values["quote"], source_id, values["note"])


def advise_from_unit(validator: Validator, raw: dict, promised: Target | None, at: Where) -> None:
    """A value written with its unit ("104%", "1.8万个") is advised from the target's unit: the
    reader's generic advice (put the unit in unit) does not hold where the target sets it."""
    text = raw.get("value")
    if not isinstance(text, str) or promised is None or promised.unit is None:
        return
    figures = [f for f in figures_in_text(text) if f.value is not None]
    if len(figures) != 1 or not figures[0].base_unit:
        return  # a bare 万 or 亿: the reader's advice (write 18000) holds
    figure, unit = figures[0], promised.unit
    converted = value_in_unit(figure, unit)
    got = f"expected a number, got {describe(text)}"
    if converted is not None:
        advice = f"{got}: write {number(converted)}, the figure in the target's unit {unit}"
    else:
        advice = (
            f"{got}: a figure in {figure.unit}, but the target counts {unit}: write the figure "
            f"in {unit}, or put the entry under a commitment measured in {figure.unit}"
        )
    for index, problem in enumerate(validator.problems):
        if (problem.record, problem.field, problem.code) == (at.record, at.field, "bad-value"):
            validator.problems[index] = dataclasses.replace(problem, message=advice)


def check_sign(validator: Validator, value: float, promised: Target | None, at: Where) -> None:
    """A figure is negative only in a unit that can be (%, 个百分点), not in a count."""
    if value < 0 and promised is not None and promised.unit not in SIGNED_UNITS:
        validator.problem(
            at,
            "negative-value",
            f"{describe(value)} is negative: a count in {promised.unit} cannot be; write the figure without a sign",
        )


def progress(
    validator: Validator, item: dict, at: Where, promised: Target | None, report: Report | None
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
        built = progress_entry(validator, entry, at[index], promised, report)
        if built is None:
            ok = False
        else:
            entries.append(built)
    return tuple(entries) if ok else None


def progress_entry(
    validator: Validator, entry: object, at: Where, promised: Target | None, report: Report | None
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
        progress_source(validator, entry, values, source, at, promised)
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
    )


def progress_figure(
    validator: Validator, entry: dict, values: dict, promised: Target | None, at: Where
) -> None:
    """A milestone's progress says done: true; a figure's gives value, in the target's unit."""
    if promised is None:
        return
    facts = Facts(entry, values, target=promised)
    if promised.op == "done":
        if "value" in entry:
            validator.problem(
                at / "value",
                "field-not-allowed",
                'the target is a milestone (op: "done"): write done: true, not a value',
            )
        elif "done" in entry and values["done"] is False:
            validator.problem(
                at / "done",
                "done-false",
                "done: false reports nothing: remove the entry until the milestone is reported complete",
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
            value_in_quote(validator, figure, promised_unit, values["quote"], at / "value")


def exclusion(validator: Validator, item: dict, at: Where) -> Exclusion | None:
    """An exclusion's quote is in its report and holds the figure it excludes."""
    values = {spec.name: validator.read(item, spec, at) for spec in EXCLUSION}
    source = validator.reference(values["report"], "reports", at / "report")
    if source is not None and values["quote"] is not None:
        check_quote(validator, source, values["quote"], at / "quote")
        if values["figure"] is not None and _squash(values["figure"]) not in _squash(
            values["quote"]
        ):
            validator.problem(
                at / "figure",
                "figure-not-in-quote",
                f'"{values["figure"]}" is not in the quote: quote the clause that holds the figure',
            )
    if None in values.values() or source is None:
        return None
    return Exclusion(
        values["report"], values["figure"], values["quote"], values["reason"], validator.line(at)
    )


def _squash(text: str) -> str:
    """Return text without whitespace, for comparing a figure with its quote."""
    return "".join(unicodedata.normalize("NFKC", text).split())
