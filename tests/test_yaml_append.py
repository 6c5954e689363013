"""Adding records to a targets file as new lines only: exact text, comments and quoting kept."""

import difflib

import pytest
import yaml

from loaders.record.yaml_append import (
    AppendError,
    append_to_section,
    check_only_appended,
    insert_after_record,
    section_layout,
)
from loaders.record.yaml_scalars import yaml_number, yaml_scalar

# SYNTHETIC: a made-up targets file written the way targets.yaml is, comments and all.
COMMENTED = """\
# The record. Comments at the margin stay where they are.
reports:
  - id: syn-2022
    title: 合成区报告
    date: 2022-03-01

areas:
  - id: livelihood
    name: 做好民生工作  # the chapter's title

commitments:
  # ---- 2022 ------------------------------------------------------------
  - id: school-places-2022
    report: syn-2022
    target: {op: ">=", value: 6900, unit: 个}
    quote: '确保新增学位 6900个以上'

  - id: greenways-2022
    report: syn-2022
    target: {op: ">=", value: 3, unit: 公里}
    progress:
      - year: 2022
        value: 2.5
        source: syn-2022
        note: "section 5"

# Figures that are not commitments.
exclusions:
  - report: syn-2022
    figure: 十件
"""

NEW_RECORD = ["- id: school-places-2023", "  report: syn-2023", "  draft: true"]


def added_and_removed(old: str, new: str) -> tuple[list[str], list[str]]:
    """Return the lines a diff of old → new adds and removes (what `git diff` would show)."""
    diff = list(difflib.ndiff(old.splitlines(keepends=True), new.splitlines(keepends=True)))
    added = [line[2:] for line in diff if line.startswith("+ ")]
    removed = [line[2:] for line in diff if line.startswith("- ")]
    return added, removed


def test_a_record_goes_after_the_last_one_of_its_section_before_the_next_sections_comment():
    result = append_to_section(COMMENTED, "commitments", [NEW_RECORD])
    assert result == COMMENTED.replace(
        '        note: "section 5"\n\n# Figures',
        '        note: "section 5"\n'
        "\n"
        "  - id: school-places-2023\n"
        "    report: syn-2023\n"
        "    draft: true\n"
        "\n"
        "# Figures",
    )


def test_the_diff_shows_only_the_new_lines():
    result = append_to_section(COMMENTED, "commitments", [NEW_RECORD, ["- id: other-2023"]])
    added, removed = added_and_removed(COMMENTED, result)
    assert removed == []
    assert sorted(added) == sorted(  # which blank line a diff calls new is its choice
        [
            "\n",
            "  - id: school-places-2023\n",
            "    report: syn-2023\n",
            "    draft: true\n",
            "\n",
            "  - id: other-2023\n",
        ]
    )


def test_items_without_blank_lines_between_get_none():
    result = append_to_section(COMMENTED, "areas", [["- id: digital", "  name: 数字政府"]])
    added, removed = added_and_removed(COMMENTED, result)
    assert (added, removed) == (["  - id: digital\n", "    name: 数字政府\n"], [])
    assert "    name: 做好民生工作  # the chapter's title\n  - id: digital\n" in result


def test_indentation_follows_the_file():
    flat = "reports: []\nareas:\n- id: a\n  name: 甲\ncommitments:\n- id: x-2022\n"
    result = append_to_section(flat, "commitments", [["- id: y-2023", "  report: r"]])
    assert result == flat + "- id: y-2023\n  report: r\n"


def test_windows_line_endings_are_kept():
    crlf = COMMENTED.replace("\n", "\r\n")
    result = append_to_section(crlf, "areas", [["- id: digital", "  name: 数字政府"]])
    assert "\r\n  - id: digital\r\n    name: 数字政府\r\n\r\ncommitments:" in result
    assert "\n" not in result.replace("\r\n", "")


def test_an_empty_list_section_becomes_a_block_list():
    text = "reports: []\nareas: []  # none yet\ncommitments: []\n"
    result = append_to_section(text, "areas", [["- id: a", "  name: 甲"]])
    assert result == "reports: []\nareas: # none yet\n  - id: a\n    name: 甲\ncommitments: []\n"


def test_a_missing_section_is_added_at_the_end():
    text = "reports: []\nareas: []"
    result = append_to_section(text, "commitments", [["- id: a-2023"]])
    assert result == "reports: []\nareas: []\n\ncommitments:\n  - id: a-2023\n"


def test_a_section_written_on_one_line_is_refused_with_how_to_fix_it():
    with pytest.raises(AppendError) as error:
        append_to_section("areas: [{id: a, name: 甲}]\n", "areas", [["- id: b"]])
    assert str(error.value) == (
        "`areas:` is written on one line ([{id: a, name: 甲}]): write it as a block list "
        "(one `- ` item a line) so records can be added"
    )


def test_a_file_that_is_not_yaml_is_refused():
    with pytest.raises(AppendError) as error:
        append_to_section("areas:\n  - id: a\n  name: [\n", "areas", [["- id: b"]])
    assert str(error.value).startswith("the file is not valid YAML (line ")


def test_a_change_to_what_the_file_says_is_refused():
    old = "areas:\n  - id: a\n"
    with pytest.raises(AppendError) as error:
        check_only_appended(old, "areas:\n  - id: changed\n  - id: b\n", ("areas",), 1)
    assert "would change what the file already says" in str(error.value)
    check_only_appended(old, "areas:\n  - id: a\n  - id: b\n", ("areas",), 1)


def test_a_progress_entry_goes_after_the_records_last_entry():
    entry = ["- year: 2023", "  value: 3.1", "  source: syn-2023", "  quote: 新建碧道 3.1公里"]
    result = insert_after_record(COMMENTED, "commitments", "greenways-2022", "progress", [entry])
    assert result == COMMENTED.replace(
        '        note: "section 5"\n',
        '        note: "section 5"\n'
        "      - year: 2023\n"
        "        value: 3.1\n"
        "        source: syn-2023\n"
        "        quote: 新建碧道 3.1公里\n",
    )


def test_a_record_without_the_field_gets_it_at_its_end():
    entry = ["- year: 2022", "  value: 7000", "  source: syn-2022"]
    result = insert_after_record(
        COMMENTED, "commitments", "school-places-2022", "progress", [entry]
    )
    added, removed = added_and_removed(COMMENTED, result)
    assert removed == []
    assert added == [
        "    progress:\n",
        "      - year: 2022\n",
        "        value: 7000\n",
        "        source: syn-2022\n",
    ]
    assert "    quote: '确保新增学位 6900个以上'\n    progress:\n" in result


def test_an_unknown_record_is_refused():
    with pytest.raises(AppendError) as error:
        insert_after_record(COMMENTED, "commitments", "nowhere-2022", "progress", [["- year: 1"]])
    assert str(error.value) == 'no record with id "nowhere-2022" under `commitments:`'


def test_layout_of_the_bundled_style():
    layout = section_layout(COMMENTED, "commitments")
    assert (layout.item_indent, layout.step, layout.blank_between) == ("  ", 2, True)


@pytest.mark.parametrize(
    "value",
    [
        "新增学位 6900个以上",
        "“四好农村路”建设",
        "TODO: English title",
        "%",
        "2023",
        "yes",
        "null",
        "# not a comment",
        "- not a list",
        "it's",
        'say "about"',
        "line\nbreak",
        "a\u2028b",
        "",
        " padded ",
    ],
)
def test_scalars_read_back_as_written(value):
    assert yaml.safe_load(f"key: {yaml_scalar(value)}") == {"key": value}


def test_scalars_are_plain_when_they_can_be_and_double_quoted_otherwise():
    assert yaml_scalar("新增学位 6900个以上") == "新增学位 6900个以上"
    assert yaml_scalar("TODO: English title") == '"TODO: English title"'
    assert yaml_scalar("%") == '"%"'


def test_numbers_are_written_as_people_write_them():
    assert [yaml_number(v) for v in (6900.0, 52.26, 0.00001, -4.1)] == [
        "6900",
        "52.26",
        "0.00001",
        "-4.1",
    ]
