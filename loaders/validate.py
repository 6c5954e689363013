"""Load and validate targets.yaml: every problem in one pass, each with file, line and field.

`load_targets(path)` never raises for a bad file: it returns the valid records and the list of
problems. A record with any problem (a bad field, an unknown reference, a quote not found in
its source) is left out of the valid records and its problems are listed.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.model import (
    Area,
    Baseline,
    Commitment,
    Exclusion,
    Progress,
    Report,
    Target,
    TargetsFile,
)
from loaders.problems import Problem
from loaders.quotes import closest_passage, contains_quote, find_across_paragraphs
from loaders.report import Document, read_report
from loaders.schema import (
    AREA,
    BASELINE,
    COMMITMENT,
    DEFAULT_TOLERANCE,
    EXCLUSION,
    PROGRESS,
    REPORT,
    SECTIONS,
    SIGNED_UNITS,
    TARGET,
    Field,
)
from loaders.values import READERS, describe
from loaders.yaml_source import YamlSource, read_text_file, read_yaml_text

DEFAULT_TARGETS_FILE = "targets.yaml"
_BY_NAME = {
    fields: {spec.name: spec for spec in fields}
    for fields in (REPORT, AREA, COMMITMENT, TARGET, BASELINE, PROGRESS, EXCLUSION)
}


@dataclass
class LoadResult:
    """The valid records of a targets file, the problems found, and the report texts read."""

    targets: TargetsFile
    problems: list[Problem]
    documents: dict[str, Document] = field(default_factory=dict)
    unreadable: bool = False

    @property
    def ok(self) -> bool:
        """Return True when no problem was found."""
        return not self.problems


def targets_path(explicit: str | os.PathLike | None = None) -> Path:
    """Return the targets file to use: the explicit path, else $TARGETS_FILE, else targets.yaml."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("TARGETS_FILE") or DEFAULT_TARGETS_FILE)


def load_targets(path: str | os.PathLike, seeds_dir: str | os.PathLike | None = None) -> LoadResult:
    """Return the valid records of a targets file and every problem in it."""
    path = Path(path)
    name = _display_name(path)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    text, problems = read_text_file(path, name)
    if text is None:
        return LoadResult(TargetsFile(), problems, unreadable=True)
    source, problems = read_yaml_text(text, name)
    if source is None:
        return LoadResult(TargetsFile(), problems)
    return _Validator(name, source, seeds, problems).run()


def load_targets_text(
    text: str, seeds_dir: str | os.PathLike, name: str = "targets.yaml"
) -> LoadResult:
    """Return the valid records of targets YAML given as text, and every problem in it."""
    source, problems = read_yaml_text(text, name)
    if source is None:
        return LoadResult(TargetsFile(), problems)
    return _Validator(name, source, Path(seeds_dir), problems).run()


def _display_name(path: Path) -> str:
    """Return the path as the user would type it: relative to the working directory if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


_DOCUMENT_CACHE: dict[tuple[str, int, int], Any] = {}


def cached_read_report(path: Path, plan_year: int | None = None, plan_starts: str | None = None):
    """Return read_report(path, …), reusing the last result while the file is unchanged."""
    try:
        stat = path.stat()
    except OSError:
        return read_report(path, plan_year=plan_year, plan_starts=plan_starts)
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, plan_year, plan_starts)
    result = _DOCUMENT_CACHE.get(key)
    if result is None:
        if len(_DOCUMENT_CACHE) > 256:
            _DOCUMENT_CACHE.clear()
        result = _DOCUMENT_CACHE[key] = read_report(
            path, plan_year=plan_year, plan_starts=plan_starts
        )
    return result


def _did_you_mean(word: str, choices: list[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


class _Validator:
    """One pass over the YAML data, collecting valid records and problems."""

    def __init__(self, name: str, source: YamlSource, seeds: Path, problems: list[Problem]):
        self.name = name
        self.source = source
        self.seeds = seeds
        # a problem of one value (a duplicate key, an alias, a value over a limit) is told with
        # the record and field it is in, and leaves that record out; see section()
        self.pending: dict[tuple, list[tuple[tuple, Problem]]] = {}
        for path, problem in source.value_problems:
            self.pending.setdefault(path[:2], []).append((path, problem))
        pending = {id(problem) for _, problem in source.value_problems}
        self.problems = [problem for problem in problems if id(problem) not in pending]
        self.documents: dict[str, Document] = {}
        self.unreadable_reports: set[str] = set()
        #: per section, the ids of records left out for their own problems, with their lines
        self.left_out: dict[str, dict[str, int | None]] = {}

    # -- reporting ----------------------------------------------------------------------------

    def problem(
        self, path: tuple, record: str | None, field_name: str | None, message: str
    ) -> None:
        if self.source.dropped_at(path):
            return  # the value was dropped by the YAML reader, which said why
        self.problems.append(
            Problem(self.name, self.source.line(path), record, field_name, message)
        )

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> LoadResult:
        data = self.source.data
        if not isinstance(data, dict):
            self.problem(
                (),
                None,
                None,
                f"expected a mapping with sections {', '.join(s.name for s in SECTIONS)}, got {describe(data)}",
            )
            return self.result(TargetsFile())
        allowed = [s.name for s in SECTIONS]
        for key in data:
            if key not in allowed:
                self.problem(
                    (key,),
                    None,
                    str(key),
                    f"unknown section{_did_you_mean(str(key), allowed)}: sections are {', '.join(allowed)}",
                )
        for section in SECTIONS:
            if section.always_required and section.name not in data:
                self.problem(
                    (),
                    None,
                    section.name,
                    f"missing section: add `{section.name}:` with a list of {section.name}",
                )

        reports = self.section(data, "reports", REPORT, self.report)
        report_ids = self.unique_ids(reports, "reports")
        areas = self.section(data, "areas", AREA, self.area)
        area_ids = self.unique_ids(areas, "areas")
        reports_by_id = {r.id: r for _, r in reports if r.id in report_ids}
        self.load_documents([(index, r) for index, r in reports if r.id in report_ids])

        context = _Context(reports_by_id, set(area_ids))
        commitments = self.section(
            data,
            "commitments",
            COMMITMENT,
            lambda item, path, rec: self.commitment(item, path, rec, context),
        )
        commitment_ids = self.unique_ids(commitments, "commitments")
        exclusions = self.section(
            data,
            "exclusions",
            EXCLUSION,
            lambda item, path, rec: self.exclusion(item, path, rec, context),
        )

        valid = TargetsFile(
            reports=tuple(r for _, r in reports if r.id in report_ids),
            areas=tuple(a for _, a in areas if a.id in area_ids),
            commitments=tuple(c for _, c in commitments if c.id in commitment_ids),
            exclusions=tuple(e for _, e in exclusions),
        )
        return self.result(valid)

    def result(self, targets: TargetsFile) -> LoadResult:
        self.problems.extend(p for inside in self.pending.values() for _, p in inside)
        self.pending.clear()
        self.problems.sort(key=lambda p: p.line or 0)
        return LoadResult(targets, self.problems, self.documents)

    def section(
        self, data: dict, name: str, fields: tuple[Field, ...], build: Callable
    ) -> list[tuple[int, Any]]:
        """Return (index, record) for each valid item of a section."""
        items = data.get(name)
        if items is None:
            return []
        if not isinstance(items, list):
            self.problem(
                (name,),
                None,
                name,
                f"expected a list (each item starting with '- '), got {describe(items)}",
            )
            return []
        built = []
        for index, item in enumerate(items):
            path = (name, index)
            if not isinstance(item, dict):
                self.problem(
                    path,
                    f"{name}[{index}]",
                    None,
                    f"expected a mapping of fields, got {describe(item)}",
                )
                continue
            record = self.record_name(name, index, item)
            before = len(self.problems)
            self.value_problems(path, record)
            self.unknown_keys(item, fields, path, record, "")
            value = build(item, path, record)
            if value is not None and len(self.problems) == before:
                built.append((index, value))
            elif isinstance(item.get("id"), str):
                self.left_out.setdefault(name, {})[item["id"]] = self.source.line(path)
        return built

    def value_problems(self, path: tuple, record: str) -> None:
        """Tell the YAML reader's problems inside a record with the record's id and field."""
        for value_path, problem in self.pending.pop(path, []):
            field_name = _field_name(value_path[len(path) :])
            self.problems.append(
                Problem(problem.file, problem.line, record, field_name or None, problem.message)
            )

    def record_name(self, section: str, index: int, item: dict) -> str:
        ident = item.get("id")
        if isinstance(ident, str) and ident.strip():
            return ident.strip()
        return f"{section}[{index}]"

    def unknown_keys(
        self, item: dict, fields: tuple[Field, ...], path: tuple, record: str, prefix: str
    ) -> None:
        allowed = [f.name for f in fields]
        for key in item:
            if key not in allowed:
                self.problem(
                    (*path, key),
                    record,
                    f"{prefix}{key}",
                    f"unknown field{_did_you_mean(str(key), allowed)}: allowed here are {', '.join(allowed)}",
                )

    def unique_ids(self, records: list[tuple[int, Any]], section: str) -> set[str]:
        """Return the ids that occur once; report every later duplicate."""
        first: dict[str, int] = {}
        duplicates: set[str] = set()
        for index, record in records:
            if record.id in first:
                line = self.source.line((section, first[record.id]))
                self.problem(
                    (section, index, "id"),
                    record.id,
                    "id",
                    f"duplicate id (also at line {line}): give each record its own id",
                )
                duplicates.add(record.id)
            else:
                first[record.id] = index
        for ident in duplicates:
            self.left_out.setdefault(section, {})[ident] = self.source.line((section, first[ident]))
        return set(first) - duplicates

    def read(
        self,
        item: dict,
        spec: Field,
        path: tuple,
        record: str,
        prefix: str = "",
        required: bool | None = None,
    ) -> Any:
        """Return the field's value read by its type, or None after reporting a problem."""
        if spec.name not in item:
            if spec.always_required if required is None else required:
                example = f" (e.g. {spec.name}: {spec.example})" if spec.example else ""
                message = f"missing: add {spec.name}{example}"
                self.problem(path, record, f"{prefix}{spec.name}", message)
            return None
        value, message = READERS[spec.type](item[spec.name])
        if message:
            self.problem((*path, spec.name), record, f"{prefix}{spec.name}", message)
            return None
        return value

    # -- records --------------------------------------------------------------------------------

    def report(self, item: dict, path: tuple, record: str) -> Report | None:
        f = _BY_NAME[REPORT]
        values = {name: self.read(item, spec, path, record) for name, spec in f.items()}
        if (
            values["file"] is None
            and values["publisher"] is None
            and "file" not in item
            and "publisher" not in item
        ):
            self.problem(
                path,
                record,
                "file",
                "missing: give file (a report in seeds/) or publisher (a document not in seeds/)",
            )
        file_name = values["file"]
        if file_name is not None and (
            Path(file_name).name != file_name or file_name in (".", "..")
        ):
            self.problem(
                (*path, "file"),
                record,
                "file",
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
            line=self.source.line(path),
        )

    def area(self, item: dict, path: tuple, record: str) -> Area | None:
        values = {spec.name: self.read(item, spec, path, record) for spec in AREA}
        if any(values[name] is None for name in ("id", "name", "name_en")):
            return None
        return Area(
            values["id"],
            values["name"],
            values["name_en"],
            values["chapter"],
            self.source.line(path),
        )

    def load_documents(self, reports: list[tuple[int, Report]]) -> None:
        """Read the report texts in seeds/; a report whose text is missing or unreadable stays
        valid, its quotes unchecked, and the problem with its file is listed once."""
        for index, report in reports:
            if report.file is None:
                if report.plan_starts is not None:
                    self.problem(
                        ("reports", index, "plan_starts"),
                        report.id,
                        "plan_starts",
                        "cannot be checked: the report has no file in seeds/; remove plan_starts",
                    )
                continue
            if not (self.seeds / report.file).is_file():
                self.unreadable_reports.add(report.id)
                self.problem(
                    ("reports", index, "file"),
                    report.id,
                    "file",
                    f'"{report.file}" is not in {self.seeds.name}/: put the report\'s text there, or give publisher instead of file',
                )
                continue
            result = cached_read_report(
                self.seeds / report.file, report.plan_year, report.plan_starts
            )
            if result.document is None:
                self.unreadable_reports.add(report.id)
                for problem in result.problems:
                    self.problems.append(problem)
            else:
                self.documents[report.id] = result.document
                if report.plan_starts is not None:
                    self.check_plan_starts(index, report, result.document)

    def commitment(
        self, item: dict, path: tuple, record: str, context: _Context
    ) -> Commitment | None:
        f = _BY_NAME[COMMITMENT]
        values = {
            name: self.read(item, f[name], path, record)
            for name in (
                "id",
                "report",
                "year",
                "area",
                "title",
                "title_en",
                "quote",
                "metric",
                "note",
            )
        }
        report = self.reference(
            values["report"], context.reports, path, record, "report", "reports"
        )
        if values["area"] is None or values["area"] in context.areas:
            pass
        elif values["area"] in self.left_out.get("areas", {}):
            self.left_out_reference(path, record, "area", values["area"], self.left_out["areas"])
        else:
            self.problem(
                (*path, "area"),
                record,
                "area",
                f'unknown area "{values["area"]}"{_did_you_mean(values["area"], sorted(context.areas))}: add it under areas{_one_of(context.areas)}',
            )
        target = self.target(item, path, record)
        if report is not None and values["quote"] is not None:
            self.check_quote(report, values["quote"], (*path, "quote"), record, "quote")
        baseline = self.baseline(item, path, record, target, report, context)
        progress = self.progress(item, path, record, target, report, context)
        if None in (
            values["id"],
            values["report"],
            values["year"],
            values["area"],
            values["title"],
            values["title_en"],
            values["quote"],
            target,
            report,
        ):
            return None
        if "baseline" in item and baseline is None or progress is None:
            return None
        return Commitment(
            id=values["id"],
            report=values["report"],
            year=values["year"],
            area=values["area"],
            title=values["title"],
            title_en=values["title_en"],
            target=target,
            quote=values["quote"],
            metric=values["metric"],
            baseline=baseline,
            progress=progress,
            note=values["note"],
            line=self.source.line(path),
        )

    def reference(
        self,
        report_id: str | None,
        reports: dict[str, Report],
        path: tuple,
        record: str,
        field_name: str,
        section: str,
    ) -> Report | None:
        if report_id is None:
            return None
        report = reports.get(report_id)
        if report is None and report_id in self.left_out.get(section, {}):
            self.left_out_reference(path, record, field_name, report_id, self.left_out[section])
        elif report is None:
            choices = sorted(reports)
            self.problem(
                (*path, field_name.rsplit(".", 1)[-1]),
                record,
                field_name,
                f'unknown report "{report_id}"{_did_you_mean(report_id, choices)}: add it under reports{_one_of(choices)}',
            )
        return report

    def left_out_reference(
        self, path: tuple, record: str, field_name: str, ident: str, left_out: dict
    ) -> None:
        """Report a reference to a record that exists but was left out for its own problems."""
        kind = "area" if field_name == "area" else "report"
        line = left_out[ident]
        at = f" (line {line})" if line else ""
        self.problem(
            (*path, field_name.rsplit(".", 1)[-1]),
            record,
            field_name,
            f'{kind} "{ident}"{at} has problems of its own: fix them first',
        )

    def target(self, item: dict, path: tuple, record: str) -> Target | None:
        if "target" not in item:
            self.problem(
                path,
                record,
                "target",
                'missing: add target with op, value and unit (e.g. target: {op: ">=", value: 6900, unit: 个})',
            )
            return None
        raw = item["target"]
        tpath = (*path, "target")
        if not isinstance(raw, dict):
            self.problem(
                tpath,
                record,
                "target",
                f"expected a mapping with op, value and unit, got {describe(raw)}",
            )
            return None
        self.unknown_keys(raw, TARGET, tpath, record, "target.")
        f = _BY_NAME[TARGET]
        op = self.read(raw, f["op"], tpath, record, "target.")
        if op is None:
            return None
        if op == "done":
            for extra in ("value", "unit", "tolerance"):
                if extra in raw:
                    self.problem(
                        (*tpath, extra),
                        record,
                        f"target.{extra}",
                        'a milestone (op: "done") has no figure: remove it, or use another op',
                    )
            return Target("done")
        value = self.read(raw, f["value"], tpath, record, "target.", required=True)
        unit = self.read(raw, f["unit"], tpath, record, "target.", required=True)
        tolerance = self.read(raw, f["tolerance"], tpath, record, "target.")
        ok = (
            value is not None
            and unit is not None
            and (tolerance is not None or "tolerance" not in raw)
        )
        if value is not None and unit is not None and value < 0 and unit not in SIGNED_UNITS:
            self.problem(
                (*tpath, "value"),
                record,
                "target.value",
                f"{describe(value)} is negative: a count in {unit} cannot be; write the figure without a sign",
            )
            ok = False
        if op != "~" and "tolerance" in raw:
            self.problem(
                (*tpath, "tolerance"),
                record,
                "target.tolerance",
                f'tolerance only applies to op "~" (左右); this target is "{op}": remove it',
            )
            ok = False
        if (
            op == "~"
            and tolerance is None
            and "tolerance" not in raw
            and unit is not None
            and unit not in DEFAULT_TOLERANCE
        ):
            self.problem(
                tpath,
                record,
                "target.tolerance",
                f'"~" (左右) in {unit} has no default tolerance: add tolerance, how far from {describe(value)} still counts as met',
            )
            ok = False
        if tolerance is not None and tolerance < 0:
            self.problem(
                (*tpath, "tolerance"),
                record,
                "target.tolerance",
                f"{describe(tolerance)} is negative: a tolerance is a distance, write it without a sign",
            )
            ok = False
        if not ok:
            return None
        if op == "~" and tolerance is None:
            tolerance = DEFAULT_TOLERANCE[unit]
        return Target(op, value, unit, tolerance)

    def baseline(
        self,
        item: dict,
        path: tuple,
        record: str,
        target: Target | None,
        report: Report | None,
        context: _Context,
    ) -> Baseline | None:
        if "baseline" not in item or item["baseline"] is None:
            return None
        raw = item["baseline"]
        bpath = (*path, "baseline")
        if not isinstance(raw, dict):
            self.problem(
                bpath,
                record,
                "baseline",
                f"expected a mapping with year, value and quote, got {describe(raw)}",
            )
            return None
        self.unknown_keys(raw, BASELINE, bpath, record, "baseline.")
        values = {spec.name: self.read(raw, spec, bpath, record, "baseline.") for spec in BASELINE}
        source_id = values["source"] or (report.id if report else None)
        source = (
            self.reference(
                values["source"], context.reports, bpath, record, "baseline.source", "reports"
            )
            if values["source"]
            else report
        )
        if values["value"] is not None:
            self.check_sign(values["value"], target, (*bpath, "value"), record, "baseline.value")
        if source is not None and values["quote"] is not None:
            self.check_quote(source, values["quote"], (*bpath, "quote"), record, "baseline.quote")
        if None in (values["year"], values["value"], values["quote"], source_id):
            return None
        return Baseline(values["year"], values["value"], values["quote"], source_id, values["note"])

    def check_sign(
        self, value: float, target: Target | None, path: tuple, record: str, field_name: str
    ) -> None:
        if value < 0 and target is not None and target.unit not in SIGNED_UNITS:
            self.problem(
                path,
                record,
                field_name,
                f"{describe(value)} is negative: a count in {target.unit} cannot be; write the figure without a sign",
            )

    def progress(
        self,
        item: dict,
        path: tuple,
        record: str,
        target: Target | None,
        report: Report | None,
        context: _Context,
    ) -> tuple[Progress, ...] | None:
        raw = item.get("progress")
        if raw is None:
            return ()
        ppath = (*path, "progress")
        if not isinstance(raw, list):
            self.problem(
                ppath,
                record,
                "progress",
                f"expected a list of entries (each starting with '- '), got {describe(raw)}",
            )
            return None
        entries = []
        ok = True
        f = _BY_NAME[PROGRESS]
        for index, entry in enumerate(raw):
            epath = (*ppath, index)
            prefix = f"progress[{index}]."
            if not isinstance(entry, dict):
                self.problem(
                    epath,
                    record,
                    f"progress[{index}]",
                    f"expected a mapping with year, value and source, got {describe(entry)}",
                )
                ok = False
                continue
            before = len(self.problems)
            self.unknown_keys(entry, PROGRESS, epath, record, prefix)
            values = {
                name: self.read(entry, spec, epath, record, prefix) for name, spec in f.items()
            }
            if "year" not in entry and "date" not in entry:
                self.problem(
                    epath, record, f"{prefix}year", "missing: add year (or date) the figure is for"
                )
            if (
                values["year"] is not None
                and values["date"] is not None
                and values["year"] != values["date"].year
            ):
                self.problem(
                    (*epath, "year"),
                    record,
                    f"{prefix}year",
                    f"{values['year']} does not match date {values['date']}: keep one of them",
                )
            self.progress_figure(entry, values, target, epath, record, prefix)
            self.progress_timing(values, report, epath, record, prefix)
            source = self.reference(
                values["source"], context.reports, epath, record, f"{prefix}source", "reports"
            )
            if source is not None:
                self.progress_source(entry, values, source, epath, record, prefix)
            if len(self.problems) != before:
                ok = False
                continue
            entries.append(
                Progress(
                    source=values["source"],
                    year=values["year"],
                    date=values["date"],
                    value=values["value"],
                    done=bool(values["done"]),
                    quote=values["quote"],
                    note=values["note"],
                    line=self.source.line(epath),
                )
            )
        return tuple(entries) if ok else None

    def progress_figure(
        self,
        entry: dict,
        values: dict,
        target: Target | None,
        epath: tuple,
        record: str,
        prefix: str,
    ) -> None:
        if target is None:
            return
        if target.op == "done":
            if "value" in entry:
                self.problem(
                    (*epath, "value"),
                    record,
                    f"{prefix}value",
                    'the target is a milestone (op: "done"): write done: true, not a value',
                )
            elif "done" not in entry:
                self.problem(
                    epath, record, f"{prefix}done", "missing: a milestone's progress is done: true"
                )
            elif values["done"] is False:
                self.problem(
                    (*epath, "done"),
                    record,
                    f"{prefix}done",
                    "done: false reports nothing: remove the entry until the milestone is reported complete",
                )
            return
        if "done" in entry:
            self.problem(
                (*epath, "done"),
                record,
                f"{prefix}done",
                f"the target is a figure ({target.unit}): give value, the reported figure, not done",
            )
        elif "value" not in entry:
            self.problem(
                epath,
                record,
                f"{prefix}value",
                f"missing: add value, the reported figure in {target.unit}",
            )
        if values["value"] is not None:
            self.check_sign(values["value"], target, (*epath, "value"), record, f"{prefix}value")
        if values["unit"] is not None and values["unit"] != target.unit:
            self.problem(
                (*epath, "unit"),
                record,
                f"{prefix}unit",
                f'"{values["unit"]}" differs from the target\'s unit "{target.unit}": convert the value to {target.unit}',
            )

    def progress_timing(
        self, values: dict, report: Report | None, epath: tuple, record: str, prefix: str
    ) -> None:
        if report is None:
            return
        when = values["date"]
        if when is not None and when.month and report.date.month:
            if when.sort_key < report.date.sort_key:
                self.problem(
                    (*epath, "date"),
                    record,
                    f"{prefix}date",
                    f"{when} is before the report ({report.date}): progress records what happened after the commitment",
                )
            return
        year = values["year"] if values["year"] is not None else (when.year if when else None)
        if year is not None and year < report.date.year:
            key = "year" if values["year"] is not None else "date"
            self.problem(
                (*epath, key),
                record,
                f"{prefix}{key}",
                f"{year} is before the report ({report.date}): progress records what happened after the commitment",
            )

    def progress_source(
        self, entry: dict, values: dict, source: Report, epath: tuple, record: str, prefix: str
    ) -> None:
        if source.file is not None:
            if "quote" not in entry:
                self.problem(
                    epath,
                    record,
                    f"{prefix}quote",
                    f"missing: {source.id} is in seeds/, so quote the clause that reports the figure",
                )
            elif values["quote"] is not None:
                self.check_quote(
                    source, values["quote"], (*epath, "quote"), record, f"{prefix}quote"
                )
        else:
            if "quote" in entry:
                self.problem(
                    (*epath, "quote"),
                    record,
                    f"{prefix}quote",
                    f"cannot be checked: {source.id} is not in seeds/; use note to say where the figure is",
                )
            elif "note" not in entry:
                self.problem(
                    epath,
                    record,
                    f"{prefix}note",
                    f"missing: {source.id} is not in seeds/, so say in note where in it the figure is",
                )

    def exclusion(
        self, item: dict, path: tuple, record: str, context: _Context
    ) -> Exclusion | None:
        values = {spec.name: self.read(item, spec, path, record) for spec in EXCLUSION}
        report = self.reference(
            values["report"], context.reports, path, record, "report", "reports"
        )
        if report is not None and values["quote"] is not None:
            self.check_quote(report, values["quote"], (*path, "quote"), record, "quote")
            if values["figure"] is not None and _squash(values["figure"]) not in _squash(
                values["quote"]
            ):
                self.problem(
                    (*path, "figure"),
                    record,
                    "figure",
                    f'"{values["figure"]}" is not in the quote: quote the clause that holds the figure',
                )
        if None in values.values() or report is None:
            return None
        return Exclusion(
            values["report"],
            values["figure"],
            values["quote"],
            values["reason"],
            self.source.line(path),
        )

    def check_plan_starts(self, index: int, report: Report, document: Document) -> None:
        """Report plan_starts words that are not in the report's text."""
        plan = document.structure.start_of("plan") if document.structure else None
        if plan is not None and plan.how.startswith("override"):
            return
        closest = closest_passage(document, report.plan_starts or "")
        self.problem(
            ("reports", index, "plan_starts"),
            report.id,
            "plan_starts",
            f'not found in {report.file}; closest passage: "{closest}" — copy the opening '
            "words of the plan part exactly as the report writes them (`targets report "
            f"{report.id}` shows its paragraphs)",
        )

    def check_quote(
        self, report: Report, quote: str, path: tuple, record: str, field_name: str
    ) -> None:
        if report.file is None:
            self.problem(
                path, record, field_name, f"cannot be checked: {report.id} is not in seeds/"
            )
            return
        document = self.documents.get(report.id)
        if document is None:
            return  # the unreadable report is a problem of its own
        if not contains_quote(document, quote):
            across = find_across_paragraphs(document, quote)
            if across is not None:
                first, last = across
                self.problem(
                    path,
                    record,
                    field_name,
                    f"runs across a paragraph break of {report.file} (paragraphs {first} to "
                    f"{last}): quote only the part within one paragraph",
                )
                return
            closest = closest_passage(document, quote)
            self.problem(
                path,
                record,
                field_name,
                f'not found in {report.file}; closest passage: "{closest}" — copy the text exactly as the report writes it',
            )


def _one_of(ids) -> str:
    """Return ', or use one of a, b' for the ids there are, or nothing when there are none."""
    return f", or use one of {', '.join(sorted(ids))}" if ids else ""


def _field_name(path: tuple) -> str:
    """Return a path inside a record as its field name: target.value, progress[0].year."""
    name = ""
    for part in path[:4]:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name + ("…" if len(path) > 4 else "")


def _squash(text: str) -> str:
    """Return text without whitespace, for comparing a figure with its quote."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass
class _Context:
    reports: dict[str, Report]
    areas: set[str]
