"""Native PowerPoint charts of the views added later: age groups (the region's women and men
beside riket's, and the gaps, as two clustered-column charts) and change between two years
(regions by their change, riket a black bar among them, the marked region yellow)."""

from __future__ import annotations

from typing import Any

import polars as pl
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu, Pt

from dashboard.charts.extra_kinds import ten_year_rows
from dashboard.charts.theme import COLOURS
from dashboard.render import pptx_charts as base
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import t
from dashboard.text.narrative import ages

#: the other regions' bars: riket black, the län grey; their sexes in lighter colours
LIGHT = {"women": "#F0A875", "men": "#7FB4D9"}


def chart(shapes: Any, box: Any, result: Any, lang: str) -> None:
    kind = result.chart.kind
    if kind == "age":
        age(shapes, box, result, lang)
    elif kind == "change":
        change(shapes, box, result, lang)
    else:
        raise ValueError(f"no PowerPoint chart for kind {kind!r}")


def _names(frame: pl.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    rows = frame.select("region_code", "region_name", "region_level").unique(maintain_order=True)
    return [(c, t("country", lang) if c == "00" else n, level) for c, n, level in rows.iter_rows()]


def age(shapes: Any, box: Any, result: Any, lang: str) -> None:
    """Left: women and men by age group, the region and riket (and the län). Right: the gap."""
    rows = ten_year_rows(result.chart.frame)
    region = result.chart.highlight
    regions = _names(rows, lang)
    groups = rows.filter(pl.col("region_code") == region)["age_group"].to_list()
    categories = [ages(a) for a in groups]
    left, top, width, height = box
    half = Emu(int(width * 0.58))
    right_box = (Emu(left + half), top, Emu(width - half), height)

    def values(code: str, column: str) -> list[float | None]:
        own = rows.filter(pl.col("region_code") == code)
        by_age = dict(zip(own["age_group"], own[column], strict=True))
        return [by_age.get(a) for a in groups]

    shares = CategoryChartData()
    shares.categories = categories
    keys = []
    for code, name, _level in regions:
        for sex in ("women", "men"):
            shares.add_series(f"{name} – {t(sex, lang).lower()}", values(code, f"{sex}_share"))
            keys.append((code, sex))
    plot = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, left, top, half, height, shares).chart
    for series, (code, sex) in zip(plot.plots[0].series, keys, strict=True):
        base._fill(series, COLOURS[sex] if code == region else LIGHT[sex])
        if code == region:
            base._label_points(
                series, [percent(v, 0, lang) for v in values(code, f"{sex}_share")], 9
            )
    plot.plots[0].gap_width = 60
    base._percent_axis(plot)
    base._legend(plot, True)
    plot.font.size = Pt(10)

    gaps = CategoryChartData()
    gaps.categories = categories
    for _code, name, _level in regions:
        gaps.add_series(f"{name} ({t('pp_short', lang)})", values(_code, "gap_pp"))
    plot = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *right_box, gaps).chart
    for series, (code, _name, level) in zip(plot.plots[0].series, regions, strict=True):
        colour = (
            COLOURS["gap"]
            if code == region
            else COLOURS["country"]
            if level == "country"
            else COLOURS["muted"]
        )
        base._fill(series, colour)
        base._label_points(series, [number(v, 1, lang) for v in values(code, "gap_pp")], 9)
    plot.plots[0].gap_width = 60
    base._legend(plot, True)
    plot.font.size = Pt(10)


def change(shapes: Any, box: Any, result: Any, lang: str) -> None:
    """Regions by their change in points, riket a black bar among them."""
    frame = result.chart.frame.drop_nulls("change").sort("change")
    names = [
        t("country", lang) if c == "00" else n
        for c, n in zip(frame["region_code"], frame["region_name"], strict=True)
    ]
    data = CategoryChartData()
    data.categories = names
    data.add_series(t("change_word", lang), frame["change"].to_list())
    plot = shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *box, data).chart
    series = plot.plots[0].series[0]
    base._fill(series, COLOURS[result.chart.show])
    series.invert_if_negative = False
    plot.plots[0].gap_width = 40
    for point, code in zip(series.points, frame["region_code"], strict=True):
        if code == "00":
            base._fill(point, COLOURS["country"])
        elif code == result.chart.highlight:
            base._fill(point, COLOURS["highlight"])
            point.format.line.color.rgb = base.rgb("#000000")
            point.format.line.width = Pt(1.5)
    pp = t("pp_short", lang)
    base._label_points(
        series,
        [f"{'+' if v > 0 else ''}{number(v, 1, lang)} {pp}" for v in frame["change"]],
        9 if frame.height > 25 else 11,
    )
    base._every_category(plot, frame.height)
    base._legend(plot, False)
