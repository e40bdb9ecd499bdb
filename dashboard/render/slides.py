"""A view's figure laid out for a projector or a picture, at the type sizes a room reads.

A 16:9 slide is 13.333 in, 960 pt, wide: on a screen W pixels wide one point is W/960 px, so
the slide view and the PowerPoint shown on the same projector have the same type. Chart text is
16 pt (21 px at 1280, 32 px at 1920), headlines 28 pt, map names 12 pt and only where they fit
inside their region. A chart of more rows than 16-pt rows fit under the headline is drawn in two
columns (`dashboard.charts.split`), the age view's two panels side by side. The slide's headline
and title are text beside the figure, so the figure itself carries neither.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import map_fit, split
from dashboard.charts.theme import CHAR_EM
from dashboard.data import geometry_files, places
from dashboard.model.result import ViewResult
from dashboard.text.i18n import t

#: the projectors a slide is laid out for: name → the browser window's width and height (px)
PROJECTORS = {"720": (1280, 720), "1080": (1920, 1080)}
#: points across a 16:9 slide (13.333 in)
SLIDE_PT = 960
#: type sizes in points: the headline, the title line under it, chart text (ticks, values,
#: legend), the footer (source and data version), names on a map
HEADLINE_PT, TITLE_PT, CHART_PT, FOOTER_PT, MAP_LABEL_PT = 28, 16, 16, 12, 12
#: the slide view's padding (pt): above the headline, at the sides, between the blocks
TOP_PT, SIDE_PT, GAP_PT = 24, 36, 6
#: line heights (in em) as the slide view's style sheet sets them
HEADLINE_LINE, TEXT_LINE = 1.15, 1.3
#: measured in Chromium (px, at any width): Streamlit's own space above the first element, the
#: gap between two elements (the chart and the footer row), the footer's buttons, and a margin
#: kept at the bottom edge
APP_TOP_PX, ELEMENT_GAP_PX, BUTTONS_PX, BOTTOM_PX = 32, 16, 44, 10
#: a character of bold Source Sans is ~0.49 em wide on average; 0.52 wraps a little early
HEADLINE_CHAR_EM = 0.52
#: a horizontal chart's row: the label's height and the space to the next, in em of chart text
ROW_EM = 1.3
#: the views whose charts are rows (of regions, of definitions): two columns when they are many
ROW_KINDS = ("ranking", "change", "dumbbell", "definitions")
#: a definition's name on a slide is wrapped to lines this long (a column is half the slide)
DEFINITION_CHARS = 34


def px_per_pt(width: int) -> float:
    return width / SLIDE_PT


def _lines(text: str, width_px: float, size_px: float, char_em: float) -> int:
    per_line = max(int(width_px / (char_em * size_px)), 12)
    return max(math.ceil(len(text) / per_line), 1)


def chart_height(headline: str, screen: str, title: str = "") -> int:
    """The chart's height on a projector, so the headline, title, chart, source line and the
    counter all fit the screen without scrolling: a longer headline wraps to more lines and
    leaves the chart less room (a fixed height pushed the source line off a 1280×720 screen)."""
    width, height = PROJECTORS.get(screen, PROJECTORS["720"])
    pt = px_per_pt(width)
    text_width = width - 2 * SIDE_PT * pt
    headline_px, title_px, footer_px = HEADLINE_PT * pt, TITLE_PT * pt, FOOTER_PT * pt
    above = APP_TOP_PX + TOP_PT * pt + 2 * GAP_PT * pt
    above += (
        _lines(headline, text_width, headline_px, HEADLINE_CHAR_EM) * HEADLINE_LINE * headline_px
    )
    above += _lines(title or "x", text_width, title_px, 0.47) * TEXT_LINE * title_px
    footer = ELEMENT_GAP_PX + max(2 * TEXT_LINE * footer_px, BUTTONS_PX) + BOTTOM_PX
    return int(height - above - footer)


def presentation(
    fig: go.Figure, width: int = 1280, height: int = 720, points: float | None = None
) -> go.Figure:
    """The figure at `width`×`height` px with chart text at 16 pt, `points` px to the point
    (a slide's: width/960)."""
    pt = points or px_per_pt(width)
    chart = round(CHART_PT * pt)
    fig = go.Figure(fig)
    # a page's map names its outlines by URL; a picture is drawn without the server
    for trace in fig.data:
        if isinstance(getattr(trace, "geojson", None), str):
            level = geometry_files.level_of(trace.geojson)
            if level:
                trace.geojson = places.shapes(level)
    text = {"size": chart}
    fig.update_layout(
        title=None,
        width=width,
        height=height,
        font=text,
        margin={"l": round(8 * pt), "r": round(8 * pt), "t": round(12 * pt), "b": round(8 * pt)},
        legend={"font": text},
    )
    fig.update_annotations(font=text)  # panel titles, value labels
    fig.update_xaxes(tickfont=text, title_font=text, automargin=True)
    # every category keeps its label at the size of the rest (Plotly would skip or shrink them)
    fig.update_yaxes(tickfont=text, title_font=text, automargin=True)
    fig.update_traces(textfont=text, constraintext="none", selector={"type": "bar"})
    fig.update_traces(textfont=text, selector={"type": "scatter"})
    # lines and markers grow with the type (they were drawn for a 1280-px page)
    for trace in fig.data:
        if trace.type == "scatter":
            if trace.line.width:
                trace.line.width = trace.line.width * pt * 0.75
            if isinstance(trace.marker.size, (int, float)):
                trace.marker.size = trace.marker.size * pt * 0.75
    fig.update_traces(
        colorbar={"tickfont": text, "title": {"font": text}, "thickness": round(12 * pt)},
        selector={"type": "choroplethmap"},
    )
    _room_for_values(fig, chart)
    _map_frame(fig, width, height, pt)
    return fig


def _map_frame(fig: go.Figure, width: int, height: int, pt: float) -> None:
    """A map re-fitted to this picture and its names placed. In a frame much wider than high
    (a slide's chart area) the legend and the colour bar go beside the map, which then has the
    whole height; otherwise above and under it, as on the page."""
    if not any(trace.type == "choroplethmap" for trace in fig.data):
        return
    if width > 1.8 * height:
        fig.update_layout(legend={"orientation": "v", "x": 0, "y": 1, "yanchor": "top"})
        fig.update_traces(
            colorbar={
                "orientation": "v",
                "x": 1,
                "xanchor": "right",
                "y": 0.5,
                "yanchor": "middle",
                "len": 0.9,
            },
            selector={"type": "choroplethmap"},
        )
        area = (width - round(16 * pt), height - round(24 * pt))
    else:
        area = (width - round(16 * pt), height - round(110 * pt))
    map_fit.apply(fig, *area, round(MAP_LABEL_PT * pt))


def _bar_texts(fig: go.Figure) -> list[str]:
    return [
        str(t)
        for trace in fig.data
        if trace.type == "bar" and trace.orientation == "h"
        for t in (trace.text or ())
        if t
    ] + [a.text for a in fig.layout.annotations if a.name == "value_label"]


def _room_for_values(fig: go.Figure, chart: int) -> None:
    """The right margin holds the longest value written past its bar, at this type size."""
    from dashboard.charts.theme import label_room

    texts = _bar_texts(fig)
    if texts:
        fig.update_layout(margin={"r": label_room(texts, chart)})


def _name_px(fig: go.Figure, chart: int) -> float:
    lines = [line for n in split.categories(fig) for line in n.split("<br>")]
    longest = max((len(n.replace("<b>", "").replace("</b>", "")) for n in lines), default=0)
    return longest * CHAR_EM * chart


def in_columns(fig: go.Figure, width: int, height: int, points: float | None = None) -> go.Figure:
    """A chart of rows in two columns when its rows at 16 pt do not fit one (22 rows of län
    and riket on a 1280×720 projector); the chart as it is when they do. A row's height counts
    the lines of its name (a definition's name takes three)."""
    pt = points or px_per_pt(width)
    chart = round(CHART_PT * pt)
    fig.update_xaxes(title=None)  # the slide's title says what the values are
    names = split.categories(fig)
    lines = max((n.count("<br>") + 1 for n in names), default=1)
    per_row = ROW_EM * chart * max(lines, 2 if _grouped(fig) else 1)
    usable = height - fig.layout.margin.t - fig.layout.margin.b - 2 * TEXT_LINE * chart
    if fig.layout.showlegend is not False and len(fig.data) > 1:
        usable -= 2 * TEXT_LINE * chart  # the legend's row above the plot
    capacity = max(int(usable / per_row), 2)
    if len(names) <= capacity:
        return fig
    return _split(fig, capacity, width, pt)


def _split(fig: go.Figure, capacity: int, width: int, pt: float) -> go.Figure:
    """Two columns of `capacity` rows, the space between them made for the right column's
    names and the value axis long enough for the labels past the longest bars."""
    chart = round(CHART_PT * pt)
    name_px = _name_px(fig, chart)
    value_px = max((len(t) for t in _bar_texts(fig)), default=0) * CHAR_EM * chart + 8
    column = width / 2 - name_px - 24 * pt
    room = value_px / max(column - value_px, 1)
    columns = split.two_columns(fig, capacity, gap=(name_px + 24 * pt) / width, room=room)
    columns.update_layout(margin={"r": round(8 * pt)})
    return columns


def _definitions(result: ViewResult, width: int, height: int, pt: float) -> go.Figure:
    """One region under every definition: a column per age group (its name above it, not in
    every row's name, which took four lines of 16 pt), the measure and definition per row."""
    from dashboard.charts.bars import definition_bars
    from dashboard.text.narrative import ages

    frame = result.chart.frame
    groups = frame["age_group"].unique(maintain_order=True).to_list()
    # the same definition under two age groups: told apart by zero-width spaces
    names = [
        name.split(" · ", 1)[-1] + "\u200b" * groups.index(age)
        for name, age in zip(frame["region_name"], frame["age_group"], strict=True)
    ]
    shown = frame.with_columns(pl.Series("region_name", names))
    fig = definition_bars(shown, result.title, result.lang, DEFINITION_CHARS)
    fig = presentation(fig, width, height, pt)
    if len(groups) != 2:
        fig = in_columns(fig, width, height, pt)
        ticks_that_fit(fig, width, pt)
        return fig
    fig.update_xaxes(title=None)
    columns = _split(fig, math.ceil(frame.height / 2), width, pt)
    years = t("years_word", result.lang)
    for axis, age in zip(("x", "x2"), groups, strict=True):
        columns.add_annotation(
            text=f"<b>{ages(age)} {years}</b>",
            xref=f"{axis} domain",
            yref="paper",
            x=0,
            y=1,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font={"size": round(CHART_PT * pt)},
        )
    ticks_that_fit(columns, width, pt)
    return columns


def _grouped(fig: go.Figure) -> bool:
    """Bars of two series beside each other in every row (women and men per definition)."""
    return sum(trace.type == "bar" for trace in fig.data) > 1


def slide_figure(
    result: ViewResult, width: int, height: int, points: float | None = None
) -> go.Figure:
    """The view's chart laid out for a plot of width×height px on a slide with `points` px to
    the point: the age view's panels side by side, a long list of rows in two columns, text at
    16 pt."""
    from dashboard import charts
    from dashboard.charts import ages

    spec = result.chart
    if spec.kind == "definitions":
        return _definitions(result, width, height, points or px_per_pt(width))
    if spec.kind == "age":
        fig = ages.age_bars(result, side_by_side=True)
    else:
        fig = charts.figure(result, inline_shapes=True)
    fig = presentation(fig, width, height, points)
    if spec.kind in ROW_KINDS:
        fig = in_columns(fig, width, height, points)
    ticks_that_fit(fig, width, points or px_per_pt(width))
    return fig


def ticks_that_fit(fig: go.Figure, width: int, pt: float) -> None:
    """At most as many value ticks as 16-pt labels ("60 %", "25 p.e.") fit side by side in each
    horizontal axis's width: Plotly spaces them for its own small type and they met."""
    chart = CHART_PT * pt
    label = (7 if any(trace.type == "bar" for trace in fig.data) else 5) * CHAR_EM * chart
    plot = width - fig.layout.margin.l - fig.layout.margin.r
    for axis in fig.select_xaxes():
        low, high = axis.domain or (0, 1)
        axis.nticks = max(int((high - low) * plot / (label + chart)), 2)
