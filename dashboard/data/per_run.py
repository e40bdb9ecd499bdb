"""Values fixed for the length of one page run: the database file and its version.

A rerun asks "which database, which version?" hundreds of times (every region label, every
cached query). Each answer was a `stat` and a `getcwd`: system calls that release Python's
lock, and with twenty sessions running at once every release meant waiting for the lock
again, so these calls were most of a burst's time. Inside `one_run()` each value is looked
up once and then remembered, which also means one run never mixes two database versions:
a database installed mid-run is seen by the next run. Outside it (the deck command line, the
tests) every call looks again. No Streamlit here: the page script opens the scope.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_remembered: ContextVar[dict[Hashable, object] | None] = ContextVar("per_run", default=None)


@contextmanager
def one_run() -> Iterator[None]:
    """Within this block, `remember(key, look_up)` looks up each key once."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def remember(key: Hashable, look_up: Callable[[], T]) -> T:
    values = _remembered.get()
    if values is None:
        return look_up()
    if key not in values:
        values[key] = look_up()
    return values[key]  # type: ignore[return-value]
