"""Text from targets.yaml or a report, made safe for where the dashboard shows it.

Markdown (`st.markdown`, headers, captions, button labels): `escape_markdown`; text from the
address bar, which anyone can write into a link: `literal` (one line, no autolink either).
Plotly labels,
titles and hover texts, which render a little HTML: `plain`. Paragraphs shown with `st.html` use
`html.escape`; tables are data, never markup.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:&")
#: where GitHub-flavoured Markdown starts a link by itself ("https://", "www.", "a@b"): a word
#: joiner (U+2060, invisible) after the first character stops it
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(?=\\?:\\?/\\?/)|(?<=www)(?=\\?\.)|(?=\\?@)", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Return text that Streamlit's Markdown shows as written: no formatting, links, autolinks
    (https://…, www.…, a@b: a data field never becomes a link) or HTML."""
    escaped = "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIAL else ch for ch in text)
    return _AUTOLINK.sub("\u2060", escaped)


#: line breaks (a blank line would end a span and start a paragraph), shown as a visible mark
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
#: control characters, shown as Python writes them ("\x1b")
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


def literal(text: str) -> str:
    """Return text Streamlit's Markdown shows as written, on one line: no formatting, link,
    autolink, image or HTML; a line break shown as ⏎, a control character as \\x1b."""
    return escape_markdown(_LINE_BREAKS.sub("⏎", text).translate(_CONTROLS))


def plain(text: str) -> str:
    """Return text safe for a Plotly label: angle brackets and ampersands as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
