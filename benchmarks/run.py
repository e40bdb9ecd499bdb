"""Prints how long the build and each dashboard query take (a benchmark, not a test).

uv run python benchmarks/run.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import db
from dashboard.queries import sql_text
from etl.build import build
from etl.config import load_settings

QUERIES: dict[str, dict[str, object]] = {
    "available_periods": {},
    "county_shares": {"year": 2019, "age_group": "25-64", "measure": "post_secondary"},
    "source_line": {"year": 2019, "age_group": "25-64"},
}


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db_path=Path(tmp) / "bench.duckdb")
        median, worst = timed(lambda: build(settings, quiet=True), 3)
        print(f"{'etl build (offline files)':<40} median {median:8.1f} ms   max {worst:8.1f} ms")
        for name, params in QUERIES.items():

            def run_query(n: str = name, p: dict[str, object] = params) -> object:
                return db.query(settings.db_path, sql_text(n), p)

            median, worst = timed(run_query, args.repeat)
            print(f"{'query ' + name:<40} median {median:8.1f} ms   max {worst:8.1f} ms")


if __name__ == "__main__":
    main()
