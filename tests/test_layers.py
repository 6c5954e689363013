"""The loaders' packages form layers: each imports only the layers before it, so the import
graph is one-way, and the dashboard imports the library only through `loaders` itself."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOADERS = ROOT / "loaders"
#: lowest first: a module may import its own layer and those before it, never one after it
LAYERS = (
    "base",
    "texts",
    "figures",
    "record",
    "rules",
    "cache",
    "load",
    "drafting",
    "importing",
    "cli",
)


def layer_of(module: str) -> str:
    """Return the layer of a loaders module by its dotted name ("base" for the top modules)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in LAYERS else "base"


def loaders_imports(path: Path) -> list[tuple[int, str]]:
    """Return (line, module) for every import of a loaders module in a file, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("loaders"):
            names = [node.module + "." + alias.name for alias in node.names]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("loaders")]
    return found


def module_name(path: Path) -> str:
    """Return a loaders file's dotted module name."""
    relative = path.relative_to(ROOT).with_suffix("")
    return ".".join(p for p in relative.parts if p != "__init__")


def upward_imports() -> list[str]:
    """Return each import of a later layer by an earlier one, as "file:line: a -> b"."""
    found = []
    for path in sorted(LOADERS.rglob("*.py")):
        if path.parent == LOADERS and path.stem in ("__init__", "__main__"):
            continue  # the public façade and `python -m loaders` stand above every layer
        own = LAYERS.index(layer_of(module_name(path)))
        for line, imported in loaders_imports(path):
            if LAYERS.index(layer_of(imported)) > own:
                where = path.relative_to(ROOT)
                found.append(f"{where}:{line}: {module_name(path)} -> {imported}")
    return found


def test_every_loaders_module_belongs_to_a_layer():
    packages = {p.name for p in LOADERS.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(LAYERS) - {"base"}


def test_no_layer_imports_a_later_one():
    assert upward_imports() == []


def test_the_rule_sees_an_import_of_a_later_layer(tmp_path, monkeypatch):
    fake = tmp_path / "loaders"
    (fake / "texts").mkdir(parents=True)
    (fake / "texts" / "bad.py").write_text(
        "def f():\n    from loaders.load.targets import load_targets\n", encoding="utf-8"
    )
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "LOADERS", fake)
    assert upward_imports() == [
        "loaders/texts/bad.py:2: loaders.texts.bad -> loaders.load.targets.load_targets"
    ]


def test_the_dashboard_imports_the_library_only_through_its_public_names():
    import loaders

    through_modules = [
        f"{path.relative_to(ROOT)}:{line}: {imported}"
        for path in sorted((ROOT / "dashboard").rglob("*.py"))
        for line, imported in loaders_imports(path)
        if imported.rsplit(".", 1)[0] != "loaders"
    ]
    assert through_modules == []
    named = {
        imported.rsplit(".", 1)[1]
        for path in (ROOT / "dashboard").rglob("*.py")
        for _, imported in loaders_imports(path)
    }
    assert named <= set(loaders.__all__)


def test_every_public_name_resolves_to_its_module():
    import importlib

    import loaders

    for name, module in loaders.PUBLIC.items():
        assert getattr(loaders, name) is getattr(importlib.import_module(module), name), name
