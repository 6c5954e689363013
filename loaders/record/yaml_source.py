"""Read a hand-edited YAML file safely, keeping the line of every value.

What this refuses, each as a Problem with a line and a hint rather than an exception:
files over MAX_FILE_BYTES, anything but a regular file and files that are not UTF-8 text (these
three through loaders.textfile), YAML syntax errors, anchors and aliases (a few hundred bytes of
nested aliases can exhaust memory once the data is walked; they are never expanded), tags,
nesting deeper than MAX_DEPTH, values over MAX_STRING_CHARS and duplicate keys inside one
mapping (PyYAML silently keeps the last one).

A problem of one value is kept with the value's path (YamlSource.value_problems), so that the
validator can name the record and field it is in and leave only that record out.

How PyYAML is driven, its line numbers and its syntax errors told for people: loaders.record.yaml_syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders.problems import Problem
from loaders.record.yaml_syntax import LOADER, FileLines, syntax_problem
from loaders.textfile import TextKind, read_text

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 50
MAX_STRING_CHARS = 100_000
MAX_KEY_CHARS = 200

Path_ = tuple[Any, ...]

_SCALAR_TAGS_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}
# Nesting can only get deep through brackets or through columns (a nested block collection
# starts at least one column further right every two levels), so a text with few brackets and
# no long line is shallow enough for libyaml's recursive composer, which overflows the C stack
# at some tens of thousands of levels; any other text is measured on its parse events first.
_BRACKETS_BEFORE_SCAN = 1000
_LONG_LINE = re.compile(r"[^\n]{1000}")
_LIBYAML_DEPTH = "exceeded maximum nesting depth"
# A quoted text, a comment (a # at a line's start or after a space) or a bracket.
_BRACKET_TOKENS = re.compile(r"""'[^']*'|"(?:[^"\\]|\\.)*"|(?:^|(?<=\s))#.*|[\[\]{}]""")
_DEPTH_MESSAGE = f"nesting is deeper than {MAX_DEPTH} levels: targets.yaml needs about 5"
_ALIAS_MESSAGE = (
    "YAML anchors and aliases (&name, *name, <<) are not allowed: write the value out in full"
)


@dataclass
class YamlSource:
    """Plain Python data read from YAML, with the 1-based line of every value by path."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    #: the problems of single values (a duplicate key, an alias, a value over a limit), by path
    value_problems: list[tuple[Path_, Problem]] = field(default_factory=list)
    #: paths whose value was dropped (read as None) because of one of those problems
    dropped: set[Path_] = field(default_factory=set)

    def dropped_at(self, path: Path_) -> bool:
        """Return True when the value at path, or one enclosing it, was dropped by the reader."""
        return any(path[:length] in self.dropped for length in range(len(path) + 1))

    def line(self, path: Path_) -> int | None:
        """Return the line of the value at path, or of its nearest enclosing value."""
        while True:
            found = self.lines.get(path)
            if found is not None or not path:
                return found
            path = path[:-1]


#: targets.yaml as a text file: its size limit and the messages that name it
TARGETS_TEXT = TextKind(
    noun="file",
    max_bytes=MAX_FILE_BYTES,
    usual_size="targets.yaml with every commitment of a report is well under 1 MB",
    not_found="file not found: {path} (set TARGETS_FILE or --targets to another file)",
)


def read_text_file(path: Path, name: str | None = None) -> tuple[str | None, list[Problem]]:
    """Return the text of a targets file (loaders.textfile), or None and the problem with it."""
    return read_text(path, name or path.name, TARGETS_TEXT)


def read_yaml_text(text: str, name: str) -> tuple[YamlSource | None, list[Problem]]:
    """Return the YAML data of text with its lines, or None and the problems that stop reading."""
    if not text.strip():
        return None, [
            Problem(
                name,
                None,
                None,
                None,
                "the file is empty: delete it and run `targets init`, which writes a new tracker's sections",
                code="empty-file",
            )
        ]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = FileLines(text)
    try:
        deep_line, alias_lines = _scan(text, lines)
        if deep_line is not None:
            return None, [
                Problem(name, deep_line, None, None, _DEPTH_MESSAGE, code="nesting-too-deep")
            ]
        root = yaml.compose(text, Loader=LOADER)
    except UnicodeEncodeError as error:  # only text not read from a file can hold these
        line = text[: error.start].count("\n") + 1
        message = "not valid Unicode text (a lone surrogate): save it as UTF-8"
        return None, [Problem(name, line, None, None, message, code="not-utf8")]
    except yaml.MarkedYAMLError as error:
        return None, [syntax_problem(error, name, text, lines)]
    except yaml.reader.ReaderError as error:  # libyaml gives the UTF-8 byte offset
        line = text.encode("utf-8", "surrogatepass")[: error.position].count(b"\n") + 1
        message = (
            f"an invisible control character (#x{error.character:04x}) is not allowed: delete it "
            "(text copied from a PDF often carries one)"
        )
        return None, [Problem(name, line, None, None, message, code="control-character")]
    except yaml.YAMLError as error:  # pragma: no cover - libyaml errors are all marked
        return None, [Problem(name, None, None, None, f"YAML error: {error}", code="yaml-syntax")]
    if root is None:
        message = "the file holds only comments: delete it and run `targets init`, which writes a new tracker's sections"
        return None, [Problem(name, None, None, None, message, code="empty-file")]
    walker = _Walker(name, lines, alias_lines)
    data = walker.walk(root, (), 0)
    problems = [problem for _, problem in walker.value_problems]
    return YamlSource(data, walker.lines, walker.value_problems, walker.dropped), problems


def _scan(text: str, lines: FileLines) -> tuple[int | None, dict[Path_, int]]:
    """Return the line where nesting first exceeds MAX_DEPTH, if it does, and each alias's line.

    The text is parsed into events only when it could nest too deep for libyaml's composer (see
    _LONG_LINE) or holds a '*' (an alias's line is lost once composed: the alias becomes the
    node it names).
    """
    deep = text.count("[") + text.count("{") >= _BRACKETS_BEFORE_SCAN or bool(
        _LONG_LINE.search(text)
    )
    if not deep and "*" not in text:
        return None, {}
    alias_lines: dict[Path_, int] = {}
    stack: list[_Frame] = []
    try:
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            path = stack[-1].next_path() if stack else ()
            if path is _KEY:
                stack[-1].key = event.value if isinstance(event, yaml.ScalarEvent) else None
                path = None
            if isinstance(event, yaml.AliasEvent) and path is not None:
                alias_lines.setdefault(path, lines(_start_row(event)))
            elif isinstance(event, yaml.CollectionStartEvent):
                stack.append(_Frame(path, isinstance(event, yaml.MappingStartEvent)))
                if len(stack) > MAX_DEPTH:
                    return lines(_start_row(event)), alias_lines
    except yaml.MarkedYAMLError as error:
        if _LIBYAML_DEPTH in (error.problem or "") and error.problem_mark is not None:
            return _deep_line(text, error.problem_mark.line + 1), alias_lines
        # otherwise compose reports the syntax error, at the same place, before nesting deeper
    except yaml.YAMLError:
        pass
    return None, alias_lines


def _deep_line(text: str, refused_line: int) -> int:
    """Return the line where brackets first nest deeper than MAX_DEPTH, at most refused_line.

    libyaml (0.2.6 and later, in PyYAML 6.0.4) refuses deep flow nesting itself, while scanning
    ahead of the events _scan counts; its refusal becomes ours, at the line where our limit is
    passed. Brackets in quotes and comments are skipped; the count is an upper bound of the
    real depth, so the line is never later than libyaml's.
    """
    depth = 0
    for number, line in enumerate(text.split("\n")[:refused_line], start=1):
        for token in _BRACKET_TOKENS.findall(line):
            if token in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return number
            elif token in "]}":
                depth = max(depth - 1, 0)
            elif token.startswith("#"):
                break
    return refused_line


_KEY = object()


def _start_row(event: yaml.Event) -> int:
    """Return the 0-based row an event starts on (the parser marks every event it makes)."""
    assert event.start_mark is not None, "events from yaml.parse carry their marks"
    return event.start_mark.line


class _Frame:
    """A collection being parsed: its path, and the path of its next item."""

    __slots__ = ("path", "mapping", "count", "key")

    def __init__(self, path: Path_ | None, mapping: bool):
        self.path, self.mapping, self.count = path, mapping, 0
        self.key: str | None = None

    def next_path(self) -> Any:
        """Return the path of the next node, _KEY for a mapping key, or None if not on a path."""
        index, self.count = self.count, self.count + 1
        if self.mapping and index % 2 == 0:
            return _KEY
        if self.path is None or (self.mapping and self.key is None):
            return None
        return (*self.path, self.key if self.mapping else index)


def _tag_message(tag: str) -> str:
    """Return the problem of a YAML tag other than the plain ones."""
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"YAML tags such as {shown} are not allowed: remove the tag"


class _Walker:
    """Converts composed YAML nodes to plain data, recording lines and problems."""

    def __init__(self, name: str, lines: FileLines, alias_lines: dict[Path_, int] | None = None):
        self.name = name
        self.to_line = lines
        self.plain_lines = lines.lines is None  # then a line is libyaml's + 1 (see FileLines)
        self.last = lines.last
        self.alias_lines = alias_lines or {}
        self.lines: dict[Path_, int] = {}
        self.value_problems: list[tuple[Path_, Problem]] = []
        self.dropped: set[Path_] = set()
        self.seen: set[int] = set()
        self.alias_reported: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, path: Path_, line: int, code: str, message: str, drop: bool = True) -> None:
        """Record the problem of the value at path; drop marks the value as read as None."""
        problem = Problem(self.name, line, None, None, message, code=code)
        self.value_problems.append((path, problem))
        if drop:
            self.dropped.add(path)

    def walk(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        mark = node.start_mark.line
        line = min(mark + 1, self.last) if self.plain_lines else self.to_line(mark)
        if id(node) in self.seen:
            line = self.alias_lines.get(path, line)
            if line in self.alias_reported:
                self.dropped.add(path)
            else:
                self.alias_reported.add(line)
                self.problem(path, line, "alias", _ALIAS_MESSAGE)
            self.lines[path] = line
            return None
        self.lines[path] = line
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(path, line, "nesting-too-deep", _DEPTH_MESSAGE)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path, line)
        if node.tag not in _COLLECTION_TAGS:
            self.problem(path, line, "yaml-tag", _tag_message(node.tag))
            return None
        if isinstance(node, yaml.SequenceNode):
            return [
                self.walk(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        assert isinstance(node, yaml.MappingNode), "yaml.compose makes no other kind of node"
        return self.mapping(node, path, depth)

    def scalar(self, node: yaml.ScalarNode, path: Path_, line: int) -> Any:
        if len(node.value) > MAX_STRING_CHARS:
            self.problem(
                path,
                line,
                "value-too-long",
                f"a value of {len(node.value):,} characters is over the "
                f"{MAX_STRING_CHARS:,} limit: is it the right text?",
            )
            return None
        if node.tag == _SCALAR_TAGS_STR:
            return node.value
        if node.tag not in _PLAIN_TAGS:
            self.problem(path, line, "yaml-tag", _tag_message(node.tag))
            return None
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, OverflowError) as error:
            shown = node.value if len(node.value) <= 60 else node.value[:57] + "..."
            if node.tag.endswith(":timestamp"):
                message = f'"{shown}" is not a date: {error}'
            else:
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                message = f'"{shown}" cannot be read as {tag}: remove the tag, or fix the value'
            self.problem(path, line, "bad-value", message)
            return None

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark.line
            line = min(mark + 1, self.last) if self.plain_lines else self.to_line(mark)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(path, line, "alias", _ALIAS_MESSAGE, drop=False)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                message = "a key must be a plain name, not a list or mapping"
                self.problem(path, line, "bad-key", message, drop=False)
                continue
            key = key_node.value
            if len(key) > MAX_KEY_CHARS:
                message = (
                    f'a key of {len(key):,} characters ("{key[:20]}..."): a key is a short field '
                    "name; is the ': ' after it missing?"
                )
                self.problem(path, line, "bad-key", message, drop=False)
                continue
            if key in first_line:
                self.problem(
                    (*path, key),
                    line,
                    "duplicate-key",
                    f"duplicate key '{key}' (first at line {first_line[key]}): "
                    "YAML would silently keep only the last one; remove or rename one",
                    drop=False,
                )
                continue
            first_line[key] = line
            result[key] = self.walk(value_node, (*path, key), depth + 1)
            self.lines[(*path, key)] = line
        return result
