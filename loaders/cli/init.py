"""`targets init [DIR] --place 龙门县 --place-en "Longmen County"`: a new tracker — targets.yaml with
its empty sections, seeds/ and a .gitignore for the cache — ready for `targets import` and
`targets draft`. An existing file is never overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from loaders.cli.check import EXIT_OK, EXIT_UNREADABLE
from loaders.settings import DEFAULT_TARGETS_FILE

IGNORED = ".targets-cache/"


def targets_text(place: str | None, place_en: str | None) -> str:
    """Return the text of a new tracker's targets.yaml: a header comment and empty sections."""
    named = f"{place} ({place_en})" if place and place_en else place or place_en
    about = f" of {named}" if named else ""
    return f"""\
# What the government work reports{about} promise, and what was later reported.
# Made by `targets init`. README.md, "Track your own county", says how to go on, and
# "The targets.yaml field reference" lists every field of every section.

# reports: the documents — work reports, statistical bulletins, plan-execution reports. `targets
# import FILE` puts a report's text in seeds/ and adds its record here (id, title, date, file).
reports: []

# areas: the plan's chapters. `targets draft REPORT --write` adds those its drafts need.
areas: []

# commitments: one record per promised number or milestone, its quote checked against the
# report's text. `targets draft REPORT --write` drafts them; review each, then `targets check`.
commitments: []
"""


def init_command(
    directory: Path, place: str | None, place_en: str | None, out: TextIO, err: TextIO
) -> int:
    """Run `targets init`: write a new tracker in directory; return the exit code."""
    targets = directory / DEFAULT_TARGETS_FILE
    seeds = directory / "seeds"
    ignore = directory / ".gitignore"
    if targets.exists():
        err.write(
            f"{targets}: already exists: nothing was written (a tracker is there: run "
            "`targets check`; to start again, move it away first)\n"
        )
        return EXIT_UNREADABLE
    if seeds.exists() and not seeds.is_dir():
        err.write(f"{seeds}: exists and is not a folder: nothing was written\n")
        return EXIT_UNREADABLE
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with targets.open("x", encoding="utf-8", newline="\n") as file:
            file.write(targets_text(place, place_en))
        seeds.mkdir(exist_ok=True)
        note = f"{ignore}: written ({IGNORED}, the check's cache)"
        if ignore.exists():
            kept = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
            note = (
                f"{ignore}: kept as it is"
                if IGNORED in kept or IGNORED.rstrip("/") in kept
                else f"{ignore}: kept as it is; add the line {IGNORED} to it"
            )
        else:
            with ignore.open("x", encoding="utf-8", newline="\n") as file:
                file.write(f"# the cache of `targets check` and the dashboard\n{IGNORED}\n")
    except OSError as error:
        err.write(f"{directory}: cannot write the tracker: {error.strerror}\n")
        return EXIT_UNREADABLE
    place_args = ""
    if place:
        place_args += f" --place {_quoted(place)}"
    if place_en:
        place_args += f" --place-en {_quoted(place_en)}"
    go = "" if directory.resolve() == Path.cwd().resolve() else f"cd {_quoted(str(directory))} && "
    out.write(
        f"{targets}: written (reports, areas and commitments, empty)\n"
        f"{seeds}/: the report texts go here\n"
        f"{note}\n"
        f"next: {go}targets import REPORT.pdf{place_args}   (PDF, .html, .docx or .txt)\n"
    )
    return EXIT_OK


def _quoted(text: str) -> str:
    """Return text as a shell word: quoted when it holds a space or a quote."""
    if text and all(ch.isalnum() or ch in "-_./" or ord(ch) > 127 for ch in text):
        return text
    escaped = "".join("\\" + ch if ch in '\\"$`' else ch for ch in text)
    return f'"{escaped}"'
