"""The vocabulary of conditional requirements in the schema: when a field must be given.

`schema.py` declares with these which field is required when (`OneOf("file", "publisher")`,
`Unless(Is("op", "done"))`, `When(SourceInSeeds())` …); the README's "required" column is their
`text`, and the validator tells a field missing when the requirement `applies` to the facts of
the mapping it checks. A condition whose facts are unknown (a bad or missing value) requires
nothing: that value has a problem of its own.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Facts:
    """What a condition may look at: the fields given in a mapping and their values as read
    (None when bad), the commitment's target (for a progress entry), the report its source is."""

    given: Collection[str]
    values: Mapping[str, Any] = field(default_factory=dict)
    target: Any = None
    source: Any = None


class Condition(Protocol):
    """A condition on a mapping: True, False, or None while what it looks at is unknown."""

    def text(self) -> str: ...

    def holds(self, facts: Facts) -> bool | None: ...


@dataclass(frozen=True)
class Given:
    """Another field of the same mapping is given."""

    field: str

    def text(self) -> str:
        """Return the condition as the README says it."""
        return f"{self.field} is given"

    def holds(self, facts: Facts) -> bool | None:
        """Return True when the field is in the mapping."""
        return self.field in facts.given


@dataclass(frozen=True)
class Is:
    """A field of the same mapping (or of the commitment's target) has a value."""

    field: str
    value: str
    of_target: bool = False

    def text(self) -> str:
        """Return the condition as the README says it."""
        owner = "the target's " if self.of_target else ""
        return f'{owner}{self.field} is "{self.value}"'

    def holds(self, facts: Facts) -> bool | None:
        """Return whether the field has the value; None while the field is missing or bad."""
        if self.of_target:
            actual = getattr(facts.target, self.field, None)
        else:
            actual = facts.values.get(self.field)
        return None if actual is None else actual == self.value


@dataclass(frozen=True)
class NoneOf:
    """A field of the same mapping has none of some values."""

    field: str
    values: tuple[str, ...]

    def text(self) -> str:
        """Return the condition as the README says it."""
        return f"{self.field} is not {' or '.join(self.values)}"

    def holds(self, facts: Facts) -> bool | None:
        """Return whether the field's value is none of the values; None while it is unknown."""
        actual = facts.values.get(self.field)
        return None if actual is None else actual not in self.values


@dataclass(frozen=True)
class SourceInSeeds:
    """The report a progress entry's source refers to has its text in seeds/."""

    def text(self) -> str:
        """Return the condition as the README says it."""
        return "the source is in `seeds/`"

    def holds(self, facts: Facts) -> bool | None:
        """Return whether the source has a file; None while the source is unknown."""
        return None if facts.source is None else facts.source.file is not None


@dataclass(frozen=True, init=False)
class When:
    """Required when every condition holds; `missing` is the message when it is not given."""

    conditions: tuple[Condition, ...]
    missing: str

    def __init__(self, *conditions: Condition, missing: str = ""):
        object.__setattr__(self, "conditions", conditions)
        object.__setattr__(self, "missing", missing)

    def text(self, name: str) -> str:
        """Return the requirement as the README's "required" column says it."""
        return "when " + " and ".join(condition.text() for condition in self.conditions)

    def applies(self, name: str, facts: Facts) -> bool:
        """Return True when every condition is known to hold."""
        return all(condition.holds(facts) is True for condition in self.conditions)


@dataclass(frozen=True)
class Unless:
    """Required unless the condition holds; `missing` is the message when it is not given."""

    condition: Condition
    missing: str = ""

    def text(self, name: str) -> str:
        """Return the requirement as the README's "required" column says it."""
        return f"unless {self.condition.text()}"

    def applies(self, name: str, facts: Facts) -> bool:
        """Return True when the condition is known not to hold."""
        return self.condition.holds(facts) is False


@dataclass(frozen=True, init=False)
class OneOf:
    """One of these fields of a mapping is required (both may be); the problem when none is
    given is told once, on the first of them."""

    fields: tuple[str, ...]
    missing: str

    def __init__(self, *fields: str, missing: str = ""):
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "missing", missing)

    def text(self, name: str) -> str:
        """Return the requirement of one of the fields as the README says it."""
        others = " or ".join(other for other in self.fields if other != name)
        return f"unless {others} is given"

    def applies(self, name: str, facts: Facts) -> bool:
        """Return True for the first field when none of the fields is given."""
        return name == self.fields[0] and not any(f in facts.given for f in self.fields)


Requirement = When | Unless | OneOf
