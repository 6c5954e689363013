"""Validated records written to the outcome cache read back equal, field for field."""

from __future__ import annotations

import dataclasses
import json
import types
import typing

import pytest

from loaders import model
from loaders.cache.model_json import CODECS, problem_from, problem_json, reader, to_json
from loaders.load.targets import load_targets
from loaders.problems import Problem


def test_every_bundled_record_reads_back_equal(bundled):
    targets = load_targets(bundled).targets
    for section in CODECS:
        write, read = CODECS[section]
        records = getattr(targets, section)
        assert records, section
        assert [read(write(r)) for r in records] == list(records)


def filled(hint, name: str):
    """Return a value of a field's type that is not its default (every optional part given)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return filled(next(a for a in typing.get_args(hint) if a is not type(None)), name)
    if origin is tuple:
        return (filled(typing.get_args(hint)[0], name),)
    if dataclasses.is_dataclass(hint):
        return every_field_set(hint)
    return {str: f"{name}-set", int: 7, float: 1.5, bool: True}[hint]


def every_field_set(cls):
    """Return a record of a class with every field set to a value that is not its default."""
    hints = typing.get_type_hints(cls)
    values = {f.name: filled(hints[f.name], f.name) for f in dataclasses.fields(cls)}
    if cls is Problem:
        values["code"], values["severity"] = "bad-value", "warning"
    return cls(**values)


@pytest.mark.parametrize(
    "cls",
    [model.Report, model.Area, model.Commitment, model.Exclusion, Problem],
    ids=lambda cls: cls.__name__,
)
def test_a_record_with_every_field_set_reads_back_equal_through_json(cls):
    record = every_field_set(cls)
    data = json.loads(json.dumps(to_json(record)))
    assert reader(cls)(data) == record
    assert all(
        getattr(record, f.name) != f.default
        for f in dataclasses.fields(cls)
        if f.default is not dataclasses.MISSING
    )


def test_a_problem_reads_back_equal():
    problem = Problem("a.yaml", 3, "gdp", "target.value", "bad", code="bad-value")
    warning = Problem("a.yaml", None, None, None, "w", code="draft-to-review", severity="warning")
    assert [problem_from(problem_json(p)) for p in (problem, warning)] == [problem, warning]
