"""Text from targets.yaml or a report, made safe for where the dashboard shows it.

Markdown (`st.markdown`, headers, captions, button labels): `escape_markdown`. Plotly labels,
titles and hover texts, which render a little HTML: `plain`. Paragraphs shown with `st.html` use
`html.escape`; tables are data, never markup.
"""

from __future__ import annotations

_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:&")


def escape_markdown(text: str) -> str:
    """Return text that Streamlit's Markdown shows as written: no formatting, links or HTML."""
    return "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIAL else ch for ch in text)


def plain(text: str) -> str:
    """Return text safe for a Plotly label: angle brackets and ampersands as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
