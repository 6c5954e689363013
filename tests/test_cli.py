"""The targets command: its output streams, and a reader that stops reading (`| head -1`)."""

import gc
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = str(ROOT / "targets.yaml")

# SYNTHETIC: one commitment whose title_en is missing, so check and export find 1 problem.
ONE_PROBLEM = """\
reports:
  - {id: r, title: 报告, title_en: Report, date: 2022-03-15, file: r.txt}
areas:
  - {id: a, name: 民生, name_en: Livelihoods}
commitments:
  - id: places
    report: r
    year: 2022
    area: a
    title: 新增学位
    title_en: New school places
    target: {op: ">=", value: 6900, unit: 个}
    quote: 确保新增学位 6900个以上
  - id: roads
    report: r
    year: 2022
    area: a
    title: 新建道路
    target: {op: ">=", value: 12, unit: 公里}
    quote: 新建道路 12公里
"""


class ReaderGoneAfterFirstWrite(io.StringIO):
    """A stdout whose reader takes the first write and then closes the pipe, as `head -1` does."""

    def write(self, text: str) -> int:
        if self.getvalue():
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


def one_problem_file(tmp_path: Path) -> str:
    """Return the path of a SYNTHETIC targets file with one problem, beside its seeds."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "r.txt").write_text(
        "\t确保新增学位 6900个以上。\n\t新建道路 12公里。\n", encoding="utf-8"
    )
    path = tmp_path / "targets.yaml"
    path.write_text(ONE_PROBLEM, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["schema"],
    ],
    ids=" ".join,
)
def test_a_reader_that_stops_reading_ends_the_command_quietly_with_0(command, tmp_path):
    # without the closed pipe, check and export exit 1 on this file (next test)
    out, err = ReaderGoneAfterFirstWrite(), io.StringIO()
    assert main(["--targets", one_problem_file(tmp_path), *command], out, err) == 0
    assert out.getvalue()  # the first write reached the reader
    assert err.getvalue() == ""


@pytest.mark.parametrize(
    "command",
    [["find"], ["find", "--untracked"], ["find", "--format", "json"], ["find", "qc-2022"]],
    ids=" ".join,
)
def test_a_reader_that_stops_reading_ends_find_quietly_with_0(command):
    out, err = ReaderGoneAfterFirstWrite(), io.StringIO()
    assert main(["--targets", BUNDLED, *command], out, err) == 0
    assert out.getvalue()
    assert err.getvalue() == ""


def test_without_the_closed_pipe_the_same_commands_report_the_problem(tmp_path):
    path = one_problem_file(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--targets", path, "check"], out, err) == 1
    assert out.getvalue().splitlines() == [
        f"{path}:14: roads: title_en: missing: add title_en "
        "(e.g. title_en: New primary, secondary and kindergarten places)",
        f"1 problem(s) in {path}; 1 valid commitment(s) shown by the dashboard",
    ]
    assert err.getvalue() == ""
    out, err = io.StringIO(), io.StringIO()
    assert main(["--targets", path, "export", "--as-of", "2023-01-01"], out, err) == 1


def test_messages_go_to_the_error_stream_given(tmp_path, capsys):
    path = one_problem_file(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--targets", path, "export", "--as-of", "2023-01-01"], out, err) == 1
    assert out.getvalue().startswith("id,report,")
    assert err.getvalue() == (
        f"1 problem(s) in {path}: exported the valid records only; "
        "run `targets check` to see them\n"
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["--targets", BUNDLED, "find", "nope"], out, err) == 2
    assert err.getvalue() == (
        'unknown report "nope": give a report id of targets.yaml (qc-2022, qc-2024) '
        "or the path of a report's text file\n"
    )
    assert out.getvalue() == ""
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["import", "report.pdf", "--date", "2024-13-01"],
            'targets import: error: argument --date: "2024-13-01" is not a date (month must be '
            "in 1..12): give it as YYYY-MM-DD, e.g. 2024-03-15",
        ),
        (
            ["import", "report.pdf", "--date", "2024/03/15"],
            'targets import: error: argument --date: "2024/03/15" is not a date: give it as '
            "YYYY-MM-DD, e.g. 2024-03-15",
        ),
        (
            ["export", "--as-of", "2025-02-30"],
            'targets export: error: argument --as-of: "2025-02-30" is not a date (day is out of '
            "range for month): give it as YYYY-MM-DD, e.g. 2024-03-15",
        ),
    ],
)
def test_a_date_that_is_not_one_says_how_to_write_it(argv, message):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        main(argv, out, err)
    assert exited.value.code == 2
    assert err.getvalue().splitlines()[-1] == message


def test_usage_errors_and_help_go_to_the_streams_given(capsys):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate"], out, err)
    assert exited.value.code == 2
    assert err.getvalue().splitlines()[-1] == (
        "targets: error: argument COMMAND: invalid choice: 'frobnicate' "
        "(choose from 'check', 'export', 'find', 'draft', 'init', 'import', 'report', 'schema')"
    )
    with pytest.raises(SystemExit) as exited:
        main(["--help"], out, err)
    assert exited.value.code == 0
    assert out.getvalue().startswith("usage: targets ")
    assert capsys.readouterr() == ("", "")


def run_and_close_stdout(args: list[str], unbuffered: str, after: int) -> tuple[int, str]:
    """Return the exit code and stderr of the command when its reader closes after some bytes."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(ROOT)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    process = subprocess.Popen(
        [sys.executable, "-m", "loaders", "--targets", BUNDLED, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
        cwd=ROOT,
        env=env,
    )
    if after:
        assert len(process.stdout.read(after)) == after
    process.stdout.close()
    stderr = process.stderr.read().decode()
    return process.wait(timeout=60), stderr


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_head_closing_the_pipe_gives_no_traceback_and_exit_0(unbuffered):
    # `targets find --format json` on the bundled file writes about 80 kB, more than a pipe holds
    assert run_and_close_stdout(["find", "--format", "json"], unbuffered, after=2) == (0, "")


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_a_reader_gone_before_the_first_write_gives_no_traceback_and_exit_0(unbuffered):
    # the one line of check waits in stdout's buffer until the last flush, which fails
    assert run_and_close_stdout(["check"], unbuffered, after=0) == (0, "")


def test_the_command_as_a_shell_runs_it_leaves_the_cyclic_collector_off(capsys):
    from loaders.cli.main import command_line

    try:
        assert command_line(["--targets", BUNDLED, "check"]) == 0
        assert not gc.isenabled()  # the process exits next: nothing to collect for
    finally:
        gc.enable()
    assert "OK" in capsys.readouterr().out


def test_the_command_run_by_python_m_loaders_checks_the_bundled_file():
    completed = subprocess.run(
        [sys.executable, "-m", "loaders", "--targets", BUNDLED, "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "OK" in completed.stdout
