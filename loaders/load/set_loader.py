"""The files of a set during one load: each file read, and its outcome's two halves taken from
the cache (`file_outcome`) or validated now (`validator.Validator`, `record_rules`,
`quote_check`). `validate.py` runs a load over the set and makes the checks across files."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from loaders.cache.dependencies import dependency_key, text_state
from loaders.cache.file_cache import (
    FileText,
    ParsedFile,
    _encode,
    last_good,
    parse_text,
    read_file,
    remember_good_digest,
    resolved_name,
    text_of,
)
from loaders.cache.file_outcome import (
    Checked,
    Declarations,
    Records,
    cached_checked,
    cached_declarations,
    store_checked,
    store_declarations,
)
from loaders.cache.memo import Memo, current_memo
from loaders.cache.report_texts import ReportTexts, load_documents
from loaders.load.processes import checked_elsewhere, share_work
from loaders.load.report_warnings import remember_structure_warnings
from loaders.model import TargetsFile
from loaders.problems import Problem, Where
from loaders.record.schema import AREA, COMMITMENT, EXCLUSION, REPORT, SECTIONS
from loaders.record.values import kind_of
from loaders.record.yaml_source import YamlSource
from loaders.rules import record_rules
from loaders.rules.record_reuse import ValidRecords
from loaders.rules.review_warnings import review_warnings
from loaders.rules.validator import Validator
from loaders.texts.chapters import found_chapters
from loaders.texts.report import Document


@dataclass
class SetFile:
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
        """Return what both halves of the outcome are keyed by besides their dependencies: the
        seeds folder resolved (`--seeds seeds`, its absolute path or a link to it share one
        outcome) and its name (problems name it)."""
        return (self.text.digest, self.name, self.top_name, resolved_name(seeds), seeds.name)


class SetLoader:
    """A load of a set of files: each file's outcome from the cache or validated now, what is
    remembered kept in one memo for the whole load (the current one when none is given)."""

    def __init__(
        self,
        seeds: Path,
        cache_dir: Path | None,
        keep_last_good: bool,
        memo: Memo | None = None,
        processes: int = 1,
    ) -> None:
        self.seeds = seeds
        self.cache_dir = cache_dir
        self.keep_last_good = keep_last_good
        self.memo = current_memo() if memo is None else memo
        #: how many processes may validate the files (loaders.load.processes); 1 without a cache
        self.processes = processes if cache_dir is not None else 1
        #: the top file's name and path, once it is read
        self.top_name: str | None = None
        self.top_path: Path | None = None
        #: the report texts read while validating declarations in this load, by report id
        self.texts_read: dict[str, Document] = {}

    def read(self, path: Path, name: str) -> SetFile:
        """Return a file read and its declarations made (from the cache when unchanged); the
        first file read is the top file."""
        file = self.open(path, name)
        self.declare(file)
        return file

    def open(self, path: Path, name: str) -> SetFile:
        """Return a file read, its declarations not made yet; the first file read is the top
        file."""
        file = SetFile(path, read_file(path, name, self.cache_dir, self.memo), self.top_name)
        if self.top_name is None:
            self.top_name, self.top_path = name, path
        return file

    def read_all(self, paths: list[Path], names: list[str]) -> list[SetFile]:
        """Return files read and their declarations made, those not cached shared with other
        processes when the load may use them (processes.share_work)."""
        files = [self.open(path, name) for path, name in zip(paths, names, strict=True)]
        if self.processes > 1:
            assert self.top_path is not None and self.cache_dir is not None, "read after the top"
            to_make = [f for f in files if not self.declared_from_cache(f)]
            if checked_elsewhere(self.top_path, self.seeds, self.cache_dir, len(to_make)):
                to_make = [f for f in to_make if not self.declared_from_cache(f)]
            share_work(to_make, self.declare, self.processes)
        for file in files:
            self.declare(file)
        return files

    def source(self, file: SetFile) -> YamlSource | None:
        """Return the file's YAML (its last good version's, with keep_last_good, when it no
        longer parses); None after noting why it cannot be read."""
        if file.parsed is None:
            file.text = text_of(file.text, self.memo)  # read now if its digest was indexed
            parsed = parse_text(file.text, self.cache_dir, self.memo)
            if parsed.source is None and self.keep_last_good and file.path.is_file():
                good = last_good(file.path, file.name, self.cache_dir, self.memo)
                if good is not None:
                    file.replaces = parsed.problems
                    file.text = replace(file.text, digest=good.digest)
                    parsed = good
            file.parsed = parsed
        if file.parsed.source is None:
            file.problems = file.parsed.problems
        return file.parsed.source

    def declared_from_cache(self, file: SetFile) -> bool:
        """Return whether a file's declarations were found in the cache (and taken)."""
        if file.text.digest is None:
            return False
        found = cached_declarations(
            self.cache_dir, file.text.key, file.content_key(self.seeds), self.seeds, self.memo
        )
        if found is None:
            return False
        file.declarations = found
        if self.keep_last_good:
            remember_good_digest(self.cache_dir, file.text, self.memo)
        return True

    def declare(self, file: SetFile) -> None:
        """Make a file's declarations: reports, areas and the problems of all but its records."""
        if file.declarations is not None or self.declared_from_cache(file):
            return
        source = self.source(file)
        if source is None:
            return
        key = file.content_key(self.seeds)
        if file.replaces:  # read as its last good version, whose outcome may be cached
            found = cached_declarations(self.cache_dir, file.text.key, key, self.seeds, self.memo)
            if found is not None:
                file.declarations = found
                return
        file.declarations = self.validate_declarations(file, source)
        if file.declarations is not None:
            store_declarations(self.cache_dir, file.memory_key, key, file.declarations, self.memo)

    def validate_declarations(self, file: SetFile, source: YamlSource) -> Declarations | None:
        """Return a file's declarations validated now (None when it is not a mapping)."""
        assert file.parsed is not None
        validator = Validator(file.name, source, self.seeds, file.parsed.problems, file.top_name)
        data = source.data
        if not isinstance(data, dict):
            validator.problem(
                Where(),
                "bad-structure",
                f"not a targets file: expected a mapping with sections "
                f"{', '.join(s.name for s in SECTIONS if s.children)}, got {kind_of(data)}: is "
                "it the right file?",
            )
            file.problems = validator.finish()
            return None
        validator.sections(data)
        reports = validator.section(data, "reports", REPORT, record_rules.report)
        areas = validator.section(data, "areas", AREA, record_rules.area)
        read = load_documents(validator, reports, self.memo)
        self.texts_read.update(read)
        remember_structure_warnings(
            ReportTexts(self.seeds, [r for _, r in reports], read, self.cache_dir, self.memo),
            {r.id: r.title for _, r in reports if r.id in read},
        )
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

    def check_all(self, files: list[SetFile], context: SetContext) -> list[Checked | None]:
        """Return each file's records checked (see check), those not cached shared with other
        processes when the load may use them (processes.share_work)."""
        if self.processes == 1:
            return [self.check(file, context) for file in files]
        cached = [self.cached_check(file, context) for file in files]
        to_check = [f for f, found in zip(files, cached, strict=True) if found is None]
        share_work(to_check, lambda file: self.check(file, context), self.processes)
        return [
            found if found is not None else self.check(file, context)
            for file, found in zip(files, cached, strict=True)
        ]

    def cached_check(self, file: SetFile, context: SetContext) -> Checked | None:
        """Return a file's checked records from the cache, when neither the file nor what they
        refer to changed."""
        if file.text.digest is None:
            return None
        key = file.content_key(self.seeds)
        found = cached_checked(self.cache_dir, file.text.key, key, self.memo)
        if found is not None and found.key == context.dependency_key(found.deps):
            return found
        return None

    def check(self, file: SetFile, context: SetContext) -> Checked | None:
        """Return a file's commitments and exclusions checked (from the cache when neither the
        file nor what they refer to changed)."""
        found = self.cached_check(file, context)
        if found is not None:
            return found
        source = self.source(file)
        if source is None or not isinstance(source.data, dict):
            return None
        key = file.content_key(self.seeds)  # the text read may be newer than its stat said
        validator = Validator(file.name, source, self.seeds, [], file.top_name)
        validator.known = context.known
        validator.left_out = {**context.left_out, "commitments": {}, "exclusions": {}}
        validator.documents = context.documents
        self._reuse_records(file, key, context, validator)
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
            chapters=found_chapters((c for _, c in commitments), context.documents),
        )
        store_checked(self.cache_dir, file.memory_key, key, checked, self.memo)
        if validator.kept is not None and file.memory_key is not None:
            validator.kept.deps, validator.kept.key = checked.deps, checked.key
            self.memo.valid_records[file.memory_key] = validator.kept
        return checked

    def _reuse_records(
        self, file: SetFile, key: tuple, context: SetContext, validator: Validator
    ) -> None:
        """Let a validator take the valid records of the file's last validation in this process
        when what they referred to is unchanged (record_reuse), and keep its own for the next;
        `key` is the file's content key (its digest aside, the records' own key)."""
        if file.memory_key is None:
            return
        validator.kept = ValidRecords(key[1:])
        last = self.memo.valid_records.get(file.memory_key)
        if last is None or last.content != key[1:]:
            return
        if last.key == context.dependency_key(last.deps):
            validator.reusable = last


@dataclass
class SetContext:
    """What every file's records are checked against: the valid reports and areas of the set,
    those left out, and the reports' texts."""

    known: dict[str, dict[str, Any]]
    left_out: dict[str, dict[str, int | None]]
    documents: ReportTexts
    seeds: Path
    readable: dict[str, bool]
    #: the load's memo (each record's text, remembered across loads)
    memo: Memo

    #: the state of each thing named, computed once per load
    states: dict[tuple[str, str], bytes] = field(default_factory=dict)

    def dependency_key(self, deps: list[tuple[str, str]]) -> str:
        """Return the key of the state of what a file's records referred to."""
        return dependency_key(
            deps, self.known, self.left_out, self.seeds, self.readable, self.memo, self.states
        )


def _record_lines(
    source: YamlSource, section: str, records: Records
) -> dict[tuple[str, int], tuple[int | None, int | None]]:
    """Return the line of each record and of its id, by (section, index)."""
    return {
        (section, index): (source.line((section, index)), source.line((section, index, "id")))
        for index, _ in records
    }


def _items(data: dict, section: str) -> list[dict]:
    """Return the mappings of a section as written (a record left out still declares)."""
    items = data.get(section)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
