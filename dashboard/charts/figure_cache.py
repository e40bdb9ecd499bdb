"""Built figures shared by every session of the process, keyed by view and data version.

Building the map's figure is most of a map rerun (Plotly validates every trace, the hover texts
and marker layers are assembled); twenty people opening the same link would build it twenty
times. `process_cached` computes a key once while others wait for it (no stampede) and hands
every session the same object, so callers must not modify a figure they get from here
(`st.plotly_chart` only reads it; image and slide exports copy before fitting).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import plotly.graph_objects as go

from dashboard.data import queries
from dashboard.data.cache import ProcessCache

#: A map figure is ~100 kB (a few MB where its outlines are inline): a few dozen views cover a
#: workshop without growing the process past its memory budget.
MAX_FIGURES = 24


class SharedFigure(go.Figure):
    """A figure whose `to_dict()` is computed once: `st.plotly_chart` calls it on every rerun,
    and it deep-copies the whole figure each time (with the outlines inline, where they could
    not be published as a file, that was ~100 ms); the dict it gets is only serialised, never
    changed. Copies (`go.Figure(fig)`, as the exports make) copy the traces, not this dict."""

    def to_dict(self) -> dict[str, Any]:
        if getattr(self, "_shared_dict", None) is None:
            self._shared_dict = super().to_dict()
        return self._shared_dict


_figures = ProcessCache(MAX_FIGURES)


def _shared(fig: go.Figure) -> go.Figure:
    # re-classed, not copied: `SharedFigure(fig)` would validate and copy every trace again
    fig.__class__ = SharedFigure
    return fig


def shared_figure(key: tuple[Hashable, ...], build: Callable[[], go.Figure]) -> go.Figure:
    """The figure for `key` under the current database, built by `build` on a miss. The key
    must name everything the figure shows (view parameters, language, texts)."""
    return _figures.get((key, queries.database()), lambda: _shared(build()))
