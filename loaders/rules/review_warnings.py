"""Warnings about records kept but not finished: drafts to review, English names still TODO.

`targets draft` writes records with `draft: true` and `title_en: "TODO: English title"` (new
areas: `name_en: "TODO: English name"`). They are valid, so they are kept; these warnings say
where each one is until a person has reviewed it.
"""

from __future__ import annotations

from loaders.model import Area, Commitment, TargetsFile
from loaders.problems import Problem
from loaders.record.yaml_source import YamlSource

DRAFT_MESSAGE = (
    "a draft to review (`targets draft`): check each field against the report, replace any "
    "TODO, then delete `draft: true`"
)
TODO_MARKER = "TODO"


def review_warnings(
    name: str,
    source: YamlSource,
    areas: list[tuple[int, Area]],
    commitments: list[tuple[int, Commitment]],
    valid: TargetsFile,
) -> list[Problem]:
    """Return a warning per valid draft commitment, and per English name still a TODO marker."""
    kept = {id(c) for c in valid.commitments} | {id(a) for a in valid.areas}
    warnings = []
    for index, area in areas:
        if id(area) in kept and area.name_en.startswith(TODO_MARKER):
            warnings.append(
                Problem(
                    name,
                    source.line(("areas", index, "name_en")),
                    area.id,
                    "name_en",
                    f'still the drafted marker "{area.name_en}": write the English name',
                    code="todo-marker",
                    severity="warning",
                )
            )
    for index, commitment in commitments:
        if id(commitment) not in kept:
            continue
        if commitment.draft:
            line = source.line(("commitments", index, "draft"))
            warnings.append(
                Problem(
                    name,
                    line,
                    commitment.id,
                    "draft",
                    DRAFT_MESSAGE,
                    code="draft-to-review",
                    severity="warning",
                )
            )
        elif commitment.title_en.startswith(TODO_MARKER):
            warnings.append(
                Problem(
                    name,
                    source.line(("commitments", index, "title_en")),
                    commitment.id,
                    "title_en",
                    f'still the drafted marker "{commitment.title_en}": write the English title',
                    code="todo-marker",
                    severity="warning",
                )
            )
    return warnings
