"""`draft: true` and TODO markers: warnings that keep the record, and a bad `draft` value."""

import pytest

from loaders.load.targets import load_targets_text


@pytest.fixture
def fixture_text(draft_files) -> str:
    """Return the text of the draft fixture's targets file, its reports written beside it."""
    return draft_files().read_text(encoding="utf-8")


def with_record(fixture_text: str, extra: str, tmp_path):
    return load_targets_text(fixture_text + extra, tmp_path / "seeds")


def line_of(fixture_text: str, extra: str, start: str) -> int:
    """Return the line number, in the fixture's text plus extra, of extra's line starting so."""
    before = len(fixture_text.splitlines())
    return before + next(
        n for n, line in enumerate(extra.splitlines(), 1) if line.startswith(start)
    )


RECORD = """
  - id: greenways-2023
    report: syn-2023
    year: 2023
    area: livelihood
    metric: greenways
    title: 碧道建设
    title_en: {title_en}
    target: {{op: ">=", value: 4, unit: 公里}}
    quote: 新建碧道 4公里
{draft}"""


def test_a_draft_is_kept_with_a_warning_on_its_draft_line(tmp_path, fixture_text):
    extra = RECORD.format(title_en="Greenways built", draft="    draft: true\n")
    result = with_record(fixture_text, extra, tmp_path)
    assert result.errors == []
    assert [str(p) for p in result.warnings] == [
        f"targets.yaml:{line_of(fixture_text, extra, '    draft:')}: greenways-2023: draft: warning: a draft to review (`targets draft`): check each "
        "field against the report, replace any TODO, then delete `draft: true`"
    ]
    assert [c.id for c in result.targets.commitments if c.draft] == ["greenways-2023"]
    assert result.ok


def test_a_reviewed_record_still_marked_todo_is_a_warning(tmp_path, fixture_text):
    extra = RECORD.format(title_en='"TODO: English title"', draft="")
    result = with_record(fixture_text, extra, tmp_path)
    assert [str(p) for p in result.warnings] == [
        f"targets.yaml:{line_of(fixture_text, extra, '    title_en:')}: greenways-2023: title_en: warning: still the "
        'drafted marker "TODO: English title": write the English title'
    ]
    assert result.errors == []


def test_draft_must_be_true_or_false(tmp_path, fixture_text):
    extra = RECORD.format(title_en="Greenways built", draft="    draft: yes please\n")
    result = with_record(fixture_text, extra, tmp_path)
    assert [str(p) for p in result.errors] == [
        f"targets.yaml:{line_of(fixture_text, extra, '    draft:')}: greenways-2023: draft: expected true or "
        'false, got "yes please"'
    ]
    assert "greenways-2023" not in {c.id for c in result.targets.commitments}
