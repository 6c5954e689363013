"""AppTest timings of a Streamlit app: first (cold) run, warm runs, a filter change, chart sizes.

Each app runs in a fresh interpreter (`python -m bench.apps APP TARGETS RUNS`), so its
caches start empty and the two apps compared never share one.
"""

from __future__ import annotations

import base64
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 600
DTYPE_BYTES = {"i1": 1, "u1": 1, "i2": 2, "u2": 2, "i4": 4, "u4": 4, "f4": 4, "f8": 8, "i8": 8}


def run_app_bench(app: Path, targets_file: Path, runs: int) -> dict:
    """Return the AppTest timings of an app on a targets file, measured in a fresh interpreter."""
    # nothing cached on disk: the first run is a first start (bench/split.py measures restarts)
    env = {**os.environ, "TARGETS_FILE": str(targets_file), "TARGETS_CACHE_DIR": "off"}
    completed = subprocess.run(
        [sys.executable, "-m", "bench.apps", str(app), str(targets_file), str(runs)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        return {"error": (completed.stderr or completed.stdout).strip()[-2000:]}
    return json.loads(lines[-1])


def array_length(value: object) -> int:
    """Return the number of points in a Plotly data array (a list or a base64 typed array)."""
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict) and "bdata" in value:
        size = DTYPE_BYTES.get(str(value.get("dtype")), 8)
        return len(base64.b64decode(value["bdata"])) // size
    return 0


def chart_points(spec: dict) -> int:
    """Return the points a Plotly figure spec hands the browser: per trace its longest array."""
    total = 0
    for trace in spec.get("data", []):
        total += max(
            (array_length(trace.get(key)) for key in ("x", "y", "values", "labels", "z")),
            default=0,
        )
    return total


def filter_widget(at):
    """Return the first filter-like widget of the page and the values to alternate between."""
    for kind in ("selectbox", "multiselect", "radio", "segmented_control", "pills"):
        try:
            widgets = list(getattr(at, kind))
        except (AttributeError, KeyError):
            continue
        for widget in widgets:
            options = list(getattr(widget, "options", []) or [])
            if len(options) < 2:
                continue
            if kind == "multiselect":
                current = list(widget.value)
                other = options[:1] if current != options[:1] else options[1:2]
                return widget, kind, [other, current]
            current = widget.value
            other = next(o for o in options if o != current)
            return widget, kind, [other, current]
    return None, None, []


#: the session keys of tabs that draw only their open tab (the dashboard's overview charts)
LAZY_TAB_KEYS = ("overview_chart",)


def every_tab_chart(at) -> list[dict]:
    """Return the spec of every chart the page draws, each lazy tab opened in turn (then the
    first opened again)."""
    charts = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    for key in LAZY_TAB_KEYS:
        if key not in at.session_state:
            continue
        labels = [tab.label for tab in at.tabs]
        for label in labels[1:]:
            at.session_state[key] = label
            at.run()
            charts += [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
        at.session_state[key] = labels[0]
        at.run()
    return charts


def _errors(at) -> list[str]:
    """Return the exceptions an AppTest run raised, as text."""
    return [str(getattr(e, "message", e)) for e in at.exception]


def _measure(app: str, runs: int) -> dict:
    """Return first-run and warm-run seconds, filter-change milliseconds and chart sizes."""
    from streamlit.testing.v1 import AppTest

    app = str(Path(app).resolve())
    at = AppTest.from_file(app, default_timeout=TIMEOUT_S)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    errors = _errors(at)
    warm = []
    for _ in range(runs):
        at = AppTest.from_file(app, default_timeout=TIMEOUT_S)
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
        errors += _errors(at)
    charts = every_tab_chart(at)
    errors += _errors(at)
    widget, kind, values = filter_widget(at)
    changes = []
    label = None
    if widget is not None:
        label = f"{kind} {widget.label!r}"
        for index in range(runs):
            widget = filter_widget(at)[0]
            widget.set_value(values[index % 2])
            start = time.perf_counter()
            at.run()
            changes.append(time.perf_counter() - start)
            errors += _errors(at)
    return {
        "first_s": first,
        "warm_s": statistics.median(warm),
        "filter_ms": statistics.median(changes) * 1000 if changes else None,
        "filter_first_ms": changes[0] * 1000 if changes else None,
        "filter_widget": label,
        "charts": len(charts),
        "max_chart_points": max((chart_points(c) for c in charts), default=0),
        "errors": errors[:3],
    }


if __name__ == "__main__":
    app_path, _targets, run_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps(_measure(app_path, run_count), ensure_ascii=False))
