"""PyYAML's parser as this project drives it: the loader, its line numbers as the file's, and a
syntax error told for people, with its line, column and how to fix it (a full-width colon, a
quote left open, a tab, a value that needs quotes).
"""

from __future__ import annotations

import re

import yaml

from loaders.problems import Problem

# libyaml's parser is ~10x faster; the pure-Python one gives the same nodes. PyYAML built
# without libyaml has no CSafeLoader.
LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)

_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")
_YAML_BREAKS = re.compile("[\n\x85\u2028\u2029]")
_UNCLOSED_QUOTE = "a quote is not closed: end the text with the same quote mark it starts with"


class FileLines:
    """Turns libyaml's line numbers (0-based) into the file's (1-based).

    libyaml also breaks lines at U+0085, U+2028 and U+2029, which editors show within a line,
    and puts the end of a file without a final line break on a line after the last.
    """

    def __init__(self, text: str):
        self.last = text.count("\n") + 1
        self.lines: list[int] | None = None
        if _OTHER_BREAKS.search(text):
            line, self.lines = 1, [1]
            for match in _YAML_BREAKS.finditer(text):
                line += match.group() == "\n"
                self.lines.append(line)

    def __call__(self, yaml_line: int) -> int:
        """Return the file's line number of a libyaml line number."""
        if self.lines is None:
            return min(yaml_line + 1, self.last)
        return self.lines[min(yaml_line, len(self.lines) - 1)]


def syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str, lines: FileLines) -> Problem:
    """Return a problem for a YAML syntax error, with line, column and a hint."""
    quote = _unclosed_quote(error, text, lines)
    if quote is not None:
        message = (
            f"YAML syntax error at column {quote.column + 1}: this quoted text runs on past its "
            f"line ({_UNCLOSED_QUOTE})"
        )
        return Problem(name, lines(quote.line), None, None, message, code="yaml-syntax")
    mark = error.problem_mark or error.context_mark
    colon = _full_width_colon(text, mark.line if mark else None)
    if colon is not None:
        row, colon_column, key = colon
        message = (
            f"YAML syntax error at column {colon_column + 1}: a full-width colon ：, write : "
            f"followed by a space ({key}: …)"
        )
        return Problem(name, lines(row), None, None, message, code="yaml-syntax")
    if "while parsing a flow" in (error.context or "") and error.context_mark:
        mark = error.context_mark  # where the [ or { opens that is not closed
    line = lines(mark.line) if mark else None
    column = mark.column + 1 if mark else None
    what = (error.problem or error.context or "syntax error").strip()
    if error.context and error.problem:
        what = f"{error.context.strip()}, {error.problem.strip()}"
    message = f"YAML syntax error at column {column}: {what}"
    source_lines = text.split("\n")
    source_line = source_lines[line - 1] if line is not None and line <= len(source_lines) else ""
    leading = source_line[: len(source_line) - len(source_line.lstrip())]
    hint = "indent with spaces, not tabs" if "\t" in leading else _syntax_hint(what)
    if hint:
        message += f" ({hint})"
    return Problem(name, line, None, None, message, code="yaml-syntax")


_FULL_WIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*：")


def _full_width_colon(text: str, error_row: int | None) -> tuple[int, int, str] | None:
    """Return (row, column, key) of a field written with a full-width colon (value：7200) on the
    error's line or the few before it (YAML notices it a line late), or None."""
    if error_row is None:
        return None
    rows = text.split("\n")
    for row in range(min(error_row, len(rows) - 1), max(error_row - 3, -1), -1):
        match = _FULL_WIDTH_KEY.match(rows[row])
        if match:
            return row, match.end() - 1, match.group(1)
    return None


def _unclosed_quote(error: yaml.MarkedYAMLError, text: str, lines: FileLines) -> yaml.Mark | None:
    """Return where a quote opens that is not closed on its line when it causes the error."""
    if "end of stream" in (error.problem or "") and "quoted scalar" in (error.context or ""):
        return error.context_mark  # the quote runs to the end of the file
    if error.problem_mark is None:
        return None
    error_line = lines(error.problem_mark.line)
    found = None
    try:  # the quote is closed by the next quote mark, and the rest of that line cannot parse
        for token in yaml.scan(text, Loader=LOADER):
            start, end = lines(token.start_mark.line), lines(token.end_mark.line)
            if start > error_line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ("'", '"')
                and start < end
                and error_line - end <= 1
            ):
                found = token.start_mark
    except yaml.YAMLError:
        pass
    return found


def _syntax_hint(what: str) -> str | None:
    """Return a fix for a common YAML syntax error, or None."""
    if "'\\t'" in what or "tab" in what:
        return "indent with spaces, not tabs"
    if "found unexpected end of stream" in what:
        return _UNCLOSED_QUOTE
    if "unknown escape character" in what:
        return "in double quotes a backslash starts an escape: write \\\\, or use single quotes"
    if "cannot start any token" in what:
        return "a value cannot start with @ or `: put it in quotes"
    if "alias" in what or "anchor" in what:
        return "a value starting with * or & is a YAML alias or anchor: put it in quotes"
    if "flow sequence" in what or "flow mapping" in what:
        return "a [ or { is not closed, or a value inside it holds ', ' or ': ': put it in quotes"
    if "mapping values are not allowed" in what:
        return "a value contains ': ' — put the value in quotes, or check the indentation"
    if "could not find expected ':'" in what:
        return "a line needs ': ' after its field name, or more indentation to continue the value above"
    if "expected <block end>" in what or "did not find expected" in what:
        return "check the indentation: items of one list or mapping must line up"
    return None
