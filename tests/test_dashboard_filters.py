"""Filters: from and to the URL, and applied to the rows."""

import pandas as pd
import pytest

from dashboard.filters import (
    Filters,
    apply_filters,
    filters_from_params,
    ignored_params,
    params_from_filters,
    query_number,
    report_choices,
)
from loaders.model import PartialDate, Report

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


def test_the_overview_chart_goes_into_the_url_unless_it_is_the_first():
    assert params_from_filters(Filters(chart="rates")) == {"chart": "rates"}
    assert filters_from_params({"chart": "rates"}, REPORTS, AREAS) == Filters(chart="rates")
    assert filters_from_params({"chart": "status-by-area"}, REPORTS, AREAS).chart == ""
    assert filters_from_params({"chart": "pie"}, REPORTS, AREAS).chart == ""


def test_no_filter_keeps_every_row(small_frame):
    assert len(apply_filters(small_frame, Filters())) == 6


def test_filter_by_year_and_by_report(small_frame):
    assert ids(apply_filters(small_frame, Filters(report="2099"))) == ["syn-roads"]
    assert len(apply_filters(small_frame, Filters(report="syn-2020"))) == 6


def test_under_way_is_a_status_to_filter_by_in_the_url(under_way_data):
    filters = filters_from_params({"status": "under_way"}, REPORTS, AREAS)
    assert filters == Filters(statuses=("under_way",))
    assert params_from_filters(filters) == {"status": "under_way"}
    assert ids(apply_filters(under_way_data.frame, filters)) == ["syn-library"]


def test_filter_by_area_and_status(small_frame):
    rows = apply_filters(small_frame, Filters(areas=("livelihood",), statuses=("met", "met_late")))
    assert ids(rows) == ["syn-places", "syn-library"]


def test_search_matches_chinese_and_english_case_insensitively(small_frame):
    assert ids(apply_filters(small_frame, Filters(query="学位"))) == ["syn-places"]
    assert ids(apply_filters(small_frame, Filters(query="SCHOOL places"))) == ["syn-places"]
    assert ids(apply_filters(small_frame, Filters(query="syn-cpi"))) == ["syn-cpi"]
    assert ids(apply_filters(small_frame, Filters(query="控制在"))) == ["syn-cpi"]
    assert ids(apply_filters(small_frame, Filters(query="nothing-like-this"))) == []


def test_a_repeated_parameter_combines_its_values():
    params = {"status": ["met", "missed"], "area": ["headline", "livelihood,headline"]}
    filters = filters_from_params(params, REPORTS, AREAS)
    assert filters.statuses == ("met", "missed")
    assert filters.areas == ("headline", "livelihood")
    assert filters_from_params({"lang": ["zh", "en"]}, REPORTS, AREAS).lang == "en"  # the last


def test_unknown_parameters_and_values_are_named():
    params = {
        "lang": ["fr"],
        "status": ["met,bogus"],
        "area": "nowhere",
        "report": "1999",
        "utm_source": ["chat", "mail"],
        "clean": "yes",
        "embed": "true",  # Streamlit's own: not ours to name
        "q": "school",
        "id": "syn-parks",
        "chart": ["rates", "pie"],
    }
    assert ignored_params(params, REPORTS, AREAS) == [
        "lang=fr",
        "status=bogus",
        "area=nowhere",
        "report=1999",
        "utm_source=chat",
        "utm_source=mail",
        "clean=yes",
        "chart=pie",
    ]
    assert ignored_params({"status": "met", "lang": "en"}, REPORTS, AREAS) == []


def test_reports_are_offered_by_date_not_file_order():
    later = Report("b-later", "乙", "B", PartialDate(2024, 2, 3))
    undated_year = Report("c-mid", "丙", "C", PartialDate(2023))
    earlier = Report("a-early", "甲", "A", PartialDate(2022, 3, 15))
    frame = pd.DataFrame({"report": ["b-later", "c-mid", "a-early"], "year": [2024, 2023, 2022]})
    reports = {r.id: r for r in (later, undated_year, earlier)}
    assert report_choices(frame, reports) == ["a-early", "c-mid", "b-later", "2022", "2023", "2024"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("6,900", (6900.0, 6900.0)),
        ("6900", (6900.0, 6900.0)),
        ("1.8万", (1.8, 18000.0)),
        ("52.26亿", (52.26, 5_226_000_000.0)),
        ("6.5%", (6.5, 6.5)),
        ("3公里", (3.0, 3.0)),
        ("school", None),
        ("syn-2020", None),
        ("2022-03", None),
    ],
)
def test_search_words_that_are_figures(word, expected):
    assert query_number(word) == expected


def test_search_finds_figures_as_either_language_writes_them(small_frame):
    for query in ("5,000", "5000", "1.2万", "12000", "12,000", "5,200"):
        assert ids(apply_filters(small_frame, Filters(query=query))) == ["syn-places"], query
    assert ids(apply_filters(small_frame, Filters(query="6.2%"))) == ["syn-gdp"]
    assert ids(apply_filters(small_frame, Filters(query="1.2万 school"))) == ["syn-places"]
    assert ids(apply_filters(small_frame, Filters(query="1"))) == []  # a milestone's "done" is no 1
