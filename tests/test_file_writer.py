"""The writers of targets files (`find --suggest --write`, `draft --write`): one at a time, no
save of another lost or doubled, links, modes, owners, line endings and BOMs kept.

Fixtures: the SYNTHETIC `targets draft` files (`draft_files`): `targets find syn-2022 --suggest
syn-2023` offers two candidates there, [1] school places 5200 and [2] greenways 2.5.
"""

from __future__ import annotations

import difflib
import io
import multiprocessing
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.cli.find import accept_suggestions
from loaders.cli.main import main
from loaders.figures.suggest import suggest_progress
from loaders.load.targets import load_targets
from loaders.record import file_writer
from loaders.record.file_writer import WriteError, edit_file
from loaders.record.yaml_append import insert_after_record

SCHOOL_ENTRY = "      - year: 2022\n        value: 5200\n        source: syn-2023\n"
GREENWAY_ENTRY = "      - year: 2022\n        value: 2.5\n        source: syn-2023\n"


def run(*argv: str) -> tuple[int, str, str]:
    """Return the exit code, output and error output of a `targets` command."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def accept(targets: Path, *pick: str) -> tuple[int, str, str]:
    """Return what `targets find syn-2022 --suggest syn-2023 --write` gives."""
    extra = ["--pick", ",".join(pick)] if pick else []
    return run(
        "--targets", str(targets), "find", "syn-2022", "--suggest", "syn-2023", "--write", *extra
    )


# ---- an editor's save between the command's read and its write -------------------------------


def test_a_save_made_while_find_writes_is_kept(draft_files, monkeypatch):
    targets = draft_files()
    import loaders.record.yaml_append as yaml_append

    original = yaml_append.insert_after_record
    saves = []

    def editor_saves_first(text, *args):
        if not saves:  # the editor saves after the writer read the file
            saves.append(1)
            edited = targets.read_text(encoding="utf-8").replace(
                "GDP growth", "GDP growth (EDITED)"
            )
            targets.write_text(edited, encoding="utf-8")
        return original(text, *args)

    monkeypatch.setattr(yaml_append, "insert_after_record", editor_saves_first)
    code, out, err = accept(targets, "1")
    text = targets.read_text(encoding="utf-8")
    assert (code, err) == (0, "")
    assert "GDP growth (EDITED)" in text
    assert text.count(SCHOOL_ENTRY) == 1


def test_a_save_made_while_draft_writes_is_kept(draft_files, monkeypatch):
    targets = draft_files()
    import loaders.cli.draft as draft

    original = draft.write_drafts
    saves = []

    def editor_saves_first(text, result):
        if not saves:
            saves.append(1)
            edited = targets.read_text(encoding="utf-8").replace(
                "GDP growth", "GDP growth (EDITED)"
            )
            targets.write_text(edited, encoding="utf-8")
        return original(text, result)

    monkeypatch.setattr(draft, "write_drafts", editor_saves_first)
    code, out, err = run("--targets", str(targets), "draft", "syn-2023", "--write")
    text = targets.read_text(encoding="utf-8")
    assert code == 0, err
    assert "GDP growth (EDITED)" in text
    assert text.count("- id: school-places-2023") == 1


def test_a_file_saved_by_someone_at_every_attempt_is_not_written(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text("commitments: []\n", encoding="utf-8")

    def edit(text: str) -> str:
        path.write_text(path.read_text(encoding="utf-8") + "# saved\n", encoding="utf-8")
        return text + "# mine\n"

    with pytest.raises(WriteError) as raised:
        edit_file(path, edit)
    assert str(raised.value) == (
        f"{path}: not written: it was saved by someone else 5 times while the new lines were "
        "being added: run the command again"
    )
    assert "# mine" not in path.read_text(encoding="utf-8")


def test_an_entry_another_writer_added_meanwhile_is_not_added_again(draft_files):
    targets = draft_files()
    result = load_targets(targets)
    found = suggest_progress(result.targets, "syn-2023", result.documents["syn-2023"], "syn-2022")
    assert accept(targets, "1")[0] == 0  # another writer, after this one read the file
    out, err = io.StringIO(), io.StringIO()
    code = accept_suggestions(
        found, "1", "syn-2023", targets, targets.parent / "seeds", out, err, result
    )
    assert (code, err.getvalue()) == (0, "")
    assert out.getvalue().startswith(
        f"\nNothing added: {targets} already holds these progress entries; checking it:\n"
    )
    assert targets.read_text(encoding="utf-8").count(SCHOOL_ENTRY) == 1


# ---- what the file keeps ---------------------------------------------------------------------


def test_crlf_line_endings_stay_crlf(draft_files):
    targets = draft_files()
    before = targets.read_bytes().replace(b"\n", b"\r\n")
    targets.write_bytes(before)
    assert accept(targets, "1")[0] == 0
    after = targets.read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n") == before.count(b"\n") + 5
    diff = difflib.ndiff(before.decode().splitlines(), after.decode().splitlines())
    assert [line for line in diff if line.startswith("- ")] == []


def test_a_bom_is_kept(draft_files):
    targets = draft_files()
    targets.write_bytes(b"\xef\xbb\xbf" + targets.read_bytes())
    assert accept(targets, "1")[0] == 0
    assert run("--targets", str(targets), "draft", "syn-2023", "--write")[0] == 0
    raw = targets.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1


def test_a_symlinked_file_is_written_through_the_link(draft_files, tmp_path):
    targets = draft_files()
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "real.yaml"
    targets.rename(real)
    targets.symlink_to(real)
    assert accept(targets, "1")[0] == 0
    assert targets.is_symlink()
    assert real.read_text(encoding="utf-8").count(SCHOOL_ENTRY) == 1


def test_a_hard_linked_file_keeps_its_links(draft_files, tmp_path):
    targets = draft_files()
    other = tmp_path / "other-name.yaml"
    os.link(targets, other)
    assert accept(targets, "1")[0] == 0
    assert os.stat(targets).st_nlink == 2
    assert other.read_text(encoding="utf-8").count(SCHOOL_ENTRY) == 1


def test_write_refuses_a_file_with_errors_and_writes_nothing(draft_files):
    targets = draft_files()
    broken = targets.read_text(encoding="utf-8").replace("year: 2022", "year: twenty", 1)
    targets.write_text(broken, encoding="utf-8")
    code, _, err = accept(targets, "1")
    assert code == 1
    assert err.splitlines()[-1] == (
        f"1 problem(s) in {targets}: nothing written; fix them first (`targets check`), so "
        "the new entries can be checked"
    )
    assert targets.read_text(encoding="utf-8") == broken


def test_mode_and_owner_are_kept(draft_files):
    targets = draft_files()
    os.chmod(targets, 0o640)
    if os.geteuid() == 0:
        os.chown(targets, 65534, 65534)
    assert accept(targets, "1")[0] == 0
    info = targets.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert sorted(p.name for p in targets.parent.iterdir() if p.name.startswith(".targets.")) == [
        ".targets.yaml.lock"
    ]  # no temporary file left


def test_a_read_only_file_is_refused_with_exit_2(draft_files):
    targets = draft_files()
    os.chmod(targets, 0o444)
    before = targets.read_bytes()
    message = (
        f"{targets}: not written: the file is read-only: make it writable "
        f"(chmod u+w {targets}) to add to it\n"
    )
    assert accept(targets, "1") == (2, _suggestions_of(targets), message)
    code, out, err = run("--targets", str(targets), "draft", "syn-2023", "--write")
    assert (code, err) == (2, message)
    assert targets.read_bytes() == before


def _suggestions_of(targets: Path) -> str:
    """Return what `find --suggest` prints before it writes."""
    return run("--targets", str(targets), "find", "syn-2022", "--suggest", "syn-2023")[1]


def test_a_folder_the_writer_may_not_write_in_is_a_one_line_problem(draft_files, monkeypatch):
    targets = draft_files()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(file_writer.tempfile, "mkstemp", refuse)
    code, out, err = accept(targets, "1")
    assert (code, err) == (
        2,
        f"{targets}: not written: cannot create a file in {targets.parent}: Permission denied\n",
    )


def test_a_full_disk_leaves_the_file_unchanged_with_a_one_line_problem(draft_files, monkeypatch):
    targets = draft_files()
    before = targets.read_bytes()

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(file_writer.os, "fsync", full)
    code, out, err = run("--targets", str(targets), "draft", "syn-2023", "--write")
    assert (code, err) == (
        2,
        f"{targets}: not written (the file is unchanged): no space left on the disk: free "
        "some, then run the command again\n",
    )
    assert targets.read_bytes() == before
    assert [p.name for p in targets.parent.iterdir() if p.name.startswith(".targets.yaml.")] == [
        ".targets.yaml.lock"
    ]


# ---- sources by id, progress where the commitment is ------------------------------------------


def test_a_suggestion_from_a_path_outside_the_reports_is_not_written(draft_files, tmp_path):
    targets = draft_files()
    other = tmp_path / "elsewhere" / "other-2023.txt"
    other.parent.mkdir()
    other.write_text((tmp_path / "seeds" / "syn-2023.txt").read_text(encoding="utf-8"), "utf-8")
    before = targets.read_bytes()
    code, out, err = run(
        "--targets", str(targets), "find", "syn-2022", "--suggest", str(other), "--write"
    )
    assert (code, err) == (
        2,
        f"--write: {other} is not the text of a report declared in {targets}: declare it under "
        "`reports:` (id, title, title_en, date, file) with its text in seeds/, then give its id, "
        "so that progress names its source by id\n",
    )
    assert targets.read_bytes() == before


def test_a_suggestion_from_a_report_file_path_is_written_with_its_id(draft_files, tmp_path):
    targets = draft_files()
    path = tmp_path / "seeds" / "syn-2023.txt"
    code, out, err = run(
        "--targets",
        str(targets),
        "find",
        "syn-2022",
        "--suggest",
        str(path),
        "--write",
        "--pick",
        "1",
    )
    assert code == 0, err
    assert targets.read_text(encoding="utf-8").count(SCHOOL_ENTRY) == 1


def test_progress_goes_to_the_included_file_that_holds_the_commitment(draft_files):
    targets = draft_files()
    text = targets.read_text(encoding="utf-8")
    head, commitments = text.split("commitments:\n", 1)
    (targets.parent / "parts").mkdir()
    part = targets.parent / "parts" / "commitments.yaml"
    part.write_text("commitments:\n" + commitments, encoding="utf-8")
    targets.write_text(head + "include: [parts/*.yaml]\n", encoding="utf-8")
    code, out, err = accept(targets, "1")
    assert code == 0, err
    assert f"\nAdded 1 progress entry to {part}; checking it:\n" in out
    assert part.read_text(encoding="utf-8").count(SCHOOL_ENTRY) == 1
    assert targets.read_text(encoding="utf-8") == head + "include: [parts/*.yaml]\n"


# ---- several writers at once ------------------------------------------------------------------


def _add_progress(path: str, record: str, year: int, go) -> None:
    """Add a progress entry to a record of the file (a writer process)."""
    go.wait()
    entry = [[f"- year: {year}", "  value: 1", "  source: syn-2023"]]
    edit_file(
        path, lambda text: insert_after_record(text, "commitments", record, "progress", entry)
    )


def _editor_then_add(path: str, record: str, year: int, go, run_number: int) -> None:
    """Save the file as an editor would while the writer is between its read and its write,
    then add a progress entry (the writer process)."""
    go.wait()
    entry = [[f"- year: {year}", "  value: 1", "  source: syn-2023"]]
    saved = []

    def edit(text: str) -> str:
        if not saved:
            saved.append(1)
            with open(path, "a", encoding="utf-8") as file:  # noqa: PTH123 - an editor's save
                file.write(f"# editor's save {run_number}\n")
        return insert_after_record(text, "commitments", record, "progress", entry)

    edit_file(path, edit)


def test_several_writers_and_an_editor_lose_and_double_nothing(draft_files):
    targets = draft_files()
    original = targets.read_text(encoding="utf-8")
    records = ["gdp-growth-2022", "school-places-2022", "greenways-2022"]
    context = multiprocessing.get_context("fork")
    for run_number in range(12):
        targets.write_text(original, encoding="utf-8")
        go = context.Event()
        workers = [
            context.Process(target=_add_progress, args=(str(targets), record, 2030 + n, go))
            for n, record in enumerate(records)
        ]
        workers += [
            context.Process(target=_add_progress, args=(str(targets), records[0], 2040, go)),
            context.Process(
                target=_editor_then_add, args=(str(targets), records[1], 2050, go, run_number)
            ),
        ]
        for worker in workers:
            worker.start()
        go.set()
        for worker in workers:
            worker.join(60)
        assert [w.exitcode for w in workers] == [0] * len(workers)
        text = targets.read_text(encoding="utf-8")
        for year in (2030, 2031, 2032, 2040, 2050):
            assert text.count(f"- year: {year}\n") == 1, (run_number, year, text)
        assert text.count(f"# editor's save {run_number}\n") == 1
        assert (
            text.replace(f"# editor's save {run_number}\n", "").count("\n")
            == original.count("\n") + 5 * 3 + 3
        )  # five entries of three lines, `progress:` under each record


def test_commands_run_together_lose_and_double_nothing(draft_files):
    targets = draft_files()
    original = targets.read_text(encoding="utf-8")
    base = [sys.executable, "-m", "loaders", "--targets", str(targets)]
    find = [*base, "find", "syn-2022", "--suggest", "syn-2023", "--write", "--pick"]
    for _ in range(4):
        targets.write_text(original, encoding="utf-8")
        commands = [[*find, "1"], [*find, "2"], [*base, "draft", "syn-2023", "--write"]] * 2
        running = [
            subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for c in commands
        ]
        results = [(p.wait(120), p.stderr.read() if p.stderr else "") for p in running]
        assert all(code in (0, 1) for code, _ in results), results
        text = targets.read_text(encoding="utf-8")
        assert text.count(SCHOOL_ENTRY) == 1
        assert text.count(GREENWAY_ENTRY) == 1
        assert text.count("- id: school-places-2023") == 1
        assert run("--targets", str(targets), "check")[0] == 0
