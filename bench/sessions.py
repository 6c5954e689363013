"""What viewers wait for in a browser: a new session's first chart, a filter change until the page
settles, and four viewers reloading after a save (the herd), against the same four without one.

Each app runs in its own `streamlit run` on a copy of the targets file (its seeds linked), so a
save never touches the generated data. All apps are served at once and each figure's runs
alternate between them, so the machine's busy moments fall on every app alike: on this machine
one app's filter-change median moved from 0.38 s to 0.20 s within an hour, while interleaved
A/B runs of two versions stayed within 5% of each other. Debian's /usr/bin/chromium through
Playwright (async, so four pages load at once), never a downloaded browser. A page has settled
when the app's script is no longer running, no element is stale and a Plotly chart is visible.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import shutil
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.browser import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop_streamlit

VIEWERS = 4
#: seconds each figure's repeated runs may take, per app: a run starts only within it (the first
#: always does), so a busy machine gives fewer runs rather than a longer bench; the apps' runs
#: alternate, so they share their budgets
BUDGET_S = {"new_session": 20, "filter_change": 15, "herd": 45}
TIMEOUT_MS = 180_000
VIEWPORT = {"width": 1280, "height": 900}
#: true once the page has settled (see the module's docstring)
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const chart = document.querySelector('.js-plotly-plot');
  return !!chart && chart.getBoundingClientRect().height > 0;
}"""
#: records every script state the page passes through from now on (a rerun may be quick)
WATCH_STATES = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__states = [];
  new MutationObserver(() => window.__states.push(app.getAttribute('data-test-script-state')))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
RAN = "() => (window.__states || []).some(s => s !== 'notRunning')"
#: resolves after two frames: the messages the page had received by then are drawn
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@dataclass(frozen=True)
class Runs:
    """How many times each browser figure is measured."""

    new_session: int
    filter_change: int
    herd: int


def _within(figure: str, runs: int, share: int = 1) -> Iterator[int]:
    """Yield the numbers of a figure's runs: up to `runs`, each started within its budget (times
    `share`, the apps whose runs alternate)."""
    deadline = time.perf_counter() + BUDGET_S[figure] * share
    for run in range(runs):
        if run and time.perf_counter() > deadline:
            return
        yield run


async def _settled(page) -> None:
    """Return once the page has settled."""
    await page.wait_for_function(SETTLED, timeout=TIMEOUT_MS, polling=20)


async def _timed(action: Callable[[], Awaitable[object]]) -> float:
    """Return the seconds an awaited action takes."""
    start = time.perf_counter()
    await action()
    return time.perf_counter() - start


async def new_session_seconds(browser, url: str) -> float:
    """Return seconds from opening the app in a new session to its first visible chart."""
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(url)
        await page.wait_for_selector(".js-plotly-plot", state="visible", timeout=TIMEOUT_MS)
        return time.perf_counter() - start
    finally:
        await context.close()


class RerunWatch:
    """Counts the reruns a page's server finished, from its websocket (attach before loading).

    A quick rerun can pass through "running" within one render of the page, so its script
    state never changes in the DOM; the server's script-finished message still arrives.
    """

    def __init__(self, page) -> None:
        self.finished = 0
        self.changed = asyncio.Event()
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        """Count a script-finished message."""
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except Exception:  # noqa: BLE001 - not a message of ours: nothing to count
            return
        if message.WhichOneof("type") == "script_finished":
            self.finished += 1
            self.changed.set()

    async def finished_since(self, count: int) -> None:
        """Return once more than `count` reruns have finished."""
        while self.finished <= count:
            self.changed.clear()
            await self.changed.wait()


async def _rerun_done(page, watch: RerunWatch | None, finished_before: int) -> None:
    """Return once the page shows a rerun started (its script state changed) or, when the
    state change was too quick to be drawn, once the server finished one and the page drew."""
    ran = asyncio.ensure_future(page.wait_for_function(RAN, timeout=TIMEOUT_MS, polling=10))
    if watch is None:
        await ran
        return
    finished = asyncio.ensure_future(watch.finished_since(finished_before))
    done, pending = await asyncio.wait(
        {ran, finished}, timeout=TIMEOUT_MS / 1000, return_when=asyncio.FIRST_COMPLETED
    )
    for task in pending:
        task.cancel()
    if not done:
        raise TimeoutError(f"no rerun within {TIMEOUT_MS} ms")
    if ran not in done:
        await page.evaluate(TWO_FRAMES)
    else:
        ran.result()


async def filter_change_seconds(
    page, run: int, watch: RerunWatch | None = None
) -> tuple[float, str]:
    """Return seconds from choosing another option of the page's first select box until the
    page settles, and the box's label (runs alternate between two options other than the
    current one)."""
    box = page.locator('[data-testid="stSelectbox"]').first
    combo = box.locator('[role="combobox"]')
    label = await combo.get_attribute("aria-label") or "?"
    current = await combo.input_value()
    await page.evaluate(WATCH_STATES)
    await box.locator("button").first.click()  # the list's own button: every option, unfiltered
    options = page.locator('[role="option"]')
    await options.first.wait_for(state="visible", timeout=TIMEOUT_MS)
    texts = [text.strip() for text in await options.all_inner_texts()]
    others = [index for index, text in enumerate(texts) if text != current][:2]
    chosen = options.nth(others[run % len(others)])
    finished_before = watch.finished if watch else 0
    start = time.perf_counter()
    await chosen.click()
    await _rerun_done(page, watch, finished_before)
    await _settled(page)
    return time.perf_counter() - start, label


async def herd_seconds(pages: list, save: Callable[[], None] | None) -> float:
    """Return seconds from every page reloading (after a save, when given) until all settled."""
    if save is not None:
        save()

    async def reload(page) -> None:
        await page.reload()
        await _settled(page)

    return await _timed(lambda: asyncio.gather(*(reload(p) for p in pages)))


def copy_of(targets_file: Path, folder: Path) -> Path:
    """Return a copy of a targets file in a folder, with its seeds folder linked beside it."""
    copied = folder / targets_file.name
    shutil.copyfile(targets_file, copied)
    seeds = targets_file.parent / "seeds"
    if seeds.is_dir():
        (folder / "seeds").symlink_to(seeds.resolve(), target_is_directory=True)
    return copied


@dataclass
class Served:
    """One app served by its own Streamlit server on its own copy of the targets file."""

    app: Path
    url: str
    targets: Path
    #: the copy's bytes before any save
    original: bytes
    log: IO[bytes]


@contextlib.contextmanager
def served(app: Path, targets_file: Path) -> Iterator[Served]:
    """Yield an app served on a copy of a targets file (its seeds linked); stopped after."""
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile() as log:
        targets = copy_of(targets_file, Path(folder))
        process, url = start_streamlit(app, targets, log)
        try:
            yield Served(app, url, targets, targets.read_bytes(), log)
        finally:
            stop_streamlit(process)


def _log_tail(server: Served) -> str:
    """Return the end of a server's log."""
    server.log.seek(0)
    return server.log.read().decode(errors="replace")[-2000:]


async def _viewer(browser, url: str) -> tuple[object, object, RerunWatch]:
    """Return a new viewer's context and page, settled on the app, and its rerun watch."""
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    watch = RerunWatch(page)
    await page.goto(url)
    await _settled(page)
    return context, page, watch


async def measure_served(browser, servers: dict[str, Served], runs: Runs) -> dict[str, dict]:
    """Return, per app name, its browser figures (medians, seconds). Each figure's runs alternate
    between the apps, so a busy moment of the machine falls on all of them alike and the ratios
    hold; a figure's runs start within its budget times the number of apps."""
    figures: dict[str, dict[str, object]] = {name: {} for name in servers}
    share = len(servers)
    for server in servers.values():
        await new_session_seconds(browser, server.url)  # the server's first load, not counted
    sessions: dict[str, list[float]] = {name: [] for name in servers}
    for _ in _within("new_session", runs.new_session, share):
        for name, server in servers.items():
            sessions[name].append(await new_session_seconds(browser, server.url))
    viewers = {name: await _viewer(browser, server.url) for name, server in servers.items()}
    changes: dict[str, list[float]] = {name: [] for name in servers}
    for run in _within("filter_change", runs.filter_change, share):
        for name, (_, page, watch) in viewers.items():
            seconds, label = await filter_change_seconds(page, run, watch)
            changes[name].append(seconds)
            figures[name]["filter_widget"] = label
    for context, _, _ in viewers.values():
        await context.close()
    herds = {name: await _herd_pages(browser, server.url) for name, server in servers.items()}
    calm: dict[str, list[float]] = {name: [] for name in servers}
    after_save: dict[str, list[float]] = {name: [] for name in servers}
    saves = iter(range(1, 1000))
    for _ in _within("herd", runs.herd, share):
        for name, server in servers.items():
            calm[name].append(await herd_seconds(herds[name], None))
            after_save[name].append(
                await herd_seconds(herds[name], functools.partial(_save, server, next(saves)))
            )
    for pages in herds.values():
        for page in pages:
            await page.context.close()
    for name in servers:
        figures[name]["new_session_s"] = statistics.median(sessions[name])
        figures[name]["filter_settle_s"] = statistics.median(changes[name])
        figures[name]["herd_no_save_s"] = statistics.median(calm[name])
        figures[name]["herd_after_save_s"] = statistics.median(after_save[name])
        figures[name]["herd_runs"] = len(after_save[name])
    return figures


async def _herd_pages(browser, url: str) -> list:
    """Return VIEWERS pages, each in its own context, settled on the app."""
    contexts = [await browser.new_context(viewport=VIEWPORT) for _ in range(VIEWERS)]
    pages = [await c.new_page() for c in contexts]
    await asyncio.gather(*(p.goto(url) for p in pages))
    await asyncio.gather(*(_settled(p) for p in pages))
    return pages


def _save(server: Served, number: int) -> None:
    """Save a server's copy with one more line (a comment): new bytes, the same records."""
    server.targets.write_bytes(server.original + f"# bench save {number}\n".encode())


async def _measure(apps: dict[str, Path], targets_file: Path, runs: Runs) -> dict[str, dict]:
    """Return, per app name, its browser figures (every app served at once, one browser)."""
    from playwright.async_api import async_playwright

    with contextlib.ExitStack() as stack:
        servers = {
            name: stack.enter_context(served(app, targets_file)) for name, app in apps.items()
        }
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            try:
                return await measure_served(browser, servers, runs)
            except Exception as error:
                logs = "\n".join(f"{s.app}: {_log_tail(s)}" for s in servers.values())
                raise RuntimeError(f"{error}\n{logs}") from error
            finally:
                await browser.close()


def measure_sessions(apps: dict[str, Path], targets_file: Path, runs: Runs) -> dict[str, dict]:
    """Return, per app name, the seconds a viewer waits: new_session_s, filter_settle_s,
    herd_no_save_s and herd_after_save_s (medians), and the filter widget's label."""
    return asyncio.run(_measure(apps, targets_file, runs))
