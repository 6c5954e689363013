"""PNG images made on the server with Plotly's exporter, Kaleido, driving Debian's chromium.

Kaleido (v1) renders figures in a headless Chrome it finds on the machine; it never downloads
one here. The browser is `$BROWSER_PATH` if set, else the first of chromium, chromium-browser,
google-chrome on the PATH. One Kaleido server is started on first use and kept for the life of
the process (the first image takes some seconds while the browser starts; later ones about one),
and requests are made one at a time.
"""

from __future__ import annotations

import atexit
import os
import shutil
import threading

import plotly.graph_objects as go

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 90

_lock = threading.Lock()
_started = False


def browser_path() -> str | None:
    """Return the browser Kaleido is to drive: $BROWSER_PATH, else one on the PATH, or None."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def unavailable_reason() -> str | None:
    """Return why images cannot be made on this server (no Kaleido, no browser), or None."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return "kaleido is not installed"
    if browser_path() is None:
        return "no chromium on the PATH (set BROWSER_PATH)"
    return None


def figure_png(figure: go.Figure, width: int, height: int, scale: float = 2) -> bytes:
    """Return the figure as a PNG of width × height CSS pixels at a scale (2: sharp on slides)."""
    import kaleido

    global _started
    with _lock:
        if not _started:
            kaleido.start_sync_server(
                path=browser_path(), mathjax=False, timeout=TIMEOUT_S, silence_warnings=True
            )
            _started = True
            atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        return kaleido.calc_fig_sync(
            figure, opts={"format": "png", "width": width, "height": height, "scale": scale}
        )
