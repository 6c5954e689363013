"""The files of a record split over several: the top file's `include:` list, resolved.

`include:` is a list of paths or glob patterns relative to the top file (`targets/*.yaml`). One
level only: the top file names every file, and an included file may not include others (a
clear problem where it does), so there is no loop to follow. A path that does not exist, a
pattern that matches nothing, a file named twice (by two entries, or the top file itself) and
an entry that is not a text are problems of the top file, at the entry's line.

Every file included is in the top file's folder or below it: an absolute path, `~`, a `..`
that climbs out, or a link to a file elsewhere is a problem (`outside-folder`), and nothing
outside is read. A pattern is matched by walking the folder without entering symlinked
folders (so a link loop cannot hang it), and stops past MAX_MATCHES files (`too-many-matches`).
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from loaders.cache.file_cache import resolved_name
from loaders.problems import Problem
from loaders.record.values import describe
from loaders.record.yaml_source import YamlSource
from loaders.textfile import inside_folder, is_regular_file

GLOB_CHARACTERS = "*?["
#: an `include:` pattern matching more files than this is a problem, and none of it is read
MAX_MATCHES = 10_000


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
        if _leaves(entry):
            problem(
                where,
                field,
                "outside-folder",
                f'"{entry}" is outside the folder of {top.name}: include only files in that '
                "folder or below it (copy the file there)",
            )
            continue
        if any(ch in entry for ch in GLOB_CHARACTERS):
            found, complete = glob_files(base, entry)
            if not complete:
                problem(
                    where,
                    field,
                    "too-many-matches",
                    f'"{entry}" matches more than {MAX_MATCHES:,} files: nothing of it was '
                    "included; name fewer files (e.g. parts/*.yaml)",
                )
                continue
            matches = [p for p in found if is_regular_file(p)]
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
            if not is_regular_file(matches[0]) and os.path.lexists(matches[0]):
                problem(
                    where,
                    field,
                    "not-a-file",
                    f'"{entry}" is not a regular file (a pipe, a device, a folder or a link '
                    "loop): include text files only",
                )
                continue
            if not is_regular_file(matches[0]):
                problem(
                    where,
                    field,
                    "include-not-found",
                    f'"{entry}" is not a file next to {top.name}: check the path, or remove it',
                )
                continue
        outside = [m for m in matches if not inside_folder(m, base)]
        if outside:
            problem(
                where,
                field,
                "outside-folder",
                f'"{_relative(outside[0], base)}" is a link to a file outside the folder of '
                f"{top.name}: include only files in that folder or below it (copy the file there)",
            )
            matches = [m for m in matches if m not in outside]
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


def _leaves(entry: str) -> bool:
    """Return True when an entry is absolute, starts at a home folder or climbs out with `..`."""
    return os.path.isabs(entry) or entry.startswith("~") or ".." in Path(entry).parts


def glob_files(base: Path, pattern: str) -> tuple[list[Path], bool]:
    """Return the paths under base a glob pattern matches, sorted, and False when there were
    more than MAX_MATCHES (the walk stops there).

    `*`, `?` and `[…]` match within a name, `**` any number of folders; names starting with a
    dot are matched only by a part starting with one. Symlinked folders are not walked into, so
    a link loop cannot make the walk endless.
    """
    parts = [p for p in pattern.split("/") if p not in ("", ".")]
    found: set[Path] = set()
    walked: set[tuple[Path, int]] = set()

    def names(folder: Path) -> list[tuple[str, bool]]:
        """Return the names in a folder, each with whether it is a folder (links not)."""
        try:
            with os.scandir(folder) as entries:
                return sorted((e.name, e.is_dir(follow_symlinks=False)) for e in entries)
        except (OSError, ValueError):
            return []

    def walk(folder: Path, index: int) -> None:
        if len(found) > MAX_MATCHES or (folder, index) in walked or index >= len(parts):
            return
        walked.add((folder, index))
        part, last = parts[index], index == len(parts) - 1
        if part == "**":
            if last:
                for name, is_dir in names(folder):
                    if not name.startswith("."):
                        found.add(folder / name)
                        if is_dir:
                            walk(folder / name, index)
                return
            walk(folder, index + 1)
            for name, is_dir in names(folder):
                if is_dir and not name.startswith("."):
                    walk(folder / name, index)
            return
        for name, is_dir in names(folder):
            if name.startswith(".") and not part.startswith("."):
                continue
            if not fnmatch.fnmatchcase(name, part):
                continue
            if last:
                found.add(folder / name)
            elif is_dir:
                walk(folder / name, index + 1)

    walk(base, 0)
    return sorted(found), len(found) <= MAX_MATCHES


def _relative(path: Path, base: Path) -> str:
    """Return a path as written relative to the top file's folder when it is inside it."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
