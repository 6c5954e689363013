"""The machine and software a benchmark ran on, as `name: value` pairs."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path


def cpu_model() -> str:
    """Return the CPU model named in /proc/cpuinfo, or the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gb() -> float | None:
    """Return the total memory in GB from /proc/meminfo, or None."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def chromium_version(path: str = "/usr/bin/chromium") -> str:
    """Return `chromium --version`, or why it is unknown."""
    try:
        completed = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"
    return completed.stdout.strip() or "unknown"


def machine_description() -> dict[str, str | int | float]:
    """Return the CPU, cores, memory, load, Python and library versions of this machine."""
    import yaml

    return {
        "machine_cpu": cpu_model(),
        "machine_cores": os.cpu_count() or 0,
        "machine_memory_gb": memory_gb() or "unknown",
        "machine_loadavg_1min_at_start": round(os.getloadavg()[0], 2),
        "machine_os": platform.platform(),
        "python": platform.python_version(),
        "pyyaml": f"{yaml.__version__} (libyaml {'yes' if yaml.__with_libyaml__ else 'no'})",
        "streamlit": _version("streamlit"),
        "plotly": _version("plotly"),
        "pandas": _version("pandas"),
        "chromium": chromium_version(),
    }
