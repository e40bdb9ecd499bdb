"""One visitor as Streamlit's browser client speaks to the server: a websocket and protobufs.

A real browser costs a core of its own per tab, so twenty of them on a 2-core machine measure
Chromium, not the server. This client opens the same `/_stcore/stream` websocket, asks for a
page with its URL query (a `rerun_script` BackMsg, as the frontend sends on load) and times the
ForwardMsgs that come back: when the first chart arrives and when the run finishes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

T = TypeVar("T")
CHART_ELEMENTS = frozenset({"plotly_chart", "vega_lite_chart", "deck_gl_json_chart"})


@dataclass
class PageVisit:
    page: str
    query: str
    first_chart_s: float | None = None
    finished_s: float | None = None
    error: str = ""
    bytes_received: int = 0
    texts: list[str] = field(default_factory=list)  # markdown the page wrote, in order

    @property
    def ok(self) -> bool:
        return not self.error and self.finished_s is not None


def run_apart(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion on a fresh event loop in its own thread: callable from
    code that already runs a loop (Playwright's sync API in the test session does)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"


def _rerun(page: str, query: str) -> bytes:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    msg.rerun_script.page_script_hash = ""
    return msg.SerializeToString()


async def _until_finished(ws: websockets.ClientConnection, visit: PageVisit, t0: float) -> None:
    """Read ForwardMsgs until this run's script_finished, noting the first chart."""
    while True:
        raw = await ws.recv()
        assert isinstance(raw, bytes)
        visit.bytes_received += len(raw)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element.WhichOneof("type")
            if element in CHART_ELEMENTS and visit.first_chart_s is None:
                visit.first_chart_s = time.perf_counter() - t0
            if element == "markdown":
                visit.texts.append(msg.delta.new_element.markdown.body)
            if element == "exception":
                visit.error = "exception: " + msg.delta.new_element.exception.message[:200]
        elif kind == "script_finished":
            visit.finished_s = time.perf_counter() - t0
            return


async def visit_pages(
    base_url: str,
    pages: list[tuple[str, str]],
    timeout_s: float = 30.0,
    headers: dict[str, str] | None = None,
) -> list[PageVisit]:
    """One session: connect once, then open each (page, query) in turn as a visitor would."""
    visits = []
    try:
        async with websockets.connect(
            ws_url(base_url),
            subprotocols=[websockets.Subprotocol("streamlit")],
            max_size=64 * 1024 * 1024,
            additional_headers=headers,
            open_timeout=timeout_s,
        ) as ws:
            for page, query in pages:
                visit = PageVisit(page, query)
                visits.append(visit)
                t0 = time.perf_counter()
                await ws.send(_rerun(page, query))
                try:
                    await asyncio.wait_for(_until_finished(ws, visit, t0), timeout_s)
                except TimeoutError:
                    visit.error = f"no answer within {timeout_s:.0f} s"
                    return visits
    except (OSError, websockets.WebSocketException, TimeoutError) as exc:
        failed = PageVisit(*pages[len(visits)]) if len(visits) < len(pages) else visits[-1]
        failed.error = f"{type(exc).__name__}: {exc}"[:200]
        if failed not in visits:
            visits.append(failed)
    return visits
