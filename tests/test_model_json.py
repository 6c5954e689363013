"""Validated records written to the outcome cache read back equal, field for field."""

from __future__ import annotations

import dataclasses

import pytest

from loaders import model
from loaders.cache.model_json import CODECS, problem_from, problem_json
from loaders.load.targets import load_targets
from loaders.problems import Problem


def test_every_bundled_record_reads_back_equal(bundled):
    targets = load_targets(bundled).targets
    for section in CODECS:
        write, read = CODECS[section]
        records = getattr(targets, section)
        assert records, section
        assert [read(write(r)) for r in records] == list(records)


@pytest.mark.parametrize(
    ("cls", "written"),
    [
        (model.Report, 12),
        (model.Area, 5),
        (model.Commitment, 14),
        (model.Target, 4),
        (model.Baseline, 5),
        (model.Progress, 8),
        (model.Exclusion, 5),
    ],
)
def test_the_codec_writes_every_field_of_each_record(cls, written):
    # a field added to a model record must be added to model_json too (and this count)
    assert len(dataclasses.fields(cls)) == written


def test_a_problem_reads_back_equal():
    problem = Problem("a.yaml", 3, "gdp", "target.value", "bad", code="bad-value")
    warning = Problem("a.yaml", None, None, None, "w", code="draft-to-review", severity="warning")
    assert [problem_from(problem_json(p)) for p in (problem, warning)] == [problem, warning]
