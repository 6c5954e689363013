"""中文/English labels, status names and rules, localized fields (numbers: test_dashboard_numbers)."""

import ast
from pathlib import Path
from types import SimpleNamespace

from dashboard.i18n import (
    REACH_RULES,
    STATUS_LABELS,
    STATUS_RULES,
    TEXT,
    localized,
    status_label,
    status_rule,
    status_rules_markdown,
    t,
)
from loaders.record.status import STATUSES

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard"


def test_every_label_has_both_languages():
    assert [key for key, labels in TEXT.items() if set(labels) != {"zh", "en"}] == []


def test_every_status_has_a_label_and_a_rule_in_both_languages():
    for lang in ("en", "zh"):
        assert set(STATUS_LABELS[lang]) == set(STATUSES)
        assert set(STATUS_RULES[lang]) == set(STATUSES)
        assert set(REACH_RULES[lang]) == {">=", "<=", "~", "done"}


def strings_in_dashboard() -> tuple[set[str], set[str]]:
    """Return the string literals of dashboard/ outside TEXT, and the f-string prefixes."""
    strings, prefixes = set(), set()
    for path in DASHBOARD.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {  # the labels themselves: `TEXT: dict[...] = {...}`
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "TEXT"
        }
        stack = [tree]
        while stack:
            node = stack.pop()
            if id(node) in skip:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            if isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                prefixes.add(node.values[0].value)
            stack.extend(ast.iter_child_nodes(node))
    return strings, prefixes


def test_every_label_is_used_in_the_dashboard():
    strings, prefixes = strings_in_dashboard()
    unused = [
        key
        for key in TEXT
        if key not in strings and not any(prefix and key.startswith(prefix) for prefix in prefixes)
    ]
    assert unused == []


def test_localized_picks_the_field_of_the_language():
    report = SimpleNamespace(title="清城区政府工作报告", title_en="Qingcheng work report")
    assert localized(report, "title", "zh") == "清城区政府工作报告"
    assert localized(report, "title", "en") == "Qingcheng work report"


def test_labels_fill_in_values():
    assert t("coverage_metric", "en", report="R", tracked=3, total=4) == (
        "R: 3 of 4 quantitative commitments tracked"
    )


def test_status_rules_list_every_status_and_the_percent_rule():
    rules = status_rules_markdown("en")
    labels = ("met", "met late", "under way", "missed", "no published figure", "not yet due")
    for label in labels:
        assert f"- **{label}**:" in rules
    assert "Percent of target = the deciding figure" in rules
    assert "- **逾期完成**:" in status_rules_markdown("zh")


def test_a_numeric_commitment_gets_the_numeric_half_of_a_rule_and_a_milestone_the_other():
    assert status_rule("met", "en", milestone=False) == (
        "The latest figure for the due year (or earlier) reaches the target."
    )
    assert status_rule("met", "en", milestone=True) == (
        "A milestone was reported done by the end of the due year."
    )
    assert status_rule("met", "zh", milestone=False) == "截至到期年度（含）最新公布的数据达到目标。"
    assert status_rule("met", "zh", milestone=True) == "里程碑类目标在到期年度内报告完成。"
    assert status_rule("missed", "en", milestone=False) == status_rule("missed", "en")


def test_the_rule_that_gives_under_way_in_both_languages():
    assert status_label("under_way", "en") == "under way"
    assert status_label("under_way", "zh") == "推进中"
    english = (
        "A milestone not reported done whose latest progress entry (done: false) reports the "
        "work under way, whether or not the due year is over."
    )
    chinese = "里程碑类目标尚未报告完成，最新一条进展（done: false）报告其正在推进，无论到期年度是否已过。"
    for milestone_half in (None, True, False):
        assert status_rule("under_way", "en", milestone=milestone_half) == english
        assert status_rule("under_way", "zh", milestone=milestone_half) == chinese
    assert f"- **under way**: {english}" in status_rules_markdown("en")
    assert f"- **推进中**: {chinese}" in status_rules_markdown("zh")


def test_a_text_only_the_other_language_has_says_so():
    from dashboard.i18n import in_language, text_language

    assert in_language("清远市清城区统计局", "en") == "清远市清城区统计局 (no English text)"
    assert in_language("清远市清城区统计局", "zh") == "清远市清城区统计局"
    note = "Section 一、综合：GDP 717.85亿元, growth 1.1% (preliminary)"
    assert in_language(note, "zh") == "（无中文）" + note
    assert in_language(note, "en") == note
    assert in_language("2023-05-06", "en") == "2023-05-06"  # no words: either language
    assert in_language("", "zh") == ""
    assert text_language("（六） 扩大公共服务供给") == "zh"


def test_an_english_field_is_shown_on_english_pages_and_the_chinese_one_marked_without_it():
    from dashboard.i18n import in_language_of

    assert in_language_of("清城区统计局", "Qingcheng Statistics Bureau", "en") == (
        "Qingcheng Statistics Bureau"
    )
    assert in_language_of("清城区统计局", None, "en") == "清城区统计局 (no English text)"
    assert in_language_of("清城区统计局", "Qingcheng Statistics Bureau", "zh") == "清城区统计局"
    assert in_language_of("the first rate", None, "zh") == "（无中文）the first rate"
