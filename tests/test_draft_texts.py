"""The SYNTHETIC 2023 reports of tests/draft_texts/: labels that hold, and drafting that meets
its targets on them (the figures `make bench` prints)."""

from pathlib import Path

import pytest

from bench.bench_draft import REPEAT_SHARE_FLOOR, RIGHT_SHARE_FLOOR, measure, read_labels
from loaders.texts.quotes import find_quotes
from loaders.texts.report import parse_report

TEXTS = sorted((Path(__file__).resolve().parent / "draft_texts").glob("*.txt"))


@pytest.mark.parametrize("text_file", TEXTS, ids=lambda p: p.stem)
def test_every_text_is_marked_synthetic_and_every_label_stands_in_its_plan(text_file):
    text = text_file.read_text(encoding="utf-8")
    assert text.startswith("SYNTHETIC")
    document = parse_report(text, text_file.name)
    labels = read_labels(text_file.with_suffix(".labels"))
    assert labels
    for label in labels:
        places = find_quotes(document, label.words)
        assert places, label.words
        assert "plan" in {document.paragraph(p.paragraph).part for p in places}, label.words


def test_drafting_meets_its_targets_on_the_synthetic_reports():
    figures = measure()
    assert figures["draft_texts"] == 4
    assert figures["draft_right_share"] >= RIGHT_SHARE_FLOOR
    assert figures["draft_repeat_share"] >= REPEAT_SHARE_FLOOR
    assert figures["draft_baseline_wrong"] == 0
    assert figures["draft_extra_drafts"] == 0
