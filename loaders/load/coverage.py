"""A load's coverage, each report's part reused while what it depends on is unchanged: its
text (the file's state, plan year and plan_starts), its title, the quotes of targets.yaml that
fall in it, its exclusions and whether a commitment comes from it. A front end keeps the items
between loads (and runs), so after a save only the reports the saved records touch are
classified again."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from loaders.cache.report_texts import ReportTexts
from loaders.figures.finder import ReportCoverage, coverage, quotes_by_report, report_coverage
from loaders.load.result import LoadResult

#: a report's coverage by the key of what it was computed from (None: nothing to show)
KnownCoverage = Mapping[str, ReportCoverage | None]


def reused_coverage(
    result: LoadResult, known: KnownCoverage
) -> tuple[list[ReportCoverage], dict[str, ReportCoverage | None]]:
    """Return a load's coverage (as `coverage` gives it) and each report's item by its key,
    those of `known` reused under the same key; every item is made again when the texts are
    not a load's (whose state names them)."""
    targets, documents = result.targets, result.documents
    if not isinstance(documents, ReportTexts):
        return coverage(targets, documents), {}
    committed = {c.report for c in targets.commitments}
    quotes = quotes_by_report(targets)
    exclusions: dict[str, list[tuple[str, str]]] = {}
    for e in targets.exclusions:
        exclusions.setdefault(e.report, []).append((e.figure, e.quote))
    with_text = set(documents)  # the reports with a text file (none read yet)
    order = [r.id for r in targets.reports if r.id in with_text]
    order += sorted(with_text - set(order))
    items: list[ReportCoverage] = []
    now: dict[str, ReportCoverage | None] = {}
    for report_id in order:
        report = targets.report(report_id)
        named = repr(
            (
                report_id,
                documents.text_key(report_id),
                report.title if report else None,
                quotes.get(report_id, ()),
                exclusions.get(report_id, ()),
                report_id in committed,
            )
        )
        name = hashlib.blake2b(named.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        if name in known:
            item = known[name]
        else:
            try:
                document = documents[report_id]
            except KeyError:  # a text that cannot be read: no coverage
                item = None
            else:
                item = report_coverage(targets, report_id, document, quotes, committed)
        now[name] = item
        if item is not None:
            items.append(item)
    return items, now
