"""A record split over files: `include:` in the top file, its problems, and the caches."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from loaders.cache import file_cache
from loaders.cache.memo import fresh_memo
from loaders.load import inputs
from loaders.load.targets import load_targets
from loaders.rules import record_rules

SMALL_SEEDS = Path(__file__).resolve().parent / "fixtures" / "small" / "seeds"

# SYNTHETIC: the small fixture's report and areas, commitments in two included files
TOP = """\
include:
  - parts/*.yaml
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
"""

GDP = """\
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

CPI = """\
commitments:
  - id: syn-cpi
    report: syn-2020
    year: 2020
    area: headline
    title: 居民消费价格涨幅
    title_en: Consumer prices
    target: {op: "<=", value: 3.0, unit: "%"}
    quote: 居民消费价格涨幅控制在 3.0%以内
"""


def entries_of(folder: Path) -> Path:
    """Return the folder of this code version's cache entries beside a tracker's top file."""
    return folder / ".targets-cache" / file_cache.code_version()


@pytest.fixture
def split(tmp_path, monkeypatch) -> Path:
    """Return a folder holding targets.yaml, parts/a.yaml, parts/b.yaml and seeds/."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TARGETS_CACHE_DIR", raising=False)
    fresh_memo()
    shutil.copytree(SMALL_SEEDS, tmp_path / "seeds")
    (tmp_path / "parts").mkdir()
    (tmp_path / "targets.yaml").write_text(TOP, encoding="utf-8")
    (tmp_path / "parts" / "a.yaml").write_text(GDP, encoding="utf-8")
    (tmp_path / "parts" / "b.yaml").write_text(CPI, encoding="utf-8")
    return tmp_path


def problems(folder: Path, **options) -> list[str]:
    """Return the problems of the set, as `targets check` prints them."""
    return [str(p) for p in load_targets(folder / "targets.yaml", **options).problems]


def with_include(folder: Path, *entries: str) -> None:
    """Rewrite the top file's include: list."""
    listed = "".join(f"  - {entry}\n" for entry in entries)
    text = TOP.replace("include:\n  - parts/*.yaml\n", f"include:\n{listed}")
    (folder / "targets.yaml").write_text(text, encoding="utf-8")


def test_the_records_of_every_included_file_are_read(split):
    result = load_targets(split / "targets.yaml")
    assert [str(p) for p in result.problems] == []
    assert [c.id for c in result.targets.commitments] == ["syn-gdp", "syn-cpi"]
    assert result.files == ["targets.yaml", "parts/a.yaml", "parts/b.yaml"]


def test_a_problem_names_its_own_file_and_line(split):
    (split / "parts" / "b.yaml").write_text(CPI.replace("area: headline", "area: nowhere"))
    assert problems(split) == [
        'parts/b.yaml:5: syn-cpi: area: unknown area "nowhere": add it under areas, or use one '
        "of headline"
    ]


def test_an_id_used_in_two_files_is_a_problem_naming_the_first(split):
    (split / "parts" / "b.yaml").write_text(CPI.replace("id: syn-cpi", "id: syn-gdp"))
    result = load_targets(split / "targets.yaml")
    assert [str(p) for p in result.problems] == [
        "parts/b.yaml:2: syn-gdp: id: duplicate id (also at parts/a.yaml:2): give each record "
        "its own id"
    ]
    assert result.targets.commitments == ()
    assert (result.counts.commitments, result.counts.quotes) == (0, 0)


def test_ids_used_once_in_every_file_leave_every_record_counted(split):
    result = load_targets(split / "targets.yaml")
    assert (result.counts.commitments, result.counts.quotes) == (2, 2)


def test_a_missing_path_is_a_problem(split):
    with_include(split, "parts/a.yaml", "parts/c.yaml")
    assert problems(split) == [
        'targets.yaml:3: include[1]: "parts/c.yaml" is not a file next to targets.yaml: check '
        "the path, or remove it"
    ]


def test_a_pattern_matching_nothing_is_a_problem(split):
    with_include(split, "parts/*.yaml", "more/*.yaml")
    assert problems(split) == [
        'targets.yaml:3: include[1]: "more/*.yaml" matches no file next to targets.yaml: check '
        "the pattern, or remove it"
    ]


def test_a_file_included_twice_is_a_problem(split):
    with_include(split, "parts/*.yaml", "parts/b.yaml")
    result = load_targets(split / "targets.yaml")
    assert [str(p) for p in result.problems] == [
        'targets.yaml:3: include[1]: "parts/b.yaml" is already included by include[0]: include '
        "each file once"
    ]
    assert [c.id for c in result.targets.commitments] == ["syn-gdp", "syn-cpi"]


def test_a_top_file_including_itself_is_a_loop(split):
    with_include(split, "parts/*.yaml", "targets.yaml")
    assert problems(split) == [
        'targets.yaml:3: include[1]: "targets.yaml" includes targets.yaml itself: name only the '
        "other files"
    ]


def test_an_included_file_may_not_include(split):
    (split / "parts" / "b.yaml").write_text("include: [a.yaml]\n" + CPI)
    assert problems(split) == [
        "parts/b.yaml:1: include: only the top file (targets.yaml) may include other files: "
        "move this list there"
    ]


def test_a_required_section_may_be_in_any_file(split):
    text = TOP.replace("areas:\n  - id: headline\n", "")
    text = text.replace("    name: 主要预期目标\n    name_en: Headline targets\n", "")
    (split / "targets.yaml").write_text(text)
    (split / "parts" / "c.yaml").write_text(
        "areas:\n  - id: headline\n    name: 主要预期目标\n    name_en: Headline targets\n"
    )
    assert problems(split) == []


def test_without_include_a_single_file_reads_as_before(split):
    (split / "targets.yaml").write_text(TOP.replace("include:\n  - parts/*.yaml\n", "") + GDP)
    result = load_targets(split / "targets.yaml")
    assert [c.id for c in result.targets.commitments] == ["syn-gdp"]
    assert result.files == ["targets.yaml"]


# -- the caches -------------------------------------------------------------------------------


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Return the list of file names parsed by libyaml from now on."""
    parsed: list[str] = []
    real = file_cache.read_yaml_text

    def counting(text, name):
        parsed.append(name)
        return real(text, name)

    monkeypatch.setattr(file_cache, "read_yaml_text", counting)
    return parsed


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """Return the names of the files whose commitments are validated from now on, once per
    commitment validated."""
    checked: list[str] = []
    real = record_rules.commitment

    def counting(validator, item, at):
        checked.append(validator.name)
        return real(validator, item, at)

    monkeypatch.setattr(record_rules, "commitment", counting)
    return checked


def test_a_save_of_one_file_parses_and_checks_only_that_file(split, parses, checks):
    load_targets(split / "targets.yaml")
    assert parses == ["targets.yaml", "parts/a.yaml", "parts/b.yaml"]
    assert checks == ["parts/a.yaml", "parts/b.yaml"]
    parses.clear()
    checks.clear()
    (split / "parts" / "b.yaml").write_text(CPI.replace("Consumer prices", "Consumer price rise"))
    result = load_targets(split / "targets.yaml")
    assert parses == ["parts/b.yaml"]
    assert checks == ["parts/b.yaml"]
    assert [c.title_en for c in result.targets.commitments][1] == "Consumer price rise"


def test_a_restart_reads_unchanged_files_from_the_disk_cache(split, parses, checks):
    first = load_targets(split / "targets.yaml")
    fresh_memo()
    parses.clear()
    checks.clear()
    again = load_targets(split / "targets.yaml")
    assert (parses, checks) == ([], [])
    assert again.targets == first.targets
    assert again.problems == first.problems
    assert sorted(p.name for p in entries_of(split).glob("checked-*.json")) != []


def test_a_change_to_a_report_re_checks_the_records_that_name_it(split, checks):
    load_targets(split / "targets.yaml")
    checks.clear()
    text = TOP.replace("Synthetic District Work Report 2020", "Synthetic District Report 2020")
    (split / "targets.yaml").write_text(text, encoding="utf-8")
    load_targets(split / "targets.yaml")
    assert checks == ["parts/a.yaml", "parts/b.yaml"]


def test_a_new_area_named_by_no_record_re_checks_nothing(split, checks):
    load_targets(split / "targets.yaml")
    checks.clear()
    text = TOP + "  - id: other\n    name: 其他\n    name_en: Other\n"
    (split / "targets.yaml").write_text(text, encoding="utf-8")
    assert load_targets(split / "targets.yaml").problems == []
    assert checks == []


def test_a_record_naming_an_unknown_area_is_right_once_the_area_is_added(split, checks):
    (split / "parts" / "b.yaml").write_text(CPI.replace("area: headline", "area: other"))
    assert [p.code for p in load_targets(split / "targets.yaml").problems] == ["unknown-reference"]
    checks.clear()
    text = TOP + "  - id: other\n    name: 其他\n    name_en: Other\n"
    (split / "targets.yaml").write_text(text, encoding="utf-8")
    assert load_targets(split / "targets.yaml").problems == []
    assert checks == ["parts/b.yaml"]


def test_a_changed_report_text_re_checks_the_quotes_in_it(split, checks):
    load_targets(split / "targets.yaml")
    checks.clear()
    report = split / "seeds" / "report-2020.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("6.0%左右", "6.5%左右"))
    result = load_targets(split / "targets.yaml")
    assert checks == ["parts/a.yaml", "parts/b.yaml"]
    assert [(p.record, p.code) for p in result.problems] == [("syn-gdp", "quote-not-found")]


def test_a_corrupt_cache_file_is_ignored_and_rewritten(split, parses, checks):
    first = load_targets(split / "targets.yaml")
    for entry in entries_of(split).glob("*.json"):
        entry.write_text('{"version": ', encoding="utf-8")
    fresh_memo()
    parses.clear()
    checks.clear()
    result = load_targets(split / "targets.yaml")
    assert parses == ["targets.yaml", "parts/a.yaml", "parts/b.yaml"]
    assert checks == ["parts/a.yaml", "parts/b.yaml"]
    assert result.targets == first.targets
    for entry in entries_of(split).glob("*.json"):
        header = entry.read_bytes().split(b"\n")[1]  # after the seal; commitments may follow
        assert json.loads(header)["version"] == file_cache.code_version()


def test_a_cache_entry_whose_commitments_were_damaged_is_ignored(split, checks):
    first = load_targets(split / "targets.yaml")
    for entry in entries_of(split).glob("checked-*.json"):
        header, _, tail = entry.read_text(encoding="utf-8").partition("\n")
        entry.write_text(header + "\n" + tail.replace("syn-", "xyz-"), encoding="utf-8")
    fresh_memo()
    checks.clear()
    result = load_targets(split / "targets.yaml")
    assert checks == ["parts/a.yaml", "parts/b.yaml"]  # validated again, not read as damaged
    assert result.targets == first.targets


def test_a_cache_of_another_code_version_is_ignored(split, parses, checks, monkeypatch):
    load_targets(split / "targets.yaml")
    fresh_memo()
    parses.clear()
    checks.clear()
    monkeypatch.setattr(file_cache, "code_version", lambda: "another-version")
    load_targets(split / "targets.yaml")
    assert parses == ["targets.yaml", "parts/a.yaml", "parts/b.yaml"]
    assert checks == ["parts/a.yaml", "parts/b.yaml"]


def test_a_cache_entry_holding_another_files_data_is_never_trusted(split):
    first = load_targets(split / "targets.yaml")
    for kind in ("parsed", "declarations", "checked"):
        entries = sorted(entries_of(split).glob(f"{kind}-*.json"))
        for entry in entries[1:]:
            entry.write_bytes(entries[0].read_bytes())  # says another key: never trusted
    fresh_memo()
    result = load_targets(split / "targets.yaml")
    assert result.targets == first.targets
    assert result.problems == []


# -- a file that no longer parses ------------------------------------------------------------

BROKEN = CPI.replace("    year: 2020\n", "    year: 2020\n   area: [\n", 1)


def test_check_reports_a_syntax_error_and_leaves_the_files_records_out(split):
    load_targets(split / "targets.yaml")
    (split / "parts" / "b.yaml").write_text(BROKEN)
    result = load_targets(split / "targets.yaml")
    assert [p.code for p in result.problems] == ["yaml-syntax"]
    assert result.problems[0].file == "parts/b.yaml"
    assert [c.id for c in result.targets.commitments] == ["syn-gdp"]
    assert result.kept == []


def test_the_last_good_version_is_kept_when_asked_even_after_a_restart(split):
    load_targets(split / "targets.yaml")
    saved = (split / "parts" / "b.yaml").stat().st_mtime
    (split / "parts" / "b.yaml").write_text(BROKEN)
    for restarted in (False, True):
        if restarted:
            fresh_memo()
        result = load_targets(split / "targets.yaml", keep_last_good=True)
        assert [c.id for c in result.targets.commitments] == ["syn-gdp", "syn-cpi"]
        assert [(k.file, k.saved_at) for k in result.kept] == [("parts/b.yaml", saved)]
        assert [p.code for p in result.kept[0].problems] == ["yaml-syntax"]
        assert not result.ok


@pytest.fixture
def texts_read(monkeypatch) -> list[str]:
    """Return the list of report texts read (parsed) from now on, by file name."""
    from loaders.cache import memo, report_texts

    read: list[str] = []
    real = report_texts.read_report

    def counting(path, **options):
        read.append(path.name)
        return real(path, **options)

    monkeypatch.setattr(report_texts, "read_report", counting)  # a text changed just now
    monkeypatch.setattr(memo, "read_report", counting)  # a settled text, kept in the memo
    return read


def test_a_second_check_after_a_restart_reads_no_report_text(split, request):
    from loaders.cli.main import main

    def check() -> int:
        return main(["--targets", "targets.yaml", "check"], io.StringIO(), io.StringIO())

    assert check() == 0
    fresh_memo()
    read = request.getfixturevalue("texts_read")  # counting from here
    assert check() == 0
    assert read == []
    (split / "parts" / "b.yaml").write_text(CPI.replace("Consumer prices", "Consumer price rise"))
    assert check() == 0
    assert read == ["report-2020.txt"]  # b's quotes are checked again, in the report's text


def test_a_first_check_after_a_dashboard_load_reads_no_report_text(split, request):
    from loaders.cli.main import main

    load_targets(split / "targets.yaml", keep_last_good=True)  # as the dashboard loads
    fresh_memo()
    read = request.getfixturevalue("texts_read")  # counting from here
    assert main(["--targets", "targets.yaml", "check"], io.StringIO(), io.StringIO()) == 0
    assert read == []  # the structure warnings were worked out when the texts were read


def test_the_seeds_folder_named_another_way_shares_the_outcomes(split, checks):
    load_targets("targets.yaml", "seeds")
    fresh_memo()  # what carries over is the disk cache, as between two commands
    checks.clear()
    result = load_targets(split.resolve() / "targets.yaml", split.resolve() / "seeds")
    assert checks == []
    assert [c.id for c in result.targets.commitments] == ["syn-gdp", "syn-cpi"]


def test_rows_after_a_save_are_those_of_a_whole_build(split):
    from dashboard.data import frame_with_names, group_rows

    (split / "parts" / "b.yaml").write_text(CPI.replace("Consumer prices", "Prices"))
    as_of = dt.date(2026, 11, 30)
    before = group_rows(load_targets(split / "targets.yaml"), as_of, None)
    (split / "parts" / "b.yaml").write_text(CPI)
    after = load_targets(split / "targets.yaml")
    patched = group_rows(after, as_of, before)
    whole = group_rows(after, as_of, None)
    pd.testing.assert_frame_equal(patched.frame, whole.frame)
    assert list(patched.frame["title_en"]) == ["GDP growth", "Consumer prices"]
    assert patched.frame.iloc[0:1].equals(before.frame.iloc[0:1])  # a's row taken as it was
    names = frame_with_names(patched.frame, after)
    assert list(names["chapter"]) == ["", ""] and list(names["area_name"]) == ["主要预期目标"] * 2


def test_rows_after_renaming_an_area_in_another_file_show_the_new_name(split):
    from dashboard.data import frame_with_names, group_rows

    (split / "parts" / "b.yaml").unlink()
    as_of = dt.date(2026, 11, 30)
    before = group_rows(load_targets(split / "targets.yaml"), as_of, None)
    (split / "targets.yaml").write_text(TOP.replace("Headline targets", "Main targets"))
    after = load_targets(split / "targets.yaml")
    patched = group_rows(after, as_of, before)
    pd.testing.assert_frame_equal(patched.frame, group_rows(after, as_of, None).frame)
    assert list(frame_with_names(patched.frame, after)["area_name_en"]) == ["Main targets"]


def test_the_dashboard_rows_after_a_restart_read_no_report_text(split, request):
    from dashboard.data import commitment_frame

    first = commitment_frame(load_targets(split / "targets.yaml"), dt.date(2026, 11, 30))
    fresh_memo()
    read = request.getfixturevalue("texts_read")  # counting from here
    again = commitment_frame(load_targets(split / "targets.yaml"), dt.date(2026, 11, 30))
    assert read == []  # each quote's chapter was kept with its file's checked records
    pd.testing.assert_frame_equal(again, first)


@pytest.mark.parametrize("restarted", [False, True])
def test_the_counts_of_a_load_are_those_of_its_records(split, restarted):
    (split / "parts" / "c.yaml").write_text(
        CPI.replace("居民消费价格涨幅控制在", "居民消费价格涨幅控制在")
    )
    load_targets(split / "targets.yaml")
    if restarted:
        fresh_memo()  # the commitments then come from the disk, read only when used
    result = load_targets(split / "targets.yaml")
    counted = result.counts
    assert [p.code for p in result.problems] == ["duplicate-id"]
    assert result.known_counts is not None
    result.known_counts = None
    assert counted == result.counts
    assert (counted.commitments, counted.quotes) == (1, 1)


def test_a_restart_reads_no_unchanged_file_and_reads_a_changed_one(split, monkeypatch):
    files = [split / "targets.yaml", split / "parts" / "a.yaml", split / "parts" / "b.yaml"]
    for path in files:  # saved a minute ago: their stats can be trusted
        os.utime(path, ns=(time.time_ns() - 60 * 10**9,) * 2)
    load_targets(split / "targets.yaml")
    fresh_memo()
    read: list[str] = []
    real = file_cache.read_text_file

    def counting(path, name=None):
        read.append(str(name))
        return real(path, name)

    monkeypatch.setattr(file_cache, "read_text_file", counting)
    first = load_targets(split / "targets.yaml")
    assert read == []
    files[2].write_text(CPI.replace("Consumer prices", "Consumer price rise"))
    os.utime(files[2], ns=(time.time_ns() - 30 * 10**9,) * 2)
    fresh_memo()
    again = load_targets(split / "targets.yaml")
    assert read == ["parts/b.yaml"]
    assert [c.title_en for c in again.targets.commitments] == ["GDP growth", "Consumer price rise"]
    assert first.targets.commitments[0] == again.targets.commitments[0]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (TOP, ["parts/*.yaml"]),
        ("reports: []\ninclude: [a.yaml, 'b c.yaml']  # two\nareas: []\n", ["a.yaml", "b c.yaml"]),
        ("include: parts/a.yaml\r\nreports: []\r\n", "parts/a.yaml"),
        ("include:\n- a.yaml\n# a note\n\n- b.yaml\nreports: [\n", ["a.yaml", "b.yaml"]),
        ("reports:\n  - title_en: include: all\n", None),
        ("include:\n  - [a.yaml\nreports: []\n", inputs.UNREAD),
    ],
)
def test_the_include_block_is_read_alone(text, entries):
    assert inputs.include_entries(text) == entries


def test_the_key_names_the_included_files_by_content_without_parsing(split, parses):
    first = inputs.inputs_key(split / "targets.yaml")
    (split / "parts" / "c.yaml").write_text(CPI.replace("syn-cpi", "syn-cpi-2"))
    assert inputs.inputs_key(split / "targets.yaml") != first  # a new file the pattern matches
    (split / "parts" / "c.yaml").unlink()
    assert inputs.inputs_key(split / "targets.yaml") == first
    (split / "parts" / "a.yaml").write_text(GDP.replace("6.0", "6.5"))
    assert inputs.inputs_key(split / "targets.yaml") != first
    assert parses == []
