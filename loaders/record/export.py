"""One row per commitment: what `targets export` writes and the dashboard's tables start from."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any, TextIO

from loaders.model import Progress, TargetsFile
from loaders.record.status import commitment_status

EXPORT_COLUMNS = (
    "id",
    "report",
    "year",
    "area",
    "title",
    "title_en",
    "metric",
    "op",
    "target",
    "unit",
    "tolerance",
    "baseline_year",
    "baseline_value",
    "latest_year",
    "latest_value",
    "latest_source",
    "status",
    "percent_of_target",
    "quote",
)


#: what a spreadsheet may read as the start of a formula in a text cell (OWASP, CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: Any) -> Any:
    """Return a cell's value for a spreadsheet: a text that could start a formula with a single
    quote before it (`'=HYPERLINK(…)`), anything else (numbers too) as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def commitment_rows(targets: TargetsFile, as_of: dt.date) -> list[dict[str, Any]]:
    """Return one row per commitment with its target, baseline, latest figure and status."""
    rows = []
    for c in targets.commitments:
        result = commitment_status(c, as_of)
        latest = result.latest
        percent = result.percent_of_target
        rows.append(
            {
                "id": c.id,
                "report": c.report,
                "year": c.year,
                "area": c.area,
                "title": c.title,
                "title_en": c.title_en,
                "metric": c.metric,
                "op": c.target.op,
                "target": c.target.value,
                "unit": c.target.unit,
                "tolerance": c.target.tolerance,
                "baseline_year": c.baseline.year if c.baseline else None,
                "baseline_value": c.baseline.value if c.baseline else None,
                "latest_year": latest.period_year if latest else None,
                "latest_value": _latest_value(c.target.op, latest),
                "latest_source": latest.source if latest else None,
                "status": result.status,
                "percent_of_target": round(percent, 1) if percent is not None else None,
                "quote": c.quote,
            }
        )
    return rows


def _latest_value(op: str, latest: Progress | None) -> float | bool | None:
    """Return the latest entry's figure; a milestone's is True (done) or False (under way)."""
    if latest is None:
        return None
    return latest.done if op == "done" else latest.value


def write_csv(rows: list[dict[str, Any]], out: TextIO) -> None:
    """Write rows as CSV with a header line; empty cells for missing values, a text that a
    spreadsheet could read as a formula with a single quote before it (`spreadsheet_text`)."""
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else spreadsheet_text(v) for k, v in row.items()})


def write_json(rows: list[dict[str, Any]], out: TextIO) -> None:
    """Write rows as a JSON list of objects (UTF-8, Chinese unescaped)."""
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
