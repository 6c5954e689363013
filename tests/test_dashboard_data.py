"""The dashboard's cache: reused while files are unchanged, reloaded after an edit."""

import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import dashboard.data
from dashboard.data import load_cached
from loaders import inputs_key
from loaders.cache import file_cache

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


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Return the names of the files parsed by libyaml from now on; each parse is slowed so
    that viewers arriving together all miss the cache while it runs."""
    parsed: list[str] = []
    real = file_cache.read_yaml_text

    def slow_counted(text, name):
        parsed.append(name)
        time.sleep(0.3)
        return real(text, name)

    monkeypatch.setattr(file_cache, "read_yaml_text", slow_counted)
    return parsed


def split_fixture(small_dir, tmp_path):
    """Return the small fixture with its commitments moved to an included file, parts/c.yaml."""
    path = copy_fixture(small_dir, tmp_path)
    text = path.read_text(encoding="utf-8")
    at = text.index("commitments:")
    (path.parent / "parts").mkdir()
    (path.parent / "parts" / "c.yaml").write_text(text[at:], encoding="utf-8")
    path.write_text("include:\n  - parts/*.yaml\n" + text[:at], encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", ["one file", "included"])
def test_viewers_arriving_together_after_a_save_cause_one_parse(
    small_dir, tmp_path, as_of, parses, layout
):
    make = copy_fixture if layout == "one file" else split_fixture
    path = make(small_dir, tmp_path)
    saved = path if layout == "one file" else path.parent / "parts" / "c.yaml"
    load_cached(path, as_of=as_of)
    saved.write_text(
        saved.read_text(encoding="utf-8").replace("title_en: New parks", "title_en: Saved parks"),
        encoding="utf-8",
    )
    parses.clear()
    together = threading.Barrier(VIEWERS)

    def view():
        together.wait()
        return load_cached(path, as_of=as_of)

    with ThreadPoolExecutor(VIEWERS) as pool:
        seen = [future.result() for future in [pool.submit(view) for _ in range(VIEWERS)]]
    assert len(parses) == 1
    assert all(data is seen[0] for data in seen)
    assert "Saved parks" in list(seen[0].frame["title_en"])


def test_the_key_of_unchanged_files_parses_nothing(small_dir, tmp_path, as_of, parses):
    path = split_fixture(small_dir, tmp_path)
    first = inputs_key(path)
    assert inputs_key(path) == first
    assert parses == []


@pytest.mark.parametrize("where", ["after the include list", "in the include list"])
def test_an_included_file_edited_while_the_top_file_is_broken_shows(
    small_dir, tmp_path, as_of, where
):
    path = split_fixture(small_dir, tmp_path)
    load_cached(path, as_of=as_of)
    text = path.read_text(encoding="utf-8")
    if where == "after the include list":
        broken = text.replace("areas:\n", "areas:\n  - id: [\n", 1)
    else:
        broken = text.replace("  - parts/*.yaml\n", "  - [parts/*.yaml\n", 1)
    path.write_text(broken, encoding="utf-8")
    before = inputs_key(path)
    shown = load_cached(path, as_of=as_of)
    assert [k.file for k in shown.result.kept] != []
    part = path.parent / "parts" / "c.yaml"
    part.write_text(
        part.read_text(encoding="utf-8").replace("title_en: New parks", "title_en: Edited parks"),
        encoding="utf-8",
    )
    assert inputs_key(path) != before
    assert "Edited parks" in list(load_cached(path, as_of=as_of).frame["title_en"])


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
