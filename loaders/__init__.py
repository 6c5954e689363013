"""Read reports and targets.yaml; validate, verify quotes, compute status, find figures.

The public surface, what `dashboard/` imports: `from loaders import load_targets, STATUSES`.
Each name is imported from its module when first used (PEP 562), so `targets check` loads only
the modules it needs. The sub-packages, each importing only those before it (a test keeps it
so): the base modules here (problems, model, wording, textfile, settings), then `texts`,
`figures`, `record`, `rules`, `cache`, `load`, `drafting` and `cli`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loaders.cache.file_cache import read_file
    from loaders.cache.saved import keeps_saved, read_saved, write_saved
    from loaders.figures.finder import FoundFigure, ReportCoverage, classify_figures, coverage
    from loaders.load.coverage import reused_coverage
    from loaders.load.inputs import inputs_key
    from loaders.load.processes import processes_wanted
    from loaders.load.report_warnings import report_warnings
    from loaders.load.summary import LoadSummary, result_of, summary_of
    from loaders.load.targets import (
        KeptVersion,
        LoadResult,
        load_targets,
        load_targets_text,
    )
    from loaders.model import Commitment, Progress, Report, TargetsFile
    from loaders.problems import Problem
    from loaders.record.export import EXPORT_COLUMNS, commitment_rows, spreadsheet_text
    from loaders.record.schema import default_tolerances, schema_markdown
    from loaders.record.status import (
        MET,
        MET_LATE,
        MISSED,
        NO_FIGURE,
        NOT_YET_DUE,
        STATUSES,
        UNDER_WAY,
        commitment_status,
    )
    from loaders.record.values import is_web_address
    from loaders.settings import targets_path
    from loaders.texts.quotes import find_quote
    from loaders.texts.report import Document, Paragraph, read_report
    from loaders.wording import OP_NAMES

#: each public name and the module that defines it
PUBLIC = {
    "read_file": "loaders.cache.file_cache",
    "keeps_saved": "loaders.cache.saved",
    "read_saved": "loaders.cache.saved",
    "write_saved": "loaders.cache.saved",
    "FoundFigure": "loaders.figures.finder",
    "ReportCoverage": "loaders.figures.finder",
    "classify_figures": "loaders.figures.finder",
    "coverage": "loaders.figures.finder",
    "inputs_key": "loaders.load.inputs",
    "processes_wanted": "loaders.load.processes",
    "reused_coverage": "loaders.load.coverage",
    "report_warnings": "loaders.load.report_warnings",
    "LoadSummary": "loaders.load.summary",
    "result_of": "loaders.load.summary",
    "summary_of": "loaders.load.summary",
    "KeptVersion": "loaders.load.targets",
    "LoadResult": "loaders.load.targets",
    "load_targets": "loaders.load.targets",
    "load_targets_text": "loaders.load.targets",
    "Commitment": "loaders.model",
    "Progress": "loaders.model",
    "Report": "loaders.model",
    "TargetsFile": "loaders.model",
    "Problem": "loaders.problems",
    "EXPORT_COLUMNS": "loaders.record.export",
    "commitment_rows": "loaders.record.export",
    "spreadsheet_text": "loaders.record.export",
    "default_tolerances": "loaders.record.schema",
    "schema_markdown": "loaders.record.schema",
    "is_web_address": "loaders.record.values",
    "MET": "loaders.record.status",
    "MET_LATE": "loaders.record.status",
    "MISSED": "loaders.record.status",
    "NO_FIGURE": "loaders.record.status",
    "NOT_YET_DUE": "loaders.record.status",
    "STATUSES": "loaders.record.status",
    "UNDER_WAY": "loaders.record.status",
    "commitment_status": "loaders.record.status",
    "targets_path": "loaders.settings",
    "find_quote": "loaders.texts.quotes",
    "Document": "loaders.texts.report",
    "Paragraph": "loaders.texts.report",
    "read_report": "loaders.texts.report",
    "OP_NAMES": "loaders.wording",
}

__all__ = [
    "Commitment",
    "Document",
    "EXPORT_COLUMNS",
    "FoundFigure",
    "KeptVersion",
    "LoadResult",
    "LoadSummary",
    "MET",
    "MET_LATE",
    "MISSED",
    "NOT_YET_DUE",
    "NO_FIGURE",
    "OP_NAMES",
    "Paragraph",
    "Problem",
    "Progress",
    "Report",
    "ReportCoverage",
    "STATUSES",
    "TargetsFile",
    "UNDER_WAY",
    "classify_figures",
    "commitment_rows",
    "commitment_status",
    "coverage",
    "default_tolerances",
    "find_quote",
    "is_web_address",
    "keeps_saved",
    "inputs_key",
    "load_targets",
    "load_targets_text",
    "processes_wanted",
    "read_file",
    "read_report",
    "read_saved",
    "report_warnings",
    "result_of",
    "reused_coverage",
    "schema_markdown",
    "spreadsheet_text",
    "summary_of",
    "targets_path",
    "write_saved",
]


def __getattr__(name: str) -> Any:
    """Return a public name, imported from its module on first use."""
    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'loaders' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
