"""Medians of repeated timings, and the `name: value` lines the benchmark prints."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable


def median_seconds(run: Callable[[], object], runs: int, warmup: int = 0) -> float:
    """Return the median wall time of run() in seconds over `runs` calls, after `warmup` calls."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def format_value(value: float | int | str) -> str:
    """Return a figure as printed: integers as they are, floats to 4 significant digits."""
    if isinstance(value, bool) or not isinstance(value, float):
        return str(value)
    if value == 0 or abs(value) >= 1000:
        return f"{value:.0f}"
    return f"{value:.4g}"


class Results:
    """Figures by name, printed as `name: value` lines as they are measured."""

    def __init__(self, out=None):
        self.values: dict[str, float | int | str] = {}
        self.out = out or sys.stdout

    def add(self, name: str, value: float | int | str) -> None:
        """Record a figure and print its line."""
        self.values[name] = value
        self.out.write(f"{name}: {format_value(value)}\n")
        self.out.flush()

    def get(self, name: str) -> float | int | str | None:
        """Return a recorded figure, or None."""
        return self.values.get(name)
