"""What the ranking, the gap and the map share: the regions compared (län, a län's kommuner,
all kommuner, a kommungrupp), their ranks, the sentence naming the marked region, and the
reference values (riket, the kommungrupp) drawn as lines."""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.model import common, tables
from dashboard.model.params import Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.text.formatting import value_text
from dashboard.text.i18n import show_label, t


def params(
    default_scope: str, default_show: str | None, county_shows_kommuner: bool = False
) -> list[Param]:
    head = [
        common.age_param(),
        common.year_param(),
        common.measure_param(),
        common.definition_param(),
        *common.scope_params(default_scope, county_shows_kommuner),
    ]
    return head + ([common.show_param(default_show)] if default_show else [])


def aim_ranked(settings: Values, region: str) -> Values:
    """A ranking about `region`: a kommun among its län's kommuner, a län among the län; the
    region marked."""
    ranked = {k: v for k, v in settings.items() if k not in ("county", "highlight")}
    if common.level_of(region) == "municipality":
        return {
            **ranked,
            "scope": "municipality_in_county",
            "county": common.county_of(region) or "",
            "highlight": region,
        }
    return {**ranked, "scope": "county", "highlight": region}


def value_column(show: str) -> str:
    return "gap_pp" if show == "gap" else f"{show}_share"


fmt = value_text


def ranked(frame: pl.DataFrame, show: str) -> pl.DataFrame:
    """The compared regions (not riket) with a value, best first."""
    column = value_column(show)
    return (
        frame.filter(pl.col("region_level") != "country")
        .drop_nulls(column)
        .sort(column, descending=True)
    )


FOR_WHOM = {
    "sv": {
        "women": "för kvinnorna",
        "men": "för männen",
        "total": "för alla",
        # a rank says which way it counts: 1 is the largest gap, not the best
        "gap": "efter könsskillnad, störst först",
    },
    "en": {
        "women": "for women",
        "men": "for men",
        "total": "for everyone",
        "gap": "by gender gap, largest first",
    },
}


def sentence(frame: pl.DataFrame, show: str, values: Values, lang: str, scope: str) -> str:
    """With a marked region: "Södermanlands län: 20 av 21 län för kvinnorna (41,1 %) 2019 —
    högst Stockholms län 57,0 %, riket 49,8 %". Without: the top, the bottom and riket. Regions
    by their own name, as every headline names them."""
    column = value_column(show)
    rows = ranked(frame, show)
    year = values["year"]
    country = frame.filter(pl.col("region_level") == "country")
    who = show_label(show, lang).lower()
    if not rows.height:
        return f"{scope}, {who} {year}"
    riket = (
        f"{t('country', lang).lower() if lang == 'sv' else t('country', lang)} "
        f"{fmt(country[column][0], show, lang)}"
        if country.height
        else ""
    )
    top, bottom = rows.row(0, named=True), rows.row(-1, named=True)
    codes = rows["region_code"].to_list()
    highlight = values.get("highlight") or ""
    if highlight in codes:
        place = codes.index(highlight) + 1
        row = rows.row(place - 1, named=True)
        rank = t("rank_among", lang, rank=place, n=rows.height, among=common.among(values, lang))
        lead = (
            f"{row['region_name']}: {rank} "
            f"{FOR_WHOM[lang][show]} ({fmt(row[column], show, lang)}) {year}"
        )
        other = top if place != 1 else bottom
        word = t("highest", lang) if place != 1 else t("lowest", lang)
        tail = f"{word} {other['region_name']} {fmt(other[column], show, lang)}"
        return f"{lead} — {tail}" + (f", {riket}" if riket else "")
    return (
        f"{scope}, {who} {year}: {t('highest', lang)} {top['region_name']} "
        f"{fmt(top[column], show, lang)}, {t('lowest', lang)} {bottom['region_name']} "
        f"{fmt(bottom[column], show, lang)}" + (f"; {riket}" if riket else "")
    )


def references(
    frame: pl.DataFrame, show: str, values: Values, lang: str
) -> tuple[tuple[str, float], ...]:
    """Riket, and the kommungrupp when its kommuner are compared, as labelled lines."""
    column = value_column(show)
    refs: list[tuple[str, float]] = []
    country = frame.filter(pl.col("region_level") == "country")
    if country.height and country[column][0] is not None:
        refs.append((t("country", lang), float(country[column][0])))
    if values.get("scope") == common.KOMMUNGRUPP_SCOPE and values.get("group"):
        group = queries.kommungrupp_rows(
            values["group"],
            int(values["year"]),
            values["age"],
            values["measure"],
            values["definition"],
        )
        if group.height and group[column][0] is not None:
            refs.append((f"{t('kommungrupp', lang)} {values['group']}", float(group[column][0])))
    return tuple(refs)


def rank_fact(frame: pl.DataFrame, show: str, values: Values, lang: str) -> tuple[str, ...]:
    """The marked region's place here, and nationally when only part of a level is shown."""
    highlight = values.get("highlight") or ""
    rows = ranked(frame, show)
    codes = rows["region_code"].to_list()
    if highlight not in codes:
        return ()
    row = rows.row(codes.index(highlight), named=True)
    rank = codes.index(highlight) + 1
    text = f"{row['region_name']}: " + t(
        "rank_among", lang, rank=rank, n=rows.height, among=common.among(values, lang)
    )
    national = row.get("rank_gap" if show == "gap" else f"rank_{show}")
    # a part of the kommuner: the place among all of them too
    if values["scope"] not in ("county", "municipality") and national is not None:
        text += " · " + t(
            "rank_of", lang, rank=national, n=row["n_regions"], level=t("municipality", lang)
        )
    return (text,)


def result(
    name: str,
    values: Values,
    lang: str,
    show: str,
    title_word: str,
    chart: ChartSpec,
    file_word: str,
) -> ViewResult:
    """The result of a view over compared regions (ranking, gap, map): one sentence, one
    source, one table, whichever chart it draws."""
    year = int(values["year"])
    scope = common.scope_label(values, lang)
    source = common.source(chart.frame, values, lang)
    frame = chart.frame
    return ViewResult(
        view=name,
        params=tuple(values.items()),
        lang=lang,
        title=f"{common.title_base(values, lang)}, {title_word}, {year} — {scope}",
        headline=sentence(frame, show, values, lang, scope),
        chart=chart,
        table=tables.for_people(frame, lang),
        data=tables.for_files(frame, values, source, lang),
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(lang, file_word, scope, title_word, year),
        facts=rank_fact(frame, show, values, lang),
        notes=common.noise_notes([year], lang),
    )
