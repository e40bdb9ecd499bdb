"""A real Streamlit server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from etl.config import chromium_path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
#: Without these, Chromium tries to reach Google's services, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server_url(db_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "UTB_DB_PATH": str(db_path)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dashboard.launch",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(f"Streamlit did not start: {process.stdout.read() if process.stdout else ''}")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    if not Path(executable).exists():
        pytest.fail(
            f"Chromium not found at {executable}: run `make chromium` (or set UTB_CHROMIUM)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    opened = context.new_page()
    yield opened
    context.close()


@dataclass
class Watch:
    """What a page did that a user would not see: console errors, failed and outside requests."""

    server: str
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        # Opened at a sub-path (/karta), Streamlit's frontend first probes <path>/_stcore/health
        # and host-config to find its base URL; the 404s are expected and it falls back.
        probes = [u for u in self.failed if re.search(r"/[a-z-]+/_stcore/(health|host-config)$", u)]
        failed = [u for u in self.failed if u not in probes]
        console = [
            m
            for m in self.console
            if not (
                probes
                and m.startswith(
                    "Failed to load resource: the server responded with a status of 404"
                )
            )
        ]
        return failed + console + [f"outside request: {u}" for u in self.outside]


def attach_watch(page: Page, server_url: str) -> Watch:
    seen = Watch(server_url)
    page.on("console", lambda msg: seen.console.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.console.append(str(exc)))
    page.on("response", lambda r: seen.failed.append(r.url) if r.status >= 400 else None)
    page.on(
        "request",
        lambda r: (
            seen.outside.append(r.url)
            if not r.url.startswith((server_url, "data:", "blob:"))
            else None
        ),
    )
    return seen


@pytest.fixture
def watch(page: Page, server_url: str) -> Watch:
    return attach_watch(page, server_url)


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
