"""The README's field reference and status rules stay in step with the code."""

import re
import sys
from pathlib import Path

from dashboard.i18n import STATUS_LABELS
from loaders.record.schema import SECTIONS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from update_readme import readme_with_schema  # noqa: E402

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_field_reference_is_generated_from_the_schema():
    assert readme_with_schema(README) == README, (
        "README's field reference is stale: run `make readme`"
    )


def test_every_field_is_documented():
    for section in SECTIONS:
        assert f"| `{section.name}` |" in README
        for field in section.children:
            assert f"| `{field.name}` |" in README


def test_every_status_rule_is_in_the_readme():
    rules = README.split("<!-- status-rules:start -->")[1].split("<!-- status-rules:end -->")[0]
    for label in STATUS_LABELS["en"].values():
        assert f"**{label}**" in rules


def test_every_make_command_in_readme_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    mentioned = set(re.findall(r"`make ([a-z][a-z-]*)", README))
    assert mentioned, "README names no make command"
    assert mentioned <= targets, (
        f"README names make targets the Makefile lacks: {mentioned - targets}"
    )
