"""The dashboard's last view, kept on disk: a restarted dashboard whose files are unchanged
shows it without loading, one whose files changed reads no commitment of a file unchanged
since, and neither ever shows a stale or foreign row."""

import datetime as dt
import shutil

import pandas as pd
import pytest

import dashboard.data
import loaders.load.targets
from dashboard import cache
from dashboard.data import build_data, load_cached
from dashboard.saved_state import SAVER, saved_view
from loaders import load_targets
from loaders.cache.memo import fresh_memo

AS_OF = dt.date(2026, 1, 1)


@pytest.fixture
def small_copy(small_dir, tmp_path):
    """Return a copy of the SYNTHETIC small targets file, with its seeds."""
    shutil.copytree(small_dir, tmp_path / "small")
    return tmp_path / "small" / "targets.yaml"


def restart():
    """Forget what this process built and loaded, as a restarted server would."""
    SAVER.wait()
    fresh_memo()
    cache.loaded.clear()
    cache.last_built.clear()


@pytest.fixture
def reads(monkeypatch):
    """Return the list of files whose commitments were read (made records) from here on."""
    read = []
    real = loaders.load.targets._valid_of

    def counted(outcome, left_out):
        read.append(outcome)
        return real(outcome, left_out)

    monkeypatch.setattr(loaders.load.targets, "_valid_of", counted)
    return read


@pytest.fixture
def loads(monkeypatch):
    """Return the list of the dashboard's loads (of targets files) from here on."""
    done = []
    real = dashboard.data.load_targets

    def counted(*args, **options):
        done.append(args[0])
        return real(*args, **options)

    monkeypatch.setattr(dashboard.data, "load_targets", counted)
    return done


def test_a_restarted_dashboard_shows_its_last_view_without_loading(small_copy, loads, reads):
    first = load_cached(small_copy, as_of=AS_OF)
    restart()
    loads.clear()
    reads.clear()
    again = load_cached(small_copy, as_of=AS_OF)
    assert loads == [] and reads == []
    pd.testing.assert_frame_equal(again.frame, first.frame)
    assert again.result.problems == first.result.problems
    assert again.result.counts == first.result.counts
    assert again.declared.reports == first.declared.reports
    assert again.report_choices() == first.report_choices()
    assert loads == []
    assert again.result.targets.commitments == first.result.targets.commitments  # loaded now
    assert len(loads) == 1
    assert again.coverage() == first.coverage()


def test_a_group_from_the_disk_cache_reads_its_commitments_when_first_asked(small_copy, reads):
    load_targets(small_copy)
    fresh_memo()
    (group,) = load_targets(small_copy).groups
    assert group.count == 6 and reads == []
    assert len(group.commitments) == 6 and len(reads) == 1
    assert group.chapters is not None and len(reads) == 1


def test_a_file_edited_since_the_last_view_is_loaded_and_its_rows_made_again(
    small_copy, loads, reads
):
    load_cached(small_copy, as_of=AS_OF)
    restart()
    loads.clear()
    reads.clear()
    text = small_copy.read_text(encoding="utf-8")
    small_copy.write_text(text.replace("title_en: New parks", "title_en: Green parks"), "utf-8")
    again = load_cached(small_copy, as_of=AS_OF)
    assert len(loads) == 1 and len(reads) == 1
    assert "Green parks" in list(again.frame["title_en"])
    whole = build_data(load_targets(small_copy), AS_OF)
    pd.testing.assert_frame_equal(again.frame, whole.frame)


def test_a_view_saved_for_another_day_is_not_read(small_copy):
    load_cached(small_copy, as_of=AS_OF)
    restart()
    assert saved_view(small_copy, AS_OF) is not None
    assert saved_view(small_copy, AS_OF + dt.timedelta(days=1)) is None


def test_a_view_not_sealed_by_this_users_key_is_not_read(small_copy, tmp_path, monkeypatch):
    load_cached(small_copy, as_of=AS_OF)
    restart()
    from loaders.cache import store

    other_key = tmp_path / "other-key"
    other_key.write_bytes(b"k" * 32)
    monkeypatch.setenv("TARGETS_CACHE_KEY", str(other_key))
    store.signing_key.cache_clear()
    try:
        assert saved_view(small_copy, AS_OF) is None
    finally:
        monkeypatch.delenv("TARGETS_CACHE_KEY")
        store.signing_key.cache_clear()
    assert saved_view(small_copy, AS_OF) is not None


def test_no_view_is_saved_with_the_cache_off(small_copy, monkeypatch):
    monkeypatch.setenv("TARGETS_CACHE_DIR", "off")
    load_cached(small_copy, as_of=AS_OF)
    restart()
    assert saved_view(small_copy, AS_OF) is None


def test_a_chart_drawn_once_is_read_back_under_the_same_key(small_copy):
    from dashboard.saved_state import kept_chart

    drawn = []

    def draw(rows, scope):
        drawn.append(scope)
        return {"chart of": scope}

    assert kept_chart(str(small_copy), "status k1", draw, None, "scope one") == {
        "chart of": "scope one"
    }
    restart()
    assert kept_chart(str(small_copy), "status k1", draw, None, "scope one") == {
        "chart of": "scope one"
    }
    assert drawn == ["scope one"]  # read back, not drawn again
    assert kept_chart(str(small_copy), "status k2", draw, None, "scope two") == {
        "chart of": "scope two"
    }
    assert drawn == ["scope one", "scope two"]
    assert kept_chart("", "status k1", draw, None, "scope one") == {"chart of": "scope one"}
    assert len(drawn) == 3  # no file, nothing saved or read


def test_a_restarted_dashboards_coverage_of_unchanged_files_loads_nothing(small_copy, loads):
    first = load_cached(small_copy, as_of=AS_OF)
    items = first.coverage()
    restart()
    cache.last_coverage.clear()
    cache.coverage.clear()
    loads.clear()
    again = load_cached(small_copy, as_of=AS_OF)
    assert again.coverage() == items
    assert loads == []  # neither the file nor any report text was read


def test_a_save_waits_for_the_run_that_handed_it_over_unless_someone_waits(small_copy):
    import time

    from dashboard.saved_state import Saver, saved_value

    saver = Saver(delay=30)
    saver.save(str(small_copy), "note", {"saved": 1})
    time.sleep(0.2)
    assert saved_value(small_copy, "note") is None  # not yet: the delay runs
    saver.save(str(small_copy), "note", {"saved": 2})  # replaces the one waiting
    started = time.perf_counter()
    saver.wait()
    assert time.perf_counter() - started < 10
    assert saved_value(small_copy, "note") == {"saved": 2}
