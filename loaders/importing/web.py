"""A saved web page's article text: the page's chrome (menus, breadcrumbs, share bars, footers,
scripts, styles, 打印本页/关闭窗口) left out, one paragraph per block or line break.

The page is parsed by BeautifulSoup (Python's own HTML parser; the encoding from the page's
BOM or `<meta charset>`, GBK included). Chrome is dropped in three passes: elements that are
never text (script, style, nav, form …) and elements whose id or class names a menu, a
breadcrumb, a share bar or a footer; then lines made mostly of links (a menu written as plain
links); then short lines that read as chrome (当前位置, 分享到, 电话, ICP备, 版权所有 …).
The article's title is the page's `<h1>` (else its `<title>` without the site's name).
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

NEVER_TEXT = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "input",
    "select",
    "button",
    "textarea",
    "nav",
    "header",
    "footer",
    "aside",
    "head",
]
CHROME_NAMES = re.compile(
    r"nav|menu|crumb|bread|share|footer|foot(?!note)|copyright|toolbar|sidebar|search|login|"
    r"related|links|position|location|topbar|top-bar|header|banner",
    re.IGNORECASE,
)
BLOCKS = set(
    [
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "blockquote",
        "pre",
        "center",
        "hr",
        "title",
    ]
)
#: words of page chrome, as portals write them (with their colon where they have one), so that
#: a heading of the report that names the same thing (承办全省运动会, 无障碍设施) is kept
CHROME_LINE = re.compile(
    r"当前位置|您现在的位置|所在位置|现在位置|分享到|打印本页|关闭窗口|【打印】|【关闭】|"
    r"电话[:：]|联系电话|传真[:：]|邮编[:：]|ICP备|备案号|公网安备|网站标识码|版权所有|"
    r"主办单位|主办[:：]|承办单位|承办[:：]|技术支持[:：]|访问量|访客|浏览次数|阅读次数|"
    r"字体[:：]?\s*[【\[]?\s*大|扫一扫|无障碍(?:浏览|阅读)?\s*(?:$|[|｜])|长者模式|"
    r"发布时间|发布日期|信息来源|来源[:：]|责任编辑"
)
MAX_CHROME_LINE = 120  # a chrome line is short: a paragraph of the report is kept whatever
LINK_SHARE = 0.6  # a line with at least this share of its text in links is a menu
SITE_SUFFIX = re.compile(r"\s*[-_|—–]+\s*[^-_|—–]*(?:网|政府|门户|网站)[^-_|—–]*$")


def html_paragraphs(path: Path) -> tuple[list[str], str]:
    """Return the paragraphs of a saved web page's article, and its title."""
    data = path.read_bytes()
    soup = BeautifulSoup(data, "html.parser")
    title = _title(soup)
    for element in soup.find_all(NEVER_TEXT):
        element.decompose()
    total = len(soup.get_text(strip=True))
    for element in soup.find_all(_named_as_chrome):
        if not element.decomposed and len(element.get_text(strip=True)) < total / 2:
            element.decompose()
    lines: list[tuple[str, int]] = []  # text and how many of its characters are in links
    _walk(soup, lines, [["", 0]])
    paragraphs = [text for text, linked in lines if text and not _is_chrome(text, linked)]
    if title and paragraphs and _compact(title) not in _compact(" ".join(paragraphs[:5])):
        paragraphs.insert(0, title)
    return paragraphs, title


def _named_as_chrome(tag: Tag) -> bool:
    """Return True for an element whose id or class names page chrome (nav, crumb, share …)."""
    names = " ".join([str(tag.get("id") or ""), " ".join(tag.get_attribute_list("class"))])
    return bool(names.strip()) and bool(CHROME_NAMES.search(names))


def _title(soup: BeautifulSoup) -> str:
    """Return the article's title: the page's h1, else its <title> without the site's name."""
    for tag in ("h1", "title"):
        found = soup.find(tag)
        if found is not None:
            text = " ".join(found.get_text(" ").split())
            text = SITE_SUFFIX.sub("", text) if tag == "title" else text
            if text:
                return text
    return ""


def _walk(node: Tag, lines: list[tuple[str, int]], current: list[list]) -> None:
    """Add the text under node to lines, a new line at every block element and <br>."""
    for child in node.children:
        if isinstance(child, NavigableString):
            if isinstance(child, PreformattedString):
                continue  # a comment, the doctype, a processing instruction
            text = str(child)
            current[-1][0] += text
            if _in_link(child):
                current[-1][1] += len("".join(text.split()))
        elif isinstance(child, Tag):
            block = child.name in BLOCKS
            if block:
                _end_line(lines, current)
            _walk(child, lines, current)
            if block:
                _end_line(lines, current)


def _in_link(text: NavigableString) -> bool:
    """Return True when a piece of text stands inside a link."""
    return any(parent.name == "a" for parent in text.parents)


def _end_line(lines: list[tuple[str, int]], current: list[list]) -> None:
    """Close the line being built, if it holds text."""
    text = " ".join(current[-1][0].replace("\xa0", " ").split())
    if text:
        lines.append((text, current[-1][1]))
    current[-1] = ["", 0]


def _is_chrome(text: str, linked: int) -> bool:
    """Return True for a line of page chrome: mostly links, or short and worded as chrome."""
    length = len("".join(text.split()))
    if linked >= LINK_SHARE * length:
        return True
    return length <= MAX_CHROME_LINE and bool(CHROME_LINE.search(text)) and not _is_prose(text)


def _is_prose(text: str) -> bool:
    """Return True for a sentence of the report (it ends like one), which chrome words never drop."""
    return text.rstrip().endswith(("。", "；", "！", "？")) and len(text) > 30


def _compact(text: str) -> str:
    """Return text without whitespace."""
    return "".join(text.split())
