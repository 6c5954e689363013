"""The rules of each kind of record in targets.yaml: one function per record, its rules in order.

Each function takes the validator (for reading fields by their type, references and telling
problems), the record's mapping and where it is; it returns the record, or None when the record
is left out. The fields' types and whether they are required are declared in `schema.py`; a
commitment's progress entries have their rules in `progress_rules.py`, and a figure is checked
against its quote and its target's unit by `value_check.py`.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.figures.finder import measure_falls
from loaders.model import Area, Baseline, Commitment, Exclusion, Report, Target
from loaders.problems import Where, is_control
from loaders.record.requirements import Facts
from loaders.record.schema import (
    AREA,
    BASELINE,
    COMMITMENT,
    DEFAULT_TOLERANCE,
    EXCLUSION,
    REPORT,
    SIGNED_UNITS,
    TARGET,
    Field,
)
from loaders.record.values import describe, is_web_address
from loaders.rules.progress_rules import progress
from loaders.rules.quote_check import check_quote
from loaders.rules.value_check import advise_from_unit, check_sign, plausibility, value_in_quote

if TYPE_CHECKING:
    from loaders.rules.validator import Validator


def _by_name(fields: tuple[Field, ...]) -> dict[str, Field]:
    """Return the fields by name."""
    return {spec.name: spec for spec in fields}


_REPORT, _COMMITMENT, _TARGET = map(_by_name, (REPORT, COMMITMENT, TARGET))


def report(validator: Validator, item: dict, at: Where) -> Report | None:
    """A report gives file (a bare name in seeds/) or publisher."""
    values = {name: validator.read(item, spec, at) for name, spec in _REPORT.items()}
    facts = Facts(item, values)
    validator.require(item, _REPORT["file"], at, facts)
    validator.require(item, _REPORT["publisher"], at, facts)
    file_name = values["file"]
    if file_name is not None and any(is_control(ch) for ch in file_name):
        validator.problem(
            at / "file",
            "bad-file-name",
            f'"{file_name}" holds a control character, which no file name in seeds/ has: '
            "give the name of the report's text file as it is",
        )
        return None
    if file_name is not None and (Path(file_name).name != file_name or file_name in (".", "..")):
        validator.problem(
            at / "file",
            "bad-file-name",
            f'"{file_name}" is not a file name in seeds/: put the report in seeds/ and give '
            f'its name alone (e.g. "{Path(file_name).name or "report.txt"}")',
        )
        return None
    url = values["url"]
    if url is not None and not is_web_address(url):
        validator.warn(
            at / "url",
            "not-a-web-address",
            f"{describe(url)} is not an http(s) address with a host: the dashboard links only "
            "those; give the page's address as a browser shows it (https://…)",
        )
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
        kind=values["kind"],
        place=values["place"],
        place_en=values["place_en"],
        publisher_en=values["publisher_en"],
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


#: a commitment's fields of one value (its target, baseline and progress have rules of their
#: own), as the schema declares them
COMMITMENT_SCALARS = tuple(spec for spec in COMMITMENT if not spec.children)


def commitment(validator: Validator, item: dict, at: Where) -> Commitment | None:
    """A commitment refers to a known report and area, and its quote is in the report."""
    values = {spec.name: validator.read(item, spec, at) for spec in COMMITMENT_SCALARS}
    source = validator.reference(values["report"], "reports", at / "report")
    validator.reference(values["area"], "areas", at / "area")
    promised = target(validator, item, at)
    if source is not None and values["quote"] is not None:
        found = check_quote(validator, source, values["quote"], at / "quote")
        if found and promised is not None and promised.value is not None and promised.unit:
            value_in_quote(
                validator, promised.value, promised.unit, values["quote"], at / "target" / "value"
            )
    # whether the measure is a fall matters only to the figures checked against it (a scan of
    # the quote, so not made for the commitments that have neither baseline nor progress)
    reported_figures = "baseline" in item or bool(item.get("progress"))
    falls = reported_figures and measure_falls(
        values["quote"] or "", promised.value if promised else None
    )
    prior = baseline(validator, item, at, promised, source, falls)
    reported = progress(validator, item, at, promised, source, falls, values["title"] or "")
    required = (spec.name for spec in COMMITMENT_SCALARS if spec.always_required)
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
        note_en=values["note_en"],
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
    validator: Validator,
    item: dict,
    at: Where,
    promised: Target | None,
    report: Report | None,
    falls: bool = False,
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
            value_in_quote(
                validator, values["value"], promised.unit, values["quote"], at / "value", falls
            )
    if source_id is None or None in (values["year"], values["value"], values["quote"]):
        return None
    return Baseline(
        values["year"],
        values["value"],
        values["quote"],
        source_id,
        values["note"],
        values["note_en"],
    )


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
    if any(values[spec.name] is None for spec in EXCLUSION if spec.always_required):
        return None
    if source is None:
        return None
    return Exclusion(
        values["report"],
        values["figure"],
        values["quote"],
        values["reason"],
        validator.line(at),
        values["reason_en"],
    )


def _squash(text: str) -> str:
    """Return text without whitespace, for comparing a figure with its quote."""
    return "".join(unicodedata.normalize("NFKC", text).split())
