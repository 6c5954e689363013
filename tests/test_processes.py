"""A load shared with forked processes (loaders/load/processes.py): the work is dealt out, a
child's share is read back from the disk cache, a child that fails leaves nothing undone, and
the load equals one made in a single process."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

import loaders.rules.record_rules as record_rules
from bench import synthetic
from loaders.load import processes
from loaders.load.processes import processes_wanted, share_work, shares
from loaders.load.targets import load_targets

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Return the pids of the children forked from now on; forking is allowed although the test
    process may run other threads (pytest's, a finished app test's)."""
    made: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid != 0:
            made.append(pid)
        return pid

    monkeypatch.setattr(processes, "can_fork", lambda: True)
    monkeypatch.setattr(os, "fork", counted)
    return made


@pytest.fixture
def split_set(tmp_path, monkeypatch) -> Path:
    """Return the top file of a SYNTHETIC set of four files (a top file including three), with
    sharing allowed for as few files."""
    monkeypatch.setattr(processes, "MIN_ITEMS", 2)
    generated = synthetic.generate(2, tmp_path, base=len(synthetic.METRICS) + 3)
    an_hour_ago = time.time() - 3600  # settled: a text changed just now is never trusted
    for path in tmp_path.rglob("*"):
        os.utime(path, (an_hour_ago, an_hour_ago))
    return generated.split_file


def outcome(result) -> tuple:
    """Return what a load says: its valid records (with their lines) and its problems."""
    return (result.targets, [str(p) for p in result.problems], result.counts)


def test_items_are_dealt_out_in_turn():
    assert shares([1, 2, 3, 4, 5, 6, 7], 3) == [[1, 4, 7], [2, 5], [3, 6]]
    assert shares([1], 2) == [[1], []]


def test_one_process_does_every_item_here(forks):
    done: list[int] = []
    assert share_work(list(range(10)), done.append, 1) == []
    assert done == list(range(10))
    assert forks == []


def test_too_few_items_are_not_shared(forks):
    done: list[int] = []
    assert share_work([1, 2, 3], done.append, 2) == []
    assert done == [1, 2, 3]
    assert forks == []


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not processes.can_fork()
        done: list[int] = []
        assert share_work(list(range(20)), done.append, 2) == []
        assert done == list(range(20))
    finally:
        stop.set()
        other.join()


@linux_only
def test_a_child_does_its_share_and_the_parent_is_given_it_back(tmp_path, forks):
    here: list[int] = []

    def mark(item: int) -> None:
        (tmp_path / f"{item}-{os.getpid()}").touch()
        here.append(item)

    theirs = share_work(list(range(10)), mark, 2)
    assert theirs == [1, 3, 5, 7, 9]
    assert here == [0, 2, 4, 6, 8]
    assert len(forks) == 1
    by_child = sorted(int(p.name.split("-")[0]) for p in tmp_path.glob(f"*-{forks[0]}"))
    assert by_child == [1, 3, 5, 7, 9]


@linux_only
def test_a_child_that_fails_hands_back_its_whole_share(tmp_path, forks):
    parent = os.getpid()

    def mark(item: int) -> None:
        if os.getpid() != parent and item == 5:
            raise RuntimeError("a child's failure")
        (tmp_path / str(item)).touch()

    theirs = share_work(list(range(10)), mark, 2)
    assert theirs == [1, 3, 5, 7, 9]
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == [0, 1, 2, 3, 4, 6, 8]


@pytest.mark.parametrize(
    ("configured", "wanted"), [("1", 1), ("3", 3), ("0", 1), ("99", processes.MAX_PROCESSES)]
)
def test_the_processes_wanted_are_read_from_the_environment(monkeypatch, configured, wanted):
    monkeypatch.setenv("TARGETS_PROCESSES", configured)
    assert processes_wanted() == wanted


def test_without_a_setting_the_processes_wanted_are_the_cpus(monkeypatch):
    monkeypatch.setenv("TARGETS_PROCESSES", "two")
    assert 1 <= processes_wanted() <= min(os.cpu_count() or 1, processes.MAX_PROCESSES)


@linux_only
def test_a_shared_load_equals_one_in_one_process(split_set, forks, load_alone):
    shared = load_targets(split_set, processes=2)
    assert len(forks) == 2  # one child for the declarations, one for the records
    assert [str(p) for p in shared.problems] == []
    assert outcome(shared) == outcome(load_alone(split_set))


@linux_only
def test_a_problem_found_by_a_child_is_reported_with_its_line(split_set, forks, load_alone):
    last = sorted((split_set.parent / "targets").glob("*.yaml"))[-1]
    text = last.read_text(encoding="utf-8")
    last.write_text(text.replace("    op: ", "    op: about ", 1), encoding="utf-8")
    shared = load_targets(split_set, processes=2)
    assert len(forks) == 2
    # the records of the last of the four files are the second child's (dealt out in turn)
    assert [str(p) for p in shared.problems] == [
        f'{last}:26: syn-c0001-2024-gdp-growth: target.op: unknown op "about "~"": use one of '
        '">=", "<=", "~", "done"'
    ]
    assert outcome(shared) == outcome(load_alone(split_set))


@linux_only
def test_a_child_that_fails_leaves_the_load_whole(split_set, forks, monkeypatch, load_alone):
    parent = os.getpid()
    validate = record_rules.commitment

    def failing_in_a_child(validator, item, at):
        if os.getpid() != parent:
            raise RuntimeError("a child's failure")
        return validate(validator, item, at)

    monkeypatch.setattr(record_rules, "commitment", failing_in_a_child)
    shared = load_targets(split_set, processes=2)
    assert len(forks) == 2
    monkeypatch.setattr(record_rules, "commitment", validate)
    assert outcome(shared) == outcome(load_alone(split_set))


@linux_only
def test_a_fork_that_fails_leaves_the_share_to_the_caller(split_set, monkeypatch, load_alone):
    def no_fork() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(processes, "can_fork", lambda: True)
    monkeypatch.setattr(os, "fork", no_fork)
    done: list[int] = []
    assert share_work(list(range(10)), done.append, 2) == [1, 3, 5, 7, 9]
    assert done == [0, 2, 4, 6, 8]
    shared = load_targets(split_set, processes=2)
    assert outcome(shared) == outcome(load_alone(split_set))


def test_a_process_that_may_not_fork_has_the_set_checked_in_a_new_one(
    split_set, validated, monkeypatch, load_alone
):
    monkeypatch.setattr(processes, "MIN_ITEMS_ELSEWHERE", 2)
    monkeypatch.setattr(processes, "can_fork", lambda: False)  # as in the dashboard's server
    result = load_targets(split_set, processes=2)
    assert validated == []  # every record was validated by `targets check`, then read
    assert len(result.targets.commitments) == len(synthetic.METRICS) * 2 + 6
    assert outcome(result) == outcome(load_alone(split_set))


def test_few_files_are_validated_here(split_set, validated, monkeypatch):
    monkeypatch.setattr(processes, "can_fork", lambda: False)
    load_targets(split_set, processes=2)  # four files: under MIN_ITEMS_ELSEWHERE
    assert len(validated) == len(synthetic.METRICS) * 2 + 6


def test_a_check_that_cannot_run_leaves_the_load_to_this_process(split_set, validated, monkeypatch):
    monkeypatch.setattr(processes, "MIN_ITEMS_ELSEWHERE", 2)
    monkeypatch.setattr(processes, "can_fork", lambda: False)
    monkeypatch.setattr(processes.sys, "executable", "/nonexistent/python")
    result = load_targets(split_set, processes=2)
    assert len(validated) == len(result.targets.commitments) > 0


def test_a_cache_that_cannot_be_written_is_not_filled_by_a_new_process(
    split_set, validated, monkeypatch
):
    monkeypatch.setattr(processes, "MIN_ITEMS_ELSEWHERE", 2)
    monkeypatch.setattr(processes, "can_fork", lambda: False)
    monkeypatch.setattr(processes, "check_elsewhere", lambda top, seeds: pytest.fail("ran"))
    monkeypatch.setattr(processes.os, "access", lambda path, mode: False)
    result = load_targets(split_set, processes=2)
    assert len(validated) == len(result.targets.commitments) > 0
