"""The production mode started for a measurement or a test: replicas + nginx on free ports."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard.serving.replicas import Replica, healthy, wait_until_healthy

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_port_run(count: int) -> int:
    """The first of `count` consecutive free ports (app processes take first, first+1, …)."""
    for _ in range(50):
        first = free_port()
        try:
            for port in range(first, first + count):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError(f"no {count} consecutive free ports")


@dataclass
class Running:
    url: str
    process: subprocess.Popen[bytes]
    run_dir: Path
    app_ports: list[int]

    def app_pids(self) -> list[int]:
        """PIDs of the app processes (children of the supervisor running dashboard.launch)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if int(stat[1]) == self.process.pid and b"dashboard.launch" in cmd:
                found.append(int(entry.name))
        return sorted(found)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextlib.contextmanager
def production(
    db_path: Path, run_dir: Path, replicas: int, timeout_s: float = 120
) -> Iterator[Running]:
    """`python -m dashboard.serving` on free ports, until the block ends."""
    port, first = free_port(), free_port_run(replicas)
    run_dir.mkdir(parents=True, exist_ok=True)
    log = (run_dir / "serve.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dashboard.serving",
            "--port",
            f"127.0.0.1:{port}",
            "--replicas",
            str(replicas),
            "--first-port",
            str(first),
            "--run-dir",
            str(run_dir),
        ],
        cwd=ROOT,
        env={**os.environ, "UTB_DB_PATH": str(db_path)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"production mode exited: {(run_dir / 'serve.log').read_text()}")
            if healthy(url):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("production mode did not answer")
            time.sleep(0.3)
        yield Running(url, process, run_dir, list(range(first, first + replicas)))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextlib.contextmanager
def single_app(db_path: Path, timeout_s: float = 90) -> Iterator[str]:
    """One plain app process (no proxy) on a free port; yields its URL."""
    replica = Replica(
        "127.0.0.1", free_port(), Path(os.devnull), extra_env={"UTB_DB_PATH": str(db_path)}
    )
    replica.start()
    try:
        wait_until_healthy([replica], timeout_s)
        yield replica.url
    finally:
        replica.stop()
