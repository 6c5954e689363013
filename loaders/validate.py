"""Load and validate targets.yaml and the files it includes: every problem, each with its file,
line and field.

`load_targets(path)` never raises for a bad file: it returns the valid records and the list of
problems. A record with any problem (a bad field, an unknown reference, a quote not found in
its source) is left out of the valid records and its problems are listed.

A load reads each file's text, then takes each file's outcome (`file_outcome`) from the cache
when its content, and what it refers to, are unchanged; only the rest is parsed and validated
(`validator.Validator`, `record_rules`, `quote_check`). Ids unique over the set, references
between files and report texts no report declares are checked again on every load.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from loaders import record_rules
from loaders.file_cache import (
    FileText,
    ParsedFile,
    _decode,
    _encode,
    cache_dir_for,
    forget_memory,
    last_good,
    parse_text,
    read_file,
    remember_good_digest,
    resolved,
)
from loaders.file_outcome import (
    Checked,
    Declarations,
    Lines,
    Records,
    _quotes_of,
    cached_checked,
    cached_declarations,
    dependency_key,
    store_checked,
    store_declarations,
    text_state,
)
from loaders.file_outcome import forget as forget_outcomes
from loaders.include import included_files
from loaders.model import Commitment, TargetsFile
from loaders.problems import Problem, Where
from loaders.quote_check import (
    ReportTexts,
    forget_texts,
    load_documents,
    undeclared_files,
    undeclared_message,
)
from loaders.report import Document
from loaders.review_warnings import review_warnings
from loaders.schema import AREA, COMMITMENT, EXCLUSION, REPORT, SECTIONS
from loaders.validator import Validator
from loaders.values import describe
from loaders.yaml_source import YamlSource, read_yaml_text

#: the codes of warnings about one record, dropped with the record when its id is a duplicate
RECORD_WARNINGS = ("draft-to-review", "todo-marker")


@dataclass(frozen=True)
class KeptVersion:
    """A file that no longer parses, shown as its last version that did: the problems of the
    current version and when the one shown was saved (seconds since the epoch, if known)."""

    file: str
    problems: list[Problem]
    saved_at: float | None


@dataclass(frozen=True)
class RecordCounts:
    """How many valid records a load holds, and their quotes and drafts."""

    commitments: int
    exclusions: int
    reports: int
    drafts: int
    quotes: int


@dataclass(frozen=True)
class CommitmentGroup:
    """The valid commitments of one file, and a key naming them (None: not to be cached)."""

    key: str | None
    commitments: tuple[Commitment, ...]


@dataclass
class LoadResult:
    """The valid records of a targets file (and the files it includes), the problems found, the
    report texts (read when first used), and the files shown as their last good version.

    `records` is the valid records, or a function returning them: commitments read from the
    cache are made records only when `targets` is first used (`targets check` needs `counts`).
    """

    records: TargetsFile | Callable[[], TargetsFile]
    problems: list[Problem]
    documents: Mapping[str, Document] = field(default_factory=dict)
    unreadable: bool = False
    kept: list[KeptVersion] = field(default_factory=list)
    #: the files read, the top file first
    files: list[str] = field(default_factory=list)
    #: the file each valid report is declared in
    declared_in: dict[str, str] = field(default_factory=dict)
    #: the counts of the valid records (None: counted from `targets` when asked)
    known_counts: RecordCounts | None = None
    #: the valid reports and areas (None: those of `targets`)
    known_declared: TargetsFile | None = None
    #: the valid commitments by file, each with a key naming its content and what it refers
    #: to (None: one group of every commitment, with no key); made when first used
    known_groups: Callable[[], list[CommitmentGroup]] | list[CommitmentGroup] | None = None

    @property
    def targets(self) -> TargetsFile:
        """Return the valid records (made now if not yet)."""
        if not isinstance(self.records, TargetsFile):
            self.records = self.records()
        return self.records

    @property
    def groups(self) -> list[CommitmentGroup]:
        """Return the valid commitments by file, in order, each with a key that stays the same
        while the file and what it refers to are unchanged (None when not known)."""
        if self.known_groups is None:
            return [CommitmentGroup(None, self.targets.commitments)]
        if not isinstance(self.known_groups, list):
            self.known_groups = self.known_groups()
        return self.known_groups

    @property
    def declared(self) -> TargetsFile:
        """Return the valid reports and areas (without reading the commitments)."""
        return self.known_declared if self.known_declared is not None else self.targets

    @property
    def counts(self) -> RecordCounts:
        """Return how many valid records there are, with their quotes and drafts."""
        if self.known_counts is not None:
            return self.known_counts
        commitments = self.targets.commitments
        return RecordCounts(
            commitments=len(commitments),
            exclusions=len(self.targets.exclusions),
            reports=len(self.targets.reports),
            drafts=sum(c.draft for c in commitments),
            quotes=sum(_quotes_of(c) for c in commitments) + len(self.targets.exclusions),
        )

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


@dataclass
class _File:
    """One file of the set during a load: its text, its parse when one was needed, and the
    two halves of its outcome."""

    path: Path
    text: FileText
    #: the top file's name (for an included file's problems), None for the top file itself
    top_name: str | None
    parsed: ParsedFile | None = None
    #: the problems of a version that does not parse, when its last good one is read instead
    replaces: list[Problem] = field(default_factory=list)
    declarations: Declarations | None = None
    checked: Checked | None = None
    #: problems of a file that gave no outcome (unreadable, not YAML, not a mapping)
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        """Return the file's name as shown in problems."""
        return self.text.name

    @property
    def memory_key(self) -> str | None:
        """Return the key the file's outcome is remembered by in memory: its resolved path
        (None for text not read from a file)."""
        return self.text.key or None

    def content_key(self, seeds: Path) -> tuple:
        """Return what both halves of the outcome are keyed by besides their dependencies."""
        return (self.text.digest, self.name, self.top_name, str(seeds))


class _SetLoader:
    """A load of a set of files: each file's outcome from the cache or validated now."""

    def __init__(self, seeds: Path, cache_dir: Path | None, keep_last_good: bool) -> None:
        self.seeds = seeds
        self.cache_dir = cache_dir
        self.keep_last_good = keep_last_good
        #: the top file's name, once it is read
        self.top_name: str | None = None
        #: the report texts read while validating declarations in this load, by report id
        self.texts_read: dict[str, Document] = {}

    def read(self, path: Path, name: str) -> _File:
        """Return a file read and its declarations made (from the cache when unchanged); the
        first file read is the top file."""
        file = _File(path, read_file(path, name), self.top_name)
        if self.top_name is None:
            self.top_name = name
        self.declare(file)
        return file

    def source(self, file: _File) -> YamlSource | None:
        """Return the file's YAML (its last good version's, with keep_last_good, when it no
        longer parses); None after noting why it cannot be read."""
        if file.parsed is None:
            parsed = parse_text(file.text, self.cache_dir)
            if parsed.source is None and self.keep_last_good and file.path.is_file():
                good = last_good(file.path, file.name, self.cache_dir)
                if good is not None:
                    file.replaces = parsed.problems
                    file.text = replace(file.text, digest=good.digest)
                    parsed = good
            file.parsed = parsed
        if file.parsed.source is None:
            file.problems = file.parsed.problems
        return file.parsed.source

    def declare(self, file: _File) -> None:
        """Make a file's declarations: reports, areas and the problems of all but its records."""
        if file.text.digest is not None:
            found = cached_declarations(
                self.cache_dir, file.text.key, file.content_key(self.seeds), self.seeds
            )
            if found is not None:
                file.declarations = found
                if self.keep_last_good:
                    remember_good_digest(self.cache_dir, file.text)
                return
        source = self.source(file)
        if source is None:
            return
        key = file.content_key(self.seeds)
        if file.replaces:  # read as its last good version, whose outcome may be cached
            found = cached_declarations(self.cache_dir, file.text.key, key, self.seeds)
            if found is not None:
                file.declarations = found
                return
        file.declarations = self.validate_declarations(file, source)
        if file.declarations is not None:
            store_declarations(self.cache_dir, file.memory_key, key, file.declarations)

    def validate_declarations(self, file: _File, source: YamlSource) -> Declarations | None:
        """Return a file's declarations validated now (None when it is not a mapping)."""
        assert file.parsed is not None
        validator = Validator(file.name, source, self.seeds, file.parsed.problems, file.top_name)
        data = source.data
        if not isinstance(data, dict):
            validator.problem(
                Where(),
                "bad-structure",
                f"expected a mapping with sections {', '.join(s.name for s in SECTIONS if s.children)}, got {describe(data)}",
            )
            file.problems = validator.finish()
            return None
        validator.sections(data)
        reports = validator.section(data, "reports", REPORT, record_rules.report)
        areas = validator.section(data, "areas", AREA, record_rules.area)
        read = load_documents(validator, reports)
        self.texts_read.update(read)
        own_areas = TargetsFile(areas=tuple(a for _, a in areas))
        validator.problems += review_warnings(file.name, source, areas, [], own_areas)
        problems = validator.finish("declarations")
        with_file = [r for _, r in reports if r.file is not None]
        include = data.get("include") if file.top_name is None else None
        return Declarations(
            sections=[str(key) for key in data],
            reports=reports,
            areas=areas,
            lines=_record_lines(source, "reports", reports) | _record_lines(source, "areas", areas),
            problems=problems,
            left_out={s: validator.left_out.get(s, {}) for s in ("reports", "areas")},
            readable={r.id: r.id in read for r in with_file},
            texts={str(r.file): text_state(self.seeds / str(r.file)) for r in with_file},
            section_lines={s.name: source.line((s.name,)) for s in SECTIONS},
            declared_files=[
                item["file"]
                for item in _items(data, "reports")
                if isinstance(item.get("file"), str)
            ]
            if isinstance(data.get("reports"), list)
            else None,
            include=_encode(include),
            include_lines=[
                [list(path), line]
                for path, line in source.lines.items()
                if path[:1] == ("include",)
            ],
        )

    def check(self, file: _File, context: _Context) -> Checked | None:
        """Return a file's commitments and exclusions checked (from the cache when neither the
        file nor what they refer to changed)."""
        key = file.content_key(self.seeds)
        if file.text.digest is not None:
            found = cached_checked(self.cache_dir, file.text.key, key)
            if found is not None and found.key == context.dependency_key(found.deps):
                return found
        source = self.source(file)
        if source is None or not isinstance(source.data, dict):
            return None
        validator = Validator(file.name, source, self.seeds, [], file.top_name)
        validator.known = context.known
        validator.left_out = {**context.left_out, "commitments": {}, "exclusions": {}}
        validator.documents = context.documents
        data = source.data
        commitments = validator.section(data, "commitments", COMMITMENT, record_rules.commitment)
        exclusions = validator.section(data, "exclusions", EXCLUSION, record_rules.exclusion)
        own = TargetsFile(commitments=tuple(c for _, c in commitments))
        validator.problems += review_warnings(file.name, source, [], commitments, own)
        deps = sorted(validator.deps)
        checked = Checked(
            commitments=commitments,
            exclusions=exclusions,
            lines=_record_lines(source, "commitments", commitments),
            problems=validator.finish("records"),
            left_out=validator.left_out["commitments"],
            deps=deps,
            key=context.dependency_key(deps),
        )
        store_checked(self.cache_dir, file.memory_key, key, checked)
        return checked


@dataclass
class _Context:
    """What every file's records are checked against: the valid reports and areas of the set,
    those left out, and the reports' texts."""

    known: dict[str, dict[str, Any]]
    left_out: dict[str, dict[str, int | None]]
    documents: ReportTexts
    seeds: Path
    readable: dict[str, bool]

    #: the state of each thing named, computed once per load
    states: dict[tuple[str, str], Any] = field(default_factory=dict)

    def dependency_key(self, deps: list[tuple[str, str]]) -> str:
        """Return the key of the state of what a file's records referred to."""
        return dependency_key(
            deps, self.known, self.left_out, self.seeds, self.readable, self.states
        )


def load_targets(
    path: str | os.PathLike,
    seeds_dir: str | os.PathLike | None = None,
    *,
    keep_last_good: bool = False,
) -> LoadResult:
    """Return the valid records of a targets file and the files it includes, and every problem.

    Each file's outcome is reused while its content and what it refers to are unchanged
    (`file_outcome`). With keep_last_good (the dashboard), a file that no longer parses is read
    as its last version that did, and listed in `kept`; its problems are still reported, so
    the result is not ok.
    """
    path = Path(path)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    with collection_paused():
        return _load_set(_SetLoader(seeds, cache_dir_for(path), keep_last_good), path)


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a load builds its records (restarted after).

    A load makes hundreds of thousands of small acyclic objects (records, problems, decoded
    JSON); each burst of allocations would start a full collection that walks all of them
    again, a third of a cold load's time at 51,000 commitments. Reference counting still frees
    everything that is dropped.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_set(loader: _SetLoader, path: Path) -> LoadResult:
    """Return the valid records and problems of a top file and the files it includes."""
    top = loader.read(path, _display_name(path))
    if top.declarations is None:
        unreadable = top.text.text is None
        return LoadResult(TargetsFile(), top.problems, unreadable=unreadable, files=[top.name])
    paths, problems = _included(top, path)
    files = [top] + [loader.read(p, _display_name(p)) for p in paths]
    return _combine(loader, files, problems)


def included_paths(
    path: str | os.PathLike, seeds_dir: str | os.PathLike | None = None
) -> list[Path]:
    """Return the files a top targets file includes (none when it cannot be read or parsed)."""
    path = Path(path)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    top = _SetLoader(seeds, cache_dir_for(path), False).read(path, _display_name(path))
    return _included(top, path)[0] if top.declarations is not None else []


def _included(top: _File, path: Path) -> tuple[list[Path], list[Problem]]:
    """Return the files the top file includes and the problems of its include list."""
    declarations = top.declarations
    assert declarations is not None
    if declarations.include is None and "include" not in declarations.sections:
        return [], []
    source = YamlSource(
        {"include": _decode(declarations.include)},
        {tuple(p): line for p, line in declarations.include_lines},
    )
    return included_files(source, path, top.name)


def load_targets_text(
    text: str, seeds_dir: str | os.PathLike, name: str = "targets.yaml"
) -> LoadResult:
    """Return the valid records of targets YAML given as text, and every problem in it."""
    source, problems = read_yaml_text(text, name)
    if source is None:
        return LoadResult(TargetsFile(), problems, files=[name])
    loader = _SetLoader(Path(seeds_dir), None, False)
    file = _File(Path(name), FileText(name, "", text, None, problems, None), None)
    file.parsed = ParsedFile(name, None, source, problems)
    file.declarations = loader.validate_declarations(file, source)
    if file.declarations is None:
        return LoadResult(TargetsFile(), file.problems, files=[name])
    return _combine(loader, [file], [])


def _combine(loader: _SetLoader, files: list[_File], problems: list[Problem]) -> LoadResult:
    """Return the valid records of a set of files whose declarations are made (the top file
    first) and every problem: ids unique over the set, then each file's records checked."""
    names = [f.name for f in files]
    problems = list(problems)
    kept = [
        KeptVersion(f.name, f.replaces, f.parsed.saved_at if f.parsed else None)
        for f in files
        if f.replaces
    ]
    declared = [f for f in files if f.declarations is not None]
    decls = [f.declarations for f in declared if f.declarations is not None]
    both = list(zip(declared, decls, strict=True))
    for file in files:
        problems += file.replaces + file.problems
    for declarations in decls:
        problems += declarations.problems
    top = declared[0]
    present = {section for d in decls for section in d.sections}
    top_lines = decls[0].section_lines
    for section in SECTIONS:
        if section.always_required and section.name not in present:
            problems.append(
                Problem(
                    top.name,
                    top_lines.get(section.name),
                    None,
                    section.name,
                    f"missing section: add `{section.name}:` with a list of {section.name}",
                    code="missing-section",
                )
            )
    reports, left_reports = _unique(
        "reports", [(f.name, d.reports, d.lines) for f, d in both], problems
    )
    areas, left_areas = _unique("areas", [(f.name, d.areas, d.lines) for f, d in both], problems)
    left_out: dict[str, dict[str, int | None]] = {"reports": {}, "areas": {}}
    for declarations in decls:
        for section, ids in declarations.left_out.items():
            left_out.setdefault(section, {}).update(ids)
    left_out["reports"].update(left_reports)
    left_out["areas"].update(left_areas)
    problems[:] = _without_warnings_of(problems, set(left_areas))
    known = {
        "reports": {r.id: r for found in reports for _, r in found},
        "areas": {a.id: a for found in areas for _, a in found},
    }
    readable = {i: ok for d in decls for i, ok in d.readable.items() if i in known["reports"]}
    documents = ReportTexts(
        loader.seeds,
        [r for i, r in known["reports"].items() if readable.get(i)],
        loader.texts_read,
        loader.cache_dir,
    )
    if any(d.declared_files is not None for d in decls):
        declared_files = {Path(f).name for d in decls for f in d.declared_files or []}
        for name in undeclared_files(loader.seeds, declared_files):
            problems.append(
                Problem(
                    top.name,
                    top_lines.get("reports"),
                    None,
                    "reports",
                    undeclared_message(loader.seeds, name),
                    code="undeclared-report-file",
                    severity="warning",
                )
            )
    context = _Context(known, left_out, documents, loader.seeds, readable)
    checked: list[tuple[_File, Checked]] = []
    for file in declared:
        outcome = loader.check(file, context)
        if outcome is None:
            continue
        checked.append((file, outcome))
        problems += outcome.problems
    left_commitments = _duplicates(
        "commitments", [(f.name, c.ids, c.lines) for f, c in checked], problems
    )
    problems[:] = _without_warnings_of(problems, set(left_commitments))
    valid_reports = tuple(r for found in reports for _, r in found)
    valid_areas = tuple(a for found in areas for _, a in found)

    def groups() -> list[CommitmentGroup]:
        """Return the valid commitments of each file, the commitments read now."""
        made = []
        for file, outcome in checked:
            valid = tuple(c for _, c in outcome.commitments if c.id not in left_commitments)
            key = None
            if file.text.digest is not None:
                dropped = sorted(i for _, i in outcome.ids if i in left_commitments)
                named = repr((file.content_key(loader.seeds), outcome.key, dropped))
                key = hashlib.blake2b(named.encode("utf-8", "surrogatepass"), digest_size=16)
            made.append(CommitmentGroup(key.hexdigest() if key else None, valid))
        return made

    def records() -> TargetsFile:
        """Return the valid records, the commitments read now."""
        return TargetsFile(
            reports=valid_reports,
            areas=valid_areas,
            commitments=tuple(c for group in result.groups for c in group.commitments),
            exclusions=tuple(e for _, o in checked for _, e in o.exclusions),
        )

    exclusions = sum(len(o.exclusions) for _, o in checked)
    counts = RecordCounts(
        commitments=sum(len(o.ids) for _, o in checked)
        - sum(1 for _, o in checked for _, i in o.ids if i in left_commitments),
        exclusions=exclusions,
        reports=len(valid_reports),
        drafts=sum(1 for _, o in checked for i in o.drafts if i not in left_commitments),
        quotes=sum(q for _, o in checked for i, q in o.quotes.items() if i not in left_commitments)
        + exclusions,
    )
    declared_in = {
        r.id: f.name for f, found in zip(declared, reports, strict=True) for _, r in found
    }
    result = LoadResult(
        records,
        _ordered(problems, names),
        documents,
        files=names,
        kept=kept,
        declared_in=declared_in,
        known_counts=counts,
        known_declared=TargetsFile(reports=valid_reports, areas=valid_areas),
        known_groups=groups,
    )
    return result


def forget_loads() -> None:
    """Drop what this process remembers of earlier loads (as a restart would); the disk cache
    stays."""
    forget_memory()
    forget_outcomes()
    forget_texts()


def _display_name(path: Path) -> str:
    """Return the path as the user would type it: relative to the working directory if inside it."""
    try:
        return str(resolved(path).relative_to(resolved(Path.cwd())))
    except ValueError:
        return str(path)


def _record_lines(source: YamlSource, section: str, records: Records) -> Lines:
    """Return the line of each record and of its id, by (section, index)."""
    return {
        (section, index): (source.line((section, index)), source.line((section, index, "id")))
        for index, _ in records
    }


def _ordered(problems: list[Problem], names: list[str]) -> list[Problem]:
    """Return problems in the order of their files (the top file's first), then of their lines;
    a problem of another file (a report text) goes with the top file's."""
    order = {name: index for index, name in enumerate(names)}
    return sorted(problems, key=lambda p: (order.get(p.file, 0), p.line or 0))


def _unique(
    section: str, found: list[tuple[str, Records, Lines]], problems: list[Problem]
) -> tuple[list[Records], dict[str, int | None]]:
    """Return each file's records whose id occurs once in the set, and the duplicated ids with
    the line of their first record (see _duplicates)."""
    ids = [(name, [(i, r.id) for i, r in records], lines) for name, records, lines in found]
    left = _duplicates(section, ids, problems)
    unique = [[(i, r) for i, r in records if r.id not in left] for _, records, _ in found]
    return unique, left


def _duplicates(
    section: str, found: list[tuple[str, list[tuple[int, str]], Lines]], problems: list[Problem]
) -> dict[str, int | None]:
    """Return the ids used more than once in the set, with the line of their first record;
    each later duplicate is a problem (in its own file, naming where the first is), and every
    record with that id is left out."""
    first: dict[str, tuple[str, int, Lines]] = {}
    duplicates: set[str] = set()
    for name, ids, lines in found:
        for index, ident in ids:
            if ident not in first:
                first[ident] = (name, index, lines)
                continue
            other, other_index, other_lines = first[ident]
            line = other_lines[(section, other_index)][0]
            also = f"line {line}" if other == name else f"{other}:{line}"
            problems.append(
                Problem(
                    name,
                    lines[(section, index)][1],
                    ident,
                    "id",
                    f"duplicate id (also at {also}): give each record its own id",
                    code="duplicate-id",
                )
            )
            duplicates.add(ident)
    return {i: first[i][2][(section, first[i][1])][0] for i in duplicates}


def _without_warnings_of(problems: list[Problem], ids: set[str]) -> list[Problem]:
    """Return the problems without the record warnings of records left out as duplicates."""
    if not ids:
        return problems
    return [
        p
        for p in problems
        if not (p.code in RECORD_WARNINGS and p.record in ids and p.severity == "warning")
    ]


def _items(data: dict, section: str) -> list[dict]:
    """Return the mappings of a section as written (a record left out still declares)."""
    items = data.get(section)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
