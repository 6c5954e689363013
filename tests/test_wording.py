"""The vocabulary is written once (loaders.wording) and every reader of it agrees."""

import pytest

from dashboard.i18n import status_rules_markdown, tolerance_defaults
from loaders.figures.scan import figures_in_text
from loaders.record import schema
from loaders.record.schema import OPS, TARGET, default_tolerances
from loaders.record.values import read_op
from loaders.wording import (
    COMMON_COMPARATOR_WORDS,
    MILESTONE_WORDS,
    POST_COMPARATORS,
    PRE_COMPARATORS,
)

PRE = [(word, op) for op, words in PRE_COMPARATORS.items() for word in words]


@pytest.mark.parametrize(("word", "op"), PRE, ids=[word for word, _ in PRE])
def test_the_finder_reads_each_word_before_a_figure(word, op):
    [figure] = figures_in_text(f"{word}6900个")
    assert (figure.op, figure.cues) == (op, (word,))


@pytest.mark.parametrize(("word", "op"), POST_COMPARATORS.items())
def test_the_finder_reads_each_word_after_a_figure(word, op):
    [figure] = figures_in_text(f"6900个{word}")
    assert (figure.op, figure.cues) == (op, (word,))


def test_each_common_word_is_one_the_finder_reads_with_the_same_op():
    for op, words in COMMON_COMPARATOR_WORDS.items():
        for word in words:
            assert word in PRE_COMPARATORS[op] or POST_COMPARATORS.get(word) == op


@pytest.mark.parametrize(
    ("word", "op"),
    [(w, op) for op, words in COMMON_COMPARATOR_WORDS.items() for w in words]
    + [(w, "done") for w in MILESTONE_WORDS],
)
def test_each_common_word_written_as_an_op_is_told_the_op_and_named_by_the_schema(word, op):
    assert read_op(word) == (
        None,
        f'unknown op "{word}": write "{op}" (one of ">=", "<=", "~", "done")',
    )
    assert word in OPS[op]


def test_the_default_tolerance_is_written_once():
    [tolerance] = [f for f in TARGET if f.name == "tolerance"]
    assert default_tolerances() == [(0.5, ("%", "个百分点"))]
    assert tolerance.meaning.endswith("; default 0.5 for % and 个百分点.")
    assert "%与个百分点默认为0.5" in status_rules_markdown("zh")
    assert "0.5 by default for % and percentage points" in status_rules_markdown("en")


def test_a_changed_default_tolerance_changes_the_dashboard_text(monkeypatch):
    monkeypatch.setattr(schema, "DEFAULT_TOLERANCE", {"%": 0.3, "个百分点": 0.3, "公里": 1.0})
    assert tolerance_defaults("zh") == "%与个百分点默认为0.3，公里默认为1"
    assert tolerance_defaults("en") == (
        "0.3 by default for % and percentage points; 1 by default for km"
    )
