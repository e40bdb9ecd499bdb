"""Twenty sessions at once, with and without two console "bombs" running (issue 28, H4).

    uv run python -m benchmarks.load.bombs [--db FILE] [--page karta] [--rounds 5] [--json OUT]

Starts one app process as `make run` does, then measures bursts of `--sessions` websocket
sessions opening the same link together (`bare_vs_ours.burst`: time from connect to the page's
`script_finished`), in `--blocks` alternating blocks of `--rounds` bursts: without bombs, then
while two CPU-heavy console queries run without pause through the real runner (`dashboard.sandbox.runner`). The bombs run
in two threads of the app process itself, so their workers are its children as the SQL page's
are (same process group rules, same scheduling group); a flag file starts and stops them, and a
bomb that ends at its time limit is started again. Prints both p95s, their ratio and the CPU the
bombs' workers burnt, as JSON; the target is a ratio of at most 1.2.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.load.bare_vs_ours import (
    ROOT,
    burst,
    cpu_seconds,
    p95,
    server,
    streamlit_flags,
)
from benchmarks.load.production import free_port

#: Two threads of pure CPU for ten seconds, as an analyst's cross join would be.
BOMB = "SELECT count(*) FROM range(100000000000) t(a) WHERE a % 7 = 3"


#: The app process with two bomb threads that run while the flag file exists.
WRAPPER = """
import contextlib, os, sys, threading, time
from pathlib import Path
flag, bomb, BOMB_SECONDS = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])

def loop():
    from dashboard.sandbox import runner
    from dashboard.sandbox.policy import SandboxError
    db = Path(os.environ["UTB_DB_PATH"])
    while True:
        while not flag.exists():
            time.sleep(0.1)
        with contextlib.suppress(SandboxError):
            runner.run(db, bomb, runner.Limits(seconds=BOMB_SECONDS))

for _ in range(2):
    threading.Thread(target=loop, daemon=True).start()
from dashboard import launch
launch.main(sys.argv[4:])
"""


def children_cpu(pid: int) -> float:
    """CPU time of the process's reaped children (/proc/PID/stat cutime + cstime)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def _bursts(
    url: str, pid: int, page: str, query: str, sessions: int, rounds: int
) -> dict[str, Any]:
    seconds: list[float] = []
    errors = 0
    cpu = 0.0
    for _ in range(rounds):
        before = cpu_seconds(pid)
        captures = asyncio.run(burst(url, page, query, sessions, 60))
        cpu += cpu_seconds(pid) - before
        seconds += [c.seconds for c in captures if c.seconds is not None]
        errors += sum(1 for c in captures if c.error or c.seconds is None)
        time.sleep(0.5)
    return {"seconds": seconds, "errors": errors, "cpu": cpu}


def measure(
    db: Path, page: str, query: str, sessions: int, rounds: int, blocks: int, bomb_s: float
) -> dict[str, Any]:
    """`blocks` times: `rounds` bursts without bombs, then `rounds` with them, so that
    whatever else the machine does weighs on both alike."""
    port = free_port()
    quiet: list[dict[str, Any]] = []
    loaded: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        flag = Path(tmp) / "bombs"
        argv = [sys.executable, "-c", WRAPPER, str(flag), BOMB, str(bomb_s)]
        argv += streamlit_flags(port)
        env = {"UTB_DB_PATH": str(db)}
        with server("ours", argv, ROOT, env, port, Path(tmp) / "app.log") as (url, pid):
            asyncio.run(burst(url, page, query, sessions, 60))  # warm the caches
            before = children_cpu(pid)
            for _ in range(blocks):
                quiet.append(_bursts(url, pid, page, query, sessions, rounds))
                flag.touch()
                time.sleep(2)  # both bombs past their worker's start-up, burning CPU
                loaded.append(_bursts(url, pid, page, query, sessions, rounds))
                flag.unlink()
                time.sleep(bomb_s + 1)  # the running bombs reach their limit and are reaped
            burnt = children_cpu(pid) - before
    return {
        "page": page,
        "sessions_per_burst": sessions,
        "bursts_each": rounds * blocks,
        "bomb_seconds": bomb_s,
        "without_bombs": _merged(quiet),
        "with_two_bombs": _merged(loaded),
        "bomb_cpu_s": round(burnt, 1),  # what the bombs' workers burnt
        "p95_ratio": round(p95(_all(loaded)) / p95(_all(quiet)), 2),
        "cores": os.cpu_count(),
    }


def _all(parts: list[dict[str, Any]]) -> list[float]:
    return [s for part in parts for s in part["seconds"]]


def _merged(parts: list[dict[str, Any]]) -> dict[str, Any]:
    seconds = _all(parts)
    return {
        "p95_s": round(p95(seconds), 3),
        "p50_s": round(sorted(seconds)[len(seconds) // 2], 3),
        "sessions": len(seconds),
        "errors": sum(part["errors"] for part in parts),
        # the app process's own CPU per session: what the page cost, not how long it waited
        "server_cpu_ms_per_session": round(
            1000 * sum(part["cpu"] for part in parts) / max(len(seconds), 1), 1
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "utbildningslaget.duckdb")
    parser.add_argument("--page", default="karta")
    parser.add_argument("--query", default="region=04&year=2019")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="bursts per block and side")
    parser.add_argument("--blocks", type=int, default=4, help="quiet/bombed blocks, alternated")
    parser.add_argument(
        "--bomb-seconds",
        type=float,
        default=10.0,
        help="each bomb's time limit (the console's is 10 s; shorter means more worker starts)",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report = measure(
        args.db, args.page, args.query, args.sessions, args.rounds, args.blocks, args.bomb_seconds
    )
    text = json.dumps(report, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
