"""The checks made over a whole set of files on every load, from the files' outcomes: ids
unique over the set (a later duplicate is a problem naming where the first is), and problems
put in the order of their files and lines."""

from __future__ import annotations

from loaders.cache.file_outcome import Checked, Lines, Records
from loaders.problems import Problem

#: the codes of warnings about one record, dropped with the record when its id is a duplicate
RECORD_WARNINGS = ("draft-to-review", "todo-marker")


def ordered(problems: list[Problem], names: list[str]) -> list[Problem]:
    """Return problems in the order of their files (the top file's first), then of their lines;
    a problem of another file (a report text) goes with the top file's."""
    order = {name: index for index, name in enumerate(names)}
    return sorted(problems, key=lambda p: (order.get(p.file, 0), p.line or 0))


def unique(
    section: str, found: list[tuple[str, Records, Lines]], problems: list[Problem]
) -> tuple[list[Records], dict[str, int | None]]:
    """Return each file's records whose id occurs once in the set, and the duplicated ids with
    the line of their first record (see _duplicates)."""
    ids = [(name, [(i, r.id) for i, r in records], lines) for name, records, lines in found]
    left = duplicates(section, ids, problems)
    unique = [[(i, r) for i, r in records if r.id not in left] for _, records, _ in found]
    return unique, left


def all_distinct(outcomes: list[Checked]) -> bool:
    """Return True when no commitment id occurs twice over these files' outcomes (checked
    with sets: a load of 51,000 commitments need not walk them one by one to learn it)."""
    total = sum(len(o.ids) for o in outcomes)
    return len(frozenset().union(*(o.id_names for o in outcomes))) == total


def duplicates(
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


def without_warnings_of(problems: list[Problem], ids: set[str]) -> list[Problem]:
    """Return the problems without the record warnings of records left out as duplicates."""
    if not ids:
        return problems
    return [
        p
        for p in problems
        if not (p.code in RECORD_WARNINGS and p.record in ids and p.severity == "warning")
    ]
