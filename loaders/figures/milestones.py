"""Milestones from later mentions: a later sentence that names a milestone's object with words
of completion (建成, 竣工, 投入使用, 通过…评审, 获批, 挂牌 …) reports it done; with words of
work under way (主体完工, 基本完工, 加快推进, 正在, 已报送, 开工 …) it reports it under way.

A milestone's object is its quote without the verbs of effort and building (建成, 推进, 力争 …);
a clause of the later document's outcome part names it when it holds at least OBJECT_SHARE of
the object's two-character words (and two of them). The best clause per milestone is taken;
it is written by `--write` when no other clause names the object as well with another verdict.
"""

from __future__ import annotations

import re

from loaders.figures.later import LaterKind
from loaders.figures.measures import measure_pairs
from loaders.figures.outcome import Suggestion
from loaders.model import Commitment
from loaders.texts.report import Document
from loaders.texts.script import to_simplified
from loaders.wording import words

#: the share of a milestone's object words a clause must hold to name it
OBJECT_SHARE = 0.6
MIN_SHARED = 2
#: words of work under way, looked for first ("主体工程完工" is not the whole done)
UNDER_WAY_WORDS = words(
    "主体完工 主体工程 基本完工 基本建成 基本完成 加快推进 有序推进 稳步推进 扎实推进 全力推进 正在"
    " 已报送 已上报 报送 开工建设 开工 动工 启动 在建 前期工作 进展顺利 完成总工程量 转入 即将 推进"
    " 土建 设备安装 安装调试 调试 形象进度 有序开展 加快建设 完成投资 滞后 目前 尚未 未完成 路基"
)
#: words of completion
DONE_WORDS = words(
    "建成 竣工 全面完成 顺利完成 完成 投入使用 投用 启用 通过 获批 挂牌 揭牌 开业 通车 运营 落成"
    " 成功创建 创成 获评 获得 授予 入选 实现 对外开放 开放 交付"
)
#: the verbs of a milestone's quote that are not its object
_VERBS = re.compile(
    "|".join(
        sorted(
            words(
                "建成 完成 推进 推动 启动 开工 加快 力争 确保 实现 新建 建设 创建 争创 申报 通过 获批"
                " 全面 基本 争取 做好 抓好 着力 积极 扎实 有序 稳步 年内 今年 创成 成功 挂牌 投入使用"
                " 投用 竣工 开展 实施 改造 提升"
            ),
            key=len,
            reverse=True,
        )
    )
)
_CLAUSE = re.compile(r"[^，,；;。！？!?]+[，,；;。！？!?]?")


def object_pairs(commitment: Commitment) -> set[str]:
    """Return the two-character words naming a milestone's object (its quote without verbs)."""
    return measure_pairs(_VERBS.sub(" ", to_simplified(commitment.quote)))


def verdict(text: str) -> tuple[bool, str] | None:
    """Return (done, the words that say so) for a clause, or None when it says neither."""
    simplified = to_simplified(text)
    for word in UNDER_WAY_WORDS:
        if word in simplified:
            return False, word
    for word in DONE_WORDS:
        if word in simplified:
            return True, word
    return None


def milestone_outcomes(
    milestones: list[Commitment], later_id: str, document: Document, kind: LaterKind
) -> list[Suggestion]:
    """Return, per milestone, the later clause that reports it done or under way."""
    if kind.outcome_year is None:
        return []
    clauses = [
        (paragraph.number, match.start(), match.group())
        for paragraph in document.paragraphs
        if paragraph.number in kind.outcome_paragraphs
        for match in _CLAUSE.finditer(paragraph.text)
    ]
    found = []
    for commitment in milestones:
        wanted = object_pairs(commitment)
        if len(wanted) < MIN_SHARED:
            continue
        named = []
        for number, start, clause in clauses:
            text = document.paragraph(number).text
            following = _next_clause(text, start + len(clause))
            shared = wanted & measure_pairs(clause)
            both = wanted & measure_pairs(clause + following)
            if len(shared) / len(wanted) >= OBJECT_SHARE:
                window = clause  # the clause names the object; its verdict may follow
            elif len(shared) >= MIN_SHARED and len(both) / len(wanted) >= OBJECT_SHARE:
                window, shared = clause + following, both  # named across two clauses
            else:
                continue
            if len(shared) < MIN_SHARED:
                continue
            said = verdict(window) or verdict(following)
            if said is None:
                continue
            end = start + len(window)
            if verdict(window) is None:
                end += len(following)
            quote = text[start:end].rstrip("，,；;。！？!? ")
            named.append((len(shared) / len(wanted), number, said, quote.strip()))
        if not named:
            continue
        named.sort(key=lambda n: (-n[0], n[1]))
        share, number, (done, words_said), quote = named[0]
        rivals = [n for n in named[1:] if n[2][0] != done and n[0] >= share - 0.1]
        reason = f"another sentence says {'done' if not done else 'under way'}" if rivals else ""
        found.append(
            Suggestion(
                commitment,
                later_id,
                kind.outcome_year,
                None,
                done,
                quote,
                number,
                words_said,
                "",
                share,
                write=not rivals,
                reason=reason,
            )
        )
    return found


def _next_clause(text: str, at: int) -> str:
    """Return the clause of a paragraph that starts at `at` (empty at the end of a sentence)."""
    if at <= 0 or text[at - 1 : at] in "。；;！？!?":
        return ""
    match = _CLAUSE.match(text, at)
    return match.group() if match else ""
