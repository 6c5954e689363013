"""Charts cached by what they show: the columns they read and their scope, not the data's key."""

import dataclasses
import shutil
from dataclasses import replace

import pandas as pd
import pytest
import streamlit as st

from dashboard.chart_keys import (
    CHART_COLUMNS,
    SCOPE_FIELDS,
    chart_rows,
    frame_digest,
    scope_digest,
)
from dashboard.data import load_cached
from dashboard.filters import Filters, apply_filters
from dashboard.layout import PageContext
from dashboard.scope import ChartScope


def test_the_same_content_gives_the_same_digest():
    frame = pd.DataFrame({"id": ["a", "b"], "target": [1.0, 2.0]})
    assert frame_digest(frame) == frame_digest(frame.copy())


def test_a_changed_value_a_changed_order_or_other_rows_give_another_digest():
    frame = pd.DataFrame({"id": ["a", "b"], "target": [1.0, 2.0]})
    digests = {
        frame_digest(frame),
        frame_digest(frame.assign(target=[1.0, 2.5])),
        frame_digest(frame.iloc[::-1]),
        frame_digest(frame.iloc[:1]),
        frame_digest(frame.iloc[0:0]),
        frame_digest(frame.rename(columns={"target": "value"})),
    }
    assert len(digests) == 6


def test_a_changed_outcome_or_source_list_gives_another_digest():
    frame = pd.DataFrame(
        {"latest_value": [4.7, None, True], "outcome_sources": [("a",), (), ("a", "b")]}
    )
    digests = {
        frame_digest(frame),
        frame_digest(frame.assign(latest_value=[4.8, None, True])),
        frame_digest(frame.assign(latest_value=[4.7, 1.0, True])),
        frame_digest(frame.assign(outcome_sources=[("a",), ("b",), ("a", "b")])),
    }
    assert len(digests) == 4


def test_a_scope_digest_changes_with_width_and_with_the_reports():
    scope = ChartScope(lang="zh", as_of="2026-01-01", place="合成示例区", years=(2020,))
    wide = scope_digest(scope, "reports-1")
    assert scope_digest(scope, "reports-1") == wide
    narrow = ChartScope(lang="zh", as_of="2026-01-01", place="合成示例区", years=(2020,), width=360)
    assert scope_digest(narrow, "reports-1") != wide
    assert scope_digest(scope, "reports-2") != wide


def test_a_scope_digest_changes_with_every_field_a_scope_is_compared_by():
    scope = ChartScope(lang="zh", as_of="2026-01-01")
    changed = {
        "lang": "en",
        "as_of": "2026-01-02",
        "place": "合成示例区",
        "years": (2020,),
        "areas": ("economy",),
        "width": 360,
        "place_slug": "x",
        "headline": "x",
        "record": "x",
        "filter_slug": "x",
        "statuses": ("met",),
        "checked": "2026-01-03",
        "place_count": 2,
    }
    compared = {f.name for f in dataclasses.fields(ChartScope) if f.compare}
    assert set(changed) == compared == set(SCOPE_FIELDS)
    digests = {
        scope_digest(replace(scope, **{name: value}), "r") for name, value in changed.items()
    }
    assert len(digests | {scope_digest(scope, "r")}) == len(changed) + 1


def test_chart_rows_hold_only_the_columns_charts_read_in_that_language(small_frame):
    assert list(chart_rows(small_frame, "zh").columns) == list(CHART_COLUMNS["zh"])
    assert "title_en" not in CHART_COLUMNS["zh"] and "title" not in CHART_COLUMNS["en"]
    assert "quote" not in CHART_COLUMNS["zh"] and "search_text" not in CHART_COLUMNS["en"]


@pytest.fixture
def saved_record(small_dir, tmp_path):
    st.cache_resource.clear()  # charts of the same content made by other tests would be reused
    shutil.copytree(small_dir, tmp_path / "small")
    path = tmp_path / "small" / "targets.yaml"

    def save(old: str, new: str) -> None:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    return path, save


def made_charts(path, as_of, lang: str, made: list) -> object:
    """Return the chart a page shows after loading path, noting each time it is made."""
    data = load_cached(path, as_of=as_of)
    filters = Filters(lang=lang)
    page = PageContext(data, filters, apply_filters(data.frame, filters))
    scope = page.scope(780)

    def build(rows, scope):
        made.append(lang)
        return ("chart", len(rows), tuple(rows.columns))

    return page.chart("counting", build, scope)


def test_a_save_that_changes_what_a_chart_shows_makes_it_again(saved_record, as_of):
    path, save = saved_record
    made: list = []
    first = made_charts(path, as_of, "zh", made)
    assert made_charts(path, as_of, "zh", made) is first and made == ["zh"]
    save('target: {op: ">=", value: 4, unit: 个}', 'target: {op: ">=", value: 5, unit: 个}')
    made_charts(path, as_of, "zh", made)
    assert made == ["zh", "zh"]


def test_a_save_of_the_other_language_title_reuses_the_chart(saved_record, as_of):
    path, save = saved_record
    made: list = []
    zh = made_charts(path, as_of, "zh", made)
    made_charts(path, as_of, "en", made)
    save("title_en: New parks", "title_en: New green parks")
    assert made_charts(path, as_of, "zh", made) is zh  # the English title is not on it
    made_charts(path, as_of, "en", made)
    assert made == ["zh", "en", "en"]
