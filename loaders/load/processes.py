"""A load's work shared with forked processes: each child validates a share of the files into
the disk cache while this process validates its own; this process then reads the children's
outcomes from the cache as it reads a past load's.

Sharing is only tried where forking is safe and pays: on Linux, in a process with one thread (a
`targets` command), with a disk cache, and with at least MIN_ITEMS files to validate. Whatever
a child did not finish (it failed, was killed, could not write the cache) this process
validates itself when it reads the child's share back, so the outcome is the same whether a
child helped or not.

A process that must not fork (the dashboard's server, whose sessions run in threads) with at
least MIN_ITEMS_ELSEWHERE files to validate runs `targets check` on the set in a new process
instead (`check_elsewhere`), which shares them as above, and then reads their outcomes from the
cache: a province's first view with nothing cached uses every CPU.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

Item = TypeVar("Item")

#: the fewest files worth a fork (a fork costs milliseconds; a file's validation about 20 ms)
MIN_ITEMS = 8
#: the fewest files worth a new `targets check` process (its start costs about a second)
MIN_ITEMS_ELSEWHERE = 64
#: seconds a `targets check` started for a load may take before the load goes on without it
ELSEWHERE_TIMEOUT_S = 3600
#: the most processes a load uses, whatever the machine has
MAX_PROCESSES = 8
#: the environment variable that sets how many processes a `targets` command uses (1: this one)
PROCESSES_VARIABLE = "TARGETS_PROCESSES"


def processes_wanted() -> int:
    """Return how many processes a `targets` command shares a load with: $TARGETS_PROCESSES
    when it is a whole number, else the CPUs this process may run on (at most MAX_PROCESSES)."""
    configured = os.environ.get(PROCESSES_VARIABLE, "").strip()
    if configured.isdigit():
        return max(1, min(int(configured), MAX_PROCESSES))
    try:
        available = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        available = os.cpu_count() or 1
    return max(1, min(available, MAX_PROCESSES))


def checked_elsewhere(top: Path, seeds: Path, cache_dir: Path, to_validate: int) -> bool:
    """Return whether a set was checked in a new process (check_elsewhere), which is done when
    this process may not fork, has at least MIN_ITEMS_ELSEWHERE files to validate and can read
    what that process writes (the cache folder is there and can be written)."""
    if to_validate < MIN_ITEMS_ELSEWHERE or can_fork():
        return False
    if not (cache_dir.is_dir() and os.access(cache_dir, os.W_OK)):
        return False
    return check_elsewhere(top, seeds)


def check_elsewhere(top: Path, seeds: Path) -> bool:
    """Run `targets check` on a set in a new process, from this one's folder and environment (so
    its cache entries are those this process would make), its output discarded; return whether
    it ran to its end (its exit code aside: problems are this process's to read)."""
    command = [sys.executable, "-m", "loaders", f"--targets={top}", f"--seeds={seeds}"]
    try:
        completed = subprocess.run(
            [*command, "check"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=ELSEWHERE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return completed.returncode in (0, 1)


def can_fork() -> bool:
    """Return whether this process may fork a helper: Linux, and no thread but this one."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def shares(items: Sequence[Item], processes: int) -> list[list[Item]]:
    """Return items dealt out to `processes` shares in turn (item i to share i mod processes), so
    that items costing more (a file parsed by an earlier child is read back from the disk, one
    this process parsed is in its memory and so in a forked child's) fall to every share alike."""
    return [list(items[index::processes]) for index in range(processes)]


def share_work(items: Sequence[Item], do: Callable[[Item], object], processes: int) -> list[Item]:
    """Do `do` to every item: this process's share here and the other shares in forked children
    (when sharing pays: see the module's docstring). Return the items the children did, once
    every child has exited, for the caller to read back from the cache."""
    if processes < 2 or len(items) < MIN_ITEMS or not can_fork():
        for item in items:
            do(item)
        return []
    mine, *theirs = shares(items, min(processes, len(items)))
    children = []
    for share in theirs:
        try:
            children.append(_fork(share, do))
        except OSError:  # no process to be had (EAGAIN, ENOMEM): the caller does the share
            continue
    finished = False
    try:
        for item in mine:
            do(item)
        finished = True
    finally:
        for child in children:
            if not finished:  # interrupted here: the children's work would be thrown away
                _stop(child)
            _reap(child)
    return [item for share in theirs for item in share]


def _fork(share: list[Item], do: Callable[[Item], object]) -> int:
    """Return the pid of a child that does `do` to each item of a share, then exits."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()  # what is buffered is written once, not once more by the child
    pid = os.fork()
    if pid != 0:
        return pid
    code = 1
    try:
        for item in share:
            do(item)
        code = 0
    except BaseException:  # noqa: BLE001 - the parent does whatever a child left undone
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flush of buffers the parent also holds


def _stop(pid: int) -> None:
    """Ask a child to stop now."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)


def _reap(pid: int) -> None:
    """Wait for a child to exit (a wait interrupted by a signal is retried by Python)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
