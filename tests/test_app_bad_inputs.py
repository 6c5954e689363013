"""The dashboard on one bad input of each kind of the corpus (tests/bad_inputs): it shows the exact
problems at the top and keeps showing the valid commitments — never a traceback.

`targets check` is tested on every case of the corpus (test_bad_inputs.py); here one case per
kind proves what the dashboard adds: the summary, the problem list and the valid rows.
"""

import html
import re

import pytest
from bad_inputs import INJECTED, WARNING_CODES, cases

MAX_SHOWN = 200

#: one case per kind: problems with valid records kept, an unreadable file (exit code 2), many
#: problems, a bad value, a missing report file, and a file with no problem at all
CASE_OF_KIND = {
    "yaml": "duplicate-key",
    "encoding": "gbk-encoded",
    "resource": "alias-bomb",
    "value": "value-thousands-separator",
    "reference": "report-file-missing",
    "injection": "html-in-title",
}
CASES = [case for case in cases() if CASE_OF_KIND.get(case.kind) == case.name]


def serve_case(case, tmp_path, monkeypatch):
    """Write a case where the dashboard reads it (seeds/ beside the file); return its path."""
    targets, seeds = case.write(tmp_path / "case")
    beside = targets.parent / "seeds"
    if not beside.exists():
        beside.symlink_to(seeds, target_is_directory=True)
    monkeypatch.setenv("TARGETS_FILE", str(targets))
    return targets


def test_every_kind_of_bad_input_has_a_case_here():
    assert {case.kind for case in cases()} == set(CASE_OF_KIND)
    assert [case.kind for case in CASES] == list(CASE_OF_KIND)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_dashboard_lists_every_problem_and_keeps_the_valid_commitments(
    case, tmp_path, monkeypatch, open_page, tile_values
):
    targets = serve_case(case, tmp_path, monkeypatch)
    at = open_page(lang="en")
    lines = case.problems(str(targets))
    expected = [
        line for line, code in zip(lines, case.codes, strict=True) if code not in WARNING_CODES
    ]
    warned = [line for line, code in zip(lines, case.codes, strict=True) if code in WARNING_CODES]
    if warned:  # warnings: a box of their own below the errors, their records kept
        [box] = at.warning
        assert box.value.startswith(f"{len(warned)} warning(s) in {targets.name}")
        assert at.code[-1].value.splitlines() == warned
    if expected:
        [summary] = at.error
        if case.exit_code == 2:
            assert summary.value.startswith(f"{targets.name} cannot be read")
        else:
            assert summary.value.startswith(f"{len(expected)} problem(s) in {targets.name}")
        shown = at.code[0].value.splitlines()
        assert shown == expected[:MAX_SHOWN] + (
            [f"… +{len(expected) - MAX_SHOWN}"] if len(expected) > MAX_SHOWN else []
        )
    else:
        assert not at.error
    total = int(next(iter(tile_values(at).values())).replace(",", ""))
    assert total == len(case.valid)
    if case.valid:
        assert sorted(at.dataframe[0].value["ID"]) == sorted(case.valid)  # scorecard order


@pytest.mark.parametrize(("name", "commitment", "field", "value"), INJECTED)
def test_injected_html_shows_as_text_on_the_commitment_page(
    name, commitment, field, value, tmp_path, monkeypatch, open_page
):
    [case] = [c for c in cases("injection") if c.name == name]
    serve_case(case, tmp_path, monkeypatch)
    at = open_page("commitment", lang="zh" if field == "title" else "en", id=commitment)
    [block] = [h.value for h in at.html if 'class="verdict ' in h.value]
    finding = re.search(r'class="verdict-finding"[^>]*>(.*?)</div>', block).group(1)
    assert "<" not in finding  # HTML-escaped, so shown as text
    assert re.split(r": |：", html.unescape(finding), maxsplit=1)[0] == value
    assert all("<script" not in h.value and "<img" not in h.value for h in at.html)
