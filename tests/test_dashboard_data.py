"""The dashboard's cache: reused while files are unchanged, reloaded after an edit."""

import datetime as dt
import shutil

from dashboard.data import load_cached
from tests.small_fixture import SMALL

AS_OF = dt.date(2026, 1, 1)


def copy_fixture(tmp_path):
    shutil.copytree(SMALL, tmp_path / "small")
    return tmp_path / "small" / "targets.yaml"


def test_unchanged_files_reuse_the_loaded_data(tmp_path):
    path = copy_fixture(tmp_path)
    first = load_cached(path, as_of=AS_OF)
    assert load_cached(path, as_of=AS_OF) is first
    assert list(first.frame["id"])[:2] == ["syn-gdp", "syn-cpi"]


def test_an_edit_to_targets_yaml_shows_on_the_next_load(tmp_path):
    path = copy_fixture(tmp_path)
    first = load_cached(path, as_of=AS_OF)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title_en: New parks", "title_en: New green parks"
        ),
        encoding="utf-8",
    )
    second = load_cached(path, as_of=AS_OF)
    assert second is not first
    assert "New green parks" in list(second.frame["title_en"])


def test_a_changed_report_is_read_again(tmp_path):
    path = copy_fixture(tmp_path)
    load_cached(path, as_of=AS_OF)
    report = path.parent / "seeds" / "report-2020.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("5000个", "6000个"), "utf-8")
    result = load_cached(path, as_of=AS_OF).result
    assert [p.record for p in result.problems] == ["syn-places"]
    assert "syn-places" not in list(load_cached(path, as_of=AS_OF).frame["id"])


def test_a_missing_file_gives_problems_and_an_empty_frame(tmp_path):
    data = load_cached(tmp_path / "nothing.yaml", as_of=AS_OF)
    assert data.result.unreadable
    assert data.frame.empty
