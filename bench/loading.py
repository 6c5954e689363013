"""Load timings: bare libyaml, cold load + validate + quote check, warm (cached) load.

Bare and cold loads each run in a fresh interpreter (`python -m bench.loading bare|cold FILE
SEEDS`): no cache of a previous run helps, and neither pays for a heap the other left behind
(the garbage collector's full passes grow with it). Imports are not timed.
`python -m bench.loading profile FILE SEEDS` prints where a cold load spends its time.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def bare_load(targets_file: Path) -> object:
    """Return the file parsed by libyaml alone: the floor a cold load is compared with."""
    return yaml.load(targets_file.read_bytes(), Loader=yaml.CSafeLoader)


#: the single-file figures are of a process that has nothing cached, on disk either (the split
#: layout's figures, bench/split.py, measure the disk cache)
NO_DISK_CACHE = {**os.environ, "TARGETS_CACHE_DIR": "off"}


def _in_fresh_interpreter(command: str, targets_file: Path, seeds_dir: Path) -> dict:
    """Return what `python -m bench.loading COMMAND FILE SEEDS` measured in a new process."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.loading", command, str(targets_file), str(seeds_dir)],
        cwd=ROOT,
        env=NO_DISK_CACHE,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def bare_load_once(targets_file: Path) -> dict:
    """Return the time of one bare libyaml load in a fresh interpreter, and the commitments."""
    return _in_fresh_interpreter("bare", targets_file, targets_file.parent)


def cold_load_once(targets_file: Path, seeds_dir: Path) -> dict:
    """Return the time of one load_targets in a fresh interpreter, with what it found."""
    return _in_fresh_interpreter("cold", targets_file, seeds_dir)


def _bare(targets_file: str) -> dict:
    """Return seconds of one bare load in this (fresh) process, and the commitments read; then
    of another with Python's cyclic collector paused, as load_targets pauses it (at 100x in one
    file the collector is most of a bare load: 2.1 s against 0.66 s)."""
    start = time.perf_counter()
    data = bare_load(Path(targets_file))
    seconds = time.perf_counter() - start
    from loaders.load.targets import collection_paused  # imported after the first: no heap

    with collection_paused():
        start = time.perf_counter()
        bare_load(Path(targets_file))
        paused = time.perf_counter() - start
    return {
        "seconds": seconds,
        "seconds_gc_paused": paused,
        "commitments": len((data or {}).get("commitments") or []),
    }


def _cold(targets_file: str, seeds_dir: str) -> dict:
    """Return seconds of one load_targets in this (fresh) process, commitments and problems."""
    from loaders.load.targets import load_targets

    start = time.perf_counter()
    result = load_targets(targets_file, seeds_dir)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "commitments": len(result.targets.commitments),
        "problems": len(result.problems),
        "first_problems": [str(p) for p in result.problems[:3]],
    }


def warm_loader() -> tuple[str, Callable[[Path, Path], object]]:
    """Return the name and a callable of the dashboard's load path (st.cache_resource, in memory)."""
    from dashboard.data import load_cached

    return "dashboard.data.load_cached", load_cached


def profile_cold(targets_file: str, seeds_dir: str, top: int = 25) -> str:
    """Return the cProfile of one cold load, the top functions by own time."""
    from loaders.load.targets import load_targets

    profiler = cProfile.Profile()
    profiler.enable()
    load_targets(targets_file, seeds_dir)
    profiler.disable()
    from io import StringIO

    buffer = StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buffer.getvalue()


if __name__ == "__main__":
    command, targets_file, seeds_dir = sys.argv[1:4]
    if command == "bare":
        print(json.dumps(_bare(targets_file)))
    elif command == "cold":
        print(json.dumps(_cold(targets_file, seeds_dir), ensure_ascii=False))
    elif command == "profile":
        print(profile_cold(targets_file, seeds_dir))
    else:
        raise SystemExit(f"unknown command {command!r}: use cold or profile")
