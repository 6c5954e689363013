"""The dashboard in Streamlit's AppTest: every page, filter and the language switch, on real content."""

import json
import logging

import dashboard.coverage


def metrics(at) -> dict[str, int]:
    return {m.label: int(m.value) for m in at.metric}


def charts(at) -> dict[str, dict]:
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return {spec["layout"]["title"]["text"]: spec for spec in specs}


def trace(spec: dict, name: str) -> dict:
    return next(t for t in spec["data"] if t.get("name") == name)


def table_rows(at, index: int = 0) -> list[dict]:
    return at.dataframe[index].value.to_dict("records")


def test_overview_counts_commitments_by_status(bundled, open_page):
    at = open_page(lang="en")
    assert metrics(at) == {
        "Commitments": 51,
        "met": 1,
        "met late": 1,
        "missed": 1,
        "no published figure": 48,
        "not yet due": 0,
    }
    assert not at.error


def test_overview_charts_hold_status_by_area_percent_and_headline_indicators(bundled, open_page):
    at = open_page(lang="en")
    found = charts(at)
    assert list(found) == [
        "Status of commitments by area",
        "Numeric targets: outcome as percent of target (100% = target reached)",
        "Headline indicators: prior year, target and outcome",
    ]
    by_area = found["Status of commitments by area"]
    assert trace(by_area, "missed")["y"][0] == "Headline targets"
    assert trace(by_area, "missed")["x"][0] == 1
    assert trace(by_area, "met late")["y"][4] == "Towns, villages and urban–rural integration"
    assert trace(by_area, "met late")["x"][4] == 1
    percent = found["Numeric targets: outcome as percent of target (100% = target reached)"]
    assert trace(percent, "missed")["y"] == ["GDP growth"]
    assert trace(percent, "met")["y"] == ["Rise in consumer prices (CPI)"]
    assert "no published figure: 7" in trace(percent, "no published figure")["text"]
    headline = found["Headline indicators: prior year, target and outcome"]
    missing = [
        a["y"] for a in headline["layout"]["annotations"] if a["text"] == "no published figure"
    ]
    assert len(missing) == 6 and "Registered urban unemployment rate" in missing
    assert trace(headline, "Outcome")["x"][0] == 1.1
    assert trace(headline, "Prior year")["x"][0] == 5.4
    assert trace(headline, "Target")["text"][0] == "about 6.5% (±0.5)"
    for spec in found.values():
        notes = [a["text"] for a in spec["layout"]["annotations"]]
        assert [n for n in notes if n.startswith("Source: Qingcheng District")], notes


def test_overview_table_lists_every_commitment(bundled, open_page):
    at = open_page(lang="en")
    rows = table_rows(at)
    assert len(rows) == 51
    assert rows[0]["Commitment"] == "GDP growth"
    assert rows[0]["Target"] == "about 6.5% (±0.5)"
    assert rows[0]["Latest figure"] == "1.1% (2022)"


def test_the_language_switch_turns_every_label_chinese(bundled, open_page):
    at = open_page(lang="en")
    at.sidebar.button_group[0].set_value("zh").run()
    assert at.title[0].value == "政府工作报告目标追踪"
    assert metrics(at)["未公布数据"] == 48
    assert "各领域承诺完成状态" in charts(at)
    assert table_rows(at)[0]["承诺"] == "地区生产总值增长"
    assert at.sidebar.selectbox[0].label == "报告"
    assert dict(at.query_params) == {}  # Chinese is the default, left out of the URL


def test_clicking_the_chosen_language_again_keeps_it(bundled, open_page):
    at = open_page(lang="en")
    at.sidebar.button_group[0].set_value(None).run()
    assert at.sidebar.button_group[0].value == "en"
    assert at.title[0].value == "Work-report target tracker"
    assert at.query_params["lang"] == "en"


def test_chinese_is_the_default_language(bundled, open_page):
    at = open_page()
    assert at.title[0].value == "政府工作报告目标追踪"
    assert list(metrics(at))[0] == "承诺总数"


def test_report_filter_narrows_every_view_and_goes_into_the_url(bundled, open_page):
    at = open_page(lang="en")
    at.sidebar.selectbox[0].set_value("qc-2024").run()
    assert metrics(at)["Commitments"] == 2
    assert {r["ID"] for r in table_rows(at)} == {
        "technical-upgrade-projects-2024",
        "urban-rural-reform-tasks-2024",
    }
    assert "Headline indicators: prior year, target and outcome" not in charts(at)
    assert at.query_params["report"] == "qc-2024"


def test_year_filter(bundled, open_page):
    at = open_page(lang="en", report="2022")
    assert metrics(at)["Commitments"] == 49


def test_area_and_status_filters_combine(bundled, open_page):
    at = open_page(lang="en")
    at.sidebar.multiselect[0].set_value(["urban-rural"]).run()
    assert metrics(at)["Commitments"] == 13
    at.sidebar.multiselect[1].set_value(["met_late"]).run()
    assert [r["ID"] for r in table_rows(at)] == ["four-venues-one-centre-2022"]
    assert at.query_params["area"] == "urban-rural"
    assert at.query_params["status"] == "met_late"


def test_search_in_english_and_in_chinese(bundled, open_page):
    at = open_page(lang="en")
    at.sidebar.text_input[0].set_value("school").run()
    assert {r["ID"] for r in table_rows(at)} == {
        "school-places-2022",
        "school-projects-2022",
        "schools-taken-over-2022",
    }
    at.sidebar.text_input[0].set_value("碧道").run()
    assert [r["ID"] for r in table_rows(at)] == ["greenways-2022"]
    assert at.query_params["q"] == "碧道"


def test_filters_are_read_from_the_url(bundled, open_page):
    at = open_page(lang="en", status="missed,met")
    assert metrics(at)["Commitments"] == 2
    assert at.sidebar.multiselect[1].value == ["missed", "met"]


def test_a_filter_matching_nothing_says_so(bundled, open_page):
    at = open_page(lang="en", q="no-such-commitment")
    assert metrics(at)["Commitments"] == 0
    assert at.info[0].value == "No commitment matches the filters."


def test_clear_filters(bundled, open_page):
    at = open_page(lang="en", status="missed", q="gdp")
    at.sidebar.button[0].click().run()
    assert metrics(at)["Commitments"] == 51
    assert dict(at.query_params) == {"lang": "en"}


def test_commitments_page_has_the_table_and_both_downloads(bundled, open_page):
    at = open_page("commitments", lang="en")
    assert at.title[0].value == "Commitments"
    assert len(table_rows(at)) == 51
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel (XLSX)"]


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_commitment_page_shows_target_baseline_source_and_no_published_figure(bundled, open_page):
    at = open_page("commitment", lang="en", id="school-places-2022")
    assert at.header[0].value == "New primary, secondary and kindergarten places"
    text = markdown_text(at)
    assert "at least 6,900" in text
    assert "**18,000** (2021) — 新增学位超 1\\.8万个" in text
    assert "No published figure has been found — a finding in itself." in text
    [paragraph] = at.html
    assert ">确保新增中小学（幼儿园）学位 6900个以上</mark>" in paragraph.value
    assert "paragraph 49 · plan （六） 扩大公共服务供给" in "\n".join(c.value for c in at.caption)
    assert at.query_params["id"] == "school-places-2022"


def test_commitment_page_progress_timeline_and_status(bundled, open_page):
    at = open_page("commitment", lang="en", id="gdp-growth-2022")
    [progress] = at.dataframe
    rows = progress.value.to_dict("records")
    assert [r["Figure"] for r in rows] == ["1.1%", "1.1%"]
    assert rows[0]["Source"].startswith("Qingcheng District Statistical Bulletin")
    text = markdown_text(at)
    assert ":red-badge[missed]" in text
    assert "#### 17%" in text
    assert "The due year is over and the figures published" in "\n".join(
        c.value for c in at.caption
    )


def test_commitment_page_links_the_same_metric_in_other_years(bundled, open_page):
    at = open_page("commitment", lang="en", id="technical-upgrade-projects-2022")
    [button] = [b for b in at.button if "2024" in b.label]
    assert button.label.startswith("2024 · Projects completing technical\\-upgrade investment")
    assert "at least 55" in button.label
    button.click().run()
    assert at.header[0].value == "Projects completing technical\\-upgrade investment"
    assert at.query_params["id"] == "technical-upgrade-projects-2024"


def test_choosing_another_commitment_puts_it_in_the_url(bundled, open_page):
    at = open_page("commitment", lang="en", id="gdp-growth-2022")
    at.selectbox(key="commitment_choice").set_value("school-places-2022").run()
    assert at.header[0].value == "New primary, secondary and kindergarten places"
    assert at.query_params["id"] == "school-places-2022"


def test_a_commitment_opened_from_another_page_is_the_one_shown(bundled, open_page):
    at = open_page("commitment", lang="en", id="gdp-growth-2022")
    at.switch_page("views/overview.py").run()
    assert "id" not in at.query_params
    at.query_params["id"] = "school-places-2022"
    at.switch_page("views/commitment.py").run()
    assert at.header[0].value == "New primary, secondary and kindergarten places"
    assert at.query_params["id"] == "school-places-2022"


def test_a_commitment_the_filters_hide_is_still_shown_when_asked(bundled, open_page):
    at = open_page("commitment", lang="en", report="qc-2024", id="gdp-growth-2022")
    assert at.header[0].value == "GDP growth"
    assert at.selectbox(key="commitment_choice").options[0] == "GDP growth · gdp-growth-2022"
    assert len(at.selectbox(key="commitment_choice").options) == 3


def test_commitment_page_says_when_an_id_is_unknown(bundled, open_page):
    at = open_page("commitment", lang="en", id="no-such-id")
    assert at.warning[0].value == "There is no valid commitment with the id “no\\-such\\-id”."
    assert at.header[0].value == "GDP growth"  # the first one instead
    assert at.query_params["id"] == "gdp-growth-2022"


def test_rules_and_sources_page_lists_rules_reports_and_exclusions(bundled, open_page):
    at = open_page("about", lang="en")
    assert "- **met late**:" in markdown_text(at)
    reports = table_rows(at, 0)
    assert [r["Date"] for r in reports] == ["2022-03-15", "2024-02-03", "2023", "2023-05-06"]
    assert list(at.dataframe[1].value.columns) == ["Report", "Figure", "Quote", "Reason"]


def test_an_invalid_file_shows_its_problems_and_every_valid_commitment(bundled_copy, open_page):
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
    assert metrics(at)["Commitments"] == 50


def test_an_edit_to_the_file_shows_on_the_next_run_without_a_restart(bundled_copy, open_page):
    path = bundled_copy()
    at = open_page(lang="en")
    assert metrics(at)["missed"] == 1
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 1.6\n", "value: 3.6\n"), encoding="utf-8"
    )
    at.run()
    assert metrics(at)["missed"] == 2


def test_an_unreadable_file_is_a_message_not_a_traceback(tmp_path, monkeypatch, open_page):
    path = tmp_path / "targets.yaml"
    path.write_bytes("commitments: 新增学位\n".encode("gbk"))
    monkeypatch.setenv("TARGETS_FILE", str(path))
    at = open_page(lang="en")
    assert at.error[0].value.startswith("targets.yaml cannot be read")
    assert "save it as UTF-8" in at.code[0].value
    assert metrics(at)["Commitments"] == 0


def test_html_in_a_title_shows_as_text_on_every_page(bundled_copy, open_page):
    bundled_copy(
        replace={
            "title_en: New primary, secondary and kindergarten places": (
                "title_en: <img src=x onerror=alert(1)> places"
            )
        }
    )
    at = open_page("commitment", lang="en", id="school-places-2022")
    assert at.header[0].value == r"\<img src=x onerror=alert\(1\)\> places"
    assert "<img" not in at.html[0].value


def test_clean_layout_hides_the_navigation_and_widgets(bundled, open_page):
    at = open_page(lang="en", clean="1")
    assert "display: none" in at.html[0].value
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
