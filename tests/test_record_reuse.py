"""A save reuses the valid records it did not change (loaders/rules/record_reuse.py): only the
changed records are validated again, and the load equals one that validated everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.cache.memo import current_memo
from loaders.load.targets import load_targets

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def record_copy(tmp_path) -> Path:
    """Return a copy of the bundled targets.yaml with seeds/ beside it."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    path = tmp_path / "targets.yaml"
    shutil.copyfile(ROOT / "targets.yaml", path)
    return path


def outcome(result) -> tuple:
    """Return what a load says: its valid records (with their lines) and its problems."""
    return (result.targets, result.problems)


def test_a_save_that_moves_every_record_validates_only_the_changed_one(
    record_copy, validated, load_alone
):
    first = load_targets(record_copy)
    assert len(validated) == 51
    text = record_copy.read_text(encoding="utf-8")
    text = text.replace(
        "commitments:\n", "# three lines\n# that move\n# every record\ncommitments:\n"
    )
    text = text.replace("title_en: GDP growth\n", "title_en: Growth of GDP\n", 1)
    record_copy.write_text(text, encoding="utf-8")
    validated.clear()
    after = load_targets(record_copy)
    assert validated == ["gdp-growth-2022"]
    moved = {c.id: c.line for c in after.targets.commitments}
    assert all(moved[c.id] == c.line + 3 for c in first.targets.commitments)
    assert outcome(after) == outcome(load_alone(record_copy))


def test_a_changed_area_validates_every_record_again(record_copy, validated, load_alone):
    load_targets(record_copy)
    text = record_copy.read_text(encoding="utf-8")
    record_copy.write_text(
        text.replace("name_en: Headline targets\n", "name_en: Main targets\n"), encoding="utf-8"
    )
    validated.clear()
    after = load_targets(record_copy)
    assert len(validated) == 51
    assert outcome(after) == outcome(load_alone(record_copy))


def test_a_record_with_a_problem_is_validated_again_and_its_line_moves(
    record_copy, validated, load_alone
):
    text = record_copy.read_text(encoding="utf-8")
    broken = text.replace("area: integration\n", "area: integratoin\n", 1)
    assert broken != text
    record_copy.write_text(broken, encoding="utf-8")
    first = load_targets(record_copy)
    record_copy.write_text("# one more line\n" + broken, encoding="utf-8")
    validated.clear()
    after = load_targets(record_copy)
    assert len(validated) == 1
    [was] = [p for p in first.problems if p.field == "area"]
    [now] = [p for p in after.problems if p.field == "area"]
    assert (now.line, now.message) == (was.line + 1, was.message)
    assert outcome(after) == outcome(load_alone(record_copy))


def test_the_memo_keeps_one_set_of_valid_records_per_file(record_copy):
    load_targets(record_copy)
    record_copy.write_text(
        record_copy.read_text(encoding="utf-8") + "# saved again\n", encoding="utf-8"
    )
    load_targets(record_copy)
    [kept] = current_memo().valid_records.values()
    assert len(kept.records) == 51 + 14  # every commitment and exclusion was valid
