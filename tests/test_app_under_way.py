"""A milestone reported under way (done: false), in Streamlit's AppTest: counted, on the
scorecard, filtered by, and on its own page (the SYNTHETIC small fixture, its milestone under way)."""

from dashboard.escape import escape_markdown
from dashboard.i18n import status_rule


def table_rows(at, index: int = 0) -> list[dict]:
    return at.dataframe[index].value.to_dict("records")


def test_the_overview_counts_a_milestone_under_way_and_lists_it_on_the_scorecard(
    under_way_copy, open_page, tile_counts
):
    at = open_page(lang="en")
    assert tile_counts(at) == {
        "Commitments": 6,
        "met": 1,
        "met late": 1,
        "under way": 1,
        "missed": 1,
        "no published figure": 1,
        "not yet due": 1,
    }
    rows = table_rows(at)
    assert [r["Verdict"] for r in rows] == [
        "× missed",
        "▷ under way",
        "◑ met late",
        "✓ met",
        "△ not yet due",
        "○ no published figure",
    ]
    assert rows[1] == {
        "Commitment": "District library built",
        "Verdict": "▷ under way",
        "Target": "done (a milestone)",
        "Outcome": "under way (2020)",
        "Source": "Statistical Bulletin 2020",
        "ID": "syn-library",
    }
    assert not at.error


def test_the_status_filter_picks_the_milestones_under_way_from_the_url(
    under_way_copy, open_page, tile_counts
):
    at = open_page(lang="zh", status="under_way")
    assert tile_counts(at)["承诺总数"] == 1
    assert tile_counts(at)["推进中"] == 1
    assert [r["编号"] for r in table_rows(at)] == ["syn-library"]
    assert at.sidebar.multiselect[1].value == ["under_way"]
    assert at.query_params["status"] == "under_way"


def test_the_status_filter_widget_offers_under_way(under_way_copy, open_page):
    at = open_page(lang="en")
    at.sidebar.multiselect[1].set_value(["under_way"]).run()
    assert [r["ID"] for r in table_rows(at)] == ["syn-library"]
    assert at.query_params["status"] == "under_way"


def test_the_commitment_page_shows_the_status_its_rule_and_the_entry_under_way(
    under_way_copy, open_page
):
    at = open_page("commitment", lang="en", id="syn-library")
    [verdict] = [h.value for h in at.html if 'class="verdict ' in h.value]
    assert ">▷ under way</div>" in verdict
    assert ">District library built: under way in 2020, due 2020</div>" in verdict
    captions = [c.value for c in at.caption]
    assert escape_markdown(status_rule("under_way", "en", milestone=True)) in captions
    [progress] = at.dataframe
    assert [(r["For"], r["Figure"]) for r in progress.value.to_dict("records")] == [
        ("2020", "under way")
    ]
