"""The validated contents of targets.yaml, as immutable dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        """Return the date as YYYY, YYYY-MM or YYYY-MM-DD."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Return a key that orders dates, unknown parts first."""
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True, slots=True)
class Report:
    """A document commitments or progress come from."""

    id: str
    title: str
    title_en: str
    date: PartialDate
    file: str | None = None
    publisher: str | None = None
    url: str | None = None
    plan_starts: str | None = None  # the plan part's opening words, when the rules miss it
    kind: str | None = None  # a later document's kind (REPORT_KINDS), when the rules miss it
    place: str | None = None  # the place the document is about: 清远市清城区
    place_en: str | None = None  # the place in English: Qingcheng District, Qingyuan
    line: int | None = None
    publisher_en: str | None = None  # the publisher in English

    @property
    def plan_year(self) -> int:
        """Return the year a report plans for: its year, or the next for a December date."""
        return self.date.year + (self.date.month == 12)


@dataclass(frozen=True, slots=True)
class Area:
    """A chapter of the plan."""

    id: str
    name: str
    name_en: str
    chapter: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """What was promised: a comparator, a figure and its unit (none for a milestone)."""

    op: str
    value: float | None = None
    unit: str | None = None
    tolerance: float | None = None


@dataclass(frozen=True, slots=True)
class Baseline:
    """The prior-year figure of the same measure."""

    year: int
    value: float
    quote: str
    source: str
    note: str | None = None
    note_en: str | None = None  # the note in the other language


@dataclass(frozen=True, slots=True)
class Progress:
    """A figure (or a milestone done, or under way) reported later, with its source."""

    source: str
    year: int | None = None
    date: PartialDate | None = None
    value: float | None = None
    done: bool = False
    quote: str | None = None
    note: str | None = None
    line: int | None = None
    note_en: str | None = None  # the note in the other language

    @property
    def period_year(self) -> int:
        """Return the year the figure is for."""
        if self.year is not None:
            return self.year
        assert self.date is not None, "validation keeps only entries with a year or a date"
        return self.date.year

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Return a key that orders entries by the time they are for."""
        if self.date is not None:
            return self.date.sort_key
        return (self.period_year, 13, 0)  # a figure for a whole year sorts after its dated ones


@dataclass(frozen=True, slots=True)
class Commitment:
    """One promised number or milestone, with its quote, baseline and progress."""

    id: str
    report: str
    year: int
    area: str
    title: str
    title_en: str
    target: Target
    quote: str
    metric: str | None = None
    baseline: Baseline | None = None
    progress: tuple[Progress, ...] = ()
    note: str | None = None
    line: int | None = None
    draft: bool = False  # drafted by `targets draft`, not yet reviewed
    note_en: str | None = None  # the note in the other language


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A figure in a plan that is deliberately not a commitment, with the reason."""

    report: str
    figure: str
    quote: str
    reason: str
    line: int | None = None
    reason_en: str | None = None  # the reason in the other language


@dataclass(frozen=True)
class TargetsFile:
    """Everything valid in targets.yaml."""

    reports: tuple[Report, ...] = ()
    areas: tuple[Area, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    reports_by_id: dict[str, Report] = field(default_factory=dict, compare=False, repr=False)
    areas_by_id: dict[str, Area] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.reports_by_id:
            self.reports_by_id.update({r.id: r for r in self.reports})
        if not self.areas_by_id:
            self.areas_by_id.update({a.id: a for a in self.areas})

    def report(self, report_id: str) -> Report | None:
        """Return the report with this id, or None."""
        return self.reports_by_id.get(report_id)

    def area(self, area_id: str) -> Area | None:
        """Return the area with this id, or None."""
        return self.areas_by_id.get(area_id)
