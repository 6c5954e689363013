"""Every page over SYNTHETIC records that once broke it: every commitment a draft, two places,
no outcome at all (tests/fixtures/places/)."""

import datetime as dt
from pathlib import Path

import pytest

AS_OF = dt.date(2026, 1, 1)
PLACES = Path(__file__).resolve().parent / "fixtures" / "places"
PAGES = ("overview", "commitments", "commitment", "coverage", "about")
RECORDS = ("drafts.yaml", "targets.yaml", "no-outcomes.yaml")


def shown_text(at) -> str:
    """Return every title, caption, markdown and info text a run shows, joined."""
    parts = [
        e.value
        for kind in ("title", "subheader", "caption", "markdown", "info", "error")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ("zh", "en"))
def test_every_page_opens_on_the_synthetic_place_records(
    open_page, monkeypatch, record, page, lang
):
    monkeypatch.setenv("TARGETS_FILE", str(PLACES / record))
    at = open_page(page, lang=lang)
    text = shown_text(at)
    assert "This page failed" not in text
    assert "problem(s)" not in text and "个问题" not in text  # the record itself is valid


@pytest.mark.parametrize("report", ("syn-a-2024", "syn-b-2025", "2024"))
def test_a_report_of_drafts_only_opens(open_page, monkeypatch, report):
    monkeypatch.setenv("TARGETS_FILE", str(PLACES / "drafts.yaml"))
    at = open_page(None, lang="en", report=report)
    assert "This page failed" not in shown_text(at)


def test_the_rates_chart_of_drafts_only_is_built_empty(monkeypatch):
    from dashboard.charts import rates_figure, without_drafts
    from dashboard.data import build_data
    from dashboard.scope import chart_scope
    from loaders.load.targets import load_targets

    data = build_data(load_targets(PLACES / "drafts.yaml"), AS_OF)
    reviewed = without_drafts(data.frame)
    assert reviewed.empty and not data.frame.empty
    scope = chart_scope(data.result.targets, reviewed, "en", "2026-01-01")
    figure = rates_figure(reviewed, scope)
    assert figure.layout.title.text


def test_the_place_filter_comes_from_the_url_and_goes_back(open_page, monkeypatch):
    monkeypatch.setenv("TARGETS_FILE", str(PLACES / "targets.yaml"))
    at = open_page(None, lang="en", place="乙县")
    assert at.sidebar.multiselect[0].value == ["乙县"]
    assert at.query_params["place"] == ["乙县"] or at.query_params["place"] == "乙县"
    ids = list(at.dataframe[0].value["ID"])
    assert sorted(ids) == ["b-gdp-growth-2024", "b-gdp-growth-2025", "b-school-places-2024"]


def test_the_commitment_page_keeps_other_places_apart(open_page, monkeypatch):
    monkeypatch.setenv("TARGETS_FILE", str(PLACES / "targets.yaml"))
    at = open_page("commitment", lang="en", id="a-gdp-growth-2024")
    labels = [b.label for b in at.button]
    same = [label for label in labels if "GDP growth ·" in label]
    assert same[0].startswith("2025 · GDP growth")  # the same place's other year
    assert same[1].startswith("Yi County · GDP growth")  # another place, the same year
    assert "Compare places" in [s.value for s in at.subheader]
