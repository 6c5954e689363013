"""The typed row of the dashboard's frame: every column named, values as pandas holds them."""

from dashboard.commitment_row import ROW_COLUMNS, CommitmentRow, frame_rows
from dashboard.data import EXTRA_COLUMNS, FRAME_COLUMNS
from loaders.record.export import EXPORT_COLUMNS, commitment_rows


def test_the_row_type_names_every_column_of_the_frame_and_no_other(small_frame):
    declared = set(CommitmentRow.__annotations__)
    assert declared == set(EXPORT_COLUMNS) | set(EXTRA_COLUMNS)
    assert declared == set(small_frame.columns)


def test_rows_hold_the_values_itertuples_gives(small_frame):
    ours = frame_rows(small_frame)
    theirs = list(small_frame.itertuples(index=False))
    assert repr([tuple(row) for row in ours]) == repr([tuple(row) for row in theirs])
    assert [row.id for row in ours] == list(small_frame["id"])


def test_rows_of_some_columns_have_only_those(small_frame):
    rows = frame_rows(small_frame, ("id", "status"))
    assert rows[0].id == "syn-gdp"
    assert rows[0]._fields == ("id", "status")


def test_the_row_type_names_the_frames_columns_in_order(small_frame, small_loaded, as_of):
    assert ROW_COLUMNS == FRAME_COLUMNS == tuple(small_frame.columns)
    assert FRAME_COLUMNS[: len(EXPORT_COLUMNS)] == EXPORT_COLUMNS
    [row, *_] = commitment_rows(small_loaded, as_of)
    assert tuple(row) == EXPORT_COLUMNS  # the export's rows hold its columns in order
