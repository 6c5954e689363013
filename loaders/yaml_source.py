"""Read a hand-edited YAML file safely, keeping the line of every value.

What this refuses, each as a Problem with a line and a hint rather than an exception:
files over MAX_FILE_BYTES, files that are not UTF-8 text, YAML syntax errors, anchors and
aliases (a few hundred bytes of nested aliases can exhaust memory once the data is walked),
nesting deeper than MAX_DEPTH, and duplicate keys inside one mapping (PyYAML silently keeps
the last one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders.problems import Problem

try:  # libyaml's parser is ~10x faster; the pure-Python one gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 50
MAX_STRING_CHARS = 100_000

Path_ = tuple[Any, ...]

_SCALAR_TAGS_STR = "tag:yaml.org,2002:str"
_SUSPICIOUS_INDENT = re.compile(rf"^[ \t]{{{2 * MAX_DEPTH},}}\S", re.MULTILINE)


@dataclass
class YamlSource:
    """Plain Python data read from YAML, with the 1-based line of every value by path."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """Return the line of the value at path, or of its nearest enclosing value."""
        while True:
            found = self.lines.get(path)
            if found is not None or not path:
                return found
            path = path[:-1]


def _too_large(name: str, size: int) -> list[Problem]:
    """Return the problem for a file over the size limit."""
    limit_mb = MAX_FILE_BYTES // (1024 * 1024)
    message = (
        f"file is {size / (1024 * 1024):.1f} MB, over the {limit_mb} MB limit: "
        "split it into several files (one per report or per year)"
    )
    return [Problem(name, None, None, None, message)]


def decode_text(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Return the UTF-8 text of raw bytes (BOM dropped), or None and a problem saying why not."""
    if len(raw) > MAX_FILE_BYTES:
        return None, _too_large(name, len(raw))
    if b"\x00" in raw:
        return None, [
            Problem(
                name,
                None,
                None,
                None,
                "not a text file (it contains NUL bytes): is it the right file?",
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, None, None, _not_utf8_message(raw))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _not_utf8_message(raw: bytes) -> str:
    """Return the message for bytes that are not UTF-8, naming GBK when they decode as it."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return "not UTF-8 text and no known Chinese encoding either: is it the right file?"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "not UTF-8 (it looks like GBK/GB18030): save it as UTF-8"
    return "not UTF-8 text: save it as UTF-8"


def read_text_file(path: Path, name: str | None = None) -> tuple[str | None, list[Problem]]:
    """Return the UTF-8 text of a file, or None and the problem that stops reading it."""
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, _too_large(name, size)
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [
            Problem(
                name,
                None,
                None,
                None,
                f"file not found: {path} (set TARGETS_FILE or --targets to another file)",
            )
        ]
    except IsADirectoryError:
        return None, [Problem(name, None, None, None, "is a directory, not a file")]
    except OSError as error:
        return None, [Problem(name, None, None, None, f"cannot read the file: {error.strerror}")]
    return decode_text(raw, name)


def read_yaml_file(path: Path, name: str | None = None) -> tuple[YamlSource | None, list[Problem]]:
    """Return the YAML data of a file with its lines, or None and the problems that stop reading."""
    name = name or path.name
    text, problems = read_text_file(path, name)
    if text is None:
        return None, problems
    return read_yaml_text(text, name)


def read_yaml_text(text: str, name: str) -> tuple[YamlSource | None, list[Problem]]:
    """Return the YAML data of text with its lines, or None and the problems that stop reading."""
    if not text.strip():
        return None, [
            Problem(
                name, None, None, None, "the file is empty: start from the example in README.md"
            )
        ]
    if _too_deep_to_compose(text):
        return None, [
            Problem(
                name,
                None,
                None,
                None,
                f"nesting is deeper than {MAX_DEPTH} levels: targets.yaml needs about 5",
            )
        ]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, name, text)]
    except yaml.YAMLError as error:  # pragma: no cover - libyaml errors are all marked
        return None, [Problem(name, None, None, None, f"YAML error: {error}")]
    walker = _Walker(name)
    data = walker.walk(root, (), 0) if root is not None else None
    return YamlSource(data, walker.lines), walker.problems


def _too_deep_to_compose(text: str) -> bool:
    """Return True when nesting is too deep to compose safely (libyaml's composer recurses)."""
    brackets = text.count("[") + text.count("{")
    if brackets < 2000 and not _SUSPICIOUS_INDENT.search(text):
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False  # the syntax error is reported by compose
    return False


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    """Return a problem for a YAML syntax error, with line, column and a hint."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    what = (error.problem or error.context or "syntax error").strip()
    if error.context and error.problem:
        what = f"{error.context.strip()}, {error.problem.strip()}"
    message = f"YAML syntax error at column {column}: {what}"
    source_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
    leading = source_line[: len(source_line) - len(source_line.lstrip())]
    hint = "indent with spaces, not tabs" if "\t" in leading else _syntax_hint(what)
    if hint:
        message += f" ({hint})"
    return Problem(name, line, None, None, message)


def _syntax_hint(what: str) -> str | None:
    """Return a fix for a common YAML syntax error, or None."""
    if "'\\t'" in what or "tab" in what:
        return "indent with spaces, not tabs"
    if "while scanning a quoted scalar" in what or "found unexpected end of stream" in what:
        return "a quote is not closed: end the text with the same quote mark it starts with"
    if "mapping values are not allowed" in what:
        return "a value contains ': ' — put the value in quotes, or check the indentation"
    if "expected <block end>" in what or "did not find expected" in what:
        return "check the indentation: items of one list or mapping must line up"
    return None


class _Walker:
    """Converts composed YAML nodes to plain data, recording lines and problems."""

    def __init__(self, name: str):
        self.name = name
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.name, node.start_mark.line + 1, None, None, message))

    def walk(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if id(node) in self.seen:
            self.problem(
                node,
                "YAML anchors and aliases (&name, *name, <<) are not allowed: write the value out in full",
            )
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node, f"nesting is deeper than {MAX_DEPTH} levels")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.walk(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        return self.mapping(node, path, depth)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if len(node.value) > MAX_STRING_CHARS:
            self.problem(
                node,
                f"a value of {len(node.value):,} characters is over the {MAX_STRING_CHARS:,} limit",
            )
            return None
        if node.tag == _SCALAR_TAGS_STR:
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as error:
            self.problem(node, f"cannot read the value {node.value!r}: {error}")
            return None

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    key_node, "YAML merge keys (<<) are not allowed: write the fields out in full"
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "a key must be a plain name, not a list or mapping")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problem(
                    key_node,
                    f"duplicate key '{key}' (first at line {first_line[key]}): "
                    "YAML would silently keep only the last one; remove or rename one",
                )
                continue
            first_line[key] = line
            result[key] = self.walk(value_node, (*path, key), depth + 1)
            self.lines[(*path, key)] = line
        return result
