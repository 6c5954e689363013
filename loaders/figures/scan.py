"""Find every figure in a report's text: the number, its unit, its comparator and its clause.

A figure is a number that counts or measures something: 6900个, 1.2万人次, 10.0 %, 3个百分点,
前二十名, 4A级, 三所. The text is read as PDF extraction leaves it: full-width digits (６９００),
spaces and line breaks between a number and its unit (``85.6\\n公里``), line breaks inside a
number, 万/亿 multipliers, Chinese numerals (三个, 十件, 两所).

Numbers that are no figure are dropped:

- years, dates and times (2022年, 2022 年度, 〔2021〕, 3月15日, 2021—2025年, 2025-01-10 20:16),
  document and line numbers (1号, 3号线), versions (3.0版本; a bare 5.0), anniversaries (100周年);
- ordinals: 第八次, 十九届, 八届三次, 党的十九大, 五大产业 (but 第28名 and 全省第1 are ranks);
- list, chapter and footnote numbers: （一）, (1), 1., 一是, 〔3〕, ①, and numbers written with a
  leading zero (01 扩投资, 02 强产业: item numbers and codes);
- numbers inside quotation marks or book-title marks: “十四五”, “六稳”, “美丽乡村 2025”,
  《…2021年…》 — slogans and names;
- numbers glued to Latin letters: 5G, PM2.5, G207, CO2 (but 4A级 is a grade, 10 kV a voltage);
- a number with no unit, unless the wording compares it (控制在 3.0 以内) or it is a ratio;
- Chinese numerals with no unit (十四五, 一二三产业), a lone 一 (一批, 一张网) and bare 百/千/万.

Some figures are kept but read as names or labels rather than amounts (``label`` says why):
counts in Chinese numerals followed by a noun (十件民生实事, 三项工程, 两个合作区 — the national
rule for numbers in print, GB/T 15835, keeps Chinese numerals for fixed expressions), voltages
(500千伏 names a line), ages (80岁以上老人), money thresholds that qualify a noun
(超10亿元项目, 50亿元以上重大项目), a grade or a time whose clause counts the things they name
(4A级旅游景区2家, 15分钟医保服务圈站点40个), years in Chinese numerals (关键五年: a period),
counts of monitored sites (3个国控站点, 2个国考断面: the state's sites, named), a difference
from last year right after the figure it restates (达到6家，比去年增加2家), a count of the year's
work — its areas (做好以下6个方面工作), its promised projects (办好10件民生实事) or, in a sentence
about the work to do, its tasks (突出抓好以下八项工作) — in digits or Chinese numerals, and the
ordinals of a list of meetings (七次、八次全会; 第八次 and 十九届 are no figure).

The words this reads (units, multipliers, comparators, commitment cues) are in loaders.wording.
The module is longer than most (about 780 lines) because _Scanner is one pass over a paragraph
whose steps share its state (folded text, clause boundaries, quoted spans); split, each part
would need all of it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from loaders.texts.matching import FOOTNOTE_MARKER
from loaders.texts.report import Document, Paragraph
from loaders.texts.script import simplified_table
from loaders.wording import (
    AGE_UNITS,
    BUILDING_VERBS,
    CN_UNITS,
    COMMITMENT_CUES,
    COUNT_UNITS,
    FALL_WORDS,
    GRADE_UNITS,
    MAX_QUALIFIER_WORDS,
    MEASURE_UNITS,
    MEETING_WORDS,
    MONITORED_SITE_WORDS,
    MULTIPLIERS,
    NAMING_UNITS,
    NOT_COMPARATOR_BEFORE,
    NOT_FIGURE_UNITS,
    PERCENT_UNITS,
    PERIOD_WORDS,
    POINT_UNITS,
    POST_COMPARATORS,
    PRE_COMPARATORS,
    PROMISED_WORKS,
    QUALIFIED_NOUNS,
    RANK_CONTEXT,
    RANK_UNITS,
    TIME_UNITS,
    VOLTAGE_UNITS,
    WORK_AREA_WORDS,
    WORK_COUNT_UNITS,
    WORK_TO_DO_WORDS,
    WORK_WORDS,
)

# ---- characters ----------------------------------------------------------------------------

# Full-width forms folded one for one, so offsets in the folded text are offsets in the original.
# Superscript digits and circled numbers are footnote marks: they become spaces.
_FOLD = simplified_table() | str.maketrans(
    "０１２３４５６７８９．％／：，Ａ\u3000～－¹²³⁰⁴⁵⁶⁷⁸⁹①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "0123456789.%/:,A ~-" + " " * 30,
)

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_BIG)

_ALL_UNITS = sorted(
    {
        *COUNT_UNITS,
        *MEASURE_UNITS,
        *TIME_UNITS,
        *VOLTAGE_UNITS,
        *AGE_UNITS,
        *RANK_UNITS,
        *GRADE_UNITS,
        *NOT_FIGURE_UNITS,
    },
    key=len,
    reverse=True,
)
_UNIT_PATTERN = "|".join(re.escape(u) for u in _ALL_UNITS)
_MULT_PATTERN = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))

# What may follow a number written in digits: a percentage or points, else an optional
# multiplier, an optional 余/多 and an optional unit, then an optional per-unit (/立方米).
_DIGIT_TAIL = re.compile(
    r"\s*(?:"
    r"(?P<points>个百分点|百分点)"
    r"|(?P<percent>%|‰)"
    r"|(?P<grade>A\s*级)"  # 4A级, and 5 A 级 as PDF extraction spaces it
    rf"|(?P<whole>{_UNIT_PATTERN})"  # 千伏, 千米: the unit, not the multiplier 千
    rf"|(?P<mult>{_MULT_PATTERN})?(?P<approx>余|多)?(?P<unit>{_UNIT_PATTERN})?"
    r")"
    rf"(?:/(?P<per>{_UNIT_PATTERN}))?"
)
_CN_TAIL = re.compile(
    r"(?P<approx>余|多)?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(CN_UNITS, key=len, reverse=True))
    + ")"
)
_POST_COMPARATOR = re.compile(r"\s*(" + "|".join(POST_COMPARATORS) + ")")
_RANGE = re.compile(r"\s*([—–~至到-])\s*(?=[\d" + _CN_CHARS + "])")
_SHARED_UNIT = re.compile(r"\s*[、和与及]\s*(?=\d)")
_RATIO = re.compile(r"(?:\s*:\s*\d+(?:\.\d+)?)+")
_TIME_AFTER_DATE = re.compile(r"(?:\d-\d{1,2}|\d日|[午晚])\s*(?:[01]?\d|2[0-3]):[0-5]\d$")

# A number in digits: line breaks (PDF wrapping) may fall between its characters.
_TOKEN = re.compile(r"\d(?:(?:[ \t]*\n[ \t]*)?[\d.,])*|[" + _CN_CHARS + r"]+")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")

# ---- comparators and cues ------------------------------------------------------------------

_PRE_OP = {word: op for op, words in PRE_COMPARATORS.items() for word in words}
_PRE_AT_END = re.compile(
    "(?:" + "|".join(re.escape(w) for w in sorted(_PRE_OP, key=len, reverse=True)) + r")\s*$"
)
_PRE_ANYWHERE = re.compile("|".join(re.escape(w) for w in sorted(_PRE_OP, key=len, reverse=True)))
_CUE_PATTERN = re.compile("|".join(COMMITMENT_CUES))
PRE_WINDOW = 10

_CLAUSE_BOUNDARY = re.compile(r"[。；！？，;!?]|,(?!\d)|:(?!\d)")
# ◆ 一般公共预算收入：增长6%: a list item naming its indicator before a colon; the colon binds
# the name to the figure (the clause holds both) when the item has no sentence (no 。)
_ITEM_HEAD = re.compile(
    r"\s*(?:[■□●○◆◇▲△▶►•★☆·・‧]\s*|\d{1,2}\s*[.、](?!\d)\s*|0\d\s+)?"
    r"[^\s:,。；;、!?！？]{2,14}:(?!\d)"
)
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_SPACE = re.compile(r"\s+")
_YEAR_LINKS = ("-", "—", "–", "~", "/", ".", "至", "到")
_QUOTED = re.compile(
    r"“[^“”\n]{0,60}”|‘[^‘’\n]{0,60}’|「[^「」\n]{0,60}」|《[^《》\n]{0,80}》|\"[^\"\n]{0,60}\""
)
_LIST_NUMBER_BEFORE = ("", "。", "；", ":", "！", "？", "(", "（")
_LETTERS = re.compile(r"[A-Za-z]")
_HOSPITAL_GRADE = re.compile(r"(?:[甲乙丙]等|医院|综合医院|中医医院)")
# 50亿元以上重大项目: a few words may stand between a threshold and the projects it qualifies
_QUALIFIED = re.compile(
    rf"的?[\u4e00-\u9fff]{{0,{MAX_QUALIFIER_WORDS}}}?(?:{'|'.join(QUALIFIED_NOUNS)})"
)
# 超10亿元的重大项目: a comparator before an amount that qualifies projects makes a threshold
_THRESHOLD_BEFORE = ("超", "超过", "逾", "高于", "不低于", "不少于")
# 15分钟生活圈, 24小时自助图书馆: a time right before a noun names the kind of thing
NAMING_TIME_UNITS = ("分钟", "小时")
_NOT_A_NOUN_AFTER_TIME = "内以左之、和与及至到"

LABEL_CHINESE_NUMERAL = "Chinese numerals before a noun: a name, not an amount"
LABEL_VOLTAGE = "a voltage: names a power line or substation"
LABEL_AGE = "an age: says who is meant, not how many"
LABEL_MONITORED = "a count of monitored sites (3个国控站点): names the sites, not an amount"
LABEL_THRESHOLD = "a threshold: qualifies what is counted"
LABEL_GRADE_CLASS = "a grade of what its clause counts: names the kind, the count is the amount"
LABEL_TIME_NAME = (
    "a time naming what its clause counts (15分钟生活圈站点40个): the count is the amount"
)
LABEL_PERIOD = "Chinese numerals before 年: a period (关键五年), not an amount"
LABEL_DIFFERENCE = (
    "a difference from last year after the figure it follows (达到6家，比去年增加2家): restates it"
)
# 比去年增加, 较上年多: a clause that opens with the change from last year
_DIFFERENCE_OPENING = re.compile(
    r"\s*[比较](?:去年|上年|上一年)(?:同期)?\s*(?:增加|减少|新增|多出|多|少)了?\s*$"
)
_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
#: a fall written right before its figure (同比下降2.1%, 减少了300人, 负增长1.2%); 回落至 and
#: 下降到 give the level reached, not the fall
_FALL_BEFORE = re.compile(
    r"(?:" + "|".join(sorted(FALL_WORDS, key=len, reverse=True)) + r")了?\s*(?:[约近]\s*)?$"
)
#: a written minus (增长-2.1%, 为-19.9%): not the link of a range (5-6%), which follows a digit
_MINUS = "-−－"
LABEL_WORK_AREAS = (
    "a count of the year's work areas, tasks or promised projects (做好以下6个方面工作, "
    "十件民生实事): names them, not an amount"
)
LABEL_ORDINAL = "a meeting's ordinal (七次、八次全会): names the meeting, not an amount"
_WORK_QUALIFIER = rf"[\u4e00-\u9fff]{{0,{MAX_QUALIFIER_WORDS}}}?"
# 做好以下6个方面工作, 办好10件民生实事, 抓好以下八项重点工作: what a count of work names
_WORK_AREAS = re.compile("|".join(WORK_AREA_WORDS))
_PROMISED = re.compile(rf"{_WORK_QUALIFIER}(?:{'|'.join(PROMISED_WORKS)})")
_TASKS = re.compile(rf"{_WORK_QUALIFIER}(?:{'|'.join(WORK_WORDS)})+(?![\u4e00-\u9fff])")
_WORK_TO_DO = re.compile("|".join(WORK_TO_DO_WORDS))
# 七次、八次全会: the ordinals of a list of meetings, only the last naming the meeting
_MEETING = re.compile(rf"(?:\s*、\s*(?:\d+|[{_CN_CHARS}]+)\s*次)*\s*(?:{'|'.join(MEETING_WORDS)})")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a text: number, unit, comparator, clause and where it is."""

    text: str  # the figure as written, number and unit: "6900个", "1.2万人次", "10.0 %"
    number: str  # the number as written: "6900", "1.2", "二十"
    value: float | None  # the number in `unit` (1.2 for 1.2万人次); None for a ratio
    unit: str  # the unit as written, multiplier included: "万人次", "%", "个百分点"
    base_value: float | None  # the number in `base_unit` (12000 for 1.2万人次)
    base_unit: str  # the unit without its multiplier: "人次"
    op: str  # ">=", "<=", "~" as the wording says, or "=" when it says nothing
    measure: str  # amount, percent, points, rank, grade or ratio
    clause: str  # the clause the figure sits in, line breaks removed
    start: int  # where `text` starts in the text searched (the paragraph's text)
    end: int
    cues: tuple[str, ...] = ()  # the words op and the commitment were read from: 力争, 以上
    label: str | None = None  # why the figure reads as a name or label, not an amount
    high: float | None = None  # the upper end of a range (5%—5.5%)
    paragraph: int = 0  # the paragraph number (find_figures), 0 for plain text
    part: str = ""  # the paragraph's part: front, review, plan or annex
    direction: int = 1  # -1 for a fall: 下降2.1%, 减少, 回落, 负增长, or a written minus (-2.1%)

    @property
    def signed_value(self) -> float | None:
        """Return the value with its direction: -2.1 for 下降2.1% or -2.1%."""
        return None if self.value is None else self.direction * self.value


def find_figures(document: Document) -> list[Figure]:
    """Return every figure of a document, paragraph by paragraph, with paragraph and part set."""
    figures: list[Figure] = []
    for paragraph in document.paragraphs:
        figures += paragraph_figures(paragraph)
    return figures


def paragraph_figures(paragraph: Paragraph) -> list[Figure]:
    """Return every figure of one paragraph of a document, with paragraph and part set (a
    paragraph's figures depend on its text alone)."""
    return _Scanner(paragraph.text, paragraph.number, paragraph.part).figures()


def folded(text: str) -> str:
    """Return text as the scanner reads it: full-width forms and traditional characters folded
    one for one (a figure's cue words are words of this text)."""
    return text.translate(_FOLD)


def figures_in_text(text: str) -> list[Figure]:
    """Return every figure in a text, in order; spans are offsets in the text."""
    return list(_figures_of(text))


#: texts whose figures are remembered: a reload after a save scans every quote again, and the
#: quotes of a province's record are about 360,000 (a text's figures depend on it alone)
SCANNED_TEXTS = 1 << 17


@functools.lru_cache(maxsize=SCANNED_TEXTS)
def _figures_of(text: str) -> tuple[Figure, ...]:
    """Return every figure in a text, in order (remembered by text)."""
    return tuple(_Scanner(text).figures())


def chinese_number(text: str) -> int | None:
    """Return the value of a Chinese numeral (二十 → 20, 两万 → 20000), or None if malformed."""
    total = section = 0
    digit: int | None = None
    last_small = 10_000
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None and digit != 0 and _CN_DIGITS[ch] != 0:
                return None  # 一二, 十四五: a sequence, not a number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            size = _CN_SMALL[ch]
            if size >= last_small:
                return None
            section += (digit if digit else 1) * size if digit != 0 else 0
            digit, last_small = None, size
        else:
            total += (section + (digit or 0)) * _CN_BIG[ch]
            section, digit, last_small = 0, None, 10_000
    return total + section + (digit or 0)


def scaled(value: float, multiplier: int) -> float:
    """Return value × multiplier without binary noise (1.1 × 10⁸ = 110000000, not …0001)."""
    return float(round(value * multiplier, 6)) if multiplier != 1 else value


def unit_multiplier(unit: str) -> tuple[int, str]:
    """Return the multiplier a unit carries and the unit without it (万人次 → 10000, 人次)."""
    for prefix in sorted(MULTIPLIERS, key=len, reverse=True):
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest and rest in _ALL_UNITS:
            return MULTIPLIERS[prefix], rest
    if unit in MULTIPLIERS:
        return MULTIPLIERS[unit], ""
    return 1, unit


@dataclass(slots=True)
class _Reading:
    """A number read from the text with its unit, before its comparator and clause are known."""

    start: int  # where the number starts
    end: int  # where the number ends
    unit_end: int  # where its unit ends (end when it has none)
    number: str  # as written: "6900", "1.2", "二十"
    value: float
    unit: str = ""  # without the multiplier: "人次" of 1.2万人次
    mult: str | None = None  # the multiplier: 万, 亿, 千万 …
    approx: str | None = None  # 余 or 多 (1.8万余个): at least
    per: str | None = None  # the unit after a slash (元/立方米)


class _Scanner:
    """One pass over a text: tokens, then each token's unit, comparator and clause."""

    def __init__(self, text: str, paragraph: int = 0, part: str = ""):
        self.text = text
        self.paragraph = paragraph
        self.part = part
        self.folded = text.translate(_FOLD)
        self.blocked = self._blocked_spans()
        self.boundaries = [m.start() for m in _CLAUSE_BOUNDARY.finditer(self.folded)]
        head = _ITEM_HEAD.match(self.folded)
        if head and "。" not in self.folded:
            self.boundaries.remove(head.end() - 1)

    def _blocked_spans(self) -> list[tuple[int, int]]:
        """Return the sorted spans of quoted text and footnote markers."""
        spans = [m.span() for m in _QUOTED.finditer(self.folded)]
        spans += [m.span() for m in FOOTNOTE_MARKER.finditer(self.folded)]
        return sorted(spans)

    def _is_blocked(self, position: int) -> bool:
        """Return True when position is inside quotation marks or a footnote marker."""
        index = bisect_right(self.blocked, (position, len(self.folded) + 1)) - 1
        return index >= 0 and self.blocked[index][0] <= position < self.blocked[index][1]

    def clause_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the clause around [start, end)."""
        before = bisect_left(self.boundaries, start)
        clause_start = self.boundaries[before - 1] + 1 if before else 0
        after = bisect_left(self.boundaries, end)
        clause_end = self.boundaries[after] if after < len(self.boundaries) else len(self.text)
        return clause_start, clause_end

    def clause(self, start: int, end: int) -> str:
        """Return the clause around [start, end), line breaks removed."""
        clause_start, clause_end = self.clause_span(start, end)
        return _LINE_BREAK.sub("", self.text[clause_start:clause_end]).strip()

    def figures(self) -> list[Figure]:
        """Return the figures of the text, in order."""
        found: list[Figure] = []
        consumed = 0
        for token in _TOKEN.finditer(self.folded):
            if token.start() < consumed or self._is_blocked(token.start()):
                continue
            figure = self.read(token, consumed)
            if figure is not None:
                consumed = figure.end
                found.append(figure)
        return self._differences_from_last_year(self._kinds_of_counts(found))

    def _names_a_kind(self, figure: Figure) -> bool:
        """Return True for a grade, or a time right before a noun (15分钟生活圈, not 30分钟以内)."""
        if figure.measure == "grade":
            return True
        after = self.folded[figure.end : figure.end + 1]
        return (
            figure.unit in NAMING_TIME_UNITS
            and "\u4e00" <= after <= "\u9fff"
            and after not in _NOT_A_NOUN_AFTER_TIME
        )

    def _kinds_of_counts(self, found: list[Figure]) -> list[Figure]:
        """Return the figures with a grade or a naming time labelled when its clause counts
        what it names.

        In 新创建国家4A级旅游景区2家 the commitment is 2家; 4A级 says which kind is counted, as
        15分钟 does in 新建15分钟医保服务圈站点40个.
        """
        for index, figure in enumerate(found):
            if figure.label is not None or not self._names_a_kind(figure):
                continue
            clause_end = self.clause_span(figure.start, figure.end)[1]
            if any(
                other.start < clause_end
                and other.measure == "amount"
                and other.label is None
                and other.base_unit in COUNT_UNITS
                for other in found[index + 1 :]
            ):
                label = LABEL_GRADE_CLASS if figure.measure == "grade" else LABEL_TIME_NAME
                found[index] = replace(figure, label=label)
        return found

    def _differences_from_last_year(self, found: list[Figure]) -> list[Figure]:
        """Return the figures with a difference from last year labelled when it follows, in the
        next clause of the same sentence, a figure of the same unit: 达到6家，比去年增加2家."""
        for index in range(1, len(found)):
            figure, previous = found[index], found[index - 1]
            if (
                figure.label is not None
                or previous.label is not None
                or figure.base_unit != previous.base_unit
                or figure.measure != "amount"
                or previous.measure != "amount"
            ):
                continue
            clause_start = self.clause_span(figure.start, figure.end)[0]
            if (
                previous.end <= clause_start
                and _DIFFERENCE_OPENING.match(self.folded, clause_start, figure.start)
                and not _SENTENCE_BREAK.search(self.folded, previous.end, clause_start)
                and self.clause_span(previous.start, previous.end)[1] == clause_start - 1
            ):
                found[index] = replace(figure, label=LABEL_DIFFERENCE)
        return found

    # -- reading one token -------------------------------------------------------------------

    def read(self, token: re.Match, previous_end: int) -> Figure | None:
        """Return the figure that starts at a token, or None when the token is no figure."""
        if token.group()[0].isdigit():
            return self.read_digits(token, previous_end)
        return self.read_chinese(token, previous_end)

    def read_digits(self, token: re.Match, previous_end: int) -> Figure | None:
        """Return the figure of a number written in digits, or None."""
        folded = self.folded
        start = token.start()
        number_match = _NUMBER.match(_SPACE.sub("", token.group()))
        if number_match is None:
            return None
        number = number_match.group()
        if len(number) > 1 and number[0] == "0" and number[1].isdigit():
            return None  # 01, 02: an item number or a code, never written so as an amount
        end = start + _span_of_chars(token.group(), len(number))
        before = folded[start - 1 : start]
        if before and _LETTERS.match(before):
            return None  # PM2.5, G207, CO2
        if self._is_list_number(start, end):
            return None
        tail = _DIGIT_TAIL.match(folded, end)
        if tail is None:  # pragma: no cover - every part of the pattern is optional
            return None
        unit = (
            tail.group("points")
            or tail.group("percent")
            or tail.group("whole")
            or tail.group("unit")
            or ("A级" if tail.group("grade") else "")
        )
        mult, approx, per = tail.group("mult"), tail.group("approx"), tail.group("per")
        unit_end = tail.end() if (unit or mult) else end
        if _LETTERS.match(folded[unit_end : unit_end + 1]):
            return None  # 5G, 3D
        if self._is_year_or_date(number, unit, mult, end):
            return None
        if unit in NOT_FIGURE_UNITS:
            return None
        reading = _Reading(
            start, end, unit_end, number, float(number.replace(",", "")), unit, mult, approx, per
        )
        if folded[max(0, start - 2) : start].strip() == "第":
            return self.ordinal_or_rank(reading)
        if before == "前" and (unit in RANK_UNITS or (not unit and self._ends_clause(end))):
            return self.rank(reading, start - 1, unit_end, "<=")
        if not unit and not mult:
            ratio = _RATIO.match(folded, end)
            if ratio and _TIME_AFTER_DATE.search(folded, 0, ratio.end()):
                return None  # 2025-01-10 20:16, 1月10日 9:30: a time
            if ratio:
                text = number + _SPACE.sub("", ratio.group())
                return self.make(
                    start, ratio.end(), number=text, value=None, unit="", op="=", measure="ratio"
                )
        return self.finish(reading, previous_end)

    def read_chinese(self, token: re.Match, previous_end: int) -> Figure | None:
        """Return the figure of a Chinese numeral with its unit (三所, 前二十名), or None."""
        folded = self.folded
        start, numeral = token.start(), token.group()
        previous_char = folded[start - 1 : start]
        tail = None
        # a token such as 十九大 or 十二届十五次 holds several words: read the longest valid prefix
        for length in range(len(numeral), 0, -1):
            candidate = _CN_TAIL.match(folded, start + length)
            if candidate and chinese_number(numeral[:length]) is not None:
                numeral, tail = numeral[:length], candidate
                break
        value = chinese_number(numeral)
        if not value or not any(ch in _CN_DIGITS or ch == "十" for ch in numeral):
            return None  # 百亿, 千方百计; 十四五
        if previous_char and previous_char in _CN_CHARS:
            return None  # inside a longer numeral word
        end = start + len(numeral)
        if numeral == "一" and previous_char not in ("第", "前"):
            return None  # 一批, 一张网, 一体化
        if tail is None:
            reading = _Reading(start, end, end, numeral, float(value))
            if previous_char == "前" and self._ends_clause(end):
                return self.rank(reading, start - 1, end, "<=")  # 全省前三
            if previous_char == "第":
                return self.ordinal_or_rank(reading)  # 排名第一
            return None
        unit, unit_end = tail.group("unit"), tail.end()
        if unit in ("届", "大", "周年") or (previous_char == "届" and unit == "次"):
            return None  # 十九届, 十九大, 八届三次
        if unit == "年" and folded.endswith(PERIOD_WORDS, 0, start):
            return None  # 今后五年, 连续三年: a period, not an amount
        if previous_char in ("第", "前"):
            reading = _Reading(start, end, unit_end, numeral, float(value), unit)
            if previous_char == "第":
                return self.ordinal_or_rank(reading)
            if unit in RANK_UNITS:
                return self.rank(reading, start - 1, unit_end, "<=")
        if unit == "级" and _HOSPITAL_GRADE.match(folded, unit_end):
            return self.make(
                start, unit_end, number=numeral, value=value, unit=unit, op="=", measure="grade"
            )
        mult = None
        if numeral[-1] in _CN_BIG and len(numeral) > 1:
            mult, numeral, end = numeral[-1], numeral[:-1], end - 1
            value = chinese_number(numeral) or 0
        reading = _Reading(
            start, end, unit_end, numeral, float(value), unit, mult, tail.group("approx")
        )
        figure = self.finish(reading, previous_end)
        if figure is None or figure.measure != "amount" or figure.label is not None:
            return figure
        if not self._ends_clause(figure.end, allow=tuple(POST_COMPARATORS)) and not (
            unit not in NAMING_UNITS and folded.endswith(BUILDING_VERBS, 0, start)
        ):
            figure = replace(figure, label=LABEL_CHINESE_NUMERAL)
        elif unit == "年" and figure.op == "=":
            figure = replace(figure, label=LABEL_PERIOD)  # 关键五年 (缩短至两年 compares)
        return figure

    # -- kinds of figure ---------------------------------------------------------------------

    def ordinal_or_rank(self, reading: _Reading) -> Figure | None:
        """Return a rank (第28名, 全省第1, 排名第一), or None for an ordinal (第八次)."""
        ordinal_start = self.folded.rfind("第", 0, reading.start)
        if reading.unit in ("名", "位"):
            return self.rank(reading, ordinal_start, reading.unit_end, "=")
        if not reading.unit and self._ends_clause(reading.end):
            context = self.folded[max(0, ordinal_start - 6) : ordinal_start]
            if any(word in context for word in RANK_CONTEXT):
                return self.rank(reading, ordinal_start, reading.end, "=")
        return None

    def rank(self, reading: _Reading, start: int, end: int, op: str) -> Figure:
        """Return a rank figure over [start, end): 前二十名 (at most 20th), 第28名 (28th)."""
        unit = reading.unit
        return self.make(
            start,
            end,
            number=reading.number,
            value=reading.value,
            unit=unit,
            base_unit=unit or "名",
            op=op,
            measure="rank",
        )

    def finish(self, reading: _Reading, previous_end: int) -> Figure | None:
        """Return an amount, percentage, points or grade figure with its comparator, or None."""
        folded = self.folded
        start, unit_end, value, unit, mult = (
            reading.start,
            reading.unit_end,
            reading.value,
            reading.unit,
            reading.mult,
        )
        clause_start, _ = self.clause_span(start, unit_end)
        window_start = max(clause_start, previous_end, start - PRE_WINDOW)
        window = folded[window_start:start]
        if not unit and not mult:
            linked = self.linked(reading)
            if linked is not None or not _PRE_AT_END.search(window):
                return linked  # a bare number is a name (营商环境 5.0), a code or a list number
        op, cues = "=", []
        pre = None
        for match in _PRE_ANYWHERE.finditer(window):
            at = window_start + match.start()
            before = folded[at - 1] if at else ""
            if not before or before not in NOT_COMPARATOR_BEFORE.get(match.group(), ""):
                pre = match.group()
        if pre:
            op = _PRE_OP[pre]
            cues.append(pre)
        if reading.approx:
            op = ">="
            cues.append(reading.approx)
        post = _POST_COMPARATOR.match(folded, unit_end)
        if post:
            op = POST_COMPARATORS[post.group(1)]
            cues.append(post.group(1))
        cues = _CUE_PATTERN.findall(folded, clause_start, start) + cues
        base_unit = unit + (f"/{reading.per}" if reading.per else "")
        minus = (
            start > 0
            and folded[start - 1] in _MINUS
            and not folded[start - 2 : start - 1].isdigit()
        )
        falls = minus or _FALL_BEFORE.search(folded, clause_start, start) is not None
        figure = self.make(
            start,
            unit_end,
            number=reading.number,
            value=value,
            unit=(mult or "") + base_unit,
            base_unit=base_unit,
            op=op,
            measure=_measure(unit),
            cues=tuple(cues),
            base_value=scaled(value, MULTIPLIERS.get(mult or "", 1)),
            label=self._label(
                unit,
                post.end() if post else unit_end,
                compared=post is not None or pre in _THRESHOLD_BEFORE,
                clause_start=clause_start,
            ),
            direction=-1 if falls else 1,
        )
        return self.extend_to_range(figure)

    def linked(self, reading: _Reading) -> Figure | None:
        """Return a unit-less number as a range's low end (5—5.5%) or with the next unit (7和8.5%)."""
        start, end, number, value = reading.start, reading.end, reading.number, reading.value
        link = _RANGE.match(self.folded, end) or _SHARED_UNIT.match(self.folded, end)
        if link is None:
            return None
        following = _TOKEN.match(self.folded, link.end())
        upper = self.read(following, end) if following else None
        if upper is None or not upper.unit or upper.value is None or upper.measure == "rank":
            return None
        multiplier, _ = unit_multiplier(upper.unit)
        if link.group().strip() in "、和与及":
            return replace(
                upper,
                text=self.text[start:end],
                number=number,
                value=value,
                base_value=scaled(value, multiplier),
                start=start,
                end=end,
                high=None,
                clause=self.clause(start, end),
            )
        return replace(
            upper,
            text=_LINE_BREAK.sub("", self.text[start : upper.end]),
            number=f"{number}{link.group().strip()}{upper.number}",
            value=value,
            base_value=scaled(value, multiplier),
            start=start,
            high=upper.value,
            clause=self.clause(start, upper.end),
        )

    def extend_to_range(self, figure: Figure) -> Figure:
        """Return the figure extended to a range (5%—5.5%, 3个至5个) when one follows."""
        dash = _RANGE.match(self.folded, figure.end)
        if dash is None:
            return figure
        following = _TOKEN.match(self.folded, dash.end())
        upper = self.read(following, figure.end) if following else None
        if upper is None or upper.value is None or upper.unit != figure.unit:
            return figure
        return replace(
            figure,
            text=_LINE_BREAK.sub("", self.text[figure.start : upper.end]),
            number=f"{figure.number}{dash.group().strip()}{upper.number}",
            op=upper.op if upper.op != "=" else figure.op,
            cues=tuple(dict.fromkeys(figure.cues + upper.cues)),
            end=upper.end,
            high=upper.value,
            clause=self.clause(figure.start, upper.end),
        )

    def make(
        self,
        start: int,
        end: int,
        *,
        number: str,
        value: float | None,
        unit: str,
        op: str,
        measure: str,
        base_unit: str | None = None,
        cues: tuple[str, ...] = (),
        base_value: float | None = None,
        label: str | None = None,
        direction: int = 1,
    ) -> Figure:
        """Return a Figure spanning [start, end) of the text (base unit and value: as given)."""
        return Figure(
            text=_LINE_BREAK.sub("", self.text[start:end]),
            number=number,
            value=value,
            unit=unit,
            base_value=value if base_value is None else base_value,
            base_unit=unit if base_unit is None else base_unit,
            op=op,
            measure=measure,
            clause=self.clause(start, end),
            start=start,
            end=end,
            cues=cues,
            label=label,
            paragraph=self.paragraph,
            part=self.part,
            direction=direction,
        )

    # -- tests on the surroundings -----------------------------------------------------------

    def _label(
        self, unit: str, after: int, compared: bool = False, clause_start: int = 0
    ) -> str | None:
        """Return why a figure with this unit reads as a name or qualifier, or None.

        `after` is where the figure (with its comparator, if `compared`) ends; `clause_start`
        where its clause starts.
        """
        if unit in WORK_COUNT_UNITS and self._counts_work(unit, after, clause_start):
            return LABEL_WORK_AREAS
        if unit == "次" and _MEETING.match(self.folded, after):
            return LABEL_ORDINAL
        if unit in VOLTAGE_UNITS:
            return LABEL_VOLTAGE
        if unit in AGE_UNITS:
            return LABEL_AGE
        if unit == "个" and self.folded.startswith(MONITORED_SITE_WORDS, after):
            return LABEL_MONITORED
        if unit == "元" and (
            self.folded.startswith(QUALIFIED_NOUNS, after)
            or (compared and _QUALIFIED.match(self.folded, after))
        ):
            return LABEL_THRESHOLD
        if self.folded.startswith("的", after) and _POST_COMPARATOR.match(self.folded, after - 2):
            return LABEL_THRESHOLD  # 10万元以下的村, 500万元以上的企业
        return None

    def _counts_work(self, unit: str, after: int, clause_start: int) -> bool:
        """Return True when a count names the year's work: its areas (6个方面), its promised
        projects (10件民生实事) or, after 做好/抓好/以下…, its tasks (以下八项工作)."""
        folded = self.folded
        if unit == "方面" or _WORK_AREAS.match(folded, after):
            return True
        if _PROMISED.match(folded, after):
            return True
        return bool(_TASKS.match(folded, after) and _WORK_TO_DO.search(folded, clause_start, after))

    def _ends_clause(self, position: int, allow: tuple[str, ...] = ()) -> bool:
        """Return True when only a comparator (if allowed) stands before the clause's end."""
        rest = self.folded[position : position + 6].lstrip()
        for word in allow:
            if rest.startswith(word):
                rest = rest[len(word) :].lstrip()
                break
        return not rest or _CLAUSE_BOUNDARY.match(rest) is not None or rest[0] in "）)”"

    def _is_list_number(self, start: int, end: int) -> bool:
        """Return True for 1. 1、 and (1) opening a clause: list numbers, not figures."""
        folded = self.folded
        after = folded[end : end + 1]
        before = folded[:start].rstrip(" \t\n")[-1:]
        if after in (")", "）") and before in ("(", "（"):
            return True
        if after in (".", "、") and not folded[end + 1 : end + 2].isdigit():
            return before in _LIST_NUMBER_BEFORE
        return False

    def _is_year_or_date(self, number: str, unit: str, mult: str | None, end: int) -> bool:
        """Return True for years (2022年, 2021全省, 〔2021〕, 2021—2025) and dates (3月, 15日)."""
        if unit in ("月", "日", "号"):
            return True
        if mult or len(number) != 4 or not number.isdigit() or not 1900 <= int(number) <= 2100:
            return False
        return unit in ("", "年") or self.folded[end : end + 1] in _YEAR_LINKS


def _measure(unit: str) -> str:
    """Return what a unit measures: percent, points, grade or amount."""
    if unit in PERCENT_UNITS:
        return "percent"
    if unit in POINT_UNITS:
        return "points"
    if unit in GRADE_UNITS:
        return "grade"
    if unit == "强":
        return "rank"
    return "amount"


def _span_of_chars(token: str, count: int) -> int:
    """Return the length of the prefix of token that holds `count` non-space characters."""
    seen = 0
    for index, ch in enumerate(token):
        if not ch.isspace():
            seen += 1
            if seen == count:
                return index + 1
    return len(token)
