"""The finder's throughput: MB of report text a second, from raw text to classified figures.

`python -m bench.bench_finder` prints `finder_mb_per_s: N` (and what it measured);
`make bench` calls finder_mb_per_s(). The text is the two seeds and the SYNTHETIC test texts
of tests/finder_texts (made-up districts), concatenated and repeated to about 2 MB: real
layouts and damage (hard wraps, full-width digits, tab lines) at a size where timing is
stable. Each run reads the text into paragraphs (loaders.texts.report.parse_report), finds every
figure and matches it against the bundled targets.yaml (loaders.figures.finder.classify_figures).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT / "tests" / "finder_texts")
TARGET_BYTES = 2_000_000
RUNS = 5
FLOOR_MB_PER_S = 1.0


def bench_text(target_bytes: int = TARGET_BYTES) -> str:
    """Return about target_bytes of report text: the seeds and SYNTHETIC texts, repeated."""
    texts = [
        path.read_text(encoding="utf-8")
        for folder in SOURCES
        for path in sorted(folder.glob("*.txt"))
    ]
    if not texts:
        raise RuntimeError(f"no report texts in {' or '.join(str(s) for s in SOURCES)}")
    blob = "\n".join(texts) + "\n"
    repeats = max(1, -(-target_bytes // len(blob.encode("utf-8"))))
    return blob * repeats


def measure(text: str, runs: int = RUNS) -> tuple[float, int]:
    """Return the median seconds of parse + find + classify over runs, and the figures found."""
    from loaders.figures.finder import classify_figures
    from loaders.load.targets import load_targets
    from loaders.texts.report import parse_report

    targets = load_targets(ROOT / "targets.yaml", ROOT / "seeds").targets
    times = []
    found = 0
    for _ in range(runs):
        start = time.perf_counter()
        document = parse_report(text, "bench")
        found = len(classify_figures(targets, "qc-2022", document))
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def finder_mb_per_s() -> float:
    """Return the finder's throughput in MB (10⁶ bytes of UTF-8) of report text a second."""
    text = bench_text()
    seconds, _ = measure(text)
    return len(text.encode("utf-8")) / 1e6 / seconds


def main() -> int:
    """Print the finder's throughput and what it was measured on; return 0."""
    text = bench_text()
    megabytes = len(text.encode("utf-8")) / 1e6
    seconds, found = measure(text)
    rate = megabytes / seconds
    print(f"finder_text_mb: {megabytes:.2f} (seeds + SYNTHETIC tests/finder_texts, repeated)")
    print(f"finder_figures: {found}")
    print(f"finder_seconds: {seconds:.3f} (median of {RUNS})")
    print(f"finder_mb_per_s: {rate:.2f}")
    verdict = "PASS" if rate >= FLOOR_MB_PER_S else "FAIL"
    print(f"target_finder_mb_per_s: {verdict} ({rate:.2f} >= {FLOOR_MB_PER_S:g})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
