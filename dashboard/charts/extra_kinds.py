"""Charts of the views added later (age groups, change between years)."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.model.result import ViewResult


def figure(result: ViewResult) -> go.Figure:
    raise ValueError(f"no chart for kind {result.chart.kind!r}")
