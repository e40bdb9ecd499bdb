"""Native PowerPoint charts a presenter can show unchanged and the back row can read: all chart
text at 16 pt, every number labelled as text in the deck's language ("41,1 %" reads the same in
any locale) and with the page's decimals, axes in the language's format with whole-number ticks
("0 %", "2 p.e."), women vermilion / men blue / total green, the highlighted region in its own
colour, riket a black bar among the regions.

A list of rows longer than 16-pt rows fit under the headline is drawn as two charts side by side
with one value axis (the upper half of the ranking on the left); rows beyond two columns are
left to the table (the top and bottom are shown, and riket and the marked region always).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Inches, Length, Pt

from dashboard.render.pptx_layout import FONT, Box, rows_that_fit
from dashboard.render.slides import CHART_PT
from dashboard.text.i18n import t


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


def fill(target: Any, colour: str) -> None:
    target.format.fill.solid()
    target.format.fill.fore_color.rgb = rgb(colour)


def label_points(series: Any, texts: list[str]) -> None:
    """Each point's value as our own text at 16 pt, past the end of its bar."""
    for point, text in zip(series.points, texts, strict=False):
        if not text:
            continue
        frame = point.data_label.text_frame
        frame.text = text
        frame.paragraphs[0].runs[0].font.size = Pt(CHART_PT)
        point.data_label.position = XL_LABEL_POSITION.OUTSIDE_END


#: at most this many steps on a value axis: more is noise on a slide
MAX_TICKS = 7


def _step(span: float, ticks: int = 6) -> float:
    """A tick step of 1, 2 or 5 times a power of ten, at most `ticks` steps over the span."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def value_axis(
    chart: Any, unit: str, lang: str, low: float, high: float, width_in: float = 12.0
) -> None:
    """Whole-number ticks in the language's format — "0 %" / "0%", "2 p.e." / "2 pp" — so no
    viewer's locale writes "0.5" in a Swedish deck — over low…high, as many as the chart's
    width holds at 16 pt."""
    axis = chart.value_axis
    suffix = (
        ("\u202f%" if lang == "sv" else "%") if unit == "percent" else f" {t('pp_short', lang)}"
    )
    axis.tick_labels.number_format = f'0"{suffix}"'
    axis.tick_labels.number_format_is_linked = False
    axis.tick_labels.font.size = Pt(CHART_PT)
    tick_pt = (len(f"{max(abs(low), abs(high)):.0f}{suffix}") + 1) * 0.55 * CHART_PT + 20
    step = max(_step(high - low, min(max(int(width_in * 72 / tick_pt), 2), MAX_TICKS)), 1.0)
    axis.major_unit = step
    axis.minimum_scale = math.floor(low / step) * step
    axis.maximum_scale = math.ceil(high / step) * step
    axis.has_major_gridlines = True


def every_category(chart: Any) -> None:
    """Every row keeps its label at 16 pt (PowerPoint and LibreOffice would otherwise label
    every other bar)."""
    axis = chart.category_axis
    axis.tick_labels.font.size = Pt(CHART_PT)
    cat_ax = axis._element
    skip = cat_ax.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = OxmlElement("c:tickLblSkip")
        anchor = cat_ax.find(qn("c:noMultiLvlLbl"))
        if anchor is not None:
            anchor.addprevious(skip)
        else:
            cat_ax.append(skip)
    skip.set("val", "1")


def style(chart: Any, legend: bool, position: Any = XL_LEGEND_POSITION.TOP) -> None:
    chart.font.size = Pt(CHART_PT)
    chart.font.name = FONT
    chart.has_title = False  # the slide's headline and title say what the chart shows
    chart.has_legend = legend
    if legend:
        chart.legend.position = position
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(CHART_PT)


def bounds(values: list[float], room: float = 0.22) -> tuple[float, float]:
    """The value axis: zero and every value, and room past the largest for its label."""
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    return low - (room * span if low < 0 else 0.0), high + room * span


@dataclass(frozen=True)
class Row:
    """One bar of a ranking: its category name, value, colour, label and whether it is marked."""

    name: str
    value: float
    colour: str
    label: str
    marked: bool = False


def ends(rows: list[Row], capacity: int) -> list[Row]:
    """What two columns hold: every row, or the top and the bottom with riket and the marked
    region in their places (the table has all of them)."""
    if len(rows) <= 2 * capacity:
        return rows
    keep = [r.marked or r.colour == "#000000" for r in rows]
    each = max((2 * capacity - sum(keep)) // 2, 1)
    return [r for i, r in enumerate(rows) if i < each or i >= len(rows) - each or keep[i]]


def columns_of(count: int, capacity: int) -> list[range]:
    """Row indexes per chart: one chart, or two side by side (the first holding the top)."""
    if count <= capacity:
        return [range(count)]
    half = math.ceil(count / 2)
    return [range(half), range(half, count)]


def side_by_side(box: Box, count: int, index: int) -> tuple[Length, Length, Length, Length]:
    left, top, width, height = box
    each = width / count
    return Inches(left + index * each), Inches(top), Inches(each), Inches(height)


def row_bars(shapes: Any, box: Box, rows: list[Row], unit: str, lang: str, name: str) -> None:
    """Rows, top first, as horizontal bars: one chart or two side by side, one value axis."""
    capacity = rows_that_fit(box[3])
    rows = ends(rows, capacity)
    low, high = bounds([r.value for r in rows])
    parts = columns_of(len(rows), capacity)
    for index, part in enumerate(parts):
        shown = [rows[i] for i in part][::-1]  # PowerPoint draws the first category at the bottom
        data = CategoryChartData()
        data.categories = [r.name for r in shown]
        data.add_series(name, [r.value for r in shown])
        chart = shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, *side_by_side(box, len(parts), index), data
        ).chart
        series = chart.plots[0].series[0]
        series.invert_if_negative = False
        chart.plots[0].gap_width = 40
        for point, row in zip(series.points, shown, strict=True):
            fill(point, row.colour)
            if row.marked:
                point.format.line.color.rgb = rgb("#000000")
                point.format.line.width = Pt(1.5)
        label_points(series, [r.label for r in shown])
        value_axis(chart, unit, lang, low, high, 0.7 * box[2] / len(parts))
        every_category(chart)
        style(chart, legend=False)


@dataclass(frozen=True)
class Series:
    """One series of grouped bars: its legend name, values, colour and labels ("" = none)."""

    name: str
    values: list[float | None]
    colour: str
    labels: list[str]


def grouped_bars(
    shapes: Any,
    box: Box,
    categories: list[str],
    series: list[Series],
    unit: str,
    lang: str,
    per_column: int | None = None,
    legend: bool = True,
) -> None:
    """Categories, top first, each a group of horizontal bars (one per series); in two charts
    side by side when they are more than `per_column` (default: what fits at 16 pt)."""
    capacity = per_column or rows_that_fit(box[3])
    values = [v for s in series for v in s.values if v is not None]
    low, high = bounds(values)
    parts = columns_of(len(categories), capacity)
    for index, part in enumerate(parts):
        order = list(part)[::-1]
        data = CategoryChartData()
        data.categories = [categories[i] for i in order]
        for one in series[::-1]:  # the first series on top in each group
            data.add_series(one.name, [one.values[i] for i in order])
        chart = shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, *side_by_side(box, len(parts), index), data
        ).chart
        chart.plots[0].gap_width = 50
        chart.plots[0].overlap = 0
        for drawn, one in zip(chart.plots[0].series, series[::-1], strict=True):
            fill(drawn, one.colour)
            drawn.invert_if_negative = False
            label_points(drawn, [one.labels[i] for i in order])
        # long names (a definition's three lines) leave the bars half the chart's width
        plot = 0.5 if max(len(c) for c in categories) > 24 else 0.75
        value_axis(chart, unit, lang, low, high, plot * box[2] / len(parts))
        every_category(chart)
        style(chart, legend=legend and index == 0)
