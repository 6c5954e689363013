"""Each work report's structure warnings for a load, remembered with its text (`ReportTexts`),
so a later check reads no text to give them."""

from __future__ import annotations

from collections.abc import Mapping

from loaders.cache.report_texts import ReportTexts, derived_for_each
from loaders.figures.diagnostics import STRUCTURE_WARNINGS, structure_messages
from loaders.model import TargetsFile
from loaders.problems import Problem
from loaders.texts.report import Document


def report_warnings(
    targets: TargetsFile,
    documents: Mapping[str, Document],
    file: str,
    declared_in: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Return a warning per structure problem of each work report in `documents`.

    `file` is the targets file's name, `declared_in` the file declaring each report when the
    record is split (LoadResult.declared_in); a warning points at the report's line there. A
    document that is not a report of targets.yaml (a text file given to `targets find`) is
    checked when it reads as a work report.
    """
    problems = []
    titles = {}
    for report_id in documents:
        report = targets.report(report_id)
        titles[report_id] = report.title if report else ""
    every = derived_for_each(
        documents,
        STRUCTURE_WARNINGS,
        {i: (title,) for i, title in titles.items()},
        lambda i: structure_messages(i, titles[i]),
    )
    for report_id, messages in every.items():
        report = targets.report(report_id)
        for message in messages:
            where = (
                (declared_in or {}).get(report_id, file) if report else documents[report_id].source
            )
            line = report.line if report else None
            problems.append(
                Problem(
                    where,
                    line,
                    report_id if report else None,
                    None,
                    message,
                    code="report-structure",
                    severity="warning",
                )
            )
    return problems


def remember_structure_warnings(documents: ReportTexts, titles: Mapping[str, str]) -> None:
    """Work out the structure warnings of texts just read (id → its report's title), and
    remember them as `report_warnings` asks for them: a later check, in this process or
    another, then reads no text to give them."""
    for report_id, title in titles.items():
        documents.derived(
            report_id, STRUCTURE_WARNINGS, (title,), structure_messages(report_id, title)
        )
