"""A view's figure laid out for a projector or a picture: large type, every label kept, a map
re-fitted to the picture and its regions named. The slide's headline and title are text
beside the figure, so the figure itself carries neither."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts import map_fit
from dashboard.data import geometry_files, places


def presentation(fig: go.Figure, width: int = 1280, height: int = 720) -> go.Figure:
    scale = width / 1280
    fig = go.Figure(fig)
    # a page's map names its outlines by URL; a picture is drawn without the server
    for trace in fig.data:
        if isinstance(getattr(trace, "geojson", None), str):
            level = geometry_files.level_of(trace.geojson)
            if level:
                trace.geojson = places.shapes(level)
    fig.update_layout(
        title=None,
        width=width,
        height=height,
        font={"size": round(20 * scale)},
        margin={"l": 20, "r": 20, "t": 30, "b": round(50 * scale)},
        legend={"font": {"size": round(18 * scale)}},
    )
    fig.update_annotations(font={"size": round(16 * scale)})
    fig.update_xaxes(tickfont={"size": round(18 * scale)}, automargin=True)
    # every category keeps its label (Plotly would skip some at this size): at most ~25 rows fit
    fig.update_yaxes(tickfont={"size": round(16 * scale)}, automargin=True)
    fig.update_traces(textfont={"size": round(18 * scale)}, selector={"type": "bar"})
    # a map re-fits its regions to this picture (plot area: less margins and the colour bar)
    map_fit.apply(fig, width - 160, height - 30 - round(50 * scale), round(13 * scale))
    return fig
