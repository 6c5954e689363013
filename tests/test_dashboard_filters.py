"""Filters: from and to the URL, and applied to the rows."""

from dashboard.filters import (
    Filters,
    apply_filters,
    filters_from_params,
    params_from_filters,
    report_choices,
)

AREAS = ["headline", "livelihood"]
REPORTS = ["syn-2020", "2020", "2099"]


def ids(frame):
    return list(frame["id"])


def test_report_choices_are_report_ids_then_years(small_frame):
    assert report_choices(small_frame) == REPORTS


def test_url_parameters_become_filters_and_unknown_values_are_dropped():
    params = {
        "lang": "en",
        "report": "syn-2020",
        "area": "livelihood,nowhere",
        "status": "met,bogus",
        "q": "  school ",
        "clean": "1",
        "id": "syn-parks",
    }
    assert filters_from_params(params, REPORTS, AREAS) == Filters(
        lang="en",
        report="syn-2020",
        areas=("livelihood",),
        statuses=("met",),
        query="school",
        clean=True,
        commitment="syn-parks",
    )


def test_bad_language_and_report_fall_back_to_defaults():
    filters = filters_from_params({"lang": "fr", "report": "nope"}, REPORTS, AREAS)
    assert (filters.lang, filters.report) == ("zh", "")


def test_filters_round_trip_through_the_url_leaving_out_defaults():
    filters = Filters(lang="en", areas=("headline", "livelihood"), statuses=("missed",))
    params = params_from_filters(filters)
    assert params == {"lang": "en", "area": "headline,livelihood", "status": "missed"}
    assert filters_from_params(params, REPORTS, AREAS) == filters
    assert params_from_filters(Filters()) == {}


def test_no_filter_keeps_every_row(small_frame):
    assert len(apply_filters(small_frame, Filters())) == 6


def test_filter_by_year_and_by_report(small_frame):
    assert ids(apply_filters(small_frame, Filters(report="2099"))) == ["syn-roads"]
    assert len(apply_filters(small_frame, Filters(report="syn-2020"))) == 6


def test_filter_by_area_and_status(small_frame):
    rows = apply_filters(small_frame, Filters(areas=("livelihood",), statuses=("met", "met_late")))
    assert ids(rows) == ["syn-places", "syn-library"]


def test_search_matches_chinese_and_english_case_insensitively(small_frame):
    assert ids(apply_filters(small_frame, Filters(query="学位"))) == ["syn-places"]
    assert ids(apply_filters(small_frame, Filters(query="SCHOOL places"))) == ["syn-places"]
    assert ids(apply_filters(small_frame, Filters(query="syn-cpi"))) == ["syn-cpi"]
    assert ids(apply_filters(small_frame, Filters(query="控制在"))) == ["syn-cpi"]
    assert ids(apply_filters(small_frame, Filters(query="nothing-like-this"))) == []
