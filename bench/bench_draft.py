"""How much of a new report `targets draft` records right: measured on SYNTHETIC 2023 reports.

`python -m bench.bench_draft` prints `name: value` lines; `make bench` calls measure(). Each
text of tests/draft_texts/ is a made-up 2023 report of the bundled district (marked SYNTHETIC),
labelled by hand before drafting ran on it: every plan commitment figure with the value, op and
unit a careful person records, the 2022 metric it repeats (or none) and its baseline. For each
text, a copy of the bundled targets.yaml and seeds/ gets the report declared (as qc-2023) and
its text in seeds/; then `draft_report` runs and each labelled figure is compared with its draft:

- `draft_right_share`: labelled figures drafted with the right value, op and unit (target ≥ 0.95);
- `draft_repeat_share`: labelled repeat measures given the earlier record's metric, title and
  title_en (target ≥ 0.9); `draft_wrong_carry` counts new measures given an earlier metric;
- `draft_typed_chars_per_commitment`: what a person still types per labelled commitment (target:
  only the English title): an English title for each `TODO` marker and each wrongly carried
  title; the target for each wrong one; metric and titles for each repeat not carried; a whole
  record for each figure not drafted; an English name for each new area. An English title or
  name counts as long as the average one of targets.yaml; `…_english_chars_…` is that part;
- `draft_baseline_right` / `draft_baseline_wrong`: labelled baselines drafted with the right
  value, and baselines drafted where the label has none or another value.

The same figures for the holdout text alone start `draft_holdout_`: it was written and labelled
after drafting had been tuned on the other three, and drafting was not changed after it ran.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "draft_texts"
REPORT_ID = "qc-2023"
RIGHT_SHARE_FLOOR = 0.95
REPEAT_SHARE_FLOOR = 0.9


@dataclass(frozen=True)
class Label:
    """A hand label: a plan figure and the record a careful person makes of it."""

    figure: str
    value: float
    op: str
    unit: str
    metric: str | None
    baseline: float | None
    words: str


def read_labels(path: Path) -> list[Label]:
    """Return the labels of a .labels file (tab-separated; # comments)."""
    labels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        figure, value, op, unit, metric, baseline, words = line.split("\t")
        labels.append(
            Label(
                figure,
                float(value),
                op,
                unit,
                None if metric == "-" else metric,
                None if baseline == "-" else float(baseline),
                words,
            )
        )
    return labels


def declared_copy(text_file: Path, folder: Path) -> Path:
    """Return a copy of the bundled targets.yaml in folder, declaring text_file as qc-2023."""
    from loaders.record.yaml_append import append_to_section

    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copy(text_file, folder / "seeds" / text_file.name)
    targets = folder / "targets.yaml"
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    entry = [
        f"- id: {REPORT_ID}",
        "  title: 清远市清城区人民政府工作报告（2023年，SYNTHETIC）",
        "  title_en: Qingcheng District Government Work Report 2023 (SYNTHETIC)",
        "  date: 2023-02",
        f"  file: {text_file.name}",
    ]
    targets.write_text(append_to_section(text, "reports", [entry]), encoding="utf-8")
    return targets


@dataclass
class Tally:
    """Counts over the labelled figures of every text."""

    labelled: int = 0
    right: int = 0
    repeats: int = 0
    repeats_carried: int = 0
    wrong_carry: int = 0
    extra_drafts: int = 0
    typed: float = 0.0  # characters still typed, every reason
    typed_english: float = 0.0  # of which English titles and area names (the ideal: only these)
    baselines: int = 0
    baselines_right: int = 0
    baselines_wrong: int = 0
    new_areas: int = 0


def _covers(document, words: str, figure) -> bool:
    """Return True when the label's words stand around the figure in its paragraph."""
    from loaders.texts.quotes import find_quotes

    return any(
        m.paragraph == figure.paragraph and m.start <= figure.start < m.end
        for m in find_quotes(document, words)
    )


def measure_text(text_file: Path, tally: Tally, misses: list[str]) -> None:
    """Draft one SYNTHETIC report and add how its drafts compare with its labels to tally."""
    from loaders.cli.draft import commitment_lines
    from loaders.drafting.draft import draft_report
    from loaders.drafting.draft_types import NAME_EN_MARKER, TITLE_EN_MARKER
    from loaders.load.targets import load_targets
    from loaders.texts.matching import normalise

    labels = read_labels(text_file.with_suffix(".labels"))
    with tempfile.TemporaryDirectory() as folder:
        targets_file = declared_copy(text_file, Path(folder))
        loaded = load_targets(targets_file)
    targets, document = loaded.targets, loaded.documents[REPORT_ID]
    result = draft_report(targets, REPORT_ID, document)
    by_metric = {}  # the latest record of each metric before 2023: the one a draft carries over
    for c in sorted(targets.commitments, key=lambda c: c.year):
        if c.metric and c.year < 2023:
            by_metric[c.metric] = c
    english = [len(c.title_en) for c in targets.commitments]
    title_en_chars = statistics.mean(english)
    area_en_chars = statistics.mean(len(a.name_en) for a in targets.areas)
    record_chars = statistics.mean(
        sum(len(line.strip()) for line in commitment_lines(d)) for d in result.drafts
    )
    matched = set()
    name = text_file.stem
    for label in labels:
        tally.labelled += 1
        draft = next(
            (
                d
                for d in result.drafts
                if normalise(d.found.figure.text) == normalise(label.figure)
                and _covers(document, label.words, d.found.figure)
                and id(d) not in matched
            ),
            None,
        )
        if draft is None:
            tally.typed += record_chars
            misses.append(f"{name}: not drafted: {label.figure} {label.words}")
            if label.metric:
                tally.repeats += 1
            continue
        matched.add(id(draft))
        target = draft.target
        if (
            target.op == label.op
            and target.unit == label.unit
            and abs(target.value - label.value) <= 1e-9 * max(1, abs(label.value))
        ):
            tally.right += 1
        else:
            tally.typed += len(f"{{op: '{label.op}', value: {label.value:g}, unit: {label.unit}}}")
            misses.append(
                f"{name}: target {target.op} {target.value:g} {target.unit} for {label.figure} "
                f"(label {label.op} {label.value:g} {label.unit})"
            )
        if label.metric:
            tally.repeats += 1
            earlier = by_metric.get(label.metric)
            if (
                earlier is not None
                and draft.metric == label.metric
                and draft.title == earlier.title
                and draft.title_en == earlier.title_en
            ):
                tally.repeats_carried += 1
            else:
                shown = earlier.title_en if earlier else label.metric
                tally.typed += (
                    len(label.metric) + len(earlier.title if earlier else "") + len(shown)
                )
                misses.append(
                    f"{name}: repeat not carried: {label.figure} ({label.metric}), got "
                    f"{draft.metric or 'a new measure'}"
                )
        elif draft.metric:
            tally.wrong_carry += 1
            tally.typed += len(draft.title) + title_en_chars
            misses.append(
                f"{name}: new measure {label.figure} {label.words} carried as {draft.metric}"
            )
        if draft.title_en == TITLE_EN_MARKER:
            tally.typed += title_en_chars
            tally.typed_english += title_en_chars
        if label.baseline is not None:
            tally.baselines += 1
            if draft.baseline is not None and abs(draft.baseline.value - label.baseline) < 1e-9:
                tally.baselines_right += 1
            else:
                got = "none" if draft.baseline is None else f"{draft.baseline.value:g}"
                misses.append(
                    f"{name}: baseline of {label.figure} ({label.words}): {got}, "
                    f"label {label.baseline:g}"
                )
        if draft.baseline is not None and (
            label.baseline is None or abs(draft.baseline.value - label.baseline) >= 1e-9
        ):
            tally.baselines_wrong += 1
            if label.baseline is None:
                misses.append(
                    f"{name}: baseline {draft.baseline.value:g} ({draft.baseline.quote}) for "
                    f"{label.figure}, label none"
                )
    for draft in result.drafts:
        if id(draft) not in matched:
            tally.extra_drafts += 1
            misses.append(f"{name}: drafted, not labelled: {draft.found.figure.text} {draft.quote}")
    for area in result.areas:
        tally.new_areas += 1
        if area.name_en == NAME_EN_MARKER:
            tally.typed += area_en_chars
            tally.typed_english += area_en_chars


def figures(tally: Tally, prefix: str) -> dict[str, float | int]:
    """Return the figures of a tally, each name starting with prefix."""
    return {
        f"{prefix}labelled_figures": tally.labelled,
        f"{prefix}right_share": tally.right / tally.labelled,
        f"{prefix}repeat_measures": tally.repeats,
        f"{prefix}repeat_share": tally.repeats_carried / tally.repeats,
        f"{prefix}wrong_carry": tally.wrong_carry,
        f"{prefix}extra_drafts": tally.extra_drafts,
        f"{prefix}new_areas": tally.new_areas,
        f"{prefix}typed_chars_per_commitment": tally.typed / tally.labelled,
        f"{prefix}typed_english_chars_per_commitment": tally.typed_english / tally.labelled,
        f"{prefix}baselines_labelled": tally.baselines,
        f"{prefix}baseline_right": tally.baselines_right,
        f"{prefix}baseline_wrong": tally.baselines_wrong,
    }


def measure() -> dict[str, float | int | str | list[str]]:
    """Return the draft figures over every SYNTHETIC text of tests/draft_texts/, and over the
    holdout alone (the text written after drafting was tuned)."""
    tally, holdout = Tally(), Tally()
    misses: list[str] = []
    texts = sorted(TEXTS.glob("*.txt"))
    for text_file in texts:
        measure_text(text_file, tally, misses)
        if "holdout" in text_file.stem:
            measure_text(text_file, holdout, [])
    result: dict = {"draft_texts": len(texts)}
    result.update(figures(tally, "draft_"))
    if holdout.labelled:
        result.update(figures(holdout, "draft_holdout_"))
    result["draft_misses"] = misses
    return result


def main() -> int:
    """Print the draft figures, every miss, and the verdicts of the two targets; return 0."""
    figures = measure()
    for name, value in figures.items():
        if name == "draft_misses":
            for miss in value:
                print(f"draft_miss: {miss}")
        elif isinstance(value, float):
            print(f"{name}: {value:.3f}")
        else:
            print(f"{name}: {value}")
    right, repeat = figures["draft_right_share"], figures["draft_repeat_share"]
    print(
        f"target_draft_right_share: {'PASS' if right >= RIGHT_SHARE_FLOOR else 'FAIL'} "
        f"({right:.3f} >= {RIGHT_SHARE_FLOOR})"
    )
    print(
        f"target_draft_repeat_share: {'PASS' if repeat >= REPEAT_SHARE_FLOOR else 'FAIL'} "
        f"({repeat:.3f} >= {REPEAT_SHARE_FLOOR})"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
