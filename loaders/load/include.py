"""The files of a record split over several: the top file's `include:` list, resolved.

`include:` is a list of paths or glob patterns relative to the top file (`targets/*.yaml`). One
level only: the top file names every file, and an included file may not include others (a
clear problem where it does), so there is no loop to follow. A path that does not exist, a
pattern that matches nothing, a file named twice (by two entries, or the top file itself) and
an entry that is not a text are problems of the top file, at the entry's line.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from loaders.cache.file_cache import resolved_name
from loaders.problems import Problem
from loaders.record.values import describe
from loaders.record.yaml_source import YamlSource

GLOB_CHARACTERS = "*?["


def included_files(source: YamlSource, top: Path, name: str) -> tuple[list[Path], list[Problem]]:
    """Return the files the top file includes, in order (each pattern's matches sorted), and
    the problems of its `include:` list."""
    data = source.data
    if not isinstance(data, dict) or "include" not in data:
        return [], []
    entries = data["include"]
    problems: list[Problem] = []

    def problem(path: tuple, field: str, code: str, message: str) -> None:
        problems.append(Problem(name, source.line(path), None, field, message, code=code))

    if entries is None:
        return [], []
    single = isinstance(entries, str)
    if single:
        entries = [entries]
    elif not isinstance(entries, list):
        problem(
            ("include",),
            "include",
            "bad-structure",
            f"expected a list of paths or patterns (e.g. include: [targets/*.yaml]), got {describe(entries)}",
        )
        return [], []
    base = top.parent
    top_resolved = resolved_name(top)
    seen: dict[str, str] = {}
    files: list[Path] = []
    for index, entry in enumerate(entries):
        where = ("include",) if single else ("include", index)
        field = "include" if single else f"include[{index}]"
        if not isinstance(entry, str) or not entry.strip():
            problem(
                where,
                field,
                "bad-structure",
                f"expected a path or pattern relative to {top.name}, got {describe(entry)}",
            )
            continue
        if any(ch in entry for ch in GLOB_CHARACTERS):
            found = sorted(glob.glob(os.path.join(base, entry), recursive=True))
            matches = [Path(p) for p in found if os.path.isfile(p)]
            if not matches:
                problem(
                    where,
                    field,
                    "include-matches-nothing",
                    f'"{entry}" matches no file next to {top.name}: check the pattern, or remove it',
                )
                continue
        else:
            matches = [base / entry]
            if not matches[0].is_file():
                problem(
                    where,
                    field,
                    "include-not-found",
                    f'"{entry}" is not a file next to {top.name}: check the path, or remove it',
                )
                continue
        for match in matches:
            real = resolved_name(match)
            if real == top_resolved:
                problem(
                    where,
                    field,
                    "include-loop",
                    f'"{entry}" includes {top.name} itself: name only the other files',
                )
            elif real in seen:
                problem(
                    where,
                    field,
                    "included-twice",
                    f'"{_relative(match, base)}" is already included by {seen[real]}: '
                    "include each file once",
                )
            else:
                seen[real] = field
                files.append(match)
    return files, problems


def _relative(path: Path, base: Path) -> str:
    """Return a path as written relative to the top file's folder when it is inside it."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
