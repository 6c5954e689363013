"""A commitment: target in words, status and its rule, baseline, progress, source, same metric."""

from typing import Literal

import streamlit as st

from dashboard.detail import (
    highlighted_html,
    locate_quote,
    passage_location,
    progress_table,
    same_metric,
)
from dashboard.escape import escape_markdown
from dashboard.i18n import (
    format_quantity,
    localized,
    status_label,
    status_rule,
    t,
    target_in_words,
)
from dashboard.layout import (
    CHOICE_KEY,
    asked_commitment,
    clean_layout_exit,
    commitment_choice,
    context,
    show_commitment,
)
from dashboard.measures import against_target
from loaders import commitment_status

STATUS_BADGE_COLOURS: dict[str, Literal["green", "orange", "red", "gray", "blue"]] = {
    "met": "green",
    "met_late": "green",
    "under_way": "orange",
    "missed": "red",
    "no_figure": "gray",
    "not_yet_due": "blue",
}

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
st.selectbox(
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

st.header(escape_markdown(localized(commitment, "title", lang)), anchor=False)
st.caption(
    escape_markdown(
        f"{commitment.title_en if lang == 'zh' else commitment.title} · {commitment.id}"
    )
)

left, middle, right = st.columns([2, 2, 1])
with left:
    st.caption(t("target", lang))
    st.markdown(
        "#### "
        + escape_markdown(
            target_in_words(target.op, target.value, target.unit, target.tolerance, lang)
        )
    )
with middle:
    st.caption(t("status", lang))
    st.badge(status_label(result.status, lang), color=STATUS_BADGE_COLOURS[result.status])
    if commitment.draft:
        st.badge(t("draft_badge", lang), color="orange", help=t("draft_help", lang))
with right:
    st.caption(t("col_percent", lang))
    frame = page.data.frame
    row = next(frame[frame["id"] == chosen].itertuples())
    st.markdown("#### " + escape_markdown(against_target(row, lang) or "—"))
st.caption(escape_markdown(status_rule(result.status, lang, milestone=target.op == "done")))
st.markdown("> " + escape_markdown(commitment.quote))
if commitment.note:
    st.caption(t("note", lang) + ": " + escape_markdown(commitment.note))

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
        st.caption(escape_markdown(baseline.note))

st.subheader(t("progress", lang), anchor=False)
if commitment.progress:
    st.dataframe(progress_table(commitment, targets, lang), hide_index=True, width="stretch")
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
for other in others:
    other_result = commitment_status(other, page.data.as_of)
    words = target_in_words(
        other.target.op, other.target.value, other.target.unit, other.target.tolerance, lang
    )
    label = (
        f"{other.year} · {title_of[other.id]} · {words} · {status_label(other_result.status, lang)}"
    )
    st.button(
        escape_markdown(label),
        key=f"same-metric-{other.id}",
        on_click=show_commitment,
        args=(other.id,),
    )
clean_layout_exit(page)
