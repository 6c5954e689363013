"""The split layout (one file per report, a top file with `include:`): cold loads with an empty
and a warm disk cache, `targets check` after editing one file, and save-to-view in AppTest.

Each figure runs in a fresh interpreter (`python -m bench.split COMMAND TOP SEEDS`), so only the
disk cache (`.targets-cache/` beside the top file) carries over between runs, as it would
between two `targets check` or a restarted dashboard. Imports are not timed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
TIMEOUT_S = 1800


def _run(command: str, top: Path, seeds: Path, processes: int | None = None) -> dict:
    """Return what `python -m bench.split COMMAND TOP SEEDS` measured in a new process (a
    `targets` command in it uses `processes`, or as many as it would by default)."""
    env = {**os.environ, "TARGETS_FILE": str(top)}
    env.pop("TARGETS_CACHE_DIR", None)
    env.pop("TARGETS_PROCESSES", None)
    if processes is not None:
        env["TARGETS_PROCESSES"] = str(processes)
    completed = subprocess.run(
        [sys.executable, "-m", "bench.split", command, str(top), str(seeds)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT_S,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def edited_file(top: Path) -> Path:
    """Return the included file the edits change: the first one."""
    return sorted((top.parent / "targets").glob("*.yaml"))[0]


def edit(path: Path) -> None:
    """Save a file with one record changed, as a person updating it would: the English title
    of its first commitment gets a new ending (its quotes are checked again, its rows and every
    chart that names it made again)."""
    text = path.read_text(encoding="utf-8")
    commitments = re.compile(r'^(    title_en: ".*?)( \(edited \d+\))?"$', flags=re.M)
    line = commitments.search(text, text.find("\ncommitments:"))
    if line is None or "\ncommitments:" not in text:
        raise ValueError(f"{path}: no commitment's title_en to edit")
    changed = f'{line.group(1)} (edited {time.time_ns()})"'
    path.write_text(text[: line.start()] + changed + text[line.end() :], encoding="utf-8")


#: a commitment's first progress entry, as the synthetic files write it (four lines)
PROGRESS_ENTRY = re.compile(
    r"^    progress:\n      - year: \d+\n        value: .*\n        source: .*\n"
    r"        quote: .*\n",
    flags=re.M,
)


def take_out_progress(path: Path) -> tuple[int, str]:
    """Save a file with a commitment's outcome taken out: a save that changes a status, so the
    charts that count it are made again. Return where it stood and what it was."""
    text = path.read_text(encoding="utf-8")
    found = PROGRESS_ENTRY.search(text)
    if found is None:
        raise ValueError(f"{path}: no progress entry to take out")
    path.write_text(text[: found.start()] + text[found.end() :], encoding="utf-8")
    return found.start(), found.group(0)


def put_back(path: Path, taken: tuple[int, str]) -> None:
    """Save a file with an outcome taken out put back where it stood (another status change)."""
    text = path.read_text(encoding="utf-8")
    at, entry = taken
    path.write_text(text[:at] + entry + text[at:], encoding="utf-8")


def measure_split(top: Path, seeds: Path, label: str, one_process: bool = True) -> dict:
    """Return the split layout's figures, each from its own interpreter (with one_process, also
    a check with nothing cached in a single process)."""
    cache = top.parent / ".targets-cache"
    bare = _run("bare", top, seeds)
    shutil.rmtree(cache, ignore_errors=True)
    cold_check = _run("check", top, seeds)  # a first check: nothing cached
    shutil.rmtree(cache, ignore_errors=True)
    alone = _run("check", top, seeds, processes=1) if one_process else None  # not shared
    shutil.rmtree(cache, ignore_errors=True)
    empty = _run("load", top, seeds)
    warm = _run("load", top, seeds)
    unchanged = _run("check", top, seeds)  # the check a person ran before editing
    edit(edited_file(top))
    after_edit = _run("check", top, seeds)
    view = _run("save-to-view", top, seeds)  # the first view saves its rows for the next
    # a restart right after a save: the view saved then is keyed by a file changed within the
    # racy interval, which no later key repeats, so this one loads (and saves a view that holds)
    after_save = _run("first-view", top, seeds)
    restart = _run("first-view", top, seeds)
    coverage = _run("coverage-first", top, seeds)
    coverage_again = _run("coverage-first", top, seeds)
    figures = {
        f"split_bare_csafeloader_{label}_s": bare["seconds"],
        f"check_cold_empty_cache_{label}_s": cold_check["seconds"],
        f"check_cold_vs_bare_{label}_ratio": cold_check["seconds"] / bare["seconds"],
        f"check_cold_processes_{label}": cold_check["processes"],
        f"split_bare_csafeloader_gc_paused_{label}_s": bare["seconds_gc_paused"],
        f"check_cold_vs_bare_gc_paused_{label}_ratio": cold_check["seconds"]
        / bare["seconds_gc_paused"],
        f"check_unchanged_vs_bare_{label}_ratio": unchanged["seconds"] / bare["seconds"],
        f"split_files_{label}": empty["files"],
        f"split_commitments_{label}": empty["commitments"],
        f"split_problems_{label}": empty["problems"],
        f"split_cold_empty_cache_{label}_s": empty["seconds"],
        f"split_cold_warm_cache_{label}_s": warm["seconds"],
        f"check_unchanged_{label}_s": unchanged["seconds"],
        f"check_after_edit_{label}_s": after_edit["seconds"],
        f"split_first_view_{label}_s": view["first_s"],
        f"save_to_view_{label}_s": view["save_to_view_s"],
        f"rerun_unchanged_{label}_s": view["rerun_unchanged_s"],
        f"save_to_view_status_{label}_s": view["status_save_s"],
        f"save_to_view_{label}_errors": view["errors"],
        f"split_restart_after_save_first_view_{label}_s": after_save["first_s"],
        f"split_restart_first_view_{label}_s": restart["first_s"],
        f"split_restart_first_view_{label}_errors": restart["errors"] + after_save["errors"],
        f"coverage_first_{label}_s": coverage["first_s"],
        f"coverage_restart_first_{label}_s": coverage_again["first_s"],
        f"coverage_first_{label}_errors": coverage["errors"] + coverage_again["errors"],
    }
    if alone is not None:
        figures[f"check_cold_one_process_{label}_s"] = alone["seconds"]
        figures[f"check_cold_one_process_vs_bare_{label}_ratio"] = (
            alone["seconds"] / bare["seconds"]
        )
    return figures


def _bare(top: str, seeds: str) -> dict:
    """Return seconds of parsing the top file and every included file with libyaml alone (no
    validation, no line numbers): the floor a cold check is compared with."""
    import yaml

    files = [Path(top), *sorted((Path(top).parent / "targets").glob("*.yaml"))]

    def parse_all() -> float:
        """Return seconds of parsing every file."""
        start = time.perf_counter()
        for path in files:
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        return time.perf_counter() - start

    seconds = parse_all()
    from loaders.load.targets import collection_paused  # imported after the first: no heap

    with collection_paused():  # as a check pauses it
        paused = parse_all()
    return {"seconds": seconds, "seconds_gc_paused": paused, "files": len(files)}


def _first_view(top: str, seeds: str, page: str | None = None) -> dict:
    """Return seconds of the dashboard's first run in this (fresh) process: a restarted server's
    first view, of the overview or of another page (its script's imports included, as a
    restarted server's first run pays them)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    if page is not None:
        at.switch_page(page)
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    return {"first_s": seconds, "errors": len(at.exception) + len(at.error)}


def _coverage_first(top: str, seeds: str) -> dict:
    """Return seconds of a restarted dashboard's first run when it opens on the Coverage page."""
    return _first_view(top, seeds, "views/coverage.py")


def _load(top: str, seeds: str) -> dict:
    """Return seconds of one load_targets of the set in this (fresh) process."""
    from loaders.load.targets import load_targets

    start = time.perf_counter()
    result = load_targets(top, seeds)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "files": len(result.files),
        "commitments": len(result.targets.commitments),
        "problems": len(result.problems),
    }


def _check(top: str, seeds: str) -> dict:
    """Return seconds of `targets check` (its whole command as a shell runs it, output
    discarded) in this process."""
    import contextlib
    import io

    from loaders.cli.main import command_line
    from loaders.load.processes import processes_wanted

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = command_line(["--targets", top, "--seeds", seeds, "check"])
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "exit_code": code, "processes": processes_wanted()}


def _save_to_view(top: str, seeds: str) -> dict:
    """Return seconds of the dashboard's first run, and of the next run of the same session
    after saving one file (the reader who saved presses R, or touches a filter): a title in the
    other language changed (the charts stay), then an outcome taken out and put back (the
    charts that count its status are made again; the slower of the two is reported).

    The run after the save reuses the AppTest: a new one would scan the installed packages for
    Streamlit components first (0.2 s here), which a running server does once at its start,
    not for each session. A second figure, with no save, is that session's rerun when nothing
    changed: the floor under save-to-view.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    edit(edited_file(Path(top)))
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    errors = len(at.exception) + len(at.error)
    start = time.perf_counter()
    at.run()
    unchanged = time.perf_counter() - start
    errors += len(at.exception) + len(at.error)
    status_saves = []
    taken = take_out_progress(edited_file(Path(top)))
    for save in (lambda: None, lambda: put_back(edited_file(Path(top)), taken)):
        save()
        start = time.perf_counter()
        at.run()
        status_saves.append(time.perf_counter() - start)
        errors += len(at.exception) + len(at.error)
    return {
        "first_s": first,
        "save_to_view_s": seconds,
        "rerun_unchanged_s": unchanged,
        "status_save_s": max(status_saves),
        "errors": errors,
    }


COMMANDS = {
    "bare": _bare,
    "load": _load,
    "check": _check,
    "save-to-view": _save_to_view,
    "first-view": _first_view,
    "coverage-first": _coverage_first,
}

if __name__ == "__main__":
    command, top_file, seeds_dir = sys.argv[1:4]
    print(json.dumps(COMMANDS[command](top_file, seeds_dir)))
