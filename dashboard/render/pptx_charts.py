"""Native PowerPoint charts a presenter can show unchanged: every number labelled in the deck's
language, percentage axes, women vermilion / men blue / total green, the highlighted region in
its own colour, riket as a labelled reference, and a gap chart (clustered bars) that renders the
same in PowerPoint and LibreOffice. Labels are written as text, so "41,1 %" reads the same
whatever locale opens the file."""

from __future__ import annotations

from typing import Any

import polars as pl
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Pt

from dashboard.charts.theme import COLOURS, value_column
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import show_label, t

Box = tuple[int, int, int, int]


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


def _country(lang: str) -> str:
    return t("country", lang)


def _label_points(series: Any, texts: list[str], size: int = 11) -> None:
    for point, text in zip(series.points, texts, strict=False):
        if not text:
            continue
        frame = point.data_label.text_frame
        frame.text = text
        frame.paragraphs[0].runs[0].font.size = Pt(size)
        point.data_label.position = XL_LABEL_POSITION.OUTSIDE_END


def _fill(target: Any, colour: str) -> None:
    target.format.fill.solid()
    target.format.fill.fore_color.rgb = rgb(colour)


def _percent_axis(chart: Any) -> None:
    axis = chart.value_axis
    axis.tick_labels.number_format = '0" %"'
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True
    axis.minimum_scale = 0


def _every_category(chart: Any, count: int) -> None:
    """Every region keeps its label: small type for long lists, and no skipping (PowerPoint and
    LibreOffice would otherwise label every other bar)."""
    axis = chart.category_axis
    axis.tick_labels.font.size = Pt(9 if count > 25 else 10 if count > 12 else 12)
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


def _legend(chart: Any, show: bool) -> None:
    chart.has_legend = show
    if show:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    chart.font.size = Pt(12)
    chart.has_title = False  # the slide's headline and subtitle say what the chart shows


def ranking(
    shapes: Any, box: Box, frame: pl.DataFrame, show: str, lang: str, highlight: str | None
) -> None:
    """Regions sorted by one value; riket a black bar among them; the highlighted one yellow."""
    column = value_column(show)
    rows = (
        frame.filter(pl.col("region_level") != "country")
        .drop_nulls(column)
        .vstack(frame.filter(pl.col("region_level") == "country").drop_nulls(column))
        .sort(column)
    )
    names = [
        _country(lang) if c == "00" else n
        for c, n in zip(rows["region_code"], rows["region_name"], strict=True)
    ]
    data = CategoryChartData()
    data.categories = names
    data.add_series(show_label(show, lang), rows[column].to_list())
    chart = shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *box, data).chart
    series = chart.plots[0].series[0]
    _fill(series, COLOURS[show])
    chart.plots[0].gap_width = 40
    for point, code in zip(series.points, rows["region_code"], strict=True):
        if code == "00":
            _fill(point, COLOURS["country"])
        elif code == highlight:
            _fill(point, COLOURS["highlight"])
            point.format.line.color.rgb = rgb("#000000")
            point.format.line.width = Pt(1.5)
    fmt = (
        (lambda v: f"{number(v, 1, lang)} {t('pp_short', lang)}")
        if show == "gap"
        else (lambda v: percent(v, 1, lang))
    )
    _label_points(series, [fmt(v) for v in rows[column]], 10 if rows.height > 25 else 11)
    if show != "gap":
        _percent_axis(chart)
    _every_category(chart, rows.height)
    _legend(chart, False)


def columns(shapes: Any, box: Box, frame: pl.DataFrame, lang: str) -> None:
    """Women, men and total for a few regions (riket among them when chosen)."""
    names = [
        _country(lang) if c == "00" else n
        for c, n in zip(
            frame["region_code"] if "region_code" in frame.columns else [""] * frame.height,
            frame["region_name"],
            strict=True,
        )
    ]
    data = CategoryChartData()
    data.categories = names
    for sex in ("women", "men", "total"):
        data.add_series(t(sex, lang), frame[f"{sex}_share"].to_list())
    chart = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *box, data).chart
    for series, sex in zip(chart.plots[0].series, ("women", "men", "total"), strict=True):
        _fill(series, COLOURS[sex])
        _label_points(series, [percent(v, 1, lang) for v in frame[f"{sex}_share"]])
    _percent_axis(chart)
    _legend(chart, True)


def lines(shapes: Any, box: Box, frame: pl.DataFrame, sexes: list[str], lang: str) -> None:
    """Shares over time: colour by sex, riket dashed (so its women and men differ from each
    other and from the region's); the last year of each line labelled."""
    years = sorted(set(frame["year"]))
    data = CategoryChartData()
    data.categories = [str(y) for y in years]
    keys = []
    for code, name in (
        frame.select("region_code", "region_name").unique(maintain_order=True).iter_rows()
    ):
        rows = frame.filter(pl.col("region_code") == code)
        for sex in sexes:
            by_year = dict(zip(rows["year"], rows[value_column(sex)], strict=True))
            label = _country(lang) if code == "00" else name
            data.add_series(
                f"{label} – {show_label(sex, lang).lower()}", [by_year.get(y) for y in years]
            )
            keys.append((code, sex, [by_year.get(y) for y in years]))
    chart = shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, *box, data).chart
    for series, (code, sex, values) in zip(chart.plots[0].series, keys, strict=True):
        colour = COLOURS[sex]
        series.format.line.color.rgb = rgb(colour)
        series.format.line.width = Pt(2.25 if code == "00" else 3)
        if code == "00":
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = rgb(colour)
        fmt = (lambda v: number(v, 1, lang)) if sex == "gap" else (lambda v: percent(v, 1, lang))
        _label_points(
            series, [""] * (len(values) - 1) + [fmt(values[-1]) if values[-1] is not None else ""]
        )
    if "gap" not in sexes:
        _percent_axis(chart)
    _legend(chart, True)


def gap(shapes: Any, box: Box, frame: pl.DataFrame, lang: str) -> None:
    """Women and men side by side per region, the gap in the category label: clustered bars
    look the same in PowerPoint and LibreOffice (a line chart with high-low lines did not)."""
    rows = frame.drop_nulls("gap_pp").sort("gap_pp")
    pp = t("pp_short", lang)
    names = [
        f"{_country(lang) if c == '00' else n} ({'+' if g >= 0 else ''}{number(g, 1, lang)} {pp})"
        for c, n, g in zip(rows["region_code"], rows["region_name"], rows["gap_pp"], strict=True)
    ]
    data = CategoryChartData()
    data.categories = names
    for sex in ("men", "women"):
        data.add_series(t(sex, lang), rows[f"{sex}_share"].to_list())
    chart = shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *box, data).chart
    chart.plots[0].gap_width = 50
    chart.plots[0].overlap = 0
    for series, sex in zip(chart.plots[0].series, ("men", "women"), strict=True):
        _fill(series, COLOURS[sex])
        _label_points(
            series,
            [percent(v, 1, lang) for v in rows[f"{sex}_share"]],
            9 if rows.height > 25 else 10,
        )
    _percent_axis(chart)
    _every_category(chart, rows.height)
    _legend(chart, True)
