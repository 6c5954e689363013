"""The dashboard in Streamlit's AppTest: every page, filter and the language switch, on real content."""

import html
import json
import logging
import re

import dashboard.coverage


def charts(at) -> dict[str, dict]:
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return {spec["layout"]["title"]["text"].replace("<br>", " "): spec for spec in specs}


def open_tab(at, label: str):
    """Return the page rerun with the overview's chart tab of this label open (as a click does)."""
    at.session_state["overview_chart"] = label
    return at.run()


def trace(spec: dict, name: str) -> dict:
    return next(t for t in spec["data"] if t.get("name") == name)


def table_rows(at, index: int = 0) -> list[dict]:
    return at.dataframe[index].value.to_dict("records")


def test_overview_counts_commitments_by_status(bundled, open_page, tile_counts):
    at = open_page(lang="en")
    assert tile_counts(at) == {
        "Commitments": 51,
        "met": 1,
        "met late": 1,
        "under way": 0,
        "missed": 1,
        "no published figure": 48,
        "not yet due": 0,
    }
    assert not at.error


def test_overview_charts_hold_status_by_area_amounts_and_rates(bundled, open_page):
    at = open_page(lang="en")
    assert [tab.label for tab in at.tabs] == ["Status by area", "Amounts", "Rates"]
    by_area_title = "48 of 51 commitments: no published outcome"
    rates_title = "GDP growth: 1.1% against about 6.5%, missed by 5.4 points"
    assert list(charts(at)) == [by_area_title]  # only the open tab's chart is built
    found = charts(at)
    by_area = found[by_area_title]
    assert by_area["layout"]["title"]["subtitle"]["text"] == (
        "Qingcheng District, 2022 and 2024 targets; Status of commitments by area; 51 commitments"
    )
    assert trace(by_area, "missed")["x"] == [1]
    assert rows_of(by_area)[0] == "Headline targets 1 met, 1 missed, 6 no published figure"
    assert rows_of(by_area)[4] == (
        "Towns, villages and urban–rural integration 1 met late, 12 no published figure"
    )
    assert not at.info
    # no amount has an outcome: a sentence says so instead of an empty chart
    open_tab(at, "Amounts")
    assert not charts(at)
    assert [i.value.replace("\\", "") for i in at.info] == [
        "None of the 30 amount targets has a published outcome: nothing to plot"
    ]
    open_tab(at, "Rates")
    assert not at.info
    assert list(charts(at)) == [rates_title]
    found[rates_title] = rates = charts(at)[rates_title]
    assert (
        rates["layout"]["title"]["subtitle"]["text"]
        .replace("<br>", " ")
        .startswith(
            "Qingcheng District, 2022 and 2024 targets; Rates: target and outcome, the gap in "
            "percentage points; 2 of 10 rate targets with a published outcome; "
        )
    )
    assert rows_of(rates)[:2] == [
        "GDP growth 1.1% (2022) against about 6.5% (±0.5): 5.4 pp short of target",
        "Rise in consumer prices (CPI) 1.6% (2022) against at most 3.0%: 1.4 pp under the ceiling",
    ]
    assert trace(rates, "missed")["x"] == [-5.4]
    assert trace(rates, "met")["x"] == [1.4]  # under an "at most" target: the good side
    for spec in found.values():
        [note] = [a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "source"]
        note = note.replace("<br>", " ")
        assert note.startswith("Targets: Government Work Report 2022 (2022-03-15)"), note
        assert "Status rule: the latest figure for the due year against the target" in note
    assert (
        "Statistical Bulletin on the 2022 National Economy and Social Development (Qingcheng District Statistics Bureau, Qingyuan, 2023)"
        in rows_note(rates)
    )
    assert (
        "District Party Standing Committee hears the report on the economy in Q1 2023 (People's Government of Qingcheng District, Qingyuan, 2023-05-06)"
        in rows_note(rates)
    )


def rows_of(spec: dict) -> list[str]:
    """Return the text of each row of a list chart, tags and line breaks taken out."""
    return [
        re.sub(r"<br>", " ", re.sub(r"</?b>", "", a["text"]))
        for a in spec["layout"]["annotations"]
        if a.get("name") == "row"
    ]


def rows_note(spec: dict) -> str:
    """Return a chart's source line on one line (a line broken between two Chinese characters
    joined without a space)."""
    [note] = [a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "source"]
    return re.sub(r"(?<=[\u4e00-\u9fff])<br>(?=[\u4e00-\u9fff])", "", note).replace("<br>", " ")


def test_overview_scorecard_lists_every_commitment_with_its_verdict(bundled, open_page):
    at = open_page(lang="en")
    rows = table_rows(at)
    assert len(rows) == 51
    assert rows[0] == {
        "Commitment": "GDP growth",
        "Verdict": "× missed",
        "Target": "about 6.5% (±0.5)",
        "Outcome": "1.1% (2022); 5.4 pp short of target",
        "Source": "Statistical Bulletin on the 2022 National Economy and Social Development; "
        "District Party Standing Committee hears the report on the economy in Q1 2023",
        "ID": "gdp-growth-2022",
    }
    assert [r["Verdict"] for r in rows[1:4]] == ["◑ met late", "✓ met", "○ no published figure"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [
        "Data behind this chart (CSV)",  # status by area, the open tab's chart
        "Scorecard image (16:9)",
        "Briefing image (16:9)",
    ]
    open_tab(at, "Rates")
    assert [b.proto.label for b in at.get("download_button")] == [
        "Data behind this chart (CSV)",  # rates
        "Scorecard image (16:9)",
        "Briefing image (16:9)",
    ]


def test_a_long_scorecard_lists_its_first_rows_and_says_so(bundled, open_page, monkeypatch):
    from dashboard.views import briefing_parts

    monkeypatch.setattr(briefing_parts, "SCORECARD_ROWS", 10)
    at = open_page(lang="en")
    assert [r["Verdict"] for r in table_rows(at)][:1] == ["× missed"]
    assert len(table_rows(at)) == 10
    captions = [c.value for c in at.caption]
    assert (
        "The first 10 of 51 commitments (missed first); narrow them with the filters, or "
        "download the CSV for all."
    ) in captions


def test_the_language_switch_turns_every_label_chinese(bundled, open_page, tile_counts):
    at = open_page(lang="en")
    open_tab(at, "Rates")
    at.sidebar.button_group[0].set_value("zh").run()
    assert at.title[0].value == "政府工作报告目标追踪"
    assert tile_counts(at)["未公布数据"] == 48
    # the chart tab open in English stays open, renamed
    assert [tab.label for tab in at.tabs] == ["各领域状态", "数量目标", "比率目标"]
    assert list(charts(at)) == ["地区生产总值增长：1.1%，目标6.5%左右，未完成，差5.4个百分点"]
    open_tab(at, "各领域状态")
    assert list(charts(at)) == ["51项承诺中48项：未见公布结果"]
    assert table_rows(at)[0]["承诺"] == "地区生产总值增长"
    assert table_rows(at)[0]["结论"] == "× 未完成"
    assert at.sidebar.selectbox[0].label == "报告"
    assert dict(at.query_params) == {}  # Chinese is the default, left out of the URL


def test_clicking_the_chosen_language_again_keeps_it(bundled, open_page):
    at = open_page(lang="en")
    at.sidebar.button_group[0].set_value(None).run()
    assert at.sidebar.button_group[0].value == "en"
    assert at.title[0].value == "Work-report target tracker"
    assert at.query_params["lang"] == "en"


def test_chinese_is_the_default_language(bundled, open_page, tile_counts):
    at = open_page()
    assert at.title[0].value == "政府工作报告目标追踪"
    assert list(tile_counts(at))[0] == "承诺总数"


def test_report_filter_narrows_every_view_and_goes_into_the_url(bundled, open_page, tile_counts):
    at = open_page(lang="en")
    at.sidebar.selectbox[0].set_value("qc-2024").run()
    assert tile_counts(at)["Commitments"] == 2
    assert {r["Commitment"] for r in table_rows(at)} == {
        "Projects completing technical-upgrade investment",
        "Reform pilot tasks of the Guangzhou–Qingyuan junction area",
    }
    subtitles = [c["layout"]["title"]["subtitle"]["text"] for c in charts(at).values()]
    assert [text.split(";")[0] for text in subtitles] == ["Qingcheng District, 2024 targets"]
    assert list(charts(at)) == [
        "2 of 51 commitments shown: Qingcheng District Government Work Report 2024 (excerpt)"
    ]
    assert at.query_params["report"] == "qc-2024"


def test_the_open_chart_tab_goes_into_the_url_and_a_link_opens_it(bundled, open_page):
    at = open_page(lang="en")
    assert "chart" not in at.query_params  # the first tab: left out
    open_tab(at, "Rates")
    assert at.query_params["chart"] == "rates"
    at.sidebar.button_group[0].set_value("zh").run()  # the tabs renamed, the chart kept
    assert at.query_params["chart"] == "rates"
    shared = open_page(lang="en", chart="rates", status="missed")
    assert list(charts(shared)) == ["GDP growth: 1.1% against about 6.5%, missed by 5.4 points"]
    assert shared.session_state["overview_chart"] == "Rates"


def test_a_chart_tab_the_filters_leave_empty_gives_way_to_the_first_until_they_bring_it_back(
    bundled, open_page
):
    at = open_page(lang="en")
    open_tab(at, "Rates")
    at.sidebar.selectbox[0].set_value("qc-2024").run()  # two commitments, no rate among them
    assert [tab.label for tab in at.tabs] == ["Status by area", "Amounts"]
    assert list(charts(at)) == [
        "2 of 51 commitments shown: Qingcheng District Government Work Report 2024 (excerpt)"
    ]
    assert at.query_params["chart"] == "rates"  # still the reader's choice
    at.sidebar.selectbox[0].set_value("").run()
    assert list(charts(at)) == ["GDP growth: 1.1% against about 6.5%, missed by 5.4 points"]
    at.sidebar.selectbox[0].set_value("qc-2024").run()
    open_tab(at, "Amounts")  # a tab picked while the first stood in: the new choice
    at.sidebar.selectbox[0].set_value("").run()
    assert at.query_params["chart"] == "percent-of-target"
    assert not charts(at)  # no amount has an outcome: the sentence


def test_year_filter(bundled, open_page, tile_counts):
    at = open_page(lang="en", report="2022")
    assert tile_counts(at)["Commitments"] == 49


def test_area_and_status_filters_combine(bundled, open_page, tile_counts):
    at = open_page(lang="en")
    at.sidebar.multiselect[0].set_value(["urban-rural"]).run()
    assert tile_counts(at)["Commitments"] == 13
    at.sidebar.multiselect[1].set_value(["met_late"]).run()
    assert [r["Commitment"] for r in table_rows(at)] == [
        'Complete the "four venues and one centre" cultural complex'
    ]
    [(title, chart)] = charts(at).items()
    assert title == (
        "1 of 51 commitments shown: Towns, villages and urban–rural integration; met late"
    )
    assert chart["layout"]["title"]["subtitle"]["text"].replace("<br>", " ") == (
        "Qingcheng District, 2022 targets (Towns, villages and urban–rural integration); Status "
        "of commitments by area; 1 commitment (in the whole record of 51, 1 met, 1 met late, "
        "1 missed and 48 no published figure)"
    )
    assert at.query_params["area"] == "urban-rural"
    assert at.query_params["status"] == "met_late"


def test_search_in_english_and_in_chinese(bundled, open_page):
    at = open_page(lang="en")
    at.sidebar.text_input[0].set_value("school").run()
    assert {r["Commitment"] for r in table_rows(at)} == {
        "New primary, secondary and kindergarten places",
        "New or expanded primary and secondary school projects",
        "Schools built by developers taken over by the district",
    }
    at.sidebar.text_input[0].set_value("碧道").run()
    assert [r["Commitment"] for r in table_rows(at)] == ["Greenways (riverside paths) built"]
    assert at.query_params["q"] == "碧道"
    for figure in ("6,900", "6900", "1.8万", "18000"):  # as the English and Chinese pages print it
        at.sidebar.text_input[0].set_value(figure).run()
        assert [r["ID"] for r in table_rows(at)] == ["school-places-2022"], figure
    assert at.query_params["q"] == "18000"


def test_filters_are_read_from_the_url(bundled, open_page, tile_counts):
    at = open_page(lang="en", status="missed,met")
    assert tile_counts(at)["Commitments"] == 2
    assert at.sidebar.multiselect[1].value == ["missed", "met"]


def test_a_filter_matching_nothing_says_so(bundled, open_page, tile_counts):
    at = open_page(lang="en", q="no-such-commitment")
    assert tile_counts(at)["Commitments"] == 0
    assert at.info[0].value == "No commitment matches the filters."


def test_clear_filters(bundled, open_page, tile_counts):
    at = open_page(lang="en", status="missed", q="gdp")
    at.sidebar.button[0].click().run()
    assert tile_counts(at)["Commitments"] == 51
    assert dict(at.query_params) == {"lang": "en"}


def test_commitments_page_has_the_table_and_both_downloads(bundled, open_page):
    at = open_page("commitments", lang="en")
    assert at.title[0].value == "Commitments"
    assert len(table_rows(at)) == 51
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel (XLSX)"]


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def verdict(at) -> tuple[str, str]:
    """Return the commitment page's verdict block: its status and its finding, as text."""
    [block] = [h.value for h in at.html if 'class="verdict ' in h.value]
    status = re.search(r'class="verdict-status"[^>]*>(.*?)</div>', block).group(1)
    finding = re.search(r'class="verdict-finding"[^>]*>(.*?)</div>', block).group(1)
    return html.unescape(status), html.unescape(finding)


def shown_title(at) -> str:
    """Return the title of the commitment shown: its finding's first part."""
    return re.split(r": |：", verdict(at)[1], maxsplit=1)[0]


def facts(at) -> str:
    """Return the commitment page's figures (target, against target, latest) as text."""
    [block] = [h.value for h in at.html if 'class="facts"' in h.value]
    return html.unescape(re.sub(r"<[^>]+>", " ", block))


def test_commitment_page_shows_target_baseline_source_and_no_published_figure(bundled, open_page):
    at = open_page("commitment", lang="en", id="school-places-2022")
    assert verdict(at) == (
        "○ no published figure",
        "New primary, secondary and kindergarten places: no published outcome for 2022",
    )
    assert "at least 6,900" in facts(at)
    text = markdown_text(at)
    assert "**18,000** (2021) — 新增学位超 1\\.8万个" in text
    assert "No published figure has been found — a finding in itself." in text
    [paragraph] = [h for h in at.html if "<mark" in h.value]
    assert ">确保新增中小学（幼儿园）学位 6900个以上</mark>" in paragraph.value
    assert "paragraph 49 · plan （六） 扩大公共服务供给 \\(no English text\\)" in "\n".join(
        c.value for c in at.caption
    )
    assert at.query_params["id"] == "school-places-2022"


def test_commitment_page_progress_timeline_and_status(bundled, open_page):
    at = open_page("commitment", lang="en", id="gdp-growth-2022")
    [progress] = at.dataframe
    rows = progress.value.to_dict("records")
    assert [r["Figure"] for r in rows] == ["1.1%", "1.1%"]
    assert rows[0]["Source"].startswith("Qingcheng District Statistical Bulletin")
    assert verdict(at) == (
        "× missed",
        "GDP growth: 1.1% against about 6.5%, missed by 5.4 points",
    )
    assert "5.4 pp short of target" in facts(at)  # a rate: the gap in points, not 17%
    captions = [c.value for c in at.caption]
    assert "Chinese title\\: 地区生产总值增长 · gdp\\-growth\\-2022" in captions
    assert "The report's words (Chinese original)" in captions
    [(title, chart)] = charts(at).items()
    assert title == "GDP growth: 1.1% against about 6.5%, missed by 5.4 points"
    assert trace(chart, "prior-year baseline")["y"] == [5.4]
    assert trace(chart, "target")["y"] == [6.5]
    assert trace(chart, "× missed")["y"] == [1.1]
    assert "The due year is over and the figures published" in "\n".join(
        c.value for c in at.caption
    )


def test_commitment_page_links_the_same_metric_in_other_years(bundled, open_page):
    at = open_page("commitment", lang="en", id="technical-upgrade-projects-2022")
    [button] = [b for b in at.button if "2024" in b.label]
    assert button.label.startswith("2024 · Projects completing technical\\-upgrade investment")
    assert "at least 55" in button.label
    button.click().run()
    assert shown_title(at) == "Projects completing technical-upgrade investment"
    assert at.query_params["id"] == "technical-upgrade-projects-2024"


def test_choosing_another_commitment_puts_it_in_the_url(bundled, open_page):
    at = open_page("commitment", lang="en", id="gdp-growth-2022")
    at.selectbox(key="commitment_choice").set_value("school-places-2022").run()
    assert shown_title(at) == "New primary, secondary and kindergarten places"
    assert at.query_params["id"] == "school-places-2022"


def test_a_commitment_opened_from_another_page_is_the_one_shown(bundled, open_page):
    at = open_page("commitment", lang="en", id="gdp-growth-2022")
    at.switch_page("views/overview.py").run()
    assert "id" not in at.query_params
    at.query_params["id"] = "school-places-2022"
    at.switch_page("views/commitment.py").run()
    assert shown_title(at) == "New primary, secondary and kindergarten places"
    assert at.query_params["id"] == "school-places-2022"


def test_a_commitment_the_filters_hide_is_still_shown_when_asked(bundled, open_page):
    at = open_page("commitment", lang="en", report="qc-2024", id="gdp-growth-2022")
    assert shown_title(at) == "GDP growth"
    assert at.selectbox(key="commitment_choice").options[0] == "GDP growth · gdp-growth-2022"
    assert len(at.selectbox(key="commitment_choice").options) == 3


def test_commitment_page_says_when_an_id_is_unknown(bundled, open_page):
    at = open_page("commitment", lang="en", id="no-such-id")
    assert at.warning[0].value == "There is no valid commitment with the id “no\\-such\\-id”."
    assert shown_title(at) == "GDP growth"  # the first one instead
    assert at.query_params["id"] == "gdp-growth-2022"


def test_rules_and_sources_page_lists_rules_reports_and_exclusions(bundled, open_page):
    at = open_page("about", lang="en")
    assert "- **met late**:" in markdown_text(at)
    sources, exclusions = at.table
    assert [r["Date"] for r in sources.value.to_dict("records")] == [
        "2022\\-03\\-15",
        "2023",
        "2023\\-05\\-06",
        "2024\\-02\\-03",
    ]  # by date, Markdown-escaped (st.table renders Markdown)
    assert list(exclusions.value.columns) == ["Report", "Figure", "Quote", "Reason"]
    assert len(exclusions.value) == 14


def test_an_invalid_file_shows_its_problems_and_every_valid_commitment(
    bundled_copy, open_page, tile_counts
):
    bundled_copy(
        replace={
            'target: {op: ">=", value: 6900, unit: 个}': (
                'target: {op: ">=", value: "6,900", unit: 个}'
            )
        }
    )
    at = open_page(lang="en")
    [error] = at.error
    assert error.value.startswith("1 problem(s) in targets.yaml: the 50 valid commitment(s)")
    [code] = at.code
    assert 'school-places-2022: target.value: expected a number, got "6,900"' in code.value
    assert ": write 6900 (no thousands separators)" in code.value
    assert tile_counts(at)["Commitments"] == 50


def test_an_edit_to_the_file_shows_on_the_next_run_without_a_restart(
    bundled_copy, open_page, tile_counts
):
    path = bundled_copy()
    at = open_page(lang="en")
    assert tile_counts(at)["missed"] == 1
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 1.6\n", "value: 3.6\n"), encoding="utf-8"
    )
    at.run()
    assert tile_counts(at)["missed"] == 2


def test_an_unreadable_file_is_a_message_not_a_traceback(
    tmp_path, monkeypatch, open_page, tile_counts
):
    path = tmp_path / "targets.yaml"
    path.write_bytes("commitments: 新增学位\n".encode("gbk"))
    monkeypatch.setenv("TARGETS_FILE", str(path))
    at = open_page(lang="en")
    assert at.error[0].value.startswith("targets.yaml cannot be read")
    assert "save it as UTF-8" in at.code[0].value
    assert tile_counts(at)["Commitments"] == 0


def test_html_in_a_title_shows_as_text_on_every_page(bundled_copy, open_page):
    bundled_copy(
        replace={
            "title_en: New primary, secondary and kindergarten places": (
                "title_en: <img src=x onerror=alert(1)> places"
            )
        }
    )
    at = open_page("commitment", lang="en", id="school-places-2022")
    assert shown_title(at) == "<img src=x onerror=alert(1)> places"
    assert all("<img" not in h.value for h in at.html)


def test_clean_layout_hides_the_navigation_and_widgets(bundled, open_page):
    at = open_page(lang="en", clean="1")
    [hiding] = [h.value for h in at.html if "display: none" in h.value]
    assert '[data-testid="stSidebar"]' in hiding
    assert [b.label for b in at.main.button] == ["Leave the clean layout"]
    assert at.query_params["clean"] == "1"


def test_coverage_page_counts_tracked_plan_figures_per_report(bundled, open_page):
    at = open_page("coverage", lang="en")
    assert [s.value for s in at.main.subheader] == [
        r"Qingcheng District Government Work Report 2022\: 42 of 42 quantitative commitments "
        "tracked",
        r"Qingcheng District Government Work Report 2024 \(excerpt\)\: 2 of 2 quantitative "
        "commitments tracked",
    ]
    assert [s.value for s in at.success] == ["Every figure is tracked or excluded."] * 2


def test_coverage_page_lists_a_figure_nobody_tracks(bundled_copy, open_page):
    path = bundled_copy()
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: greenways-2022")
    end = text.index("  - id: niuyuzui-4a-scenic-area-2022")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    at = open_page("coverage", lang="en")
    assert at.main.subheader[0].value.endswith("41 of 42 quantitative commitments tracked")
    [row] = at.dataframe[0].value.to_dict("records")
    assert row["Figure"] == "3公里"
    assert row["Paragraph"] == 45


def test_a_failing_page_is_logged_with_its_traceback_and_shown_as_a_message(
    bundled, open_page, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("SYNTHETIC failure in a page")

    monkeypatch.setattr(dashboard.coverage, "coverage_title", broken)
    with caplog.at_level(logging.ERROR, logger="dashboard.app"):
        at = open_page("coverage", lang="en")
    assert at.error[-1].value.startswith("这一页出错了，请把网址发给维护者。")
    assert at.error[-1].value.endswith("(RuntimeError)")
    [record] = [r for r in caplog.records if r.name == "dashboard.app"]
    assert record.getMessage() == "page 'coverage' failed"
    assert record.exc_info[0] is RuntimeError
    assert "SYNTHETIC failure in a page" in caplog.text


def test_clean_layout_keeps_the_downloads_and_the_camera_button(bundled, open_page):
    at = open_page("commitments", lang="en", clean="1")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel (XLSX)"]
    assert not any("stDownloadButton" in h.value or "modebar" in h.value for h in at.html)
    overview = open_page(lang="en", clean="1")
    configs = [json.loads(c.proto.config) for c in overview.get("plotly_chart")]
    assert {c["displayModeBar"] for c in configs} == {True}


def test_a_repeated_url_parameter_combines_and_unknown_ones_are_named(
    bundled, open_page, tile_counts
):
    at = open_page(lang="en", status=["met", "missed"], utm_source="chat", area="nowhere")
    assert tile_counts(at)["Commitments"] == 2
    notice = [c.value for c in at.caption if c.value.startswith("Ignored")]
    assert notice == [
        "Ignored in the address (unknown parameter or value): utm\\_source=chat, area=nowhere"
    ]
    assert at.query_params["status"] == "met,missed"


def test_a_numeric_commitment_page_shows_no_milestone_sentence(bundled, open_page):
    at = open_page("commitment", lang="en", id="consumer-prices-2022")
    captions = "\n".join(c.value for c in at.caption)
    assert "The latest figure for the due year \\(or earlier\\) reaches the target\\." in captions
    assert "milestone" not in captions
    assert "1.4 pp under the ceiling" in facts(at)


def test_a_search_named_in_the_headline_shows_as_text(bundled, open_page):
    at = open_page(lang="en", q="<img src=x onerror=alert(1)>")
    assert at.subheader[0].value == (
        "0 of 51 commitments shown\\: search “\\<img src=x onerror=alert\\(1\\)\\>”"
    )
    assert all("<img" not in h.value for h in at.html)


def test_coverage_at_scale_shows_a_summary_first_and_every_report_on_demand(
    bundled, open_page, monkeypatch
):
    monkeypatch.setattr(dashboard.coverage, "COVERAGE_SHOWN", 1)
    at = open_page("coverage", lang="en")
    summary = at.dataframe[0].value
    assert list(summary.columns) == ["Report", "Tracked", "Quantitative", "Excluded", "Not tracked"]
    assert list(summary["Tracked"]) == [42, 2]
    assert [s.value for s in at.main.subheader] == [
        r"Qingcheng District Government Work Report 2022\: 42 of 42 quantitative commitments "
        "tracked"
    ]
    assert at.caption[0].value.startswith("The details of the first 1 of 2 reports")
    show_all = at.toggle(key="coverage_all")
    assert show_all.label == "Show the details of all 2 reports"
    show_all.set_value(True).run()
    assert len(at.main.subheader) == 2
