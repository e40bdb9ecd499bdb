"""What a renderer derives from a view's result, made once per process and shared.

A result is computed once for everyone who asks for the same view (`model.registry`); the
table as the page shows it (numbers written out, as Arrow) and a long ranking's top and bottom
are derived from it the same way for every session, so they are kept beside it rather than
made again on every rerun. Keys name the result's view, parameters, language and the data
version it carries (`provenance`), like the result's own; what is handed out must not be changed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from dashboard.data.cache import ProcessCache
from dashboard.model.result import ViewResult

T = TypeVar("T")

_made = ProcessCache(max_entries=512)


def made_once(result: ViewResult, what: Hashable, make: Callable[[], T]) -> T:
    key = (what, result.view, result.params, result.lang, result.provenance.data_version)
    return _made.get(key, make)
