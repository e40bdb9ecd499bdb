"""What a websocket frame costs the server, and what the app itself needs (issue 28, H5).

    uv run python -m benchmarks.websocket_frames [--db FILE] [--frame-mb 150] [--cap-mb N]

1. Starts one app process (`python -m dashboard.launch`, the configuration of `make run`), opens
   `/_stcore/stream` as a browser does and sends one binary frame of `--frame-mb` MB; reports
   the process's RSS before, its peak (VmHWM) and after, and whether the server closed the
   connection. `--cap-mb` overrides `server.maxMessageSize` (200 is Streamlit's default, what
   the app ran with before).
2. With `--largest`, opens the heaviest views in headless Chromium and reports the largest
   message the app sends: the SQL console's biggest allowed result and the map.

Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

import websockets

from benchmarks.load.production import free_port
from dashboard.serving.replicas import Replica, wait_until_healthy

ROOT = Path(__file__).resolve().parent.parent


def _status(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) // 1024
    return fields


async def _send_frame(url: str, size: int) -> str:
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(
        stream, subprotocols=[websockets.Subprotocol("streamlit")], max_size=None
    ) as socket:
        try:
            await socket.send(b"\0" * size)
            await asyncio.wait_for(socket.recv(), timeout=20)
            return "open"
        except websockets.ConnectionClosed as closed:
            return f"closed by the server ({closed.rcvd.code if closed.rcvd else 'no code'})"
        except TimeoutError:
            return "open (no answer)"


def frame_cost(db: Path, frame_mb: int, cap_mb: int | None) -> dict[str, Any]:
    extra = ["--server.maxMessageSize", str(cap_mb)] if cap_mb else []
    replica = Replica(
        "127.0.0.1", free_port(), Path(os.devnull), extra_env={"UTB_DB_PATH": str(db)}
    )
    replica.start()
    assert replica.process is not None
    if extra:  # restart with the override on the command line
        replica.stop()
        replica.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dashboard.launch",
                "--server.port",
                str(replica.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                *extra,
            ],
            cwd=ROOT,
            env={**os.environ, "UTB_DB_PATH": str(db)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    try:
        wait_until_healthy([replica])
        pid = replica.process.pid
        time.sleep(2)
        before = _status(pid)
        outcome = asyncio.run(_send_frame(replica.url, frame_mb * 1024**2))
        time.sleep(2)
        after = _status(pid)
        return {
            "cap_mb": cap_mb or "config.toml",
            "frame_mb": frame_mb,
            "rss_before_mb": before["VmRSS"],
            "rss_peak_growth_mb": after["VmHWM"] - before["VmHWM"]
            if after["VmHWM"] > before["VmRSS"]
            else 0,
            "rss_after_mb": after["VmRSS"],
            "peak_mb": after["VmHWM"],
            "connection": outcome,
        }
    finally:
        replica.stop()


def largest_messages(db: Path) -> dict[str, Any]:
    """The largest websocket message the app sends on its heaviest views (Chromium)."""
    from playwright.sync_api import WebSocket, sync_playwright

    from etl.config import chromium_path

    sql = "SELECT repeat('x', 10000) AS s FROM range(10000)"
    numbers = "SELECT * FROM population_education LIMIT 10000"
    views = {
        "sql: 8 MB of text": f"/sql?sql={urllib.parse.quote(sql)}",
        "sql: 10,000 fact rows": f"/sql?sql={urllib.parse.quote(numbers)}",
        "karta, kommuner": "/karta?scope=municipality&year=2019",
    }
    replica = Replica(
        "127.0.0.1", free_port(), Path(os.devnull), extra_env={"UTB_DB_PATH": str(db)}
    )
    replica.start()
    report: dict[str, Any] = {}
    try:
        wait_until_healthy([replica])
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(chromium_path()))
            for label, path in views.items():
                page = browser.new_page()
                sizes: list[int] = []

                def watch(socket: WebSocket, sizes: list[int] = sizes) -> None:
                    socket.on("framereceived", lambda frame: sizes.append(len(frame)))

                page.on("websocket", watch)
                page.goto(replica.url + path)
                page.wait_for_timeout(4000)
                if path.startswith("/sql"):
                    page.get_by_role("button", name="Kör").click()
                    page.get_by_text("rader på").wait_for(timeout=60_000)
                    page.wait_for_timeout(1000)
                report[label] = round(max(sizes) / 1e6, 2)
                page.close()
            browser.close()
    finally:
        replica.stop()
    return {"largest_message_mb": report}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "utbildningslaget.duckdb")
    parser.add_argument("--frame-mb", type=int, default=150)
    parser.add_argument("--cap-mb", type=int, default=None)
    parser.add_argument("--largest", action="store_true")
    args = parser.parse_args()
    report: dict[str, Any] = {"frame": frame_cost(args.db, args.frame_mb, args.cap_mb)}
    if args.largest:
        report |= largest_messages(args.db)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
