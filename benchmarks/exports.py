"""Views outside the live app, measured: `uv run python -m benchmarks.exports [--rounds 5]`
(`make bench-exports`).

Prints, on the database the app would serve (UTB_DB_PATH or --db):
- `/export/karta.png?region=0461` from a warm process (Chromium started, another picture drawn
  first), uncached: seconds, each round on another kommun so nothing is reused;
- the same URL through nginx (`make serve`'s proxy), cached: p50/p95 of 20 concurrent requests;
- in a new Chromium context each round: the time until an embed's picture is visible, beside
  the time until the live page's first chart is drawn (same view).
Targets (issue 29): ≤ 1.5 s, ≤ 20 ms p95, ≤ 0.5 s.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.load.production import production, single_app
from benchmarks.report import publish, timed_run_options
from etl.config import chromium_path

#: Kommuner of Södermanland: each round asks for another, so no render is reused.
KOMMUNER = ("0461", "0480", "0482", "0483", "0484", "0486", "0488", "0428", "0481")
EMBED = "rangordning?scope=municipality_in_county&county=04&show=gap"


def fetch(url: str, timeout: float = 60) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as answer:
        body = answer.read()
        return time.perf_counter() - started, answer.status, body


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def uncached_pictures(url: str, rounds: int) -> list[float]:
    fetch(f"{url}/export/rangordning.png?show=men")  # warm: Chromium up, queries cached
    return [fetch(f"{url}/export/karta.png?region={KOMMUNER[i]}")[0] for i in range(rounds)]


def cached_burst(url: str, concurrent: int = 20) -> list[float]:
    target = f"{url}/export/karta.png?region=0461"
    fetch(target)  # the first fills the proxy's cache
    with ThreadPoolExecutor(concurrent) as pool:
        return [t for t, _, _ in pool.map(lambda _: fetch(target), range(concurrent))]


def browser_times(url: str, rounds: int) -> dict[str, list[float]]:
    """A new context per round: the embed's picture visible, the live page's chart drawn."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    found: dict[str, list[float]] = {"embed_picture_s": [], "live_first_chart_s": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(rounds):
            for key, path, selector in (
                ("embed_picture_s", f"/inbaddning/{EMBED}", ".chart svg"),
                ("live_first_chart_s", f"/{EMBED}", ".js-plotly-plot .main-svg"),
            ):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url + path, wait_until="commit")
                page.wait_for_selector(selector, state="visible", timeout=60_000)
                found[key].append(time.perf_counter() - started)
                context.close()
        browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    args = timed_run_options("python -m benchmarks.exports", __doc__, argv)
    db = args.db
    report: dict[str, object] = {"database": db.name, "rounds": args.rounds}
    with single_app(db) as url:
        pictures = uncached_pictures(url, min(args.rounds, len(KOMMUNER)))
        report["export_png_uncached_s"] = {"p50": statistics.median(pictures), "max": max(pictures)}
        times = browser_times(url, args.rounds)
        report.update({k: {"p50": statistics.median(v), "max": max(v)} for k, v in times.items()})
    with tempfile.TemporaryDirectory() as run_dir, production(db, Path(run_dir), 2) as running:
        burst = cached_burst(running.url)
        report["nginx_cached_20_s"] = {"p50": statistics.median(burst), "p95": p95(burst)}
    publish(report, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
