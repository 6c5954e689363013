"""Shared test settings and fixtures.

Hypothesis profiles: `default` (quick, for `make test` on a laptop), `ci` (many more examples;
.ci/run exports HYPOTHESIS_PROFILE=ci) and `deep` (a deliberate long run, before a release or
after a change to the readers). None has a deadline: a slow example on a busy machine is not a
failure. Most of a fuzz example's time is Hypothesis drawing the input (about 60% for the
random YAML documents), so the time grows with the number of examples, not with the checks.

Fixtures: the SYNTHETIC small targets file (`small_targets`, `small_data`, `small_loaded`,
`small_frame`, on `as_of`), the same with its milestone reported under way (`under_way_copy`,
`under_way_data`), the SYNTHETIC reports `targets draft` is tested on (`draft_files`),
the bundled targets.yaml for the app (`bundled`, `bundled_copy`), `open_page`, which runs the
dashboard in Streamlit's AppTest on one page with URL parameters, and `tile_counts` and
`tile_values`, which read the overview's count tiles back from such a run.

Test modules share only through these fixtures: none imports another module of tests/
(test_house_rules.py checks).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
# tests/test_fuzz.py on this 2-core machine (load about 2.5): 3000 examples a test took 7 min,
# most of CI's time; 1000 take about a third of that
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("deep", settings.get_profile("ci"), max_examples=10_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "targets.yaml"
SMALL = Path(__file__).resolve().parent / "fixtures" / "small"
DRAFT = Path(__file__).resolve().parent / "fixtures" / "draft"
DRAFT_CHAPTER_ONE = "做好民生工作"  # the title of the 2023 draft report's first plan chapter
AS_OF = dt.date(2026, 1, 1)  # the day the small fixture's statuses are computed for
APP = str(ROOT / "dashboard" / "app.py")
APP_TIMEOUT_S = 60


@pytest.fixture(scope="session", autouse=True)
def session_cache_dir(tmp_path_factory):
    """Point the disk cache of the whole session (its session fixtures too) at a temporary
    folder, so that nothing is written into the repository."""
    folder = tmp_path_factory.mktemp("targets-cache")
    before = os.environ.get("TARGETS_CACHE_DIR")
    os.environ["TARGETS_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("TARGETS_CACHE_DIR", None)
    else:
        os.environ["TARGETS_CACHE_DIR"] = before


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    """Give each test a disk cache of its own, a fresh memo (a process that remembers no
    earlier load) and empty Streamlit caches: a test passes or fails alone, in any order. What
    the dashboard saves in the background is written before the next test starts."""
    from loaders.cache.memo import fresh_memo

    monkeypatch.setenv("TARGETS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    fresh_memo()
    if "streamlit" in sys.modules:  # tests of the library alone never import it
        sys.modules["streamlit"].cache_resource.clear()
    yield
    saved_state = sys.modules.get("dashboard.saved_state")
    if saved_state is not None:
        saved_state.SAVER.wait()


@pytest.fixture(scope="session")
def as_of() -> dt.date:
    """Return the day the small fixture's statuses are computed for."""
    return AS_OF


@pytest.fixture(scope="session")
def small_dir() -> Path:
    """Return the folder of the SYNTHETIC small fixture (targets.yaml and seeds/)."""
    return SMALL


@pytest.fixture(scope="session")
def small_targets(small_dir) -> Path:
    """Return the SYNTHETIC small targets file: one commitment per status."""
    return small_dir / "targets.yaml"


@pytest.fixture(scope="session")
def small_data(small_targets, as_of):
    """Return the dashboard's data for the small fixture, loaded once per test session."""
    from dashboard.data import build_data
    from loaders.load.targets import load_targets

    return build_data(load_targets(small_targets), as_of, str(small_targets))


@pytest.fixture(scope="session")
def small_loaded(small_data):
    """Return the small fixture's valid records (a TargetsFile: reports, areas, commitments)."""
    return small_data.result.targets


@pytest.fixture(scope="session")
def small_frame(small_data):
    """Return the small fixture's rows (copy before changing them: the frame is shared)."""
    return small_data.frame


#: the small fixture's milestone reported done, and the same entry reporting it under way
LIBRARY_DONE = "      - {year: 2020, done: true, source: syn-bulletin-2020, note: section 3}\n"
LIBRARY_UNDER_WAY = LIBRARY_DONE.replace("done: true", "done: false")


@pytest.fixture
def under_way_copy(tmp_path, monkeypatch) -> Path:
    """Return a copy of the SYNTHETIC small fixture whose milestone (syn-library) is reported
    under way (done: false) instead of done, which the app then reads."""
    shutil.copytree(SMALL, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert LIBRARY_DONE in text
    path.write_text(text.replace(LIBRARY_DONE, LIBRARY_UNDER_WAY), encoding="utf-8")
    monkeypatch.setenv("TARGETS_FILE", str(path))
    return path


@pytest.fixture
def under_way_data(under_way_copy, as_of):
    """Return the dashboard's data for the small fixture with its milestone under way."""
    from dashboard.data import build_data
    from loaders.load.targets import load_targets

    return build_data(load_targets(under_way_copy), as_of, str(under_way_copy))


@pytest.fixture
def draft_files(tmp_path) -> Callable[..., Path]:
    """Return a function that writes the SYNTHETIC fixture of `targets draft` into tmp_path and
    returns its targets file: 2022's commitments, the 2022 and 2023 reports in seeds/, the 2023
    plan's first chapter titled as asked."""

    def write(chapter_one: str = DRAFT_CHAPTER_ONE) -> Path:
        shutil.copytree(DRAFT, tmp_path, dirs_exist_ok=True)
        report = tmp_path / "seeds" / "syn-2023.txt"
        text = report.read_text(encoding="utf-8")
        report.write_text(text.replace(DRAFT_CHAPTER_ONE, chapter_one), encoding="utf-8")
        return tmp_path / "targets.yaml"

    return write


@pytest.fixture
def bundled(monkeypatch) -> Path:
    """Return the bundled targets.yaml, which the app then reads."""
    monkeypatch.setenv("TARGETS_FILE", str(BUNDLED))
    return BUNDLED


@pytest.fixture
def bundled_copy(tmp_path, monkeypatch) -> Callable[..., Path]:
    """Return a function that copies the bundled file and seeds/, replacing text, for the app."""

    def copy(replace: Mapping[str, str] | None = None) -> Path:
        shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
        text = BUNDLED.read_text(encoding="utf-8")
        for old, new in (replace or {}).items():
            assert old in text, f"not in targets.yaml: {old!r}"
            text = text.replace(old, new)
        path = tmp_path / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("TARGETS_FILE", str(path))
        return path

    return copy


@pytest.fixture
def open_page() -> Callable[..., object]:
    """Return a function that runs the app on a page (default: the overview) with URL parameters."""
    from streamlit.testing.v1 import AppTest

    def run(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S)
        for key, value in params.items():
            at.query_params[key] = value
        if page is not None:
            at.switch_page(f"views/{page}.py")
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run


#: a count tile's label and count in the overview's tiles (one block of HTML)
TILE = re.compile(r"<dt>(.*?)</dt><dd>(.*?)</dd>", flags=re.S)


def _tile_values(at) -> dict[str, str]:
    """Return each count tile's label and its count as shown, in order."""
    [block] = [e.value for e in at.get("html") if 'class="count-tiles"' in e.value]
    return {html.unescape(label): html.unescape(count) for label, count in TILE.findall(block)}


@pytest.fixture
def tile_values() -> Callable[[object], dict[str, str]]:
    """Return what reads each count tile's label and its count as shown from an AppTest run."""
    return _tile_values


@pytest.fixture
def tile_counts() -> Callable[[object], dict[str, int | None]]:
    """Return what reads each count tile's label without its icon, and its count (None:
    filtered out), from an AppTest run."""

    def read(at) -> dict[str, int | None]:
        return {
            label if label[0].isalnum() else label.split(" ", 1)[1]: None
            if value == "—"
            else int(value.replace(",", ""))
            for label, value in _tile_values(at).items()
        }

    return read


@pytest.fixture
def validated(monkeypatch) -> list[str]:
    """Return the ids of the commitments this process validates from now on
    (record_rules.commitment calls)."""
    import loaders.rules.record_rules as record_rules

    calls: list[str] = []
    validate = record_rules.commitment

    def counted(validator, item, at):
        calls.append(item.get("id"))
        return validate(validator, item, at)

    monkeypatch.setattr(record_rules, "commitment", counted)
    return calls


@pytest.fixture
def load_alone(monkeypatch) -> Callable[[Path], object]:
    """Return a function loading a targets file (and what it includes) as a process that
    remembers nothing: no memo and no disk cache, so every record is validated, here."""
    from loaders.cache.memo import fresh_memo
    from loaders.load.targets import load_targets

    def load(path: Path) -> object:
        """Return the load of the file with nothing remembered."""
        monkeypatch.setenv("TARGETS_CACHE_DIR", "off")
        fresh_memo()
        return load_targets(path)

    return load
