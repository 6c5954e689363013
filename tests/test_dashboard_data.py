"""The dashboard's cache: reused while files are unchanged, reloaded after an edit."""

import datetime as dt
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

import dashboard.data
from dashboard.data import load_cached

SMALL_SEEDS = Path(__file__).resolve().parent / "fixtures" / "small" / "seeds"

VIEWERS = 8


def copy_fixture(small_dir, tmp_path):
    shutil.copytree(small_dir, tmp_path / "small")
    return tmp_path / "small" / "targets.yaml"


def test_unchanged_files_reuse_the_loaded_data(small_dir, tmp_path, as_of):
    path = copy_fixture(small_dir, tmp_path)
    first = load_cached(path, as_of=as_of)
    assert load_cached(path, as_of=as_of) is first
    assert list(first.frame["id"])[:2] == ["syn-gdp", "syn-cpi"]


def test_an_edit_to_targets_yaml_shows_on_the_next_load(small_dir, tmp_path, as_of):
    path = copy_fixture(small_dir, tmp_path)
    first = load_cached(path, as_of=as_of)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title_en: New parks", "title_en: New green parks"
        ),
        encoding="utf-8",
    )
    second = load_cached(path, as_of=as_of)
    assert second is not first
    assert "New green parks" in list(second.frame["title_en"])


def test_viewers_missing_the_cache_together_after_a_save_cause_one_load(
    small_dir, tmp_path, as_of, monkeypatch
):
    path = copy_fixture(small_dir, tmp_path)
    load_cached(path, as_of=as_of)
    path.write_text(
        path.read_text(encoding="utf-8").replace("title_en: New parks", "title_en: Saved parks"),
        encoding="utf-8",
    )
    loads = []
    real_load = dashboard.data.load_targets

    def slow_counted_load(*args, **options):
        loads.append(args)
        time.sleep(0.3)  # long enough for every viewer to miss the cache meanwhile
        return real_load(*args, **options)

    monkeypatch.setattr(dashboard.data, "load_targets", slow_counted_load)
    together = threading.Barrier(VIEWERS)

    def view():
        together.wait()
        return load_cached(path, as_of=as_of)

    with ThreadPoolExecutor(VIEWERS) as pool:
        seen = [future.result() for future in [pool.submit(view) for _ in range(VIEWERS)]]
    assert len(loads) == 1
    assert all(data is seen[0] for data in seen)
    assert "Saved parks" in list(seen[0].frame["title_en"])


def test_derived_tables_are_built_once_per_language(small_dir, tmp_path, as_of):
    data = load_cached(copy_fixture(small_dir, tmp_path), as_of=as_of)
    assert data.table("en") is data.table("en")
    assert list(data.table("zh").columns)[0] == "承诺"
    assert data.coverage() is data.coverage()


def test_a_changed_report_is_read_again(small_dir, tmp_path, as_of):
    path = copy_fixture(small_dir, tmp_path)
    load_cached(path, as_of=as_of)
    report = path.parent / "seeds" / "report-2020.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("5000个", "6000个"), "utf-8")
    result = load_cached(path, as_of=as_of).result
    assert [p.record for p in result.problems] == ["syn-places"]
    assert "syn-places" not in list(load_cached(path, as_of=as_of).frame["id"])


def test_a_missing_file_gives_problems_and_an_empty_frame(tmp_path, as_of):
    data = load_cached(tmp_path / "nothing.yaml", as_of=as_of)
    assert data.result.unreadable
    assert data.frame.empty


# SYNTHETIC: the small fixture's report, its two commitments in two included files
SPLIT_TOP = """\
include: [parts/*.yaml]
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
SPLIT_PART = """\
commitments:
  - id: {id}
    report: syn-2020
    year: 2020
    area: headline
    title: {title}
    title_en: {title_en}
    target: {{op: "{op}", value: {value}, unit: "%"}}
    quote: {quote}
"""


#: SYNTHETIC: the two commitments of SPLIT_PART, one per included file
GDP = dict(id="syn-gdp", title="地区生产总值增长", title_en="GDP growth", op="~", value=6.0)
GDP["quote"] = "地区生产总值增长6.0%左右"
CPI = dict(id="syn-cpi", title="居民消费价格涨幅", title_en="Prices", op="<=", value=3.0)
CPI["quote"] = "居民消费价格涨幅控制在 3.0%以内"


def split_record(folder: Path, *parts: dict) -> Path:
    """Return the top file of a split record in folder: SPLIT_TOP, seeds/, and parts/a.yaml,
    parts/b.yaml … holding one commitment each."""
    shutil.copytree(SMALL_SEEDS, folder / "seeds")
    (folder / "parts").mkdir()
    (folder / "targets.yaml").write_text(SPLIT_TOP, encoding="utf-8")
    for name, part in zip("abcdefgh", parts, strict=False):
        (folder / "parts" / f"{name}.yaml").write_text(SPLIT_PART.format(**part), encoding="utf-8")
    return folder / "targets.yaml"


def test_rows_after_a_save_are_those_of_a_whole_build(tmp_path, monkeypatch):
    from dashboard.data import frame_with_names, group_rows
    from loaders.validate import load_targets

    monkeypatch.chdir(tmp_path)
    top = split_record(tmp_path, GDP, CPI)
    as_of = dt.date(2026, 11, 30)
    before = group_rows(load_targets(top), as_of, None)
    cpi = {**CPI, "title_en": "Consumer prices"}
    (tmp_path / "parts" / "b.yaml").write_text(SPLIT_PART.format(**cpi), encoding="utf-8")
    after = load_targets(top)
    patched = group_rows(after, as_of, before)
    whole = group_rows(after, as_of, None)
    pd.testing.assert_frame_equal(patched.frame, whole.frame)
    assert list(patched.frame["title_en"]) == ["GDP growth", "Consumer prices"]
    assert patched.frame.iloc[0:1].equals(before.frame.iloc[0:1])  # a's row taken as it was
    names = frame_with_names(patched.frame, after)
    assert list(names["chapter"]) == ["", ""] and list(names["area_name"]) == ["主要预期目标"] * 2


def test_rows_after_renaming_an_area_in_another_file_show_the_new_name(tmp_path, monkeypatch):
    from dashboard.data import frame_with_names, group_rows
    from loaders.validate import load_targets

    monkeypatch.chdir(tmp_path)
    top = split_record(tmp_path, GDP)
    as_of = dt.date(2026, 11, 30)
    before = group_rows(load_targets(top), as_of, None)
    top.write_text(SPLIT_TOP.replace("Headline targets", "Main targets"), encoding="utf-8")
    after = load_targets(top)
    patched = group_rows(after, as_of, before)
    pd.testing.assert_frame_equal(patched.frame, group_rows(after, as_of, None).frame)
    assert list(frame_with_names(patched.frame, after)["area_name_en"]) == ["Main targets"]
