"""The dashboard's caches live in one module, whose table of keys and bounds stays true."""

import ast
import datetime as dt
import re
import sys
import threading
from pathlib import Path

import dashboard.cache as cache
from dashboard.cache import CACHES, MAX_LOADS, LastBuilt
from dashboard.i18n import LANGUAGES

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard"
CACHE_FILE = DASHBOARD / "cache.py"


def streamlit_caches(path: Path) -> list[int]:
    """Return the lines of a file that name one of Streamlit's caches (`st.cache_resource`,
    `st.cache_data`, `streamlit.cache_resource` …), in code rather than in text."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in ("cache_resource", "cache_data")
    ]


def decorated_bounds() -> dict[str, int]:
    """Return, per function of cache.py decorated with st.cache_resource, its max_entries."""
    bounds = {}
    for node in ast.parse(CACHE_FILE.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            if (
                isinstance(decorator, ast.Call)
                and isinstance(decorator.func, ast.Attribute)
                and decorator.func.attr == "cache_resource"
            ):
                [bound] = [k.value for k in decorator.keywords if k.arg == "max_entries"]
                expression = ast.Expression(bound)
                bounds[node.name] = eval(compile(expression, "cache.py", "eval"), vars(cache))
    return bounds


def docstring_table() -> list[tuple[str, str, int, str]]:
    """Return the rows of cache.py's docstring table: function, key, bound, why."""
    rows = []
    for line in (cache.__doc__ or "").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        function, key, bound, why = cells
        number = re.match(r"\d+", bound)
        assert number, line
        rows.append((function.strip("`"), key, int(number.group()), why))
    return rows


def test_every_streamlit_cache_of_the_dashboard_is_in_cache_py():
    found = {
        str(path.relative_to(DASHBOARD)): lines
        for path in sorted(DASHBOARD.rglob("*.py"))
        if path != CACHE_FILE and (lines := streamlit_caches(path))
    }
    assert found == {}
    assert streamlit_caches(CACHE_FILE)  # the scan sees them where they are


def test_the_docstring_table_is_the_data():
    assert docstring_table() == [(c.function, c.key, c.bound, c.why) for c in CACHES]


def test_every_cache_is_in_the_table_with_the_bound_it_is_given():
    assert decorated_bounds() == {c.function: c.bound for c in CACHES}


def test_what_is_kept_per_data_version_is_bounded_by_the_versions_kept():
    bounds = {c.function: c.bound for c in CACHES}
    assert bounds["loaded"] == MAX_LOADS
    assert bounds["display_table"] == MAX_LOADS * len(LANGUAGES)
    for name in ("report_choices", "coverage", "report_warnings", "reports_digest"):
        assert bounds[name] == MAX_LOADS


def test_the_rows_last_built_keep_one_day_per_file():
    built: LastBuilt[str] = LastBuilt()
    today, tomorrow = dt.date(2025, 3, 1), dt.date(2025, 3, 2)
    built.keep("a.yaml", today, "a today")
    built.keep("b.yaml", today, "b today")
    built.keep("a.yaml", tomorrow, "a tomorrow")
    assert built.get("a.yaml", today) is None
    assert built.get("a.yaml", tomorrow) == "a tomorrow"
    assert sorted(built.places()) == [("a.yaml", tomorrow), ("b.yaml", today)]


def test_loads_of_two_days_keeping_rows_at_once_never_race():
    # threads switched every microsecond: without the lock, a thread deleting another day's
    # rows while another lists them fails ("dictionary keys changed during iteration")
    switch = sys.getswitchinterval()
    built: LastBuilt[int] = LastBuilt()
    days = [dt.date(2025, 3, 1) + dt.timedelta(days=d) for d in range(4)]
    failures: list[BaseException] = []

    def keep(day: dt.date) -> None:
        try:
            for n in range(2000):
                built.keep("a.yaml", day, n)
                built.get("a.yaml", day)
        except Exception as error:  # a race is what the test looks for
            failures.append(error)

    threads = [threading.Thread(target=keep, args=(day,)) for day in days]
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert failures == []
    assert len(built.places()) == 1
