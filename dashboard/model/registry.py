"""Every view by name, and the one way to compute one: resolve its parameters, then load it
once per process for (view, parameters, data version, language).

The views are the `VIEW` declarations of the modules in `dashboard/model/views/`, found there,
so a new view is one module (and its text entries): the router, the export URLs, the embeds,
the deck and the tests all read this registry. Loading records which queries ran and stamps
the result with its provenance, so no output goes back to the database to say where its
numbers come from.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import pkgutil
from collections.abc import Mapping

from dashboard.data import queries, query_run
from dashboard.data.cache import ProcessCache
from dashboard.model import provenance, views
from dashboard.model.params import Context, Notice, Param, Values, resolve
from dashboard.model.result import ViewResult
from dashboard.model.view import View


def _discovered() -> dict[str, View]:
    found = []
    for module in pkgutil.iter_modules(views.__path__):
        declared = getattr(importlib.import_module(f"{views.__name__}.{module.name}"), "VIEW", None)
        if isinstance(declared, View):
            found.append(declared)
    return {view.name: view for view in sorted(found, key=lambda v: v.order)}


#: Every view, in the sidebar's order.
VIEWS: dict[str, View] = _discovered()
#: A workshop's views fit many times over; a result is a few hundred kB at most (a map's rows).
_results = ProcessCache(max_entries=256)


def view(name: str) -> View:
    return VIEWS[name]


@functools.cache
def by_slug() -> dict[str, View]:
    """URL path → view (`""` is Översikt at `/`; `oversikt` opens it too)."""
    slugs = {v.slug: v for v in VIEWS.values()}
    return {**slugs, "oversikt": slugs[""]} if "" in slugs else slugs


def params_of(name: str) -> list[Param]:
    return list(VIEWS[name].params)


@functools.cache
def all_keys() -> frozenset[str]:
    """Every parameter name any view has: what a deck link may carry (fixed at import)."""
    return frozenset(p.key for v in VIEWS.values() for p in v.params)


def resolve_view(
    name: str, raw: Mapping[str, str], remembered: Mapping[str, str] | None = None
) -> tuple[Values, list[Notice]]:
    return resolve(params_of(name), raw, Context(raw=raw, remembered=remembered or {}))


def load(name: str, values: Values, lang: str) -> ViewResult:
    """The view's result for resolved values, computed once per process and data version."""
    key = (name, tuple(sorted(values.items())), queries.database(), lang)
    return _results.get(key, lambda: _loaded(name, values, lang))


def _loaded(name: str, values: Values, lang: str) -> ViewResult:
    with query_run.recording() as ran:
        result = VIEWS[name].load(values, lang)
    return dataclasses.replace(result, provenance=provenance.of(result, values), queries=tuple(ran))


def compute(
    name: str, raw: Mapping[str, str], lang: str, remembered: Mapping[str, str] | None = None
) -> tuple[ViewResult, list[Notice]]:
    """Resolve then load: what the slide view, the PowerPoint and the command line call."""
    values, notices = resolve_view(name, raw, remembered)
    return load(name, values, lang), notices
