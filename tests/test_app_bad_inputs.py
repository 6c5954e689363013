"""The dashboard on every bad input of the corpus (tests/bad_inputs): it shows the exact problems
at the top and keeps showing the valid commitments — never a traceback."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs import INJECTED, cases
from tests.test_app import APP, TIMEOUT

MAX_SHOWN = 200


def serve_case(case, tmp_path, monkeypatch):
    """Write a case where the dashboard reads it (seeds/ beside the file); return its path."""
    targets, seeds = case.write(tmp_path / "case")
    beside = targets.parent / "seeds"
    if not beside.exists():
        beside.symlink_to(seeds, target_is_directory=True)
    monkeypatch.setenv("TARGETS_FILE", str(targets))
    return targets


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.name)
def test_the_dashboard_lists_every_problem_and_keeps_the_valid_commitments(
    case, tmp_path, monkeypatch
):
    targets = serve_case(case, tmp_path, monkeypatch)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    expected = case.problems(str(targets))
    if expected:
        [summary] = at.error
        assert "cannot be read" in summary.value or summary.value.startswith(
            f"{len(expected)} problem(s) in {targets.name}"
        )
        shown = at.code[0].value.splitlines()
        assert shown == expected[:MAX_SHOWN] + (
            [f"… +{len(expected) - MAX_SHOWN}"] if len(expected) > MAX_SHOWN else []
        )
    else:
        assert not at.error
    total = int(at.metric[0].value)
    assert total == len(case.valid)
    if case.valid:
        assert sorted(at.dataframe[0].value["ID"]) == sorted(case.valid)  # scorecard order


@pytest.mark.parametrize(("name", "commitment", "field", "value"), INJECTED)
def test_injected_html_shows_as_text_on_the_commitment_page(
    name, commitment, field, value, tmp_path, monkeypatch
):
    [case] = [c for c in cases("injection") if c.name == name]
    serve_case(case, tmp_path, monkeypatch)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "zh" if field == "title" else "en"
    at.query_params["id"] = commitment
    at.switch_page("views/commitment.py").run()
    assert not at.exception
    shown = at.header[0].value
    assert "".join(ch for ch in shown if ch != "\\") == value  # Markdown-escaped, so shown as text
    assert all("<script" not in h.value and "<img" not in h.value for h in at.html)
