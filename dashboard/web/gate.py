"""Rendering outside the live app, bounded: one render at a time per process, a short queue,
and a time limit, so twenty readers of an embed or a burst of export requests can neither
take the server's time from the live pages nor pile up without end.

A request that finds the queue full, or waits past its limit, gets a clear 503 with
Retry-After at once (never a hang). A render that outlives its limit is not killed (a thread
cannot be): it finishes in the background and its bytes are cached for the next request.
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
        self._waiting = 0
        self._lock = threading.Lock()

    async def run(self, render: Callable[[], T]) -> T:
        with self._lock:
            if self._waiting >= self.queue:
                raise Busy
            self._waiting += 1
        try:
            future = asyncio.get_running_loop().run_in_executor(self._pool, render)
            try:
                return await asyncio.wait_for(asyncio.shield(future), self.seconds)
            except TimeoutError:
                raise Busy from None
        finally:
            with self._lock:
                self._waiting -= 1


#: The process's one renderer
GATE = Gate()
