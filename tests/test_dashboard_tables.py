"""The commitments table in each language, and its CSV and XLSX downloads."""

import io

import openpyxl

from dashboard.tables import csv_bytes, display_table, xlsx_bytes
from tests.small_fixture import small_data

FRAME = small_data().frame


def test_table_in_english_has_targets_baselines_and_latest_figures_in_words():
    table = display_table(FRAME, "en")
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


def test_table_in_chinese():
    table = display_table(FRAME, "zh")
    places = table[table["编号"] == "syn-places"].iloc[0]
    assert places["目标"] == "不低于5000个"
    assert places["上年基数"] == "1.2万个 (2019)"
    assert places["领域"] == "（一）做好民生工作"
    assert places["状态"] == "逾期完成"


def test_csv_download_is_utf8_with_bom_so_excel_reads_chinese():
    data = csv_bytes(display_table(FRAME, "zh"))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].startswith("承诺,领域,年度,目标")
    assert "新增学位" in data.decode("utf-8-sig")


def test_xlsx_download_holds_every_row():
    table = display_table(FRAME, "en")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Commitment", "Area", "Year")
    assert len(rows) == 1 + len(FRAME)
    assert rows[1][0] == "GDP growth"


def test_an_empty_selection_gives_an_empty_table_with_headers():
    assert list(display_table(FRAME.iloc[0:0], "en").columns)[0] == "Commitment"
