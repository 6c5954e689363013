"""Hostile paths — a NUL in a report's file name, a pipe, a device, a link loop, junk in the
cache — give a one-line problem (the record left out, or exit 2) in every command, never a
traceback or a hang; the dashboard shows the problem.

Fixture: the SYNTHETIC `targets draft` files (reports syn-2022 and syn-2023 in seeds/).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    ["check"],
    ["export", "--format", "csv"],
    ["find"],
    ["find", "--untracked"],
    ["find", "syn-2022", "--suggest", "syn-2023"],
    ["draft", "syn-2023"],
    ["report", "syn-2022"],
]
#: runs every command in one process and prints [exit code, output, errors] for each
DRIVER = """
import io, json, sys
from loaders.cli.main import main
results = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    code = main(["--targets", sys.argv[2], *argv], out, err)
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""
NOT_REGULAR = (
    'targets.yaml:12: syn-2023: file: "syn-2023.txt" in seeds/ is not a regular file (a pipe, '
    "a device, a folder or a link loop): put the report's text there as a file"
)


def every_command(targets: Path) -> list[tuple[int, str, str]]:
    """Return (exit code, output, errors) of every command on the file, run in a process that
    is stopped if it hangs."""
    completed = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(COMMANDS), targets.name],
        capture_output=True,
        text=True,
        cwd=targets.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return [tuple(r) for r in json.loads(completed.stdout)]


def nul_in_file_name(folder: Path) -> None:
    """A report whose file name holds a NUL (written as a YAML escape)."""
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("file: syn-2023.txt", 'file: "syn\\0.txt"'), encoding="utf-8")


def fifo_report(folder: Path) -> None:
    """A report text that is a named pipe."""
    (folder / "seeds" / "syn-2023.txt").unlink()
    os.mkfifo(folder / "seeds" / "syn-2023.txt")


def looping_report(folder: Path) -> None:
    """A report text that is a link to itself."""
    (folder / "seeds" / "syn-2023.txt").unlink()
    (folder / "seeds" / "syn-2023.txt").symlink_to("syn-2023.txt")


def device_report(folder: Path) -> None:
    """A report text that is a link to a device."""
    (folder / "seeds" / "syn-2023.txt").unlink()
    (folder / "seeds" / "syn-2023.txt").symlink_to("/dev/zero")


def entries_of(folder: Path) -> Path:
    """Return the folder of this code version's cache entries beside a tracker's top file."""
    from loaders.cache.file_cache import code_version

    return folder / ".targets-cache" / code_version()


def junk_cache(folder: Path) -> None:
    """Every cache entry a pipe (a first check fills the cache)."""
    every_command(folder / "targets.yaml")
    for entry in entries_of(folder).iterdir():
        entry.unlink()
        os.mkfifo(entry)


def deep_cache(folder: Path) -> None:
    """Every cache entry nested 200,000 levels deep, or a link to a device."""
    every_command(folder / "targets.yaml")
    for number, entry in enumerate(sorted(entries_of(folder).iterdir())):
        entry.unlink()
        if number % 2:
            entry.symlink_to("/dev/zero")
        else:
            entry.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")


CASES: dict[str, tuple[Callable[[Path], None], str | None]] = {
    "nul-in-file-name": (
        nul_in_file_name,
        'targets.yaml:12: syn-2023: file: "syn\\x00.txt" holds a control character, which no '
        "file name in seeds/ has: give the name of the report's text file as it is",
    ),
    "fifo": (fifo_report, NOT_REGULAR),
    "link-loop": (looping_report, NOT_REGULAR),
    "device": (
        device_report,
        'targets.yaml:12: syn-2023: file: "syn-2023.txt" is a link to a file outside seeds/: '
        "copy the report's text into it instead of linking to it",
    ),
    "pipes-in-the-cache": (junk_cache, None),
    "deep-nesting-and-devices-in-the-cache": (deep_cache, None),
}


@pytest.mark.parametrize("name", CASES)
def test_every_command_gives_a_one_line_problem_never_a_traceback_or_a_hang(
    name, draft_files, monkeypatch
):
    monkeypatch.delenv("TARGETS_CACHE_DIR", raising=False)
    targets = draft_files()
    make, problem = CASES[name]
    make(targets.parent)
    results = every_command(targets)
    for argv, (code, out, err) in zip(COMMANDS, results, strict=True):
        assert code in (0, 1, 2), (argv, code, err)
        assert "Traceback" not in out + err, argv
        assert "\x00" not in out + err, argv
    code, out, err = results[0]
    if problem is None:
        assert (code, err) == (0, "")
    else:
        assert code == 1
        assert problem in out.splitlines()
        assert out.splitlines()[-1] == (
            "1 problem(s) in targets.yaml; 3 valid commitment(s) shown by the dashboard"
        )


@pytest.mark.parametrize("make", [fifo_report, looping_report])
def test_a_targets_file_that_is_a_pipe_or_a_loop_cannot_be_read_exit_2(make, draft_files):
    targets = draft_files()
    targets.unlink()
    if make is fifo_report:
        os.mkfifo(targets)
        message = (
            "targets.yaml: not a regular file (a device or a pipe): give the path of a text file"
        )
    else:
        targets.symlink_to("targets.yaml")
        message = "targets.yaml: cannot read the file: Too many levels of symbolic links"
    for code, out, err in every_command(targets):
        assert code == 2
        assert message in (out + err).splitlines()


def test_the_dashboard_shows_a_nul_file_name_as_a_problem(bundled_copy, open_page):
    targets = bundled_copy(
        {
            "file: 2024-02-03-qingcheng-government-work-report-excerpt.txt": (
                'file: "excerpt\\0.txt"'
            )
        }
    )
    at = open_page(lang="en")
    assert f"problem(s) in {targets.name}" in at.error[0].value
    assert any(
        "holds a control character, which no file name in seeds/ has" in block.value
        for block in at.code
    )


def test_the_dashboard_shows_a_report_text_that_is_a_pipe_as_a_problem(bundled_copy, open_page):
    targets = bundled_copy()
    excerpt = targets.parent / "seeds" / "2024-02-03-qingcheng-government-work-report-excerpt.txt"
    excerpt.unlink()
    os.mkfifo(excerpt)
    at = open_page(lang="en")
    assert f"problem(s) in {targets.name}" in at.error[0].value
    assert any("is not a regular file (a pipe, a device" in block.value for block in at.code)
