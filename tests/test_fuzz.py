"""Fuzzing the loaders: whatever the YAML or the report text, a result or problems, never a crash.

Random YAML documents shaped like targets.yaml (the real keys and values mixed with random
ones), raw mutations of the real targets.yaml (byte flips, deleted or moved lines, changed
indentation, stray YAML characters), and random report texts (Chinese text, figures, footnote
markers, page numbers, headings, tabs and line breaks). The number of examples comes from the
hypothesis profile (tests/conftest.py): HYPOTHESIS_PROFILE=ci runs many more.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from loaders.load.targets import LoadResult, load_targets, load_targets_text
from loaders.problems import Problem
from loaders.record.export import commitment_rows
from loaders.record.schema import AREA, COMMITMENT, EXCLUSION, OPS, REPORT, SECTIONS, Field
from loaders.texts.matching import FOOTNOTE_MARKER, normalise
from loaders.texts.quotes import closest_passage, find_across_paragraphs, find_quote
from loaders.texts.report import PARTS, parse_report
from loaders.wording import REPORT_KINDS

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TARGETS = (ROOT / "targets.yaml").read_text(encoding="utf-8")
REPORT_2022 = (SEEDS / "2022-03-15-qingcheng-government-work-report.txt").read_text(
    encoding="utf-8"
)
REAL = yaml.safe_load(TARGETS)
REAL_QUOTES = sorted({c["quote"] for c in REAL["commitments"]})

# -- what the checks hold for every result ---------------------------------------------------------


def assert_sound(result: LoadResult, text: str) -> None:
    """Check that a result is well formed: one-line problems with real lines, consistent records."""
    assert isinstance(result, LoadResult)
    assert result.ok == (not result.errors)
    last_line = text.count("\n") + 1
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert len(str(problem).splitlines()) == 1
        assert problem.line is None or 1 <= problem.line <= last_line
    targets = result.targets
    ids = [c.id for c in targets.commitments]
    assert len(ids) == len(set(ids))
    reports = {r.id for r in targets.reports}
    areas = {a.id for a in targets.areas}
    for commitment in targets.commitments:
        assert commitment.report in reports
        assert commitment.area in areas
        assert all(p.source in reports for p in commitment.progress)
    commitment_rows(targets, dt.date(2030, 1, 1))  # the dashboard's rows build from any of it


# -- random YAML documents shaped like targets.yaml ------------------------------------------------

CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    exclude_characters="\x00",
)
RANDOM_TEXT = st.text(CHARS, max_size=20)
REAL_IDS = ["qc-2022", "qc-2024", "qc-stats-2022", "headline", "livelihood", "gdp-growth-2022"]
KEYS = sorted({f.name for fields in (REPORT, AREA, COMMITMENT, EXCLUSION) for f in fields})


def all_fields(fields: tuple[Field, ...]) -> list[str]:
    """Return the names of fields and of their children, recursively."""
    return [name for f in fields for name in (f.name, *all_fields(f.children))]


ANY_KEY = st.one_of(st.sampled_from(KEYS + all_fields(SECTIONS)), RANDOM_TEXT)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)),
    RANDOM_TEXT,
    st.sampled_from(REAL_IDS + REAL_QUOTES + list(OPS) + ["个", "%", "亿元", "2022-03", "6,900"]),
)
ANY_VALUE = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(ANY_KEY, inner, max_size=4)
    ),
    max_leaves=12,
)
GOOD = {
    "slug": st.sampled_from(REAL_IDS),
    "year": st.integers(2019, 2026),
    "date": st.one_of(st.dates(dt.date(2019, 1, 1), dt.date(2026, 1, 1)), st.just("2023-05")),
    "number": st.one_of(st.integers(-10, 10_000), st.floats(-10, 100, allow_nan=False)),
    "text": st.sampled_from(
        REAL_QUOTES + ["个", "%", "2022-03-15-qingcheng-government-work-report.txt"]
    ),
    "op": st.sampled_from(list(OPS)),
    "kind": st.sampled_from(list(REPORT_KINDS)),
    "bool": st.booleans(),
}


@st.composite
def records(draw, fields: tuple[Field, ...]) -> dict:
    """Return a record with most of the fields, mostly plausible values, sometimes random ones."""
    record = {}
    for spec in fields:
        if draw(st.integers(0, 7)) == 0:
            continue  # missing
        if spec.children and spec.type == "list":
            good = st.lists(records(spec.children), max_size=2)
        elif spec.children:
            good = records(spec.children)
        else:
            good = GOOD[spec.type]
        record[spec.name] = draw(st.one_of(good, good, good, ANY_VALUE))
    if draw(st.integers(0, 5)) == 0:
        record[draw(ANY_KEY)] = draw(SCALARS)
    return record


@st.composite
def documents(draw) -> object:
    """Return a document shaped like targets.yaml, or anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(ANY_VALUE)
    document = {}
    for section in SECTIONS:
        if draw(st.integers(0, 9)) == 0:
            continue
        items = st.lists(records(section.children), max_size=4)
        document[section.name] = draw(st.one_of(items, items, items, ANY_VALUE))
    return document


@given(documents(), st.booleans())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_random_yaml_documents_give_records_or_problems(document, flow):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    assert_sound(load_targets_text(text, SEEDS), text)


# -- raw mutations of the real targets.yaml --------------------------------------------------------

STRAY = list(" \t:-#&*!|>'\"[]{}~?,%@`\\") + ["\r", "\n", "\ufeff", "，", "：", "　"]


@st.composite
def mutated_targets(draw) -> bytes:
    """Return the real targets.yaml's bytes after a few random edits."""
    lines = TARGETS.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.integers(0, 6))
        line = lines[index]
        if edit == 0:
            del lines[index]
        elif edit == 1:
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif edit == 2:
            lines[index] = " " * draw(st.integers(0, 8)) + line.lstrip(" ")
        elif edit == 3:
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(STRAY)) + line[at:]
        elif edit == 4 and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[index] = line[:at] + line[at + 1 :]
        elif edit == 5:
            lines[index] = draw(RANDOM_TEXT)
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
    raw = bytearray("\n".join(lines).encode("utf-8"))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):  # byte flips, mostly none
        at = draw(st.integers(0, len(raw) - 1))
        raw[at] = draw(st.integers(0, 255))
    return bytes(raw)


@given(mutated_targets())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_mutated_targets_file_gives_records_or_problems(raw):
    path = _scratch() / "targets.yaml"
    path.write_bytes(raw)
    result = load_targets(path, SEEDS)
    text = raw.decode("utf-8", "replace")
    assert_sound(result, text)
    if result.unreadable:
        assert result.targets.commitments == ()


def _scratch() -> Path:
    """Return a scratch folder for this test run."""
    global _SCRATCH
    if _SCRATCH is None:
        import tempfile

        _SCRATCH = Path(tempfile.mkdtemp(prefix="fuzz-"))
    return _SCRATCH


_SCRATCH: Path | None = None


# -- random report texts -----------------------------------------------------------------------

TOKENS = st.one_of(
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=12),
    st.from_regex(r"\d{1,5}(\.\d{1,2})?", fullmatch=True),
    st.sampled_from(
        [
            "。",
            "，",
            "：",
            "；",
            "！",
            "、",
            "%",
            "个",
            "亿元",
            "以上",
            "左右",
            "以内",
            "〔1〕",
            "［2］",
            "[3]",
            "〔",
            "〕",
            "\n",
            "\n",
            "\n",
            "\n\n",
            "\t",
            " ",
            "　",
            "\r\n",
            "\n— 22 —\n",
            "\n3\n",
            "（一）",
            "（二）",
            "(三)",
            "各位代表：",
            "2021年工作回顾",
            "2022 年工作安排",
            "一、2021年工作回顾",
            "附件",
            "名词解释",
            "1.",
            "2．",
            "持续激发消费活力。",
            "\ufeff",
            "\u3000",
        ]
    ),
)
REPORT_TEXTS = st.lists(TOKENS, max_size=80).map("".join)


@given(REPORT_TEXTS, st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_random_report_texts_give_paragraphs_and_quotes_are_found(text, data):
    document = parse_report(text, "random.txt")
    assert [p.number for p in document.paragraphs] == list(range(1, len(document.paragraphs) + 1))
    for paragraph in document.paragraphs:
        assert paragraph.text and "\n" not in paragraph.text
        assert paragraph.part in PARTS
    quote = data.draw(st.one_of(REPORT_TEXTS, st.sampled_from(REAL_QUOTES)), label="quote")
    assert isinstance(closest_passage(document, quote), str)
    found = find_quote(document, quote)
    if found is not None:
        matched = document.paragraph(found.paragraph).text[found.start : found.end]
        assert normalise(matched) == normalise(quote)
        assert find_across_paragraphs(document, quote) is None
    if document.paragraphs:  # any piece of a paragraph is found, in that paragraph or before
        paragraph = data.draw(st.sampled_from(document.paragraphs), label="paragraph")
        start = data.draw(st.integers(0, len(paragraph.text) - 1), label="start")
        end = data.draw(st.integers(start + 1, len(paragraph.text)), label="end")
        piece = paragraph.text[start:end]
        assume(normalise(piece) and not FOOTNOTE_MARKER.search(paragraph.text))
        assume(not re.search(r"[〔［\[]\s*\d*$|^\s*\d*\s*[〕］\]]", piece))
        found = find_quote(document, piece)
        assert found is not None and found.paragraph <= paragraph.number


@given(st.data())
def test_quotes_against_the_real_report_are_found_or_get_a_passage(data):
    document = _real_document()
    quote = data.draw(st.sampled_from(REAL_QUOTES), label="quote")
    chars = list(quote)
    for _ in range(data.draw(st.integers(0, 3), label="edits")):
        at = data.draw(st.integers(0, len(chars)), label="at")
        chars.insert(at, data.draw(st.sampled_from(list("0123456789一二，。 \n〔1〕")), label="c"))
    changed = "".join(chars)
    passage = closest_passage(document, changed)
    assert passage and passage in "\n".join(p.text for p in document.paragraphs)
    if changed == quote and quote in REPORT_2022.replace("\n", ""):
        assert find_quote(document, changed) is not None


_DOCUMENT = []


def _real_document():
    """Return the 2022 report's document, read once."""
    if not _DOCUMENT:
        _DOCUMENT.append(parse_report(REPORT_2022, "2022.txt"))
    return _DOCUMENT[0]
