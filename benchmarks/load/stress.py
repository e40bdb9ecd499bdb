"""Many sessions for a while against one server, with the health check watched throughout.

    uv run python -m benchmarks.load.stress --url http://127.0.0.1:8501 --sessions 40 --minutes 10

Each session reconnects and browses random views until the time is up; a separate loop asks
`/_stcore/health` every second. A hang shows as a health check that stops answering or as
visits with no answer. Exits non-zero if any visit failed or the health check missed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.load.production import single_app
from benchmarks.load.session import PageVisit, visit_pages
from benchmarks.load.traffic import random_visit
from benchmarks.national_db import build_national


@dataclass
class StressReport:
    visits: list[PageVisit] = field(default_factory=list)
    health_ms: list[float] = field(default_factory=list)
    health_failures: int = 0

    @property
    def failed(self) -> list[PageVisit]:
        return [v for v in self.visits if not v.ok]

    def summary(self) -> str:
        done = [v.finished_s for v in self.visits if v.finished_s is not None]
        worst_health = max(self.health_ms, default=0.0)
        p95 = statistics.quantiles(done, n=20)[-1] if len(done) >= 20 else max(done, default=0)
        return (
            f"{len(self.visits)} visits, {len(self.failed)} failed; page done p50 "
            f"{statistics.median(done) if done else 0:.2f} s, p95 {p95:.2f} s; health checks "
            f"{len(self.health_ms)} answered, {self.health_failures} missed, slowest "
            f"{worst_health:.0f} ms"
        )


async def health_loop(url: str, report: StressReport, stop: asyncio.Event) -> None:
    """Ask `/_stcore/health` every second until stopped; a hung server shows as misses."""

    def ask() -> float:
        t0 = time.perf_counter()
        with urllib.request.urlopen(url.rstrip("/") + "/_stcore/health", timeout=5) as answer:
            answer.read()
        return (time.perf_counter() - t0) * 1000

    while not stop.is_set():
        try:
            report.health_ms.append(await asyncio.to_thread(ask))
        except OSError:
            report.health_failures += 1
        await asyncio.sleep(1)


async def _session_loop(
    url: str, seed: int, deadline: float, report: StressReport, timeout_s: float
) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        pages = [random_visit(rng) for _ in range(rng.randint(2, 5))]
        report.visits.extend(await visit_pages(url, pages, timeout_s))


async def stress(url: str, sessions: int, seconds: float, timeout_s: float = 30) -> StressReport:
    report = StressReport()
    stop = asyncio.Event()
    health = asyncio.create_task(health_loop(url, report, stop))
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(_session_loop(url, seed, deadline, report, timeout_s) for seed in range(sessions))
    )
    stop.set()
    await health
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501")
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--timeout", type=float, default=30, help="seconds a visit may take")
    parser.add_argument(
        "--self-serve",
        action="store_true",
        help="start one app process on a national-scale database (built once into "
        "test-artifacts/national.duckdb) instead of using --url",
    )
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        url = args.url
        if args.self_serve:
            db = Path("test-artifacts/national.duckdb").resolve()
            if not db.exists():
                db.parent.mkdir(exist_ok=True)
                print(f"building {db} ({build_national(db):.0f} s)", file=sys.stderr)
            url = stack.enter_context(single_app(db))
        report = asyncio.run(stress(url, args.sessions, args.minutes * 60, args.timeout))
    print(report.summary())
    for visit in report.failed[:10]:
        print(f"  failed: /{visit.page}?{visit.query}: {visit.error}")
    return 1 if report.failed or report.health_failures else 0


if __name__ == "__main__":
    sys.exit(main())
