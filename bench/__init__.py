"""`make bench`: synthetic data (marked SYNTHETIC) and timings; see docs/benchmarks.md."""
