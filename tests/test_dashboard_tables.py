"""The commitments table in each language, and its CSV and XLSX downloads."""

import csv
import io

import openpyxl
import pandas as pd

from dashboard.tables import (
    NUMERIC_COLUMNS,
    csv_bytes,
    display_table,
    export_table,
    sources_table,
    xlsx_bytes,
)
from loaders import STATUSES


def test_table_in_english_has_targets_baselines_and_latest_figures_in_words(small_frame):
    table = display_table(small_frame, "en")
    assert list(table.columns) == [
        "Commitment",
        "Area",
        "Year",
        "Target",
        "Prior year",
        "Latest figure",
        "Status",
        "Against target",
        "Quote",
        "ID",
    ]
    places = table[table["ID"] == "syn-places"].iloc[0].to_dict()
    assert places == {
        "Commitment": "New school places",
        "Area": "Livelihoods",
        "Year": 2020,
        "Target": "at least 5,000",
        "Prior year": "12,000 (2019)",
        "Latest figure": "5,200 (2021)",
        "Status": "met late",
        "Against target": "104%",
        "Quote": "确保新增学位 5000个以上",
        "ID": "syn-places",
    }
    library = table[table["ID"] == "syn-library"].iloc[0]
    assert (library["Latest figure"], library["Against target"]) == ("done (2020)", "")
    gdp = table[table["ID"] == "syn-gdp"].iloc[0]
    assert gdp["Against target"] == "0.2 pp above target"  # a rate: points, not percent


def test_table_in_chinese(small_frame):
    table = display_table(small_frame, "zh")
    places = table[table["编号"] == "syn-places"].iloc[0]
    assert places["目标"] == "不低于5000个"
    assert places["上年基数"] == "1.2万个 (2019)"
    assert places["领域"] == "（一）做好民生工作"
    assert places["状态"] == "逾期完成"


def test_csv_download_is_utf8_with_bom_so_excel_reads_chinese(small_frame):
    data = csv_bytes(display_table(small_frame, "zh"))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].startswith("承诺,领域,年度,目标")
    assert "新增学位" in data.decode("utf-8-sig")


def test_xlsx_download_holds_every_row(small_frame):
    table = display_table(small_frame, "en")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Commitment", "Area", "Year")
    assert len(rows) == 1 + len(small_frame)
    assert rows[1][0] == "GDP growth"


def test_an_empty_selection_gives_an_empty_table_with_headers(small_frame):
    assert list(display_table(small_frame.iloc[0:0], "en").columns)[0] == "Commitment"


def test_downloads_hold_the_figures_as_numbers_next_to_the_readable_columns(
    small_frame, small_loaded
):
    table = export_table(small_frame, "en", small_loaded.reports_by_id)
    assert list(table.columns)[:10] == list(display_table(small_frame, "en").columns)
    assert list(table.columns)[10:] == list(NUMERIC_COLUMNS)
    numbers = table.set_index("ID")[list(NUMERIC_COLUMNS)]
    places = numbers.loc["syn-places"].to_dict()
    assert places == {
        "target_op": ">=",
        "target_value": 5000.0,
        "unit": "个",
        "unit_en": "count",
        "tolerance": places["tolerance"],  # none: NaN
        "measure": "amount",
        "latest_value": 5200.0,
        "latest_year": 2021,
        "latest_source": "syn-bulletin-2020",
        "latest_source_title": "Synthetic District Statistical Bulletin 2020",
        "percent_of_target": 104.0,
        "gap_points": places["gap_points"],  # an amount has no gap in points: NaN
        "status_code": "met_late",
    }
    assert pd.isna(places["tolerance"]) and pd.isna(places["gap_points"])
    gdp = numbers.loc["syn-gdp"]
    assert (gdp["measure"], gdp["gap_points"], gdp["unit_en"]) == ("rate", 0.2, "percent")
    assert pd.isna(gdp["percent_of_target"])  # a rate has no percent of target
    assert pd.isna(numbers.loc["syn-parks", "latest_year"])


def test_the_csv_download_writes_numbers_plainly_and_blanks_for_none(small_frame, small_loaded):
    table = export_table(small_frame, "zh", small_loaded.reports_by_id)
    text = csv_bytes(table).decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.endswith(
        "target_op,target_value,unit,unit_en,tolerance,measure,latest_value,latest_year,"
        "latest_source,latest_source_title,percent_of_target,gap_points,status_code"
    )
    assert first.endswith(
        "~,6,%,percent,0.5,rate,6.2,2020,syn-bulletin-2020,合成示例区统计公报（2020年）,,0.2,met"
    )


def test_the_xlsx_download_holds_numbers_as_numbers(small_frame, small_loaded):
    table = export_table(small_frame, "en", small_loaded.reports_by_id)
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table)))
    rows = list(workbook.active.iter_rows(values_only=True))
    header = rows[0]
    places = rows[1 + list(small_frame["id"]).index("syn-places")]
    assert places[header.index("target_value")] == 5000
    assert places[header.index("latest_year")] == 2021
    assert places[header.index("percent_of_target")] == 104
    assert places[header.index("gap_points")] is None


def test_the_sources_table_lists_reports_by_date(small_loaded):
    table = sources_table(reversed(small_loaded.reports), "en")
    assert table.to_dict("records") == [
        {
            "Report": "Synthetic District Work Report 2020",
            "Date": "2020-03-01",
            "Publisher": "",
            "File": "report-2020.txt",
        },
        {
            "Report": "Synthetic District Statistical Bulletin 2020",
            "Date": "2021-03",
            "Publisher": "合成示例区统计局 (no English text)",
            "File": "",
        },
    ]


def test_a_milestone_under_way_reads_under_way_and_exports_its_status_code(under_way_data):
    frame, reports = under_way_data.frame, under_way_data.result.targets.reports_by_id
    english = display_table(frame, "en").set_index("ID").loc["syn-library"]
    assert english[["Latest figure", "Status", "Against target"]].tolist() == [
        "under way (2020)",
        "under way",
        "",
    ]
    chinese = display_table(frame, "zh").set_index("编号").loc["syn-library"]
    assert chinese[["最新数据", "状态"]].tolist() == ["推进中 (2020)", "推进中"]
    numbers = export_table(frame, "en", reports).set_index("ID").loc["syn-library"]
    assert numbers[["status_code", "measure", "latest_year", "latest_source"]].tolist() == [
        "under_way",
        "milestone",
        2020,
        "syn-bulletin-2020",
    ]
    assert pd.isna(numbers["latest_value"])  # a milestone has no figure
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(export_table(frame, "zh", reports))))
    rows = list(workbook.active.iter_rows(values_only=True))
    header = rows[0]
    library = next(r for r in rows if "syn-library" in r)
    assert library[header.index("status_code")] == "under_way"
    assert library[header.index("状态")] == "推进中"
    text = csv_bytes(export_table(frame, "en", reports)).decode("utf-8-sig")
    assert [line for line in text.splitlines() if "syn-library" in line][0].endswith(",under_way")


FORMULAS = {
    "title_en": '=HYPERLINK("http://127.0.0.1:8659/x","click")',
    "quote": "@SUM(1+1)*cmd|' /C calc'!A0",
    "id": "-2+3",
}


def formula_table(small_frame, small_loaded):
    """Return the English download of the small fixture whose first row's texts are formulas
    and whose latest value is negative."""
    frame = small_frame.copy()
    for column, text in FORMULAS.items():
        frame.loc[frame.index[0], column] = text
    frame["latest_value"] = frame["latest_value"].astype(object)
    frame.loc[frame.index[0], "latest_value"] = -4.1
    return export_table(frame, "en", small_loaded.reports_by_id)


def test_the_csv_download_neutralises_text_that_could_start_a_formula(small_frame, small_loaded):
    table = formula_table(small_frame, small_loaded)
    [row] = list(csv.DictReader(io.StringIO(csv_bytes(table).decode("utf-8-sig"))))[:1]
    assert row["Commitment"] == "'" + FORMULAS["title_en"]
    assert row["Quote"] == "'" + FORMULAS["quote"]
    assert row["ID"] == "'-2+3"
    assert row["latest_value"] == "-4.1"  # a number stays a number


def test_the_xlsx_download_writes_texts_as_strings_never_formulas(small_frame, small_loaded):
    table = formula_table(small_frame, small_loaded)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table))).active
    header = [cell.value for cell in sheet[1]]
    first = sheet[2]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    title = first[header.index("Commitment")]
    assert (title.value, title.data_type) == ("'" + FORMULAS["title_en"], "s")
    assert first[header.index("ID")].value == "'-2+3"
    latest = first[header.index("latest_value")]
    assert (latest.value, latest.data_type) == (-4.1, "n")


def test_only_http_addresses_with_a_host_become_source_links():
    from dashboard.tables import source_links
    from loaders import Report
    from loaders.model import PartialDate

    def report(ident, url):
        return Report(
            ident, f"标题{ident}", f"Title {ident}", PartialDate(2023), publisher="p", url=url
        )

    reports = [
        report("a", "https://www.gov.example/report.html"),
        report("b", "javascript:alert(1)"),
        report("c", "data:text/html,x"),
        report("d", "http://"),
        report("e", 'https://x.example/"><img src=x>'),
        report("f", None),
    ]
    assert source_links(reports, "en").values.tolist() == [
        ["Title a", "https://www.gov.example/report.html"]
    ]


def test_the_data_behind_the_status_chart_counts_each_area_by_status(small_frame, small_loaded):
    from dashboard.tables import chart_data

    table = chart_data("status-by-area", small_frame, "en", small_loaded.reports_by_id)
    assert list(table.columns)[0] == "Area"
    assert table.iloc[:, 1:].to_numpy().sum() == len(small_frame)
    per_status = table.iloc[:, 1:].sum().tolist()
    assert per_status == [int((small_frame["status"] == s).sum()) for s in STATUSES]


def test_the_data_behind_a_figure_chart_is_its_commitments_as_downloaded(small_frame, small_loaded):
    from dashboard.tables import chart_data

    table = chart_data("rates", small_frame.head(2), "en", small_loaded.reports_by_id)
    assert table.equals(export_table(small_frame.head(2), "en", small_loaded.reports_by_id))
