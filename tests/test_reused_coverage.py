"""Coverage reused per report: the same answer as a whole computation, each report classified
again only when its text, title, quotes or exclusions changed."""

import shutil

import pytest

import loaders.load.coverage
from loaders import coverage, load_targets, reused_coverage
from loaders.cache.memo import fresh_memo


@pytest.fixture
def small_copy(small_dir, tmp_path):
    """Return a copy of the SYNTHETIC small targets file, with its seeds."""
    shutil.copytree(small_dir, tmp_path / "small")
    return tmp_path / "small" / "targets.yaml"


@pytest.fixture
def classified(monkeypatch):
    """Return the list of reports classified (not reused) from here on."""
    done = []
    real = loaders.load.coverage.report_coverage

    def counted(targets, report_id, *args):
        done.append(report_id)
        return real(targets, report_id, *args)

    monkeypatch.setattr(loaders.load.coverage, "report_coverage", counted)
    return done


def test_reused_coverage_is_the_whole_coverage(small_copy, classified):
    result = load_targets(small_copy)
    items, known = reused_coverage(result, {})
    assert items == coverage(result.targets, result.documents)
    assert len(known) == 1 and classified == ["syn-2020"]


def test_unchanged_reports_are_not_classified_again(small_copy, classified):
    _, known = reused_coverage(load_targets(small_copy), {})
    fresh_memo()
    classified.clear()
    result = load_targets(small_copy)
    items, again = reused_coverage(result, known)
    assert classified == [] and again == known
    assert items == coverage(result.targets, result.documents)


def test_a_changed_title_classifies_its_report_again(small_copy, classified):
    _, known = reused_coverage(load_targets(small_copy), {})
    text = small_copy.read_text(encoding="utf-8")
    small_copy.write_text(text.replace("title_en: New parks", "title_en: Green parks"), "utf-8")
    classified.clear()
    reused_coverage(load_targets(small_copy), known)
    assert classified == []  # an English title is no part of any report's coverage
    small_copy.write_text(text.replace("工作报告（2020年）", "工作报告（二〇二〇年）"), "utf-8")
    changed = load_targets(small_copy)
    items, _ = reused_coverage(changed, known)
    assert classified == ["syn-2020"]
    assert items == coverage(changed.targets, changed.documents)
    assert items[0].title == "合成示例区政府工作报告（二〇二〇年）"
