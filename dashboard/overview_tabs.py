"""The overview's chart tabs: which charts it offers, in what order, under what labels.

Only the open tab's chart is built, sent and drawn, so a filter change redraws one chart; the
open tab goes into the URL (`chart=`) unless it is the first.
"""

#: the label of each overview chart's tab, in the tabs' order
CHART_TAB_LABELS = {
    "status-by-area": "tab_status_by_area",
    "percent-of-target": "tab_percent_of_target",
    "rates": "tab_rates",
}
#: the overview's charts, in their tabs' order: the first is open unless the reader chose another
OVERVIEW_CHARTS = tuple(CHART_TAB_LABELS)


def overview_charts(plotted: dict[str, tuple[str, bool]]) -> list[tuple[str, str]]:
    """Return the overview's charts as (name, the sentence that stands for it, else ""): status
    by area always, the amounts and the rates charts when drawn or when a sentence says why not."""
    by_area, amounts, rates = OVERVIEW_CHARTS
    charts = [(by_area, "")]
    for noun, name in (("amounts", amounts), ("rates", rates)):
        sentence, drawn = plotted[noun]
        if sentence or drawn:
            charts.append((name, sentence))
    return charts
