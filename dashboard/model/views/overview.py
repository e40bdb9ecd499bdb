"""Översikt: one region against its län (for a kommun), its kommungrupp and riket — shares,
gap, ranks nationally and in the län, change since earlier years, and a sentence."""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.model import common, tables
from dashboard.model.params import Values
from dashboard.model.result import ChartSpec, Metric, ViewResult
from dashboard.model.view import View
from dashboard.text.formatting import number, percent, value_text
from dashboard.text.i18n import level_word, t
from dashboard.text.narrative import ages, headline

NAME = "overview"
PARAMS = [
    common.region_param("00"),
    common.age_param(),
    common.year_param(),
    common.measure_param(),
    common.definition_param(),
]
SEXES = ("women", "men", "total")


def _row(region: str, values: Values, year: int) -> dict | None:
    frame = queries.region_measures(region, values["age"], values["measure"], values["definition"])
    rows = frame.filter(pl.col("year") == year)
    return rows.row(0, named=True) if rows.height else None


def _rank_facts(row: dict, lang: str) -> tuple[str, ...]:
    """ "Kvinnor: 73 av 290 kommuner · 1 av 9 i Södermanlands län" per sex."""
    if row["region_level"] == "country":
        return ()
    lines = []
    for sex in SEXES:
        text = f"{t(sex, lang)}: " + t(
            "rank_of",
            lang,
            rank=row[f"rank_{sex}"],
            n=row["n_regions"],
            level=level_word(row["region_level"], lang),
        )
        county_rank = row.get(f"county_rank_{sex}")
        if county_rank is not None and row.get("n_in_county"):
            text += " · " + t(
                "rank_in", lang, rank=county_rank, n=row["n_in_county"], where=row["county_name"]
            )
        group_rank = row.get(f"kommungrupp_rank_{sex}")
        if group_rank is not None and row.get("n_in_kommungrupp"):
            text += " · " + t(
                "rank_in_kommungrupp",
                lang,
                rank=group_rank,
                n=row["n_in_kommungrupp"],
                group=f"{row['kommungrupp_code']} {row['kommungrupp_name']}",
            )
        lines.append(text)
    return tuple(lines)


def _group_row(code: str, values: Values, year: int) -> dict | None:
    """The kommun's kommungrupp as one more comparison row, when the database has them."""
    group = common.kommungrupp_of(code)
    if not group:
        return None
    frame = queries.kommungrupp_rows(
        group, year, values["age"], values["measure"], values["definition"]
    )
    return frame.row(0, named=True) if frame.height else None


def _comparison(row: dict, values: Values, year: int, lang: str) -> pl.DataFrame:
    """The region beside what it is compared with: its län and kommungrupp (for a kommun) and
    riket, each with women, men, total and gap. The page says them as facts; the printable
    profile prints them as a table, so both show the same numbers."""
    rows = [(row["region_code"], common.region_name(row["region_code"], lang), row)]
    if row["region_level"] == "municipality":
        county = _row(str(row["county_code"]), values, year)
        if county:
            rows.append((county["region_code"], county["region_name"], county))
        group = _group_row(row["region_code"], values, year)
        if group:
            rows.append(
                (group["region_code"], f"{t('kommungrupp', lang)} {group['region_name']}", group)
            )
    if row["region_level"] != "country":
        riket = {f"{s}_share": row[f"country_{s}_share"] for s in SEXES}
        rows.append(("00", t("country", lang), {**riket, "gap_pp": row["country_gap_pp"]}))
    return pl.DataFrame(
        [
            {
                "region_code": code,
                "region_name": name,
                **{f"{s}_share": r[f"{s}_share"] for s in SEXES},
                "gap_pp": r["gap_pp"],
            }
            for code, name, r in rows
        ],
        schema={
            "region_code": pl.String,
            "region_name": pl.String,
            **{f"{s}_share": pl.Float64 for s in SEXES},
            "gap_pp": pl.Float64,
        },
    )


def _comparisons(comparison: pl.DataFrame, level: str, lang: str) -> tuple[str, ...]:
    """A kommun's län, kommungrupp and riket as facts: "Södermanlands län: kvinnor 41,1 %, …,
    skillnad 13,0 p.e."."""
    if level != "municipality":
        return ()
    return tuple(
        f"{r['region_name']}: "
        + ", ".join(f"{t(s, lang).lower()} {percent(r[f'{s}_share'], 1, lang)}" for s in SEXES)
        + f", {t('gap_word', lang)} {value_text(r['gap_pp'], 'gap', lang)}"
        for r in comparison.slice(1).iter_rows(named=True)
    )


def _metrics(row: dict, history: pl.DataFrame, year: int, lang: str) -> tuple[Metric, ...]:
    earlier = history.filter(pl.col("year") < year)
    previous = earlier.row(-1, named=True) if earlier.height else None
    cards = []
    for sex in SEXES:
        delta = None
        if previous and previous[f"{sex}_share"] is not None and row[f"{sex}_share"] is not None:
            change = row[f"{sex}_share"] - previous[f"{sex}_share"]
            delta = f"{number(change, 1, lang)} {t('pp_short', lang)} " + t(
                "since_previous", lang, year=previous["year"]
            )
        cards.append(Metric(t(sex, lang), percent(row[f"{sex}_share"], 1, lang), delta))
    cards.append(
        Metric(
            t("gap_pp", lang),
            f"{number(row['gap_pp'], 1, lang)} {t('pp_short', lang)}",
            f"{t('country', lang)}: {number(row['country_gap_pp'], 1, lang)} {t('pp_short', lang)}",
            reference=True,
        )
    )
    return tuple(cards)


def load(values: Values, lang: str) -> ViewResult:
    region, year = values["region"], int(values["year"])
    history = queries.region_measures(
        region, values["age"], values["measure"], values["definition"]
    )
    row = history.filter(pl.col("year") == year).row(0, named=True)
    sentence = headline(row, year, values["age"], values["measure"], lang)
    base = common.title_base(values, lang)
    name = common.region_name(region, lang)
    codes = [region]
    if row["region_level"] == "municipality":
        codes.append(str(row["county_code"]))
    notes = list(common.noise_notes([year], lang))
    if history.height > 1:
        years = history["year"].to_list()
        frame = queries.series(codes, values["age"], values["measure"], values["definition"])
        chart = ChartSpec(
            "lines", frame, sexes=("women", "men"), breaks=tuple(queries.series_breaks())
        )
        title = f"{base}, {years[0]}–{years[-1]} — {name}"
    else:
        frame = queries.compare(
            [*codes, "00"] if region != "00" else ["00"],
            year,
            values["age"],
            values["measure"],
            values["definition"],
        )
        chart = ChartSpec("columns", frame)
        title = f"{base}, {year} — {name}"
        notes.insert(0, t("only_one_year", lang, age=ages(values["age"]), year=year))
    source = common.source(frame, values, lang)
    comparison = _comparison(row, values, year, lang)
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=sentence,
        chart=chart,
        table=tables.for_people(frame, lang),
        data=tables.for_files(frame, values, source, lang),
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(lang, t("overview", lang), name, values["age"], year),
        metrics=_metrics(row, history, year, lang),
        facts=_rank_facts(row, lang) + _comparisons(comparison, row["region_level"], lang),
        notes=tuple(notes),
        extra={"comparison": comparison},
    )


VIEW = View(
    name=NAME,
    slug="",
    title_key="overview",
    params=tuple(PARAMS),
    load=load,
    charts=("lines", "columns"),
    order=10,
    main=("region",),
    labels=(("region", "pick_region", "pick_region_help"),),
    intro_key="tagline",
    aim=common.aim_region,
    samples=({"region": "0486"},),
)
