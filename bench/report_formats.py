"""The finder on report formats it was not written from: recall, precision, comparator accuracy.

tests/report_formats holds SYNTHETIC report texts in the layouts real county and district
reports come in (web one-paragraph-a-line, PDF hard wraps, traditional characters, no part
headings, a term report), each labelled by hand before the finder ran on it (bench/labelled_texts
describes the labels and how a found figure matches one). Texts whose labels say
`# holdout: never tune the finder on this text` are reported apart: figures on them are the
honest measure of texts never seen. Texts marked `# was-holdout:` were such a set once, were
measured unseen, and have been tuned on since: they count as tuned, and are also totalled apart.

- recall: labelled commitments the finder found / labelled commitments
- precision: found figures that match a label / figures the finder classifies as plan commitments
- comparator accuracy: matched figures with the comparator the label expects / matched figures

`python -m bench.report_formats [FOLDER] [--details] [--without-holdout]` prints one line per
text, the totals (all, tuned-on, holdout, former holdout) as `name: value` lines, with --details
every miss, extra figure and wrong comparator; --without-holdout never reads the holdout texts
(for tuning: the holdout is run once, when tuning is over).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench.labelled_texts import (
    labels_path,
    match_labels,
    plan_commitments,
    read_labels,
    read_text_document,
)

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "report_formats"
PARTS = ("front", "review", "plan", "annex")


def ratio(numerator: int, denominator: int) -> float | None:
    """Return numerator / denominator, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


def scores(counts: dict[str, int]) -> dict[str, Any]:
    """Return the counts with recall, precision and comparator accuracy added."""
    return {
        **counts,
        "recall": ratio(counts["matched"], counts["labels"]),
        "precision": ratio(counts["matched"], counts["found"]),
        "op_accuracy": ratio(counts["same_op"], counts["with_op"]),
    }


COUNTED = ("labels", "found", "matched", "same_op", "with_op")


def total(texts: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the summed counts and their scores over some texts."""
    counts = {key: sum(text[key] for text in texts) for key in COUNTED}
    return scores({"texts": len(texts), **counts})


def format_kind(about: dict[str, str]) -> str:
    """Return the layout family a text's `# format:` comment names first (web-lines, …)."""
    return about.get("format", "unknown").replace(",", " ").split()[0]


def measure_text(path: Path) -> dict[str, Any]:
    """Return one labelled text's counts, scores, parts found and notes."""
    label_file = read_labels(labels_path(path))
    document = read_text_document(path)
    matching = match_labels(label_file.labels, plan_commitments(document, path.stem))
    parts = Counter(paragraph.part for paragraph in document.paragraphs)
    counts = {
        "labels": len(label_file.labels),
        "found": matching.found,
        "matched": len(matching.matched),
        "same_op": matching.same_op,
        "with_op": matching.with_op,
    }
    return {
        "name": path.name,
        "format": format_kind(label_file.about),
        "holdout": label_file.holdout,
        "was_holdout": label_file.was_holdout,
        "plan_year": label_file.about.get("plan-year"),
        "part_structure": label_file.about.get("part-structure"),
        "paragraphs": {part: parts.get(part, 0) for part in PARTS},
        **scores(counts),
        "notes": matching.notes(path.name),
    }


def shown_path(folder: Path) -> str:
    """Return a folder relative to the repository when it is inside it, else as given."""
    resolved = folder.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(folder)


def measure(folder: Path = FOLDER, without_holdout: bool = False) -> dict[str, Any]:
    """Return per-text and total recall, precision and comparator accuracy over a folder."""
    paths = sorted(path for path in Path(folder).glob("*.txt") if labels_path(path).is_file())
    if without_holdout:
        paths = [path for path in paths if not read_labels(labels_path(path)).holdout]
    if not paths:
        raise ValueError(f"{folder}: no .txt file with a .labels file beside it")
    texts = [measure_text(path) for path in paths]
    formats = sorted({text["format"] for text in texts})
    return {
        "folder": shown_path(Path(folder)),
        "texts": texts,
        "overall": total(texts),
        "tuned": total([text for text in texts if not text["holdout"]]),
        "holdout": total([text for text in texts if text["holdout"]]),
        "was_holdout": total([text for text in texts if text["was_holdout"]]),
        "by_format": {kind: total([t for t in texts if t["format"] == kind]) for kind in formats},
    }


def shown(value: float | None) -> str:
    """Return a score with three decimals, or — when undefined."""
    return "—" if value is None else f"{value:.3f}"


def holdout_mark(text: dict[str, Any]) -> str:
    """Return H for a holdout text, W for a former holdout, a space for the others."""
    return "H" if text["holdout"] else "W" if text["was_holdout"] else " "


def text_row(text: dict[str, Any]) -> str:
    """Return one text's line of the per-text table."""
    paragraphs = text["paragraphs"]
    parts = "/".join(str(paragraphs[part]) for part in PARTS)
    return (
        f"{text['name']:<40} {text['format']:<13} {holdout_mark(text)} "
        f"{text['matched']:>3}/{text['labels']:<3} {text['found']:>5} "
        f"{shown(text['recall']):>7} {shown(text['precision']):>9} {shown(text['op_accuracy']):>6}"
        f"   {parts}"
    )


def summary_lines(name: str, scores_of: dict[str, Any]) -> list[str]:
    """Return the `name: value` lines of one total."""
    return [
        f"{name}_texts: {scores_of['texts']}",
        f"{name}_labels: {scores_of['labels']}",
        f"{name}_found: {scores_of['found']}",
        f"{name}_recall: {shown(scores_of['recall'])}",
        f"{name}_precision: {shown(scores_of['precision'])}",
        f"{name}_op_accuracy: {shown(scores_of['op_accuracy'])}",
    ]


def report(result: dict[str, Any], details: bool = False) -> str:
    """Return the printed report of a measure() result."""
    lines = [
        f"SYNTHETIC labelled report texts in {result['folder']} "
        "(H = holdout, never tuned on; W = was a holdout, measured once, tuned on since)",
        f"{'text':<40} {'format':<13} H matched found  recall precision  op_acc"
        "   paragraphs front/review/plan/annex",
    ]
    lines += [text_row(text) for text in result["texts"]]
    lines.append("")
    lines += [
        f"format {kind:<13} {shown(s['recall'])} recall, {shown(s['precision'])} precision, "
        f"{shown(s['op_accuracy'])} op accuracy ({s['texts']} texts, {s['labels']} labels)"
        for kind, s in result["by_format"].items()
    ]
    lines.append("")
    lines += summary_lines("report_formats", result["overall"])
    lines += summary_lines("report_formats_tuned", result["tuned"])
    lines += summary_lines("report_formats_holdout", result["holdout"])
    lines += summary_lines("report_formats_was_holdout", result["was_holdout"])
    if details:
        lines.append("")
        lines += [note for text in result["texts"] for note in text["notes"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the finder's scores on the labelled report texts; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.report_formats", description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER)
    parser.add_argument("--details", action="store_true", help="list every miss and extra")
    parser.add_argument(
        "--without-holdout", action="store_true", help="never read the holdout texts (tuning)"
    )
    args = parser.parse_args(argv)
    result = measure(args.folder, without_holdout=args.without_holdout)
    print(report(result, details=args.details))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
