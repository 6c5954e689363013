"""Rewrite the field reference in README.md from loaders/record/schema.py (run by `make readme`)."""

from pathlib import Path

from loaders.record.schema import schema_markdown

START, END = "<!-- schema:start -->", "<!-- schema:end -->"


def readme_with_schema(readme: str) -> str:
    """Return the README text with the generated field reference between its markers."""
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{schema_markdown()}{END}{tail}"


if __name__ == "__main__":
    path = Path(__file__).resolve().parent.parent / "README.md"
    path.write_text(readme_with_schema(path.read_text(encoding="utf-8")), encoding="utf-8")
