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
import functools
import gc
import hashlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from loaders.cache.file_cache import (
    FileText,
    ParsedFile,
    _decode,
    cache_dir_for,
    resolved_name,
    save_stat_index,
)
from loaders.cache.file_outcome import Checked
from loaders.cache.memo import current_memo
from loaders.cache.report_texts import ReportTexts
from loaders.load.include import included_files
from loaders.load.result import CommitmentGroup, KeptVersion, LoadResult, RecordCounts
from loaders.load.set_checks import all_distinct, duplicates, ordered, unique, without_warnings_of
from loaders.load.set_loader import SetContext, SetFile, SetLoader
from loaders.model import Commitment, TargetsFile
from loaders.problems import Problem
from loaders.record.schema import SECTIONS
from loaders.record.yaml_source import YamlSource, read_yaml_text
from loaders.rules.quote_check import undeclared_files, undeclared_message


def load_targets(
    path: str | os.PathLike,
    seeds_dir: str | os.PathLike | None = None,
    *,
    keep_last_good: bool = False,
    processes: int = 1,
) -> LoadResult:
    """Return the valid records of a targets file and the files it includes, and every problem.

    Each file's outcome is reused while its content and what it refers to are unchanged
    (`file_outcome`). With keep_last_good (the dashboard), a file that no longer parses is read
    as its last version that did, and listed in `kept`; its problems are still reported, so
    the result is not ok. What the load remembers goes to the process's current memo, taken
    once here (`loaders.cache.memo`). With processes above 1, files not cached are validated
    by that many processes where forking is safe (`loaders.load.processes`): the same result,
    sooner.
    """
    path = Path(path)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    loader = SetLoader(seeds, cache_dir_for(path), keep_last_good, current_memo(), processes)
    with collection_paused():
        return _load_set(loader, path)


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


def _load_set(loader: SetLoader, path: Path) -> LoadResult:
    """Return the valid records and problems of a top file and the files it includes."""
    top = loader.read(path, _display_name(path))
    if top.declarations is None:
        unreadable = top.text.digest is None
        return LoadResult(TargetsFile(), top.problems, unreadable=unreadable, files=[top.name])
    paths, problems = _included(top, path)
    files = [top, *loader.read_all(paths, [_display_name(p) for p in paths])]
    result = _combine(loader, files, problems)
    save_stat_index(loader.cache_dir, loader.memo)
    return result


def _included(top: SetFile, path: Path) -> tuple[list[Path], list[Problem]]:
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
    loader = SetLoader(Path(seeds_dir), None, False)
    file = SetFile(Path(name), FileText(name, "", text, None, problems, None), None)
    file.parsed = ParsedFile(name, None, source, problems)
    file.declarations = loader.validate_declarations(file, source)
    if file.declarations is None:
        return LoadResult(TargetsFile(), file.problems, files=[name])
    return _combine(loader, [file], [])


def _combine(loader: SetLoader, files: list[SetFile], problems: list[Problem]) -> LoadResult:
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
    reports, left_reports = unique(
        "reports", [(f.name, d.reports, d.lines) for f, d in both], problems
    )
    areas, left_areas = unique("areas", [(f.name, d.areas, d.lines) for f, d in both], problems)
    left_out: dict[str, dict[str, int | None]] = {"reports": {}, "areas": {}}
    for declarations in decls:
        for section_name, ids in declarations.left_out.items():
            left_out.setdefault(section_name, {}).update(ids)
    left_out["reports"].update(left_reports)
    left_out["areas"].update(left_areas)
    problems[:] = without_warnings_of(problems, set(left_areas))
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
        loader.memo,
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
    context = SetContext(known, left_out, documents, loader.seeds, readable, loader.memo)
    checked: list[tuple[SetFile, Checked]] = []
    for file, outcome in zip(declared, loader.check_all(declared, context), strict=True):
        if outcome is None:
            continue
        checked.append((file, outcome))
        problems += outcome.problems
    if all_distinct([c for _, c in checked]):
        left_commitments: dict[str, int | None] = {}
    else:
        left_commitments = duplicates(
            "commitments", [(f.name, c.ids, c.lines) for f, c in checked], problems
        )
    problems[:] = without_warnings_of(problems, set(left_commitments))
    valid_reports = tuple(r for found in reports for _, r in found)
    valid_areas = tuple(a for found in areas for _, a in found)

    def groups() -> list[CommitmentGroup]:
        """Return the valid commitments of each file, each group's commitments read when first
        used (its key and count come from the outcome's header)."""
        made = []
        for file, outcome in checked:
            key = None
            if file.text.digest is not None:
                dropped = sorted(i for _, i in outcome.ids if i in left_commitments)
                named = repr((file.content_key(loader.seeds), outcome.key, dropped))
                key = hashlib.blake2b(named.encode("utf-8", "surrogatepass"), digest_size=16)
            count = sum(1 for _, i in outcome.ids if i not in left_commitments)
            made.append(
                CommitmentGroup(
                    key.hexdigest() if key else None,
                    count=count,
                    read=functools.partial(_valid_of, outcome, left_commitments),
                )
            )
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
        - sum(1 for _, o in checked if left_commitments for _, i in o.ids if i in left_commitments),
        exclusions=exclusions,
        reports=len(valid_reports),
        drafts=sum(1 for _, o in checked for i in o.drafts if i not in left_commitments),
        quotes=sum(o.quote_total for _, o in checked)
        - sum(
            q
            for _, o in checked
            if left_commitments
            for i, q in o.quotes.items()
            if i in left_commitments
        )
        + exclusions,
    )
    declared_in = {
        r.id: f.name for f, found in zip(declared, reports, strict=True) for _, r in found
    }
    result = LoadResult(
        records,
        ordered(problems, names),
        documents,
        files=names,
        kept=kept,
        declared_in=declared_in,
        commitment_files={i: str(f.path) for f, o in checked for _, i in o.ids},
        known_counts=counts,
        known_declared=TargetsFile(reports=valid_reports, areas=valid_areas),
        known_groups=groups,
    )
    return result


def _valid_of(
    outcome: Checked, left_out: Mapping[str, int | None]
) -> tuple[tuple[Commitment, ...], Mapping[str, str | None]]:
    """Return a file's valid commitments (those not left out as duplicates) and their
    chapters."""
    valid = outcome.records()
    if left_out:
        valid = tuple(c for c in valid if c.id not in left_out)
    return valid, outcome.chapters


def _display_name(path: Path) -> str:
    """Return the path as the user would type it: relative to the working directory if inside it."""
    real, here = resolved_name(path), resolved_name(os.getcwd())
    if real.startswith(here + os.sep):
        return real[len(here) + 1 :]
    return str(path)
