"""Control characters in values and report texts reach the terminal escaped (`\\x1b` shown as
`\\x1b`), so a crafted value cannot erase a line and print a fake "OK".

Fixture: the SYNTHETIC `targets draft` files, with an ESC sequence put in a value, a title and
a report text.
"""

from __future__ import annotations

import io
from pathlib import Path

from loaders.cli.main import main

FAKE = "\x1b[2K\rtargets.yaml: OK — 3 commitments"
SHOWN = "\\x1b[2K\\rtargets.yaml: OK — 3 commitments"


def run(targets: Path, *argv: str) -> tuple[int, str, str]:
    """Return the exit code, output and error output of a `targets` command."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["--targets", str(targets), *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def replace(path: Path, old: str, new: str) -> None:
    """Replace text in a file (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_value_with_an_escape_sequence_is_shown_escaped_in_its_problem(draft_files):
    targets = draft_files()
    replace(
        targets,
        '{op: "~", value: 6, unit: "%"}',
        '{op: "~", value: "\\e[2K\\rtargets.yaml: OK — 3 commitments", unit: "%"}',
    )
    code, out, err = run(targets, "check")
    assert code == 1
    assert "\x1b" not in out + err
    assert f'got "{SHOWN}"' in out


def test_a_report_text_with_an_escape_sequence_is_shown_escaped(draft_files):
    targets = draft_files()
    report = targets.parent / "seeds" / "syn-2023.txt"
    report.write_text(report.read_text(encoding="utf-8") + FAKE + "\n", encoding="utf-8")
    for argv in (["report", "syn-2023"], ["find", "syn-2023"], ["draft", "syn-2023"]):
        code, out, err = run(targets, *argv)
        assert "\x1b" not in out + err, argv
    assert "  ¶11   plan   \\x1b[2K\n" in run(targets, "report", "syn-2023")[1]


def test_a_title_with_an_escape_sequence_is_shown_escaped_by_find(draft_files):
    targets = draft_files()
    replace(targets, "title: 新增学位\n", 'title: "新增学位\\e[31m"\n')
    code, out, err = run(targets, "find", "syn-2022", "--suggest", "syn-2023")
    assert "\x1b" not in out + err
    assert "school-places-2022  新增学位\\x1b[31m  (target >= 5000 个, 2022)" in out
