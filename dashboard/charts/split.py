"""A chart of many rows (21 län and riket, ranked) in two columns for a slide.

On a projector every row's name and value must be readable from the back of the room (16 pt),
and 22 rows of 16-pt text need more height than a 16:9 slide has under its headline. Split in
two columns — the upper half of the ranking on the left, the lower half on the right, one value
axis for both — each row keeps its type size. Rows beyond what two columns hold are left to the
table: the top and the bottom are shown, and the marked region and riket always.
"""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

#: the attributes of a trace that hold one value per point (filtered with the points)
PER_POINT = ("x", "y", "text", "customdata", "hovertext")
PER_POINT_MARKER = ("color", "symbol", "size")


def categories(fig: go.Figure) -> list[str]:
    """The rows of a horizontal chart, bottom first, as Plotly lays them out."""
    seen: dict[str, None] = {}
    for trace in fig.data:
        for y in getattr(trace, "y", None) or ():
            if isinstance(y, str):
                seen.setdefault(y)
    return list(seen)


def _marked(name: str) -> bool:
    """Riket, a kommungrupp and the marked region are written in bold."""
    return name.startswith("<b>")


def kept(rows: list[str], capacity: int) -> list[str]:
    """The rows two columns can hold: all of them, or the top and the bottom with every marked
    row (riket, the marked region) in its place."""
    if len(rows) <= 2 * capacity:
        return rows
    marked = [r for r in rows if _marked(r)]
    ends = max((2 * capacity - len(marked)) // 2, 1)
    return [r for i, r in enumerate(rows) if i < ends or i >= len(rows) - ends or _marked(r)]


def _subset(trace: dict[str, Any], keep: set[str]) -> dict[str, Any] | None:
    """The trace's points whose row is in `keep` (a dumbbell's line keeps the gap after each
    pair of points, so its segments stay apart)."""
    ys = trace.get("y")
    if ys is None:
        return None
    index = [
        i for i, y in enumerate(ys) if y in keep or (y is None and i > 0 and ys[i - 1] in keep)
    ]
    if not any(ys[i] is not None for i in index):
        return None
    part = dict(trace)
    for key in PER_POINT:
        value = trace.get(key)
        if isinstance(value, (list, tuple)) and len(value) == len(ys):
            part[key] = [value[i] for i in index]
    marker = dict(trace.get("marker") or {})
    for key in PER_POINT_MARKER:
        value = marker.get(key)
        if isinstance(value, (list, tuple)) and len(value) == len(ys):
            marker[key] = [value[i] for i in index]
    line = dict(marker.get("line") or {})
    if isinstance(line.get("width"), (list, tuple)) and len(line["width"]) == len(ys):
        line["width"] = [line["width"][i] for i in index]
        marker["line"] = line
    if marker:
        part["marker"] = marker
    return part


def _x_range(fig: go.Figure, room: float) -> list[float]:
    """One value axis for both columns: zero, every value, and `room` (a share of the span)
    beyond the largest for the label written past its bar."""
    xs = [
        float(x)
        for trace in fig.data
        for x in (getattr(trace, "x", None) or ())
        if isinstance(x, (int, float))
    ]
    low, high = min([0.0, *xs]), max([0.0, *xs])
    span = (high - low) or 1.0
    return [low - (room * span if low < 0 else 0), high + room * span]


def two_columns(fig: go.Figure, capacity: int, gap: float, room: float) -> go.Figure:
    """The same chart in two columns of at most `capacity` rows each. `gap`: the space between
    the columns for the right column's names (a share of the width); `room`: the space past the
    longest bar for its label (a share of the value span)."""
    rows = kept(categories(fig), capacity)
    half = math.ceil(len(rows) / 2)
    # the upper half (largest values, drawn last) on the left, read first
    columns = (set(rows[len(rows) - half :]), set(rows[: len(rows) - half]))
    split = make_subplots(rows=1, cols=2, horizontal_spacing=gap)
    for trace in fig.data:
        data = trace.to_plotly_json()
        for col, keep in enumerate(columns, start=1):
            part = _subset(data, keep)
            if part is not None:
                part.pop("xaxis", None)
                part.pop("yaxis", None)
                if col == 2:
                    part["showlegend"] = False  # one legend entry per series
                split.add_trace(type(trace)(part), row=1, col=col)
    layout = fig.layout.to_plotly_json()
    x_axis, y_axis = layout.pop("xaxis", {}), layout.pop("yaxis", {})
    layout.pop("annotations", None)
    split.update_layout(layout)
    shown = _x_range(fig, room)
    for col in (1, 2):
        split.update_xaxes(x_axis, row=1, col=col)
        split.update_xaxes(range=shown, autorange=False, row=1, col=col)
        split.update_yaxes(y_axis, row=1, col=col)
    for note in fig.layout.annotations:
        if note.yref == "y" and note.y in columns[1]:
            note = go.layout.Annotation(note, xref="x2", yref="y2")
        if note.yref != "y" or note.y in columns[0] or note.y in columns[1]:
            split.add_annotation(note)
    # names the right column's rows by the category order of the original chart
    for col, keep in enumerate(columns, start=1):
        order = [r for r in rows if r in keep]
        split.update_yaxes(categoryorder="array", categoryarray=order, row=1, col=col)
    return split
