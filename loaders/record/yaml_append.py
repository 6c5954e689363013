"""Add records to a targets YAML file as new lines only: comments, order and quoting kept.

`targets draft --write` appends commitments and areas at the end of their sections; accepting a
suggested outcome adds an entry under a commitment's `progress`. Both must leave every other
line of the file as it was, so that `git diff` shows just what was added. The file is edited as
text: the new lines go after the last line of the section (or of the record's field), indented
as the file indents its items, and the result is parsed again and compared with the original
before anything is written — an edit that would change any existing value is refused.

- `append_to_section(text, section, items)` adds list items at the end of a top-level section;
- `insert_after_record(text, section, record_id, field, items)` adds list items to a record's
  list field (creating the field at the end of the record when it is missing);
- values are written with the quoting YAML needs by loaders.record.yaml_scalars;
- `section_records(text, section)` gives the records a section holds now (what an edit made
  again on a text saved meanwhile leaves out, so nothing is added twice);
- the file is written by loaders.record.file_writer (one writer at a time, no save lost).

Items are given as lists of lines, unindented: ``["- id: x", "  report: qc-2023"]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]|$)")
_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_COMMENT_TAIL = re.compile(r"(?:^|[ \t])#.*$")
DEFAULT_STEP = 2
_YAML_LINE_BREAKS = {ord(ch): f"\\u{ord(ch):04x}" for ch in "\x85\u2028\u2029"}


class AppendError(ValueError):
    """The YAML text cannot take the new lines as they are; the message says why."""


@dataclass(frozen=True)
class SectionLayout:
    """How a section is written: where it is, how its items are indented and spaced."""

    start: int  # index of the `section:` line, or -1 when the section is missing
    end: int  # index after the section's last content line
    item_indent: str  # what precedes "- " on an item's first line
    step: int  # how far nested mappings are indented
    blank_between: bool  # a blank line separates the items
    newline: str  # "\n" or "\r\n"


def _lines(text: str) -> list[str]:
    """Return the lines of text with their line endings."""
    return text.splitlines(keepends=True)


def _newline(text: str) -> str:
    """Return the line ending the text uses."""
    return "\r\n" if "\r\n" in text else "\n"


def _bare(line: str) -> str:
    """Return a line without its line ending."""
    return line.rstrip("\r\n")


def _is_blank(line: str) -> bool:
    return not _bare(line).strip()


def _indent_of(line: str) -> int:
    bare = _bare(line)
    return len(bare) - len(bare.lstrip(" \t"))


def _is_comment(line: str) -> bool:
    return _bare(line).lstrip(" \t").startswith("#")


def _inline_value(rest: str) -> str:
    """Return the value written on a key's own line, its comment left out."""
    return _COMMENT_TAIL.sub("", rest).strip()


def _top_level_keys(lines: list[str]) -> list[tuple[int, str, str]]:
    """Return (index, key, rest of line) for every top-level key of the document."""
    found = []
    for index, line in enumerate(lines):
        match = _TOP_KEY.match(_bare(line))
        if match:
            found.append((index, match.group("key"), match.group("rest")))
    return found


def section_layout(text: str, section: str) -> SectionLayout:
    """Return where a top-level section is and how its items are written."""
    lines = _lines(text)
    newline = _newline(text)
    keys = _top_level_keys(lines)
    step = _file_step(lines)
    for position, (index, key, rest) in enumerate(keys):
        if key != section:
            continue
        following = keys[position + 1][0] if position + 1 < len(keys) else len(lines)
        inline = _inline_value(rest)
        if inline not in ("", "[]"):
            raise AppendError(
                f"`{section}:` is written on one line ({inline[:40]}): write it as a block list "
                "(one `- ` item a line) so records can be added"
            )
        end = index + 1
        item_indent = None
        blank_between = False
        previous_blank = False
        items = 0
        for inner in range(index + 1, following):
            line = lines[inner]
            if _is_blank(line):
                previous_blank = True
                continue
            if _is_comment(line) and _indent_of(line) == 0:
                previous_blank = False
                continue  # a comment at the margin introduces what follows, not this section
            item = _ITEM.match(_bare(line))
            if item and (item_indent is None or item.group("indent") == item_indent):
                item_indent = item.group("indent")
                items += 1
                blank_between = blank_between or (previous_blank and items > 1)
            previous_blank = False
            end = inner + 1
        return SectionLayout(
            start=index,
            end=end,
            item_indent=item_indent if item_indent is not None else " " * step,
            step=step,
            blank_between=blank_between,
            newline=newline,
        )
    return SectionLayout(-1, len(lines), " " * step, step, False, newline)


def _file_step(lines: list[str]) -> int:
    """Return the indentation step of the file: how far a key's children are indented."""
    for index, line in enumerate(lines[:-1]):
        match = re.match(r"^([ \t]*)(?:-[ \t]+)?[\w-]+[ \t]*:[ \t]*$", _bare(line))
        if not match:
            continue
        parent = len(match.group(1)) + (_bare(line).lstrip().startswith("- ") and 2)
        for child in lines[index + 1 :]:
            if _is_blank(child) or _is_comment(child):
                continue
            difference = _indent_of(child) - parent
            if 0 < difference <= 8:
                return difference
            break
    return DEFAULT_STEP


def append_to_section(text: str, section: str, items: list[list[str]]) -> str:
    """Return text with list items added at the end of a top-level section, as new lines only.

    A missing section is added at the end of the file; `section: []` becomes a block list.
    """
    if not items:
        return text
    layout = section_layout(text, section)
    lines = _lines(text)
    newline = layout.newline
    new_lines = []
    for number, item in enumerate(items):
        if layout.blank_between and (number or layout.end > layout.start + 1):
            new_lines.append(newline)
        new_lines += [(layout.item_indent + line).rstrip() + newline for line in item]
    if layout.start < 0:
        ending = [] if not lines or lines[-1].endswith(("\n", "\r")) else [newline]
        blank = [newline] if lines and not _is_blank(lines[-1]) else []
        result = "".join(lines + ending + blank + [f"{section}:{newline}"] + new_lines)
    else:
        if _inline_value(_bare(lines[layout.start]).split(":", 1)[1]) == "[]":
            lines[layout.start] = _drop_empty_list(lines[layout.start])
        before, after = lines[: layout.end], lines[layout.end :]
        if before and not before[-1].endswith(("\n", "\r")):
            before[-1] += newline
        result = "".join(before + new_lines + after)
    check_only_appended(text, result, (section,), len(items))
    return result


def _drop_empty_list(line: str) -> str:
    """Return `key: []  # comment` as `key:  # comment`."""
    return re.sub(r":[ \t]*\[\][ \t]*", ": " if "#" in line else ":", line, count=1).replace(
        ":  #", ": #"
    )


def insert_after_record(
    text: str, section: str, record_id: str, field: str, items: list[list[str]]
) -> str:
    """Return text with list items added to the list `field` of the record with this id.

    The items go after the field's last line, indented as its existing items; when the record
    has no such field, `field:` and the items are added after the record's last line.
    """
    if not items:
        return text
    layout = section_layout(text, section)
    if layout.start < 0:
        raise AppendError(f"no `{section}:` section in the file")
    lines = _lines(text)
    newline = layout.newline
    record = _record_span(lines, layout, record_id)
    if record is None:
        raise AppendError(f'no record with id "{record_id}" under `{section}:`')
    first, last = record
    key_indent = _key_indent(lines[first])
    field_line = _field_line(lines, first, last, key_indent, field)
    if field_line is None:
        entry_indent = key_indent + " " * layout.step
        new_lines = [f"{key_indent}{field}:{newline}"]
        insert_at = last
    else:
        rest = _bare(lines[field_line]).split(":", 1)[1]
        if _inline_value(rest) not in ("", "[]"):
            raise AppendError(
                f"`{field}:` of {record_id} is written on one line: write it as a block list "
                "so entries can be added"
            )
        if _inline_value(rest) == "[]":
            lines[field_line] = _drop_empty_list(lines[field_line])
        insert_at, found_indent = _field_end(lines, field_line, last, key_indent)
        entry_indent = (
            found_indent if found_indent is not None else (key_indent + " " * layout.step)
        )
        new_lines = []
    for item in items:
        new_lines += [(entry_indent + line).rstrip() + newline for line in item]
    if insert_at > 0 and not lines[insert_at - 1].endswith(("\n", "\r")):
        lines[insert_at - 1] += newline
    result = "".join(lines[:insert_at] + new_lines + lines[insert_at:])
    check_only_appended(text, result, (section, record_id, field), len(items))
    return result


def _record_span(lines: list[str], layout: SectionLayout, record_id: str) -> tuple[int, int] | None:
    """Return the first line and the index after the last content line of a record."""
    starts = [
        index
        for index in range(layout.start + 1, layout.end)
        if (match := _ITEM.match(_bare(lines[index])))
        and match.group("indent") == layout.item_indent
    ]
    for position, first in enumerate(starts):
        following = starts[position + 1] if position + 1 < len(starts) else layout.end
        key_indent = _key_indent(lines[first])
        last = first + 1
        found = False
        for index in range(first, following):
            line = lines[index]
            if _is_blank(line):
                continue
            if _is_comment(line) and _indent_of(line) <= len(layout.item_indent):
                continue  # a comment at the items' margin introduces the next record
            last = index + 1
            match = _ID_LINE.match(_bare(line))
            if match and (index == first or _indent_of(line) == len(key_indent)):
                found = found or _scalar_value(match.group("value")) == record_id
        if found:
            return first, last
    return None


def _field_line(lines: list[str], first: int, last: int, key_indent: str, field: str) -> int | None:
    """Return the index of a record's `field:` line, or None when the record has no such field."""
    pattern = re.compile(rf"^{re.escape(field)}[ \t]*:(?:[ \t]|$)")
    for index in range(first, last):
        bare = _bare(lines[index])
        if index != first and (_indent_of(lines[index]) != len(key_indent) or _is_comment(bare)):
            continue
        if pattern.match(bare[len(key_indent) :]):
            return index
    return None


def _field_end(
    lines: list[str], field_line: int, last: int, key_indent: str
) -> tuple[int, str | None]:
    """Return the index after a list field's last line, and the indentation of its items."""
    insert_at, entry_indent = field_line + 1, None
    for index in range(field_line + 1, last):
        line = lines[index]
        if _is_blank(line) or _is_comment(line):
            continue
        indent = _indent_of(line)
        item = _ITEM.match(_bare(line))
        if indent < len(key_indent) or (indent == len(key_indent) and not item):
            break
        if item and entry_indent is None:
            entry_indent = item.group("indent")
        insert_at = index + 1
    return insert_at, entry_indent


def _key_indent(item_line: str) -> str:
    """Return the indentation of a record's keys, from its first line ("  - id: x" → 4 spaces)."""
    match = re.match(r"^([ \t]*-[ \t]+)", _bare(item_line))
    return " " * len(match.group(1)) if match else " " * _indent_of(item_line)


def _scalar_value(text: str) -> object:
    """Return the value a scalar written on a line stands for (quotes and comment removed)."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return _inline_value(text)


# ---- checking ------------------------------------------------------------------------------


def _load(text: str, what: str) -> object:
    """Return the data of YAML text, or raise AppendError."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise AppendError(f"{what} is not valid YAML{where}: run `targets check`") from error


def check_only_appended(old: str, new: str, path: tuple, added: int) -> None:
    """Raise AppendError unless new holds old's data with `added` items appended at path."""
    before = _load(old, "the file")
    after = _load(new, "the file with the new lines")
    if not isinstance(before, dict) and before is not None:
        raise AppendError("the file is not a mapping of sections: run `targets check`")
    before = before or {}
    if not isinstance(after, dict):
        raise AppendError("the new lines would break the file's structure: nothing was written")
    section = path[0]
    old_list = before.get(section) or []
    new_list = after.get(section) or []
    others_same = {k: v for k, v in before.items() if k != section} == {
        k: v for k, v in after.items() if k != section
    }
    if len(path) == 1:
        ok = others_same and new_list[: len(old_list)] == old_list
        ok = ok and len(new_list) == len(old_list) + added
    else:
        record_id, field = path[1], path[2]
        ok = others_same and len(new_list) == len(old_list)
        for old_record, new_record in zip(old_list, new_list, strict=False):
            if not ok:
                break
            if isinstance(old_record, dict) and old_record.get("id") == record_id:
                old_entries = old_record.get(field) or []
                new_entries = new_record.get(field) or []
                rest_same = {k: v for k, v in old_record.items() if k != field} == {
                    k: v for k, v in new_record.items() if k != field
                }
                ok = rest_same and new_entries[: len(old_entries)] == old_entries
                ok = ok and len(new_entries) == len(old_entries) + added
            else:
                ok = old_record == new_record
    if not ok:
        where = "/".join(str(p) for p in path)
        raise AppendError(
            f"adding the lines at {where} would change what the file already says (its layout "
            "is unusual there): nothing was written; add the records by hand"
        )


def section_records(text: str, section: str) -> list[dict]:
    """Return the mappings listed under a top-level section of YAML text (none when it has
    none, or the text does not parse)."""
    try:
        data = _load(text, "the file")
    except AppendError:
        return []
    items = data.get(section) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
