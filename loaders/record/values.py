"""Read one hand-written value of targets.yaml: each reader returns (value, None) or (None, message).

The messages say what to write instead, because the people editing targets.yaml are not
programmers: "6,900" → write 6900; "6900个" → put 个 in the unit.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import urllib.parse
from typing import Any

from loaders.model import PartialDate
from loaders.record.schema import OPS
from loaders.wording import COMMON_COMPARATOR_WORDS, MILESTONE_WORDS, OP_NAMES, REPORT_KINDS

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_WAN_YI = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*([万亿])(.*)$")
_NUMBER_WITH_UNIT = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(\S.*)$")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_E_NOTATION = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$")
#: no figure of a work report comes near this in its own unit; past it a value is a typo (and
#: percentages of target would overflow)
MAX_NUMBER = 10**15
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_CHINESE_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千万亿点]+$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR_TEXT = re.compile(r"^(\d{4})\s*年?$")

#: what a mistyped op probably means: symbols, English and the report's words (loaders.wording)
OP_HINTS = {
    "≥": ">=",
    ">": ">=",
    "=>": ">=",
    "≤": "<=",
    "<": "<=",
    "=<": "<=",
    "≈": "~",
    "=": "~",
    "milestone": "done",
    "true": "done",
    **{OP_NAMES["en"][op]: op for op in (">=", "<=", "~")},  # at least, at most, about
    **{word: op for op, words in COMMON_COMPARATOR_WORDS.items() for word in words},
    **dict.fromkeys(MILESTONE_WORDS, "done"),
}

Result = tuple[Any, str | None]


def kind_of(value: Any) -> str:
    """Return what kind of YAML value a file holds, never the value itself: "a text"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool | int | float):
        return "a number" if not isinstance(value, bool) else "true or false"
    if isinstance(value, list):
        return "a list"
    return "a text" if isinstance(value, str) else "a mapping"


def describe(value: Any) -> str:
    """Return how a YAML value reads in a message: text in quotes, lists and mappings by kind."""
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f'"{shown}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, float) and math.isnan(value):
        return ".nan"
    shown = str(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def read_number(value: Any, unit_field: str = "unit") -> Result:
    """Return a finite number, or a message saying how to write one."""
    if isinstance(value, bool) or value is None or isinstance(value, list | dict):
        return None, f"expected a number, got {describe(value)}"
    if isinstance(value, float):
        if math.isnan(value):
            return None, "expected a number, got .nan: write the figure the source gives"
        if math.isinf(value):
            return None, f"expected a finite number, got {describe(value)}"
    if isinstance(value, int | float):
        if abs(value) >= MAX_NUMBER:
            return (
                None,
                f"{describe(value)} is too large for a figure: check it, or write it in a "
                "larger unit (万, 亿)",
            )
        return value, None
    if not isinstance(value, str):
        return None, f"expected a number, got {describe(value)}"
    return None, _number_text_message(value.strip(), unit_field)


def _number_text_message(text: str, unit_field: str) -> str:
    """Return the message for a number written as text, with what to write instead."""
    got = f'expected a number, got "{text}"'
    folded = text.translate(_FULLWIDTH_DIGITS)
    if _PLAIN_NUMBER.match(folded):
        if folded != text:
            return f"{got}: write it with ASCII digits, {folded}"
        return f"{got} in quotes: remove the quotes"
    if _E_NOTATION.match(folded):
        number = float(folded)
        if math.isfinite(number) and abs(number) < MAX_NUMBER:
            return f"{got}: write {_plain(number)} (YAML reads 1e3 as text)"
        return f"{got}: write the figure in full, without an exponent"
    if _THOUSANDS.match(folded):
        return f"{got}: write {folded.replace(',', '')} (no thousands separators)"
    wan_yi = _WAN_YI.match(folded)
    if wan_yi and not wan_yi.group(3):
        digits, multiplier = wan_yi.group(1), wan_yi.group(2)
        factor = 10_000 if multiplier == "万" else 100_000_000
        whole = _plain(float(digits) * factor)
        return f"{got}: write {whole} ({multiplier} = {factor:,}), or write {digits} with {multiplier} in {unit_field}"
    if wan_yi:
        digits, rest = wan_yi.group(1), wan_yi.group(2) + wan_yi.group(3)
        return f'{got}: write {digits} and put "{rest}" in {unit_field}'
    with_unit = _NUMBER_WITH_UNIT.match(folded)
    if with_unit:
        return f'{got}: write {with_unit.group(1)} and put "{with_unit.group(2)}" in {unit_field}'
    if _CHINESE_NUMERAL.match(text):
        return f"{got}: write the figure in digits (六千九百 → 6900)"
    return got


def _plain(number: float) -> str:
    """Return a number without a trailing .0."""
    return str(int(number)) if float(number).is_integer() else repr(number)


def read_year(value: Any) -> Result:
    """Return a year between 1900 and 2100, or a message."""
    if isinstance(value, bool):
        return None, f"expected a year such as 2022, got {describe(value)}"
    if isinstance(value, int):
        if 1900 <= value <= 2100:
            return value, None
        return None, f"expected a year such as 2022, got {value}"
    if isinstance(value, str):
        match = _YEAR_TEXT.match(value.strip())
        if match:
            return (
                None,
                f"expected a year such as 2022, got {describe(value)}: write {match.group(1)}",
            )
    if isinstance(value, dt.date):
        return (
            None,
            f"expected a year such as 2022, got the date {value.isoformat()}: write {value.year}",
        )
    return None, f"expected a year such as 2022, got {describe(value)}"


def read_date(value: Any) -> Result:
    """Return a PartialDate from YYYY-MM-DD, YYYY-MM or YYYY, or a message."""
    if isinstance(value, dt.datetime):
        return PartialDate(value.year, value.month, value.day), None
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day), None
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return PartialDate(value), None
    if isinstance(value, str):
        match = _YEAR_MONTH.match(value.strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return PartialDate(int(match.group(1)), int(match.group(2))), None
    return None, f"expected a date as YYYY-MM-DD (or YYYY-MM, or YYYY), got {describe(value)}"


def read_text(value: Any) -> Result:
    """Return non-empty text (a bare number is taken as its text), or a message."""
    if type(value) is str and (text := value.strip()):
        return text, None
    if isinstance(value, bool | list | dict):
        return None, f"expected text, got {describe(value)}"
    if value is None:
        return None, "is empty: write a value or remove the field"
    if isinstance(value, int | float):
        return str(value), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    text = str(value).strip()
    if not text:
        return None, "is empty: write a value or remove the field"
    return text, None


def read_slug(value: Any) -> Result:
    """Return an id of lowercase letters, digits and hyphens, or a message with a suggestion."""
    text, message = read_text(value)
    if message:
        return None, message
    if _SLUG.match(text):
        return text, None
    suggestion = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    hint = f': try "{suggestion}"' if suggestion and _SLUG.match(suggestion) else ""
    return (
        None,
        f"expected an id of lowercase letters, digits and hyphens, got {describe(value)}{hint}",
    )


def read_op(value: Any) -> Result:
    """Return one of the comparators, or a message naming the one that was probably meant."""
    if value is None:
        return (
            None,
            'is empty: write one of ">=", "<=", "~", "done" in quotes (a bare ~ means empty in YAML)',
        )
    if isinstance(value, str) and value.strip() in OPS:
        return value.strip(), None
    allowed = ", ".join(f'"{op}"' for op in OPS)
    hint = OP_HINTS.get(str(value).strip().lower()) if not isinstance(value, bool) else "done"
    if hint:
        return None, f'unknown op {describe(value)}: write "{hint}" (one of {allowed})'
    return None, f"unknown op {describe(value)}: use one of {allowed}"


def read_kind(value: Any) -> Result:
    """Return one of the kinds of a later document, or a message naming them."""
    if isinstance(value, str) and value.strip() in REPORT_KINDS:
        return value.strip(), None
    return None, f"unknown kind {describe(value)}: use one of {', '.join(REPORT_KINDS)}"


def read_bool(value: Any) -> Result:
    """Return true or false, or a message."""
    if isinstance(value, bool):
        return value, None
    return None, f"expected true or false, got {describe(value)}"


READERS = {
    "number": read_number,
    "year": read_year,
    "date": read_date,
    "text": read_text,
    "slug": read_slug,
    "op": read_op,
    "kind": read_kind,
    "bool": read_bool,
}


def is_web_address(url: str) -> bool:
    """Return True for an http(s) address with a host and nothing a browser would read twice
    (no whitespace, control character, quote or angle bracket)."""
    parts = urllib.parse.urlsplit(url)
    unsafe = any(ch.isspace() or ord(ch) < 0x20 or ch in "\"'<>\\`" for ch in url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not unsafe
