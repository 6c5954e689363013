"""Problems: where they are (Where), their stable code and severity, and how they print."""

import pytest

from loaders.problems import CODES, Problem, Where


def test_stepping_inside_a_record_builds_the_path_and_the_shown_field_together():
    record = Where(("commitments", 3), "gdp-growth-2022")
    at = (record / "progress")[0] / "value"
    assert at == Where(
        ("commitments", 3, "progress", 0, "value"), "gdp-growth-2022", "progress[0].value"
    )
    assert (record / "target" / "op").field == "target.op"
    assert (Where() / "comitments").field == "comitments"


def test_a_problem_prints_without_its_code_and_is_an_error_by_default():
    problem = Problem(
        "t.yaml", 44, "school-places-2022", "target.op", "unknown op", code="bad-value"
    )
    assert str(problem) == "t.yaml:44: school-places-2022: target.op: unknown op"
    assert problem.severity == "error"


@pytest.mark.parametrize(("code", "severity"), [("no-such-code", "error"), ("bad-value", "fatal")])
def test_a_problem_of_an_unknown_kind_or_severity_is_refused(code, severity):
    with pytest.raises(ValueError):
        Problem("t.yaml", 1, None, None, "message", code=code, severity=severity)


def test_every_code_is_a_lowercase_slug_with_a_meaning():
    for code, meaning in CODES.items():
        assert code.replace("-", "").isalnum() and code == code.lower(), code
        assert meaning and not meaning.endswith("."), code
