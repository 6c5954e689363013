"""A typo never blanks the dashboard: a file that stops parsing is shown as its last good version."""

from __future__ import annotations

import datetime as dt

from loaders.cache.memo import fresh_memo

BROKEN_LINE = "  - id: gdp-growth-2022\n"


def test_a_syntax_error_keeps_the_last_good_version_under_a_banner(
    bundled_copy, open_page, monkeypatch, tile_values
):
    monkeypatch.delenv("TARGETS_CACHE_DIR", raising=False)
    fresh_memo()
    targets = bundled_copy()
    monkeypatch.chdir(targets.parent)
    first = open_page(lang="en")
    assert next(iter(tile_values(first).values())) == "51"
    saved = dt.datetime.fromtimestamp(targets.stat().st_mtime).strftime("%Y-%m-%d %H:%M:%S")
    text = targets.read_text(encoding="utf-8")
    assert BROKEN_LINE in text
    targets.write_text(text.replace(BROKEN_LINE, "  - id: gdp-growth-2022\n   bad: [\n", 1))
    for restarted in (False, True):
        if restarted:
            fresh_memo()  # the server restarted: the last good version comes from the disk
        at = open_page(lang="en")
        assert next(iter(tile_values(at).values())) == "51"
        [banner] = at.warning
        shown = banner.value.replace("\\", "")  # the Markdown source, escaped
        assert shown.startswith("targets.yaml does not parse now (targets.yaml:")
        assert "YAML syntax error" in shown
        assert shown.endswith(
            f"the page shows its last version that did (saved {saved}). Fix it and save; the page "
            "updates itself."
        )
        assert len(at.error) == 1
