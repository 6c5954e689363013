"""`make bench`: load, app and browser timings at 1×, 100× and 1000× the bundled commitments.

Prints one `name: value` line per figure (medians of several runs), then one
`target_<name>: PASS|FAIL (value vs limit)` line per target of docs/benchmarks.md.
The 100× and 1000× data are SYNTHETIC (bench/synthetic.py), written under bench/out/.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.apps import run_app_bench
from bench.browser import browser_available, measure_first_chart
from bench.loading import bare_load_once, cold_load_once, warm_loader
from bench.machine import machine_description
from bench.sessions import Runs as BrowserRuns
from bench.sessions import measure_sessions
from bench.split import measure_split
from bench.synthetic import base_commitment_count, ensure_generated
from bench.timing import Results, format_value, median_seconds

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_TARGETS = ROOT / "targets.yaml"
DASHBOARD_APP = ROOT / "dashboard" / "app.py"
MINIMAL_APP = ROOT / "bench" / "minimal_app.py"
MAX_CHART_POINTS = 1000


@dataclass(frozen=True)
class Runs:
    """How many times each figure is measured at one scale."""

    bare: int
    cold: int
    warm: int
    app: int


RUNS = {1: Runs(7, 5, 21, 5), 100: Runs(5, 3, 21, 5), 1000: Runs(1, 1, 5, 2)}
QUICK_RUNS = {1: Runs(3, 1, 5, 2), 100: Runs(1, 1, 5, 2), 1000: Runs(1, 1, 3, 1)}


@dataclass(frozen=True)
class TargetSpec:
    """A limit a figure must stay within."""

    name: str
    figure: str
    limit: float
    unit: str
    at_least: bool = False


TARGETS = (
    TargetSpec("warm_load_100x", "warm_load_100x_ms", 50, "ms"),
    TargetSpec("cold_vs_bare_100x", "cold_vs_bare_100x_ratio", 1.5, "x"),
    TargetSpec("overview_vs_minimal_100x", "overview_vs_minimal_100x_ratio", 2, "x"),
    TargetSpec("overview_100x", "overview_apptest_100x_s", 1, "s"),
    TargetSpec("filter_change_100x", "filter_change_100x_ms", 300, "ms"),
    TargetSpec("filter_change_first_100x", "filter_change_first_100x_ms", 300, "ms"),
    TargetSpec("browser_first_chart_100x", "browser_first_chart_vs_minimal_100x_ratio", 1.2, "x"),
    TargetSpec("browser_herd_100x", "browser_herd_app_100x_ratio", 1.6, "x"),
    TargetSpec("overview_1000x_errors", "overview_apptest_1000x_errors", 0, ""),
    TargetSpec(
        "overview_1000x_chart_points", "overview_max_chart_points_1000x", MAX_CHART_POINTS, ""
    ),
    TargetSpec("quotes_verify_100x", "problems_100x", 0, ""),
    TargetSpec("quotes_verify_1000x", "problems_1000x", 0, ""),
    TargetSpec("finder_mb_per_s", "finder_mb_per_s", 1, "MB/s", at_least=True),
    *(
        TargetSpec(f"{total}_{score}", f"{total}_{score}", 0.95, "", at_least=True)
        for total in ("report_formats", "report_formats_holdout")
        for score in ("recall", "precision", "op_accuracy")
    ),
    TargetSpec("draft_right_share", "draft_right_share", 0.95, "", at_least=True),
    TargetSpec("draft_repeat_share", "draft_repeat_share", 0.9, "", at_least=True),
    TargetSpec("save_to_view_1000x", "save_to_view_1000x_s", 1, "s"),
    TargetSpec("split_cold_warm_cache_1000x", "split_cold_warm_cache_1000x_s", 3, "s"),
    TargetSpec("check_after_edit_1000x", "check_after_edit_1000x_s", 1, "s"),
    TargetSpec("split_problems_1000x", "split_problems_1000x", 0, ""),
    TargetSpec("split_restart_first_view_1000x", "split_restart_first_view_1000x_s", 2, "s"),
    TargetSpec("coverage_restart_first_1000x", "coverage_restart_first_1000x_s", 2, "s"),
    TargetSpec("check_cold_vs_bare_1000x", "check_cold_vs_bare_1000x_ratio", 1.5, "x"),
    TargetSpec("check_unchanged_vs_bare_1000x", "check_unchanged_vs_bare_1000x_ratio", 1.5, "x"),
    TargetSpec("split_restart_first_view_10000x", "split_restart_first_view_10000x_s", 10, "s"),
    TargetSpec(
        "browser_filter_settle_100x", "browser_filter_settle_vs_minimal_100x_ratio", 1.5, "x"
    ),
    TargetSpec("bench_total", "bench_total_s", 600, "s"),
)


def dataset(scale: int, base: int, results: Results) -> tuple[Path, Path]:
    """Return the targets file and seeds folder of a scale (1× is the bundled file when present)."""
    if scale == 1 and BUNDLED_TARGETS.is_file():
        results.add("data_1x", "targets.yaml + seeds/ (bundled, real)")
        return BUNDLED_TARGETS, ROOT / "seeds"
    start = time.perf_counter()
    generated = ensure_generated(scale, base)
    label = f"{scale}x"
    results.add(f"data_{label}", f"SYNTHETIC {generated.targets_file.relative_to(ROOT)}")
    results.add(f"generate_{label}_s", time.perf_counter() - start)
    results.add(f"reports_{label}", generated.reports)
    results.add(f"seeds_mb_{label}", generated.seeds_bytes / 1e6)
    return generated.targets_file, generated.seeds_dir


def bench_loads(results: Results, scale: int, targets: Path, seeds: Path, runs: Runs) -> None:
    """Measure bare libyaml, cold load + validate + quote check, and the warm (cached) load."""
    label = f"{scale}x"
    results.add(f"yaml_mb_{label}", targets.stat().st_size / 1e6)
    bares = [bare_load_once(targets) for _ in range(runs.bare)]
    results.add(f"commitments_{label}", bares[0]["commitments"])
    bare = statistics.median(b["seconds"] for b in bares)
    results.add(f"bare_csafeloader_{label}_s", bare)
    paused = statistics.median(b["seconds_gc_paused"] for b in bares)
    results.add(f"bare_csafeloader_gc_paused_{label}_s", paused)
    try:
        colds = [cold_load_once(targets, seeds) for _ in range(runs.cold)]
        name, load = warm_loader()
    except (subprocess.CalledProcessError, ImportError) as error:
        detail = getattr(error, "stderr", None) or str(error)
        results.add(
            f"cold_load_validate_{label}_s", f"not measured: {detail.strip().splitlines()[-1]}"
        )
        return
    cold = statistics.median(c["seconds"] for c in colds)
    results.add(f"cold_load_validate_{label}_s", cold)
    results.add(f"cold_vs_bare_{label}_ratio", cold / bare)
    # the floor as load_targets sees it: it pauses the collector, a bare load does not
    results.add(f"cold_vs_bare_gc_paused_{label}_ratio", cold / paused)
    results.add(f"problems_{label}", colds[0]["problems"])
    for problem in colds[0]["first_problems"]:
        results.add(f"problem_example_{label}", problem)
    results.add("warm_load_function", name)
    load(targets, seeds)  # the first call fills the cache; what follows is the unchanged-file path
    results.add(
        f"warm_load_{label}_ms", median_seconds(lambda: load(targets, seeds), runs.warm) * 1000
    )


def bench_split(results: Results, scale: int, base: int, one_process: bool) -> None:
    """Measure the same records split one file per report (a top file with `include:`), and
    with one_process also a check with nothing cached in a single process."""
    generated = ensure_generated(scale, base)
    results.add(f"split_yaml_mb_{scale}x", generated.split_bytes / 1e6)
    try:
        measured = measure_split(
            generated.split_file, generated.seeds_dir, f"{scale}x", one_process
        )
    except subprocess.SubprocessError as error:
        detail = getattr(error, "stderr", None) or str(error)
        results.add(f"split_{scale}x", f"not measured: {detail.strip().splitlines()[-1]}")
        return
    for name, value in measured.items():
        results.add(name, value)


def bench_apps(results: Results, scale: int, targets: Path, runs: Runs) -> None:
    """Measure AppTest runs of the dashboard's overview and of the minimal app, and a filter change."""
    label = f"{scale}x"
    minimal = run_app_bench(MINIMAL_APP, targets, runs.app)
    _add_app(results, "overview_minimal", label, minimal)
    if not DASHBOARD_APP.is_file():
        results.add(f"overview_apptest_{label}", "not measured: dashboard/app.py has not landed")
        return
    overview = run_app_bench(DASHBOARD_APP, targets, runs.app)
    _add_app(results, "overview", label, overview)
    if "error" not in overview and "error" not in minimal:
        results.add(f"overview_vs_minimal_{label}_ratio", overview["warm_s"] / minimal["warm_s"])


def _add_app(results: Results, name: str, label: str, measured: dict) -> None:
    """Record the figures of one app's AppTest bench."""
    if "error" in measured:
        results.add(f"{name}_apptest_{label}_errors", 1)
        results.add(f"{name}_apptest_{label}_error", measured["error"].splitlines()[-1])
        return
    results.add(f"{name}_apptest_first_{label}_s", measured["first_s"])
    results.add(f"{name}_apptest_{label}_s", measured["warm_s"])
    results.add(f"{name}_apptest_{label}_errors", len(measured["errors"]))
    for error in measured["errors"]:
        results.add(f"{name}_apptest_{label}_error", error.splitlines()[0][:200])
    prefix = "filter_change" if name == "overview" else f"{name}_filter_change"
    if measured["filter_ms"] is not None:
        results.add(f"{prefix}_{label}_ms", measured["filter_ms"])
        results.add(f"{prefix}_first_{label}_ms", measured["filter_first_ms"])
        results.add(f"{prefix}_{label}_widget", measured["filter_widget"])
    results.add(f"{name}_charts_{label}", measured["charts"])
    results.add(f"{name}_max_chart_points_{label}", measured["max_chart_points"])


def bench_browser(results: Results, targets: Path, runs: int) -> None:
    """Measure time from server start to the first visible chart, app and minimal app, at 100×."""
    missing = browser_available()
    if missing:
        results.add("browser_first_chart", f"not measured: {missing}")
        return
    apps = {"minimal": MINIMAL_APP}
    if DASHBOARD_APP.is_file():
        apps["app"] = DASHBOARD_APP
    try:
        times = measure_first_chart(apps, targets, runs)
    except RuntimeError as error:
        results.add("browser_first_chart", f"failed: {str(error).splitlines()[0]}")
        return
    for name, values in times.items():
        results.add(f"browser_first_chart_{name}_100x_s", statistics.median(values))
    if "app" in times:
        results.add(
            "browser_first_chart_vs_minimal_100x_ratio",
            statistics.median(times["app"]) / statistics.median(times["minimal"]),
        )


BROWSER_RUNS = BrowserRuns(new_session=3, filter_change=12, herd=3)
#: at 1x the browser figures only show nothing got slower: fewer runs keep `make bench` in 600 s
BROWSER_RUNS_1X = BrowserRuns(new_session=3, filter_change=8, herd=2)
QUICK_BROWSER_RUNS = BrowserRuns(new_session=1, filter_change=2, herd=1)


def bench_sessions(results: Results, scale: int, targets: Path, runs: BrowserRuns) -> None:
    """Measure what a viewer waits for in the browser, app and minimal app on the same data: a
    new session's first chart, a filter change until the page settles, the herd after a save."""
    label = f"{scale}x"
    missing = browser_available()
    if missing:
        results.add(f"browser_sessions_{label}", f"not measured: {missing}")
        return
    apps = {"minimal": MINIMAL_APP, "app": DASHBOARD_APP}
    started = time.perf_counter()
    try:
        measured = measure_sessions(apps, targets, runs)
    except RuntimeError as error:
        results.add(f"browser_sessions_{label}", f"failed: {str(error).splitlines()[0]}")
        return
    for name, figures in measured.items():
        results.add(f"browser_new_session_{name}_{label}_s", figures["new_session_s"])
        results.add(f"browser_filter_settle_{name}_{label}_s", figures["filter_settle_s"])
        results.add(f"browser_filter_{name}_{label}_widget", figures["filter_widget"])
        results.add(f"browser_herd_no_save_{name}_{label}_s", figures["herd_no_save_s"])
        results.add(f"browser_herd_after_save_{name}_{label}_s", figures["herd_after_save_s"])
        results.add(f"browser_herd_runs_{name}_{label}", figures["herd_runs"])
        results.add(
            f"browser_herd_{name}_{label}_ratio",
            figures["herd_after_save_s"] / figures["herd_no_save_s"],
        )
    app, minimal = measured["app"], measured["minimal"]
    for figure in ("new_session", "filter_settle", "herd_after_save"):
        results.add(
            f"browser_{figure}_vs_minimal_{label}_ratio",
            app[f"{figure}_s"] / minimal[f"{figure}_s"],
        )
    results.add(f"browser_sessions_{label}_bench_s", time.perf_counter() - started)


def bench_finder(results: Results) -> None:
    """Measure the finder's throughput with helper code in bench/bench_finder.py, when it is there."""
    try:
        from bench import bench_finder
    except ImportError as error:
        results.add("finder_mb_per_s", f"not measured: {error}")
        return
    results.add("finder_mb_per_s", bench_finder.finder_mb_per_s())


def bench_report_formats(results: Results) -> None:
    """Score the finder on the labelled SYNTHETIC report texts of tests/report_formats."""
    from bench.report_formats import measure

    measured = measure()
    for total in ("overall", "tuned", "holdout", "was_holdout"):
        prefix = "report_formats" if total == "overall" else f"report_formats_{total}"
        scores = measured[total]
        results.add(f"{prefix}_labels", scores["labels"])
        for score in ("recall", "precision", "op_accuracy"):
            value = scores[score]
            results.add(
                f"{prefix}_{score}",
                "not measured: nothing to divide by" if value is None else value,
            )


def bench_draft(results: Results) -> None:
    """Measure how much of a new report `targets draft` records right (bench/bench_draft.py)."""
    try:
        from bench import bench_draft
    except ImportError as error:
        results.add("draft_right_share", f"not measured: {error}")
        return
    for name, value in bench_draft.measure().items():
        if isinstance(value, list):
            for item in value:
                results.add("draft_miss", item)
        else:
            results.add(name, value)


def bench_outcomes(results: Results) -> None:
    """Score `--suggest --write` on the labelled SYNTHETIC later documents (bench/outcomes.py)."""
    from contextlib import redirect_stdout
    from io import StringIO

    from bench.outcomes import CASES, run_set

    for name in sorted(p.name for p in CASES.iterdir() if p.is_dir()):
        with redirect_stdout(StringIO()):
            totals = run_set(name)
        labelled = totals["labelled"]
        results.add(f"outcomes_{name}_labelled", labelled)
        results.add(f"outcomes_{name}_right_share", totals["right"] / labelled if labelled else 0)
        results.add(f"outcomes_{name}_wrong_written", totals["wrong"])
        results.add(
            f"outcomes_{name}_milestones_right",
            f"{totals['milestones_right']} of {totals['milestones']}",
        )


def verdicts(results: Results) -> None:
    """Print PASS, FAIL or NOT MEASURED for every target."""
    for target in TARGETS:
        value = results.get(target.figure)
        limit = f"{format_value(float(target.limit))}{(' ' + target.unit) if target.unit else ''}"
        if not isinstance(value, int | float):
            verdict = f"NOT MEASURED ({target.figure} missing, limit {limit})"
        else:
            ok = value >= target.limit if target.at_least else value <= target.limit
            sign = ">=" if target.at_least else "<="
            shown = f"{format_value(value)}{(' ' + target.unit) if target.unit else ''}"
            verdict = f"{'PASS' if ok else 'FAIL'} ({shown} {sign} {limit})"
        results.out.write(f"target_{target.name}: {verdict}\n")


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print its figures; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run per figure (a smoke test)")
    parser.add_argument(
        "--scales", default="1,100,1000", help="comma-separated multiples (default 1,100,1000)"
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the browser timings")
    parser.add_argument(
        "--browser-only", action="store_true", help="only the browser figures (sessions, herd)"
    )
    parser.add_argument(
        "--split-only", action="store_true", help="only the split layout's figures (include:)"
    )
    parser.add_argument(
        "--with-1000x-browser",
        action="store_true",
        help="also the browser sessions at 1000x (slow on 2 cores)",
    )
    parser.add_argument(
        "--with-10000x",
        action="store_true",
        help="also the split layout at 10,000x (510,000 commitments; minutes to generate)",
    )
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    plan = QUICK_RUNS if args.quick else RUNS
    browser_runs = QUICK_BROWSER_RUNS if args.quick else BROWSER_RUNS
    started = time.perf_counter()
    results = Results()
    for name, value in machine_description().items():
        results.add(name, value)
    base = base_commitment_count(BUNDLED_TARGETS)
    results.add("base_commitments", base)
    if args.with_10000x and 10000 not in scales:
        scales.append(10000)
    for scale in scales:
        runs = plan.get(scale, plan[1000])
        targets, seeds = dataset(scale, base, results)
        if args.browser_only:
            if scale <= 100 or args.with_1000x_browser:
                bench_sessions(results, scale, targets, browser_runs)
            continue
        if scale > 1:  # the single-process check at 1000x (30 s) only with --split-only
            bench_split(results, scale, base, one_process=scale <= 100 or args.split_only)
        if args.split_only or scale > 1000:
            continue
        bench_loads(results, scale, targets, seeds, runs)
        bench_apps(results, scale, targets, runs)
        if scale == 100 and not args.no_browser:
            bench_browser(results, targets, 1 if args.quick else 3)
        if (scale <= 100 or args.with_1000x_browser) and not args.no_browser:
            quick_enough = BROWSER_RUNS_1X if scale == 1 and not args.quick else browser_runs
            bench_sessions(results, scale, targets, quick_enough)
        if scale == 1:
            bench_finder(results)
            bench_report_formats(results)
            bench_draft(results)
            bench_outcomes(results)
    results.add("bench_total_s", time.perf_counter() - started)
    verdicts(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
