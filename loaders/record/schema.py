"""The targets.yaml schema, declared once: field, type, required, meaning, example.

The validator reads the allowed keys, the types and the requirements from here, conditional
ones included (`Unless`, `When`, `OneOf`, from `requirements.py`), and the README's field
reference is generated from it (`python -m loaders schema`), so the two cannot drift apart.

The module is longer than most (about 420 lines) because it is one table: every field of every
record, in the order the README's reference lists them, read top to bottom like it.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.record.requirements import (
    Facts,
    Is,
    NoneOf,
    OneOf,
    Requirement,
    SourceInSeeds,
    Unless,
    When,
)
from loaders.wording import COMMON_COMPARATOR_WORDS, MILESTONE_WORDS, OP_NAMES


def _common_words(op: str) -> str:
    """Return the common words of a comparator, for its description: 以上, 超过, 不低于."""
    return ", ".join(COMMON_COMPARATOR_WORDS[op])


#: the comparators of a target, each described with its words (loaders.wording)
OPS = {
    ">=": f"{OP_NAMES['en']['>=']} ({_common_words('>=')}, or a bare figure: a floor)",
    "<=": f"{OP_NAMES['en']['<=']} ({_common_words('<=')}; a ranking such as 前二十名 is <= 20)",
    "~": f"{OP_NAMES['en']['~']} ({_common_words('~')}): met within the tolerance",
    "done": f"a milestone ({', '.join(MILESTONE_WORDS)} …): met when a progress entry says done: "
    "true; under way while the latest says done: false",
}

#: units whose `~` targets get a default tolerance, in the target's own unit (the field
#: reference and the dashboard's rules say so from here: default_tolerances)
DEFAULT_TOLERANCE = {"%": 0.5, "个百分点": 0.5}


def default_tolerances() -> list[tuple[float, tuple[str, ...]]]:
    """Return each default tolerance with the units it is for: [(0.5, ("%", "个百分点"))]."""
    units: dict[float, list[str]] = {}
    for unit, tolerance in DEFAULT_TOLERANCE.items():
        units.setdefault(tolerance, []).append(unit)
    return [(tolerance, tuple(names)) for tolerance, names in units.items()]


#: units in which a negative target or progress value makes sense
SIGNED_UNITS = {"%", "个百分点"}


@dataclass(frozen=True)
class Field:
    """One field of targets.yaml: its name, type, whether required, meaning and an example."""

    name: str
    type: str
    required: str | Requirement  # "yes", "no", or when it is required
    meaning: str
    example: str = ""
    children: tuple[Field, ...] = ()

    @property
    def always_required(self) -> bool:
        """Return True when the field must always be present."""
        return self.required == "yes"

    def required_here(self, facts: Facts | None) -> bool:
        """Return True when the field is required: always, or by its condition given the facts
        (a condition is not checked without them)."""
        if isinstance(self.required, str):
            return self.required == "yes"
        return facts is not None and self.required.applies(self.name, facts)

    @property
    def required_text(self) -> str:
        """Return whether the field is required as the README says it."""
        if isinstance(self.required, str):
            return self.required
        return self.required.text(self.name)


def _tolerance_defaults() -> str:
    """Return the default tolerances in words: 'default 0.5 for % and 个百分点'."""
    return "; ".join(
        f"default {tolerance:g} for {' and '.join(units)}"
        for tolerance, units in default_tolerances()
    )


FILE_OR_PUBLISHER = OneOf(
    "file",
    "publisher",
    missing="missing: give file (a report in seeds/) or publisher (a document not in seeds/)",
)
YEAR_OR_DATE = OneOf("year", "date", missing="missing: add year (or date) the figure is for")


REPORT = (
    Field("id", "slug", "yes", "Stable identifier used by `report` and `source`.", "qc-2022"),
    Field("title", "text", "yes", "Title as published.", "清远市清城区人民政府工作报告（2022年）"),
    Field(
        "title_en",
        "text",
        "yes",
        "English title.",
        "Qingcheng District Government Work Report 2022",
    ),
    Field("date", "date", "yes", "Date published: YYYY-MM-DD, or YYYY-MM, or YYYY.", "2022-03-15"),
    Field(
        "file",
        "text",
        FILE_OR_PUBLISHER,
        "The report's text file in `seeds/`.",
        "2022-03-15-qingcheng-government-work-report.txt",
    ),
    Field(
        "publisher",
        "text",
        FILE_OR_PUBLISHER,
        "Who published a document that is not in `seeds/`.",
        "清远市清城区统计局",
    ),
    Field(
        "publisher_en",
        "text",
        "no",
        "The publisher in English, for English pages (without it they mark the Chinese name).",
        "Qingcheng District Statistics Bureau",
    ),
    Field("url", "text", "no", "Where the document can be read (only a real, known address).", ""),
    Field(
        "place",
        "text",
        "no",
        "The place the document is about, as it names itself (`targets import` writes it; the "
        "next import of the file reads it from here).",
        "清远市清城区",
    ),
    Field("place_en", "text", "no", "The place in English.", "Qingcheng District, Qingyuan"),
    Field(
        "plan_starts",
        "text",
        "no",
        "Verbatim opening words of the plan part, for a report whose parts `targets report` "
        "shows wrong; checked like a quote.",
        "2024年政府工作任务",
    ),
    Field(
        "kind",
        "kind",
        "no",
        "What kind of later document it is, where `targets report` reads it wrong: "
        "`work-report` (outcomes in its review part), `plan-execution` (in the part before next "
        "year's draft plan), `bulletin` (a statistical bulletin: every figure), `period` "
        "(1—6月, 前三季度: partial-year figures, never a year's outcome).",
        "bulletin",
    ),
)

AREA = (
    Field("id", "slug", "yes", "Stable identifier used by a commitment's `area`.", "livelihood"),
    Field(
        "name",
        "text",
        "yes",
        "Chinese name (the plan chapter's title).",
        "做好民生工作，扎实推进实现共同富裕",
    ),
    Field("name_en", "text", "yes", "English name.", "Livelihoods and public services"),
    Field(
        "chapter",
        "text",
        "no",
        "The chapter number in the plan. The dashboard reads each commitment's chapter from "
        "where its quote stands in its report (reports number chapters differently) and uses "
        "this only where it cannot.",
        "（六）",
    ),
)

TARGET = (
    Field(
        "op",
        "op",
        "yes",
        "Comparator: " + "; ".join(f'`"{op}"` {text}' for op, text in OPS.items()) + ".",
        '">="',
    ),
    Field(
        "value",
        "number",
        Unless(Is("op", "done")),
        "The promised figure as a plain number, in `unit`.",
        "6900",
    ),
    Field(
        "unit",
        "text",
        Unless(Is("op", "done")),
        "The unit as the report writes it (个, 公里, 亿元, %, 人次 …).",
        "个",
    ),
    Field(
        "tolerance",
        "number",
        When(
            Is("op", "~"),
            NoneOf("unit", tuple(DEFAULT_TOLERANCE)),
            missing='"~" (左右) in {unit} has no default tolerance: add tolerance, how far from '
            "{value} still counts as met",
        ),
        f'How far from `value` still counts as "about"; {_tolerance_defaults()}.',
        "0.5",
    ),
)

BASELINE = (
    Field("year", "year", "yes", "The year the baseline figure is for.", "2021"),
    Field(
        "value",
        "number",
        "yes",
        "The prior-year figure, in the target's unit (1.8万个 → 18000).",
        "18000",
    ),
    Field(
        "quote",
        "text",
        "yes",
        "Verbatim clause that gives the figure, checked against `source`.",
        "新增学位超 1.8万个",
    ),
    Field(
        "source",
        "slug",
        "no",
        "Report id the quote is from; default: the commitment's report.",
        "qc-2022",
    ),
    Field("note", "text", "no", "Free text (e.g. how the figure was converted).", ""),
    Field(
        "note_en",
        "text",
        "no",
        "The English text of `note`, for English pages (without it they mark a Chinese note).",
        "",
    ),
)

PROGRESS = (
    Field("year", "year", YEAR_OR_DATE, "The year the figure is for.", "2022"),
    Field(
        "date",
        "date",
        YEAR_OR_DATE,
        "The date the figure is for: YYYY-MM-DD (or YYYY-MM).",
        "2023-06-30",
    ),
    Field(
        "value",
        "number",
        Unless(
            Is("op", "done", of_target=True),
            missing="missing: add value, the reported figure in {target_unit}",
        ),
        "The reported figure, in the target's unit.",
        "1.1",
    ),
    Field(
        "done",
        "bool",
        When(
            Is("op", "done", of_target=True),
            missing="missing: a milestone's progress says done: true (reported complete) or "
            "done: false (reported under way)",
        ),
        "For a milestone only: `true` when a document reports it complete (全面竣工, 建成); "
        "`false` when one reports the work under way but not finished (主体工程基本完工, "
        "加快推进, 开工建设): the status is then *under way*.",
        "true",
    ),
    Field(
        "unit",
        "text",
        "no",
        "Only to state the unit explicitly; must equal the target's unit.",
        "%",
    ),
    Field("source", "slug", "yes", "Report id where the figure was published.", "qc-stats-2022"),
    Field(
        "quote",
        "text",
        When(
            SourceInSeeds(),
            missing="missing: {source} is in seeds/, so quote the clause that reports the figure",
        ),
        "Verbatim clause from the source, checked.",
        "“四馆一中心”全面竣工",
    ),
    Field(
        "note",
        "text",
        Unless(
            SourceInSeeds(),
            missing="missing: {source} is not in seeds/, so say in note where in it the figure is",
        ),
        "Where in the source the figure is, in your words.",
        "Section 一、综合 (preliminary)",
    ),
    Field(
        "note_en",
        "text",
        "no",
        "The English text of `note`, for English pages (without it they mark a Chinese note).",
        "Section 1, overview (preliminary)",
    ),
)

COMMITMENT = (
    Field(
        "id",
        "slug",
        "yes",
        "Stable identifier (lowercase letters, digits, hyphens).",
        "school-places-2022",
    ),
    Field("report", "slug", "yes", "Id of the report that makes the commitment.", "qc-2022"),
    Field("year", "year", "yes", "The year the commitment is due.", "2022"),
    Field("area", "slug", "yes", "Id of the area (plan chapter).", "livelihood"),
    Field("title", "text", "yes", "Short Chinese title.", "新增中小学（幼儿园）学位"),
    Field(
        "title_en",
        "text",
        "yes",
        "Plain English title.",
        "New primary, secondary and kindergarten places",
    ),
    Field("target", "mapping", "yes", "What was promised.", "", TARGET),
    Field(
        "quote",
        "text",
        "yes",
        "Verbatim clause holding the figure, checked against the report.",
        "确保新增中小学（幼儿园）学位 6900个以上",
    ),
    Field(
        "metric",
        "slug",
        "no",
        "Key linking the same measure across years and reports.",
        "school-places",
    ),
    Field("baseline", "mapping", "no", "The prior-year figure of the same measure.", "", BASELINE),
    Field(
        "progress",
        "list",
        "no",
        "What later publications report; empty when nothing was published.",
        "",
        PROGRESS,
    ),
    Field("note", "text", "no", "Free text about the record.", ""),
    Field(
        "note_en",
        "text",
        "no",
        "The English text of `note`, for English pages (without it they mark a Chinese note).",
        "",
    ),
    Field(
        "draft",
        "bool",
        "no",
        "`true` on a record drafted by `targets draft` and not yet reviewed: `targets check` "
        "warns, the dashboard marks it and leaves it out of the status counts. Delete it once "
        "checked.",
        "true",
    ),
)

EXCLUSION = (
    Field("report", "slug", "yes", "Id of the report the figure is in.", "qc-2022"),
    Field("figure", "text", "yes", "The figure as written, without spaces.", "3个"),
    Field(
        "quote",
        "text",
        "yes",
        "Verbatim clause holding the figure, checked.",
        "持续加大 3个国控站点周边环境整治力度",
    ),
    Field(
        "reason",
        "text",
        "yes",
        "Why the figure is not a commitment.",
        "names the monitoring sites; not a quantity to achieve",
    ),
    Field(
        "reason_en",
        "text",
        "no",
        "The English text of `reason`, for English pages (without it they mark a Chinese reason).",
        "names the monitoring sites; not a quantity to achieve",
    ),
)

SECTIONS = (
    Field(
        "reports", "list", "yes", "The documents commitments and progress come from.", "", REPORT
    ),
    Field("areas", "list", "yes", "The plan's chapters.", "", AREA),
    Field(
        "commitments", "list", "yes", "One record per promised number or milestone.", "", COMMITMENT
    ),
    Field(
        "exclusions",
        "list",
        "no",
        "Figures in a plan that are deliberately not commitments.",
        "",
        EXCLUSION,
    ),
    Field(
        "include",
        "list",
        "no",
        "Other files holding more of the record, as paths or glob patterns relative to this "
        "file; each has the same sections, each optional. Only the top file includes.",
        "[targets/*.yaml]",
    ),
)


def schema_markdown() -> str:
    """Return the field reference of targets.yaml as Markdown tables."""
    lines: list[str] = []

    def table(fields: tuple[Field, ...], prefix: str, heading: str) -> None:
        lines.extend(
            [
                f"### {heading}",
                "",
                "| field | type | required | meaning | example |",
                "|---|---|---|---|---|",
            ]
        )
        nested = []
        for f in fields:
            example = f"`{f.example}`" if f.example else ""
            lines.append(
                f"| `{prefix}{f.name}` | {f.type} | {f.required_text} | {f.meaning} | {example} |"
            )
            if f.children:
                nested.append(f)
        lines.append("")
        for f in nested:
            child_prefix = f"{prefix}{f.name}[]." if f.type == "list" else f"{prefix}{f.name}."
            table(f.children, child_prefix, f"`{prefix}{f.name}`")

    lines.extend(["| section | required | meaning | example |", "|---|---|---|---|"])
    for section in SECTIONS:
        example = f"`{section.example}`" if section.example else ""
        lines.append(
            f"| `{section.name}` | {section.required_text} | {section.meaning} | {example} |"
        )
    lines.append("")
    for section in SECTIONS:
        if section.children:
            table(section.children, "", f"`{section.name}` (a list; each item has)")
    return "\n".join(lines).rstrip() + "\n"
