"""What `targets draft` returns: drafted records and areas, and the candidates it lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.figures.finder import FoundFigure
from loaders.model import Baseline, Commitment, Target

TITLE_EN_MARKER = "TODO: English title"
NAME_EN_MARKER = "TODO: English name"


@dataclass(frozen=True)
class DraftedArea:
    """A new area drafted from a chapter of the plan."""

    id: str
    name: str
    name_en: str
    chapter: str | None


@dataclass(frozen=True)
class Draft:
    """A commitment record drafted from a plan figure, with what it was drafted from."""

    id: str
    report: str
    year: int
    area: str
    title: str
    title_en: str
    target: Target
    quote: str
    found: FoundFigure
    metric: str | None = None
    baseline: Baseline | None = None
    carried_from: Commitment | None = None  # the earlier record of the same measure
    shared_words: tuple[str, ...] = ()  # the words the figure shares with that record
    baseline_figure: FoundFigure | None = None
    notes: tuple[str, ...] = ()  # what a reviewer should check: tolerance drafted, a range …


@dataclass(frozen=True)
class MilestoneCandidate:
    """A plan clause with a milestone verb and no amount: maybe a milestone (op "done")."""

    paragraph: int
    chapter: str | None
    clause: str


@dataclass(frozen=True)
class DraftResult:
    """Everything `targets draft` found in a report."""

    report_id: str
    year: int
    drafts: tuple[Draft, ...]
    areas: tuple[DraftedArea, ...]
    names: tuple[FoundFigure, ...]  # untracked figures that read as names: exclusion candidates
    milestones: tuple[MilestoneCandidate, ...]
    skipped: tuple[tuple[FoundFigure, str], ...] = field(default=())  # figure, why not drafted
