"""The bad-input corpus: `targets check` says exactly what is wrong, where, and keeps the rest.

Each case of tests/bad_inputs is checked for the exact output of `targets check`, its exit code,
the commitments that stay valid, and that `targets export` survives it too.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bad_inputs import CASES, HERE, INJECTED, WARNING_CODES, alias_bomb, cases

from loaders.cli.main import main
from loaders.load.targets import load_targets
from loaders.problems import CODES

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> tuple[int, str]:
    """Return the exit code and output of the targets command run in this process."""
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_check_says_exactly_what_is_wrong(case, tmp_path, monkeypatch):
    targets, seeds = case.write(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, output = run_cli("--targets", targets.name, "--seeds", str(seeds), "check")
    assert output == case.output(targets.name)
    assert code == case.exit_code


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_valid_records_are_kept(case, tmp_path):
    targets, seeds = case.write(tmp_path)
    result = load_targets(targets, seeds)
    assert [str(problem) for problem in result.problems] == case.problems(str(targets))
    assert tuple(problem.code for problem in result.problems) == case.codes
    assert [problem.severity == "warning" for problem in result.problems] == [
        code in WARNING_CODES for code in case.codes
    ]
    assert tuple(c.id for c in result.targets.commitments) == case.valid
    assert result.unreadable == (case.exit_code == 2)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_export_survives_and_writes_the_valid_records(case, tmp_path, monkeypatch, capsys):
    targets, seeds = case.write(tmp_path)
    code, output = run_cli(
        "--targets", str(targets), "--seeds", str(seeds), "export", "--format", "json"
    )
    assert code == case.exit_code
    if code != 2:
        assert tuple(row["id"] for row in json.loads(output)) == case.valid


def test_the_corpus_covers_every_kind_with_at_least_40_cases():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)) >= 40
    assert {case.kind for case in CASES} == {
        "yaml",
        "encoding",
        "resource",
        "value",
        "reference",
        "injection",
    }
    assert sum(len(case.valid) > 0 and case.exit_code == 1 for case in CASES) >= 20
    assert cases("injection") == [case for case in CASES if case.kind == "injection"]


def test_every_problem_line_of_the_corpus_has_a_known_code():
    for case in CASES:
        assert len(case.codes) == len(case.lines), case.name
        assert set(case.codes) <= set(CODES), case.name


def test_every_committed_fixture_is_a_case_and_says_what_it_breaks():
    committed = {p.stem for p in HERE.iterdir() if p.suffix in (".yaml", ".bin")} - {"valid"}
    assert committed <= {case.name for case in CASES}
    for name in committed - {"empty", "top-level-text", "binary-garbage"}:
        first = next(HERE.glob(f"{name}.*")).read_bytes().split(b"\n", 1)[0]
        assert first.startswith(f"# {name}: ".encode()), name


def test_the_valid_base_is_valid(tmp_path):
    _, seeds = next(c for c in CASES if c.name == "duplicate-key").write(tmp_path)  # 2022 alone
    result = load_targets(HERE / "valid.yaml", seeds)
    assert result.problems == []
    assert len(result.targets.commitments) == 3


def test_injected_html_is_kept_verbatim_as_data(tmp_path):
    by_case = {case.name: case for case in CASES}
    for name, ident, field, value in INJECTED:
        targets, seeds = by_case[name].write(tmp_path / name)
        [commitment] = [
            c for c in load_targets(targets, seeds).targets.commitments if c.id == ident
        ]
        assert getattr(commitment, field) == value


MEASURE_ALIAS_BOMB = """
import json, resource, sys, time, tracemalloc
from loaders.load.targets import load_targets
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
start = time.process_time()
result = load_targets(sys.argv[1], sys.argv[2])
seconds = time.process_time() - start
peak = tracemalloc.get_traced_memory()[1]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak": peak, "rss_growth_kb": after - before,
                  "problems": len(result.problems)}))
"""


@pytest.mark.parametrize("levels", [9, 30])
def test_alias_bomb_is_refused_within_1_second_and_100_mb(levels, tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n" if levels != 9 else alias_bomb())
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE_ALIAS_BOMB, str(bomb), str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    measured = json.loads(completed.stdout)
    assert measured["seconds"] < 1.0
    assert measured["peak"] < 100 * 1024 * 1024
    assert measured["rss_growth_kb"] < 100 * 1024
    assert measured["problems"] == 2 * levels + 4


def targets_command() -> list[str]:
    """Return the installed targets command, or the module when it is not installed."""
    script = Path(sys.executable).parent / "targets"
    return [str(script)] if script.exists() else [sys.executable, "-m", "loaders"]


@pytest.mark.parametrize(
    "name",
    ["unclosed-quote", "gbk-encoded", "deep-nesting-compact-100000", "seed-changed", "alias-bomb"],
)
def test_the_command_exits_with_file_line_messages_and_no_traceback(name, tmp_path):
    [case] = [case for case in CASES if case.name == name]
    targets, seeds = case.write(tmp_path)
    completed = subprocess.run(
        [*targets_command(), "--targets", targets.name, "--seeds", str(seeds), "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert "Traceback" not in completed.stderr
    assert completed.stderr == ""
    assert completed.stdout == case.output(targets.name)
    assert completed.returncode == case.exit_code


def test_the_readme_states_the_limits_the_code_has():
    from loaders.record.values import MAX_NUMBER
    from loaders.record.yaml_source import (
        MAX_DEPTH,
        MAX_FILE_BYTES,
        MAX_KEY_CHARS,
        MAX_STRING_CHARS,
    )
    from loaders.texts.quotes import MAX_NEEDLE
    from loaders.texts.report import MAX_REPORT_BYTES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    limits = readme.split("\n## Limits\n")[1].split("\n## ")[0]
    assert MAX_NUMBER == 10**15
    for stated in (
        f"`targets.yaml` up to {MAX_FILE_BYTES // 2**20} MB",
        f"nested up to {MAX_DEPTH} levels",
        f"a value up to {MAX_STRING_CHARS:,} characters (a key up to {MAX_KEY_CHARS})",
        "a figure under 10^15",
        f"up to {MAX_REPORT_BYTES // 2**20} MB",
        f"first {MAX_NEEDLE} characters",
    ):
        assert stated in limits


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(os.mkfifo, id="pipe"),
        pytest.param(lambda path: path.symlink_to("/dev/zero"), id="endless-device"),
    ],
)
def test_a_targets_file_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path, make):
    path = tmp_path / "targets.yaml"
    make(path)
    code, output = run_cli("--targets", str(path), "check")
    assert code == 2
    assert output == (
        f"{path}: not a regular file (a device or a pipe): give the path of a text file\n"
    )


def test_strict_makes_a_warning_exit_1_and_the_record_stays(tmp_path, monkeypatch):
    [case] = [c for c in CASES if c.name == "progress-unit-scale-slip"]
    targets, seeds = case.write(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ("--targets", targets.name, "--seeds", str(seeds), "check")
    assert run_cli(*args) == (0, case.output(targets.name))
    assert run_cli(*args, "--strict") == (
        1,
        case.output(targets.name) + "--strict: 1 warning(s) count as problems\n",
    )
