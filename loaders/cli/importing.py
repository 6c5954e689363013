"""`targets import PATH`: a published report (PDF, saved web page, Word .docx, text) read into
seeds/ and declared under `reports:` of the targets file.

The text goes to seeds/<date>-<place or id>-<kind>.txt (loaders.importing: running headers,
footers, page numbers and web chrome left out, paragraphs rejoined); the record is appended as
new lines (one place: `_append_report`), with a comment naming the original file and its
SHA-256; then the reader's parts summary and `targets check` are printed. A document that
cannot be read is refused with one line and exit 2; the original is only ever read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from loaders.cli.check import EXIT_PROBLEMS, EXIT_UNREADABLE, report_check
from loaders.figures.diagnostics import structure_lines
from loaders.importing.errors import ImportRefused
from loaders.importing.extract import extract
from loaders.importing.metadata import (
    document_kind,
    guess_date,
    guess_title,
    report_id,
    seed_name,
    titled,
)
from loaders.load.targets import LoadResult, load_targets
from loaders.model import TargetsFile
from loaders.record.file_writer import WriteError, edit_file
from loaders.record.yaml_append import AppendError, append_to_section
from loaders.record.yaml_scalars import yaml_scalar

TODO_TITLE = "TODO: English title"


@dataclass(frozen=True)
class ImportRequest:
    """What `targets import` was given: the document and what the options say of it."""

    path: Path
    report_id: str | None = None
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    title_en: str | None = None
    place: str | None = None
    place_en: str | None = None


def import_command(
    request: ImportRequest, *, targets_path: Path, seeds_dir: Path, out: TextIO, err: TextIO
) -> int:
    """Run `targets import`; return the exit code (that of the check after, once written)."""
    if not targets_path.exists():
        err.write(
            f"{targets_path}: no such file: start a tracker with `targets init` (or name yours "
            "with --targets or TARGETS_FILE)\n"
        )
        return EXIT_UNREADABLE
    result = load_targets(targets_path, seeds_dir)
    if result.unreadable:
        for problem in result.problems:
            err.write(f"{problem}\n")
        return EXIT_UNREADABLE
    try:
        digest = _sha256(request.path)
        extracted = extract(request.path)
        targets = result.targets
        _refuse_if_imported(targets_path, digest, request.path)
        paragraphs = [line for line in extracted.text.split("\n") if line.strip()]
        place, place_en = _place(request, targets)
        date = request.date or guess_date(paragraphs)
        if date is None:
            raise ImportRefused(
                f"{request.path.name}: no date found near the start of the text: give --date "
                "YYYY-MM-DD (the day it was delivered or published)"
            )
        title = request.title or titled(
            extracted.title or guess_title(paragraphs), place, date.year
        )
        if not title:
            raise ImportRefused(f"{request.path.name}: no title found: give --title")
        kind = document_kind(title)
        new_id = request.report_id or report_id(place_en, date.year, kind)
        _refuse_if_declared(new_id, targets)
        seed = seeds_dir / seed_name(date, place_en, new_id, kind)
        if seed.exists():
            raise ImportRefused(
                f"{seed}: already exists (imported before?): nothing was written; delete it or "
                "give another --date or --place-en"
            )
    except ImportRefused as refused:
        err.write(f"{refused}\n")
        return EXIT_UNREADABLE
    lines = [
        f"# imported by `targets import` from {request.path.name} (sha256 {digest})",
        f"- id: {yaml_scalar(new_id)}",
        f"  title: {yaml_scalar(title)}",
        f"  title_en: {yaml_scalar(request.title_en or TODO_TITLE)}",
        f"  date: {date.isoformat()}",
    ]
    lines += [f"  place: {yaml_scalar(place)}"] if place else []
    lines += [f"  place_en: {yaml_scalar(place_en)}"] if place_en else []
    lines.append(f"  file: {yaml_scalar(seed.name)}")
    lines += [f"  url: {yaml_scalar(request.url)}"] if request.url else []
    seeds_dir.mkdir(parents=True, exist_ok=True)
    with seed.open("x", encoding="utf-8", newline="\n") as file:
        file.write(extracted.text)
    try:
        _append_report(targets_path, lines)
    except WriteError as error:
        seed.unlink()
        err.write(f"{error}\n")
        return EXIT_UNREADABLE
    except (AppendError, OSError) as error:
        seed.unlink()
        err.write(f"{targets_path}: {error}: nothing was written\n")
        return EXIT_PROBLEMS
    out.write(
        f"{new_id}: {extracted.type.upper()} {request.path.name} → {seed} "
        f"({len(paragraphs)} paragraphs); added under reports: in {targets_path}\n"
    )
    if not place and not place_en:
        err.write(
            f"note: {new_id} names no place: add place: and place_en: to its record (or import "
            "with --place and --place-en); later imports take them from the last report\n"
        )
    return _summary(new_id, targets_path, seeds_dir, out)


def _summary(new_id: str, targets_path: Path, seeds_dir: Path, out: TextIO) -> int:
    """Write the reader's parts summary of the new report, then the check; return its code."""
    after: LoadResult = load_targets(targets_path, seeds_dir)
    document = after.documents.get(new_id)
    if document is not None:
        lines = structure_lines(new_id, document)
        parts = lines[: lines.index("chapters and headings:")] if lines else []
        out.write("\n".join(parts).rstrip("\n") + "\n")
        out.write(f"(`targets report {new_id}` shows its chapters and headings)\n\n")
    return report_check(after, targets_path, out)


def _append_report(targets_path: Path, lines: list[str]) -> None:
    """Append a report record to the targets file's `reports:` as new lines, through the one
    writer of targets files (locked, a save made meanwhile kept, BOM and line endings kept)."""
    edit_file(targets_path, lambda text: append_to_section(text, "reports", [lines]))


def _sha256(path: Path) -> str:
    """Return the SHA-256 of a file's bytes, or raise ImportRefused when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError as error:
        raise ImportRefused(
            f"{path}: file not found: give the path of the downloaded report"
        ) from error
    except IsADirectoryError as error:
        raise ImportRefused(f"{path}: is a folder: give the path of one document") from error
    except OSError as error:
        raise ImportRefused(f"{path}: cannot read it: {error.strerror}") from error
    return digest.hexdigest()


def _refuse_if_imported(targets_path: Path, digest: str, path: Path) -> None:
    """Raise ImportRefused when the targets file already names this original's SHA-256."""
    text = targets_path.read_text(encoding="utf-8-sig", errors="replace")
    if f"sha256 {digest}" in text:
        raise ImportRefused(
            f"{path.name}: already imported (its sha256 is named in {targets_path.name}): "
            "nothing was written"
        )


def _refuse_if_declared(new_id: str, targets: TargetsFile) -> None:
    """Raise ImportRefused when a report with this id is already declared."""
    if targets.report(new_id) is not None:
        raise ImportRefused(
            f'report id "{new_id}" is already declared under reports:: give another with --id'
        )


def _place(request: ImportRequest, targets: TargetsFile) -> tuple[str | None, str | None]:
    """Return the place of the import: as given, else that of the last report that has one."""
    place, place_en = request.place, request.place_en
    if place is None and place_en is None:
        for report in reversed(targets.reports):
            if report.place or report.place_en:
                return report.place, report.place_en
    elif place_en is None:
        for report in reversed(targets.reports):
            if report.place == place and report.place_en:
                return place, report.place_en
    return place, place_en
