"""The validator's pass over one targets file: sections, records, fields read by their type,
and references to the records of the set it belongs to.

A `Validator` collects the problems of one file. The rules of each kind of record are in
`record_rules.py`, quotes are checked against the reports' texts in `quote_check.py`; which
files are read and how their outcomes are combined and cached is in `validate.py`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from loaders.problems import Problem, Where
from loaders.record.requirements import Facts
from loaders.record.schema import SECTIONS, Field
from loaders.record.values import READERS, describe
from loaders.record.yaml_source import YamlSource
from loaders.rules.record_reuse import ValidRecords, record_key, relined
from loaders.texts.report import Document

Records = list[tuple[int, Any]]
#: the sections whose records may refer to records of other files
RECORD_SECTIONS = ("commitments", "exclusions")


def _did_you_mean(word: str, choices: list[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


class Validator:
    """One pass over one file's YAML data, collecting valid records and problems."""

    def __init__(
        self,
        name: str,
        source: YamlSource,
        seeds: Path,
        problems: list[Problem],
        top_name: str | None = None,
    ):
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
        self.documents: Mapping[str, Document] = {}
        #: per section, the valid records (with unique ids) that other records may refer to
        self.known: dict[str, dict[str, Any]] = {"reports": {}, "areas": {}}
        #: per section, the ids of records left out for their own problems, with their lines
        self.left_out: dict[str, dict[str, int | None]] = {}
        #: the top file's name when this file is one it includes (None: this is the top file)
        self.top_name = top_name
        #: what the records checked referred to outside themselves: (section, id) of each
        #: record named, ("all", section) where an unknown id was compared with every id
        self.deps: set[tuple[str, str]] = set()
        #: the valid records of this file's last validation that may be taken as they are
        #: (record_reuse), and where this validation's valid records are kept for the next
        self.reusable: ValidRecords | None = None
        self.kept: ValidRecords | None = None

    def finish(self, part: str = "all") -> list[Problem]:
        """Return this file's problems and warnings, with the YAML reader's not yet told with a
        record: of the whole file ("all"), of its commitments and exclusions ("records"), or of
        everything else ("declarations")."""
        for path, inside in self.pending.items():
            of_records = bool(path) and path[0] in RECORD_SECTIONS
            if part == "all" or of_records == (part == "records"):
                self.problems.extend(p for _, p in inside)
        self.pending.clear()
        self.problems += self.warnings
        self.warnings = []
        return self.problems

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

    # -- the pass (validate.py runs it over every file of the set) ---------------------------

    def sections(self, data: dict) -> None:
        """The file is a mapping of the known sections; only the top file includes others."""
        allowed = [s.name for s in SECTIONS]
        if self.top_name is not None and data and not any(key in allowed for key in data):
            # an included file that is no targets file: its keys are not shown, they may be
            # anything (names in a secrets file)
            self.problem(
                Where(),
                "unknown-section",
                f"not a targets file: none of its keys is a section ({', '.join(allowed)}): "
                "is it the right file?",
            )
            return
        for key in data:
            if key not in allowed:
                self.problem(
                    Where() / key,
                    "unknown-section",
                    f"unknown section{_did_you_mean(str(key), allowed)}: sections are {', '.join(allowed)}",
                )
            elif key == "include" and self.top_name is not None:
                self.problem(
                    Where() / key,
                    "include-not-top",
                    f"only the top file ({self.top_name}) may include other files: move this "
                    "list there",
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
            key = record_key(name, item) if self.kept is not None else None
            reused = self._reused(key, path)
            if reused is not None:
                built.append((index, reused))
                continue
            before, warned, outer = len(self.problems), len(self.warnings), self.deps
            self.deps = set()  # this record's own
            self.value_problems(at)
            self.unknown_keys(item, fields, at)
            value = build(self, item, at)
            own, self.deps = self.deps, outer | self.deps
            if value is not None and len(self.problems) == before:
                built.append((index, value))
                if key is not None and self.kept is not None and len(self.warnings) == warned:
                    self.kept.records[key] = (value, frozenset(own))
            elif isinstance(item.get("id"), str):
                self.left_out.setdefault(name, {})[item["id"]] = self.source.line(path)
        return built

    def _reused(self, key: tuple[str, str] | None, path: tuple) -> Any:
        """Return the record of the last validation with these fields, at its new place (None
        when there is none, or the YAML reader found a problem inside it)."""
        if key is None or self.reusable is None or path in self.pending:
            return None
        found = self.reusable.records.get(key)
        if found is None:
            return None
        record, own = found
        self.deps |= own
        assert self.kept is not None, "a key is made only while records are kept"
        self.kept.records[key] = found
        return relined(record, self.source, path)

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
        self.deps.add((section, ident))
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
            self.deps.add(("all", section))
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
