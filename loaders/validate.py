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
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from loaders import record_rules
from loaders.file_cache import ParsedFile, cache_dir_for, forget_memory, last_good, parse_file
from loaders.include import included_files
from loaders.model import TargetsFile
from loaders.problems import Problem, Where
from loaders.quote_check import load_documents, undeclared_files
from loaders.report import Document
from loaders.requirements import Facts
from loaders.review_warnings import review_warnings
from loaders.schema import AREA, COMMITMENT, EXCLUSION, REPORT, SECTIONS, Field
from loaders.values import READERS, describe
from loaders.yaml_source import YamlSource, read_yaml_text


@dataclass(frozen=True)
class KeptVersion:
    """A file that no longer parses, shown as its last version that did: the problems of the
    current version and when the one shown was saved (seconds since the epoch, if known)."""

    file: str
    problems: list[Problem]
    saved_at: float | None


@dataclass
class LoadResult:
    """The valid records of a targets file (and the files it includes), the problems found, the
    report texts read, and the files shown as their last good version (`kept`)."""

    targets: TargetsFile
    problems: list[Problem]
    documents: dict[str, Document] = field(default_factory=dict)
    unreadable: bool = False
    kept: list[KeptVersion] = field(default_factory=list)
    #: the files read, the top file first
    files: list[str] = field(default_factory=list)

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


def load_targets(
    path: str | os.PathLike,
    seeds_dir: str | os.PathLike | None = None,
    *,
    keep_last_good: bool = False,
) -> LoadResult:
    """Return the valid records of a targets file and the files it includes, and every problem.

    Each file is parsed once per content (`file_cache`). With keep_last_good (the dashboard), a
    file that no longer parses is read as its last version that did, and listed in `kept`; its
    problems are still reported, so the result is not ok.
    """
    path = Path(path)
    name = _display_name(path)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    cache_dir = cache_dir_for(path)
    top = _parse(path, name, cache_dir, keep_last_good)
    if top.source is None:
        return LoadResult(TargetsFile(), top.problems, unreadable=top.unreadable, files=[name])
    files, problems = included_files(top.source, path, name)
    parsed = [top] + [_parse(p, _display_name(p), cache_dir, keep_last_good) for p in files]
    return validate_files(parsed, seeds, problems)


def included_paths(path: str | os.PathLike) -> list[Path]:
    """Return the files a top targets file includes (none when it cannot be read or parsed)."""
    path = Path(path)
    top = parse_file(path, _display_name(path), cache_dir_for(path))
    if top.source is None:
        return []
    return included_files(top.source, path, top.name)[0]


def _parse(path: Path, name: str, cache_dir: Path | None, keep_last_good: bool) -> ParsedFile:
    """Return a file parsed; with keep_last_good, its last good version when it does not parse."""
    parsed = parse_file(path, name, cache_dir)
    if parsed.source is not None or not keep_last_good or not path.is_file():
        return parsed
    good = last_good(path, name, cache_dir)
    if good is None:
        return parsed
    return replace(good, replaces=parsed.problems)


def load_targets_text(
    text: str, seeds_dir: str | os.PathLike, name: str = "targets.yaml"
) -> LoadResult:
    """Return the valid records of targets YAML given as text, and every problem in it."""
    source, problems = read_yaml_text(text, name)
    if source is None:
        return LoadResult(TargetsFile(), problems, files=[name])
    return validate_files([ParsedFile(name, None, source, problems)], Path(seeds_dir), [])


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

    def __init__(
        self,
        name: str,
        source: YamlSource,
        seeds: Path,
        problems: list[Problem],
        shared: Validator | None = None,
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
        self.documents: dict[str, Document] = {}
        #: per section, the valid records (with unique ids) that other records may refer to
        self.known: dict[str, dict[str, Any]] = {"reports": {}, "areas": {}}
        #: per section, the ids of records left out for their own problems, with their lines
        self.left_out: dict[str, dict[str, int | None]] = {}
        #: the top file's validator, when this one validates a file it includes; the report
        #: texts and the records other records may refer to are the top one's, for every file
        self.top = shared
        #: the digest of the file's text and its resolved path (None for text not read from a
        #: file: not cached)
        self.digest: str | None = None
        self.key: str | None = None
        if shared is not None:
            self.documents, self.known, self.left_out = (
                shared.documents,
                shared.known,
                shared.left_out,
            )

    def finish(self) -> list[Problem]:
        """Return this file's problems, the YAML reader's not yet told with a record included."""
        self.problems.extend(p for inside in self.pending.values() for _, p in inside)
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

    # -- the pass (validate_files runs it over every file) ------------------------------------

    def sections(self, data: dict, present: set) -> None:
        """The file is a mapping of the known sections; the required ones are in some file of
        the set (`present`: the sections of every file); only the top file includes others."""
        allowed = [s.name for s in SECTIONS]
        for key in data:
            if key not in allowed:
                self.problem(
                    Where() / key,
                    "unknown-section",
                    f"unknown section{_did_you_mean(str(key), allowed)}: sections are {', '.join(allowed)}",
                )
            elif key == "include" and self.top is not None:
                self.problem(
                    Where() / key,
                    "include-not-top",
                    f"only the top file ({self.top.name}) may include other files: move this "
                    "list there",
                )
        if self.top is not None:
            return
        for section in SECTIONS:
            if section.always_required and section.name not in present:
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


Records = list[tuple[int, Any]]


@dataclass
class _Checked:
    """A file's commitments and exclusions as validated, and the problems found in them."""

    commitments: Records
    exclusions: Records
    problems: list[Problem]
    warnings: list[Problem]


#: per file (resolved path), the last validation of its commitments and exclusions, with its
#: key: the file's digest, its name as shown, and the context it was validated in (the reports,
#: areas and report texts)
_CHECKED: dict[str, tuple[tuple[str | None, str, str], _Checked]] = {}


def validate_files(files: list[ParsedFile], seeds: Path, problems: list[Problem]) -> LoadResult:
    """Return the valid records of a set of files (the top file first) and every problem.

    Reports and areas are read from every file first, their ids unique over the set, so that
    any file's commitments may refer to any file's reports; then each file's commitments and
    exclusions, reused from the last load when neither the file nor what they may refer to
    changed; then ids unique over the set.
    """
    names = [f.name for f in files]
    problems = list(problems)
    kept = [KeptVersion(f.name, f.replaces, f.saved_at) for f in files if f.replaces]
    for parsed in files:
        problems += parsed.replaces if parsed.source is not None else parsed.problems
    validators: list[Validator] = []
    datas: list[dict] = []
    for parsed in files:
        if parsed.source is None:
            continue
        top = validators[0] if validators else None
        validator = Validator(parsed.name, parsed.source, seeds, parsed.problems, top)
        validator.digest = parsed.digest
        validator.key = parsed.key
        if not isinstance(parsed.source.data, dict):
            validator.problem(
                Where(),
                "bad-structure",
                f"expected a mapping with sections {', '.join(s.name for s in SECTIONS if s.children)}, got {describe(parsed.source.data)}",
            )
            problems += validator.finish()
            if top is None:
                return LoadResult(TargetsFile(), _ordered(problems, names), files=names, kept=kept)
            continue
        validators.append(validator)
        datas.append(parsed.source.data)
    if not validators:
        return LoadResult(TargetsFile(), _ordered(problems, names), files=names, kept=kept)
    top = validators[0]
    present = {key for data in datas for key in data}
    for validator, data in zip(validators, datas, strict=True):
        validator.sections(data, present)
    reports = _unique(
        "reports",
        [
            (v, v.section(d, "reports", REPORT, record_rules.report))
            for v, d in zip(validators, datas, strict=True)
        ],
    )
    areas = _unique(
        "areas",
        [
            (v, v.section(d, "areas", AREA, record_rules.area))
            for v, d in zip(validators, datas, strict=True)
        ],
    )
    top.known["reports"] = {report.id: report for _, found in reports for _, report in found}
    top.known["areas"] = {area.id: area for _, found in areas for _, area in found}
    for validator, found in reports:
        load_documents(validator, found)
    if any(isinstance(d.get("reports"), list) for d in datas):  # else: no reports to compare
        report_files = [r.get("file") for d in datas for r in _items(d, "reports")]
        undeclared_files(top, {Path(f).name for f in report_files if isinstance(f, str)})
    context = _context_key(top)
    checked = [(v, _check_records(v, d, context)) for v, d in zip(validators, datas, strict=True)]
    commitments = _unique("commitments", [(v, c.commitments) for v, c in checked])
    valid = TargetsFile(
        reports=tuple(report for _, found in reports for _, report in found),
        areas=tuple(area for _, found in areas for _, area in found),
        commitments=tuple(c for _, found in commitments for _, c in found),
        exclusions=tuple(e for _, c in checked for _, e in c.exclusions),
    )
    for (validator, own_areas), (_, own_commitments) in zip(areas, commitments, strict=True):
        own = TargetsFile(
            areas=tuple(a for _, a in own_areas), commitments=tuple(c for _, c in own_commitments)
        )
        validator.problems += review_warnings(
            validator.name, validator.source, own_areas, own_commitments, own
        )
    for validator in validators:
        problems += validator.finish()
    return LoadResult(valid, _ordered(problems, names), top.documents, files=names, kept=kept)


def forget_loads() -> None:
    """Drop what this process remembers of earlier loads (as a restart would); the disk cache
    stays."""
    forget_memory()
    _CHECKED.clear()


def _ordered(problems: list[Problem], names: list[str]) -> list[Problem]:
    """Return problems in the order of their files (the top file's first), then of their lines;
    a problem of another file (a report text) goes with the top file's."""
    order = {name: index for index, name in enumerate(names)}
    return sorted(problems, key=lambda p: (order.get(p.file, 0), p.line or 0))


def _check_records(validator: Validator, data: dict, context: str) -> _Checked:
    """Return a file's commitments and exclusions validated, reused when the file and the
    context it is validated in are those of the last load."""
    key = (validator.digest, validator.name, context)
    remembered = _CHECKED.get(validator.key) if validator.key else None
    if remembered is not None and remembered[0] == key:
        checked = remembered[1]
        for path in [p for p in validator.pending if p[:1] in (("commitments",), ("exclusions",))]:
            if len(path) == 2:
                del validator.pending[path]
        validator.problems += checked.problems
        validator.warnings += checked.warnings
        return checked
    before, warned = len(validator.problems), len(validator.warnings)
    checked = _Checked(
        validator.section(data, "commitments", COMMITMENT, record_rules.commitment),
        validator.section(data, "exclusions", EXCLUSION, record_rules.exclusion),
        validator.problems[before:],
        validator.warnings[warned:],
    )
    if validator.key:
        _CHECKED[validator.key] = (key, checked)
    return checked


def _context_key(top: Validator) -> str:
    """Return a key for what a file's commitments and exclusions are checked against: the
    valid reports and areas, those left out, and each report text's file as last modified."""
    texts: list[tuple[object, ...]] = []
    for report_id, report in sorted(top.known["reports"].items()):
        if report.file is None:
            continue
        try:
            info = (top.seeds / report.file).stat()
            texts.append((report_id, info.st_mtime_ns, info.st_size, report_id in top.documents))
        except OSError:
            texts.append((report_id, None))
    named = repr(
        (
            str(top.seeds.resolve()),
            sorted(top.known["reports"].items()),
            sorted(top.known["areas"].items()),
            sorted((k, sorted(v.items())) for k, v in top.left_out.items() if k != "commitments"),
            texts,
        )
    )
    return hashlib.blake2b(named.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _unique(
    section: str, found: list[tuple[Validator, Records]]
) -> list[tuple[Validator, Records]]:
    """Return each file's records whose id occurs once in the set; a later duplicate is a
    problem (in its own file, naming where the first is), and every record with that id is
    left out."""
    first: dict[str, tuple[Validator, int]] = {}
    duplicates: set[str] = set()
    for validator, records in found:
        for index, record in records:
            if record.id not in first:
                first[record.id] = (validator, index)
                continue
            other, other_index = first[record.id]
            line = other.source.line((section, other_index))
            also = f"line {line}" if other is validator else f"{other.name}:{line}"
            validator.problem(
                Where((section, index), record.id) / "id",
                "duplicate-id",
                f"duplicate id (also at {also}): give each record its own id",
            )
            duplicates.add(record.id)
    for ident in duplicates:
        other, other_index = first[ident]
        other.left_out.setdefault(section, {})[ident] = other.source.line((section, other_index))
    if not duplicates:
        return found
    return [
        (validator, [(i, r) for i, r in records if r.id not in duplicates])
        for validator, records in found
    ]


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


def _items(data: dict, section: str) -> list[dict]:
    """Return the mappings of a section as written (a record left out still declares)."""
    items = data.get(section)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
