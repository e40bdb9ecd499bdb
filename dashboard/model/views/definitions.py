"""Vilken siffra stämmer?: one region and year under every published definition and age group,
who uses which, and why they differ — so a quoted figure can be traced to its definition. The
figure finder takes a number heard ("16 %") and lists every figure of the region within ±1 of
it, gaps first, nearest first, each in a sentence; and says percentage points from per cent
with the region's own numbers."""

from __future__ import annotations

import re

import polars as pl

from dashboard.data import queries
from dashboard.model import common, provenance, tables
from dashboard.model.params import Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
from dashboard.text import definitions as words
from dashboard.text.formatting import number, percent, value_text
from dashboard.text.i18n import t
from dashboard.text.narrative import ages

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
    Param(
        "value",
        "value",
        lambda values: [""],
        lambda values, context: "",
        widget="text",
        carry=lambda value, values: figure_value(value),
    ),
]
#: How far from the typed value a figure may lie, and how many sentences the result keeps.
WITHIN = 1.0
MAX_FOUND = 25
#: ASCII digits only (`\d` would take ٩٩ and show it back in the sentence)
_VALUE = re.compile(r"[0-9]{1,3}([.,][0-9]{1,2})?")


def figure_value(text: str) -> str | None:
    """A typed figure as the link keeps it ("16", "16,5", "16.5"; a trailing % or space
    dropped), or None for anything else."""
    text = text.strip().removesuffix("%").strip()
    return text if _VALUE.fullmatch(text) else None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _what(measure: str, definition: str, lang: str) -> str:
    """E.g. "nivå 5–7, okänd nivå i nämnaren"."""
    level = words.LEVELS[measure][lang].replace(" (", ", ").removesuffix(")")
    return f"{level}, {words.short_label(definition, lang).split(' (')[0]}"


def finder_sentence(row: dict[str, object], lang: str) -> str:
    """E.g. "16,7 p.e. är skillnaden mellan kvinnor och män bland 25–34-åringar 2019 (nivå
    5–7, okänd nivå i nämnaren)"."""
    kind, value = str(row["kind"]), float(row["value"])  # type: ignore[arg-type]
    shown = value_text(value, "gap", lang) if kind == "gap" else percent(value, 1, lang)
    return t(
        f"finder_{kind}",
        lang,
        value=shown,
        ages=ages(str(row["age_group"])),
        year=row["year"],
        what=_what(str(row["measure"]), str(row["definition"]), lang),
        women=percent(row["women_share"], 1, lang),  # type: ignore[arg-type]
        men=percent(row["men_share"], 1, lang),  # type: ignore[arg-type]
    )


def found(region: str, value: str) -> pl.DataFrame:
    """The figures of a region within ±1 of a typed value (gaps first, nearest first)."""
    return queries.figure_finder(region, _number(value)).head(MAX_FOUND)


def points_vs_percent(
    raw: pl.DataFrame, region: str, year: int, lang: str, near: pl.DataFrame | None = None
) -> str:
    """Percentage points against per cent with the region's own shares: those of the figure
    the finder named first, else 25–64 of the year (levels 5–7, unknown level included)."""
    if near is not None and near.height:
        row = near.row(0, named=True)
    else:
        rows = raw.filter(
            (pl.col("age_group") == "25-64")
            & (pl.col("measure") == "post_secondary")
            & (pl.col("definition") == words.DEFAULT)
        )
        if rows.is_empty():
            return ""
        row = {**rows.row(0, named=True), "year": year}
    women, men = row["women_share"], row["men_share"]
    if women is None or not men:
        return ""
    return t(
        "points_vs_percent",
        lang,
        ages=ages(str(row["age_group"])),
        region=common.region_name(region, lang),
        year=row["year"],
        women=percent(women, 1, lang),
        men=percent(men, 1, lang),
        what=_what(str(row["measure"]), str(row["definition"]), lang),
        gap=number(women - men, 1, lang),
        relative=percent(100 * (women / men - 1), 0, lang),
    )


def _table(rows: pl.DataFrame, lang: str) -> pl.DataFrame:
    return rows.select(
        pl.col("region_name").alias(t("definition", lang)),
        pl.col("women_share").alias(t("women", lang) + " %"),
        pl.col("men_share").alias(t("men", lang) + " %"),
        pl.col("total_share").alias(t("total", lang) + " %"),
        pl.col("gap_pp").alias(f"{t('gap_pp', lang)} ({t('pp_short', lang)})"),
        pl.col("used_by").alias(t("used_by", lang)),
    )


def _explanations(raw: pl.DataFrame, lang: str) -> tuple[str, ...]:
    """Why the definitions differ, for the totals (the 10-year groups differ the same way)."""
    texts = []
    totals = raw.filter(pl.col("age_group").is_in(list(common.AGE_TOTALS)))
    for (age_group,), group in totals.group_by("age_group", maintain_order=True):
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
    source = words.panel_source(provenance.tables_of(raw), provenance.built_at(), lang)
    data = rows.with_columns(
        pl.lit(region).alias("region_code"),
        pl.lit(year).alias("year"),
        pl.lit(source).alias("source"),
    )
    data = tables.for_files_rounded(data)
    headline = words.headline(rows, name, year, lang)
    facts = _explanations(raw, lang)
    value = values.get("value", "")
    near = found(region, value) if value else None
    sentences = (
        [finder_sentence(r, lang) for r in near.iter_rows(named=True)] if near is not None else []
    )
    if value:
        headline = sentences[0] if sentences else t("finder_none", lang, region=name, value=value)
        facts = (*sentences[1:5], *facts)
    explained = points_vs_percent(raw, region, year, lang, near)
    facts = (*facts, explained) if explained else facts
    totals = rows.filter(pl.col("age_group").is_in(list(common.AGE_TOTALS)))
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=f"{t('which_figure', lang)} — {name}, {year}",
        headline=headline,
        chart=ChartSpec("definitions", totals if totals.height else rows),
        table=_table(rows, lang),
        data=data,
        source=source,
        definition=t("which_figure_intro", lang),
        file_stem=common.file_stem(lang, t("which_figure_file", lang), name, year),
        facts=facts,
        notes=common.noise_notes([year], lang),
        extra={"finder": sentences},
    )


VIEW = View(
    name=NAME,
    slug="vilken-siffra",
    title_key="which_figure",
    params=tuple(PARAMS),
    load=load,
    charts=("definitions",),
    order=90,
    main=("region", "year", "value"),
    aim=common.aim_region,
    samples=({"region": "04", "value": "16"},),
)
