"""Valid records reused from a file's last validation in this process, when a save changed the
file but not them.

A record validates the same while its fields are the same and what it refers to outside itself
(the reports, areas and texts its file's records named: their dependency key) is unchanged;
only its place in the file may have moved. A save of one record (or of a comment) in a file of
5,100 commitments made the load validate all 5,100 again; now it validates the records that
changed, and takes each other one's valid record with its lines read again from the new parse.

Only records that were valid with no problem and no warning are kept: a message names lines
(its own and other records'), which a moved record would get wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from loaders.record.yaml_source import YamlSource


def record_key(section: str, item: dict) -> tuple[str, str]:
    """Return the key a record is kept by: its section and its fields as parsed (the repr tells
    1 from 1.0 and from True, a date from a string)."""
    return (section, repr(item))


@dataclass
class ValidRecords:
    """The valid records of a file's last validation, each kept with what it referred to."""

    #: the file's content key without its digest (its name, top file and seeds folder)
    content: tuple
    #: what the file's records referred to, and the key of its state then
    deps: list[tuple[str, str]] = field(default_factory=list)
    key: str = ""
    #: by record_key: (the record, the (section, id) it referred to)
    records: dict[tuple[str, str], tuple[Any, frozenset[tuple[str, str]]]] = field(
        default_factory=dict
    )


def relined(record: Any, source: YamlSource, path: tuple) -> Any:
    """Return a reused record at its place in the new parse: its line, and each progress
    entry's, read from the source."""
    progress = getattr(record, "progress", None)
    if progress:
        record = replace(
            record,
            progress=tuple(
                replace(entry, line=source.line((*path, "progress", index)))
                for index, entry in enumerate(progress)
            ),
        )
    return replace(record, line=source.line(path))
