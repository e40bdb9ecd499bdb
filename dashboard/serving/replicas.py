"""App processes for the production mode: start N, wait until they answer, restart any that dies.

Every replica is an ordinary `python -m dashboard.launch` on its own port, reading the same
database file read-only; it picks up a refreshed file on its next query (dashboard/db.py), so
replicas share no state but that file and need no coordination.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Replica:
    address: str
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://{self.address}:{self.port}"

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "dashboard.launch",
                    "--server.port",
                    str(self.port),
                    "--server.address",
                    self.address,
                    "--server.headless",
                    "true",
                    # the map's figure is ~320 kB of JSON per rerun; deflate takes it to ~1/5
                    "--server.enableWebsocketCompression",
                    "true",
                ],
                cwd=ROOT,
                env={**os.environ, **self.extra_env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace_s: float = 10) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(grace_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def healthy(url: str, timeout_s: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout_s) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def wait_until_healthy(replicas: list[Replica], timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    waiting = list(replicas)
    while waiting and time.monotonic() < deadline:
        for replica in list(waiting):
            if not replica.alive():
                raise RuntimeError(f"replica on port {replica.port} exited; see {replica.log}")
            if healthy(replica.url):
                waiting.remove(replica)
        time.sleep(0.3)
    if waiting:
        ports = ", ".join(str(r.port) for r in waiting)
        raise RuntimeError(f"replica(s) on port {ports} did not answer within {timeout_s:.0f} s")
