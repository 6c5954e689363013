"""A payload corpus in targets.yaml (Markdown links and images, HTML, blank lines, data: and
javascript: URLs, a very long string) over every page and both languages: everything shows as
text, and nothing becomes a link, an image or markup that the data did not declare."""

from __future__ import annotations

import re

import pytest

PAYLOADS = {
    "link": "[CLICK ME](https://evil.example/login)",
    "image": "![x](http://127.0.0.1:9/track.png)",
    "html": "<img src=x onerror=alert(1)><script>alert(2)</script>",
    "blank": "first line\n\n## a heading after a blank line",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "javascript": "javascript:alert(document.cookie)",
    "autolink": "see https://evil.example/phish or www.evil.example",
    "long": "长" * 5000,
}
#: Markdown that would render a link, an image, HTML or a heading the data did not declare
UNSAFE = [
    re.compile(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\("),  # [text](…) or ![alt](…)
    re.compile(r"(?<!\\)<(?:img|script)\b", re.IGNORECASE),
    re.compile(r"(?<!\\)(?:javascript|data):", re.IGNORECASE),
    # an autolink, which GFM makes even of escaped text (https\://…): a word joiner breaks it
    re.compile(r"https?\\?:\\?/|www\\?\.", re.IGNORECASE),
    re.compile(r"(?<!\\)#+ a heading"),  # the payload's heading, unescaped
]
PAGES = [
    (None, {}),
    ("commitments", {}),
    ("commitment", {"id": "school-places-2022"}),
    ("commitment", {"id": "gdp-growth-2022"}),
    ("commitment", {"id": "industrial-value-added-growth-2022"}),
    ("coverage", {}),
    ("about", {}),
]


def yaml_text(value: str) -> str:
    """Return a value as a double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


#: where the payloads go in the bundled record: a title in each language, a baseline note, a
#: progress note, an exclusion reason and a publisher
PLACES = {
    "title_en: New primary, secondary and kindergarten places": "title_en: "
    + yaml_text(PAYLOADS["link"] + PAYLOADS["image"]),
    "title: 新增中小学（幼儿园）学位": "title: " + yaml_text(PAYLOADS["html"] + "学位"),
    "      note: the first of the four growth rates": "      note: "
    + yaml_text(PAYLOADS["blank"] + PAYLOADS["javascript"]),
    "        note: Section 一、综合：GDP 717.85亿元, growth 1.1% (preliminary)": "        note: "
    + yaml_text(PAYLOADS["data"] + " " + PAYLOADS["autolink"]),
    "    reason: the structure of the plan (its seven chapters)": "    reason: "
    + yaml_text(PAYLOADS["long"] + PAYLOADS["link"]),
    "    publisher: 清远市清城区统计局": "    publisher: " + yaml_text(PAYLOADS["image"]),
}


def shown_markdown(at) -> list[str]:
    """Return every Markdown text the app sent: markdown, captions, headings, alerts."""
    found = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error"):
        for element in getattr(at, kind):
            found.append(str(element.value))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("page", "params"), PAGES, ids=lambda p: str(p))
def test_payloads_show_as_text_on_every_page(bundled_copy, open_page, page, params, lang):
    bundled_copy(PLACES)
    at = open_page(page, lang=lang, **params)
    unsafe = [
        (pattern.pattern, text[max(0, m.start() - 40) : m.end() + 40])
        for text in shown_markdown(at)
        if "unsafe_allow_html" not in text
        for pattern in UNSAFE
        for m in [pattern.search(text)]
        if m
    ]
    assert unsafe == []


def test_a_declared_web_address_is_the_one_link_of_the_sources(bundled_copy, open_page):
    bundled_copy(
        {
            "    publisher: 清远市清城区统计局": "    publisher: 清远市清城区统计局\n"
            "    url: https://www.gov.example/bulletin-2022.html",
            "    publisher: 清远市清城区人民政府": "    publisher: 清远市清城区人民政府\n"
            "    url: javascript:alert(1)",
        }
    )
    at = open_page("about", lang="en")
    [links] = [frame.value for frame in at.dataframe]
    assert links.values.tolist() == [
        [
            "Qingcheng District Statistical Bulletin on the 2022 National Economy and Social "
            "Development",
            "https://www.gov.example/bulletin-2022.html",
        ]
    ]
