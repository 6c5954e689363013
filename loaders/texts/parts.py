"""Which part of a report each paragraph belongs to, and how that was decided.

This module is longer than most because its four kinds of evidence (override, headings,
chapter numbering, paragraph cues) are weighed against each other in one pass: a heading's
confidence is compared with the cues of the paragraphs around it, so they read best together.

A work report has four parts: ``front`` (title block and opening address), ``review`` (what
was done last year or last term), ``plan`` (what will be done: the commitments) and ``annex``
(notes, 名词解释, 附件). The parts are found in this order of evidence:

1. **An override** — `plan_starts:` on the report in targets.yaml: the verbatim opening words
   of the plan part (checked like a quote). Confidence 1.
2. **Part headings** — a short line, optionally numbered (二、, 第二部分), made of a time word and
   words of a small vocabulary, in any order and combination:

   - plan: a year (2024年, 二〇二四年), 今年, 明年, 新的一年, 今后五年, 新一届政府, the
     five-year plan period holding the plan year (“十五五”时期 in 2026) … followed by words
     such as 工作, 政府工作, 经济社会发展, 总体, 主要, 预期, 重点, 奋斗, 目标, 任务, 安排, 要求,
     部署, 打算, 展望, 计划, 建议 with at least one of 目标 任务 安排 要求 部署 打算 展望 计划
     建议 重点 主要, optionally after 关于 or 对: 2023年工作总体要求和主要任务, 今年重点工作,
     今后五年奋斗目标和主要任务, 对2025年政府工作的建议;
   - review: the same vocabulary ending in 回顾, 总结 or 情况 (政府工作回顾, 2024年工作总结,
     2023年工作情况,
     “十四五”时期和2025年工作回顾), or a past time word (过去一年, 本届政府, 五年来) with
     工作: 过去一年的主要工作; a year (or five-year period) before the report's reads as
     review too;
   - annex: 附件, 附录, 名词解释, 注释 (a colon allowed, 附件:名词解释); without such a heading, the notes
     that end a text, maybe before a web page's chrome: ① … ⑳ (a PDF's page-bottom notes are
     moved there by loaders.texts.report), or a marker [1] 〔1〕 after a finished sentence.

   Confidence 0.95.
3. **Chapter numbering** (no part heading): the first chapter whose number restarts
   （（二） after （七）), or a title-only chapter after chapters with inline headings,
   starts the plan, together with the heading paragraphs right before it.
4. **Wording cues** (no part heading, no restart): each paragraph counts plan cues (力争, 确保,
   争取, 今年, 新的一年, 预期目标, 我们将, a figure followed by 以上/左右/以内 at a clause's
   end, the plan year) and review cues (一年来, 过去一年, 这一年, 去年, 同比, 比上年, 回顾,
   全部完成, 获评, 累计, the year before);
   the plan starts where the review cues before and the plan cues after are the most (where
   paragraphs without cues leave that open, they go on with the review before them, if any).
   Confidence: the share of cues that agree with the split. In a text that opens with a review
   heading and has neither a plan heading nor a numbered part title (a page explaining the
   review), cue words alone start no plan: a review subsection says 力争上游 and 积极争取上级资金
   12亿元 of last year. After the plan's start, a
   paragraph with review cues and no plan cue is review (a news item may give this year's
   targets first and last year's results after them). A paragraph after the last plan cue
   that goes back to the meeting (会议还…, 据悉，大会会期…), quotes deputies (“…”县人大代表…
   告诉记者) or is a byline (责任编辑, 【相关阅读】, 相关链接) starts the closing of a news
   article: it and what follows are annex; so does a commentary heading (【解读】) after the
   plan's start, whatever follows it plans.

The report's plan year comes from targets.yaml's date when known, else from the text (the
meeting date ——2024年1月18日在…, a 发布日期 or news date line, a title 2025年…政府工作报告, the
plan heading).

Inside the plan, a sentence or a clause that opens with last year (去年, 上年, 过去一年, the
year before; 某局负责人介绍，去年…), a clause about last year (在去年改造412个小区的基础上) or a
figure after 了 (出现了46次) reports an outcome, not a commitment: `reads_as_review` tells the
finder so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from loaders.texts.script import to_simplified

PARTS = ("front", "review", "plan", "annex")

CHAPTER_MARKER = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]")
HEADING_SENTENCE = re.compile(r"^([^，。、；：“”！？,;:]{2,16})。")
ADDRESS = re.compile(r"^各位代表")  # opens a paragraph: the opening address or a closing one
OPENING_ADDRESS = re.compile(r"^各位代表\s*(?:[:：]|$)")  # 各位代表：, not 各位代表，新的一年…
EXCERPT_OPENING = re.compile(r"^\s*(?:…|\.{3}|。{3})")  # ……全面落实…: an excerpt starts mid-text
MAX_HEADING = 40  # characters: a part heading is a short line
MAX_PART_TITLE = 30  # characters: a numbered part title (三、全力抓好七个方面重点工作)

_CN_DIGIT = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4"}
_CN_DIGIT.update({"五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})
_CN_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_ENUMERATOR = r"(?:[一二三四五六七八九十]{1,2}\s*[、.．]\s*|第[一二三四五六七八九十]{1,2}部分\s*)?"
_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年?度?"
_PLAN_TIME = (
    r"今年|明年|新的一年|新一年|今后五年|未来五年|今后一个时期|今后一段时期|新一届政府|下一届政府"
)
_REVIEW_TIME = (
    r"过去的?一年|过去的?五年|去年|上一年|本届政府|上届政府|五年来|一年来|近五年"
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?时期"
)
_TIME = rf"(?:{_YEAR}|{_PLAN_TIME}|{_REVIEW_TIME})"
_TIMES = rf"(?:{_TIME}(?:\s*(?:和|及|与|、|暨)\s*{_TIME})*)"
_VOCABULARY_TEXT = (
    "国民经济和社会发展 经济社会发展 政府工作 经济 社会 发展 政府 工作 的 和 及 与 、 暨"
    " 主要 总体 预期 重点 奋斗 目标 任务 安排 要求 部署 打算 展望 计划 建议 思路 举措 措施 回顾 总结 情况"
    " 全县 全区 全市 全镇 全州 全旗 全省 我县 我区 我市 成绩 五年 一年"
)
_VOCABULARY = _VOCABULARY_TEXT.split()
_WORDS = "|".join(sorted(map(re.escape, _VOCABULARY), key=len, reverse=True))
_PART_HEADING = re.compile(
    rf"^{_ENUMERATOR}(?:关于|对于|对)?(?P<time>{_TIMES})?\s*的?\s*(?P<rest>(?:(?:{_WORDS})\s*)*)$"
)
_PLAN_KEYS = re.compile(r"目标|任务|安排|要求|部署|打算|展望|计划|建议|重点|主要")
_PLAN_KEYS_TIMELESS = re.compile(r"目标|任务|安排|部署|打算|展望")
_REVIEW_KEYS = re.compile(r"(?:回顾|总结|情况)$")
_ANNEX_HEADING = re.compile(
    rf"^{_ENUMERATOR}(?:(?:附\s*件|附\s*录|附\s*表)\s*\d{{0,2}}\s*(?:[:：]\s*[^。，；,;]{{0,20}})?"
    r"|(?:名\s*词\s*解\s*释|名词注释|注\s*释|注\s*解)\s*\d{0,2}\s*[:：]?)$"
)
_PUNCTUATION = re.compile(r"[。，；,;！？!?]")
_SPACES = re.compile(r"\s+")
_PART_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}\s*[、.．]|第[一二三四五六七八九十]{1,2}部分)"
)
_PERIOD = re.compile(r"十([一二三四五六七八九])五")  # a five-year plan: 十四五 is 2021–2025

_MEETING_DATE = re.compile(
    r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
)
_PUBLISHED = re.compile(r"(?:发布|发表|更新)(?:日期|时间)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})")
_DATELINE = re.compile(  # a news page's date line, with its time: 2024-01-09 08:15 来源…
    r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：]\s*\d{2}"
)
_TITLE_YEAR = re.compile(r"(\d{4})\s*年.{0,16}政府工作报告")
_YEAR_IN_HEADING = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年?")
_PLANNED_YEAR = re.compile(  # 2023年，我们将…: a sentence that opens with the year it plans
    r"(?:^|(?<=[。！？!?]))\s*(\d{4})\s*年\s*[，,]?\s*(?:我们将|我们要|全年将|将|力争|确保|要)"
)

_POST_COMPARATOR = re.compile(  # 80亿元以上， not 亿元以上项目 (a threshold naming projects)
    r"(?<=[\d%万亿个家人所条项元亩米吨户])\s*(?:以上|左右|以内)(?=\s*(?:[，。；、,;）)]|$))",
    re.MULTILINE,
)
_PLAN_WORDS = "力争|确保|争取|今年|明年|新的一年|预期目标|我们将|将继续|将着力|目标是"
_REVIEW_WORDS = (
    "一年来|过去的?一年|过去五年|五年来|这一年|比上年|较上年|同比|去年|上年|回顾"
    "|全部完成|圆满完成|超额完成"
    "|获评|荣获|创历史新高|累计|实现了|取得了|已经"
)
_NOTE_PARAGRAPH = re.compile(r"^\s*[\u2460-\u2473]")  # ① … ⑳: a note (a page's bottom, the end)
NEWS_CLOSING = re.compile(  # a news article back at the meeting after the plan, or its byline
    r"^\s*(?:(?:据悉|据了解|另悉|另据了解)\s*[，,]?\s*)?"
    r"(?:会议|大会|本次大会|本次会议|此次会议|会期|责任编辑|编辑|【相关|相关阅读|相关链接|[（(]\s*记者)"
)
COMMENTARY_HEADING = re.compile(  # 【解读】 after a digest's plan: a commentary, not the report
    r"^\s*【\s*(?:解读|政策解读|专家解读|权威解读|记者观察|记者手记|延伸阅读|相关链接|链接|背景|背景链接)\s*】\s*$"
)
_VOICES = r"代表|委员|群众|村民|居民|市民|企业家|家长"
NEWS_VOICE = re.compile(  # “…”县人大代表、某校校长某某告诉记者 / 代表某某说，: a deputy's voice
    rf"^\s*(?:“[^”]{{2,}}”[^。“”]{{0,30}}(?:{_VOICES})[^。“”]{{0,20}}(?:说|表示|告诉记者|认为)"
    rf"|[^，。“”]{{0,24}}(?:{_VOICES})[^，。“”]{{0,12}}(?:说|表示|告诉记者|认为)[，,：:])"
)
NEWS_LEAD = (
    re.compile(  # a news article's lead: 本报讯（记者…）, 本台消息, 某某网讯 at a paragraph's start
        r"\s*(?:本报讯|本台讯|本台消息|本网讯|[\u4e00-\u9fff]{1,6}网?讯\s*[（(]\s*记者)"
    )
)
_SENTENCE_END = "。！？!?"
_CLAUSE_END = "。！？!?；;，,"
_LAST_YEAR_IN_CLAUSE = re.compile(r"(?<![比较同])(?:去年|上年|上一年)")


@dataclass(frozen=True)
class PartStart:
    """Where a part starts, what shows it and how sure the reader is (0–1)."""

    part: str  # front, review, plan or annex
    paragraph: int  # 1-based paragraph number
    how: str  # override, heading, chapter numbering, wording cues, start of text
    evidence: str  # the heading, the chapter or the cue words
    confidence: float

    def describe(self) -> str:
        """Return the start as one line: ¶N part — how: evidence (confidence)."""
        evidence = f": {self.evidence}" if self.evidence else ""
        return f"¶{self.paragraph} {self.part} — {self.how}{evidence} ({self.confidence:.2f})"


@dataclass(frozen=True)
class Structure:
    """How a report's text was read: its layout, plan year and the parts found."""

    layout: str  # wrapped (PDF hard breaks), lines (one paragraph a line) or tab
    plan_year: int | None
    year_from: str  # targets.yaml, meeting date, publication date, title, heading, or ""
    starts: tuple[PartStart, ...] = ()

    def start_of(self, part: str) -> PartStart | None:
        """Return how a part starts, or None when the report has no such part."""
        return next((start for start in self.starts if start.part == part), None)


# ---- headings ------------------------------------------------------------------------------


def _year(text: str) -> int | None:
    """Return a year written in digits or Chinese digits (二〇二四), or None."""
    digits = "".join(_CN_DIGIT.get(ch, ch) for ch in text)
    return int(digits) if digits.isdigit() and len(digits) == 4 else None


def heading_kind(line: str, plan_year: int | None = None) -> str | None:
    """Return "review", "plan" or "annex" when a line is a part heading, else None.

    The line is read in simplified characters; it must be short and hold no sentence
    punctuation. A year before the plan year makes a heading a review heading.
    """
    line = line.strip()
    if not line or len(line) > MAX_HEADING or _PUNCTUATION.search(line):
        return None
    line = _SPACES.sub("", to_simplified(line)).rstrip(":：")  # 工 作 安 排, 工作安排：
    if _ANNEX_HEADING.match(line):
        return "annex"
    match = _PART_HEADING.match(line)
    if match is None:
        return None
    time, rest = match.group("time") or "", re.sub(r"\s+", "", match.group("rest"))
    if not rest:
        return None
    if _REVIEW_KEYS.search(rest):
        return "review" if "工作" in rest or time else None
    if not time:
        enumerated = line != line.lstrip("一二三四五六七八九十第")
        return "plan" if enumerated and _PLAN_KEYS_TIMELESS.search(rest) else None
    if (
        re.search(_REVIEW_TIME, time)
        and not re.search(_PLAN_TIME, time)
        and not _plans_period(time, plan_year)
    ):
        return "review" if "工作" in rest or "成绩" in rest else None
    if not _PLAN_KEYS.search(rest):
        return None
    years = [year for y in _YEAR_IN_HEADING.findall(time) if (year := _year(y))]
    if plan_year and years and max(years) < plan_year and not re.search(_PLAN_TIME, time):
        return "review"
    return "plan"


def _plans_period(time: str, plan_year: int | None) -> bool:
    """Return True when a heading's time is the five-year plan period holding the plan year
    (“十五五”时期 in a 2026 report plans; “十四五”时期 in it looks back)."""
    period = _PERIOD.search(time)
    if period is None or plan_year is None:
        return False
    first = 1981 + 5 * (_CN_NUMBER[period.group(1)] + 10 - 6)  # 六五 was 1981–1985
    return first <= plan_year <= first + 4


def is_annex_heading(line: str) -> bool:
    """Return True for 附件, 附录, 名词解释, 注释 (with or without a colon)."""
    line = line.strip()
    if len(line) > MAX_HEADING or _PUNCTUATION.search(line):
        return False
    return bool(_ANNEX_HEADING.match(to_simplified(line)))


# ---- the report's year ---------------------------------------------------------------------


def _chinese_month(text: str) -> int:
    """Return a month written in digits or Chinese numerals (十二 → 12)."""
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + _CN_NUMBER.get(text[1:], 0)
    return _CN_NUMBER.get(text, 0)


def plan_year_from_text(
    texts: list[str], kinds: list[str | None] | None = None
) -> tuple[int | None, str]:
    """Return the year a report plans for, read from its text, and where it was read.

    The meeting date (——2024年1月18日在…会议上) or publication date near the top (发布日期:…, or
    a news page's date line 2024-01-09 08:15 来源…) gives the year (a December date plans the
    next year); else a title 2025年…政府工作报告; else the latest year of a plan heading; else
    the latest year opening a sentence that plans (2023年，我们将…: an excerpt of the plan).
    """
    head = [to_simplified(text) for text in texts[:12]]
    for text in head:
        if "会议" in text or text.startswith(("——", "—", "-")):
            match = _MEETING_DATE.search(text)
            year = _year(match.group(1)) if match else None
            if match and year:
                return year + (_chinese_month(match.group(2)) == 12), "meeting date"
    for text in head:
        match = _PUBLISHED.search(text) or _DATELINE.search(text)
        if match:
            return int(match.group(1)) + (int(match.group(2)) == 12), "publication date"
    for text in head[:6]:
        match = _TITLE_YEAR.search(text)
        if match:
            return int(match.group(1)), "title"
    if kinds is None:
        kinds = [heading_kind(text) for text in texts]
    years = [
        year
        for text, kind in zip(texts, kinds, strict=True)
        if kind == "plan"
        for year in (_year(y) for y in _YEAR_IN_HEADING.findall(to_simplified(text)))
        if year
    ]
    if years:
        return max(years), "plan heading"
    planned = [int(m.group(1)) for t in texts for m in _PLANNED_YEAR.finditer(to_simplified(t))]
    return (max(planned), "plan sentence") if planned else (None, "")


# ---- cues ----------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _cue_patterns(plan_year: int | None) -> tuple[re.Pattern, re.Pattern]:
    """Return the plan-cue and review-cue patterns for a plan year."""
    plan, review = _PLAN_WORDS, _REVIEW_WORDS
    if plan_year:
        plan += f"|{plan_year}年"
        review += f"|{plan_year - 1}年"
    return re.compile(plan), re.compile(review)


def paragraph_cues(text: str, plan_year: int | None) -> tuple[list[str], list[str]]:
    """Return the plan cues and the review cues of a paragraph (in simplified characters)."""
    return cues_of([text], plan_year)[0]


def cues_of(texts: list[str], plan_year: int | None) -> list[tuple[list[str], list[str]]]:
    """Return, per paragraph, its plan cues and review cues (one pass over all the text)."""
    plan_pattern, review_pattern = _cue_patterns(plan_year)
    joined = to_simplified("\n".join(texts))
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    found: dict[int, tuple[list[str], list[str]]] = {}
    for side, patterns in ((0, (plan_pattern, _POST_COMPARATOR)), (1, (review_pattern,))):
        for pattern in patterns:
            for match in pattern.finditer(joined):
                index = bisect_right(starts, match.start()) - 1
                found.setdefault(index, ([], []))[side].append(match.group().strip())
    none: tuple[list[str], list[str]] = ([], [])
    return [found.get(index, none) for index in range(len(texts))]


def reads_as_review(text: str, position: int, plan_year: int | None) -> bool:
    """Return True when the figure at `position` of a plan paragraph reports last year.

    That is when its sentence, or a clause of it before the figure, opens with last year
    (去年, 上年, 过去一年, 一年来, the year before the plan year: 某局负责人介绍，去年…) and no
    plan word (今年, 力争, the plan year …) comes between that opening and the figure; when
    its clause speaks of last year (在去年…的基础上) other than as a comparison base (比去年,
    较上年); or when the figure follows 了 (出现了46次, 多了9次): what has happened.
    """
    start = max(text.rfind(ch, 0, position) for ch in _SENTENCE_END) + 1
    sentence = to_simplified(text[start:position])
    if sentence.rstrip().endswith("了"):
        return True
    plan_pattern, _ = _cue_patterns(plan_year)
    last_years: tuple[str, ...] = (
        "去年",
        "上年",
        "上一年",
        "过去一年",
        "一年来",
        "过去五年",
        "五年来",
    )
    if plan_year:
        last_years += (f"{plan_year - 1}年",)
    for opening in _clause_starts(sentence):
        if sentence.startswith(last_years, opening):
            if not plan_pattern.search(sentence, opening):
                return True
            break
    clause_start = max(text.rfind(ch, 0, position) for ch in _CLAUSE_END) + 1
    clause = to_simplified(text[clause_start:position])
    return bool(_LAST_YEAR_IN_CLAUSE.search(clause))


def _clause_starts(sentence: str) -> list[int]:
    """Return where the sentence's clauses start (spaces and a first chapter marker （一）
    skipped), the last clause first."""
    stripped = sentence.lstrip()
    marker = CHAPTER_MARKER.match(stripped)
    first = len(sentence) - len(stripped) + (marker.end() if marker else 0)
    starts = []
    for start in [first] + [i + 1 for i, ch in enumerate(sentence) if ch in _CLAUSE_END]:
        while start < len(sentence) and sentence[start].isspace():
            start += 1
        starts.append(start)
    return starts[::-1]


# ---- assigning parts -----------------------------------------------------------------------


def _front_end(texts: list[str]) -> int:
    """Return the index of the first paragraph after the front matter of a headless text.

    The front matter ends after the opening address (各位代表：, and 我代表…报告 after it), or
    before a paragraph opening with an ellipsis (an excerpt that starts inside the report),
    else before the first paragraph holding a full stop.
    """
    for index, text in enumerate(texts[:15]):
        if EXCERPT_OPENING.match(text):
            return index
        if OPENING_ADDRESS.match(text):
            end = index + 1
            if end < len(texts) and "我代表" in texts[end] and "报告" in texts[end]:
                end += 1
            return end
    return next((i for i, text in enumerate(texts) if "。" in text), len(texts))


def _chapter_restart(texts: list[str], low: int, high: int) -> int | None:
    """Return where the plan starts by chapter numbering in texts[low:high], or None.

    The first chapter whose number does not follow on (（二） after （七）) or that is a
    title-only chapter after chapters with inline headings; the heading paragraphs right
    before it belong to it (their chapter title was lost).
    """
    previous, inline_seen = 0, False
    for index in range(low, high):
        marker = CHAPTER_MARKER.match(texts[index])
        if not marker:
            continue
        number = _chinese_numeral(marker.group(1))
        title_only = not _PUNCTUATION.search(texts[index]) and "。" not in texts[index]
        if (previous and number <= previous) or (title_only and inline_seen):
            start = index
            while (
                start > low
                and HEADING_SENTENCE.match(texts[start - 1])
                and not CHAPTER_MARKER.match(texts[start - 1])
            ):
                start -= 1
            return start
        previous, inline_seen = number, inline_seen or not title_only
    return None


def _chinese_numeral(text: str) -> int:
    """Return the value of a chapter number 一 … 九十九."""
    if "十" not in text:
        return _CN_NUMBER.get(text, 0)
    tens, _, units = text.partition("十")
    return _CN_NUMBER.get(tens, 1) * 10 + _CN_NUMBER.get(units, 0)


def _trailing_notes(texts: list[str], low: int, notes: frozenset[int] = frozenset()) -> int:
    """Return where a run of notes ends the text (len(texts) when none).

    A note opens with ① … ⑳, or is one of `notes` (paragraphs that opened with a marker [1],
    〔1〕 after a finished sentence); a web page's chrome may follow the notes (【打印本页】).
    """
    end = len(texts)
    while end > low and end - 1 not in notes and _is_page_chrome(texts[end - 1]):
        end -= 1
    start = end
    while start > low and (start - 1 in notes or _NOTE_PARAGRAPH.match(texts[start - 1])):
        start -= 1
    return start if start < end else len(texts)


def _is_page_chrome(text: str) -> bool:
    """Return True for a short line without sentence punctuation: 【打印本页】, 扫一扫…."""
    return len(text) <= MAX_PART_TITLE and not _PUNCTUATION.search(text) and "。" not in text


def _news_closing(
    texts: list[str], cues: list[tuple[list[str], list[str]]], low: int, high: int
) -> int:
    """Return where a news article's closing starts in texts[low:high] (high when none).

    A news summary of a report goes back to the meeting after the plan (会议还听取了…, 大会会期…)
    and ends with its byline (责任编辑, 【相关阅读】): that is not the report's plan. The closing
    starts at the first such paragraph after the last one with a plan cue (other than a
    meeting paragraph's: 审查了…2024年计划草案) and before the lead of a second article (a
    newspaper page: 本报讯（记者…）政协…会议开幕) or a commentary heading (【解读】), which
    start the closing whatever they plan;
    `cues` are those of texts[low:high].
    """
    first_lead = next((i for i in range(high) if NEWS_LEAD.search(to_simplified(texts[i]))), high)
    high = next(  # the next article's lead
        (i for i in range(max(low, first_lead + 1), high) if _opens_article(texts[i])), high
    )
    high = next(  # a commentary section: 【解读】, 【延伸阅读】
        (i for i in range(low, high) if COMMENTARY_HEADING.match(to_simplified(texts[i]))), high
    )
    meeting = [_closes_news(to_simplified(texts[i])) for i in range(low, high)]
    planned = [i for i in range(high - low) if cues[i][0] and not meeting[i]]
    after = planned[-1] + 1 if planned else 0
    return next((low + i for i in range(after, high - low) if meeting[i]), high)


def _closes_news(text: str) -> bool:
    """Return True for a paragraph that can start a news article's closing: back at the
    meeting (据悉，本次大会…), a byline or related links, or the voices of deputies (“…”县人大
    代表某某告诉记者)."""
    return bool(NEWS_CLOSING.match(text) or NEWS_VOICE.match(text))


def _opens_article(text: str) -> bool:
    """Return True for a paragraph holding a news lead (本报讯…) near its start, after a
    headline that extraction may have glued on."""
    start = to_simplified(text[:40])
    return any(NEWS_LEAD.match(start, i) for i in range(0, min(len(start), 25)))


def is_part_title(text: str) -> bool:
    """Return True for a numbered part title line (二、…) with no sentence punctuation."""
    return (
        len(text) <= MAX_PART_TITLE
        and _PART_NUMBER.match(text) is not None
        and not _PUNCTUATION.search(text)
    )


def _review_without_plan_title(
    texts: list[str], kinds: list[str | None], first_heading: int | None, low: int, high: int
) -> bool:
    """Return True when a text opens its parts with a review heading (2024年工作回顾, 过去一年的
    主要工作), has no plan heading and no numbered part title in texts[low:high]: a cue word in
    a review subsection (积极争取上级资金12亿元, 力争上游) does not start a plan there."""
    return (
        first_heading is not None
        and kinds[first_heading] == "review"
        and not any(is_part_title(texts[index]) for index in range(low, high))
    )


def _cue_split(
    texts: list[str], cues: list[tuple[list[str], list[str]]], low: int, high: int
) -> tuple[int, float, str]:
    """Return where wording cues start the plan in texts[low:high] (high: no plan), the share
    of cues that agree, and the cue words of the first plan paragraph.

    `cues` are the plan and review cues of texts[low:high].
    """
    balance = [len(plan) - len(review) for plan, review in cues]
    titles = [i for i in range(low, high) if is_part_title(texts[i])]
    candidates = (titles or list(range(low, high))) + [high]
    prefix = [0, *accumulate(balance)]  # prefix[k]: the balance of texts[low:low + k]
    best, best_sum = high, None
    for candidate in candidates:
        before = prefix[candidate - low]
        if best_sum is None or before < best_sum:
            best, best_sum = candidate, before
    if any(review for _, review in cues[: best - low]):
        # paragraphs without a cue between equally good starts go on with the review before them
        tied = [c for c in candidates if prefix[c - low] == best_sum]
        best = max(c for c in tied if c == best or any(plan for plan, _ in cues[c - low :]))
    if sum(len(plan) for plan, _ in cues[best - low :]) == 0:
        best = high
    agree = sum(len(review) for _, review in cues[: best - low])
    agree += sum(len(plan) for plan, _ in cues[best - low :])
    total = sum(len(plan) + len(review) for plan, review in cues)
    evidence = ""
    if best < high:
        words = "、".join(dict.fromkeys(w for plan, _ in cues[best - low :] for w in plan))
        title = texts[best].strip() if best in titles else ""
        evidence = "; ".join(filter(None, (title, words[:40])))
    return best, (agree / total if total else 0.0), evidence


def assign_parts(
    texts: list[str],
    plan_year: int | None = None,
    plan_start: int | None = None,
    layout: str = "wrapped",
    year_from: str = "",
    notes: frozenset[int] = frozenset(),
) -> tuple[list[str], Structure]:
    """Return each paragraph's part and the Structure saying how the parts were found.

    `texts` are the paragraphs as read; `plan_start` (0-based) is the paragraph an override
    names as the plan's first; `notes` the paragraphs that opened with a note marker.
    """
    kinds = [heading_kind(text) for text in texts]
    if plan_year is None:
        plan_year, year_from = plan_year_from_text(texts, kinds)
    if plan_year is not None:  # a year before it, or a five-year period, reads with the year
        kinds = [heading_kind(text, plan_year) for text in texts]
    starts: list[PartStart] = []

    def start(index: int, part: str, how: str, evidence: str, confidence: float) -> None:
        starts.append(PartStart(part, index + 1, how, evidence, round(confidence, 2)))

    headed = [i for i, kind in enumerate(kinds) if kind in ("review", "plan")]
    first_heading = headed[0] if headed else None
    front_end = first_heading if first_heading is not None else _front_end(texts)
    if first_heading is not None and kinds[first_heading] == "plan":
        front_end = min(front_end, _front_end(texts))  # a review without its heading
    if plan_start is not None:
        front_end = min(front_end, plan_start)
    annex = next(
        (i for i in range(front_end, len(texts)) if kinds[i] == "annex"),
        _trailing_notes(texts, front_end, notes),
    )
    parts = (
        ["front"] * front_end + ["review"] * (annex - front_end) + ["annex"] * (len(texts) - annex)
    )
    if front_end > 0:
        start(0, "front", "start of text", "", 1.0)
    if front_end < annex:
        heading = first_heading == front_end and kinds[front_end] == "review"
        if heading:
            start(front_end, "review", "heading", texts[front_end].strip(), 0.95)
    plan_headings = [i for i in headed if kinds[i] == "plan" and i < annex]
    if plan_start is not None:
        for index in range(plan_start, annex):
            parts[index] = "plan"
        start(plan_start, "plan", "override (plan_starts)", texts[plan_start][:30], 1.0)
    elif plan_headings:
        part = "review"
        for index in range(front_end, annex):
            kind = kinds[index]
            if kind in ("review", "plan"):
                part = kind
                if part == "review" and index != front_end:
                    start(index, "review", "heading", texts[index].strip(), 0.95)
                if part == "plan" and not any(s.part == "plan" for s in starts):
                    start(index, "plan", "heading", texts[index].strip(), 0.95)
            parts[index] = part
    else:
        low = front_end + 1 if first_heading == front_end else front_end
        restart = _chapter_restart(texts, low, annex)
        cues = cues_of(texts[low:annex], plan_year)
        found, confidence, evidence = _cue_split(texts, cues, low, annex)
        if restart is not None:
            found, how, evidence = restart, "chapter numbering", texts[restart][:30]
            agree = sum(len(review) for _, review in cues[: restart - low])
            agree += sum(len(plan) for plan, _ in cues[restart - low :])
            total = sum(len(plan) + len(review) for plan, review in cues)
            confidence = agree / total if total else 0.5
        else:
            how = "wording cues"
            if _review_without_plan_title(texts, kinds, first_heading, low, annex):
                found = annex
        if found < annex:
            closing = _news_closing(texts, cues[found + 1 - low :], found + 1, annex)
            for index in range(found, closing):
                parts[index] = "plan"
            start(found, "plan", how, evidence, confidence)
            for index in range(found + 1, closing):  # a news item back at last year's results
                plan_cues, review_cues = cues[index - low]
                if review_cues and not plan_cues:
                    parts[index] = "review"
                    if parts[index - 1] != "review":
                        start(index, "review", "wording cues", "、".join(review_cues), 1.0)
            if closing < annex:
                for index in range(closing, annex):
                    parts[index] = "annex"
                start(closing, "annex", "news closing", texts[closing].strip()[:30], 0.9)
        has_review = any(s.part == "review" for s in starts)
        if (low > front_end or found > front_end) and not has_review:
            no_plan = found >= annex
            how = "no plan found" if no_plan else "before the plan"
            start(front_end, "review", how, "", 0.0 if no_plan else confidence)
    if annex < len(texts):
        how = "heading" if kinds[annex] == "annex" else "notes at the end"
        start(annex, "annex", how, texts[annex].strip()[:30], 0.95)
    starts.sort(key=lambda s: s.paragraph)
    return parts, Structure(layout, plan_year, year_from, tuple(starts))
