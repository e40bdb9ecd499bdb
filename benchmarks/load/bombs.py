"""Twenty sessions at once, with and without two console "bombs" running (issue 28, H4).

    uv run python -m benchmarks.load.bombs [--db FILE] [--page karta] [--rounds 5] [--json OUT]

Starts one app process as `make run` does, then measures `--rounds` bursts of `--sessions`
websocket sessions opening the same link together (`bare_vs_ours.burst`: time from connect to
the page's `script_finished`), first with nothing else running, then while two CPU-heavy console
queries run without pause through the real runner (`dashboard.sandbox.runner`, each one a
worker process as the SQL page starts it; a bomb that ends is started again). Prints both
p95s and their ratio as JSON; the target is a ratio of at most 1.2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.load.bare_vs_ours import ROOT, burst, p95, server, streamlit_flags
from benchmarks.load.production import free_port

#: Two threads of pure CPU for ten seconds, as an analyst's cross join would be.
BOMB = "SELECT count(*) FROM range(100000000000) t(a) WHERE a % 7 = 3"


def _bombs(db: Path, stop: threading.Event, started: list[int]) -> list[threading.Thread]:
    from dashboard.sandbox import runner
    from dashboard.sandbox.policy import SandboxError

    def loop() -> None:
        while not stop.is_set():
            started.append(1)
            with contextlib.suppress(SandboxError):  # stopped at its time limit, as every bomb is
                runner.run(db, BOMB, runner.Limits(seconds=10))

    threads = [threading.Thread(target=loop, daemon=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    return threads


def _bursts(url: str, page: str, query: str, sessions: int, rounds: int) -> dict[str, Any]:
    seconds: list[float] = []
    errors = 0
    for _ in range(rounds):
        captures = asyncio.run(burst(url, page, query, sessions, 60))
        seconds += [c.seconds for c in captures if c.seconds is not None]
        errors += sum(1 for c in captures if c.error or c.seconds is None)
        time.sleep(0.5)
    return {"p95_s": round(p95(seconds), 3), "sessions": len(seconds), "errors": errors}


def measure(db: Path, page: str, query: str, sessions: int, rounds: int) -> dict[str, Any]:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        argv = [sys.executable, "-m", "dashboard.launch", *streamlit_flags(port)]
        env = {"UTB_DB_PATH": str(db)}
        with server("ours", argv, ROOT, env, port, Path(tmp) / "app.log") as (url, _pid):
            asyncio.run(burst(url, page, query, sessions, 60))  # warm the caches
            quiet = _bursts(url, page, query, sessions, rounds)
            stop, started = threading.Event(), list[int]()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            threads = _bombs(db, stop, started)
            time.sleep(3)  # both bombs past their worker's start-up, burning CPU
            loaded = _bursts(url, page, query, sessions, rounds)
            stop.set()
            for thread in threads:
                thread.join()
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
    bomb_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "page": page,
        "sessions_per_burst": sessions,
        "rounds": rounds,
        "without_bombs": quiet,
        "with_two_bombs": loaded,
        "bombs_started": len(started),
        "bomb_cpu_s": round(bomb_cpu, 1),  # what the bombs' workers burnt meanwhile
        "p95_ratio": round(loaded["p95_s"] / quiet["p95_s"], 2),
        "cores": os.cpu_count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "utbildningslaget.duckdb")
    parser.add_argument("--page", default="karta")
    parser.add_argument("--query", default="region=04&year=2019")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report = measure(args.db, args.page, args.query, args.sessions, args.rounds)
    text = json.dumps(report, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
