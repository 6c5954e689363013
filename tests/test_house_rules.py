"""Rules of the house that no tool enforces: test modules share only through conftest's
fixtures, the type checker is never silenced, and a long module says why it is one module."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
PACKAGES = ("loaders", "dashboard")
MAX_LINES = 400
#: the sentence a longer module's docstring gives: "The module is longer than most (…) because …"
WHY_LONG = re.compile(r"longer than most\b.*?\bbecause\b", re.S)
#: modules being reworked elsewhere right now, each to be split or to say why: delete its line
#: when it does (the test below fails to remind you)
PENDING: dict[str, str] = {}


def imported_modules(path: Path) -> set[str]:
    """Return the modules a file imports (relative imports as "." plus their module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


#: the packages of tests/ a test module may import: data that parametrizes tests when they are
#: collected, which a fixture cannot do
SHARED_PACKAGES = {"bad_inputs"}  # the bad-input corpus: its cases and their exact outputs


def test_no_test_module_imports_another_module_of_tests():
    own = {path.stem for path in TESTS.glob("*.py")}
    own |= {path.parent.name for path in TESTS.glob("*/__init__.py")} - SHARED_PACKAGES
    offending = {
        path.name: sorted(
            name
            for name in imported_modules(path)
            if name.startswith((".", "tests")) or name.split(".")[0] in own
        )
        for path in sorted(TESTS.glob("*.py"))
    }
    assert {name: found for name, found in offending.items() if found} == {}


def test_the_rule_sees_each_way_of_importing_a_test_module(tmp_path):
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "import conftest\nfrom tests.helpers import x\nfrom . import y\nimport pytest\n",
        encoding="utf-8",
    )
    assert imported_modules(sample) == {"conftest", "tests.helpers", ".", "pytest"}


def test_no_type_ignore_in_the_checked_packages():
    silenced = [
        f"{path.relative_to(ROOT)}:{number}"
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore" in line
    ]
    assert silenced == []


def long_modules_without_a_reason() -> list[str]:
    """Return the modules of the packages over MAX_LINES whose docstring does not say why."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if len(text.splitlines()) <= MAX_LINES:
                continue
            docstring = ast.get_docstring(ast.parse(text)) or ""
            if not WHY_LONG.search(docstring):
                found.append(str(path.relative_to(ROOT)))
    return found


def test_a_module_over_400_lines_says_at_its_top_why_it_is_one_module():
    unexplained = long_modules_without_a_reason()
    assert [name for name in unexplained if name not in PENDING] == []
    assert [name for name in PENDING if name not in unexplained] == [], "no longer pending"
