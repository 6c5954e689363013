"""`targets draft REPORT [--write]` and what `targets check` says about drafts."""

import difflib
import io

import yaml

from loaders.cli.main import main


def run(*argv) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_draft_prints_the_records_as_yaml(tmp_path, draft_files):
    targets = draft_files()
    code, text = run("--targets", str(targets), "draft", "syn-2023")
    assert code == 0
    data = yaml.safe_load(text)
    assert [a["id"] for a in data["areas"]] == ["syn-2023-chapter-2"]
    assert [c["id"] for c in data["commitments"]] == [
        "gdp-growth-2023",
        "school-places-2023",
        "greenways-2023",
        "syn-2023-04",
        "syn-2023-05",
        "syn-2023-06",
    ]
    assert data["commitments"][1] == {
        "id": "school-places-2023",
        "report": "syn-2023",
        "year": 2023,
        "area": "livelihood",
        "metric": "school-places",
        "title": "新增学位",
        "title_en": "New school places",
        "target": {"op": ">=", "value": 12000, "unit": "个"},
        "quote": "新增公办学位 1.2万个",
        "baseline": {"year": 2022, "value": 5200, "quote": "新增学位 5200个"},
        "draft": True,
    }
    assert "#   ¶10 （二） 全面建成区政务服务中心\n" in text
    assert targets.read_text(encoding="utf-8").count("draft: true") == 0  # nothing written


def test_draft_write_adds_only_new_lines_and_checks(tmp_path, draft_files):
    targets = draft_files()
    before = targets.read_text(encoding="utf-8")
    code, text = run("--targets", str(targets), "draft", "syn-2023", "--write")
    after = targets.read_text(encoding="utf-8")
    assert code == 0
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert [line for line in diff if line.startswith("- ")] == []
    assert sum(line.startswith("+ ") for line in diff) == len(after.splitlines()) - len(
        before.splitlines()
    )
    assert text.startswith(f"{targets}: added 6 drafted commitment(s) and 1 area(s) for syn-2023\n")
    lines = text.splitlines()
    assert lines[-1] == (
        f"{targets}: OK — 9 commitments, 0 exclusions, 2 reports; 11 quotes verified; "
        "6 draft(s) to review"
    )
    warning = next(line for line in lines if "school-places-2023: draft:" in line)
    assert warning.endswith(
        "school-places-2023: draft: warning: a draft to review (`targets draft`): check each field "
        "against the report, replace any TODO, then delete `draft: true`"
    )


def test_the_targets_file_can_follow_the_command(tmp_path, draft_files):
    targets = draft_files()
    code, text = run("draft", "syn-2023", "--write", "--targets", str(targets))
    assert code == 0
    assert text.startswith(f"{targets}: added 6 drafted commitment(s)")


def test_a_second_draft_finds_nothing_new(tmp_path, draft_files):
    targets = draft_files()
    run("--targets", str(targets), "draft", "syn-2023", "--write")
    code, text = run("--targets", str(targets), "draft", "syn-2023")
    assert code == 0
    assert "# nothing to draft: every plan figure is tracked, excluded or not an amount\n" in text


def test_check_counts_the_drafts_and_passes(tmp_path, draft_files):
    targets = draft_files()
    run("--targets", str(targets), "draft", "syn-2023", "--write")
    code, text = run("--targets", str(targets), "check")
    assert code == 0
    assert text.endswith("; 6 draft(s) to review\n")


def test_an_undeclared_report_says_how_to_declare_it(tmp_path, capsys, draft_files):
    targets = draft_files()
    code, _ = run("--targets", str(targets), "draft", "syn-2025")
    assert code == 2
    assert capsys.readouterr().err == (
        'unknown report "syn-2025": declare it under `reports:` (id, title, title_en, date, '
        "file) with its text in seeds/, then run `targets draft` again "
        "(reports: syn-2022, syn-2023)\n"
    )


def test_write_refuses_a_file_with_errors(tmp_path, capsys, draft_files):
    targets = draft_files()
    text = targets.read_text(encoding="utf-8").replace("value: 5000", 'value: "5,000"')
    targets.write_text(text, encoding="utf-8")
    code, _ = run("--targets", str(targets), "draft", "syn-2023", "--write")
    assert code == 1
    assert capsys.readouterr().err == (
        f"1 problem(s) in {targets}: fix them first (`targets check`), so the drafts can be "
        "checked\n"
    )
    assert targets.read_text(encoding="utf-8") == text


def test_write_keeps_a_byte_order_mark_and_windows_line_endings(tmp_path, draft_files):
    targets = draft_files()
    original = b"\xef\xbb\xbf" + targets.read_bytes().replace(b"\n", b"\r\n")
    targets.write_bytes(original)
    code, _ = run("--targets", str(targets), "draft", "syn-2023", "--write")
    written = targets.read_bytes()
    assert code == 0
    assert b"\n" not in written.replace(b"\r\n", b"")
    old_lines = original.decode("utf-8-sig").splitlines()
    new_lines = written.decode("utf-8-sig").splitlines()
    diff = list(difflib.ndiff(old_lines, new_lines))
    assert [line for line in diff if line.startswith("- ")] == []
    assert written.startswith(b"\xef\xbb\xbf")
