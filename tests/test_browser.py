"""The dashboard in a real headless browser: Debian's chromium driven by Playwright.

What only a browser shows: the page renders with its Chinese text and charts, the language
switch works, a commitment's source paragraph is marked, and HTML in targets.yaml never runs.
Screenshots go to artifacts/screenshots/. Without chromium the tests skip, unless
REQUIRE_BROWSER=1 (as in CI), where they fail.
"""

import os
import re
import shutil
import struct
import subprocess
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    browser_available,
    start_streamlit,
    stop_streamlit,
)

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WAIT_MS = 120_000  # a first page loads Plotly's bundle: slow on a busy 2-core machine


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


@contextmanager
def serve(targets_file: Path):
    """Yield the address of the dashboard served on targets_file."""
    process, url = start_streamlit(ROOT / "dashboard" / "app.py", targets_file, subprocess.DEVNULL)
    try:
        yield url
    finally:
        stop_streamlit(process)


@pytest.fixture(scope="module")
def app_url():
    with serve(ROOT / "targets.yaml") as url:
        yield url


def outside_requests(page) -> list[str]:
    """Record every request the page makes to a host other than the dashboard's server."""
    found: list[str] = []

    def note(request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host in ("localhost", "127.0.0.1"):
            return
        found.append(request.url)

    page.on("request", note)
    return found


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    outside = outside_requests(page)
    yield page
    context.close()
    assert outside == [], "nothing is fetched from another host"


def screenshot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def wait_for_charts(page, count: int = 1) -> None:
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=WAIT_MS)
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot').length >= {count}", timeout=WAIT_MS
    )


def test_overview_renders_chinese_text_and_charts(page, app_url):
    page.goto(app_url)
    wait_for_charts(page)
    assert page.get_by_role("heading", name="政府工作报告目标追踪").is_visible()
    chart_titles = [e.text_content() for e in page.locator(".js-plotly-plot .gtitle").all()]
    assert "51项承诺中48项：未见公布结果" in chart_titles
    cameras = page.locator(".modebar-btn[data-title='下载图表（PNG，16:9，2倍）']")
    assert cameras.count() == 1  # the open tab's chart only; the camera's tooltip in Chinese
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"', '政府')")
    assert page.get_by_text("未公布数据").first.is_visible()
    screenshot(page, "overview-zh")


def test_a_chart_tab_draws_its_chart_in_place_of_the_last(page, app_url):
    page.goto(app_url)
    wait_for_charts(page)
    page.get_by_role("tab", name="比率目标").click()
    rates = "地区生产总值增长：1.1%，目标6.5%左右，未完成，差5.4个百分点"
    page.wait_for_function(
        "t => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
        ".some(e => e.textContent === t)",
        arg=rates,
        timeout=WAIT_MS,
    )
    page.wait_for_function(
        "document.querySelectorAll('.js-plotly-plot').length === 1", timeout=WAIT_MS
    )
    assert page.get_by_role("tab", name="比率目标").get_attribute("aria-selected") == "true"
    page.wait_for_url("**chart=rates**", timeout=WAIT_MS)  # a link to this view opens this tab
    screenshot(page, "overview-rates-tab-zh")


def test_language_switch_turns_the_page_english(page, app_url):
    page.goto(app_url)
    wait_for_charts(page)
    page.get_by_role("radio", name="English").click()
    page.get_by_role("heading", name="Work-report target tracker").wait_for(timeout=WAIT_MS)
    wait_for_charts(page)
    page.wait_for_function(
        "[...document.querySelectorAll('.js-plotly-plot .gtitle')]"
        ".some(e => e.textContent === '48 of 51 commitments: no published outcome')",
        timeout=WAIT_MS,
    )
    assert "lang=en" in page.url
    screenshot(page, "overview-en")


def test_a_commitment_shows_its_source_sentence_marked(page, app_url):
    page.goto(f"{app_url}/commitment?id=school-places-2022&lang=en")
    mark = page.locator(".source-paragraph mark")
    mark.wait_for(timeout=WAIT_MS)
    assert mark.inner_text() == "确保新增中小学（幼儿园）学位 6900个以上"
    target = page.locator(".fact-value", has_text="at least 6,900")
    target.wait_for(timeout=WAIT_MS)
    assert target.is_visible()
    screenshot(page, "commitment-school-places-en")


def test_selecting_a_table_row_opens_the_commitment_and_keeps_the_filters(page, app_url):
    page.goto(f"{app_url}/commitments?lang=en&status=missed")
    grid = page.locator("[data-testid='stDataFrame']")
    grid.wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(1000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # the first row's selection box
    page.wait_for_url("**/commitment?**", timeout=WAIT_MS)
    page.locator(".verdict-finding").wait_for(timeout=WAIT_MS)
    assert page.locator(".verdict-finding").inner_text() == (
        "GDP growth: 1.1% against about 6.5%, missed by 5.4 points"
    )
    assert page.locator(".source-paragraph mark").inner_text() == "地区生产总值增长6.5%左右"
    assert "id=gdp-growth-2022" in page.url and "status=missed" in page.url
    screenshot(page, "commitment-gdp-en")
    page.locator("[data-testid='stSidebarNav']").get_by_text("Overview").click()
    wait_for_charts(page)
    total = page.locator(".count-tile").first
    assert total.inner_text().splitlines()[-1] == "1"
    assert "status=missed" in page.url and "lang=en" in page.url


def test_a_shared_link_opens_the_same_filtered_view(page, app_url):
    page.goto(f"{app_url}/?lang=en&status=met,met_late")
    wait_for_charts(page)
    total = page.locator(".count-tile").first
    assert total.inner_text().splitlines()[-1] == "2"
    screenshot(page, "overview-filtered-en")


def test_clean_layout_hides_the_sidebar_but_keeps_camera_and_downloads(page, app_url):
    page.goto(f"{app_url}/?lang=en&clean=1")
    wait_for_charts(page)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert not page.get_by_role("button", name="Status rules").count()
    cameras = page.locator(".modebar-btn[data-title='Download plot as a PNG']")
    assert cameras.count() == 1 and cameras.first.is_visible()
    assert page.get_by_text("Briefing image (16:9)").is_visible()
    page.get_by_role("tab", name="Amounts").click()  # no empty amounts chart: a sentence
    sentence = page.get_by_text("None of the 30 amount targets has a published outcome")
    sentence.wait_for(timeout=WAIT_MS)
    assert not page.locator(".js-plotly-plot").count()
    screenshot(page, "overview-clean-en")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "title_en: New primary, secondary and kindergarten places",
        'title_en: "<img src=x onerror=alert(1)> places"',
    ).replace("title: 新增中小学（幼儿园）学位", 'title: "<script>alert(2)</script>学位"')
    (folder / "targets.yaml").write_text(text, encoding="utf-8")
    with serve(folder / "targets.yaml") as url:
        yield url


def test_html_in_targets_yaml_shows_as_text_and_never_runs(page, hostile_url):
    page.goto(f"{hostile_url}/commitment?id=school-places-2022&lang=en")
    page.locator(".source-paragraph mark").wait_for(timeout=WAIT_MS)
    finding = page.locator(".verdict-finding")
    assert finding.inner_text().startswith("<img src=x onerror=alert(1)> places: ")
    page.goto(f"{hostile_url}/?lang=zh")
    wait_for_charts(page)
    page.wait_for_timeout(1000)
    assert page.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    screenshot(page, "hostile-title-zh")


@pytest.fixture(scope="module")
def bad_problem_url(tmp_path_factory):
    from bad_inputs import cases

    [case] = [c for c in cases("injection") if c.name == "html-in-problem"]
    targets, seeds = case.write(tmp_path_factory.mktemp("html-in-problem"))
    if seeds != targets.parent / "seeds":  # the case may write its own seeds/ beside the file
        (targets.parent / "seeds").symlink_to(seeds, target_is_directory=True)
    with serve(targets) as url:
        yield url


def test_html_in_a_problem_message_shows_as_text_above_the_valid_commitments(page, bad_problem_url):
    page.goto(f"{bad_problem_url}/?lang=en")
    wait_for_charts(page)
    problems = page.locator("[data-testid='stCode']")
    assert 'got "<img src=x onerror=alert(1)>"' in problems.inner_text()
    assert page.get_by_text("1 problem(s) in html-in-problem.yaml").is_visible()
    total = page.locator(".count-tile").first
    assert total.inner_text().splitlines()[-1] == "2"
    page.wait_for_timeout(500)
    assert page.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    screenshot(page, "problems-listed-en")


PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def phone(browser):
    """A page as a phone opens a link from a messaging app: 390 px wide, mobile browser."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_AGENT,
        accept_downloads=True,
    )
    page = context.new_page()
    outside = outside_requests(page)
    yield page
    context.close()
    assert outside == [], "nothing is fetched from another host"


def phone_screenshot(page, name: str) -> None:
    """Save the whole page at phone width: the viewport grown to the content's height."""
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section.main')]"
        ".map(e => e.scrollHeight), 844)"
    )
    page.set_viewport_size({"width": 390, "height": min(height + 40, 12_000)})
    page.wait_for_timeout(1500)
    screenshot(page, name)
    page.set_viewport_size({"width": 390, "height": 844})


#: texts of the charts that stick out of their chart's box (cut at the edge), as "text: side"
CUT_TEXT = """
() => {
  const cut = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const box = plot.getBoundingClientRect();
    for (const text of plot.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (!text.textContent.trim() || r.width === 0) continue;
      if (r.left < box.left - 1) cut.push(text.textContent + ': left');
      if (r.right > box.right + 1) cut.push(text.textContent + ': right');
    }
  }
  return cut;
}
"""

#: legends that sit above the bottom of their chart's x axis (they belong below the plot)
LEGEND_NOT_BELOW = """
() => [...document.querySelectorAll('.js-plotly-plot')].filter(plot => {
  const legend = plot.querySelector('.legend');
  const axis = plot.querySelector('.xaxislayer-above');
  if (!legend || !axis) return false;
  return legend.getBoundingClientRect().top < axis.getBoundingClientRect().bottom - 1;
}).length
"""


def test_a_shared_link_on_a_phone_fits_the_screen_in_both_languages(phone, app_url):
    for lang in ("zh", "en"):
        phone.goto(f"{app_url}/?lang={lang}")
        wait_for_charts(phone)
        phone.wait_for_timeout(1500)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        widths = phone.evaluate(
            "[...document.querySelectorAll('.js-plotly-plot')].map(e => e.getBoundingClientRect().right)"
        )
        assert max(widths) <= 390, widths
        assert phone.evaluate(CUT_TEXT) == []
        assert phone.evaluate(LEGEND_NOT_BELOW) == 0
        tiles = phone.locator(".count-tile")
        tops = {round(tile.bounding_box()["y"]) for tile in tiles.all()}
        assert len(tops) <= 3  # the seven counts take at most three rows, not seven
        phone_screenshot(phone, f"phone-overview-{lang}")


def test_every_page_at_phone_width(phone, app_url):
    pages = {
        "commitments": "commitments?lang=en",
        "commitment": "commitment?lang=en&id=gdp-growth-2022",
        "coverage": "coverage?lang=zh",
        "rules": "about?lang=en",
    }
    for name, path in pages.items():
        phone.goto(f"{app_url}/{path}")
        phone.locator(
            "[data-testid='stMainBlockContainer'] h1, [data-testid='stHeading']"
        ).first.wait_for(timeout=WAIT_MS)
        phone.wait_for_timeout(2000)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, name
        phone_screenshot(phone, f"phone-{name}")
    phone.goto(f"{app_url}/about?lang=en")
    phone.locator("[data-testid='stTable']").first.wait_for(timeout=WAIT_MS)
    for table in phone.locator("[data-testid='stTable']").all():
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1


def test_the_briefing_image_downloads_in_one_click_as_a_16_9_png(page, app_url):
    page.goto(f"{app_url}/?lang=en&status=met,missed,met_late")
    wait_for_charts(page)
    with page.expect_download(timeout=180_000) as download:
        page.get_by_text("Briefing image (16:9)").click()
    name = download.value.suggested_filename
    assert re.fullmatch(
        r"qingcheng-district-2022-met-missed-met-late-briefing-en-\d{4}-\d{2}-\d{2}\.png", name
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "briefing-en.png"
    download.value.save_as(path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (3200, 1800)


def test_the_scorecard_image_in_chinese_names_every_commitment(page, app_url):
    page.goto(f"{app_url}/?lang=zh")
    wait_for_charts(page)
    with page.expect_download(timeout=180_000) as download:
        page.get_by_text("记分卡图片（16:9）").click()
    assert download.value.suggested_filename.startswith(
        "qingcheng-district-2022-2024-scorecard-zh-"
    )
    download.value.save_as(SHOTS / "scorecard-zh.png")


def test_a_chart_camera_downloads_a_16_9_png_at_2x(page, app_url):
    page.goto(f"{app_url}/?lang=en")
    wait_for_charts(page)
    camera = page.locator(".modebar-btn[data-title='Download plot as a PNG']").first
    with page.expect_download(timeout=WAIT_MS) as download:
        camera.click()
    assert download.value.suggested_filename.startswith(
        "qingcheng-district-2022-2024-status-by-area-en-"
    )
    path = SHOTS / "camera-status-by-area-en.png"
    SHOTS.mkdir(parents=True, exist_ok=True)
    download.value.save_as(path)
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    assert abs(width / height - 16 / 9) < 0.01 and width >= 1560


def test_the_commitment_page_leads_with_its_verdict_unbroken_on_a_phone(phone, app_url):
    phone.goto(f"{app_url}/commitment?id=gdp-growth-2022")
    phone.locator(".verdict-finding").wait_for(timeout=WAIT_MS)
    wait_for_charts(phone, 1)
    assert phone.locator(".verdict-finding").inner_text() == (
        "地区生产总值增长：1.1%，目标6.5%左右，未完成，差5.4个百分点"
    )
    verdict_top = phone.locator(".verdict").bounding_box()["y"]
    chart_top = phone.locator(".js-plotly-plot").first.bounding_box()["y"]
    assert verdict_top < chart_top
    lines = phone.evaluate(
        "[...document.querySelectorAll('.fact-value')].map(e => [e.textContent, "
        "e.getClientRects().length, e.getBoundingClientRect().right])"
    )
    assert ["低于目标5.4个百分点", 1] in [line[:2] for line in lines]  # one line, not 百/分点
    assert all(right <= 390 for _, _, right in lines)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone_screenshot(phone, "phone-commitment-gdp-zh")


def test_on_a_phone_the_scorecard_and_the_table_are_cards(phone, app_url):
    phone.goto(f"{app_url}/?lang=en")
    phone.locator(".card").first.wait_for(timeout=WAIT_MS)
    assert phone.locator(".card").count() == 51
    assert phone.locator("[data-testid='stDataFrame']").count() == 0
    first = phone.locator(".card").first.inner_text().splitlines()
    assert first[:2] == ["GDP growth", "× missed"]
    phone.goto(f"{app_url}/commitments?lang=en&status=missed,met")
    phone.locator(".card").first.wait_for(timeout=WAIT_MS)
    assert phone.locator(".card").count() == 2
    assert phone.get_by_text("2 of 51 commitments shown: missed, met").is_visible()
    boxes = [card.bounding_box() for card in phone.locator(".card").all()]
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in boxes)
    phone.locator(".card").first.click()
    phone.wait_for_url("**/commitment?**", timeout=WAIT_MS)
    phone.locator(".verdict-finding").wait_for(timeout=WAIT_MS)
    assert "id=gdp-growth-2022" in phone.url and "status=missed" in phone.url
