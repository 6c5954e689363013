"""Conditional requirements: declared in loaders/record/schema.py, shown in the README, enforced as declared.

Each case is tests/bad_inputs/valid.yaml with one edit; the problems are pinned exactly.
"""

import shutil
from pathlib import Path

import pytest

from loaders.load.targets import load_targets_text
from loaders.record.requirements import Facts, Is, Unless, When
from loaders.record.schema import PROGRESS, REPORT, TARGET

ROOT = Path(__file__).resolve().parent.parent
VALID = (ROOT / "tests" / "bad_inputs" / "valid.yaml").read_text(encoding="utf-8")
HEALTH_TARGET = '    target: {op: ">=", value: 4, unit: 个}\n'
MILESTONE = "    target: {op: done}\n    progress:\n      - {year: 2023, %s source: qc-stats-2022, note: 一、综合}\n"
GDP = "targets.yaml:33: gdp-growth-2022"
REPORT_2022 = "2022-03-15-qingcheng-government-work-report.txt"


def problems_after(old: str, new: str, seeds: Path) -> list[str]:
    """Return the problem lines of valid.yaml with old replaced by new, checked with seeds/
    holding the one report text valid.yaml declares."""
    assert old in VALID, old
    seeds.mkdir(exist_ok=True)
    shutil.copyfile(ROOT / "seeds" / REPORT_2022, seeds / REPORT_2022)
    result = load_targets_text(VALID.replace(old, new, 1), seeds)
    return [str(problem) for problem in result.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    publisher: 清远市清城区统计局\n",
            "",
            [
                "targets.yaml:8: qc-stats-2022: file: missing: give file (a report in seeds/) or "
                "publisher (a document not in seeds/)",
                'targets.yaml:34: gdp-growth-2022: progress[0].source: report "qc-stats-2022" '
                "(line 8) has problems of its own: fix them first",
            ],
            id="neither-file-nor-publisher-is-told-once",
        ),
        pytest.param(  # no tolerance asked for; the quote, still in %, is told apart
            'unit: "%"}',
            "unit: 个百分点}",
            [
                "targets.yaml:30: gdp-growth-2022: target.value: 6.5 is not in its quote, which "
                "gives 6.5%, in %, not in the target's unit 个百分点: quote the clause that gives "
                "the figure in 个百分点, or correct the target's unit"
            ],
            id="about-in-points-has-a-default",
        ),
        pytest.param(
            "      - year: 2022\n        value: 1.1\n",
            "      - value: 1.1\n",
            [f"{GDP}: progress[0].year: missing: add year (or date) the figure is for"],
            id="neither-year-nor-date-is-told-once",
        ),
        pytest.param(
            "        value: 1.1\n",
            "",
            [f"{GDP}: progress[0].value: missing: add value, the reported figure in %"],
            id="a-figure-needs-a-value",
        ),
        pytest.param(
            "        note: Section 一、综合\n",
            "",
            [
                f"{GDP}: progress[0].note: missing: qc-stats-2022 is not in seeds/, so say in note "
                "where in it the figure is"
            ],
            id="a-source-not-in-seeds-needs-a-note",
        ),
        pytest.param(
            "        source: qc-stats-2022\n",
            "        source: qc-2022\n",
            [
                f"{GDP}: progress[0].quote: missing: qc-2022 is in seeds/, so quote the clause "
                "that reports the figure"
            ],
            id="a-source-in-seeds-needs-a-quote",
        ),
        pytest.param(
            HEALTH_TARGET,
            MILESTONE % "",
            [
                "targets.yaml:59: health-projects-2022: progress[0].done: missing: a milestone's "
                "progress says done: true (reported complete) or done: false (reported under way)"
            ],
            id="a-milestone-needs-done",
        ),
        pytest.param(
            HEALTH_TARGET,
            MILESTONE % "value: 4,",
            [
                "targets.yaml:59: health-projects-2022: progress[0].value: the target is a "
                'milestone (op: "done"): write done: true (complete) or done: false (under way), '
                "not a value"
            ],
            id="a-milestone-given-a-value-is-told-that-alone",
        ),
    ],
)
def test_a_conditionally_required_field_is_told_missing_when_its_condition_holds(
    old, new, expected, tmp_path
):
    assert problems_after(old, new, tmp_path / "seeds") == expected


def test_a_milestone_reported_under_way_says_done_false(tmp_path):
    seeds = tmp_path / "seeds"
    assert problems_after(HEALTH_TARGET, MILESTONE % "done: false,", seeds) == []
    result = load_targets_text(VALID.replace(HEALTH_TARGET, MILESTONE % "done: false,", 1), seeds)
    health = next(c for c in result.targets.commitments if c.id == "health-projects-2022")
    assert [(p.year, p.done, p.value) for p in health.progress] == [(2023, False, None)]


@pytest.mark.parametrize("done", ["false", "true"])
def test_done_on_a_figure_target_is_refused_true_or_false(done, tmp_path):
    problems = problems_after("        value: 1.1\n", f"        done: {done}\n", tmp_path / "seeds")
    assert problems == [
        "targets.yaml:34: gdp-growth-2022: progress[0].done: the target is a figure (%): give "
        "value, the reported figure, not done"
    ]


def test_the_readme_column_is_the_declared_condition():
    by_name = {f.name: f.required_text for f in (*REPORT, *TARGET, *PROGRESS)}
    assert by_name["file"] == "unless publisher is given"
    assert by_name["publisher"] == "unless file is given"
    assert by_name["tolerance"] == 'when op is "~" and unit is not % or 个百分点'
    assert by_name["done"] == 'when the target\'s op is "done"'
    assert by_name["note"] == "unless the source is in `seeds/`"


def test_a_condition_on_a_value_not_known_requires_nothing():
    unless_done = Unless(Is("op", "done"))
    when_about = When(Is("op", "~"))
    unknown = Facts(given={"op"}, values={"op": None})
    assert not unless_done.applies("value", unknown)
    assert not when_about.applies("tolerance", unknown)
    assert unless_done.applies("value", Facts(given={"op"}, values={"op": ">="}))
    assert not unless_done.applies("value", Facts(given={"op"}, values={"op": "done"}))
