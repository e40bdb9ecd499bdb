"""Built figures shared by every session of the process, keyed by view and data version.

Building the map's figure is most of a map rerun (~250 ms: Plotly validates and deep-copies the
GeoJSON, shapely fits the frame); twenty people opening the same link would build it twenty
times. `st.cache_resource` computes a key once while others wait for it (no stampede) and hands
every session the same object, so callers must not modify a figure they get from here
(`st.plotly_chart` only reads it; image and slide exports copy before fitting).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from dashboard import db, queries

#: A figure with the kommun GeoJSON holds a few MB of Python objects: a few dozen views cover a
#: workshop without growing the process past its memory budget.
MAX_FIGURES = 24


class SharedFigure(go.Figure):
    """A figure whose `to_dict()` is computed once. `st.plotly_chart` calls it on every rerun,
    and for the map it deep-copies the GeoJSON each time; the dict it gets is only serialised,
    never changed. The one copy made skips the GeoJSON (already shared and read-only: it comes
    from the process-wide shapes cache). Copies (`go.Figure(fig)`, as the exports make) copy the
    traces, not this dict."""

    def to_dict(self) -> dict[str, Any]:
        shared = getattr(self, "_shared_dict", None)
        if shared is None:
            if self.frames:
                return super().to_dict()
            geojson = [t["geojson"] for t in self._data if isinstance(t.get("geojson"), dict)]
            memo: dict[int, Any] = {id(g): g for g in geojson}
            shared = {
                "data": copy.deepcopy(self._data, memo),
                "layout": copy.deepcopy(self._layout),
            }
            self._shared_dict = shared
        return shared


@st.cache_resource(show_spinner=False, max_entries=MAX_FIGURES)
def _built(key: tuple[Hashable, ...], version: str, _build: Callable[[], go.Figure]) -> go.Figure:
    fig = _build()
    # re-classed, not copied: `SharedFigure(fig)` would deep-copy the GeoJSON once more
    fig.__class__ = SharedFigure
    return fig


def shared_figure(key: tuple[Hashable, ...], build: Callable[[], go.Figure]) -> go.Figure:
    """The figure for `key` under the current database, built by `build` on a miss. The key
    must name everything the figure shows (view parameters, language, texts)."""
    return _built(key, db.data_version(queries.db_path()), build)
