"""Load and validate targets.yaml: every problem in one pass, each with file, line and field.

`load_targets(path)` never raises for a bad file: it returns the valid records and the list of
problems. A record with any problem (a bad field, an unknown reference, a quote not found in
its source) is left out of the valid records and its problems are listed.

This module is the pass: sections, records, fields read by their type, unique ids and
references between records. The rules of each kind of record are in `record_rules.py`, the
quotes are checked against the reports' texts in `quote_check.py`.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from loaders import record_rules
from loaders.model import TargetsFile
from loaders.problems import Problem, Where
from loaders.quote_check import load_documents
from loaders.report import Document
from loaders.requirements import Facts
from loaders.review_warnings import review_warnings
from loaders.schema import AREA, COMMITMENT, EXCLUSION, REPORT, SECTIONS, Field
from loaders.values import READERS, describe
from loaders.yaml_source import YamlSource, read_text_file, read_yaml_text


@dataclass
class LoadResult:
    """The valid records of a targets file, the problems found, and the report texts read."""

    targets: TargetsFile
    problems: list[Problem]
    documents: dict[str, Document] = field(default_factory=dict)
    unreadable: bool = False

    @property
    def ok(self) -> bool:
        """Return True when no error was found (warnings, such as drafts to review, are allowed)."""
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that left a record out."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Return the problems that flag a record kept: drafts to review, TODO markers."""
        return [p for p in self.problems if p.severity == "warning"]


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
    return Validator(name, source, seeds, problems).run()


def load_targets_text(
    text: str, seeds_dir: str | os.PathLike, name: str = "targets.yaml"
) -> LoadResult:
    """Return the valid records of targets YAML given as text, and every problem in it."""
    source, problems = read_yaml_text(text, name)
    if source is None:
        return LoadResult(TargetsFile(), problems)
    return Validator(name, source, Path(seeds_dir), problems).run()


def _display_name(path: Path) -> str:
    """Return the path as the user would type it: relative to the working directory if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _did_you_mean(word: str, choices: list[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


class Validator:
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
        #: warnings keep their record: kept apart so that counting errors leaves them out
        self.warnings: list[Problem] = []
        #: the texts of the reports in seeds/, by report id, for checking quotes
        self.documents: dict[str, Document] = {}
        #: per section, the valid records (with unique ids) that other records may refer to
        self.known: dict[str, dict[str, Any]] = {"reports": {}, "areas": {}}
        #: per section, the ids of records left out for their own problems, with their lines
        self.left_out: dict[str, dict[str, int | None]] = {}

    def problem(self, at: Where, code: str, message: str) -> None:
        """Add a problem of a kind (one of problems.CODES) at a place, unless the YAML reader
        dropped that value and said why."""
        if self.source.dropped_at(at.path):
            return
        line = self.source.line(at.path)
        self.problems.append(Problem(self.name, line, at.record, at.field, message, code=code))

    def warn(self, at: Where, code: str, message: str) -> None:
        """Add a warning (the record is kept) of a kind at a place."""
        line = self.source.line(at.path)
        problem = Problem(self.name, line, at.record, at.field, message, code=code)
        self.warnings.append(replace(problem, severity="warning"))

    def line(self, at: Where) -> int | None:
        """Return the line of the value at a place (of its nearest enclosing value if missing)."""
        return self.source.line(at.path)

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> LoadResult:
        """Return the valid records and every problem: sections first, then their records."""
        data = self.source.data
        if not isinstance(data, dict):
            self.problem(
                Where(),
                "bad-structure",
                f"expected a mapping with sections {', '.join(s.name for s in SECTIONS)}, got {describe(data)}",
            )
            return self.result(TargetsFile())
        self.sections(data)
        reports = self.unique("reports", self.section(data, "reports", REPORT, record_rules.report))
        areas = self.unique("areas", self.section(data, "areas", AREA, record_rules.area))
        self.known["reports"] = {report.id: report for _, report in reports}
        self.known["areas"] = {area.id: area for _, area in areas}
        load_documents(self, reports)
        commitments = self.unique(
            "commitments", self.section(data, "commitments", COMMITMENT, record_rules.commitment)
        )
        exclusions = self.section(data, "exclusions", EXCLUSION, record_rules.exclusion)
        valid = TargetsFile(
            reports=tuple(report for _, report in reports),
            areas=tuple(area for _, area in areas),
            commitments=tuple(commitment for _, commitment in commitments),
            exclusions=tuple(exclusion for _, exclusion in exclusions),
        )
        self.problems += review_warnings(self.name, self.source, areas, commitments, valid)
        return self.result(valid)

    def result(self, targets: TargetsFile) -> LoadResult:
        """Return the load result, the problems in the order of their lines."""
        self.problems.extend(p for inside in self.pending.values() for _, p in inside)
        self.pending.clear()
        self.problems += self.warnings
        self.warnings = []
        self.problems.sort(key=lambda p: p.line or 0)
        return LoadResult(targets, self.problems, self.documents)

    def sections(self, data: dict) -> None:
        """The file is a mapping of the known sections; the required ones are there."""
        allowed = [s.name for s in SECTIONS]
        for key in data:
            if key not in allowed:
                self.problem(
                    Where() / key,
                    "unknown-section",
                    f"unknown section{_did_you_mean(str(key), allowed)}: sections are {', '.join(allowed)}",
                )
        for section in SECTIONS:
            if section.always_required and section.name not in data:
                self.problem(
                    Where() / section.name,
                    "missing-section",
                    f"missing section: add `{section.name}:` with a list of {section.name}",
                )

    def section(
        self, data: dict, name: str, fields: tuple[Field, ...], build: Callable
    ) -> list[tuple[int, Any]]:
        """Return (index, record) for each valid item of a section; build(self, item, at) makes
        a record or returns None."""
        items = data.get(name)
        if items is None:
            return []
        if not isinstance(items, list):
            self.problem(
                Where() / name,
                "bad-structure",
                f"expected a list (each item starting with '- '), got {describe(items)}",
            )
            return []
        built = []
        for index, item in enumerate(items):
            path = (name, index)
            if not isinstance(item, dict):
                self.problem(
                    Where(path, f"{name}[{index}]"),
                    "bad-structure",
                    f"expected a mapping of fields, got {describe(item)}",
                )
                continue
            at = Where(path, _record_name(name, index, item))
            before = len(self.problems)
            self.value_problems(at)
            self.unknown_keys(item, fields, at)
            value = build(self, item, at)
            if value is not None and len(self.problems) == before:
                built.append((index, value))
            elif isinstance(item.get("id"), str):
                self.left_out.setdefault(name, {})[item["id"]] = self.source.line(path)
        return built

    def value_problems(self, at: Where) -> None:
        """Tell the YAML reader's problems inside a record with the record's id and field."""
        for value_path, problem in self.pending.pop(at.path, []):
            field_name = _field_name(value_path[len(at.path) :])
            self.problems.append(replace(problem, record=at.record, field=field_name or None))

    def unknown_keys(self, item: dict, fields: tuple[Field, ...], at: Where) -> None:
        """A mapping has only the fields the schema declares for it."""
        allowed = [f.name for f in fields]
        for key in item:
            if key not in allowed:
                self.problem(
                    at / key,
                    "unknown-field",
                    f"unknown field{_did_you_mean(str(key), allowed)}: allowed here are {', '.join(allowed)}",
                )

    def unique(self, section: str, records: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
        """Return the records whose id occurs once; a later duplicate is a problem, and every
        record with that id is left out."""
        first: dict[str, int] = {}
        duplicates: set[str] = set()
        for index, record in records:
            if record.id in first:
                line = self.source.line((section, first[record.id]))
                self.problem(
                    Where((section, index), record.id) / "id",
                    "duplicate-id",
                    f"duplicate id (also at line {line}): give each record its own id",
                )
                duplicates.add(record.id)
            else:
                first[record.id] = index
        for ident in duplicates:
            self.left_out.setdefault(section, {})[ident] = self.source.line((section, first[ident]))
        return [(index, record) for index, record in records if record.id not in duplicates]

    def read(self, item: dict, spec: Field, at: Where, facts: Facts | None = None) -> Any:
        """Return the field's value read by its type, or None after telling its problem; a
        missing field is one when required (conditionally required: given the facts)."""
        if spec.name not in item:
            self.require(item, spec, at, facts)
            return None
        value, message = READERS[spec.type](item[spec.name])
        if message:
            self.problem(at / spec.name, "bad-value", message)
            return None
        return value

    def require(self, item: dict, spec: Field, at: Where, facts: Facts | None) -> bool:
        """A field the schema requires here is given; return True when it was missing."""
        if spec.name in item or not spec.required_here(facts):
            return False
        requirement = spec.required
        if isinstance(requirement, str) or not requirement.missing or facts is None:
            example = f" (e.g. {spec.name}: {spec.example})" if spec.example else ""
            message = f"missing: add {spec.name}{example}"
        else:
            message = requirement.missing.format(
                unit=facts.values.get("unit"),
                value=describe(facts.values.get("value")),
                source=getattr(facts.source, "id", None),
                target_unit=getattr(facts.target, "unit", None),
            )
        self.problem(at / spec.name, "missing-field", message)
        return True

    def reference(self, ident: str | None, section: str, at: Where) -> Any:
        """Return the valid record an id refers to; an unknown or left-out one is a problem."""
        if ident is None:
            return None
        known = self.known[section]
        if ident in known:
            return known[ident]
        kind = section.removesuffix("s")
        left_out = self.left_out.get(section, {})
        if ident in left_out:
            line = f" (line {left_out[ident]})" if left_out[ident] else ""
            self.problem(
                at,
                "reference-has-problems",
                f'{kind} "{ident}"{line} has problems of its own: fix them first',
            )
        else:
            choices = sorted(known)
            self.problem(
                at,
                "unknown-reference",
                f'unknown {kind} "{ident}"{_did_you_mean(ident, choices)}: add it under {section}{_one_of(choices)}',
            )
        return None


def _record_name(section: str, index: int, item: dict) -> str:
    """Return how a record is named in its problems: its id, or its place in the section."""
    ident = item.get("id")
    if isinstance(ident, str) and ident.strip():
        return ident.strip()
    return f"{section}[{index}]"


def _one_of(ids: Iterable[str]) -> str:
    """Return ', or use one of a, b' for the ids there are, or nothing when there are none."""
    ids = sorted(ids)
    return f", or use one of {', '.join(ids)}" if ids else ""


def _field_name(path: tuple) -> str:
    """Return a path inside a record as its field name: target.value, progress[0].year."""
    name = ""
    for part in path[:4]:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name + ("…" if len(path) > 4 else "")
