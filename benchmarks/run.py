"""Prints how long the build, each dashboard query and each page's rerun take.

A benchmark, not a test: `uv run python benchmarks/run.py [--repeat N]` (or `make benchmark`).
Page times are Streamlit's server-side script time (AppTest), first run (cold cache) and the
median of reruns (warm cache).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.queries import sql_text
from etl.build import build
from etl.config import load_settings

QUERIES: dict[str, dict[str, object]] = {
    "available_periods": {},
    "regions": {},
    "region_measures": {"region": "04", "age_group": "25-64", "measure": "post_secondary"},
    "peers": {
        "year": 2019,
        "age_group": "25-64",
        "measure": "post_secondary",
        "level": "municipality",
        "county": "",
    },
    "series": {"regions": ["04", "0486"], "age_group": "16-74", "measure": "post_secondary"},
    "shapes": {"level": "municipality"},
    "larcentrum": {},
    "access": {},
    "source_line": {"year": 2019, "age_group": "25-64"},
}
PAGES = ["overview", "map_view", "ranking", "gap", "trends", "compare", "about"]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def line(name: str, samples: list[float]) -> str:
    return f"{name:<34} median {statistics.median(samples):8.1f} ms   max {max(samples):8.1f} ms   n={len(samples)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db_path=Path(tmp) / "bench.duckdb", raw_dir=Path(tmp) / "raw")
        print(line("etl build (offline files)", timed(lambda: build(settings, quiet=True), 3)))
        for name, params in QUERIES.items():

            def run_query(n: str = name, p: dict[str, object] = params) -> object:
                return db.query(settings.db_path, sql_text(n), p)

            print(line(f"query {name}", timed(run_query, args.repeat)))

        os.environ["UTB_DB_PATH"] = str(settings.db_path)
        for page in PAGES:
            app = AppTest.from_string(
                f"from dashboard.views import {page}\n{page}.render()", default_timeout=120
            )
            cold = timed(app.run, 1)
            warm = timed(app.run, args.repeat)
            print(line(f"page {page} (first run)", cold))
            print(line(f"page {page} (rerun)", warm))


if __name__ == "__main__":
    main()
