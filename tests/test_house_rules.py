"""Rules of the house that no tool enforces: test modules share only through conftest's
fixtures, and the type checker is never silenced."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def imported_modules(path: Path) -> set[str]:
    """Return the modules a file imports (relative imports as "." plus their module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def test_no_test_module_imports_another_module_of_tests():
    own = {path.stem for path in TESTS.glob("*.py")}
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
        for package in ("loaders", "dashboard")
        for path in sorted((ROOT / package).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore" in line
    ]
    assert silenced == []
