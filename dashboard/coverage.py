"""The coverage panel as data: per report, tracked plan figures and the untracked ones."""

from __future__ import annotations

import pandas as pd

from dashboard.escape import escape_markdown
from dashboard.i18n import localized, t
from loaders import Problem, ReportCoverage, TargetsFile

#: reports shown in detail before the "show all" control; more reports get a summary table first
COVERAGE_SHOWN = 10


def coverage_title(item: ReportCoverage, targets: TargetsFile, lang: str) -> str:
    """Return "report: N of M tracked", M being the plan figures that are not excluded."""
    report = targets.report(item.report_id)
    name = localized(report, "title", lang) if report else item.report_id
    return t("coverage_metric", lang, report=name, tracked=item.tracked, total=item.quantitative)


def summary_table(items: list[ReportCoverage], targets: TargetsFile, lang: str) -> pd.DataFrame:
    """Return one row per report: its title, plan figures tracked, their number, excluded and
    not tracked."""
    columns = [
        t(k, lang)
        for k in ("col_report", "col_tracked", "col_plan_figures", "col_excluded", "col_untracked")
    ]
    rows = []
    for item in items:
        report = targets.report(item.report_id)
        name = localized(report, "title", lang) if report else item.report_id
        rows.append((name, item.tracked, item.quantitative, item.excluded, len(item.untracked)))
    return pd.DataFrame(rows, columns=columns)


def shown_in_detail(
    items: list[ReportCoverage], show_all: bool, limit: int
) -> list[ReportCoverage]:
    """Return the reports the page details: all of them, or the first `limit`."""
    return list(items) if show_all else list(items[:limit])


def untracked_table(item: ReportCoverage, lang: str) -> pd.DataFrame:
    """Return the untracked plan figures: figure, paragraph and the clause it sits in."""
    columns = [t(k, lang) for k in ("col_figure", "col_paragraph", "col_clause")]
    rows = [
        (found.figure.text, found.figure.paragraph, found.figure.clause) for found in item.untracked
    ]
    return pd.DataFrame(rows, columns=columns)


def structure_warning(warnings: list[Problem], lang: str) -> str:
    """Return the Markdown of the warnings about reports whose plan part may be lost, or ""."""
    if not warnings:
        return ""
    items = "\n".join(f"- {escape_markdown(str(warning))}" for warning in warnings)
    return f"{t('coverage_structure_warnings', lang)}\n\n{items}"


def by_report_date(items: list[ReportCoverage], targets: TargetsFile) -> list[ReportCoverage]:
    """Return the coverage items ordered by their report's date (unknown reports last)."""

    def key(item: ReportCoverage) -> tuple:
        report = targets.report(item.report_id)
        return (report is None, report.date.sort_key if report else (0, 0, 0), item.report_id)

    return sorted(items, key=key)
