"""A value agrees with its own quote, and a reported figure is of a plausible size.

`value_in_quote` is an error when a record's value (target, baseline, progress) is not a figure
its quote gives, in the record's unit after the finder's conversions (1.8万个 is 18000 个,
二十个 is 20 个); a quote whose figures are all of another unit (亿元 under a 项 target) is an
error that names both units. `plausibility` warns (the record is kept) when a baseline or
progress value is under 1% or over 100 times its target, or looks like a unit-scale slip: the
value times or divided by 10⁴ (万) lands within 20% of the target. `check_sign` refuses a
negative count; `advise_from_unit` tells how to write a value given with its unit ("1.8万个") in
the target's unit.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from loaders.figures.finder import matches, outcome_value, value_in_unit
from loaders.figures.scan import Figure, figures_in_text
from loaders.model import Target
from loaders.problems import Where
from loaders.record.schema import SIGNED_UNITS
from loaders.record.values import describe

if TYPE_CHECKING:
    from loaders.rules.validator import Validator

#: a value this share of its target or less, or this many times it or more, is worth a look
TOO_SMALL = 0.01
TOO_LARGE = 100
#: the scale of a unit slip (万), and how near the target the rescaled value must land
SLIP_SCALE = 10_000
SLIP_NEARNESS = 0.2


def number(value: float) -> str:
    """Return a figure as a person writes it: 7200, not 7200.0; 6.5 as 6.5."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6g}"


def value_in_quote(
    validator: Validator,
    value: float,
    unit: str,
    quote: str,
    at: Where,
    falls: bool | None = None,
) -> None:
    """The quote gives a figure equal to the value in the unit; else an error naming its figures.

    A target's value is the figure as written (`falls` None). A reported figure (a baseline, a
    progress entry) carries its sign: a fall (下降2.1%) is -2.1, unless the commitment measures
    a fall itself (`falls`: 能耗下降), where it is 2.1 and a rise is negative.
    """
    figures = [f for f in figures_in_text(quote) if f.value is not None]
    if falls is None:
        if any(matches(figure, unit, value) for figure in figures):
            return
    else:
        if any(_signed_match(f, unit, value, falls) for f in figures):
            return
        flipped = [f for f in figures if value and _signed_match(f, unit, -value, falls)]
        if flipped:
            _wrong_sign(validator, value, flipped[0], falls, at)
            return
    shown = number(value)
    amounts = [f for f in figures if f.label is None] or figures
    if not amounts:
        validator.problem(
            at,
            "value-not-in-quote",
            f"{shown} is not in its quote, which gives no figure: quote the clause that gives {shown} {unit}",
        )
        return
    in_unit = {id(f): v for f in amounts if (v := value_in_unit(f, unit)) is not None}
    convertible = [f for f in amounts if id(f) in in_unit]
    written = [f for f in convertible if f.value == value and in_unit[id(f)] != value]
    if written:  # 1.8 for 1.8万个: the number as written, not in the unit
        figure = written[0]
        validator.problem(
            at,
            "value-not-in-quote",
            f"{shown} is not in its quote, which gives {figure.text}: write "
            f"{number(in_unit[id(figure)])}, the figure in {unit}",
        )
        return
    if convertible:
        validator.problem(
            at,
            "value-not-in-quote",
            f"{shown} is not in its quote, which gives {_listed(convertible)}: "
            "write the figure the quote gives",
        )
        return
    units = ", ".join(dict.fromkeys(f.unit for f in amounts))
    other = (
        "correct the target's unit"
        if at.path[-2:] == ("target", "value")
        else ("put the entry under the commitment it belongs to")
    )
    validator.problem(
        at,
        "unit-not-in-quote",
        f"{shown} is not in its quote, which gives {_listed(amounts)}, in {units}, not in the "
        f"target's unit {unit}: quote the clause that gives the figure in {unit}, or {other}",
    )


def _signed_match(figure: Figure, unit: str, value: float, falls: bool) -> bool:
    """Return True when the figure, as an outcome with its sign, is the value."""
    found = outcome_value(figure, unit, falls)
    if found is None:
        return False
    if figure.high is not None and figure.value and abs(value) != abs(found):
        found = found * figure.high / figure.value
    return abs(found - value) <= 1e-9 * max(1.0, abs(value))


def _wrong_sign(validator: Validator, value: float, figure: Figure, falls: bool, at: Where) -> None:
    """Report a value whose sign contradicts its quote (a fall written as a rise, or back)."""
    shown, fixed = number(value), number(-value)
    if figure.direction < 0:
        said = f"its quote gives {figure.text} as a fall"
    else:
        said = f"its quote gives {figure.text} as a rise"
    measured = " of a measure that is itself a fall" if falls else ""
    validator.problem(
        at,
        "value-sign",
        f"{shown} has the wrong sign: {said}{measured}: write {fixed}",
    )


def _listed(figures: list[Figure]) -> str:
    """Return the figures as written, in order, without repeats: 7200个, 1.8万个."""
    return ", ".join(dict.fromkeys(f.text for f in figures))


def plausibility(validator: Validator, value: float, promised: Target | None, at: Where) -> None:
    """Warn when a reported figure is a unit-scale slip or far off the target's size."""
    if promised is None or promised.op == "done" or not promised.value or promised.value < 0:
        return
    goal, unit = promised.value, promised.unit
    if unit in SIGNED_UNITS and value <= 0:
        return  # a fall in a rate is a result, not a slip
    shown, target_shown = number(value), number(goal)
    if unit not in SIGNED_UNITS:
        for factor, how in ((SLIP_SCALE, "smaller"), (1 / SLIP_SCALE, "larger")):
            rescaled = value * factor
            if abs(rescaled - goal) <= SLIP_NEARNESS * goal:
                validator.warn(
                    at,
                    "unit-scale-slip",
                    f"{shown} is about 10⁴ times {how} than the target {target_shown} {unit}: "
                    f"if the report writes it in 万{unit}, write {number(rescaled)} (the value "
                    f"in {unit})",
                )
                return
    if value < TOO_SMALL * goal:
        validator.warn(
            at,
            "implausible-value",
            f"{shown} is under 1% of the target {target_shown} {unit}: check the figure and "
            f"that it is in {unit}",
        )
    elif value > TOO_LARGE * goal:
        validator.warn(
            at,
            "implausible-value",
            f"{shown} is over 100 times the target {target_shown} {unit}: check the figure "
            f"and that it is in {unit}",
        )


def advise_from_unit(validator: Validator, raw: dict, promised: Target | None, at: Where) -> None:
    """A value written with its unit ("104%", "1.8万个") is advised from the target's unit: the
    reader's generic advice (put the unit in unit) does not hold where the target sets it."""
    text = raw.get("value")
    if not isinstance(text, str) or promised is None or promised.unit is None:
        return
    figures = [f for f in figures_in_text(text) if f.value is not None]
    if len(figures) != 1 or not figures[0].base_unit:
        return  # a bare 万 or 亿: the reader's advice (write 18000) holds
    figure, unit = figures[0], promised.unit
    converted = value_in_unit(figure, unit)
    got = f"expected a number, got {describe(text)}"
    if converted is not None:
        advice = f"{got}: write {number(converted)}, the figure in the target's unit {unit}"
    else:
        advice = (
            f"{got}: a figure in {figure.unit}, but the target counts {unit}: write the figure "
            f"in {unit}, or put the entry under a commitment measured in {figure.unit}"
        )
    for index, problem in enumerate(validator.problems):
        if (problem.record, problem.field, problem.code) == (at.record, at.field, "bad-value"):
            validator.problems[index] = dataclasses.replace(problem, message=advice)


def check_sign(validator: Validator, value: float, promised: Target | None, at: Where) -> None:
    """A figure is negative only in a unit that can be (%, 个百分点), not in a count."""
    if value < 0 and promised is not None and promised.unit not in SIGNED_UNITS:
        validator.problem(
            at,
            "negative-value",
            f"{describe(value)} is negative: a count in {promised.unit} cannot be; write the figure without a sign",
        )
