"""Warnings about a report's parts, `targets report`, and the plan_starts override.

Every report here is SYNTHETIC: a made-up county with made-up figures.
"""

import io
from pathlib import Path

import pytest

from dashboard.coverage import structure_warning
from loaders.cli.main import main
from loaders.figures import diagnostics
from loaders.figures.diagnostics import structure_lines
from loaders.figures.finder import classify_figures
from loaders.figures.scan import find_figures
from loaders.load.report_warnings import report_warnings
from loaders.load.targets import load_targets
from loaders.texts.report import parse_report

ROOT = Path(__file__).resolve().parent.parent

TARGETS = """\
reports:
  - id: syn-2024
    title: 合成县人民政府工作报告（2024年）
    title_en: Synthetic County Work Report 2024
    date: 2024-01-10
    file: syn-2024.txt
{extra}areas: []
commitments: []
"""
FRONT = "合成县人民政府工作报告（SYNTHETIC）\n各位代表：\n一、2023年工作回顾\n一年来，新增学位1200个，同比增长5%。\n"
UNKNOWN_PLAN_HEADING = FRONT + "二、奋力开创新局面\n新增学位1500个，新建公园4个。\n"
PLAN_WITHOUT_FIGURES = FRONT + "二、2024年工作安排\n坚持稳中求进，推动高质量发展。\n"
REVIEW_ONLY = (  # a page explaining the review: a review heading, no plan heading, cue words
    "\t合成县人民政府工作报告解读（SYNTHETIC）\n\t2023年工作回顾\n"
    "\t这一年，我们力争上游抓项目，完成投资74亿元。\n"
    "\t积极争取上级资金12亿元，新增学位2600个。\n"
)
TARGETS_IN_THE_REVIEW = (
    "合成县人民政府工作报告（SYNTHETIC）\n各位代表：\n一、2023年工作回顾\n"
    "一年来新增学位1200个。今年，力争新增学位1500个以上，新建公园4个。\n"
    "二、2024年工作安排\n新增学位1500个以上。\n"
)
FIX = (
    "run `targets report syn-2024` to see the parts the reader found; if the plan starts "
    "elsewhere, give its opening words as `plan_starts:` on the report"
)


def write(tmp_path: Path, report: str, extra: str = "") -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "syn-2024.txt").write_text(report, encoding="utf-8")
    path = tmp_path / "targets.yaml"
    path.write_text(TARGETS.format(extra=extra), encoding="utf-8")
    return path


def warnings_of(path: Path) -> list[str]:
    result = load_targets(path)
    assert result.ok, [str(p) for p in result.problems]
    return [str(w) for w in report_warnings(result.targets, result.documents, "targets.yaml")]


def test_a_report_whose_plan_is_not_found_is_warned_about(tmp_path):
    assert warnings_of(write(tmp_path, UNKNOWN_PLAN_HEADING)) == [
        "targets.yaml:2: syn-2024: warning: no plan part found in seeds/syn-2024.txt: every "
        f"figure is read as a review outcome and no commitment can be found; {FIX}"
    ]


def test_a_plan_without_figures_is_warned_about(tmp_path):
    assert warnings_of(write(tmp_path, PLAN_WITHOUT_FIGURES)) == [
        "targets.yaml:2: syn-2024: warning: the plan part of seeds/syn-2024.txt (from ¶5) "
        f"holds no figure; {FIX}"
    ]


def test_a_review_only_text_names_its_review_figures_that_read_as_targets(tmp_path):
    assert warnings_of(write(tmp_path, REVIEW_ONLY)) == [
        "targets.yaml:2: syn-2024: warning: no plan part found in seeds/syn-2024.txt: every "
        f"figure is read as a review outcome and no commitment can be found; {FIX}",
        "targets.yaml:2: syn-2024: warning: 1 figure(s) of the review part of "
        "seeds/syn-2024.txt read as targets (以上、左右、以内、力争、确保、争取): ¶4 12亿元 in "
        "“积极争取上级资金12亿元”; with no plan part they are read as outcomes (a review "
        "subsection's 力争 or 争取 starts no plan when the text has a review heading and no plan "
        "heading); if the plan starts among them, give its opening words as `plan_starts:` on "
        "the report",
    ]


def test_review_figures_that_read_as_targets_are_warned_about(tmp_path):
    assert warnings_of(write(tmp_path, TARGETS_IN_THE_REVIEW)) == [
        "targets.yaml:2: syn-2024: warning: 1 figure(s) of the review part of "
        "seeds/syn-2024.txt read as targets of 2024: ¶4 1500个 in “力争新增学位1500个以上”; "
        f"the plan may start earlier: {FIX}"
    ]


def test_the_bundled_reports_have_no_warning():
    result = load_targets(ROOT / "targets.yaml", ROOT / "seeds")
    assert report_warnings(result.targets, result.documents, "targets.yaml") == []


def test_plan_starts_names_the_plan_and_the_warning_goes(tmp_path):
    path = write(tmp_path, UNKNOWN_PLAN_HEADING, "    plan_starts: 奋力开创新局面\n")
    assert warnings_of(path) == []
    document = load_targets(path).documents["syn-2024"]
    assert [p.part for p in document.paragraphs] == [
        "front", "front", "review", "review", "plan", "plan",
    ]  # fmt: skip


def test_plan_starts_that_is_not_in_the_text_is_a_problem(tmp_path):
    path = write(tmp_path, UNKNOWN_PLAN_HEADING, "    plan_starts: 奋力开创新征程\n")
    result = load_targets(path)
    assert [str(p) for p in result.problems] == [
        f"{result.problems[0].file}:7: syn-2024: plan_starts: not found in syn-2024.txt; "
        'closest passage: "二、奋力开创新" — copy the opening words of the plan part '
        "exactly as the report writes them (`targets report syn-2024` shows its paragraphs)"
    ]
    assert [r.id for r in result.targets.reports] == ["syn-2024"]  # the report is kept


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_targets_report_prints_parts_headings_and_warnings(tmp_path):
    path = write(tmp_path, UNKNOWN_PLAN_HEADING)
    code, printed = run("--targets", str(path), "report", "syn-2024")
    assert code == 0
    assert printed.splitlines() == [
        "syn-2024 (seeds/syn-2024.txt): 6 paragraphs, layout wrapped, plan year 2024 (from "
        "targets.yaml)",
        "",
        "parts:",
        "  front   ¶1–¶2        no figure                    start of text (confidence 1.00)",
        "  review  ¶3–¶6        4 outcomes                   heading: 一、2023年工作回顾 "
        "(confidence 0.95)",
        "  plan    none",
        "  annex   none",
        "",
        "chapters and headings:",
        "  ¶3    review 一、2023年工作回顾",
        "  ¶5    review 二、奋力开创新局面",
        "",
        "as a later document: work-report (工作报告 in the title); outcomes of 2023 in ¶3–¶6",
        "",
        f"{path}:2: syn-2024: warning: no plan part found in seeds/syn-2024.txt: every figure "
        f"is read as a review outcome and no commitment can be found; {FIX}",
    ]


def test_targets_check_prints_warnings_and_still_passes(tmp_path):
    path = write(tmp_path, PLAN_WITHOUT_FIGURES)
    code, printed = run("--targets", str(path), "check")
    assert code == 0
    assert printed.splitlines() == [
        f"{path}:2: syn-2024: warning: the plan part of seeds/syn-2024.txt (from ¶5) holds "
        f"no figure; {FIX}",
        f"{path}: OK — 0 commitments, 0 exclusions, 1 reports; 0 quotes verified; 1 warning(s)",
    ]


def test_targets_report_of_an_unknown_report_says_what_it_knows(tmp_path, capsys):
    path = write(tmp_path, PLAN_WITHOUT_FIGURES)
    code, _ = run("--targets", str(path), "report", "nope")
    assert code == 2
    assert capsys.readouterr().err == (
        'unknown report "nope": give a report id of targets.yaml with a text in seeds/ '
        "(syn-2024) or the path of a report's text file\n"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_coverage_page_lists_the_warnings(tmp_path, lang):
    result = load_targets(write(tmp_path, UNKNOWN_PLAN_HEADING))
    warnings = report_warnings(result.targets, result.documents, "targets.yaml")
    shown = structure_warning(warnings, lang)
    assert shown.splitlines()[0].startswith("报告结构提示" if lang == "zh" else "Report structure:")
    assert shown.splitlines()[2].startswith(r"- targets\.yaml\:2\: syn\-2024\: warning\: no plan")
    assert structure_warning([], lang) == ""


TRADITIONAL_REPORT = (
    "合成縣人民政府工作報告（SYNTHETIC）\n各位代表：\n一、2023年工作回顧\n城鎮新增就業1.42萬人。\n"
    "二、2024年工作安排\n城鎮新增就業1.3萬人以上，新建城市公園2處。\n"
)
TRADITIONAL_COMMITMENT = """\
areas:
  - {id: jobs, name: 就業, name_en: Jobs}
commitments:
  - id: jobs-2024
    report: syn-2024
    year: 2024
    area: jobs
    title: 城鎮新增就業
    title_en: New urban jobs
    target: {op: ">=", value: 1.3, unit: 萬人}
    quote: 城鎮新增就業1.3萬人以上
    baseline: {year: 2023, value: 1.42, quote: 城鎮新增就業1.42萬人}
"""


def test_a_quote_in_traditional_characters_verifies_and_tracks_its_figure(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "syn-2024.txt").write_text(TRADITIONAL_REPORT, encoding="utf-8")
    path = tmp_path / "targets.yaml"
    text = TARGETS.format(extra="").replace("areas: []\ncommitments: []\n", TRADITIONAL_COMMITMENT)
    path.write_text(text, encoding="utf-8")
    result = load_targets(path)
    assert result.ok, [str(p) for p in result.problems]
    found = classify_figures(result.targets, "syn-2024", result.documents["syn-2024"])
    assert [(f.figure.text, f.kind, f.tracked_by) for f in found] == [
        ("1.42萬人", "outcome", ("jobs-2024 (baseline)",)),
        ("1.3萬人", "commitment", ("jobs-2024",)),
        ("2處", "commitment", ()),
    ]


def test_a_warning_names_the_included_file_that_declares_the_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, PLAN_WITHOUT_FIGURES)
    reports, rest = TARGETS.format(extra="").split("areas:")
    path.write_text("include: [parts/*.yaml]\nareas:" + rest, encoding="utf-8")
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "r.yaml").write_text(reports, encoding="utf-8")
    result = load_targets(path)
    warnings = report_warnings(result.targets, result.documents, "targets.yaml", result.declared_in)
    assert [(w.file, w.line, w.record) for w in warnings] == [("parts/r.yaml", 2, "syn-2024")]


def test_a_part_that_comes_back_is_printed_as_runs_of_paragraphs():
    text = (
        "某县政府工作报告出炉\n某县融媒　2025年01月10日 20:16\n"
        "今年，某县地区生产总值预期增长6.5%左右。\n"
        "1月10日上午，某县人民代表大会开幕，县长作政府工作报告。\n"
        "全年实施重点项目110个，力争签约项目28个。\n"
        "城镇新增就业4500人，新增学位1800个。\n"
        "报告显示，过去一年，某县地区生产总值增长5.9%。\n"
        "县长表示，2025年要确保完成全年各项目标任务，新建学校3所。\n"
    )
    lines = structure_lines("syn-2025", parse_report(text, "syn.txt"))
    assert lines[3:7] == [
        "  front   ¶1–¶2        no figure                    start of text (confidence 1.00)",
        "  review  ¶7           1 outcome                    wording cues: 过去一年 (confidence 1.00)",
        "  plan    ¶3–¶6, ¶8    6 commitments                wording cues: 今年、左右、力争、2025年、确保 "
        "(confidence 0.83)",
        "  annex   none",
    ]


@pytest.mark.parametrize("share", [1.0, 0.3, 0.5, 0.7])
def test_the_warnings_are_those_a_scan_of_every_figure_gives(share, monkeypatch):
    texts = sorted(ROOT.glob("tests/*_texts/**/*.txt"))
    texts += sorted(ROOT.glob("tests/report_formats/*.txt")) + sorted(ROOT.glob("seeds/*.txt"))
    documents = []
    for path in texts:  # whole, or cut short (the plan part, then the review, cut off)
        text = path.read_text(encoding="utf-8")
        documents.append(parse_report(text[: int(len(text) * share)], path.name))
    found = [diagnostics.structure_warnings("syn", d) for d in documents]

    def every_figure_of(document, part, cued=False):
        """Return every figure of the part, the text scanned whole."""
        return [f for f in find_figures(document) if f.part == part]

    monkeypatch.setattr(diagnostics, "_part_figures", every_figure_of)
    assert found == [diagnostics.structure_warnings("syn", d) for d in documents]
    assert len(documents) > 90
    assert sum(bool(f) for f in found) >= 5  # every kind of warning among them
