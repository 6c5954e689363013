"""The rows the dashboard built, kept on disk: a restarted dashboard reads no commitment of a
file unchanged since, and never shows a stale or foreign row."""

import datetime as dt
import shutil

import pandas as pd
import pytest

import loaders.load.targets
from dashboard import cache
from dashboard.data import build_data
from dashboard.saved_state import SAVER, saved_rows
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


def test_a_restarted_dashboard_takes_its_rows_from_the_disk(small_copy, reads):
    first = build_data(load_targets(small_copy), AS_OF, str(small_copy), key="before")
    restart()
    reads.clear()
    again = build_data(load_targets(small_copy), AS_OF, str(small_copy), key="after")
    assert reads == []  # no commitment made a record
    pd.testing.assert_frame_equal(again.frame, first.frame)


def test_a_group_from_the_disk_cache_reads_its_commitments_when_first_asked(small_copy, reads):
    load_targets(small_copy)
    fresh_memo()
    (group,) = load_targets(small_copy).groups
    assert group.count == 6 and reads == []
    assert len(group.commitments) == 6 and len(reads) == 1
    assert group.chapters is not None and len(reads) == 1


def test_saved_rows_of_a_file_edited_since_are_made_again(small_copy, reads):
    build_data(load_targets(small_copy), AS_OF, str(small_copy), key="before")
    restart()
    reads.clear()
    text = small_copy.read_text(encoding="utf-8")
    small_copy.write_text(text.replace("title_en: New parks", "title_en: Green parks"), "utf-8")
    result = load_targets(small_copy)
    again = build_data(result, AS_OF, str(small_copy), key="after")
    assert len(reads) == 1
    assert "Green parks" in list(again.frame["title_en"])
    whole = build_data(load_targets(small_copy), AS_OF)
    pd.testing.assert_frame_equal(again.frame, whole.frame)


def test_rows_saved_for_another_day_are_not_read(small_copy, reads):
    build_data(load_targets(small_copy), AS_OF, str(small_copy), key="before")
    restart()
    assert saved_rows(small_copy, AS_OF) is not None
    assert saved_rows(small_copy, AS_OF + dt.timedelta(days=1)) is None


def test_rows_not_sealed_by_this_users_key_are_not_read(small_copy, tmp_path, monkeypatch):
    build_data(load_targets(small_copy), AS_OF, str(small_copy), key="before")
    restart()
    from loaders.cache import store

    other_key = tmp_path / "other-key"
    other_key.write_bytes(b"k" * 32)
    monkeypatch.setenv("TARGETS_CACHE_KEY", str(other_key))
    store.signing_key.cache_clear()
    try:
        assert saved_rows(small_copy, AS_OF) is None
    finally:
        monkeypatch.delenv("TARGETS_CACHE_KEY")
        store.signing_key.cache_clear()
    assert saved_rows(small_copy, AS_OF) is not None


def test_no_rows_are_saved_with_the_cache_off(small_copy, monkeypatch):
    monkeypatch.setenv("TARGETS_CACHE_DIR", "off")
    build_data(load_targets(small_copy), AS_OF, str(small_copy), key="before")
    restart()
    assert saved_rows(small_copy, AS_OF) is None
