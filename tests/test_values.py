"""Reading hand-written values: what each wrong form is told to write instead."""

import datetime as dt
import math

import pytest

from loaders.model import PartialDate
from loaders.record.values import (
    read_bool,
    read_date,
    read_number,
    read_op,
    read_slug,
    read_text,
    read_year,
)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("6,900", 'expected a number, got "6,900": write 6900 (no thousands separators)'),
        ("6900个", 'expected a number, got "6900个": write 6900 and put "个" in unit'),
        (
            "1.8万",
            'expected a number, got "1.8万": write 18000 (万 = 10,000), or write 1.8 with 万 in unit',
        ),
        ("52.26亿元", 'expected a number, got "52.26亿元": write 52.26 and put "亿元" in unit'),
        (
            "六千九百",
            'expected a number, got "六千九百": write the figure in digits (六千九百 → 6900)',
        ),
        ("6900", 'expected a number, got "6900" in quotes: remove the quotes'),
        ("６９００", 'expected a number, got "６９００": write it with ASCII digits, 6900'),
        ("6.5%", 'expected a number, got "6.5%": write 6.5 and put "%" in unit'),
        ("lots", 'expected a number, got "lots"'),
        (float("nan"), "expected a number, got .nan: write the figure the source gives"),
        (float("inf"), "expected a finite number, got inf"),
        (True, "expected a number, got true"),
        (None, "expected a number, got nothing"),
        ([1], "expected a number, got a list"),
    ],
)
def test_number_messages(raw, message):
    assert read_number(raw) == (None, message)


def test_numbers_pass_through():
    assert read_number(6900) == (6900, None)
    assert read_number(6.5) == (6.5, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (dt.date(2022, 3, 15), PartialDate(2022, 3, 15)),
        (2023, PartialDate(2023)),
        ("2023-05", PartialDate(2023, 5)),
    ],
)
def test_dates_accepted(raw, expected):
    assert read_date(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["2022/03/15", "15 March 2022", "2022-13", 12])
def test_dates_refused_with_the_format(raw):
    value, message = read_date(raw)
    assert value is None
    assert message.startswith("expected a date as YYYY-MM-DD (or YYYY-MM, or YYYY), got ")


def test_year_messages():
    assert read_year(2022) == (2022, None)
    assert read_year("2022年") == (None, 'expected a year such as 2022, got "2022年": write 2022')
    assert read_year(dt.date(2022, 1, 1)) == (
        None,
        "expected a year such as 2022, got the date 2022-01-01: write 2022",
    )
    assert read_year(22) == (None, "expected a year such as 2022, got 22")


def test_op_messages():
    assert read_op(">=") == (">=", None)
    assert read_op("≥") == (None, 'unknown op "≥": write ">=" (one of ">=", "<=", "~", "done")')
    assert read_op("以内") == (
        None,
        'unknown op "以内": write "<=" (one of ">=", "<=", "~", "done")',
    )
    assert read_op(None) == (
        None,
        'is empty: write one of ">=", "<=", "~", "done" in quotes (a bare ~ means empty in YAML)',
    )
    assert read_op("between") == (None, 'unknown op "between": use one of ">=", "<=", "~", "done"')


def test_slug_suggests_a_fix():
    assert read_slug("school-places") == ("school-places", None)
    assert read_slug("School Places") == (
        None,
        'expected an id of lowercase letters, digits and hyphens, got "School Places": try "school-places"',
    )


def test_text_and_bool():
    assert read_text("  个 ") == ("个", None)
    assert read_text("") == (None, "is empty: write a value or remove the field")
    assert read_text(2022) == ("2022", None)
    assert read_bool(True) == (True, None)
    assert read_bool("yes") == (None, 'expected true or false, got "yes"')
    assert not math.isnan(read_number(0.0)[0])
