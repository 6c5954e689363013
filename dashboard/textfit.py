"""Text measured and wrapped for charts: labels, titles and source lines that fit, never cut.

Plotly neither wraps nor measures text on the server, so widths are estimated from the font
size (a CJK character is one em wide, Latin letters about half) and lines are broken between
words or between CJK characters, never before a closing mark such as ，or ）.
"""

from __future__ import annotations

import html
import unicodedata

#: marks that never start a line, and marks that never end one
NO_LINE_START = set("，。、；：！？）」』”’》〉】,.;:!?)]}%…")
NO_LINE_END = set("（「『“‘《〈【([{")


def is_wide(char: str) -> bool:
    """Return True for a character drawn one em wide (CJK, full-width forms)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def char_width(char: str, size: float) -> float:
    """Return the estimated width of one character in pixels at a font size."""
    if is_wide(char):
        return size
    if char == " ":
        return 0.28 * size
    if char.isupper() or char.isdigit() or char in "%@#&mwMW—–±":
        return 0.64 * size
    if char in "il.,:;|!'()[]{}":
        return 0.3 * size
    return 0.54 * size


def text_width(text: str, size: float) -> float:
    """Return the estimated width in pixels of one line of plain text."""
    return sum(char_width(char, size) for char in text)


def _tokens(text: str) -> list[str]:
    """Return the pieces a line may break between: words with their spaces, single CJK chars."""
    tokens: list[str] = []
    for char in text:
        if tokens and (char in NO_LINE_START or tokens[-1][-1] in NO_LINE_END):
            tokens[-1] += char
        elif is_wide(char) or not tokens:
            tokens.append(char)
        elif char == " ":
            tokens[-1] += char
        elif tokens[-1].endswith(" ") or is_wide(tokens[-1][-1]):
            tokens.append(char)
        else:
            tokens[-1] += char
    return tokens


def _split_long(token: str, width: float, size: float) -> list[str]:
    """Return a token too long for a line broken into pieces that fit, character by character."""
    pieces, current = [], ""
    for char in token:
        if current and text_width(current + char, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current]


def wrap_lines(text: str, width: float, size: float) -> list[str]:
    """Return plain text broken into lines no wider than `width` pixels; nothing dropped."""
    lines: list[str] = []
    current, used = "", 0.0
    for token in _tokens(" ".join(text.split())):
        word = token.rstrip()
        word_px = text_width(word, size)
        if used + word_px <= width:
            current += token
            used += text_width(token, size)
            continue
        if current.strip():
            lines.append(current.rstrip())
        pieces = _split_long(word, width, size) if word_px > width else [token]
        lines.extend(pieces[:-1])
        current = pieces[-1]
        used = text_width(current, size)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def wrap_html(text: str, width: float, size: float) -> str:
    """Return plain text wrapped to `width` pixels as Plotly markup: escaped, lines joined by <br>."""
    return "<br>".join(escape(line) for line in wrap_lines(text, width, size))


def escape(text: str) -> str:
    """Return text safe for a Plotly label: angle brackets and ampersands as entities."""
    return html.escape(text, quote=False)


def block_width(lines: list[str], size: float) -> float:
    """Return the width in pixels of the widest line."""
    return max((text_width(line, size) for line in lines), default=0.0)
