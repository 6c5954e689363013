"""Validated records and problems as JSON data and back, for the disk cache of file outcomes.

Each record is a list of its fields in declaration order (`dataclasses.fields`), nested records
as lists too, so that reading 51,000 commitments back is a few constructor calls each (no
per-value dispatch: only the fields that hold records are converted). The codec is made from
the model's declarations, so a field added to a record is written and read with no change
here. Only the dashboard's own cache reads this: it is not an exchange format.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from collections.abc import Callable
from typing import Any

from loaders.model import Area, Commitment, Exclusion, Report
from loaders.problems import Problem


def to_json(value: Any) -> Any:
    """Return a record (or a tuple of them, or a plain value) as JSON data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return writer(type(value))(value)
    if isinstance(value, tuple):
        return [to_json(item) for item in value]
    return value


@functools.cache
def writer(cls: type) -> Callable[[Any], list]:
    """Return the function that writes a record of a class as JSON data (its fields in order;
    only the fields that may hold records are converted)."""
    hints = typing.get_type_hints(cls)
    values = operator.attrgetter(*_field_names(cls))
    nested = [i for i, name in enumerate(_field_names(cls)) if _converter(hints[name]) is not None]

    def write(record: Any) -> list:
        """Return the record's fields as JSON data."""
        data = list(values(record))
        for index in nested:
            data[index] = to_json(data[index])
        return data

    return write


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """Return a record class's field names in declaration order."""
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def reader(cls: type) -> Callable[[list], Any]:
    """Return the function that makes a record of a class from its to_json data."""
    hints = typing.get_type_hints(cls)
    nested = [
        (index, convert)
        for index, name in enumerate(_field_names(cls))
        if (convert := _converter(hints[name])) is not None
    ]

    keywords = [f.name for f in dataclasses.fields(cls) if f.kw_only]
    positional = len(_field_names(cls)) - len(keywords)

    def read(data: list) -> Any:
        """Return the record of the data, its nested records made too."""
        if nested:
            data = list(data)
            for index, convert in nested:
                data[index] = convert(data[index])
        if keywords:
            return cls(*data[:positional], **dict(zip(keywords, data[positional:], strict=True)))
        return cls(*data)

    return read


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """Return how a field's JSON data becomes its value, or None when it is the value itself."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        optional = _converter(inner[0]) if len(inner) == 1 else None
        if optional is None:
            return None
        return lambda data: None if data is None else optional(data)
    if origin is tuple:
        each = _converter(typing.get_args(hint)[0])
        if each is None:
            return tuple
        return lambda data: tuple(each(item) for item in data)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return reader(hint)
    return None


def problem_json(p: Problem) -> list:
    """Return a problem as JSON data, its file name included."""
    return to_json(p)


def problem_from(d: list) -> Problem:
    """Return the problem of problem_json's data."""
    return reader(Problem)(d)


#: per section, how its records are written and read
CODECS: dict[str, tuple[Any, Any]] = {
    section: (to_json, reader(cls))
    for section, cls in (
        ("reports", Report),
        ("areas", Area),
        ("commitments", Commitment),
        ("exclusions", Exclusion),
    )
}
