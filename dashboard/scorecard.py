"""The scorecard: every commitment in view with its target in words, outcome, verdict and source,
as a table and as a 16:9 image a slide can take as it is; the briefing image adds the counts.

The image is laid out in pixels on a fixed 1600 × 900 canvas (exported at 2×). Commitments
with a published figure get a row each. When every row does not fit, the commitments with no
published figure are listed per area in a paragraph (title and target), so each one is still
named; the font shrinks before anything is dropped, and what still does not fit is counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.canvas import Canvas, line_height
from dashboard.chart_rows import several_places, titles
from dashboard.commitment_row import frame_rows
from dashboard.findings import count_text, counts_finding
from dashboard.i18n import status_label, t
from dashboard.measures import against_target
from dashboard.numbers import target_in_words
from dashboard.scope import ChartScope, subtitle
from dashboard.sources import (
    outcome_numbers,
    outcome_reports,
    plan_reports,
    short_title,
    source_text,
)
from dashboard.tables import ROW_FIELDS, latest_text
from dashboard.textfit import wrap_lines
from dashboard.theme import (
    GRID_COLOUR,
    MUTED_COLOUR,
    STATUS_COLOURS,
    STATUS_ICONS,
    TEXT_COLOUR,
    mix,
)
from loaders import MET, MET_LATE, MISSED, NO_FIGURE, NOT_YET_DUE, STATUSES, UNDER_WAY

SLIDE_WIDTH, SLIDE_HEIGHT, SLIDE_SCALE = 1600, 900, 2
PAD = 40
#: the source line's size: 17 px of a 1600 px image is 10 pt on a 13.33-inch slide
SOURCE_PX = 17
#: the order commitments are listed in: outcomes first (the furthest from done first: missed,
#: then milestones under way), then what has not been reported
VERDICT_ORDER = (MISSED, UNDER_WAY, MET_LATE, MET, NOT_YET_DUE, NO_FIGURE)
#: the table's columns and their share of the width
COLUMNS = (
    ("col_title", 0.31),
    ("col_verdict", 0.15),
    ("col_target", 0.16),
    ("col_outcome", 0.25),
    ("col_source", 0.13),
)
FONT_SIZES = (26, 24, 22, 20, 18, 16, 15, 14, 13, 12, 11)  # the largest that fits
MAX_ROWS = 60  # more rows than a 16:9 slide holds at the smallest size
MAX_NAMED = 40  # commitments with no figure named per area before "… and N more"


def verdict(status: str, lang: str) -> str:
    """Return a status as the scorecard shows it: an icon and a word, "✓ met"."""
    return f"{STATUS_ICONS[status]} {status_label(status, lang)}"


def ordered(rows: pd.DataFrame) -> pd.DataFrame:
    """Return the rows in scorecard order: by verdict (missed first), then as in the file."""
    if rows.empty:
        return rows
    rank = {status: index for index, status in enumerate(VERDICT_ORDER)}
    keys = rows["status"].map(rank)
    return rows.assign(_rank=keys).sort_values("_rank", kind="stable").drop(columns="_rank")


def outcome_text(row, lang: str) -> str:
    """Return a row's outcome: the latest figure and its year, and how it compares."""
    latest = latest_text(row, lang)
    if not latest:
        return "—"
    against = against_target(row, lang)
    if against and not against.endswith("%"):
        return f"{latest}{'，' if lang == 'zh' else '; '}{against}"
    if against:
        return (
            f"{latest}{'，' if lang == 'zh' else '; '}{t('percent_of_goal', lang, percent=against)}"
        )
    return latest


#: the columns a scorecard row is written from (its baseline is not shown)
SCORECARD_FIELDS = tuple(
    field for field in (*ROW_FIELDS, "status", "outcome_sources") if "baseline" not in field
)


def scorecard_table(
    rows: pd.DataFrame, scope: ChartScope, limit: int | None = None
) -> pd.DataFrame:
    """Return the scorecard as a table: commitment, verdict, target, outcome, source and id;
    with a limit, only its first rows in scorecard order (missed first)."""
    lang = scope.lang
    columns = [*(t(key, lang) for key, _ in COLUMNS), t("col_id", lang)]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    several = several_places(rows, lang)
    rows = ordered(rows)
    if limit is not None:
        rows = rows.head(limit)
    join = "；" if lang == "zh" else "; "
    names: dict[tuple, str] = {}
    texts = []
    for r in frame_rows(rows, SCORECARD_FIELDS):
        if r.outcome_sources not in names:
            cited = [scope.reports[s] for s in r.outcome_sources if s in scope.reports]
            names[r.outcome_sources] = join.join(short_title(s, lang, scope.place) for s in cited)
        texts.append(
            (
                verdict(r.status, lang),
                target_in_words(r.op, r.target, r.unit, r.tolerance, lang),
                outcome_text(r, lang),
                names[r.outcome_sources],
            )
        )
    verdicts, targets, outcomes, sources = zip(*texts, strict=True)
    data = [
        titles(rows, lang, several),
        verdicts,
        targets,
        outcomes,
        sources,
        rows["id"].tolist(),
    ]
    return pd.DataFrame(dict(zip(columns, data, strict=True)))


def status_counts(rows: pd.DataFrame) -> dict[str, int]:
    """Return how many rows have each status, every status present (zero when none)."""
    if rows.empty:
        return dict.fromkeys(STATUSES, 0)
    found = rows["status"].value_counts()
    return {status: int(found.get(status, 0)) for status in STATUSES}


def counts_summary(counts: dict[str, int], lang: str) -> str:
    """Return the counts in words: "51 commitments: 1 met, 1 missed, …"."""
    join = "，" if lang == "zh" else ", "
    parts = join.join(
        t("count_of", lang, count=count_text(n), name=status_label(s, lang))
        for s, n in counts.items()
        if n
    )
    total = t("scope_count", lang, count=count_text(sum(counts.values())))
    return f"{total}{'：' if lang == 'zh' else ': '}{parts}" if parts else total


@dataclass(frozen=True)
class Row:
    """One commitment on the scorecard, as text."""

    title: str
    target: str
    outcome: str
    status: str
    source: str


def scorecard_rows(rows: pd.DataFrame, scope: ChartScope, numbers: dict[str, int]) -> list[Row]:
    """Return the scorecard's rows in order; sources as reference numbers into the source line."""
    lang = scope.lang
    found = []
    listed = ordered(rows)
    several = scope.place_count > 1
    for r, title in zip(frame_rows(listed), titles(listed, lang, several), strict=True):
        refs = [f"[{numbers[s]}]" for s in r.outcome_sources if s in numbers]
        found.append(
            Row(
                title,
                target_in_words(r.op, r.target, r.unit, r.tolerance, lang),
                outcome_text(r, lang),
                r.status,
                " ".join(refs) or "—",
            )
        )
    return found


def row_lines(row: Row, widths: list[float], size: float, lang: str) -> list[list[str]]:
    """Return each cell of a row wrapped to its column."""
    cells = (row.title, verdict(row.status, lang), row.target, row.outcome, row.source)
    return [wrap_lines(cell, width - 16, size) for cell, width in zip(cells, widths, strict=True)]


def missing_paragraphs(
    rows: pd.DataFrame, scope: ChartScope, width: float, size: float
) -> list[tuple[str, list[str]]]:
    """Return, per area, the commitments with no published figure as (area, wrapped lines)."""
    lang = scope.lang
    without = rows[rows["status"] == NO_FIGURE]
    if without.empty:
        return []
    area_column = "area_name_en" if lang == "en" else "area_name"
    join = "；" if lang == "zh" else "; "
    found = []
    for _, group in without.sort_values(["area_order", "area"]).groupby("area", sort=False):
        first = group.iloc[0]
        area = first[area_column] if lang == "en" else first["chapter"] + first[area_column]
        named = group.head(MAX_NAMED)
        items = join.join(
            f"{title}{'（' if lang == 'zh' else ' ('}"
            f"{target_in_words(r.op, r.target, r.unit, r.tolerance, lang)}"
            f"{'）' if lang == 'zh' else ')'}"
            for r, title in zip(
                frame_rows(named), titles(named, lang, scope.place_count > 1), strict=True
            )
        )
        if len(group) > MAX_NAMED:
            items += t("more_count", lang, count=len(group) - MAX_NAMED)
        text = f"{area}{'：' if lang == 'zh' else ': '}{items}"
        found.append((area, wrap_lines(text, width, size)))
    return found


def scorecard_figure(rows: pd.DataFrame, scope: ChartScope, briefing: bool = False) -> go.Figure:
    """Return the scorecard (with the counts when `briefing`) as a 16:9 figure for a slide."""
    lang = scope.lang
    canvas = Canvas(SLIDE_WIDTH, SLIDE_HEIGHT)
    inner = canvas.width - 2 * PAD
    y = PAD - 8.0
    counts = status_counts(rows)
    title = wrap_lines(scope.headline or counts_finding(counts, lang), inner, 26)
    canvas.text(PAD, y, title, 26)
    y += len(title) * line_height(26) + 4
    about = subtitle(scope, counts_summary(counts, lang), named=not scope.headline)
    summary = wrap_lines(about, inner, 17)
    canvas.text(PAD, y, summary, 17, color=MUTED_COLOUR)
    y += len(summary) * line_height(17) + 14
    if briefing:
        y = count_tiles(canvas, counts, y, lang, scope.statuses) + 16
    plans = plan_reports(rows, scope.reports)
    outcomes = outcome_reports(rows, scope.reports)
    footer = source_text(
        plans, outcomes, lang, scope.checked or scope.as_of, scope.place, numbered=True
    )
    footer_lines = wrap_lines(footer, inner, SOURCE_PX)
    footer_top = canvas.height - PAD + 12 - len(footer_lines) * line_height(SOURCE_PX)
    canvas.text(PAD, footer_top, footer_lines, SOURCE_PX, color=MUTED_COLOUR)
    table(canvas, rows, scope, y, footer_top - 12, outcome_numbers(outcomes))
    return canvas.figure()


def count_tiles(
    canvas: Canvas, counts: dict[str, int], y: float, lang: str, statuses: tuple[str, ...] = ()
) -> float:
    """Draw the total and each status's count as a row of tiles, each with a bar in its status
    colour ("—" for a status filtered out); return the y below them."""
    tiles = [(t("count_total", lang), count_text(sum(counts.values())), "#f5f5f5", TEXT_COLOUR)]
    tiles += [
        (
            verdict(s, lang),
            count_text(n) if not statuses or s in statuses else "—",
            STATUS_COLOURS[s],
            TEXT_COLOUR,
        )
        for s, n in counts.items()
    ]
    gap = 12
    width = (canvas.width - 2 * PAD - gap * (len(tiles) - 1)) / len(tiles)
    for index, (label, count, colour, text) in enumerate(tiles):
        x = PAD + index * (width + gap)
        canvas.box(x, y, x + width, y + 78, mix(colour, "#ffffff", 0.85))
        canvas.box(x, y, x + 8, y + 78, colour)
        canvas.text(x + 18, y + 6, [count], 34, bold=True, color=text)
        canvas.text(x + 18, y + 52, wrap_lines(label, width - 26, 14)[:1], 14, color=text)
    return y + 78


def table(
    canvas: Canvas,
    rows: pd.DataFrame,
    scope: ChartScope,
    top: float,
    bottom: float,
    numbers: dict[str, int],
) -> None:
    """Draw the scorecard's table between two heights, shrinking or condensing it to fit."""
    lang = scope.lang
    inner = canvas.width - 2 * PAD
    widths = [share * inner for _, share in COLUMNS]
    reported = rows[rows["status"] != NO_FIGURE]
    entries = scorecard_rows(rows, scope, numbers) if len(rows) <= MAX_ROWS else []
    with_figure = scorecard_rows(reported.head(MAX_ROWS), scope, numbers)
    missing_count = len(rows) - len(reported)
    for size in FONT_SIZES:
        if entries and table_height(entries, widths, size, lang) <= bottom - top:
            return draw_table(canvas, entries, widths, size, lang, top, [])
        paragraphs = missing_paragraphs(rows, scope, inner, size)
        heading = line_height(size) + 6
        listed = sum(len(lines) * line_height(size) + 4 for _, lines in paragraphs)
        if table_height(with_figure, widths, size, lang) + heading + listed <= bottom - top:
            return draw_table(
                canvas, with_figure, widths, size, lang, top, paragraphs, missing_count
            )
    size = FONT_SIZES[-1]
    paragraphs = missing_paragraphs(rows, scope, inner, size)
    more = len(reported) > MAX_ROWS
    draw_table(
        canvas, with_figure, widths, size, lang, top, paragraphs, missing_count, bottom, more
    )


def table_height(entries: list[Row], widths: list[float], size: float, lang: str) -> float:
    """Return the height of the table's header and rows at a font size."""
    header = line_height(size) + 12
    return header + sum(
        max(len(cell) for cell in row_lines(e, widths, size, lang)) * line_height(size) + 14
        for e in entries
    )


def draw_table(
    canvas: Canvas,
    entries: list[Row],
    widths: list[float],
    size: float,
    lang: str,
    top: float,
    paragraphs: list[tuple[str, list[str]]],
    missing_count: int = 0,
    bottom: float | None = None,
    more: bool = False,
) -> None:
    """Draw the header, one row per entry and the paragraphs of commitments with no figure.

    With a `bottom`, rows and paragraph lines past it are left out and counted in a last line.
    """
    limit = bottom if bottom is not None else canvas.height
    lines_px = line_height(size)
    y = top
    x_starts = [PAD + sum(widths[:i]) for i in range(len(widths))]
    canvas.box(PAD, y, canvas.width - PAD, y + lines_px + 12, GRID_COLOUR)
    for (key, _), x in zip(COLUMNS, x_starts, strict=True):
        canvas.text(x + 8, y + 6, [t(key, lang)], size, bold=True)
    y += lines_px + 12
    left_out = 0
    for entry in entries:
        cells = row_lines(entry, widths, size, lang)
        height = max(len(cell) for cell in cells) * lines_px + 14
        if y + height > limit - lines_px:
            left_out += 1
            continue
        verdict_x = x_starts[1]
        canvas.box(
            verdict_x + 2,
            y + 3,
            verdict_x + widths[1] - 2,
            y + height - 3,
            mix(STATUS_COLOURS[entry.status], "#ffffff", 0.8),
        )
        for cell, x in zip(cells, x_starts, strict=True):
            canvas.text(x + 8, y + 7, cell, size)
        y += height
        canvas.box(PAD, y, canvas.width - PAD, y + 1, GRID_COLOUR)
    if paragraphs:
        heading = f"{verdict(NO_FIGURE, lang)} ({missing_count})"
        if y + lines_px * 2 < limit:
            y += 6
            canvas.text(PAD, y, [heading], size, bold=True, color=MUTED_COLOUR)
            y += lines_px + 2
        for area, lines in paragraphs:
            room = int((limit - y - lines_px) // lines_px)
            shown = lines[: max(room, 0)]
            if len(shown) < len(lines):
                left_out += 1
            if shown:
                canvas.paragraph(PAD, y, shown, size, bold_start=area)
                y += len(shown) * lines_px + 4
    if left_out or more:
        canvas.text(PAD, y + 2, [t("scorecard_more", lang)], size, color=MUTED_COLOUR)
