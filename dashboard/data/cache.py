"""A process-wide cache for query results and computed views, with no Streamlit in it.

Twenty people opening one workshop link ask for the same view at the same moment. Each key is
computed once while the others wait for that one computation (no stampede), and every caller
gets the same object back, so what is cached must never be changed in place (polars frames are
not; view results are frozen). Keys name the database version, so a rebuilt file is seen on
the next call without a restart. Being free of Streamlit, the same cache serves the pages, the
deck command line and the tests.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_caches: list[ProcessCache] = []


class ProcessCache:
    """A bounded least-recently-used map from key to value, computing each key once."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._pending: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()
        _caches.append(self)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        while True:
            with self._lock:
                if key in self._values:
                    self._values.move_to_end(key)
                    return self._values[key]
                waiting = self._pending.get(key)
                if waiting is None:
                    self._pending[key] = threading.Event()
                    break
            waiting.wait()  # another thread computes it; then look again
        try:
            value = compute()
        except BaseException:
            with self._lock:
                self._pending.pop(key).set()  # the next caller tries again
            raise
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.max_entries:
                self._values.popitem(last=False)
            self._pending.pop(key).set()
        return value

    def peek(self, key: Hashable) -> Any | None:
        """The value if it is computed already, else None (nothing is computed)."""
        with self._lock:
            return self._values.get(key)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


def process_cached(max_entries: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: the function's result cached by its (hashable) arguments."""

    def wrap(function: Callable[P, R]) -> Callable[P, R]:
        cache = ProcessCache(max_entries)

        @functools.wraps(function)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (args, tuple(sorted(kwargs.items())))
            return cache.get(key, lambda: function(*args, **kwargs))

        cached.cache = cache  # type: ignore[attr-defined]
        return cached

    return wrap


def clear_all() -> None:
    """Empties every cache of the process (benchmarks measure cache misses with it)."""
    for cache in _caches:
        cache.clear()
