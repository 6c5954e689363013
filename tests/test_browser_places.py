"""Two places in a real headless browser (Debian's chromium, Playwright), on the SYNTHETIC
record of two counties: titles count the places, rows name them, the place filter is in the
URL, and a measure is compared across places. Screenshots go to artifacts/screenshots/."""

import os
import subprocess
from pathlib import Path

import pytest

from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    browser_available,
    start_streamlit,
    stop_streamlit,
)

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "tests" / "fixtures" / "places" / "targets.yaml"
SHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or ROOT / "artifacts" / "screenshots")
WAIT_MS = 120_000

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    reason = browser_available()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser test required: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def app_url():
    process, url = start_streamlit(ROOT / "dashboard" / "app.py", PLACES, subprocess.DEVNULL)
    try:
        yield url
    finally:
        stop_streamlit(process)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def chart_titles(page, count: int) -> list[str]:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .gtitle').length >= {count}",
        timeout=WAIT_MS,
    )
    return [e.text_content() or "" for e in page.locator(".js-plotly-plot .gtitle").all()]


def test_two_places_are_counted_in_titles_and_named_in_rows(page, app_url):
    page.goto(app_url + "/?lang=en")
    chart_titles(page, 1)
    subtitles = page.locator(".js-plotly-plot .gtitle, .js-plotly-plot text").all_text_contents()
    assert any(text.startswith("2 places, 2024 and 2025 targets") for text in subtitles)
    assert page.get_by_text(
        "What the government work reports of Jia County, Yi County"
    ).is_visible()
    assert page.get_by_text("Qingcheng").count() == 0
    screenshot(page, "places-overview-en")


def test_the_place_filter_is_in_the_url(page, app_url):
    page.goto(app_url + "/?lang=en&place=乙县")
    chart_titles(page, 1)
    texts = page.locator(".js-plotly-plot text").all_text_contents()
    assert any(text.startswith("Yi County, 2024 and 2025 targets") for text in texts)
    assert not any("Jia County" in text for text in texts)
    screenshot(page, "places-filter-yi-en")


def test_a_measure_is_compared_across_places(page, app_url):
    page.goto(app_url + "/commitment?lang=zh&id=a-gdp-growth-2024")
    page.get_by_role("heading", name="各地比较").wait_for(timeout=WAIT_MS)
    titles = chart_titles(page, 2)
    assert any("地区生产总值增长：各地各年的目标与结果" in title for title in titles)
    assert page.get_by_role("heading", name="其他地方2024年的同一指标").is_visible()
    screenshot(page, "places-commitment-zh")
