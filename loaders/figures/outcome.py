"""A suggested outcome: a later document's figure or sentence that may be a commitment's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loaders.model import Commitment


@dataclass(frozen=True)
class Suggestion:
    """A later document's figure or sentence that may be a commitment's outcome."""

    commitment: Commitment
    source: str  # the later report's id
    year: int  # the year the outcome is for
    value: float | None  # the figure in the commitment's unit, with its sign; None: a milestone
    done: bool | None  # a milestone: True complete, False under way; None for a figure
    quote: str  # a verbatim, self-contained span of the later document to record
    paragraph: int
    figure: str  # the figure or the completion words as written
    measure: str  # what the figure measures, in the later document's words
    score: float  # how alike the measures are (0–1)
    write: bool = False  # True when `--write` records it without `--pick`
    reason: str = ""  # why it is not written

    @property
    def found(self) -> str:
        """Return the figure as written (kept for callers that printed it)."""
        return self.figure

    def as_dict(self) -> dict[str, Any]:
        """Return the suggestion as a JSON-ready mapping."""
        target = self.commitment.target
        return {
            "commitment": self.commitment.id,
            "title": self.commitment.title,
            "target_op": target.op,
            "target_value": target.value,
            "target_unit": target.unit,
            "source": self.source,
            "year": self.year,
            "value": self.value,
            "done": self.done,
            "figure": self.figure,
            "paragraph": self.paragraph,
            "quote": self.quote,
            "measure": self.measure,
            "score": round(self.score, 2),
            "write": self.write,
            "reason": self.reason,
        }
