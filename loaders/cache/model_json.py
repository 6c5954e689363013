"""Validated records and problems as JSON data and back, for the disk cache of file outcomes.

Each record is a list of its fields in declaration order, nested records as lists too, so that
reading 51,000 commitments back is a few constructor calls each (no per-value dispatch). Only
the dashboard's own cache reads this: it is not an exchange format.
"""

from __future__ import annotations

from typing import Any

from loaders.model import (
    Area,
    Baseline,
    Commitment,
    Exclusion,
    PartialDate,
    Progress,
    Report,
    Target,
)
from loaders.problems import Problem


def _date(date: PartialDate | None) -> list | None:
    """Return a partial date as [year, month, day], or None."""
    return None if date is None else [date.year, date.month, date.day]


def _date_from(data: list | None) -> PartialDate | None:
    """Return the partial date of [year, month, day], or None."""
    return None if data is None else PartialDate(*data)


def report_json(r: Report) -> list:
    """Return a report as JSON data."""
    return [
        r.id,
        r.title,
        r.title_en,
        _date(r.date),
        r.file,
        r.publisher,
        r.url,
        r.plan_starts,
        r.kind,
        r.place,
        r.place_en,
        r.line,
    ]


def report_from(d: list) -> Report:
    """Return the report of report_json's data."""
    return Report(
        d[0], d[1], d[2], PartialDate(*d[3]), d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11]
    )


def area_json(a: Area) -> list:
    """Return an area as JSON data."""
    return [a.id, a.name, a.name_en, a.chapter, a.line]


def area_from(d: list) -> Area:
    """Return the area of area_json's data."""
    return Area(*d)


def _progress_json(p: Progress) -> list:
    """Return a progress entry as JSON data."""
    return [p.source, p.year, _date(p.date), p.value, p.done, p.quote, p.note, p.line]


def _progress_from(d: list) -> Progress:
    """Return the progress entry of _progress_json's data."""
    return Progress(d[0], d[1], _date_from(d[2]), d[3], d[4], d[5], d[6], d[7])


def commitment_json(c: Commitment) -> list:
    """Return a commitment as JSON data."""
    target = c.target
    baseline = c.baseline
    return [
        c.id,
        c.report,
        c.year,
        c.area,
        c.title,
        c.title_en,
        [target.op, target.value, target.unit, target.tolerance],
        c.quote,
        c.metric,
        None
        if baseline is None
        else [baseline.year, baseline.value, baseline.quote, baseline.source, baseline.note],
        [_progress_json(p) for p in c.progress],
        c.note,
        c.line,
        c.draft,
    ]


def commitment_from(d: list) -> Commitment:
    """Return the commitment of commitment_json's data."""
    return Commitment(
        d[0],
        d[1],
        d[2],
        d[3],
        d[4],
        d[5],
        Target(*d[6]),
        d[7],
        d[8],
        None if d[9] is None else Baseline(*d[9]),
        tuple(_progress_from(p) for p in d[10]),
        d[11],
        d[12],
        d[13],
    )


def exclusion_json(e: Exclusion) -> list:
    """Return an exclusion as JSON data."""
    return [e.report, e.figure, e.quote, e.reason, e.line]


def exclusion_from(d: list) -> Exclusion:
    """Return the exclusion of exclusion_json's data."""
    return Exclusion(*d)


def problem_json(p: Problem) -> list:
    """Return a problem as JSON data, its file name included."""
    return [p.file, p.line, p.record, p.field, p.message, p.code, p.severity]


def problem_from(d: list) -> Problem:
    """Return the problem of problem_json's data."""
    return Problem(d[0], d[1], d[2], d[3], d[4], code=d[5], severity=d[6])


#: per section, how its records are written and read
CODECS: dict[str, tuple[Any, Any]] = {
    "reports": (report_json, report_from),
    "areas": (area_json, area_from),
    "commitments": (commitment_json, commitment_from),
    "exclusions": (exclusion_json, exclusion_from),
}
