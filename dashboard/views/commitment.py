"""A commitment: the verdict first, target in words, the measure over the years as a chart,
baseline, progress, source paragraph, the same measure in other years."""

import streamlit as st

from dashboard.chart_layout import chart_config
from dashboard.commitment_row import frame_rows
from dashboard.compare import compare_figure, compare_rows, compare_table
from dashboard.detail import (
    facts_html,
    highlighted_html,
    locate_quote,
    other_places,
    passage_location,
    progress_markdown,
    progress_table,
    same_metric,
    verdict_html,
)
from dashboard.escape import escape_markdown
from dashboard.findings import commitment_finding
from dashboard.i18n import in_language_of, localized, status_label, status_rule, t
from dashboard.layout import clean_layout_exit, context
from dashboard.measure_chart import measure_figure
from dashboard.measures import against_target
from dashboard.numbers import format_quantity, target_in_words
from dashboard.scope import chart_scope
from dashboard.sources import report_place
from dashboard.state import CHOICE_KEY, asked_commitment, commitment_choice, show_commitment
from dashboard.tables import latest_text
from dashboard.views.briefing_parts import page_scope
from loaders import commitment_status

page = context()
lang = page.lang
targets = page.data.result.targets
by_id = {c.id: c for c in targets.commitments}
choices, chosen = commitment_choice(page)
if chosen is None:
    st.info(t("no_commitments", lang))
    st.stop()
asked = asked_commitment(page)
if asked and asked not in by_id:
    st.warning(t("unknown_commitment", lang, id=escape_markdown(asked)))
title_of = {c.id: localized(c, "title", lang) for c in targets.commitments}
st.session_state[CHOICE_KEY] = chosen
if not page.filters.clean:
    st.sidebar.selectbox(
        t("choose_commitment", lang),
        choices,
        format_func=lambda i: f"{title_of[i]} · {i}",
        key=CHOICE_KEY,
    )
commitment = by_id[chosen]
report = targets.report(commitment.report)
report_title = localized(report, "title", lang) if report else commitment.report
result = commitment_status(commitment, page.data.as_of)
target = commitment.target
frame = page.data.frame
row = frame_rows(frame[frame["id"] == chosen])[0]

st.html(verdict_html(result.status, commitment_finding(row, title_of[chosen], lang), lang))
other_title = commitment.title_en if lang == "zh" else commitment.title
st.caption(escape_markdown(f"{t('other_title', lang, title=other_title)} · {commitment.id}"))
st.html(
    facts_html(
        [
            (
                t("target", lang),
                target_in_words(target.op, target.value, target.unit, target.tolerance, lang),
            ),
            (t("col_percent", lang), against_target(row, lang)),
            (t("col_latest", lang), latest_text(row, lang)),
        ]
    )
)
if commitment.draft:
    st.badge(t("draft_badge", lang), color="orange", help=t("draft_help", lang))
st.caption(escape_markdown(status_rule(result.status, lang, milestone=target.op == "done")))

measured = [commitment, *same_metric(targets, commitment)]
statuses = {c.id: commitment_status(c, page.data.as_of).status for c in measured}
scope = chart_scope(
    targets,
    frame[frame["id"].isin(list(statuses))],
    lang,
    page.as_of,
    width=page_scope(page).width,
)
figure = measure_figure(measured, statuses, commitment_finding(row, title_of[chosen], lang), scope)
if figure is not None:
    st.plotly_chart(
        figure, config=chart_config("measure", scope, figure), theme=None, key="chart-measure"
    )
st.caption(t("quote_original", lang))
st.markdown("> " + escape_markdown(commitment.quote))
if commitment.note:
    st.caption(
        t("note", lang)
        + ": "
        + escape_markdown(in_language_of(commitment.note, commitment.note_en, lang))
    )

st.subheader(t("baseline", lang), anchor=False)
baseline = commitment.baseline
if baseline is None:
    st.write(t("no_baseline", lang))
else:
    st.markdown(
        f"**{escape_markdown(format_quantity(baseline.value, target.unit, lang))}** "
        f"({baseline.year}) — {escape_markdown(baseline.quote)}"
    )
    if baseline.note:
        st.caption(escape_markdown(in_language_of(baseline.note, baseline.note_en, lang)))

st.subheader(t("progress", lang), anchor=False)
if commitment.progress:
    timeline = progress_table(commitment, targets, lang)
    if scope.phone:  # a wide table cuts its source and quote on a phone: a list instead
        st.markdown(progress_markdown(timeline))
    else:
        st.dataframe(timeline, hide_index=True, width="stretch")
else:
    st.write(t("no_progress", lang))

st.subheader(t("source_paragraph", lang), anchor=False)
if report is None or report.file is None:
    st.write(t("no_text_for_report", lang))
else:
    passage = locate_quote(page.data.result.documents.get(report.id), commitment.quote)
    if passage is None:
        st.write(t("quote_not_located", lang))
    else:
        st.caption(escape_markdown(passage_location(passage, report_title, lang)))
        st.html(highlighted_html(passage))

st.subheader(t("same_metric", lang), anchor=False)
others = same_metric(targets, commitment)
if not others:
    st.write(t("no_same_metric", lang))
elsewhere = other_places(targets, commitment)
for heading, listed in ((None, others), ("same_metric_other_places", elsewhere)):
    if heading and listed:
        st.subheader(t(heading, lang, year=commitment.year), anchor=False)
    for other in listed:
        other_result = commitment_status(other, page.data.as_of)
        words = target_in_words(
            other.target.op, other.target.value, other.target.unit, other.target.tolerance, lang
        )
        other_report = targets.report(other.report)
        place = report_place(other_report, lang) if heading and other_report else ""
        lead = place or str(other.year)
        title = title_of.get(other.id) or (other.title if lang == "zh" else other.title_en)
        label = f"{lead} · {title} · {words} · {status_label(other_result.status, lang)}"
        st.button(
            escape_markdown(label),
            key=f"same-metric-{other.id}",
            on_click=show_commitment,
            args=(other.id,),
        )
compared = compare_rows(frame, commitment.metric or "")
if compared["place"].nunique() > 1:  # the measure in several places: side by side
    st.subheader(t("compare_heading", lang), anchor=False)
    compare_scope = chart_scope(targets, compared, lang, page.as_of, width=scope.width)
    compare_chart = compare_figure(frame, commitment.metric or "", compare_scope)
    st.plotly_chart(
        compare_chart,
        config=chart_config("compare", compare_scope, compare_chart),
        theme=None,
        key="chart-compare",
    )
    st.dataframe(
        compare_table(frame, commitment.metric or "", lang), hide_index=True, width="stretch"
    )
clean_layout_exit(page)
