"""Load benchmark of the production mode: one visitor vs a workshop opening one link at once.

    uv run python -m benchmarks.load.loadtest [--sessions 20] [--replicas N] [--db FILE]
    make loadtest                                  # national-scale database, 20 sessions

Starts `python -m dashboard.serving` (replicas + nginx) on free ports and measures:
- a cold browser load of the map in Chromium: time to the first chart, bytes transferred;
- time-to-first-chart of one websocket session (a fresh view: cold query cache);
- N sessions opening another fresh view at the same moment: time-to-first-chart p50/p95 and
  their ratio to the single session; then the N sessions browsing every page: how long a page
  takes, errors, the health check throughout;
- RSS of every app process after all pages were visited.
Prints a Markdown table (the README quotes it) and writes the numbers as JSON with --report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.load.production import Running, production, rss_mb
from benchmarks.load.session import PageVisit, run_apart, visit_pages
from benchmarks.load.stress import StressReport, health_loop
from benchmarks.load.traffic import every_page

# different views, so that each measurement starts with cold query and figure caches
BROWSER_LINK = "karta?region=0180&year=2019"
SINGLE_LINK = ("karta", "region=0480&year=2019")
BURST_LINK = ("karta", "region=2080&year=2019")
WARM_UP_LINK = ("karta", "region=2480&year=2019")


def p95(values: list[float]) -> float:
    return (
        statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
    )


def browser_cold_load(url: str, chromium: str) -> dict[str, float]:
    """One cold Chromium visit of the map: seconds to a drawn chart, kB over the wire."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    received = {"http": 0, "ws": 0}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on(
            "requestfinished",
            lambda r: received.__setitem__(
                "http",
                received["http"]
                + max(r.sizes()["responseBodySize"], 0)
                + r.sizes()["responseHeadersSize"],
            ),
        )
        page.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived",
                lambda f: received.__setitem__(
                    "ws", received["ws"] + len(f if isinstance(f, (bytes, str)) else b"")
                ),
            ),
        )
        started = time.perf_counter()
        page.goto(f"{url}/{BROWSER_LINK}", wait_until="commit")
        page.locator(
            ".js-plotly-plot .choroplethlayer path, .js-plotly-plot .mapboxgl-canvas, "
            ".js-plotly-plot canvas"
        ).first.wait_for(timeout=60_000)
        seconds = time.perf_counter() - started
        page.wait_for_timeout(500)
        browser.close()
    return {
        "first_chart_s": seconds,
        "http_kb": received["http"] / 1024,
        "ws_kb": received["ws"] / 1024,
    }


async def _burst(
    url: str, sessions: int
) -> tuple[list[PageVisit], list[list[PageVisit]], StressReport]:
    """Everyone opens the same link at the same moment (the workshop); once all have their
    page, everyone browses every page (for errors and memory)."""
    health = StressReport()
    stop = asyncio.Event()
    watcher = asyncio.create_task(health_loop(url, health, stop))
    opened = await asyncio.gather(*(visit_pages(url, [BURST_LINK], 60) for _ in range(sessions)))
    browsed = await asyncio.gather(*(visit_pages(url, every_page(), 60) for _ in range(sessions)))
    stop.set()
    await watcher
    return [v for visits in opened for v in visits], list(browsed), health


def measure(running: Running, sessions: int, chromium: str | None) -> dict[str, object]:
    report: dict[str, object] = {"replicas": len(running.app_ports), "sessions": sessions}
    if chromium:
        # its own thread: Playwright's sync API refuses a thread with a running event loop
        with ThreadPoolExecutor(1) as pool:
            report["browser"] = pool.submit(browser_cold_load, running.url, chromium).result()
    # every replica has drawn some map once (its process-wide caches: outlines, periods), so
    # the single session and the burst both meet a warm process and a view new to it
    for port in running.app_ports:
        run_apart(visit_pages(f"http://127.0.0.1:{port}", [WARM_UP_LINK], 60))
    (single,) = run_apart(visit_pages(running.url, [SINGLE_LINK], 60))
    if not single.ok or single.first_chart_s is None:
        raise RuntimeError(f"a single session got no chart: {single.error}")
    report["single_first_chart_s"] = single.first_chart_s
    opened, browsed, health = run_apart(_burst(running.url, sessions))
    firsts = [v.first_chart_s for v in opened if v.ok and v.first_chart_s is not None]
    errors = [v.error for v in opened if not v.ok]
    errors += [v.error for r in browsed for v in r if not v.ok]
    errors += ["session ended early"] * sum(len(r) < len(every_page()) for r in browsed)
    report.update(
        burst_first_chart_p50_s=statistics.median(firsts) if firsts else None,
        burst_first_chart_p95_s=p95(firsts) if firsts else None,
        burst_sessions_with_chart=len(firsts),
        burst_errors=len(errors),
        burst_error_examples=errors[:5],
        browse_page_p95_s=p95([v.finished_s for r in browsed for v in r if v.finished_s]),
        health_checks=len(health.health_ms),
        health_missed=health.health_failures,
        health_slowest_ms=max(health.health_ms, default=0),
        rss_mb=[round(rss_mb(pid)) for pid in running.app_pids()],
    )
    if firsts:
        report["ratio_p95_to_single"] = p95(firsts) / single.first_chart_s
    return report


def table(report: dict[str, object]) -> str:
    browser = report.get("browser") or {}
    assert isinstance(browser, dict)
    rows = [
        ("app processes behind nginx", f"{report['replicas']}"),
        (
            "cold browser load of the map: first chart",
            f"{browser.get('first_chart_s', float('nan')):.2f} s",
        ),
        (
            "cold browser load: transferred (HTTP + websocket)",
            f"{(browser.get('http_kb', 0) + browser.get('ws_kb', 0)) / 1024:.2f} MB",
        ),
        ("one session, fresh view: first chart", f"{report['single_first_chart_s']:.2f} s"),
        (
            f"{report['sessions']} sessions at once: first chart p50",
            f"{report['burst_first_chart_p50_s'] or float('nan'):.2f} s",
        ),
        (
            f"{report['sessions']} sessions at once: first chart p95",
            f"{report['burst_first_chart_p95_s'] or float('nan'):.2f} s",
        ),
        (
            "p95 of the burst ÷ one session",
            f"{report.get('ratio_p95_to_single', float('nan')):.1f}×",
        ),
        (
            "sessions that got their chart",
            f"{report['burst_sessions_with_chart']} of {report['sessions']}",
        ),
        ("errors (the link and every page, every session)", f"{report['burst_errors']}"),
        (
            f"then {report['sessions']} sessions browse every page: page done p95",
            f"{report['browse_page_p95_s']:.2f} s",
        ),
        (
            "health checks during the burst",
            f"{report['health_checks']} answered, {report['health_missed']} missed",
        ),
        ("RSS per app process after every page", ", ".join(f"{m} MB" for m in report["rss_mb"])),  # type: ignore[attr-defined]
    ]
    return "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--replicas", type=int, default=0, help="default: one per core")
    parser.add_argument(
        "--db", type=Path, help="database file (default: a national-scale one, built)"
    )
    parser.add_argument("--report", type=Path, help="write the numbers as JSON here")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium cold load")
    args = parser.parse_args()
    from etl.config import chromium_path

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from benchmarks.national_db import build_national

            db = Path(tmp) / "national.duckdb"
            print(
                f"building a national-scale database ({build_national(db):.0f} s)", file=sys.stderr
            )
        import os

        replicas = args.replicas or os.cpu_count() or 1
        with production(db.resolve(), Path(tmp) / "run", replicas) as running:
            report = measure(running, args.sessions, None if args.no_browser else chromium_path())
    print(table(report))
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if report["burst_errors"] == 0 and report["health_missed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
