"""Outcomes written by `targets find PLAN --suggest LATER --write` (no --pick), against hand
labels, on SYNTHETIC later documents (tests/outcome_texts: tuned/, holdout1/ — held out for
one run, then tuned on — and holdout2/, never tuned on).

Each case folder holds targets.yaml (the plan's commitments, no progress), seeds/plan.txt,
seeds/later.txt and labels.yaml (the outcomes later.txt gives, written by hand before the
code first read it). Prints, per case and per set: labelled outcomes, recorded right (value
with its sign, or done / under way), wrong ones written, milestones found.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from loaders.cli.main import main
from loaders.load.targets import load_targets

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "outcome_texts"


def run_case(folder: Path) -> dict:
    """Return the counts of one case: labelled, right, wrong, milestones labelled and right."""
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / folder.name
        shutil.copytree(folder, work, ignore=shutil.ignore_patterns(".targets-cache"))
        targets = work / "targets.yaml"
        data = yaml.safe_load(targets.read_text(encoding="utf-8"))
        ids = {r["file"]: r["id"] for r in data["reports"] if "file" in r}
        plan, later = ids["plan.txt"], ids["later.txt"]
        out, err = io.StringIO(), io.StringIO()
        argv = ["--targets", str(targets), "find", plan, "--suggest", later, "--write"]
        main(argv, out, err)
        result = load_targets(targets)
        written = {
            (c.id, p.value if p.value is not None else ("done" if p.done else "under way"))
            for c in result.targets.commitments
            for p in c.progress
            if p.source == later
        }
    wanted = set()
    for item in labels.get("outcomes") or []:
        if "done" in item:
            wanted.add((item["commitment"], "done" if item["done"] else "under way"))
        else:
            wanted.add((item["commitment"], round(float(item["value"]), 6)))
    written = {(c, round(v, 6) if isinstance(v, float) else v) for c, v in written}
    milestones = {w for w in wanted if isinstance(w[1], str)}
    return {
        "labelled": len(wanted),
        "right": len(wanted & written),
        "wrong": sorted(written - wanted),
        "missed": sorted(wanted - written),
        "milestones": len(milestones),
        "milestones_right": len(milestones & written),
    }


def run_set(name: str) -> dict:
    """Print and return the totals of one set of cases."""
    totals = {"labelled": 0, "right": 0, "wrong": 0, "milestones": 0, "milestones_right": 0}
    for folder in sorted((CASES / name).iterdir()):
        if not (folder / "labels.yaml").is_file():
            continue
        counts = run_case(folder)
        print(
            f"  {name}/{folder.name}: {counts['right']} of {counts['labelled']} right, "
            f"{len(counts['wrong'])} wrong written; milestones {counts['milestones_right']} "
            f"of {counts['milestones']}"
        )
        for wrong in counts["wrong"]:
            print(f"      wrong: {wrong}")
        for missed in counts["missed"]:
            print(f"      missed: {missed}")
        for key in totals:
            totals[key] += len(counts[key]) if key == "wrong" else counts[key]
    share = totals["right"] / totals["labelled"] if totals["labelled"] else 0.0
    print(
        f"outcomes_{name}: {totals['right']} of {totals['labelled']} right ({share:.2f}), "
        f"{totals['wrong']} wrong written, milestones {totals['milestones_right']} of "
        f"{totals['milestones']}"
    )
    return totals


if __name__ == "__main__":
    for chosen in sys.argv[1:] or sorted(p.name for p in CASES.iterdir() if p.is_dir()):
        run_set(chosen)
