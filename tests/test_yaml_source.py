"""Safe YAML reading: lines of values, refused aliases, duplicate keys, encodings, limits."""

import time

from loaders.record.yaml_source import MAX_DEPTH, read_yaml_text


def read(text):
    return read_yaml_text(text, "t.yaml")


def test_lines_are_kept_for_every_value():
    source, problems = read("a:\n  - id: x\n    target:\n      value: 5\n")
    assert problems == []
    assert source.data == {"a": [{"id": "x", "target": {"value": 5}}]}
    assert source.line(("a", 0, "target", "value")) == 4
    assert source.line(("a", 0, "id")) == 2
    assert source.line(("a", 0, "missing", "deeper")) == 2


def test_duplicate_key_in_one_mapping_is_reported_with_both_lines():
    source, problems = read("id: a\nvalue: 1\nvalue: 2\n")
    assert [str(p) for p in problems] == [
        "t.yaml:3: duplicate key 'value' (first at line 2): YAML would silently keep only the last one; remove or rename one"
    ]
    assert source.data == {"id": "a", "value": 1}


def test_aliases_are_refused():
    _, problems = read("a: &x 1\nb: *x\n")
    assert [str(p) for p in problems] == [
        "t.yaml:2: YAML anchors and aliases (&name, *name, <<) are not allowed: write the value out in full"
    ]


def test_billion_laughs_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        previous = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{previous}]")
    start = time.process_time()
    source, problems = read("\n".join(lines) + "\n")
    assert time.process_time() - start < 1.0
    assert problems and all("aliases" in p.message for p in problems)


def test_tab_indentation_says_use_spaces():
    _, problems = read("a:\n\t- 1\n")
    assert len(problems) == 1
    assert problems[0].line == 2
    assert problems[0].message.endswith("(indent with spaces, not tabs)")


def test_deep_nesting_is_refused_before_parsing():
    depth = 100_000
    _, problems = read("a: " + "[" * depth + "]" * depth + "\n")
    assert [str(p) for p in problems] == [
        f"t.yaml:1: nesting is deeper than {MAX_DEPTH} levels: targets.yaml needs about 5"
    ]


def test_deep_flow_nesting_is_placed_where_it_passes_the_limit_not_where_libyaml_stops():
    text = "a:\n  - " + "[" * 60 + "\n    " + "[" * 1000 + "]" * 1060 + "\n"
    _, problems = read(text)
    assert [str(p) for p in problems] == [
        f"t.yaml:2: nesting is deeper than {MAX_DEPTH} levels: targets.yaml needs about 5"
    ]


def test_empty_file():
    _, problems = read("  \n\n")
    assert [str(p) for p in problems] == [
        "t.yaml: the file is empty: delete it and run `targets init`, which writes a new tracker's sections"
    ]
