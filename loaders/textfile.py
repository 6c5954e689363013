"""Read a text file safely: the one reader of targets.yaml (yaml_source) and of reports (report).

What is refused, each as a Problem saying what to do rather than an exception: anything but a
regular file (a folder; a device such as /dev/zero, which never ends; a pipe, which may never
open), a file over its kind's size limit, UTF-16 text (as Windows Notepad may save it), NUL
bytes (a binary file) and bytes that are not UTF-8 (GBK/GB18030 is named when they read as
it). A UTF-8 byte order mark is dropped and CRLF and CR line endings become LF.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from loaders.problems import Problem

NOT_A_FILE_MESSAGE = "not a regular file (a device or a pipe): give the path of a text file"
DIRECTORY_MESSAGE = "is a directory, not a file"
UTF16_MESSAGE = "UTF-16 text (as Windows Notepad may save it): save it as UTF-8"
NUL_MESSAGE = "not a text file (it contains NUL bytes): is it the right file?"


@dataclass(frozen=True)
class TextKind:
    """A kind of text file: what messages call it, its size limit and how large it usually is."""

    noun: str  # "report": "report is 21.0 MB, over …", "cannot read the report: …"
    max_bytes: int
    usual_size: str  # "a work report's text is well under 1 MB"
    not_found: str  # the message for a missing file; "{path}" is replaced by the path


def is_regular_file(path: str | os.PathLike) -> bool:
    """Return True when a path names a regular file (links followed); False for a pipe, a
    device, a folder, a link loop, a missing file or a name holding NUL."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def inside_folder(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """Return True when a path, links followed, is in the folder (itself resolved) or below:
    where a file named by a targets file may be read from."""
    try:
        real, root = os.path.realpath(path), os.path.realpath(folder)
    except (OSError, ValueError):
        return False
    return real.startswith(root.rstrip(os.sep) + os.sep)


def read_text(path: Path, name: str, kind: TextKind) -> tuple[str | None, list[Problem]]:
    """Return the text of a file (UTF-8, LF line endings), or None and the problem with it."""

    def unreadable(message: str, code: str) -> tuple[None, list[Problem]]:
        return None, [Problem(name, None, None, None, message, code=code)]

    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return unreadable(DIRECTORY_MESSAGE, "not-a-file")
        if not stat.S_ISREG(info.st_mode):  # /dev/zero would never end, a pipe never open
            return unreadable(NOT_A_FILE_MESSAGE, "not-a-file")
        if info.st_size > kind.max_bytes:
            return unreadable(_too_large(kind, info.st_size), "file-too-large")
        with path.open("rb") as file:
            raw = file.read(kind.max_bytes + 1)
    except FileNotFoundError:
        return unreadable(kind.not_found.replace("{path}", str(path)), "file-not-found")
    except IsADirectoryError:
        return unreadable(DIRECTORY_MESSAGE, "not-a-file")
    except OSError as error:
        return unreadable(f"cannot read the {kind.noun}: {error.strerror}", "unreadable-file")
    if len(raw) > kind.max_bytes:  # it grew after stat
        return unreadable(_too_large(kind, len(raw)), "file-too-large")
    return decode(raw, name)


def _too_large(kind: TextKind, size: int) -> str:
    """Return the message for a file over its kind's size limit."""
    limit_mb = kind.max_bytes // (1024 * 1024)
    return (
        f"{kind.noun} is {size / (1024 * 1024):.1f} MB, over the {limit_mb} MB limit: is it the "
        f"right file? ({kind.usual_size})"
    )


def decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Return the text of UTF-8 bytes (BOM dropped, LF line endings), or None and the problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(name, None, None, None, UTF16_MESSAGE, code="not-utf8")]
    if b"\x00" in raw:
        return None, [Problem(name, None, None, None, NUL_MESSAGE, code="not-text")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, None, None, not_utf8_message(raw), code="not-utf8")]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def not_utf8_message(raw: bytes) -> str:
    """Return the message for bytes that are not UTF-8, naming GBK when they decode as it."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return "not UTF-8 text and no known Chinese encoding either: is it the right file?"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "not UTF-8 (it looks like GBK/GB18030): save it as UTF-8"
    return "not UTF-8 text: save it as UTF-8"
