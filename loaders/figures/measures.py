"""What a figure measures, read from its clause: the subject, carried from an earlier clause
that names it ("地区生产总值128亿元，增长5.2%"), or from a list ("A、B、C分别增长x%、y%、z%"),
never from a sub-measure (其中…, 第一产业…) to its parent; whether it is a change (增长, 下降)
or a level; and how alike two measures are (Dice over two-character words, after folding
traditional characters, abbreviations and common words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.figures.scan import Figure, figures_in_text
from loaders.texts.script import to_simplified
from loaders.wording import MEASURE_STOP_WORDS, words

#: the same measure written another way, folded to one spelling before comparing
SPELLINGS = (
    ("规模以上", "规上"),
    ("国内生产总值", "地区生产总值"),
    ("GDP", "地区生产总值"),
    ("社会消费品零售额", "社会消费品零售总额"),
    ("社零总额", "社会消费品零售总额"),
    ("社消零", "社会消费品零售总额"),
    ("CPI", "居民消费价格"),
    ("地方一般公共预算收入", "一般公共预算收入"),
    ("一般预算收入", "一般公共预算收入"),
    ("地方财政收入", "一般公共预算收入"),
    ("固投", "固定资产投资"),
    ("全体居民", "居民"),
    ("全县居民", "居民"),
    ("城镇调查失业率", "城镇登记失业率"),
)
#: words that say how or when, not what: dropped before two measures are compared
EXTRA_STOP_WORDS = words(
    "增长 增速 增幅 涨幅 下降 上涨 回落 降低 减少 负增长 下滑 增加 比上年 较上年 上年 同期 同比"
    " 全年 全县 全区 全市 全镇 全省 我县 我区 本县 本区 县域 区域 累计 实现 达到 总量 预计"
    " 初步核算 按可比价格计算 按可比价计算 可比价 年末 年底 当年 共计 合计 总计 一共 其中"
    " 新改建 改建 新建 万 亿 个 家 项 户 同口径 可比口径 口径 自然口径 按不变价格计算 按可比价格"
    " 不变价格 不变价 可比价格 计算 此外 同时"
)
_STOP = re.compile(
    "|".join(
        re.escape(w) + ("(?!值)" if w == "增加" else "")  # 增加值 is a noun
        for w in sorted(set(MEASURE_STOP_WORDS) | set(EXTRA_STOP_WORDS), key=len, reverse=True)
    )
)
_BRACKETS = re.compile(r"[（(][^（）()]{0,30}[）)]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
#: words right before a figure that make it a change, not a level
_CHANGE_BEFORE = re.compile(
    r"(?:增长|增速|增幅|涨幅|上涨|下降|回落|降低|减少|负增长|下滑|下跌|提高|增加|提升)"
    r"(?:了|为|达|达到|率为)?\s*[约近]?\s*[-−－]?\s*$"
)
#: a difference from last year of an amount (比上年增加2亿元), not the amount
_DIFFERENCE_BEFORE = re.compile(
    r"[比较](?:上年|去年|上一年)(?:同期)?(?:增加|减少|多|少|增长)了?\s*$"
)
#: the earlier figures of a list before a figure ("增长8.2%、3.4%、" before 8.3%)
_LIST_BEFORE = re.compile(r"(?:[-−－]?\d[\d.]*\s*(?:%|个百分点)?\s*[、和及]\s*)+$")
#: a measure named as a change; 提高到, 降低至 give the level to reach
_NAMES_CHANGE = re.compile(r"增长|增速|增幅|涨幅|上涨|(?:下降|降低|提高|提升)(?![到至])")
#: a run of spaces inside a paragraph: cells of a table, or lines a PDF ran together
_GAP = re.compile(r"[ \t\u3000]{2,}")
_CLAUSE_MARK = "，,：:"
_SENTENCE_MARK = "。；;！？!?"
_LIST_SPLIT = re.compile(r"、|和|及|以及|与")
#: a progress quote whose figure's measure is less like its commitment's than this is flagged
MEASURE_WARNING = 0.4
#: a total held, and what is added in a year: a count of one is never the other's outcome
STOCK_WORDS = words("总数 总量 累计 总计 保有量 存量 达到 年末 年底 末")
#: words naming a part of a measure: a figure of the part is not the whole's outcome
PART_WORDS = words(
    "城镇 农村 城市 第一产业 第二产业 第三产业 一产 二产 三产 出口 进口 限额以上 限上 房地产 民间 税收"
    " 人均 平均"
)
#: parts of one whole: a commitment on one is not reported by a figure of another
PART_GROUPS = (
    words("城镇 农村 城市 乡村 全体"),
    words("第一产业 第二产业 第三产业"),
    words("出口 进口 外贸"),
)
FLOW_WORDS = words("新增 新认定 新建 新招引 新引进 新开工 新培育 新改建 新签约")
#: a subject shorter than this (in characters of its measure text) is borrowed from before
MIN_SUBJECT = 3
MAX_BORROW = 2
#: a list's name this short qualifies the last name's tail (城镇 in 城镇、农村居民收入)
MAX_QUALIFIER = 3
#: a heading sentence naming the measure of the sentence after it is at most this long
MAX_HEADING = 20


@dataclass(frozen=True)
class Subject:
    """What a figure measures: the words naming it and the verbatim span to quote."""

    text: str  # the words naming the measure, as the text writes them
    quote_start: int  # where a self-contained quote of the figure starts in its paragraph
    borrowed: bool  # True when the subject came from an earlier clause or a list
    alternatives: tuple[str, ...] = ()  # other readings of a short name, with its context


def measure_text(text: str) -> str:
    """Return the words of a text that name a measure: simplified, abbreviations folded, figures,
    brackets and common words (增长, 全年, 完成 …) replaced by spaces."""
    text = to_simplified(text)
    for written, folded in SPELLINGS:
        text = text.replace(written, folded)
    text = re.sub(r"(?<!地区)生产总值", "地区生产总值", text)
    for figure in reversed(figures_in_text(text)):
        text = text[: figure.start] + " " + text[figure.end :]
    text = _BRACKETS.sub(" ", text)
    return _STOP.sub(" ", text)


def measure_pairs(text: str) -> set[str]:
    """Return the two-character words of a text's measure words (学位, 农村, 公路 …)."""
    pairs: set[str] = set()
    for run in _CJK_RUN.findall(measure_text(text)):
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return pairs


def likeness(a: set[str], b: set[str]) -> float:
    """Return how alike two measures' word sets are: 1 the same, 0 nothing shared (Dice)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def measure_likeness(first: str, second: str) -> float:
    """Return how alike two measures are, as words and as characters in order."""
    return max(
        likeness(measure_pairs(first), measure_pairs(second)), ordered_likeness(first, second)
    )


def ordered_likeness(a: str, b: str) -> float:
    """Return how alike two measures' words are in order (接待游客 in 接待国内外游客: 0.73), a
    Dice score over their longest common subsequence of characters."""
    first = "".join(_CJK_RUN.findall(measure_text(a)))
    second = "".join(_CJK_RUN.findall(measure_text(b)))
    if not first or not second:
        return 0.0
    previous = [0] * (len(second) + 1)
    for ch in first:
        current = [0]
        for index, other in enumerate(second):
            current.append(
                previous[index] + 1 if ch == other else max(previous[index + 1], current[-1])
            )
        previous = current
    return 2 * previous[-1] / (len(first) + len(second))


def _measure_length(text: str) -> int:
    """Return how many characters of a text name a measure."""
    return sum(len(run) for run in _CJK_RUN.findall(measure_text(text)))


def figure_subject(text: str, figure: Figure) -> Subject:
    """Return what a figure of a paragraph measures, and where a quote of it should start.

    A clause naming its own measure keeps it (a sub-measure, 其中…, always does); a clause
    with a short name (学位, 投资) also offers the name with the clause before it; a clause with
    none takes it from the clauses before it in its sentence, else from a heading sentence.
    """
    start = figure.start
    sentence_start = max(text.rfind(m, 0, start) for m in _SENTENCE_MARK) + 1
    gaps = [m.end() for m in _GAP.finditer(text, sentence_start, start)]
    sentence_start = max([sentence_start, *gaps])  # a table's cells or lines run together
    clause_start = max(sentence_start, max(text.rfind(m, 0, start) for m in _CLAUSE_MARK) + 1)
    listed = _listed_subject(text, figure, sentence_start)
    if listed is not None:
        return listed
    own = text[clause_start:start]
    named = _measure_length(own)
    if named >= MIN_SUBJECT or to_simplified(own).lstrip().startswith("其中"):
        return Subject(own, clause_start, False)  # a sub-measure (其中…) never takes its parent
    at = clause_start
    for _ in range(MAX_BORROW):
        if at - 1 <= sentence_start:
            break
        previous = max(sentence_start, max(text.rfind(m, 0, at - 1) for m in _CLAUSE_MARK) + 1)
        before = text[previous : at - 1]
        if _measure_length(before) >= MIN_SUBJECT:
            if named:
                return Subject(own, clause_start, False, (before + " " + own,))
            return Subject(before + " " + own, previous, True)
        at = previous
    heading = _heading_before(text, sentence_start)
    if heading is not None and named < 2:
        return Subject(text[heading:sentence_start] + " " + own, heading, True)
    return Subject(own, clause_start, False)


def _heading_before(text: str, sentence_start: int) -> int | None:
    """Return where a short heading sentence naming a measure ends before a sentence with no
    subject of its own ("1.地区生产总值。全年完成186亿元，增长5.4%"), or None."""
    if sentence_start < 2:
        return None
    start = max(text.rfind(m, 0, sentence_start - 1) for m in _SENTENCE_MARK) + 1
    heading = text[start : sentence_start - 1]
    if len(heading) > MAX_HEADING or _measure_length(heading) < MIN_SUBJECT:
        return None
    if any(ch.isdigit() for ch in heading.lstrip("0123456789.．、 ")):
        return None
    return start


def _listed_subject(text: str, figure: Figure, sentence_start: int) -> Subject | None:
    """Return the subject of a figure in "A、B、C分别增长x%、y%、z%": the item of its place."""
    at = text.rfind("分别", sentence_start, figure.start)
    if at < 0:
        return None
    names_start = max(sentence_start, max(text.rfind(m, 0, at) for m in _CLAUSE_MARK) + 1)
    if _measure_length(text[names_start:at]) < MIN_SUBJECT:
        first = text.rfind("分别", sentence_start, names_start)  # "A、B分别达到…，分别增长…"
        if first >= 0:
            at = first
            names_start = max(sentence_start, max(text.rfind(m, 0, at) for m in _CLAUSE_MARK) + 1)
    names = [n for n in _LIST_SPLIT.split(text[names_start:at]) if n.strip()]
    names = _with_shared_tail(names)
    if len(names) == 1 and to_simplified(names[0]).lstrip().startswith("城乡"):
        rest = names[0].lstrip()[2:]
        names = ["城镇" + rest, "农村" + rest]
    listed = [
        f
        for f in figures_in_text(text[at : figure.end])
        if f.value is not None and f.base_unit == figure.base_unit
    ]
    if len(names) < 2 or not listed or len(listed) > len(names):
        return None
    return Subject(names[len(listed) - 1], names_start, True)


def _with_shared_tail(names: list[str]) -> list[str]:
    """Return a list's names, short ones given the tail of the last ("城镇、农村居民收入": 城镇居民
    收入 and 农村居民收入)."""
    if len(names) < 2:
        return names
    last = names[-1].strip()
    short = [n.strip() for n in names[:-1]]
    if not all(0 < len(n) <= MAX_QUALIFIER for n in short) or len(last) <= MAX_QUALIFIER + 1:
        return names
    tail = last[len(short[0]) :]
    return [n + tail for n in short] + [last]


def is_change(text: str, figure: Figure) -> bool:
    """Return True when a figure is a change (增长5%, 下降2.1%), not a level (失业率3%)."""
    before = _LIST_BEFORE.sub("", to_simplified(text[max(0, figure.start - 60) : figure.start]))
    return _CHANGE_BEFORE.search(before[-8:]) is not None


def is_difference(text: str, figure: Figure) -> bool:
    """Return True when an amount is a difference from last year (比上年增加2亿元)."""
    before = to_simplified(text[max(0, figure.start - 10) : figure.start])
    return _DIFFERENCE_BEFORE.search(before) is not None


def names_a_part(measure: str, commitment_title: str) -> bool:
    """Return True when a figure's measure names a part (农村, 第一产业, 出口 …) that the
    commitment's title does not, or another part of the same whole (全体 for 城镇): the
    figure is then not the commitment's outcome."""
    measure, title = (
        to_simplified(t).replace("进出口", "外贸") for t in (measure, commitment_title)
    )
    if any(word in measure and word not in title for word in PART_WORDS):
        return True
    for group in PART_GROUPS:
        mine = {word for word in group if word in title}
        theirs = {word for word in group if word in measure}
        if mine and theirs and not mine & theirs:
            return True
    return False


def is_stock(text: str) -> bool:
    """Return True when a measure is a total held (总数, 累计, 保有量), not what was added."""
    return any(word in to_simplified(text) for word in STOCK_WORDS)


def names_flow(text: str) -> bool:
    """Return True when a commitment counts what is added in the year (新增, 新认定, 新建 …)."""
    return any(word in to_simplified(text) for word in FLOW_WORDS)


def names_change(text: str) -> bool:
    """Return True when a commitment's title or measure names a change (增长, 涨幅, 增速)."""
    return _NAMES_CHANGE.search(to_simplified(text)) is not None
