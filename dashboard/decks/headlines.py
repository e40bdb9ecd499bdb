"""Slide headlines: one sentence a presenter can say aloud, generated from the slide's table."""

from __future__ import annotations

import polars as pl

from dashboard.charts import figures as charts
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import measure_label, show_label, t
from dashboard.text.narrative import headline


def overview(frame: pl.DataFrame, year: int, age: str, measure: str, lang: str) -> str:
    row = frame.row(0, named=True)
    country = frame.filter(pl.col("region_code") == "00").row(0, named=True)
    return headline({**row, "country_gap_pp": country["gap_pp"]}, year, age, measure, lang)


#: "för kvinnorna" / "for women": whose share a ranking ranks
FOR_WHOM = {
    "sv": {
        "women": "för kvinnorna",
        "men": "för männen",
        "total": "för alla",
        "gap": "i könsskillnad",
    },
    "en": {"women": "for women", "men": "for men", "total": "for everyone", "gap": "by gender gap"},
}
LEVEL_WORD = {
    "sv": {"county": "län", "municipality": "kommuner"},
    "en": {"county": "counties", "municipality": "municipalities"},
}


def _short(name: str) -> str:
    """Södermanlands län → Södermanland, as a presenter says it; kommuner keep their name."""
    return name[:-5].rstrip("s") if name.endswith("s län") else name.removesuffix(" län")


def ranking(
    frame: pl.DataFrame,
    show: str,
    year: int,
    scope: str,
    measure: str,
    lang: str,
    highlight: str | None = None,
) -> str:
    """With a highlighted region: "Södermanland: 20 av 21 län för kvinnorna (41,1 %) 2019 —
    högst Stockholm 57,0 %, riket 49,8 %". Without: the top, the bottom and riket."""
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
        f"{'riket' if lang == 'sv' else 'Sweden'} {fmt(country[column][0])}"
        if country.height
        else ""
    )
    top, bottom = rows.row(0, named=True), rows.row(-1, named=True)
    codes = rows["region_code"].to_list()
    if highlight in codes:
        place = codes.index(highlight) + 1
        row = rows.row(place - 1, named=True)
        level = LEVEL_WORD[lang][row["region_level"]]
        of = "av" if lang == "sv" else "of"
        lead = (
            f"{_short(row['region_name'])}: {place} {of} {rows.height} {level} "
            f"{FOR_WHOM[lang][show]} ({fmt(row[column])}) {year}"
        )
        best = "högst" if lang == "sv" else "highest"
        other = top if place != 1 else bottom
        other_word = best if place != 1 else ("lägst" if lang == "sv" else "lowest")
        tail = f"{other_word} {_short(other['region_name'])} {fmt(other[column])}"
        return f"{lead} — {tail}" + (f", {riket}" if riket else "")
    if lang == "sv":
        return (
            f"{scope}, {who} {year}: högst {top['region_name']} {fmt(top[column])}, "
            f"lägst {bottom['region_name']} {fmt(bottom[column])}" + (f"; {riket}" if riket else "")
        )
    return (
        f"{scope}, {who} {year}: highest {top['region_name']} {fmt(top[column])}, "
        f"lowest {bottom['region_name']} {fmt(bottom[column])}" + (f"; {riket}" if riket else "")
    )


def gap(frame: pl.DataFrame, year: int, scope: str, lang: str, highlight: str | None = None) -> str:
    return ranking(frame, "gap", year, scope, "post_secondary", lang, highlight)


def trend(series: pl.DataFrame, years: list[int], lang: str) -> str:
    """E.g. "Från 2018 till 2022 ökade kvinnornas andel med 3,4 procentenheter i
    Södermanland och med 3,5 i riket" — the first region named in full, the rest short."""
    parts = []
    ordered = series.select("region_code", "region_name").unique(maintain_order=True).rows()
    ordered = [r for r in ordered if r[0] != "00"] + [r for r in ordered if r[0] == "00"]
    for index, (code, name) in enumerate(ordered):
        rows = series.filter(pl.col("region_code") == code).sort("year")
        change = (rows["women_share"][-1] or 0) - (rows["women_share"][0] or 0)
        where = (
            ("i riket" if lang == "sv" else "in Sweden")
            if code == "00"
            else (f"i {_short(name)}" if lang == "sv" else f"in {_short(name)}")
        )
        amount = number(abs(change), 1, lang)
        if index == 0:
            unit = "procentenheter" if lang == "sv" else "percentage points"
            parts.append(f"{amount} {unit} {where}")
        else:
            parts.append(f"{amount} {where}")
    first_change = series.filter(pl.col("region_code") == ordered[0][0]).sort("year")["women_share"]
    rose = (first_change[-1] or 0) >= (first_change[0] or 0)
    if lang == "sv":
        verb = "ökade" if rose else "minskade"
        return f"Från {years[0]} till {years[-1]} {verb} kvinnornas andel med " + " och med ".join(
            parts
        )
    verb = "rose" if rose else "fell"
    return f"From {years[0]} to {years[-1]} women's share {verb} by " + " and by ".join(parts)
