"""Rendering outside the live app, bounded: one render at a time per process, a short queue,
and a time limit, so twenty readers of an embed or a burst of export requests can neither
take the server's time from the live pages nor pile up without end.

A request that finds the queue full, or waits past its limit, gets a clear 503 with
Retry-After at once (never a hang). A render that outlives its limit is not killed (a thread
cannot be): it finishes in the background and its bytes are cached for the next request —
and it keeps its place in the queue until it has finished, so renders given up on cannot pile
up behind the renderer (they once did: a minute of cheap page requests queued minutes of
pictures, and every export answered 503 until they were drawn).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

#: Requests waiting for the renderer at most; more are refused at once.
QUEUE = 8
#: Seconds a request waits for its render (queue and drawing) before it is answered 503.
SECONDS = 20.0


class Busy(Exception):
    """The renderer is full or too slow right now: answer 503 and ask to come back."""


class Gate:
    def __init__(self, queue: int = QUEUE, seconds: float = SECONDS) -> None:
        self.queue, self.seconds = queue, seconds
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="render")
        self._queued = 0  # renders submitted and not yet finished
        self._lock = threading.Lock()

    async def run(self, render: Callable[[], T], share: float = 1.0) -> T:
        """`render` on the renderer, waited for at most `seconds`. `share`: the part of the
        queue this kind of request may fill (a page's first-paint picture, which the page can
        do without, takes at most half, so exports always find room)."""
        with self._lock:
            if self._queued >= self.queue * share:
                raise Busy
            self._queued += 1
        try:
            job = self._pool.submit(render)
        except BaseException:
            self._done(None)
            raise
        job.add_done_callback(self._done)  # the place is kept until the render has finished
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(job)), self.seconds)
        except TimeoutError:
            raise Busy from None

    def _done(self, job: object) -> None:
        with self._lock:
            self._queued -= 1


#: The process's one renderer
GATE = Gate()
