"""Slide headlines: one sentence a presenter can say aloud, generated from the slide's table."""

from __future__ import annotations

import polars as pl

from dashboard import charts
from dashboard.formatting import number, percent
from dashboard.i18n import measure_label, show_label, t
from dashboard.narrative import headline


def overview(frame: pl.DataFrame, year: int, age: str, measure: str, lang: str) -> str:
    row = frame.row(0, named=True)
    country = frame.filter(pl.col("region_code") == "00").row(0, named=True)
    return headline({**row, "country_gap_pp": country["gap_pp"]}, year, age, measure, lang)


def ranking(frame: pl.DataFrame, show: str, year: int, scope: str, measure: str, lang: str) -> str:
    column = charts.value_column(show)
    rows = (
        frame.filter(pl.col("region_level") != "country")
        .drop_nulls(column)
        .sort(column, descending=True)
    )
    country = frame.filter(pl.col("region_level") == "country")
    fmt = (
        (lambda v: number(v, 1, lang) + " " + t("pp_short", lang))
        if show == "gap"
        else (lambda v: percent(v, 1, lang))
    )
    who = show_label(show, lang).lower()
    if not rows.height:
        return f"{measure_label(measure, lang)}, {who}, {year}"
    riket = (
        f"; {t('country', lang).lower() if lang == 'sv' else 'Sweden'} {fmt(country[column][0])}"
        if country.height
        else ""
    )
    if lang == "sv":
        return (
            f"{scope}, {who} {year}: högst {rows['region_name'][0]} {fmt(rows[column][0])}, "
            f"lägst {rows['region_name'][-1]} {fmt(rows[column][-1])}{riket}"
        )
    return (
        f"{scope}, {who} {year}: highest {rows['region_name'][0]} {fmt(rows[column][0])}, "
        f"lowest {rows['region_name'][-1]} {fmt(rows[column][-1])}{riket}"
    )


def gap(frame: pl.DataFrame, year: int, scope: str, lang: str) -> str:
    return ranking(frame, "gap", year, scope, "post_secondary", lang)


def trend(series: pl.DataFrame, years: list[int], lang: str) -> str:
    parts = []
    for code, name in (
        series.select("region_code", "region_name").unique(maintain_order=True).iter_rows()
    ):
        rows = series.filter(pl.col("region_code") == code).sort("year")
        first, last = rows.row(0, named=True), rows.row(-1, named=True)
        change = (last["women_share"] or 0) - (first["women_share"] or 0)
        parts.append(f"{name} {number(change, 1, lang)}")
    lead = "Kvinnornas andel förändring" if lang == "sv" else "Change in women's share"
    return f"{lead} {years[0]}–{years[-1]} ({t('pp_short', lang)}): " + ", ".join(parts)
