"""The parameters and words the views share: age group, year, measure, definition, region,
which regions are compared (scope), what is shown; and the title, source and notes built
from them. Declared once here, so every view, page, link and slide means the same by them."""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.model import provenance
from dashboard.model.params import Context, Param, Values

# the regions and the scopes are shared parameters too; they live in modules of their own
from dashboard.model.regions import (  # noqa: F401
    all_codes,
    codes_of,
    county_of,
    has_kommungrupp,
    kommungrupp_of,
    kommungrupper,
    level_of,
    region_info,
    region_label,
    region_name,
    regions,
)
from dashboard.model.scope import (  # noqa: F401
    KOMMUNGRUPP_SCOPE,
    SCOPES,
    among,
    peers_frame,
    scope_label,
    scope_params,
)
from dashboard.text import definitions
from dashboard.text.i18n import show_label, t
from dashboard.text.narrative import ages

AGE_DEFAULT = "25-64"
#: The totals, listed apart from the 10-year groups (and before them: 25-64 is the standard).
AGE_TOTALS = ("25-64", "16-74")
SHOW = ("women", "men", "total", "gap")
#: what a notice names when an age group has one year and the page needs several
SINGLE_YEAR = "single_year"


# ---- the data's own lists -------------------------------------------------------------------


def age_order(age: str) -> tuple[int, int, int]:
    """Totals first (25-64, 16-74), then the 10-year groups by age."""
    first, _, last = age.partition("-")
    if age in AGE_TOTALS:
        return (0, AGE_TOTALS.index(age), 0)
    return (
        1,
        int(first) if first.isascii() and first.isdigit() else 999,
        int(last) if last.isascii() and last.isdigit() else 999,
    )


def age_groups() -> list[str]:
    return sorted(queries.available_periods(), key=age_order)


def ten_year_groups() -> list[str]:
    return [a for a in age_groups() if a not in AGE_TOTALS]


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

    def elsewhere(raw: str, values: Values) -> str | None:
        """An age group of one year where a page needs several: the notice says why."""
        single = multi_year_only and len(queries.available_periods().get(raw, [])) == 1
        return SINGLE_YEAR if single else None

    return Param("age", "age", options, default, _age_label, shared_as="age", elsewhere=elsewhere)


def _years(values: Values) -> list[str]:
    return [str(y) for y in queries.available_periods().get(values.get("age", ""), [])]


def year_param(key: str = "year", pick: str = "newest") -> Param:
    """A year of the chosen age group; `pick` newest | oldest is the default."""

    def default(values: Values, context: Context) -> str:
        years = _years(values)
        return years[-1] if pick == "oldest" else years[0]

    def elsewhere(raw: str, values: Values) -> str | None:
        """A year another age group has: the notice names the age group's own years."""
        periods = queries.available_periods()
        return "age" if any(raw == str(y) for ys in periods.values() for y in ys) else None

    return Param(
        key, key, _years, default, shared_as="year" if key == "year" else None, elsewhere=elsewhere
    )


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
        lambda values: all_codes(),
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


def aim_region(settings: Values, region: str) -> Values:
    """A view about one region (its `region` setting) re-aimed at another."""
    return {**settings, "region": region}


# ---- words built from parameters ------------------------------------------------------------


def title_base(values: Values, lang: str) -> str:
    """E.g. "Eftergymnasial utbildning · okänd nivå i nämnaren (som Kolada), 25–64 år"."""
    return (
        f"{definitions.measure_title(values['measure'], values['definition'], lang)}, "
        f"{ages(values['age'])} {t('years_word', lang)}"
    )


def who(show: str, lang: str) -> str:
    return show_label(show, lang).lower()


def source(frame: pl.DataFrame, values: Values, lang: str) -> str:
    """The source line of a view's rows: the SCB tables they come from, and the definition."""
    return definitions.source_with_definition(
        provenance.tables_of(frame),
        provenance.built_at(),
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


def file_stem(lang: str, *parts: object) -> str:
    """Download names in the UI's language: "rangordning-kommuner-2019" / "ranking-…"."""
    text = "-".join(str(p) for p in parts if p not in (None, ""))
    slug = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.lower())
    return "-".join(part for part in slug.split("-") if part)
