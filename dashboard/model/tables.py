"""A view's rows as people read them (the table under a chart) and as files carry them (one
table with codes, year, age group, measure, definition and source in every row)."""

from __future__ import annotations

import polars as pl

from dashboard.model.params import Values
from dashboard.text import definitions
from dashboard.text.i18n import measure_label, t

#: Every share and gap is written with this many decimals, in every row and every file.
DECIMALS = 2


def _names(lang: str) -> dict[str, str]:
    pp = t("pp_short", lang)
    return {
        "region_name": t("region", lang),
        "group_label": t("age", lang),
        "women_share": t("women", lang) + " %",
        "men_share": t("men", lang) + " %",
        "total_share": t("total", lang) + " %",
        "gap_pp": f"{t('gap_pp', lang)} ({pp})",
        "rank_women": t("rank_national", lang) + " " + t("women", lang).lower(),
        "rank_men": t("rank_national", lang) + " " + t("men", lang).lower(),
        "rank_gap": t("rank_national", lang) + " " + t("gap_word", lang),
        "county_rank_women": t("rank_in_county", lang) + " " + t("women", lang).lower(),
        "county_rank_men": t("rank_in_county", lang) + " " + t("men", lang).lower(),
        "county_rank_gap": t("rank_in_county", lang) + " " + t("gap_word", lang),
        "kommungrupp_rank_women": t("rank_in_group", lang) + " " + t("women", lang).lower(),
        "kommungrupp_rank_men": t("rank_in_group", lang) + " " + t("men", lang).lower(),
        "year": t("year", lang),
        "change_share": f"{t('change_word', lang)} ({pp})",
        "change_gap": f"{t('change_gap', lang)} ({pp})",
        "rank_then": t("rank_then", lang),
        "rank_now": t("rank_now", lang),
    }


def with_country_name(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Riket is "Sweden" in English."""
    if lang != "en" or not {"region_code", "region_name"} <= set(frame.columns):
        return frame
    return frame.with_columns(
        pl.when(pl.col("region_code") == "00")
        .then(pl.lit(t("country", lang)))
        .otherwise(pl.col("region_name"))
        .alias("region_name")
    )


def without_empty_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """A column with no value in any row says nothing (the kommungrupp ranks of län)."""
    if frame.is_empty():
        return frame
    return frame.select(c for c in frame.columns if frame[c].null_count() < frame.height)


def for_people(frame: pl.DataFrame, lang: str, columns: list[str] | None = None) -> pl.DataFrame:
    """Columns named for people; ranks of a county's kommuner beside the national ones when
    the frame has them (and no column that is empty in every row). Values keep their precision:
    each output rounds once, to what it shows ("12,9544" is "13,0" in the table as in the chart;
    rounded to two decimals first, 12,95 became "12,9")."""
    names = _names(lang)
    frame = without_empty_columns(with_country_name(frame, lang))
    kept = [c for c in (columns or list(names)) if c in frame.columns and c in names]
    return frame.select(kept).rename({c: names[c] for c in kept})


def for_files(frame: pl.DataFrame, values: Values, source: str, lang: str) -> pl.DataFrame:
    """One table for CSV and Excel: what each row is (codes, year, age group, measure,
    definition) and where it comes from, with every share at the same decimals."""
    extra: list[pl.Expr] = []
    if "year" not in frame.columns and "year" in values:
        extra.append(pl.lit(int(values["year"])).alias("year"))
    if "age_group" not in frame.columns and "age" in values:
        extra.append(pl.lit(values["age"]).alias("age_group"))
    if "measure" in values and "measure" not in frame.columns:
        extra.append(pl.lit(measure_label(values["measure"], lang)).alias("measure"))
    if "definition" in values and "definition" not in frame.columns:
        extra.append(
            pl.lit(definitions.short_label(values["definition"], lang)).alias("definition")
        )
    extra.append(pl.lit(source).alias("source"))
    frame = with_country_name(frame, lang).with_columns(extra)
    return for_files_rounded(frame)


def for_files_rounded(frame: pl.DataFrame) -> pl.DataFrame:
    """Every share at the same decimals, SCB's updated stamps as dates (the time of day is
    SCB's publishing hour, not part of the data), and no column that is empty in every row."""
    stamps = [c for c in frame.columns if c.startswith("scb_updated")]
    return without_empty_columns(
        frame.with_columns(
            pl.col(pl.Float64).round(DECIMALS), *(pl.col(c).dt.date() for c in stamps)
        )
    )
