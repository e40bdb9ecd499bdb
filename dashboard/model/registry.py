"""Every view by name, and the one way to compute one: resolve its parameters, then load it
once per process for (view, parameters, data version, language).

A new view is a module with NAME, PARAMS and `load(values, lang)` added to VIEWS, and a page
that renders it; the deck, the PowerPoint, the pictures and the downloads then draw it too.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import ModuleType

from dashboard.data import queries
from dashboard.data.cache import ProcessCache
from dashboard.model import (
    age,
    change,
    compare,
    definitions,
    gap,
    map,
    overview,
    ranking,
    trends,
)
from dashboard.model.params import Context, Notice, Param, Values, resolve
from dashboard.model.result import ViewResult

VIEWS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (overview, map, ranking, gap, trends, change, age, compare, definitions)
}
#: A workshop's views fit many times over; a result is a few hundred kB at most (a map's rows).
_results = ProcessCache(max_entries=256)


def params_of(view: str) -> list[Param]:
    return list(VIEWS[view].PARAMS)


@functools.cache
def all_keys() -> frozenset[str]:
    """Every parameter name any view has: what a deck link may carry (fixed at import)."""
    return frozenset(p.key for module in VIEWS.values() for p in module.PARAMS)


def resolve_view(
    view: str, raw: Mapping[str, str], remembered: Mapping[str, str] | None = None
) -> tuple[Values, list[Notice]]:
    return resolve(params_of(view), raw, Context(raw=raw, remembered=remembered or {}))


def load(view: str, values: Values, lang: str) -> ViewResult:
    """The view's result for resolved values, computed once per process and data version."""
    key = (view, tuple(sorted(values.items())), queries.database(), lang)
    return _results.get(key, lambda: VIEWS[view].load(values, lang))


def compute(
    view: str, raw: Mapping[str, str], lang: str, remembered: Mapping[str, str] | None = None
) -> tuple[ViewResult, list[Notice]]:
    """Resolve then load: what the slide view, the PowerPoint and the command line call."""
    values, notices = resolve_view(view, raw, remembered)
    return load(view, values, lang), notices
