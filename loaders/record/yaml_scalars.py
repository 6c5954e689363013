"""Values written into targets.yaml as a person would write them: a YAML scalar quoted only when
YAML needs it (then double-quoted, as the file quotes), numbers without exponents or a trailing
.0, and the quoting a flow mapping ({op: ">=", value: 5, unit: 个}) needs.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

import yaml


def yaml_scalar(value: object) -> str:
    """Return a value as a YAML scalar for a block mapping: double-quoted only when YAML needs it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return yaml_number(value)
    if value is None:
        return "null"
    text = str(value)
    dumped = yaml.safe_dump(text, allow_unicode=True, width=math.inf, default_flow_style=True)
    dumped = dumped.removesuffix("\n").removesuffix("\n...").rstrip("\n")
    if dumped == text:
        return dumped
    return json.dumps(
        text, ensure_ascii=False
    )  # a double-quoted YAML scalar, as targets.yaml quotes


def yaml_number(value: float) -> str:
    """Return a number as people write it: 6900, 52.26, 0.00001 (never 1e-05, never 6900.0)."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(Decimal(repr(float(value))), "f")


def flow_scalar(value: object) -> str:
    """Return a value as a YAML scalar inside a flow mapping ({op: ">=", value: 5, unit: 个})."""
    text = yaml_scalar(value)
    if isinstance(value, str) and any(ch in text for ch in ",[]{}") and text[0] not in "'\"":
        return json.dumps(value, ensure_ascii=False)
    return text
