"""The bundled targets.yaml: what it records, pinned, so a change to the record is deliberate."""

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from loaders.load.targets import load_targets
from loaders.record.status import commitment_status
from loaders.texts.quotes import find_quote

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def loaded():
    return load_targets(ROOT / "targets.yaml")


def test_the_bundled_file_is_valid_with_every_quote_verified(loaded):
    assert [str(p) for p in loaded.problems] == []


def test_the_2022_plan_holds_49_commitments_39_figures_and_10_milestones(loaded):
    of_2022 = [c for c in loaded.targets.commitments if c.report == "qc-2022"]
    assert len(of_2022) == 49
    assert Counter(c.target.op for c in of_2022) == {">=": 35, "<=": 3, "~": 1, "done": 10}
    assert {c.year for c in of_2022} == {2022}
    assert Counter(c.area for c in of_2022)["headline"] == 8


def test_the_2024_excerpt_holds_two_commitments_linked_to_2022(loaded):
    by_metric = {}
    for c in loaded.targets.commitments:
        by_metric.setdefault(c.metric, []).append((c.year, c.target.value))
    assert sorted(by_metric["technical-upgrade-projects"]) == [(2022, 30), (2024, 55)]
    assert sorted(by_metric["urban-rural-reform-tasks"]) == [(2022, 7), (2024, 7)]


def test_every_commitment_quote_is_in_its_reports_plan_and_every_baseline_in_the_review(loaded):
    documents = loaded.documents
    for c in loaded.targets.commitments:
        document = documents[c.report]
        match = find_quote(document, c.quote)
        assert document.paragraph(match.paragraph).part == "plan", c.id
        if c.baseline is not None:
            match = find_quote(documents[c.baseline.source], c.baseline.quote)
            assert documents[c.baseline.source].paragraph(match.paragraph).part == "review", c.id


def test_the_published_outcomes_are_those_of_the_evidence(loaded):
    progress = {
        c.id: [(p.period_year, p.value if not p.done else "done", p.source) for p in c.progress]
        for c in loaded.targets.commitments
        if c.progress
    }
    assert progress == {
        "gdp-growth-2022": [(2022, 1.1, "qc-stats-2022"), (2022, 1.1, "qc-news-2023-05-06")],
        "consumer-prices-2022": [(2022, 1.6, "qc-stats-2022")],
        "four-venues-one-centre-2022": [(2023, "done", "qc-2024")],
    }


def test_statuses_today(loaded):
    as_of = dt.date(2026, 11, 23)
    statuses = Counter(commitment_status(c, as_of).status for c in loaded.targets.commitments)
    assert statuses == {"met": 1, "met_late": 1, "missed": 1, "no_figure": 48}


def test_every_exclusion_gives_a_reason(loaded):
    exclusions = loaded.targets.exclusions
    assert Counter(e.report for e in exclusions) == {"qc-2022": 12, "qc-2024": 2}
    assert all(len(e.reason) > 20 for e in exclusions)


def test_a_report_url_that_is_no_web_address_is_a_warning(tmp_path):
    from loaders.load.targets import load_targets_text

    text = """
reports:
  - {id: r, title: SYNTHETIC, title_en: SYNTHETIC, date: 2024, publisher: p, url: "javascript:alert(1)"}
  - {id: s, title: SYNTHETIC, title_en: SYNTHETIC, date: 2024, publisher: p, url: "https://www.gov.example/a"}
areas: []
commitments: []
"""
    result = load_targets_text(text, tmp_path)
    assert [(p.record, p.code, p.message) for p in result.warnings] == [
        (
            "r",
            "not-a-web-address",
            '"javascript:alert(1)" is not an http(s) address with a host: the dashboard links '
            "only those; give the page's address as a browser shows it (https://…)",
        )
    ]
    assert [r.id for r in result.targets.reports] == ["r", "s"]
