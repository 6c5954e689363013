"""The dashboard and drafts: a "draft" badge, drafts left out of the status counts, and each
commitment's chapter read from its own report."""

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.charts import area_labels, status_by_area_figure, status_counts, without_drafts
from dashboard.data import build_data
from dashboard.scope import chart_scope
from dashboard.tables import display_table
from loaders.cli.draft import write_drafts
from loaders.drafting.draft import draft_report
from loaders.load.targets import load_targets

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
AS_OF = dt.date(2026, 1, 1)


@pytest.fixture
def with_drafts(draft_files):
    """Return the SYNTHETIC fixture's targets file with the 2023 report's six drafts written."""
    targets_file = draft_files()
    loaded = load_targets(targets_file)
    result = draft_report(loaded.targets, "syn-2023", loaded.documents["syn-2023"])
    text = write_drafts(targets_file.read_text(encoding="utf-8"), result)
    targets_file.write_text(text, encoding="utf-8")
    return targets_file


def test_drafts_are_left_out_of_the_status_counts(with_drafts):
    frame = build_data(load_targets(with_drafts), AS_OF).frame
    assert list(frame["draft"]) == [False] * 3 + [True] * 6
    assert status_counts(frame) == {
        "met": 0,
        "met_late": 0,
        "under_way": 0,
        "missed": 0,
        "no_figure": 3,
        "not_yet_due": 0,
    }
    assert list(without_drafts(frame)["id"]) == [
        "gdp-growth-2022",
        "school-places-2022",
        "greenways-2022",
    ]


def test_the_table_marks_drafts_in_the_status_column(with_drafts):
    frame = build_data(load_targets(with_drafts), AS_OF).frame
    english = display_table(frame, "en")
    assert list(english["Status"])[2:4] == ["no published figure", "draft · no published figure"]
    assert list(display_table(frame, "zh")["状态"])[3] == "草稿 · 未公布数据"


def test_a_commitments_chapter_is_read_from_its_own_report(with_drafts):
    frame = build_data(load_targets(with_drafts), AS_OF).frame.set_index("id")
    assert frame.loc["school-places-2022", "chapter"] == "（一）"
    assert frame.loc["gdp-growth-2023", "chapter"] == ""  # the headline paragraph
    assert frame.loc["syn-2023-06", "chapter"] == "（二）"  # its area declares no chapter


def test_the_bundled_2024_commitments_show_the_2024_chapter_numbers():
    frame = build_data(load_targets(ROOT / "targets.yaml"), AS_OF).frame.set_index("id")
    assert frame.loc["technical-upgrade-projects-2022", "chapter"] == "（三）"
    assert frame.loc["technical-upgrade-projects-2024", "chapter"] == "（二）"  # not 2022's （三）
    assert frame.loc["urban-rural-reform-tasks-2024", "chapter"] == "（五）"  # not 2022's （四）


def test_an_area_numbered_differently_by_two_reports_is_labelled_without_a_number():
    frame = build_data(load_targets(ROOT / "targets.yaml"), AS_OF).frame
    labels = dict(zip(frame["id"], area_labels(frame, "zh"), strict=True))
    assert labels["school-places-2022"] == "（六）做好民生工作，扎实推进实现共同富裕"
    assert labels["technical-upgrade-projects-2022"] == "推动产业强区，加快构建现代化产业体系"
    only_2022 = frame[frame["report"] == "qc-2022"]
    labels = dict(zip(only_2022["id"], area_labels(only_2022, "zh"), strict=True))
    assert labels["technical-upgrade-projects-2022"] == "（三）推动产业强区，加快构建现代化产业体系"
    result = load_targets(ROOT / "targets.yaml")
    scope = chart_scope(result.targets, frame, "zh", "2026-01-01", (), 780)
    rows = [a.text for a in status_by_area_figure(frame, scope).layout.annotations]
    assert any(row.startswith("<b>推动产业强区，加快构建现代化产业体系</b>") for row in rows)


def run_page(page: str | None, targets_file: Path, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("TARGETS_FILE", str(targets_file))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_overview_counts_only_reviewed_commitments_and_says_so(
    with_drafts, monkeypatch, tile_counts
):
    at = run_page(None, with_drafts, monkeypatch, lang="en")
    assert tile_counts(at)["Commitments"] == 3
    captions = [c.value for c in at.caption]
    assert "6 draft(s) to review are left out of these counts and charts." in captions
    assert at.warning[0].value.startswith("7 warning(s) in targets.yaml")
    assert not at.error


def test_a_draft_commitment_has_a_draft_badge(with_drafts, monkeypatch):
    at = run_page("views/commitment.py", with_drafts, monkeypatch, lang="en", id="syn-2023-04")
    text = "\n".join(m.value for m in at.markdown)
    assert ":orange-badge[draft]" in text
    reviewed = run_page(
        "views/commitment.py", with_drafts, monkeypatch, lang="en", id="greenways-2022"
    )
    assert ":orange-badge[draft]" not in "\n".join(m.value for m in reviewed.markdown)
