"""中文/English: every label of the dashboard, the status names and rules, localized fields.

Numbers, units and targets written for each language are `dashboard.numbers`.

The module is longer than most (about 600 lines) because about 490 of them are the tables of
words (TEXT, STATUS_LABELS, the status rules): every word a reader sees, in both languages, in
one place a translator can read top to bottom.
"""

from __future__ import annotations

import re

from dashboard.numbers import trim, unit_after_number_en
from loaders import (
    MET,
    MET_LATE,
    MISSED,
    NO_FIGURE,
    NOT_YET_DUE,
    OP_NAMES,
    STATUSES,
    UNDER_WAY,
    default_tolerances,
)

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"zh": "政府工作报告目标追踪", "en": "Work-report target tracker"},
    "app_subtitle": {
        "zh": "{place}政府工作报告的承诺与已公布的结果",
        "en": "What {place}'s government work reports promised, and what was reported",
    },
    "app_subtitle_places": {
        "zh": "{place}的政府工作报告的承诺与已公布的结果",
        "en": "What the government work reports of {place} promised, and what was reported",
    },
    "app_subtitle_no_place": {
        "zh": "政府工作报告的承诺与已公布的结果",
        "en": "What government work reports promised, and what was reported",
    },
    "col_place": {"zh": "地方", "en": "Place"},
    "places_count": {"zh": "{count}个地方", "en": "{count} places"},
    "page_overview": {"zh": "总览", "en": "Overview"},
    "page_commitments": {"zh": "承诺清单", "en": "Commitments"},
    "page_commitment": {"zh": "承诺详情", "en": "Commitment"},
    "page_coverage": {"zh": "覆盖情况", "en": "Coverage"},
    "page_about": {"zh": "规则与来源", "en": "Rules and sources"},
    "language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "filters": {"zh": "筛选", "en": "Filters"},
    "filter_report": {"zh": "报告", "en": "Report"},
    "filter_place": {"zh": "地方", "en": "Place"},
    "filter_area": {"zh": "领域", "en": "Area"},
    "filter_status": {"zh": "状态", "en": "Status"},
    "filter_search": {"zh": "搜索（中文或英文）", "en": "Search (Chinese or English)"},
    "filter_search_help": {
        "zh": "在标题、原文引语和编号中查找，如“学位”或 school",
        "en": "Looks in titles, quotes and ids, e.g. school or 学位",
    },
    "all_reports": {"zh": "全部报告", "en": "All reports"},
    "clear_filters": {"zh": "清除筛选", "en": "Clear filters"},
    "clean_layout": {"zh": "截图模式（隐藏控件）", "en": "Clean layout for screenshots"},
    "clean_layout_help": {
        "zh": "隐藏侧边栏和按钮；链接中保留 clean=1，可直接发给他人",
        "en": "Hides the sidebar and buttons; the link keeps clean=1",
    },
    "exit_clean_layout": {"zh": "退出截图模式", "en": "Leave the clean layout"},
    "share_link": {
        "zh": "当前筛选已写入网址，复制浏览器地址即可分享此视图。",
        "en": "The filters are in the address bar: copy it to share this view.",
    },
    "problems_title": {
        "zh": "{file} 中有 {count} 个问题：以下只显示有效的 {valid} 条承诺。",
        "en": "{count} problem(s) in {file}: the {valid} valid commitment(s) are shown below.",
    },
    "warnings_title": {
        "zh": "{file} 中有 {count} 条提醒：相关记录照常显示，审核后按提示修改。",
        "en": "{count} warning(s) in {file}: the records are shown; review them as each line says.",
    },
    "draft_badge": {"zh": "草稿", "en": "draft"},
    "draft_help": {
        "zh": "草稿：由 targets draft 起草，尚未审核，不计入状态统计。",
        "en": "Draft: written by `targets draft` and not yet reviewed; left out of the status counts.",
    },
    "drafts_not_counted": {
        "zh": "另有 {count} 项草稿待审核，未计入以上统计和图表。",
        "en": "{count} draft(s) to review are left out of these counts and charts.",
    },
    "problems_unreadable": {
        "zh": "无法读取 {file}：请按下列提示修正后保存，页面会自动更新。",
        "en": "{file} cannot be read: fix what is listed below and save; the page updates itself.",
    },
    "kept_last_good": {
        "zh": "{file} 现在无法解析（{problem}）：页面显示的是它上次可读的版本（保存于 {saved}）。"
        "修正后保存，页面会自动更新。",
        "en": "{file} does not parse now ({problem}): the page shows its last version that did "
        "(saved {saved}). Fix it and save; the page updates itself.",
    },
    "saved_unknown": {"zh": "时间不详", "en": "at an unknown time"},
    "problems_how": {
        "zh": "每行格式为 文件:行号: 编号: 字段: 问题；修正后保存文件，刷新或点击任意控件即可看到结果。",
        "en": "Each line is file:LINE: ID: FIELD: problem. Fix and save the file; the next click "
        "or reload shows the result.",
    },
    "count_total": {"zh": "承诺总数", "en": "Commitments"},
    "status_rules_button": {"zh": "状态规则", "en": "Status rules"},
    "status_rules_intro": {
        "zh": "每项承诺的状态由以下规则得出：",
        "en": "Each commitment's status follows these rules:",
    },
    "reach_rules_intro": {
        "zh": "“达到”的含义：",
        "en": "What “reaches” means:",
    },
    "percent_rule": {
        "zh": "完成率 = 决定状态的数据 ÷ 目标值 × 100%，仅用于数量、长度、金额类目标（“不超过”类目标低于100%为好）；"
        "比率类目标（%、个百分点、增速）以百分点对比结果与目标；名次与里程碑两者皆无。",
        "en": "Percent of target = the deciding figure ÷ the target × 100, for amounts only "
        "(counts, lengths, money; for “at most” targets under 100% is good). Rates (%, "
        "percentage points, growth) compare outcome and target in percentage points; ranks "
        "and milestones have neither.",
    },
    "tolerance_rule": {
        "zh": "“左右”目标的容差：{defaults}，其他单位须在文件中给出。",
        "en": "Tolerance of “about” targets: {defaults}; other units must give one.",
    },
    "no_commitments": {
        "zh": "没有符合筛选条件的承诺。",
        "en": "No commitment matches the filters.",
    },
    "chart_status_by_area": {"zh": "各领域承诺完成状态", "en": "Status of commitments by area"},
    "chart_percent_of_target": {
        "zh": "数量目标：结果占目标的百分比",
        "en": "Amounts: outcome as percent of target",
    },
    "chart_percent_bands": {
        "zh": "数量目标完成率分布（按领域）",
        "en": "Amounts by percent of target reached, per area",
    },
    "chart_rates": {
        "zh": "比率目标：目标与结果，差距以百分点计",
        "en": "Rates: target and outcome, the gap in percentage points",
    },
    "axis_commitments": {"zh": "承诺数", "en": "Commitments"},
    "axis_percent_of_target": {"zh": "占目标的百分比", "en": "Percent of target"},
    "source_line": {
        "zh": "目标：{targets}。结果：{outcomes}。数据截至 {as_of}（{checked}核对）。"
        "状态规则：以到期年度最新公布数据对照目标，其后达到为逾期完成。",
        "en": "Targets: {targets}. Outcomes: {outcomes}. Data as of {as_of} (checked {checked}). "
        "Status rule: the latest figure for the due year against the target; reached later = "
        "met late.",
    },
    "source_no_outcomes": {"zh": "未见公布", "en": "none published"},
    "source_more": {
        "zh": "；另有 {count} 份（见“规则与来源”页）",
        "en": "; and {count} more (listed under Rules and sources)",
    },
    "band_under_50": {"zh": "低于50%", "en": "under 50%"},
    "band_50_90": {"zh": "50%–90%", "en": "50–90%"},
    "band_90_100": {"zh": "90%–100%", "en": "90–100%"},
    "band_100_up": {"zh": "100%及以上", "en": "100% or more"},
    "band_no_figure": {"zh": "未公布数据", "en": "no published figure"},
    "table_title": {"zh": "承诺清单", "en": "Commitments"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "download_xlsx": {"zh": "下载 Excel（XLSX）", "en": "Download Excel (XLSX)"},
    "pick_row_hint": {
        "zh": "点击表格左侧选中一行，即可查看原文段落。",
        "en": "Select a row (left edge of the table) to read its source paragraph.",
    },
    "col_id": {"zh": "编号", "en": "ID"},
    "col_report": {"zh": "报告", "en": "Report"},
    "col_year": {"zh": "年度", "en": "Year"},
    "col_area": {"zh": "领域", "en": "Area"},
    "col_title": {"zh": "承诺", "en": "Commitment"},
    "col_target": {"zh": "目标", "en": "Target"},
    "col_baseline": {"zh": "上年基数", "en": "Prior year"},
    "col_latest": {"zh": "最新数据", "en": "Latest figure"},
    "col_status": {"zh": "状态", "en": "Status"},
    "col_percent": {"zh": "对照目标", "en": "Against target"},
    "col_quote": {"zh": "原文", "en": "Quote"},
    "choose_commitment": {"zh": "选择承诺", "en": "Choose a commitment"},
    "target": {"zh": "目标", "en": "Target"},
    "status": {"zh": "状态", "en": "Status"},
    "percent_of_target": {"zh": "完成率", "en": "Percent of target"},
    "baseline": {"zh": "上年基数", "en": "Prior-year baseline"},
    "no_baseline": {
        "zh": "报告中没有同一口径的上年数据。",
        "en": "The report gives no prior-year figure for the same measure.",
    },
    "progress": {"zh": "进展（已公布的数据）", "en": "Progress (published figures)"},
    "no_progress": {
        "zh": "尚未发现任何公布的数据——这本身就是一个发现。",
        "en": "No published figure has been found — a finding in itself.",
    },
    "source_paragraph": {"zh": "原文段落", "en": "Source paragraph"},
    "paragraph_where": {
        "zh": "{report} · 第{number}段 · {part}{chapter}{heading}",
        "en": "{report} · paragraph {number} · {part}{chapter}{heading}",
    },
    "part_plan": {"zh": "工作安排", "en": "plan"},
    "part_review": {"zh": "工作回顾", "en": "review"},
    "part_front": {"zh": "开篇", "en": "opening"},
    "part_annex": {"zh": "附件", "en": "annex"},
    "same_metric": {"zh": "同一指标的其他年度", "en": "The same measure in other years"},
    "compare_heading": {"zh": "各地比较", "en": "Compare places"},
    "compare_title": {
        "zh": "{measure}：各地各年的目标与结果",
        "en": "{measure}: target and outcome by place and year",
    },
    "compare_subtitle": {
        "zh": "每地每年一点，颜色表示状态，旁注目标 → 结果",
        "en": "one dot per place and year, coloured by status, with target → outcome",
    },
    "compare_source": {
        "zh": "目标：{places}个地方的{plans}份政府工作报告；结果：{outcomes}份公开文件"
        "（均列于“规则与来源”页）。数据截至 {as_of}（{checked}核对）。"
        "状态规则：以到期年度最新公布数据对照目标，其后达到为逾期完成。",
        "en": "Targets: {plans} work reports of {places} places; outcomes: {outcomes} "
        "publications (each listed under Rules and sources). Data as of {as_of} (checked "
        "{checked}). Status rule: the latest figure for the due year against the target; "
        "reached later = met late.",
    },
    "same_metric_other_places": {
        "zh": "其他地方{year}年的同一指标",
        "en": "The same measure in other places, {year}",
    },
    "no_same_metric": {
        "zh": "没有其他年度的同一指标。",
        "en": "No other year's commitment measures the same thing.",
    },
    "note": {"zh": "备注", "en": "Note"},
    "col_when": {"zh": "时间", "en": "For"},
    "col_value": {"zh": "数值", "en": "Figure"},
    "col_source": {"zh": "来源", "en": "Source"},
    "col_evidence": {"zh": "原文或说明", "en": "Quote or note"},
    "done_value": {"zh": "已完成", "en": "done"},
    "unknown_commitment": {
        "zh": "没有编号为“{id}”的有效承诺。",
        "en": "There is no valid commitment with the id “{id}”.",
    },
    "quote_not_located": {
        "zh": "无法在原文中定位引语。",
        "en": "The quote could not be located in the report text.",
    },
    "no_text_for_report": {
        "zh": "该报告的全文不在 seeds/ 中。",
        "en": "The report's text is not in seeds/.",
    },
    "reports_heading": {"zh": "来源文件", "en": "Sources"},
    "col_link": {"zh": "网址", "en": "Address"},
    "chart_data": {"zh": "下载本图数据（CSV）", "en": "Data behind this chart (CSV)"},
    "links_heading": {"zh": "来源网址", "en": "Where to read the sources"},
    "exclusions_heading": {"zh": "不计为承诺的数字", "en": "Figures that are not commitments"},
    "exclusions_intro": {
        "zh": "工作安排中以下数字经核查不是承诺（名称、编号、既有事物等），列出理由以示没有遗漏。",
        "en": "These figures of the plans were checked and are not commitments (names, labels, "
        "things that exist anyway); the reasons show nothing was skipped by accident.",
    },
    "col_figure": {"zh": "数字", "en": "Figure"},
    "col_reason": {"zh": "理由", "en": "Reason"},
    "col_publisher": {"zh": "发布机构", "en": "Publisher"},
    "col_date": {"zh": "日期", "en": "Date"},
    "col_file": {"zh": "文件", "en": "File"},
    "coverage_intro": {
        "zh": "工作安排中的每个数字：已记录为承诺、已说明排除，或尚未追踪。",
        "en": "Every figure of each plan: recorded as a commitment, excluded with a reason, or "
        "not tracked yet.",
    },
    "col_paragraph": {"zh": "段落", "en": "Paragraph"},
    "col_clause": {"zh": "所在分句", "en": "Clause"},
    "coverage_untracked": {
        "zh": "尚未追踪的数字（请在 targets.yaml 中记录为承诺，或加入 exclusions 并说明理由）：",
        "en": "Figures not tracked yet (record each in targets.yaml as a commitment, or add it "
        "to exclusions with the reason):",
    },
    "coverage_metric": {
        "zh": "{report}：数量型承诺已追踪 {tracked} / {total}",
        "en": "{report}: {tracked} of {total} quantitative commitments tracked",
    },
    "coverage_excluded": {"zh": "已排除 {count} 个", "en": "{count} excluded"},
    "coverage_all_tracked": {
        "zh": "所有数字均已记录或排除。",
        "en": "Every figure is tracked or excluded.",
    },
    "coverage_structure_warnings": {
        "zh": "报告结构提示：以下报告的工作安排部分可能没有被正确识别，其中的承诺可能因此未被计入"
        "（运行 `targets report 报告编号` 查看识别出的各部分）：",
        "en": "Report structure: the plan part of these reports may not have been read right, "
        "so their commitments may be missing from the counts below (run `targets report ID` to "
        "see the parts found):",
    },
    "coverage_show_all": {
        "zh": "显示全部 {count} 份报告的明细",
        "en": "Show the details of all {count} reports",
    },
    "coverage_shown": {
        "zh": "以下为前 {shown} 份报告的明细（共 {count} 份，见上表）。",
        "en": "The details of the first {shown} of {count} reports (all of them in the table "
        "above).",
    },
    "col_tracked": {"zh": "已追踪", "en": "Tracked"},
    "col_plan_figures": {"zh": "数量型承诺", "en": "Quantitative"},
    "col_excluded": {"zh": "已排除", "en": "Excluded"},
    "col_untracked": {"zh": "未追踪", "en": "Not tracked"},
    "coverage_unavailable": {
        "zh": "覆盖情况暂不可用。",
        "en": "Coverage is not available.",
    },
    "scope_years": {"zh": "{years}年目标", "en": "{years} targets"},
    "scope_areas": {"zh": "（{areas}）", "en": " ({areas})"},
    "scope_count": {"zh": "{count} 项承诺", "en": "{count} commitments"},
    "scope_count_one": {"zh": "{count} 项承诺", "en": "{count} commitment"},
    "subtitle_amounts_only": {
        "zh": "仅数量、长度与金额类目标（比率类以百分点对比）；阴影为达标区间",
        "en": "counts, lengths and money only (rates are compared in percentage points); "
        "shaded: where the target counts as reached",
    },
    "subtitle_rates": {
        "zh": "0 为目标；向右为好于目标（“不超过”类目标低于上限即向右）；阴影为达标区间",
        "en": '0 is the target; right is better (for an "at most" target, lower is right); '
        "shaded: where the target counts as reached",
    },
    "subtitle_hidden": {"zh": "；另有 {count} 项见表格", "en": "; {count} more in the table"},
    "legend_reached_zone": {"zh": "达标区间", "en": "target reached"},
    "axis_gap": {
        "zh": "与目标的差距（百分点；右侧为好于目标）",
        "en": "Percentage points from the target (right: better than the target)",
    },
    "gap_label": {
        "zh": "{outcome}（{year}年），目标{target}：{gap}",
        "en": "{outcome} ({year}) against {target}: {gap}",
    },
    "amount_detail": {
        "zh": "{outcome}（{year}年），目标{target}：{percent}",
        "en": "{outcome} ({year}) against {target}: {percent}",
    },
    "missing_detail": {"zh": "目标{target}：{marker}", "en": "{target}: {marker}"},
    "more_count": {"zh": "……另有 {count} 项", "en": "… and {count} more"},
    "legend_target_line": {"zh": "目标（100%）", "en": "target (100%)"},
    "legend_target_zero": {"zh": "目标", "en": "target"},
    "percent_of_ceiling": {"zh": "为上限的{percent}", "en": "{percent} of the ceiling"},
    "percent_of_goal": {"zh": "达目标的{percent}", "en": "{percent} of target"},
    "missing_count": {"zh": "{marker}（{count} 项）：{names}", "en": "{marker} ({count}): {names}"},
    "url_ignored": {
        "zh": "网址中以下参数无法识别，已忽略：{items}",
        "en": "Ignored in the address (unknown parameter or value): {items}",
    },
    "scorecard_heading": {"zh": "记分卡", "en": "Scorecard"},
    # the overview's chart tabs (only the open one is built and drawn)
    "tab_status_by_area": {"zh": "各领域状态", "en": "Status by area"},
    "tab_percent_of_target": {"zh": "数量目标", "en": "Amounts"},
    "tab_rates": {"zh": "比率目标", "en": "Rates"},
    "scorecard_first_rows": {
        "zh": "共 {count:,} 项承诺，表中列出前 {shown:,} 项（未完成的在前）；用筛选缩小范围，或下载 CSV 查看全部。",
        "en": "The first {shown:,} of {count:,} commitments (missed first); narrow them with the filters, or download the CSV for all.",
    },
    "cards_first": {
        "zh": "共 {count:,} 项承诺，列出前 {shown:,} 项（未完成的在前）；用筛选缩小范围，或下载 CSV 查看全部。",
        "en": "The first {shown:,} of {count:,} commitments (missed first); narrow them with the filters, or download the CSV for all.",
    },
    "download_scorecard": {"zh": "记分卡图片（16:9）", "en": "Scorecard image (16:9)"},
    "download_briefing": {"zh": "简报图片（16:9，含统计）", "en": "Briefing image (16:9)"},
    "images_unavailable": {
        "zh": "本服务器无法生成图片：{reason}。",
        "en": "Images cannot be made on this server: {reason}.",
    },
    "col_outcome": {"zh": "结果", "en": "Outcome"},
    "col_verdict": {"zh": "结论", "en": "Verdict"},
    "scorecard_more": {
        "zh": "……篇幅所限未能全部列出，完整清单见表格与 CSV 下载。",
        "en": "… not every commitment fits here: the full list is in the table and the CSV download.",
    },
    "count_of": {"zh": "{name} {count} 项", "en": "{count} {name}"},
    "gap_points": {"zh": "{value}个百分点", "en": "{value} pp"},
    "gap_under_ceiling": {"zh": "低于上限{gap}", "en": "{gap} under the ceiling"},
    "gap_at_ceiling": {"zh": "等于上限", "en": "at the ceiling"},
    "gap_over_ceiling": {"zh": "超出上限{gap}", "en": "{gap} over the ceiling"},
    "gap_above": {"zh": "高于目标{gap}", "en": "{gap} above target"},
    "gap_on_target": {"zh": "与目标持平", "en": "on target"},
    "gap_within": {
        "zh": "低于目标{gap}（在±{tolerance}以内）",
        "en": "{gap} below, within ±{tolerance}",
    },
    "gap_short": {"zh": "低于目标{gap}", "en": "{gap} short of target"},
    "chart_milestone": {
        "zh": "到期年度，以及报告完成或推进中的年度",
        "en": "the year it was due, and the years it was reported done or under way",
    },
    "other_title": {"zh": "英文标题：{title}", "en": "Chinese title: {title}"},
    "quote_original": {"zh": "报告原文", "en": "The report's words (Chinese original)"},
    "milestone_due": {"zh": "{year}年到期", "en": "due {year}"},
    "legend_baseline": {"zh": "上年基数", "en": "prior-year baseline"},
    "chart_measure_one": {
        "zh": "上年基数、目标与结果",
        "en": "prior-year baseline, target and outcome",
    },
    "chart_measure": {
        "zh": "同一指标各年度的基数、目标与结果（{count} 项承诺）",
        "en": "baseline, target and outcome of the same measure in each year ({count} commitments)",
    },
    "finding_none": {"zh": "没有符合筛选条件的承诺", "en": "No commitment in view"},
    "noun_commitments": {"zh": "项承诺", "en": "commitments"},
    "noun_rates": {"zh": "项比率目标", "en": "rate targets"},
    "noun_amounts": {"zh": "项数量目标", "en": "amount targets"},
    "noun_rates_reported": {"zh": "项有结果的比率目标", "en": "rate targets with an outcome"},
    "noun_amounts_reported": {"zh": "项有结果的数量目标", "en": "amount targets with an outcome"},
    "finding_all": {"zh": "全部{total}{noun}：{words}", "en": "All {total} {noun}: {words}"},
    "finding_part": {
        "zh": "{total}{noun}中{count}项：{words}",
        "en": "{count} of {total} {noun}: {words}",
    },
    "finding_points": {"zh": "{value}个百分点", "en": "{value} points"},
    "finding_missed_by": {"zh": "未完成，差{gap}", "en": "missed by {gap}"},
    "finding_no_figure": {
        "zh": "{title}：未见{year}年结果公布",
        "en": "{title}: no published outcome for {year}",
    },
    "finding_target_only": {
        "zh": "{title}：{year}年目标{target}，未到期",
        "en": "{title}: {target} in {year}, not yet due",
    },
    "finding_amount": {
        "zh": "{title}：{outcome}，目标{target}，达目标的{percent}，{verdict}",
        "en": "{title}: {outcome} against {target}, {percent} of target, {verdict}",
    },
    "finding_against": {
        "zh": "{title}：{outcome}，目标{target}，{verdict}",
        "en": "{title}: {outcome} against {target}, {verdict}",
    },
    "finding_done": {"zh": "{title}：{done}年完成", "en": "{title}: done in {done}"},
    "finding_done_late": {
        "zh": "{title}：{done}年完成，逾期{late}年",
        "en": "{title}: done in {done}, {late} late",
    },
    "finding_year_late": {"zh": "{late}", "en": "a year"},
    "finding_years_late": {"zh": "{late}", "en": "{late} years"},
    "finding_under_way": {
        "zh": "{title}：{seen}年仍在推进，应于{year}年完成",
        "en": "{title}: under way in {seen}, due {year}",
    },
    "finding_nothing": {
        "zh": "{count}{noun}均未见公布结果，没有可绘制的数据",
        "en": "None of the {count} {noun} has a published outcome: nothing to plot",
    },
    "finding_with_outcome": {
        "zh": "{total}{noun}中{count}项有公布结果",
        "en": "{count} of {total} {noun} with a published outcome",
    },
    "filter_note": {
        "zh": "共{total}项承诺，显示{shown}项：{parts}",
        "en": "{shown} of {total} commitments shown: {parts}",
    },
    "filter_note_search": {"zh": "搜索“{query}”", "en": "search “{query}”"},
    "record_note": {
        "zh": "全部{total}项中{items}",
        "en": "in the whole record of {total}, {items}",
    },
}


#: each status in words
STATUS_LABELS = {
    "en": {
        MET: "met",
        MET_LATE: "met late",
        UNDER_WAY: "under way",
        MISSED: "missed",
        NO_FIGURE: "no published figure",
        NOT_YET_DUE: "not yet due",
    },
    "zh": {
        MET: "已完成",
        MET_LATE: "逾期完成",
        UNDER_WAY: "推进中",
        MISSED: "未完成",
        NO_FIGURE: "未公布数据",
        NOT_YET_DUE: "未到期",
    },
}

#: the rule that gives each status (the README's "Status rules" say the same)
STATUS_RULES = {
    "en": {
        MET: "The latest figure for the due year (or earlier) reaches the target; a milestone was reported done by the end of the due year.",
        MET_LATE: "Not reached by the due year, but a figure for a later year reaches the target.",
        UNDER_WAY: "A milestone not reported done whose latest progress entry (done: false) reports the work under way, whether or not the due year is over.",
        MISSED: "The due year is over and the figures published, on time or later, do not reach the target.",
        NO_FIGURE: "The due year is over and nothing has been published for it: a finding in itself.",
        NOT_YET_DUE: "The due year is not over and the target is not reached yet.",
    },
    "zh": {
        MET: "截至到期年度（含）最新公布的数据达到目标；里程碑类目标在到期年度内报告完成。",
        MET_LATE: "到期年度未达到，但此后年度公布的数据达到目标。",
        UNDER_WAY: "里程碑类目标尚未报告完成，最新一条进展（done: false）报告其正在推进，无论到期年度是否已过。",
        MISSED: "到期年度已过，已公布的数据（按时或其后）均未达到目标。",
        NO_FIGURE: "到期年度已过，但未见公布任何相关数据——这本身就是一个发现。",
        NOT_YET_DUE: "到期年度尚未结束，目前尚未达到目标。",
    },
}

_EN, _ZH = OP_NAMES["en"], OP_NAMES["zh"]

#: what "reaches the target" means for each comparator, in the words of loaders.wording
REACH_RULES = {
    "en": {
        ">=": f"{_EN['>=']} the target",
        "<=": f"{_EN['<=']} the target",
        "~": f"{_EN['>=']} the target minus its tolerance "
        f"(exceeding an “{_EN['~']}” target counts as met)",
        "done": f"reported {_EN['done']}",
    },
    "zh": {
        ">=": f"{_ZH['>=']}目标值",
        "<=": f"{_ZH['<=']}目标值",
        "~": f"{_ZH['>=']}目标值减去容差（超过“{_ZH['~']}”目标视为完成）",
        "done": f"报告已{_ZH['done']}",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """Return the label for a key in a language, with values filled in."""
    text = TEXT[key][lang]
    return text.format(**values) if values else text


CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def text_language(text: str) -> str | None:
    """Return the language a text is written in: "zh" when its Chinese characters are at least
    half as many as its Latin letters (a character is about a word), else "en"; None without
    either."""
    chinese, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    if not chinese and not latin:
        return None
    return "zh" if chinese * 2 >= latin else "en"


def in_language_of(text: str | None, text_en: str | None, lang: str) -> str:
    """Return a field for a page in a language: its English text (`note_en`, `reason_en`,
    `publisher_en`) on an English page when given, else the field itself, marked when it is
    written only in the other language."""
    if lang == "en" and text_en:
        return text_en
    return in_language(text or "", lang)


def in_language(text: str, lang: str) -> str:
    """Return a text for a page in a language, saying so when only the other language has it:
    "合成区统计局 (no English text)", "（无中文）the first of the four growth rates"."""
    written = text_language(text) if text else None
    if written is None or written == lang:
        return text
    return f"{text} (no English text)" if lang == "en" else f"（无中文）{text}"


def localized(record: object, field: str, lang: str) -> str:
    """Return a record's field in a language: `field` in Chinese, `field_en` in English."""
    return getattr(record, field if lang == "zh" else f"{field}_en")


def status_label(status: str, lang: str) -> str:
    """Return a status in words."""
    return STATUS_LABELS[lang][status]


def status_rule(status: str, lang: str, milestone: bool | None = None) -> str:
    """Return the rule that gives a status; only its numeric or its milestone half when asked."""
    rule = STATUS_RULES[lang][status]
    separator = "；" if lang == "zh" else "; "
    if milestone is None or separator not in rule:
        return rule
    numeric, for_milestones = rule.split(separator, 1)
    if milestone:
        return for_milestones[:1].upper() + for_milestones[1:]
    return numeric + ("。" if lang == "zh" else ".")


def status_rules_markdown(lang: str) -> str:
    """Return every status rule, what "reaches" means and the percent rule, as Markdown."""
    lines = [t("status_rules_intro", lang), ""]
    lines += [f"- **{status_label(s, lang)}**: {status_rule(s, lang)}" for s in STATUSES]
    lines += ["", t("reach_rules_intro", lang), ""]
    names = {">=": "≥", "<=": "≤", "~": "≈", "done": "✓"}
    lines += [f"- `{names[op]}` {rule}" for op, rule in REACH_RULES[lang].items()]
    defaults = tolerance_defaults(lang)
    lines += ["", t("percent_rule", lang), "", t("tolerance_rule", lang, defaults=defaults)]
    return "\n".join(lines)


def tolerance_defaults(lang: str) -> str:
    """Return the default tolerances of "~" (loaders.record.schema) in words: %与个百分点默认为0.5."""
    if lang == "zh":
        return "，".join(
            f"{'与'.join(units)}默认为{trim(tolerance, 2)}"
            for tolerance, units in default_tolerances()
        )
    return "; ".join(
        f"{trim(tolerance, 2)} by default for "
        + " and ".join((unit_after_number_en(unit) or unit).strip() for unit in units)
        for tolerance, units in default_tolerances()
    )
