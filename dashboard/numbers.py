"""Numbers, units and targets written for each language.

Chinese writes large numbers with 万 and 亿 (18000 → 1.8万); English with thousands separators
(18,000) and 亿元 as billions of yuan (52.26亿元 → 5.226 billion yuan). One table, `UNITS_EN`,
gives each unit's English: after a number on a page, and as a name in a download.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple


def trim(number: float, decimals: int) -> str:
    """Return a number with at most `decimals` decimals and no trailing zeros."""
    text = f"{number:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_number(value: float | None, lang: str, decimals: int = 2) -> str:
    """Return a number as the language writes it: 1.8万 / 18,000; an empty string for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if lang == "zh":
        magnitude = abs(value)
        if magnitude >= 100_000_000:
            return trim(value / 100_000_000, 4) + "亿"
        if magnitude >= 10_000:
            return trim(value / 10_000, 4) + "万"
        return trim(value, decimals)
    text = trim(value, decimals)
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    return sign + whole + (f".{fraction}" if fraction else "")


class EnglishUnit(NamedTuple):
    """A unit in English: what follows a number on a page, and its name in a download."""

    #: after a number on a page (a space first, but "%"); None where nothing follows: the
    #: commitment's title already says what is counted (个, 项, 条), or the figure is converted
    #: first (万元 → yuan)
    after: str | None
    #: the name next to the number as written, for an export column (亿元 figures stay in 亿元,
    #: so "100 million yuan"); classifiers (个, 项, 条) count things
    name: str


#: English for the units reports use (a unit not here: nothing after the number, the unit itself
#: as its name)
UNITS_EN = {
    "%": EnglishUnit("%", "percent"),
    "个百分点": EnglishUnit(" percentage points", "percentage points"),
    "公里": EnglishUnit(" km", "km"),
    "人次": EnglishUnit(" person-times", "person-times"),
    "户": EnglishUnit(" households", "households"),
    "处": EnglishUnit(" sites", "sites"),
    "所": EnglishUnit(" schools", "schools"),
    "家": EnglishUnit(" firms", "firms"),
    "元": EnglishUnit(" yuan", "yuan"),
    "万元": EnglishUnit(None, "10,000 yuan"),
    "亿元": EnglishUnit(" billion yuan", "100 million yuan"),
    "个": EnglishUnit(None, "count"),
    "项": EnglishUnit(None, "count"),
    "条": EnglishUnit(None, "count"),
    "名": EnglishUnit(None, "rank"),
}


def unit_name_en(unit: str | None) -> str:
    """Return the English name of a unit for an export column, the unit itself when unknown."""
    known = UNITS_EN.get(unit or "")
    return known.name if known else unit or ""


def unit_after_number_en(unit: str | None) -> str | None:
    """Return what follows a number in a unit on an English page, None when nothing does."""
    known = UNITS_EN.get(unit or "")
    return known.after if known else None


def format_rate(value: float) -> str:
    """Return a rate as reports write it, with at least one decimal: 3.0, 6.5, 85.22."""
    text = trim(value, 2)
    return text if "." in text else f"{value:.1f}"


@lru_cache(maxsize=65536)
def format_quantity(value: float | None, unit: str | None, lang: str) -> str:
    """Return a figure with its unit: 6900个 / 6,900; 52.26亿元 / 5.226 billion yuan."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    unit = unit or ""
    if unit in ("%", "个百分点"):
        rate = format_rate(value)
        return rate + (unit if lang == "zh" or unit == "%" else UNITS_EN[unit].after or "")
    if lang == "zh":
        if unit.startswith(("万", "亿")):
            return trim(value, 2) + unit
        return format_number(value, "zh") + unit
    if unit == "亿元":
        return format_number(value / 10, "en", 4) + (UNITS_EN[unit].after or "")
    if unit == "万元":
        return format_number(value * 10_000, "en") + " yuan"
    english = unit_after_number_en(unit) or ""
    if value == 1 and english.endswith("s") and unit not in ("%", "个百分点"):
        english = english[:-1]  # 1 firm, 1 household
    return format_number(value, "en") + english


@lru_cache(maxsize=65536)
def target_in_words(
    op: str, value: float | None, unit: str | None, tolerance: float | None, lang: str
) -> str:
    """Return a target as a reader says it: "at least 6,900", "about 6.5%", "不超过3%"."""
    if op == "done":
        return "完成（里程碑）" if lang == "zh" else "done (a milestone)"
    if unit == "名" and op == "<=" and value is not None:
        return f"前{trim(value, 0)}名" if lang == "zh" else f"in the top {trim(value, 0)}"
    quantity = format_quantity(value, unit, lang)
    if lang == "zh":
        if op == ">=":
            return f"不低于{quantity}"
        if op == "<=":
            return f"不超过{quantity}"
        within = f"（±{trim(tolerance, 2)}）" if tolerance else ""
        return f"{quantity}左右{within}"
    if op == ">=":
        return f"at least {quantity}"
    if op == "<=":
        return f"at most {quantity}"
    within = f" (±{trim(tolerance, 2)})" if tolerance else ""
    return f"about {quantity}{within}"


def format_percent(value: float | None, lang: str) -> str:
    """Return a percent of target, rounded to a whole number: 17%; empty for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:.0f}%"
