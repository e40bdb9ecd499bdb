"""The PowerPoint charts of the views that are not lists of regions: a few regions side by side
(women, men, total), shares over time, and the age groups (the region's women and men beside
riket's, and the gap beside riket's)."""

from __future__ import annotations

from typing import Any

import polars as pl
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Inches, Pt

from dashboard.charts.ages import GAP_COLOURS, LIGHT, ten_year_rows
from dashboard.charts.theme import COLOURS, value_column
from dashboard.render.pptx_charts import (
    Series,
    bounds,
    fill,
    grouped_bars,
    label_points,
    rgb,
    style,
    value_axis,
)
from dashboard.render.pptx_layout import Box
from dashboard.text.formatting import percent, value_text
from dashboard.text.i18n import show_label, t
from dashboard.text.narrative import ages

#: the share of the width the age view's women-and-men chart takes (the gap's the rest)
AGE_SPLIT = 0.56


def _name(code: str, name: str, lang: str) -> str:
    return t("country", lang) if code == "00" else name


def columns(shapes: Any, box: Box, frame: pl.DataFrame, lang: str) -> None:
    """Women, men and total for a few regions (riket among them when chosen)."""
    codes = frame["region_code"] if "region_code" in frame.columns else [""] * frame.height
    data = CategoryChartData()
    data.categories = [_name(c, n, lang) for c, n in zip(codes, frame["region_name"], strict=True)]
    for sex in ("women", "men", "total"):
        data.add_series(t(sex, lang), frame[f"{sex}_share"].to_list())
    chart = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *(Inches(v) for v in box), data).chart
    for series, sex in zip(chart.plots[0].series, ("women", "men", "total"), strict=True):
        fill(series, COLOURS[sex])
        label_points(series, [percent(v, 1, lang) for v in frame[f"{sex}_share"]])
    shares = [
        float(v) for s in ("women", "men", "total") for v in frame[f"{s}_share"] if v is not None
    ]
    value_axis(chart, "percent", lang, *bounds(shares, room=0.15), width_in=box[2])
    chart.category_axis.tick_labels.font.size = Pt(16)
    style(chart, legend=True)


def lines(shapes: Any, box: Box, frame: pl.DataFrame, sexes: list[str], lang: str) -> None:
    """Shares over time: colour by sex, riket dashed (so its women and men differ from each
    other and from the region's). Each line's last value is in its legend entry: labels at the
    lines' ends sat on each other where two lines end close together (37,5 % and 34,8 %)."""
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
            values = [by_year.get(y) for y in years]
            last = values[-1]
            end = f": {value_text(last, sex, lang)} {years[-1]}" if last is not None else ""
            label = f"{_name(code, name, lang)} – {show_label(sex, lang).lower()}{end}"
            data.add_series(label, values)
            keys.append((code, sex))
    chart = shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, *(Inches(v) for v in box), data).chart
    for series, (code, sex) in zip(chart.plots[0].series, keys, strict=True):
        colour = COLOURS[sex]
        series.format.line.color.rgb = rgb(colour)
        series.format.line.width = Pt(2.5 if code == "00" else 3.5)
        if code == "00":
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = rgb(colour)
    drawn = [float(v) for s in sexes for v in frame[value_column(s)] if v is not None]
    unit = "points" if sexes == ["gap"] else "percent"
    value_axis(chart, unit, lang, *bounds(drawn, room=0.08), width_in=box[2])
    chart.category_axis.tick_labels.font.size = Pt(16)
    style(chart, legend=True, position=XL_LEGEND_POSITION.BOTTOM)


def _by_age(rows: pl.DataFrame, code: str, groups: list[str], column: str) -> list[float | None]:
    own = rows.filter(pl.col("region_code") == code)
    by_age = dict(zip(own["age_group"], own[column], strict=True))
    return [by_age.get(a) for a in groups]


def age(shapes: Any, box: Box, result: Any, lang: str) -> None:
    """Left: the region's women and men by age group (labelled) beside riket's (lighter).
    Right: the region's gap beside its län's (for a kommun) and riket's (black), the region's
    and riket's labelled. Every value a bar on its own row: no label on another."""
    rows = ten_year_rows(result.chart.frame)
    region = result.chart.highlight
    groups = rows.filter(pl.col("region_code") == region)["age_group"].to_list()
    categories = [ages(a) for a in groups]
    others = [
        (code, _name(code, name, lang), level)
        for code, name, level in rows.select("region_code", "region_name", "region_level")
        .unique(maintain_order=True)
        .iter_rows()
        if code != region
    ]
    shares: list[Series] = []
    for sex in ("women", "men"):
        own = _by_age(rows, region, groups, f"{sex}_share")
        shares.append(Series(t(sex, lang), own, COLOURS[sex], [percent(v, 1, lang) for v in own]))
        for code, name, level in others:
            if level == "country":
                values = _by_age(rows, code, groups, f"{sex}_share")
                label = f"{name} – {t(sex, lang).lower()}"
                shares.append(Series(label, values, LIGHT[sex], [""] * len(groups)))
    gaps = [
        Series(
            t("gap_word", lang).capitalize(),
            own := _by_age(rows, region, groups, "gap_pp"),
            GAP_COLOURS["own"],
            [value_text(v, "gap", lang) for v in own],
        )
    ]
    for code, name, level in sorted(others, key=lambda o: o[2] == "country"):
        values = _by_age(rows, code, groups, "gap_pp")
        kind = "country" if level == "country" else "county"
        labels = [value_text(v, "gap", lang) if kind == "country" else "" for v in values]
        gaps.append(Series(f"{name} – {t('gap_word', lang)}", values, GAP_COLOURS[kind], labels))
    left, top, width, height = box
    split = width * AGE_SPLIT
    grouped_bars(shapes, (left, top, split, height), categories, shares, "percent", lang, 99)
    right = (left + split, top, width - split, height)
    grouped_bars(shapes, right, categories, gaps, "points", lang, 99)
