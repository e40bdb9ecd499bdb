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

import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data import cache, db
from dashboard.data.sql_files import sql_text
from dashboard.model import registry
from etl.build import build
from etl.config import load_settings
from tests.helpers import page_script

QUERIES: dict[str, dict[str, object]] = {
    "available_periods": {},
    "regions": {},
    "region_measures": {
        "region": "04",
        "age_group": "25-64",
        "measure": "post_secondary",
        "definition": "unknown_included",
    },
    "peers": {
        "year": 2019,
        "age_group": "25-64",
        "measure": "post_secondary",
        "level": "municipality",
        "county": "",
        "definition": "unknown_excluded",
    },
    "series": {
        "regions": ["04", "0486"],
        "age_group": "16-74",
        "measure": "post_secondary",
        "definition": "unknown_included",
    },
    "definitions": {"region": "0486", "year": 2019},
    "age_groups": {
        "region": "0486",
        "county": "04",
        "year": 2019,
        "measure": "post_secondary",
        "definition": "unknown_included",
    },
    "change": {
        "from_year": 2018,
        "to_year": 2022,
        "age_group": "16-74",
        "measure": "post_secondary",
        "level": "municipality",
        "county": "",
        "definition": "unknown_included",
        "show": "gap",
        "ranks": "rank",
    },
    "figure_finder": {"region": "0486", "value": 16.0},
    "shapes": {"level": "municipality"},
    "larcentrum": {},
    "network_kommuner": {},
    "larcentrum_coverage": {},
}
PAGES = [*registry.VIEWS, "registry", "about"]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def line(name: str, samples: list[float]) -> str:
    p95 = (
        statistics.quantiles(samples, n=20, method="inclusive")[-1]
        if len(samples) > 1
        else samples[0]
    )
    return (
        f"{name:<34} median {statistics.median(samples):8.1f} ms   p95 {p95:8.1f} ms   "
        f"max {max(samples):8.1f} ms   n={len(samples)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--db",
        type=Path,
        help="measure queries and pages on this database instead of a fresh offline build "
        "(e.g. one from benchmarks/national_db.py)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db_path=Path(tmp) / "bench.duckdb", raw_dir=Path(tmp) / "raw")
        if args.db:
            settings = load_settings(db_path=args.db.resolve(), raw_dir=Path(tmp) / "raw")
        else:
            print(line("etl build (offline files)", timed(lambda: build(settings, quiet=True), 3)))
        for name, params in QUERIES.items():

            def run_query(n: str = name, p: dict[str, object] = params) -> object:
                return db.query(settings.db_path, sql_text(n), p)

            print(line(f"query {name}", timed(run_query, args.repeat)))

        os.environ["UTB_DB_PATH"] = str(settings.db_path)
        for page in PAGES:
            app = AppTest.from_string(page_script(page), default_timeout=120)

            def missed(a: AppTest = app) -> None:
                """A cache miss: the process-wide query and figure caches emptied first."""
                st.cache_resource.clear()
                cache.clear_all()
                a.run()

            cold = timed(missed, 3)
            warm = timed(app.run, args.repeat)
            print(line(f"page {page} (cache miss)", cold))
            print(line(f"page {page} (rerun, warm)", warm))
        presenter(args.repeat)


def presenter(repeat: int) -> None:
    """A 6-slide deck with one map, and 1920×1080 pictures: the first (Chromium starts) and warm."""
    from dashboard.data import queries
    from dashboard.decks import render as drawing
    from dashboard.decks.examples import example_deck, for_region
    from dashboard.decks.model import Slide
    from dashboard.render import pictures as images
    from dashboard.render import pptx as pptx_export

    deck = example_deck()
    deck.slides.append(Slide("gap", {"scope": "county", "highlight": "04"}))
    print(line("pptx 6 slides, 1 map (first)", timed(lambda: pptx_export.build(deck), 1)))
    # warm: Chromium is running, but every deck has a map not drawn before (another län's)
    regions = queries.regions()
    others = iter(["01", "20", "25", "12", "14"])
    fresh = timed(lambda: pptx_export.build(for_region(deck, next(others), regions)), 3)
    print(line("pptx 6 slides, 1 new map (warm)", fresh))
    print(line("pptx 6 slides, same map (warm)", timed(lambda: pptx_export.build(deck), 3)))
    bars = drawing.render(Slide("ranking", {"scope": "municipality"}))
    county = drawing.render(Slide("map", {"scope": "municipality_in_county", "county": "04"}))
    print(line("png 1920x1080 ranking (warm)", timed(lambda: images.png(bars), 3)))
    print(line("svg 1920x1080 ranking (warm)", timed(lambda: images.svg(bars), 3)))
    print(line("png 1920x1080 county map (warm)", timed(lambda: images.png(county), 3)))


if __name__ == "__main__":
    main()
