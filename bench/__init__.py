"""govqa benchmarks: one script per measurement (run from the repository root as ``python -m bench.NAME``)."""
