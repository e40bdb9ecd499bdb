"""Ålder: women, men and the gap by 10-year age group for a region beside riket (and its län for
a kommun), which age group has the largest gap, and where the region ranks by the gap in one
age group. The totals 25–64 and 16–74 are listed apart, after the 10-year groups.

The ranking of all regions by one age group's gap is the ranking view itself (its age
parameter lists the 10-year groups): the age page draws it under the age chart from
`extra["ranking"]`, so it is one view with one slide, one PowerPoint chart and one download.
"""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.data.cache import process_cached
from dashboard.model import common, provenance, tables
from dashboard.model.params import Context, Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
from dashboard.text import definitions
from dashboard.text.captions import source_text
from dashboard.text.formatting import value_text
from dashboard.text.i18n import t
from dashboard.text.narrative import ages

NAME = "age"


def _years(values: Values) -> list[str]:
    """Years with 10-year groups, newest first (every year of the data if it has none)."""
    periods = queries.available_periods()
    groups = common.ten_year_groups() or list(periods)
    years = sorted({y for age in groups for y in periods.get(age, [])}, reverse=True)
    return [str(y) for y in years]


def _county(region: str) -> str:
    """A kommun's län (shown beside it); nothing for a län or riket."""
    return (common.county_of(region) or "") if common.level_of(region) == "municipality" else ""


def _frame(values: Values) -> pl.DataFrame:
    region = values["region"]
    return queries.age_groups(
        region, _county(region), int(values["year"]), values["measure"], values["definition"]
    )


def _gaps(frame: pl.DataFrame, region: str) -> pl.DataFrame:
    """The region's 10-year groups with a gap, by age."""
    return frame.filter(
        (pl.col("region_code") == region)
        & ~pl.col("age_group").is_in(list(common.AGE_TOTALS))
        & pl.col("gap_pp").is_not_null()
    ).sort("age_order")


def _largest(frame: pl.DataFrame, region: str) -> str | None:
    rows = _gaps(frame, region)
    return str(rows.sort("gap_pp", descending=True)["age_group"][0]) if rows.height else None


def _rank_age_default(values: Values, context: Context) -> str:
    """The age group with the region's largest gap (asked on every rerun: kept per process)."""
    keys = ("region", "year", "measure", "definition")
    return _largest_gap_age(tuple(values[k] for k in keys), queries.database())


@process_cached(max_entries=256)
def _largest_gap_age(chosen: tuple[str, ...], database: tuple[str, str]) -> str:
    region, year, measure, definition = chosen
    values = {"region": region, "year": year, "measure": measure, "definition": definition}
    return _largest(_frame(values), region) or "25-34"


PARAMS = [
    common.region_param("04"),
    Param(
        "year",
        "year",
        _years,
        lambda values, context: (_years(values) or [""])[0],
        shared_as="year",
    ),
    common.measure_param(),
    common.definition_param(),
    Param(
        "rank_age",
        "rank_age",
        lambda values: common.ten_year_groups() or common.age_groups(),
        _rank_age_default,
        lambda age, lang: f"{ages(age)} {t('years_word', lang)}",
    ),
]


def _label(age: str, lang: str) -> str:
    suffix = f" ({t('age_total', lang)})" if age in common.AGE_TOTALS else ""
    return f"{ages(age)} {t('years_word', lang)}{suffix}"


def _ordered(frame: pl.DataFrame, region: str, lang: str) -> pl.DataFrame:
    """The region first, then its län, then riket; per region the 10-year groups by age, the
    totals after them."""
    place = {region: 0, "00": 2}
    # labels made in Python, not by a Python function on polars' thread pool (see README)
    labels = {a: _label(a, lang) for a in frame["age_group"].unique().to_list()}
    return (
        frame.with_columns(
            pl.col("region_code").replace_strict(place, default=1).alias("_place"),
            pl.col("age_group").is_in(list(common.AGE_TOTALS)).alias("is_total"),
            pl.col("age_group").replace_strict(labels, return_dtype=pl.String).alias("group_label"),
        )
        .sort("_place", "is_total", "age_order")
        .drop("_place")
    )


def _value(frame: pl.DataFrame, code: str, age: str, column: str = "gap_pp") -> float | None:
    row = frame.filter((pl.col("region_code") == code) & (pl.col("age_group") == age))
    return None if row.is_empty() or row[column][0] is None else float(row[column][0])


def _reference(frame: pl.DataFrame, region: str, age: str, lang: str) -> str:
    """Riket's gap in that age group beside the region's; nothing for riket itself."""
    if region == "00":
        return ""
    ref = value_text(_value(frame, "00", age), "gap", lang)
    return t("age_reference", lang, country=t("country", lang).lower(), ref=ref)


def _headline(frame: pl.DataFrame, region: str, lang: str) -> str:
    """E.g. "Södermanlands län: störst skillnad bland 35–44-åringar, 17,2 p.e. (riket 14,5
    p.e.)": every headline names its region."""
    age = _largest(frame, region)
    if age is None:
        return common.region_name(region, lang)
    return t(
        "age_largest",
        lang,
        name=common.region_name(region, lang),
        ages=ages(age),
        gap=value_text(_value(frame, region, age), "gap", lang),
        reference=_reference(frame, region, age, lang),
    )


def _facts(frame: pl.DataFrame, values: Values, lang: str) -> tuple[str, ...]:
    region = values["region"]
    rows = _gaps(frame, region)
    if not rows.height:
        return ()

    def gap_fact(key: str, age: str) -> str:
        """One age group's gap, beside the reference the page compares it with."""
        gap = value_text(_value(frame, region, age), "gap", lang)
        return t(key, lang, ages=ages(age), gap=gap, reference=_reference(frame, region, age, lang))

    facts = [gap_fact("age_smallest", str(rows.sort("gap_pp")["age_group"][0]))]
    for total in common.AGE_TOTALS:
        if _value(frame, region, total) is not None:
            facts.append(gap_fact("age_totals_fact", total))
            break
    rank_age = values.get("rank_age", "")
    row = frame.filter((pl.col("region_code") == region) & (pl.col("age_group") == rank_age))
    if row.height and row["rank_gap"][0] is not None:
        level = "county" if common.level_of(region) == "county" else "municipality"
        facts.append(
            t(
                "age_rank_fact",
                lang,
                name=common.region_name(region, lang),
                ages=ages(rank_age),
                rank=row["rank_gap"][0],
                n=row["n_regions"][0],
                level=t(level, lang),
            )
        )
    return tuple(facts)


def ranking_params(values: Values) -> dict[str, str]:
    """The ranking view that ranks the region's peers by the gap in `rank_age`: the län for a
    län, the kommuner of its län for a kommun (the region marked)."""
    region = values["region"]
    level = common.level_of(region)
    params = {
        "age": values["rank_age"],
        "year": values["year"],
        "measure": values["measure"],
        "definition": values["definition"],
        "show": "gap",
    }
    if level == "municipality":
        params.update(
            scope="municipality_in_county", county=common.county_of(region) or "", highlight=region
        )
    else:
        params.update(scope="county", highlight=region if level == "county" else "")
    return params


def _source(frame: pl.DataFrame, values: Values, lang: str) -> str:
    """The tables of every row shown (the 10-year groups and the totals may come from two),
    and the definition over the ages the groups span."""
    groups = common.ten_year_groups() or common.age_groups()
    first, last = groups[0].split("-")[0], groups[-1].split("-")[-1]
    note = definitions.source_note(values["measure"], values["definition"], f"{first}-{last}", lang)
    groups_word = "10-årsgrupper" if lang == "sv" else "10-year groups"
    line = source_text(provenance.tables_of(frame), provenance.built_at(), lang)
    return f"{line}. {note} ({groups_word})"


def load(values: Values, lang: str) -> ViewResult:
    region, year = values["region"], int(values["year"])
    frame = _ordered(_frame(values), region, lang)
    name = common.region_name(region, lang)
    source = _source(frame, values, lang)
    title = (
        f"{definitions.measure_title(values['measure'], values['definition'], lang)}, "
        f"{t('age_title_who', lang)}, {year} — {name}"
    )
    file_values = {k: v for k, v in values.items() if k != "rank_age"}
    data = tables.for_files(frame.drop("group_label", "is_total"), file_values, source, lang)
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=_headline(frame, region, lang),
        chart=ChartSpec("age", frame, show="gap", highlight=region, unit="points"),
        table=tables.for_people(
            frame,
            lang,
            ["region_name", "group_label", "women_share", "men_share", "total_share", "gap_pp"],
        ),
        data=data,
        source=source,
        definition=note_text(values, lang),
        file_stem=common.file_stem(lang, t("age_file", lang), name, year),
        facts=_facts(frame, values, lang),
        notes=common.noise_notes([year], lang),
        extra={"ranking": ranking_params(values)},
    )


def note_text(values: Values, lang: str) -> str:
    return definitions.source_note(values["measure"], values["definition"], "16-74", lang)


def aim(settings: Values, region: str) -> Values:
    """The region's age groups; the ranking's age group is its own largest gap again."""
    return {**{k: v for k, v in settings.items() if k != "rank_age"}, "region": region}


VIEW = View(
    name=NAME,
    slug="alder",
    title_key="age_view",
    params=tuple(PARAMS),
    load=load,
    charts=("age",),
    order=70,
    main=("region", "year"),
    aim=aim,
    samples=({"region": "0486"},),
)
