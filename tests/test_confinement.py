"""Files a targets file names stay in its folder: `include:` entries and report texts that lead
outside it are problems, nothing outside is read or quoted; globs do not walk symlinked folders
and stop at a limit. Every fixture is SYNTHETIC: a tiny top file, two parts and a "secret"."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from loaders.cache.memo import fresh_memo
from loaders.load import include
from loaders.load.targets import load_targets

SMALL_SEEDS = Path(__file__).resolve().parent / "fixtures" / "small" / "seeds"
SECRET = "SECRET_TOKEN: hunter2-do-not-show\n"

TOP = """\
include:
  - {entry}
reports:
  - id: syn-2020
    title: 合成示例区政府工作报告（2020年）
    title_en: Synthetic District Work Report 2020
    date: 2020-03-01
    file: report-2020.txt
areas:
  - id: headline
    name: 主要预期目标
    name_en: Headline targets
commitments: []
"""

PART = """\
commitments:
  - id: syn-gdp
    report: syn-2020
    year: 2020
    area: headline
    title: 地区生产总值增长
    title_en: GDP growth
    target: {op: "~", value: 6.0, unit: "%"}
    quote: 地区生产总值增长6.0%左右
"""


@pytest.fixture
def tracker(tmp_path, monkeypatch) -> Path:
    """Return a tracker folder (targets.yaml, parts/a.yaml, seeds/) beside a secret file."""
    monkeypatch.delenv("TARGETS_CACHE_DIR", raising=False)
    fresh_memo()
    folder = tmp_path / "tracker"
    shutil.copytree(SMALL_SEEDS, folder / "seeds")
    (folder / "parts").mkdir()
    (folder / "parts" / "a.yaml").write_text(PART, encoding="utf-8")
    (tmp_path / "secret.yaml").write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def check(folder: Path, entry: str) -> list[str]:
    """Return the problems of the tracker with this one `include:` entry."""
    (folder / "targets.yaml").write_text(TOP.replace("{entry}", entry), encoding="utf-8")
    return [str(p) for p in load_targets(folder / "targets.yaml").problems]


@pytest.mark.parametrize("entry", ["../secret.yaml", '"{secret}"', '"/etc/*"', '"~/.bashrc"'])
def test_an_include_outside_the_folder_is_a_problem_and_is_not_read(tracker, entry):
    entry = entry.replace("{secret}", str(tracker.parent / "secret.yaml"))
    shown = entry.strip('"')
    assert check(tracker, entry) == [
        f'targets.yaml:2: include[0]: "{shown}" is outside the folder of targets.yaml: include '
        "only files in that folder or below it (copy the file there)"
    ]


def test_a_link_to_a_file_outside_is_a_problem_and_is_not_read(tracker):
    (tracker / "parts" / "leak.yaml").symlink_to(tracker.parent / "secret.yaml")
    assert check(tracker, "parts/*.yaml") == [
        'targets.yaml:2: include[0]: "parts/leak.yaml" is a link to a file outside the folder of '
        "targets.yaml: include only files in that folder or below it (copy the file there)"
    ]
    assert [c.id for c in load_targets(tracker / "targets.yaml").targets.commitments] == ["syn-gdp"]


def test_a_report_text_linked_from_outside_seeds_is_a_problem_and_is_not_quoted(tracker):
    report = tracker / "seeds" / "report-2020.txt"
    report.rename(tracker.parent / "report-2020.txt")
    report.symlink_to(tracker.parent / "report-2020.txt")
    found = check(tracker, "parts/a.yaml")
    assert found[0] == (
        'targets.yaml:8: syn-2020: file: "report-2020.txt" is a link to a file outside seeds/: '
        "copy the report's text into it instead of linking to it"
    )
    assert not any("地区生产总值" in line for line in found)


def test_an_included_file_that_is_no_targets_file_is_named_never_quoted(tracker):
    (tracker / "parts" / "notes.yaml").write_text(SECRET, encoding="utf-8")
    (tracker / "parts" / "text.yaml").write_text("hunter2 is the password\n", encoding="utf-8")
    assert check(tracker, "parts/*.yaml") == [
        "parts/notes.yaml:1: not a targets file: none of its keys is a section (reports, areas, "
        "commitments, exclusions, include): is it the right file?",
        "parts/text.yaml:1: not a targets file: expected a mapping with sections reports, areas, "
        "commitments, exclusions, got a text: is it the right file?",
    ]


def test_a_glob_does_not_walk_symlinked_folders_so_link_loops_end_at_once(tracker):
    (tracker / "parts" / "self").symlink_to(".")
    (tracker / "parts" / "self2").symlink_to(".")
    (tracker / "parts" / "deeper").mkdir()
    (tracker / "parts" / "deeper" / "b.yaml").write_text(
        PART.replace("syn-gdp", "syn-gdp-b"), encoding="utf-8"
    )
    started = time.monotonic()
    assert check(tracker, "parts/**/*.yaml") == []
    assert time.monotonic() - started < 5
    ids = [c.id for c in load_targets(tracker / "targets.yaml").targets.commitments]
    assert ids == ["syn-gdp", "syn-gdp-b"]


def test_a_file_link_loop_is_not_a_regular_file_not_a_hang(tracker):
    (tracker / "parts" / "loop.yaml").symlink_to("loop.yaml")
    assert check(tracker, "parts/loop.yaml") == [
        'targets.yaml:2: include[0]: "parts/loop.yaml" is not a regular file (a pipe, a device, '
        "a folder or a link loop): include text files only"
    ]


def test_a_pattern_matching_more_than_the_limit_is_a_problem(tracker, monkeypatch):
    monkeypatch.setattr(include, "MAX_MATCHES", 3)
    for number in range(4):
        (tracker / "parts" / f"extra-{number}.yaml").write_text("commitments: []\n", "utf-8")
    assert check(tracker, "parts/*.yaml") == [
        'targets.yaml:2: include[0]: "parts/*.yaml" matches more than 3 files: nothing of it was '
        "included; name fewer files (e.g. parts/*.yaml)"
    ]


def test_the_documented_limit_is_ten_thousand():
    assert include.MAX_MATCHES == 10_000
