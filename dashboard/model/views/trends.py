"""Utveckling: shares over time for chosen regions against riket, by sex; series breaks
marked. Women and men are told apart by colour, regions by line style, riket dashed."""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.model import common, tables
from dashboard.model.params import Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
from dashboard.text.formatting import number
from dashboard.text.i18n import show_label, t

NAME = "trends"
MAX_REGIONS = 8


def _regions_default(values: Values, context: object) -> str:
    own = getattr(context, "remembered", {}).get("region")
    return own if own and own != "00" and common.level_of(own) else "04"


PARAMS = [
    common.age_param(multi_year_only=True),
    common.measure_param(),
    common.definition_param(),
    Param(
        "regions",
        "regions",
        lambda values: [c for c in common.all_codes() if c != "00"],
        _regions_default,
        common.region_label,
        widget="multi",
        max_values=MAX_REGIONS,
    ),
    Param(
        "sex",
        "show",
        lambda values: list(common.SHOW),
        lambda values, context: "women,men",
        show_label,
        widget="multi",
    ),
]


def _sentence(series: pl.DataFrame, sexes: list[str], years: list[int], lang: str) -> str:
    """E.g. "Från 2018 till 2022 ökade kvinnornas andel med 3,4 procentenheter i
    Södermanlands län och med 3,5 i riket" (the gap: "ökade skillnaden mellan …")."""
    sex = "gap" if sexes == ["gap"] else ("women" if "women" in sexes else sexes[0])
    column = "gap_pp" if sex == "gap" else f"{sex}_share"
    ordered = series.select("region_code", "region_name").unique(maintain_order=True).rows()
    ordered = [r for r in ordered if r[0] != "00"] + [r for r in ordered if r[0] == "00"]
    parts: list[str] = []
    rose = True
    for index, (code, name) in enumerate(ordered):
        rows = series.filter(series["region_code"] == code).sort("year")
        values = rows[column].drop_nulls()
        if values.len() < 2:
            continue
        change = float(values[-1]) - float(values[0])
        if index == 0:
            rose = change >= 0
        where = t("in_country", lang) if code == "00" else t("in_place", lang, place=name)
        amount = number(abs(change), 1, lang)
        parts.append(f"{amount} {t('pp', lang)} {where}" if not parts else f"{amount} {where}")
    whose = t(f"whose_{sex}", lang)
    verb = t("rose" if rose else "fell", lang)
    if not parts:
        return f"{years[0]}–{years[-1]}"
    return t("trend_sentence", lang, start=years[0], end=years[-1], verb=verb, whose=whose) + (
        f" {t('and_by', lang)} ".join(parts)
    )


def load(values: Values, lang: str) -> ViewResult:
    picked = [r for r in values["regions"].split(",") if r] or ["04"]
    sexes = [s for s in values["sex"].split(",") if s] or ["women", "men"]
    series = queries.series(picked, values["age"], values["measure"], values["definition"])
    years = sorted(set(series["year"]))
    source = common.source(series, values, lang)
    names = ", ".join(common.region_name(r, lang) for r in picked)
    what = (
        t("gap_title", lang) if sexes == ["gap"] else ", ".join(common.who(s, lang) for s in sexes)
    )
    title = f"{common.title_base(values, lang)}, {what}, {years[0]}–{years[-1]} — {names}"
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=_sentence(series, sexes, years, lang),
        chart=ChartSpec(
            "lines",
            series,
            sexes=tuple(sexes),
            breaks=tuple(queries.series_breaks()),
            unit="points" if sexes == ["gap"] else "percent",
        ),
        table=tables.for_people(series, lang),
        data=tables.for_files(series, values, source, lang),
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(lang, t("trends", lang), names[:40], values["age"]),
        notes=common.noise_notes(years, lang),
    )


def aim(settings: Values, region: str) -> Values:
    return {**settings, "regions": region}


VIEW = View(
    name=NAME,
    slug="utveckling",
    title_key="trends",
    params=tuple(PARAMS),
    load=load,
    charts=("lines",),
    order=50,
    main=("regions",),
    aim=aim,
    samples=({"regions": "0486", "sex": "gap"},),
)
