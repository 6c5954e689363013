"""`targets export`: one row per commitment with the documented columns, CSV and JSON."""

import csv
import dataclasses
import datetime as dt
import io
import json

from loaders.cli.main import main
from loaders.model import Baseline, Commitment, Progress, Target, TargetsFile
from loaders.record.export import EXPORT_COLUMNS, commitment_rows, write_csv

REQUIRED = {
    "id", "report", "year", "area", "title", "title_en", "metric", "op", "target", "unit",
    "baseline_year", "baseline_value", "latest_year", "latest_value", "status",
    "percent_of_target", "quote",
}  # fmt: skip

GDP = Commitment(
    id="gdp-growth-2022",
    report="qc-2022",
    year=2022,
    area="headline",
    title="地区生产总值增长",
    title_en="GDP growth",
    target=Target("~", 6.5, "%", 0.5),
    quote="地区生产总值增长6.5%左右",
    metric="gdp-growth",
    baseline=Baseline(2021, 5.4, "同比增长 5.4%", "qc-2022"),
    progress=(Progress(source="qc-stats-2022", year=2022, value=1.1, note="一、综合"),),
)


def test_rows_hold_every_documented_column():
    [row] = commitment_rows(TargetsFile(commitments=(GDP,)), dt.date(2023, 6, 1))
    assert REQUIRED <= set(row) == set(EXPORT_COLUMNS)
    assert row["status"] == "missed"
    assert row["percent_of_target"] == 16.9
    assert (row["baseline_year"], row["baseline_value"]) == (2021, 5.4)
    assert (row["latest_year"], row["latest_value"], row["latest_source"]) == (
        2022,
        1.1,
        "qc-stats-2022",
    )


SAMPLE = """\
reports:
  - id: r
    title: SYNTHETIC 报告
    title_en: SYNTHETIC report
    date: 2022-03-15
    file: r.txt
areas:
  - {id: a, name: 民生, name_en: Livelihoods}
commitments:
  - id: places
    report: r
    year: 2022
    area: a
    title: 新增学位
    title_en: New school places
    target: {op: ">=", value: 6900, unit: 个}
    quote: 确保新增学位 6900个以上
"""


def write_sample(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "r.txt").write_text("\t确保新增学位 6900个以上。\n", encoding="utf-8")
    path = tmp_path / "targets.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_export_csv_and_json_from_the_command_line(tmp_path):
    path = write_sample(tmp_path)
    out = io.StringIO()
    assert (
        main(["--targets", str(path), "export", "--format", "csv", "--as-of", "2023-01-01"], out)
        == 0
    )
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["id"], row["target"], row["unit"], row["status"], row["latest_value"]) == (
        "places", "6900", "个", "no_figure", "",
    )  # fmt: skip
    out = io.StringIO()
    assert (
        main(["--targets", str(path), "export", "--format", "json", "--as-of", "2022-05-01"], out)
        == 0
    )
    [obj] = json.loads(out.getvalue())
    assert obj["status"] == "not_yet_due"
    assert obj["quote"] == "确保新增学位 6900个以上"


def test_targets_file_from_the_environment(tmp_path, monkeypatch):
    path = write_sample(tmp_path)
    monkeypatch.setenv("TARGETS_FILE", str(path))
    out = io.StringIO()
    assert main(["check"], out) == 0
    assert out.getvalue().endswith(
        "OK — 1 commitments, 0 exclusions, 1 reports; 1 quotes verified\n"
    )


def test_a_milestone_s_latest_value_is_true_when_done_and_false_when_under_way():
    library = Commitment(
        id="library",
        report="qc-2022",
        year=2022,
        area="livelihood",
        title="建成区图书馆",
        title_en="District library built",
        target=Target("done"),
        quote="力争建成区图书馆",
        progress=(Progress(source="qc-2023", year=2022, done=False, quote="主体工程基本完工"),),
    )
    done = Progress(source="qc-2024", year=2023, done=True, quote="全面竣工")
    finished = dataclasses.replace(library, progress=(*library.progress, done))
    rows = commitment_rows(TargetsFile(commitments=(library,)), dt.date(2024, 6, 1))
    assert [(r["status"], r["latest_year"], r["latest_value"]) for r in rows] == [
        ("under_way", 2022, False)
    ]
    rows = commitment_rows(TargetsFile(commitments=(finished,)), dt.date(2024, 6, 1))
    assert [(r["status"], r["latest_year"], r["latest_value"]) for r in rows] == [
        ("met_late", 2023, True)
    ]


FORMULAS = {
    "title": '=HYPERLINK("http://127.0.0.1:8659/x","click")',
    "title_en": "@SUM(1+1)*cmd|' /C calc'!A0",
    "metric": "+1+1",
    "quote": "-2+3",
}


def test_csv_cells_that_could_start_a_formula_get_a_quote_before_them_and_numbers_stay_numbers():
    commitment = Commitment(
        id="formula",
        report="r",
        year=2022,
        area="a",
        title=FORMULAS["title"],
        title_en=FORMULAS["title_en"],
        metric=FORMULAS["metric"],
        target=Target("<=", -3.5, "%", None),
        quote=FORMULAS["quote"],
        progress=(Progress(source="\tsource", year=2022, value=-4.1, note="n"),),
    )
    out = io.StringIO()
    write_csv(commitment_rows(TargetsFile(commitments=(commitment,)), dt.date(2023, 6, 1)), out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    for column, text in FORMULAS.items():
        assert row[column] == "'" + text
    assert row["latest_source"] == "'\tsource"
    assert (row["target"], row["latest_value"]) == ("-3.5", "-4.1")  # numbers, not neutralised
