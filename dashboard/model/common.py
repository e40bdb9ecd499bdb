"""The parameters and words the views share: age group, year, measure, definition, region,
which regions are compared (scope), what is shown; and the title, source and notes built
from them. Declared once here, so every view, page, link and slide means the same by them."""

from __future__ import annotations

import polars as pl

from dashboard.data import db, queries
from dashboard.data.cache import process_cached
from dashboard.model.params import Context, Param, Values
from dashboard.text import definitions
from dashboard.text.i18n import show_label, t
from dashboard.text.narrative import ages

AGE_DEFAULT = "25-64"
#: The totals, listed apart from the 10-year groups (and before them: 25-64 is the standard).
AGE_TOTALS = ("25-64", "16-74")
SHOW = ("women", "men", "total", "gap")
SCOPES = ("county", "municipality_in_county", "municipality")
KOMMUNGRUPP_SCOPE = "kommungrupp"


# ---- the data's own lists -------------------------------------------------------------------


def age_order(age: str) -> tuple[int, int, int]:
    """Totals first (25-64, 16-74), then the 10-year groups by age."""
    first, _, last = age.partition("-")
    if age in AGE_TOTALS:
        return (0, AGE_TOTALS.index(age), 0)
    return (1, int(first) if first.isdigit() else 999, int(last) if last.isdigit() else 999)


def age_groups() -> list[str]:
    return sorted(queries.available_periods(), key=age_order)


def ten_year_groups() -> list[str]:
    return [a for a in age_groups() if a not in AGE_TOTALS]


def regions() -> pl.DataFrame:
    return queries.regions()


def region_info(code: str) -> dict[str, str | None]:
    """Name, level, county (and kommungrupp where the database has it) of one region."""
    return _region_index().get(code, {})


def _region_index() -> dict[str, dict[str, str | None]]:
    path = queries.db_path()
    return _index_of(str(path), db.data_version(path))


@process_cached(max_entries=4)
def _index_of(path: str, version: str) -> dict[str, dict[str, str | None]]:
    return {row["region_code"]: row for row in regions().iter_rows(named=True)}


def region_name(code: str, lang: str) -> str:
    if code == "00":
        return t("country", lang)
    return str(region_info(code).get("region_name") or code)


def level_of(code: str) -> str | None:
    level = region_info(code).get("region_level")
    return str(level) if level else None


def county_of(code: str) -> str | None:
    """The län of a kommun, the län itself for a län, None for riket or an unknown code."""
    level = level_of(code)
    if level == "county":
        return code
    if level == "municipality":
        return str(region_info(code)["county_code"])
    return None


def codes_of(level: str) -> list[str]:
    frame = regions().filter(pl.col("region_level") == level)
    return frame["region_code"].to_list()


def has_kommungrupp() -> bool:
    return "kommungrupp_code" in regions().columns


def kommungrupp_of(code: str) -> str | None:
    value = region_info(code).get("kommungrupp_code")
    return str(value) if value else None


def kommungrupper() -> dict[str, str]:
    """Code → name of SKR's kommungrupper, in code order (A1 … C9)."""
    if not has_kommungrupp():
        return {}
    frame = (
        regions()
        .drop_nulls("kommungrupp_code")
        .select("kommungrupp_code", "kommungrupp_name")
        .unique()
        .sort("kommungrupp_code")
    )
    return dict(frame.iter_rows())


def region_label(code: str, lang: str) -> str:
    """For pickers: kommuner marked as such, so Gotland the kommun and the län differ."""
    name = region_name(code, lang)
    if level_of(code) == "municipality":
        return f"{name} ({t('municipality_one', lang)})"
    return name


# ---- parameters -----------------------------------------------------------------------------


def _age_label(age: str, lang: str) -> str:
    suffix = f" ({t('age_total', lang)})" if age in AGE_TOTALS else ""
    return f"{ages(age)} {t('years_word', lang)}{suffix}"


def age_param(multi_year_only: bool = False, ten_year_only: bool = False) -> Param:
    def options(values: Values) -> list[str]:
        periods = queries.available_periods()
        groups = ten_year_groups() if ten_year_only else age_groups()
        if multi_year_only:
            groups = [a for a in groups if len(periods[a]) > 1] or groups
        return groups

    def default(values: Values, context: Context) -> str:
        groups = options(values)
        if ten_year_only:
            return "25-34" if "25-34" in groups else groups[0]
        return AGE_DEFAULT if AGE_DEFAULT in groups else groups[0]

    return Param("age", "age", options, default, _age_label, shared_as="age")


def _years(values: Values) -> list[str]:
    return [str(y) for y in queries.available_periods().get(values.get("age", ""), [])]


def year_param(key: str = "year", pick: str = "newest") -> Param:
    """A year of the chosen age group; `pick` newest | oldest is the default."""

    def default(values: Values, context: Context) -> str:
        years = _years(values)
        return years[-1] if pick == "oldest" else years[0]

    return Param(key, key, _years, default, shared_as="year" if key == "year" else None)


def measure_param() -> Param:
    return Param(
        "measure",
        "measure",
        lambda values: list(queries.MEASURES),
        lambda values, context: "post_secondary",
        lambda m, lang: t(m, lang),
        shared_as="measure",
    )


def definition_param() -> Param:
    return Param(
        "definition",
        "definition",
        lambda values: list(definitions.DEFINITIONS),
        lambda values, context: definitions.DEFAULT,
        definitions.short_label,
        shared_as="definition",
    )


def region_param(default: str = "00", key: str = "region") -> Param:
    return Param(
        key,
        "region",
        lambda values: regions()["region_code"].to_list(),
        lambda values, context: default,
        region_label,
        shared_as="region",
    )


def show_param(default: str) -> Param:
    return Param(
        "show",
        "show",
        lambda values: list(SHOW),
        lambda values, context: default,
        show_label,
        widget="radio",
        shared_as="show",
    )


def _region_of_interest(context: Context) -> str:
    """The region the user cares about: the link's highlight or region, else their last one."""
    for value in (context.raw.get("highlight"), context.raw.get("region")):
        if value and level_of(value) is not None:
            return value
    return str(context.remembered.get("region") or "")


def _scopes(values: Values) -> list[str]:
    return [*SCOPES, KOMMUNGRUPP_SCOPE] if has_kommungrupp() else list(SCOPES)


def _scope_label(scope: str, lang: str) -> str:
    return t(f"scope_{scope}", lang)


def scope_params(default_scope: str, county_shows_kommuner: bool) -> list[Param]:
    """scope, county, group and highlight: which regions are compared and which one is marked.

    A kommun of interest puts the view among the kommuner of its län; a län of interest among
    the län (ranking) or among its own kommuner (`county_shows_kommuner`, the map)."""

    def scope_default(values: Values, context: Context) -> str:
        region = _region_of_interest(context)
        level = level_of(region) if region else None
        if level == "municipality":
            return "municipality_in_county"
        if level == "county":
            return "municipality_in_county" if county_shows_kommuner else "county"
        return default_scope

    def county_default(values: Values, context: Context) -> str:
        return county_of(_region_of_interest(context)) or "04"

    def group_default(values: Values, context: Context) -> str:
        groups = list(kommungrupper())
        own = kommungrupp_of(_region_of_interest(context))
        return own if own else (groups[0] if groups else "")

    def shown(values: Values) -> list[str]:
        scope = values["scope"]
        if scope == "county":
            return ["", *codes_of("county")]
        frame = regions().filter(pl.col("region_level") == "municipality")
        if scope == "municipality_in_county":
            frame = frame.filter(pl.col("county_code") == values.get("county"))
        elif scope == KOMMUNGRUPP_SCOPE:
            frame = frame.filter(pl.col("kommungrupp_code") == values.get("group"))
        return ["", *frame["region_code"].to_list()]

    def highlight_default(values: Values, context: Context) -> str:
        region = _region_of_interest(context)
        carried = carry_highlight(region, values) if region else ""
        return carried or ""

    def carry_highlight(value: str, values: Values) -> str | None:
        """A region that is not among those shown: its län on the län ranking, else nothing
        marked (it is still a region, so the link was not wrong)."""
        level = level_of(value)
        if level is None:
            return None
        if value in shown(values):
            return value
        if values["scope"] == "county" and level == "municipality":
            return county_of(value)
        return ""

    def carry_county(value: str, values: Values) -> str | None:
        return county_of(value)

    return [
        Param("scope", "level", _scopes, scope_default, _scope_label, shared_as=None),
        Param(
            "county",
            "county_filter",
            lambda values: codes_of("county"),
            county_default,
            region_name,
            active=lambda values: values.get("scope") == "municipality_in_county",
            carry=carry_county,
        ),
        Param(
            "group",
            "kommungrupp",
            lambda values: list(kommungrupper()),
            group_default,
            lambda code, lang: f"{code} {kommungrupper().get(code, '')}",
            active=lambda values: values.get("scope") == KOMMUNGRUPP_SCOPE,
            carry=lambda value, values: kommungrupp_of(value),
        ),
        Param(
            "highlight",
            "highlight",
            shown,
            highlight_default,
            lambda code, lang: region_name(code, lang) if code else "–",
            carry=carry_highlight,
            shared_as="region",
        ),
    ]


# ---- words built from parameters ------------------------------------------------------------


def title_base(values: Values, lang: str) -> str:
    """E.g. "Eftergymnasial utbildning · okänd nivå i nämnaren (Kolada N01982), 25–64 år"."""
    return (
        f"{definitions.measure_title(values['measure'], values['definition'], lang)}, "
        f"{ages(values['age'])} {t('years_word', lang)}"
    )


def who(show: str, lang: str) -> str:
    return show_label(show, lang).lower()


def source(year: int, values: Values, lang: str) -> str:
    return definitions.source_with_definition(
        queries.source_line(year, values["age"]),
        values["measure"],
        values["definition"],
        values["age"],
        lang,
    )


def definition_text(values: Values, lang: str) -> str:
    return definitions.source_note(values["measure"], values["definition"], values["age"], lang)


def noise_notes(years: list[int], lang: str) -> tuple[str, ...]:
    noise_from = queries.build_info().get("noise_from_year")
    if noise_from is not None and any(y >= noise_from for y in years):
        return (t("noise_note", lang, year=noise_from),)
    return ()


def scope_label(values: Values, lang: str) -> str:
    scope = values["scope"]
    if scope == "county":
        return t("counties_level", lang)
    if scope == "municipality_in_county":
        return region_name(values["county"], lang)
    if scope == KOMMUNGRUPP_SCOPE:
        return (
            f"{t('kommungrupp', lang)} {values['group']} {kommungrupper().get(values['group'], '')}"
        )
    return t("all_municipalities", lang)


def peers_frame(values: Values) -> pl.DataFrame:
    """The regions compared (and riket) for the view's scope."""
    scope = values["scope"]
    level = "county" if scope == "county" else "municipality"
    county = values.get("county", "") if scope == "municipality_in_county" else ""
    frame = queries.peers(
        int(values["year"]), values["age"], values["measure"], level, county, values["definition"]
    )
    if scope == KOMMUNGRUPP_SCOPE and "kommungrupp_code" in frame.columns:
        frame = frame.filter(
            (pl.col("region_code") == "00") | (pl.col("kommungrupp_code") == values["group"])
        )
    return frame


def peers_sql(values: Values) -> str:
    scope = values["scope"]
    return queries.display_sql(
        "peers",
        year=int(values["year"]),
        age_group=values["age"],
        measure=values["measure"],
        level="county" if scope == "county" else "municipality",
        county=values.get("county", "") if scope == "municipality_in_county" else "",
        definition=values["definition"],
    )


def file_stem(lang: str, *parts: object) -> str:
    """Download names in the UI's language: "rangordning-kommuner-2019" / "ranking-…"."""
    text = "-".join(str(p) for p in parts if p not in (None, ""))
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text.lower()).strip("-")
