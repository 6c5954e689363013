"""Hand-labelled SYNTHETIC report texts: read the labels, run the finder, match what it found.

A text `name.txt` has its labels beside it in `name.labels`: one plan commitment a line, the
figure as written (no spaces), a tab, words of its clause copied from the text, and optionally
a tab and the comparator a person expects (`>=`, `<=`, `~`, `=`). Lines starting with `#` are
comments; `# key: value` comments describe the text (`plan-year`, `part-structure`, `format`,
`holdout` for a text never tuned on, `was-holdout` for one measured once unseen and tuned on
since). tests/finder_texts and tests/report_formats hold such texts.

The finder found a label when one of the figures it classifies as a plan commitment (kind
"commitment", not read as a name) has the same text and its clause holds the label's words
(both normalised: full-/half-width folded, whitespace and footnote markers dropped). Each found
figure matches at most one label, in label order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loaders.figures.finder import FoundFigure, classify_figures
from loaders.load.targets import load_targets_text
from loaders.texts.matching import normalise
from loaders.texts.report import Document, read_report

COMPARATORS = (">=", "<=", "~", "=")
NO_TARGETS = "reports: []\nareas: []\ncommitments: []\n"


@dataclass(frozen=True)
class Label:
    """One hand-labelled plan commitment: figure, words of its clause, expected comparator."""

    figure: str
    context: str
    op: str | None
    line: int

    def describe(self) -> str:
        """Return the label as a person reads it: figure in “context”."""
        return f"{self.figure} in “{self.context}”"


@dataclass(frozen=True)
class LabelFile:
    """The labels of one text and what its `# key: value` comments say about it."""

    labels: tuple[Label, ...]
    about: dict[str, str]

    @property
    def holdout(self) -> bool:
        """Return whether the text must never be used to tune the finder."""
        return "holdout" in self.about

    @property
    def was_holdout(self) -> bool:
        """Return whether the text was a holdout once, measured unseen, and tuned on since."""
        return "was-holdout" in self.about


@dataclass
class Matching:
    """What the finder found in one text against its labels."""

    matched: list[tuple[Label, FoundFigure]] = field(default_factory=list)
    missed: list[Label] = field(default_factory=list)
    extra: list[FoundFigure] = field(default_factory=list)

    @property
    def found(self) -> int:
        """Return how many figures the finder classified as plan commitments."""
        return len(self.matched) + len(self.extra)

    @property
    def same_op(self) -> int:
        """Return how many matched labels carry a comparator the finder also read."""
        return sum(1 for label, found in self.matched if label.op == found.op)

    @property
    def with_op(self) -> int:
        """Return how many matched labels say which comparator they expect."""
        return sum(1 for label, _ in self.matched if label.op is not None)

    def notes(self, name: str) -> list[str]:
        """Return one line per miss, extra figure and wrong comparator, prefixed with name."""
        lines = [f"{name}: missed {label.describe()}" for label in self.missed]
        lines += [
            f"{name}: not a commitment: {found.figure.text} in “{found.figure.clause}”"
            for found in self.extra
        ]
        lines += [
            f"{name}: comparator {found.op} (expected {label.op}) for {label.describe()}"
            for label, found in self.matched
            if label.op is not None and label.op != found.op
        ]
        return lines


def labels_path(text_path: Path) -> Path:
    """Return the labels file of a text: the same name with the suffix .labels."""
    return text_path.with_suffix(".labels")


def read_labels(path: Path) -> LabelFile:
    """Return the labels and `# key: value` comments of a .labels file."""
    labels, about = [], {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, colon, value = line[1:].strip().partition(":")
            if colon and key and " " not in key.strip():
                about[key.strip()] = value.strip()
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3):
            raise ValueError(
                f"{path}:{number}: expected figure<TAB>clause words[<TAB>comparator], "
                f"got {len(fields)} tab-separated fields"
            )
        op = fields[2].strip() if len(fields) == 3 else None
        if op is not None and op not in COMPARATORS:
            raise ValueError(f"{path}:{number}: comparator {op!r} is not one of {COMPARATORS}")
        labels.append(Label(fields[0].strip(), fields[1].strip(), op, number))
    return LabelFile(tuple(labels), about)


def read_text_document(path: Path) -> Document:
    """Return a text file read as a report (paragraphs and parts), or raise if unreadable."""
    result = read_report(path)
    if result.document is None:
        raise ValueError(f"{path}: " + "; ".join(str(p) for p in result.problems))
    return result.document


def plan_commitments(document: Document, name: str) -> list[FoundFigure]:
    """Return the figures the finder classifies as plan commitments (not read as names)."""
    targets = load_targets_text(NO_TARGETS, ".").targets
    return [
        found
        for found in classify_figures(targets, name, document)
        if found.kind == "commitment" and found.figure.label is None
    ]


def match_labels(labels: tuple[Label, ...], found: list[FoundFigure]) -> Matching:
    """Return each label matched to a found figure (same text, clause holds its words) or missed."""
    unmatched = list(found)
    matching = Matching()
    for label in labels:
        figure, context = normalise(label.figure), normalise(label.context)
        hit = next(
            (
                candidate
                for candidate in unmatched
                if normalise(candidate.figure.text) == figure
                and context in normalise(candidate.figure.clause)
            ),
            None,
        )
        if hit is None:
            matching.missed.append(label)
        else:
            unmatched.remove(hit)
            matching.matched.append((label, hit))
    matching.extra = unmatched
    return matching


def match_text(path: Path) -> Matching:
    """Return the finder's plan commitments in a labelled text matched against its labels."""
    document = read_text_document(path)
    return match_labels(
        read_labels(labels_path(path)).labels, plan_commitments(document, path.stem)
    )
