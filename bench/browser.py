"""Time from `streamlit run` to the first visible Plotly chart in headless Chromium.

Uses Debian's /usr/bin/chromium through Playwright; never downloads a browser.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHART_SELECTOR = ".js-plotly-plot"
TIMEOUT_S = 300


def free_port() -> int:
    """Return a localhost port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(url: str, process: subprocess.Popen, deadline: float) -> None:
    """Return once the Streamlit server answers its health check; raise if it died or timed out."""
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f"{url} did not answer within {TIMEOUT_S} s")


def start_streamlit(app: Path, targets_file: Path, log) -> tuple[subprocess.Popen, str]:
    """Return a Streamlit server of the app on a free localhost port, once it answers, and its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "TARGETS_FILE": str(targets_file)}
    command = [
        str(Path(sys.executable).with_name("streamlit")),
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        _wait_until_serving(url, process, time.perf_counter() + TIMEOUT_S)
    except BaseException:
        stop_streamlit(process)
        raise
    return process, url


def stop_streamlit(process: subprocess.Popen) -> None:
    """Stop a Streamlit server, killing it if it does not stop within 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def first_chart_seconds(browser, app: Path, targets_file: Path) -> float:
    """Return seconds from starting the server to the first visible chart in a new page."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = None
        try:
            process, url = start_streamlit(app, targets_file, log)
            page = browser.new_page()
            try:
                page.goto(url)
                page.wait_for_selector(CHART_SELECTOR, state="visible", timeout=TIMEOUT_S * 1000)
                return time.perf_counter() - start
            finally:
                page.close()
        except Exception as error:
            log.seek(0)
            raise RuntimeError(f"{app}: {error}\n{log.read().decode()[-2000:]}") from error
        finally:
            if process is not None:
                stop_streamlit(process)


def browser_available() -> str | None:
    """Return why the browser bench cannot run, or None when it can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not installed (make system-packages)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright not installed"
    return None


def measure_first_chart(apps: dict[str, Path], targets_file: Path, runs: int) -> dict[str, list]:
    """Return, per app name, the seconds to first chart of each run (runs alternate apps)."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list] = {name: [] for name in apps}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for _ in range(runs):
                for name, app in apps.items():
                    times[name].append(first_chart_seconds(browser, app, targets_file))
        finally:
            browser.close()
    return times
