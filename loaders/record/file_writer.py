"""Write a targets file while others may too: one writer at a time, and no save of another lost.

`edit_file(path, edit)` is the one writer of targets files (`targets find --suggest --write`,
`targets draft --write`). `edit` turns the file's text into the new text ("insert these lines
after record X", "append to that section"); it is made on the file as it is when written, not
as the command first read it:

1. an exclusive lock (`fcntl.flock` on `.NAME.lock` beside the real file) keeps the writers of
   this project one at a time; another waits for it (up to `LOCK_WAIT_S`);
2. under the lock the file is read (bytes: its UTF-8 BOM and line endings kept) and the edit is
   made on that text; the new text is written to a temporary file beside the real one;
3. just before the temporary file replaces the real one, the file is read again: if someone
   (an editor) saved it meanwhile, the edit is made again on the saved text (up to `ATTEMPTS`
   times), so their save is kept; else the temporary file replaces it in one step.

A symlink is written through (the file it names is replaced, the link stays); the file keeps
its mode and, when the writer is root, its owner and group. A read-only file, a folder the
writer may not write in, a full disk: `WriteError`, one line, the file unchanged.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

BOM = b"\xef\xbb\xbf"
#: how long a writer waits for another to finish before giving up
LOCK_WAIT_S = 60.0
#: how many times the edit is made again on a text saved by someone else while it was written
ATTEMPTS = 5


class WriteError(Exception):
    """The file could not be written; the message (one line) says why and what to do."""


def real_path(path: str | os.PathLike) -> Path:
    """Return the file a path names, symlinks followed (the path itself when it does not exist)."""
    return Path(os.path.realpath(path))


def edit_file(path: str | os.PathLike, edit: Callable[[str], str]) -> bool:
    """Return True when the edit changed the file, after writing it (False: nothing to write).

    `edit` is given the file's text (BOM left out, line endings as they are) and returns the
    new text; it may raise to refuse, and is made again on the new text if the file is saved
    by someone else while it is written.
    """
    shown = str(path)
    real = real_path(path)
    info = _writable(real, shown)
    with _locked(real, shown):
        for _ in range(ATTEMPTS):
            raw = _read(real, shown)
            bom = raw.startswith(BOM)
            try:
                text = raw[len(BOM) :].decode("utf-8") if bom else raw.decode("utf-8")
            except UnicodeDecodeError:
                raise WriteError(
                    f"{shown}: not written: the file is not UTF-8 text now: run `targets check`"
                ) from None
            new_text = edit(text)
            if new_text == text:
                return False
            payload = (BOM if bom else b"") + new_text.encode("utf-8")
            if _replace_if_unchanged(real, shown, payload, raw, info):
                return True
    raise WriteError(
        f"{shown}: not written: it was saved by someone else {ATTEMPTS} times while the new "
        "lines were being added: run the command again"
    )


def _writable(real: Path, shown: str) -> os.stat_result:
    """Return the stat of the file to write, or raise WriteError when it cannot be written."""
    try:
        info = real.stat()
    except FileNotFoundError:
        raise WriteError(f"{shown}: not written: the file does not exist") from None
    except OSError as error:
        raise WriteError(f"{shown}: not written: {_reason(error)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{shown}: not written: not a regular file: give the path of a text file")
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise WriteError(
            f"{shown}: not written: the file is read-only: make it writable "
            f"(chmod u+w {shown}) to add to it"
        )
    return info


@contextmanager
def _locked(real: Path, shown: str) -> Iterator[None]:
    """Hold the exclusive lock of a targets file (waiting for another writer to finish)."""
    lock = real.parent / f".{real.name}.lock"
    try:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as error:
        raise WriteError(f"{shown}: not written: cannot create {lock}: {_reason(error)}") from None
    try:
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteError(
                        f"{shown}: not written: another `targets` command has been writing it "
                        f"for {LOCK_WAIT_S:.0f} s (lock {lock.name}): run the command again "
                        "when it is done"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(handle)  # closing the descriptor releases the lock


def _read(real: Path, shown: str) -> bytes:
    """Return the bytes of the file, or raise WriteError."""
    try:
        return real.read_bytes()
    except OSError as error:
        raise WriteError(f"{shown}: not written: cannot read it: {_reason(error)}") from None


def _replace_if_unchanged(
    real: Path, shown: str, payload: bytes, expected: bytes, info: os.stat_result
) -> bool:
    """Return True after replacing the file with payload, False (nothing written) when its
    bytes are no longer `expected`: someone saved it since it was read."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", dir=real.parent)
    except OSError as error:
        raise WriteError(
            f"{shown}: not written: cannot create a file in {real.parent}: {_reason(error)}"
        ) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if os.geteuid() == 0:
            os.chown(temporary, info.st_uid, info.st_gid)
        if _read(real, shown) != expected:
            Path(temporary).unlink(missing_ok=True)
            return False
        if info.st_nlink > 1:  # a hard link: write in place, so every name keeps the new text
            Path(temporary).unlink(missing_ok=True)
            with open(real, "r+b") as file:
                file.write(payload)
                file.truncate()
                file.flush()
                os.fsync(file.fileno())
            return True
        os.replace(temporary, real)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(
            f"{shown}: not written (the file is unchanged): {_reason(error)}"
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def _reason(error: OSError) -> str:
    """Return what an OSError says, without a traceback: "No space left on device"."""
    if error.errno == errno.ENOSPC:
        return "no space left on the disk: free some, then run the command again"
    return error.strerror or str(error)
