"""The PowerPoint charts of views that list regions as rows: the ranking, the change between two
years, the gender gap and one region under every definition (`pptx_charts` draws them)."""

from __future__ import annotations

from typing import Any

import polars as pl

from dashboard.charts.theme import COLOURS, value_column
from dashboard.render.pptx_charts import Row, Series, grouped_bars, row_bars
from dashboard.render.pptx_layout import Box
from dashboard.text.formatting import percent, value_text
from dashboard.text.i18n import show_label, t


def _name(code: str, name: str, lang: str) -> str:
    return t("country", lang) if code == "00" else name


def _rows(
    frame: pl.DataFrame, column: str, colour: str, highlight: str | None, label: Any, lang: str
) -> list[Row]:
    """The regions and riket, largest first: riket black, the marked region yellow."""
    ranked = frame.drop_nulls(column).sort(column, descending=True)
    return [
        Row(
            _name(code, name, lang),
            float(value),
            "#000000" if code == "00" else COLOURS["highlight"] if code == highlight else colour,
            label(value),
            marked=code == highlight,
        )
        for code, name, value in zip(
            ranked["region_code"], ranked["region_name"], ranked[column], strict=True
        )
    ]


def ranking(
    shapes: Any, box: Box, frame: pl.DataFrame, show: str, lang: str, highlight: str | None
) -> None:
    """Regions sorted by one value, riket a black bar among them, the marked one yellow."""
    column = value_column(show)
    rows = _rows(frame, column, COLOURS[show], highlight, lambda v: value_text(v, show, lang), lang)
    row_bars(
        shapes, box, rows, "points" if show == "gap" else "percent", lang, show_label(show, lang)
    )


def change(shapes: Any, box: Box, result: Any, lang: str) -> None:
    """Regions by their change in points, riket a black bar among them."""
    spec = result.chart

    def signed(v: float) -> str:
        return ("+" if v > 0 else "") + value_text(v, "gap", lang)

    rows = _rows(spec.frame, "change", COLOURS[spec.show], spec.highlight, signed, lang)
    row_bars(shapes, box, rows, "points", lang, t("change_word", lang))


def gap(shapes: Any, box: Box, frame: pl.DataFrame, lang: str, highlight: str | None) -> None:
    """The gap per region, largest on top, riket a black bar among them and the marked region
    yellow, each labelled in points. Women's and men's shares beside each other with the gap in
    the names did not fit 22 regions at 16 pt (LibreOffice left every other name out); the
    shares are in the table, the gap is what the slide says."""
    ranking(shapes, box, frame, "gap", lang, highlight)


def definitions(shapes: Any, box: Box, frame: pl.DataFrame, lang: str) -> None:
    """Women and men under every definition, four definitions to a chart (their names take
    three lines at 16 pt)."""
    names = frame["region_name"].to_list()
    series = [
        Series(
            t(sex, lang),
            frame[f"{sex}_share"].to_list(),
            COLOURS[sex],
            [percent(v, 1, lang) for v in frame[f"{sex}_share"]],
        )
        for sex in ("women", "men")
    ]
    grouped_bars(shapes, box, names, series, "percent", lang, per_column=4)
