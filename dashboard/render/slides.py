"""A view's figure laid out for a projector or a picture: large type, every label kept, a map
re-fitted to the picture and its regions named. The slide's headline and title are text
beside the figure, so the figure itself carries neither."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from dashboard.charts import map_fit
from dashboard.data import geometry_files, places

#: the projectors a slide is laid out for: name → the browser window's width and height (px)
PROJECTORS = {"720": (1280, 720), "1080": (1920, 1080)}
#: what the slide view puts around the chart, measured in Chromium (px): above the headline,
#: the title line under it with its gaps, the gap and the footer row under the chart (its
#: source line wraps to two lines at 1280), and a margin at the bottom edge
ABOVE_HEADLINE, TITLE_BLOCK, FOOTER_BLOCK, BOTTOM_MARGIN = 64, 34, 57, 16
#: the headline's type as the slide view's style sheet sizes it: clamp(2rem, 2.4vw, 2.6rem),
#: 1.2 lines; a character of Source Sans bold is ~0.49 em wide on average (0.55: wraps early)
HEADLINE_EM, LINE_HEIGHT, CHAR_EM, SIDE_PADDING = 16, 1.2, 0.55, 96


def headline_px(width: int) -> float:
    return min(max(2 * HEADLINE_EM, 0.024 * width), 2.6 * HEADLINE_EM)


def chart_height(headline: str, screen: str) -> int:
    """The chart's height on a projector, so the headline, title, chart, source line and the
    counter all fit the screen without scrolling: a longer headline wraps to more lines and
    leaves the chart less room (a fixed height pushed the source line off a 1280×720 screen)."""
    width, height = PROJECTORS.get(screen, PROJECTORS["720"])
    font = headline_px(width)
    per_line = max(int((width - SIDE_PADDING) / (CHAR_EM * font)), 20)
    lines = max(math.ceil(len(headline) / per_line), 1)
    around = ABOVE_HEADLINE + TITLE_BLOCK + FOOTER_BLOCK + BOTTOM_MARGIN
    return int(height - around - lines * LINE_HEIGHT * font)


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
