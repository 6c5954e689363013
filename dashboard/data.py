"""The dashboard's data: targets.yaml loaded once and reused until the file or a report changes.

`load_cached` names the content with one key, `loaders.inputs_key`: the digests of targets.yaml
and of the files it includes and the size and modification time of every report in seeds/, made
from stats alone (no parse), since it runs on every rerun of every session. Saving a file (or
replacing a report) gives a new key, so the change shows on the next rerun. The loaded data, and
the tables and coverage derived from it, live in `st.cache_resource` (`dashboard.cache`, which
names each cache's key and bound), shared by every session of the server: when several sessions
miss the cache at once (after a save), Streamlit lets one of them load and the others wait for
its result, so a save costs one parse for all of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import cache
from dashboard.commitment_row import ROW_COLUMNS
from dashboard.measures import measure_kind
from dashboard.saved_state import (
    COVERAGE_NAME,
    SAVER,
    GroupRows,
    SavedCoverage,
    SavedView,
    saved_coverage,
    saved_view,
)
from dashboard.sources import outcome_sources, report_place
from loaders import (
    EXPORT_COLUMNS,
    Commitment,
    LoadResult,
    Problem,
    ReportCoverage,
    TargetsFile,
    commitment_rows,
    inputs_key,
    load_targets,
    processes_wanted,
    result_of,
    reused_coverage,
    summary_of,
)

#: columns of the dashboard's frame beyond loaders.EXPORT_COLUMNS, in order: those the row type
#: declares (commitment_row.CommitmentRow)
EXTRA_COLUMNS = tuple(name for name in ROW_COLUMNS if name not in EXPORT_COLUMNS)

#: the frame's columns, in order
FRAME_COLUMNS = (*EXPORT_COLUMNS, *EXTRA_COLUMNS)


@dataclass(frozen=True)
class DashboardData:
    """A loaded targets file: the validation result and one row per valid commitment.

    `key` names this data in the caches of what is derived from it: the file, its content and
    the day for data loaded by `load_cached`, a fresh random name for data built directly.
    `inputs` is the key of the files it was loaded from (`loaders.inputs_key`; empty for data
    built directly).
    """

    result: LoadResult
    frame: pd.DataFrame
    as_of: dt.date
    targets_file: str
    key: str = field(default_factory=lambda: uuid.uuid4().hex, compare=False)
    inputs: str = ""

    def table(self, lang: str, rows: pd.DataFrame | None = None) -> pd.DataFrame:
        """Return the display table of some rows (default all), built once per language."""
        full = cache.display_table(self.key, lang, self.frame)
        if rows is None:
            return full
        return full.loc[rows.index].reset_index(drop=True)

    @property
    def declared(self) -> TargetsFile:
        """Return the valid reports and areas (read without the commitments)."""
        return self.result.declared

    def plan_ids(self) -> frozenset[str]:
        """Return the ids of the reports that valid commitments come from; made once."""
        return cache.plan_ids(self.key, self.frame)

    def places(self) -> tuple[list[str], dict[str, str]]:
        """Return what the place filter offers and each place's English name; made once."""
        return cache.places(self.key, self.frame)

    def report_choices(self) -> list[str]:
        """Return what the report filter offers (report ids by date, then years); made once."""
        return cache.report_choices(self.key, self.frame, self.result)

    def coverage(self) -> list[ReportCoverage]:
        """Return, per report in seeds/, how many plan figures are tracked; computed once."""
        cover = functools.partial(coverage_of, inputs=self.inputs)
        return cache.coverage(self.key, self.targets_file, self.result, cover)

    def report_warnings(self) -> list[Problem]:
        """Return the warnings about the reports' parts (no plan part found …); computed once."""
        return cache.report_warnings(self.key, self.result, self.targets_file)


def coverage_of(targets_file: str, result: LoadResult, inputs: str = "") -> list[ReportCoverage]:
    """Return the coverage of a load's reports: the last one computed for the file when its
    inputs have the same key (`inputs`), else each report's item reused while its text and the
    quotes that fall in it are unchanged (from this process's last coverage of the file, or
    from the one saved to the disk cache by it or an earlier run of the server)."""
    kept: cache.LastKept[SavedCoverage] = cache.last_coverage()
    last = kept.get(targets_file)
    if last is None and targets_file:
        last = saved_coverage(targets_file)
    if last is not None and inputs and last.inputs == inputs:
        kept.keep(targets_file, last)
        return last.items
    items, known = reused_coverage(result, last.known if last is not None else {})
    made = SavedCoverage(inputs, items, known)
    kept.keep(targets_file, made)
    if targets_file and inputs:
        SAVER.save(targets_file, COVERAGE_NAME, made)
    return items


def group_columns(
    commitments: tuple[Commitment, ...],
    as_of: dt.date,
    found: Mapping[str, str | None],
    declared: TargetsFile,
) -> dict[str, list]:
    """Return the columns of some commitments' rows that depend on them and on the records
    they name: the export columns, the names of their area and report, the chapter their quote
    stands in (the area's where it is not located), draft, sources, what each measures and the
    text the search looks in. `found` is the chapter each quote stands in, by id (as the
    load found it: CommitmentGroup.chapters)."""
    rows = commitment_rows(TargetsFile(commitments=commitments), as_of)
    columns: dict[str, list] = {name: [row[name] for row in rows] for name in EXPORT_COLUMNS}
    areas = {a.id: a for a in declared.areas}
    reports = {r.id: r for r in declared.reports}
    area_of = [areas.get(c.area) for c in commitments]
    report_of = [reports.get(c.report) for c in commitments]
    columns["area_name"] = [a.name if a else None for a in area_of]
    columns["area_name_en"] = [a.name_en if a else None for a in area_of]
    columns["chapter"] = [
        found[c.id] if found.get(c.id) is not None else (a.chapter or "" if a else "")
        for c, a in zip(commitments, area_of, strict=True)
    ]
    columns["report_title"] = [r.title if r else None for r in report_of]
    columns["report_title_en"] = [r.title_en if r else None for r in report_of]
    columns["place"] = [report_place(r, "zh") if r else "" for r in report_of]
    columns["place_en"] = [report_place(r, "en") if r else "" for r in report_of]
    columns["draft"] = [c.draft for c in commitments]
    columns["outcome_sources"] = [outcome_sources(c) for c in commitments]
    columns["measure_kind"] = [measure_kind(row["op"], row["unit"], row["metric"]) for row in rows]
    columns["search_text"] = [
        " ".join(
            (
                row["id"],
                row["title"],
                (row["title_en"] or "").lower(),
                row["quote"],
                row["metric"] or "",
            )
        )
        for row in rows
    ]
    return columns


def load_data(path: str, seeds: str, key: str, as_of: dt.date) -> DashboardData:
    """Return the data of a targets file whose content `key` names (`load_cached` keeps it:
    `cache.loaded`): the view saved for that key and day when there is one (its commitments
    loaded when first asked for), else loaded now. The saved view is read only by a process
    that has built no rows for the file and day yet (a restart): after a save, this process's
    own rows are newer."""
    data_key = f"{key}:{as_of.isoformat()}"
    built = cache.last_built().get(path, as_of)
    saved = saved_view(path, as_of) if built is None else None
    if saved is not None and saved.key == key:
        result = result_of(
            saved.summary,
            lambda: load_targets(path, seeds, keep_last_good=True, processes=processes_wanted()),
        )
        cache.last_built().keep(path, as_of, saved.rows)
        frame = frame_with_names(saved.rows.frame, result)
        return DashboardData(result, frame, as_of, path, data_key, inputs=key)
    result = load_targets(path, seeds, keep_last_good=True, processes=processes_wanted())
    return build_data(result, as_of, path, key=data_key, inputs=key, saved=saved)


def load_cached(
    targets_file: str | os.PathLike,
    seeds_dir: str | os.PathLike | None = None,
    as_of: dt.date | None = None,
) -> DashboardData:
    """Return the dashboard's data for a targets file, loading only when its content changed."""
    path = Path(targets_file)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    key = inputs_key(path, seeds)
    return cache.loaded(str(path), str(seeds), key, as_of or dt.date.today(), load_data)


def build_data(
    result: LoadResult,
    as_of: dt.date,
    targets_file: str = "",
    key: str | None = None,
    inputs: str | None = None,
    saved: SavedView | None = None,
) -> DashboardData:
    """Return the dashboard's data: the load result and one row per valid commitment; the rows
    of files unchanged since the last build for this file and day are reused (those of this
    process, else those of the `saved` view). With the key of the `inputs` it was loaded from,
    the view is saved for the next run of the server."""
    if key is None:
        return DashboardData(result, commitment_frame(result, as_of), as_of, targets_file)
    built: cache.LastBuilt[GroupRows] = cache.last_built()
    previous = built.get(targets_file, as_of)
    if previous is None and saved is not None:
        previous = saved.rows
    rows = group_rows(result, as_of, previous)
    built.keep(targets_file, as_of, rows)  # another day's rows of this file dropped
    if inputs is not None and targets_file and len(rows.rows) == len(result.groups):
        SAVER.save_view(targets_file, as_of, SavedView(inputs, summary_of(result), rows))
    frame = frame_with_names(rows.frame, result)
    return DashboardData(result, frame, as_of, targets_file, key, inputs=inputs or "")


def group_rows(result: LoadResult, as_of: dt.date, previous: GroupRows | None) -> GroupRows:
    """Return the per-commitment columns of a load's commitments: the rows of a group whose
    key is in `previous` are taken from it, the others made now."""
    groups = result.groups
    if previous is None or any(g.key is None for g in groups):
        commitments = tuple(c for g in groups for c in g.commitments)
        found = {i: c for g in groups for i, c in g.chapters.items()}
        frame = pd.DataFrame(group_columns(commitments, as_of, found, result.declared))
        return GroupRows(frame, _row_ranges(groups), made=len(groups))
    pieces: list[pd.DataFrame] = []
    run: list[int] = []  # [start, end) of consecutive rows of `previous` still to take
    made = 0
    for group in groups:
        known = previous.rows.get(str(group.key))
        if known is not None and known[1] - known[0] != group.count:
            known = None  # not this group's rows (never so under one key; guarded all the same)
        if known is not None and run and run[1] == known[0]:
            run[1] = known[1]
            continue
        if run:
            pieces.append(previous.frame.iloc[run[0] : run[1]])
            run = []
        if known is not None:
            run = [known[0], known[1]]
        elif group.count:
            made += 1
            columns = group_columns(group.commitments, as_of, group.chapters, result.declared)
            pieces.append(_typed_like(pd.DataFrame(columns), previous.frame))
    if run:
        pieces.append(previous.frame.iloc[run[0] : run[1]])
    if not pieces:
        frame = previous.frame.iloc[0:0]
    elif len(pieces) == 1:
        frame = pieces[0].reset_index(drop=True)
    else:
        frame = pd.concat(pieces, ignore_index=True)
    return GroupRows(frame, _row_ranges(groups), made=made)


def _typed_like(made: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Return new rows with the column types of the frame they join (a small group's column
    of Nones would otherwise turn the frame's numbers into objects)."""
    if frame.empty:
        return made
    try:
        return made.astype(frame.dtypes.to_dict())
    except (TypeError, ValueError):
        return made


def _row_ranges(groups: list) -> dict[str, tuple[int, int]]:
    """Return the rows [start, end) of each group's commitments, by key."""
    ranges = {}
    start = 0
    for group in groups:
        end = start + group.count
        if group.key is not None:
            ranges[group.key] = (start, end)
        start = end
    return ranges


def commitment_frame(result: LoadResult, as_of: dt.date) -> pd.DataFrame:
    """Return one row per valid commitment: the export columns plus area and report names."""
    return frame_with_names(group_rows(result, as_of, None).frame, result)


def frame_with_names(rows: pd.DataFrame, result: LoadResult) -> pd.DataFrame:
    """Return the per-commitment columns with each area's place in the declared order (which
    records of other files decide), in FRAME_COLUMNS order."""
    if rows.empty:
        return pd.DataFrame(columns=list(FRAME_COLUMNS))
    order = {a.id: index for index, a in enumerate(result.declared.areas)}
    frame = rows.assign(area_order=rows["area"].map(order))
    return frame[list(FRAME_COLUMNS)]
