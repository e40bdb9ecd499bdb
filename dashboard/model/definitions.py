"""Vilken siffra stämmer?: one region and year under every published definition, who uses
which, and why they differ — so a quoted figure can be traced to its definition."""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.model import common
from dashboard.model.params import Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.text import definitions as words
from dashboard.text.i18n import t

NAME = "definitions"
PARAMS = [
    common.region_param("04"),
    Param(
        "year",
        "year",
        lambda values: [str(y) for y in queries.definition_years()],
        lambda values, context: str(queries.definition_years()[0]),
        shared_as="year",
    ),
]


def _table(rows: pl.DataFrame, lang: str) -> pl.DataFrame:
    return rows.select(
        pl.col("region_name").alias(t("definition", lang)),
        pl.col("women_share").round(2).alias(t("women", lang) + " %"),
        pl.col("men_share").round(2).alias(t("men", lang) + " %"),
        pl.col("total_share").round(2).alias(t("total", lang) + " %"),
        pl.col("gap_pp").round(2).alias(f"{t('gap_pp', lang)} ({t('pp_short', lang)})"),
        pl.col("used_by").alias(t("used_by", lang)),
    )


def _explanations(raw: pl.DataFrame, lang: str) -> tuple[str, ...]:
    texts = []
    for (age_group,), group in raw.group_by("age_group", maintain_order=True):
        main = group.filter(pl.col("measure") == "post_secondary")
        by_definition = dict(zip(main["definition"], main["gap_pp"], strict=True))
        text = words.explanation(
            main["women_unknown_share"][0],
            main["men_unknown_share"][0],
            by_definition.get("unknown_included"),
            by_definition.get("unknown_excluded"),
            str(age_group),
            lang,
        )
        if text:
            texts.append(text)
    return tuple(texts)


def load(values: Values, lang: str) -> ViewResult:
    region, year = values["region"], int(values["year"])
    raw = queries.definitions(region, year)
    rows = words.panel_rows(raw, lang)
    name = common.region_name(region, lang)
    source = words.panel_source(queries.source_line(year, "16-74"), lang)
    data = rows.with_columns(
        pl.lit(region).alias("region_code"),
        pl.lit(year).alias("year"),
        pl.lit(source).alias("source"),
    ).with_columns(pl.col(pl.Float64).round(2))
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=f"{t('which_figure', lang)} — {name}, {year}",
        headline=words.headline(rows, name, year, lang),
        chart=ChartSpec("definitions", rows),
        table=_table(rows, lang),
        data=data,
        source=source,
        definition=t("which_figure_intro", lang),
        file_stem=common.file_stem(lang, t("which_figure_file", lang), name, year),
        facts=_explanations(raw, lang),
        notes=common.noise_notes([year], lang),
        sql=queries.display_sql("definitions", region=region, year=year),
    )
