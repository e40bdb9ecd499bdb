"""The published definitions of "share with post-secondary education", and who uses which.

The same question gets different published answers because publishers define the share
differently: the unknown level ("uppgift saknas") in or out of the denominator, levels 5-7 or
only 6-7 ("minst 3 år"), ages 25-64 or 16-74. Every number the dashboard shows says which it
is; this module holds the names and sentences for that, in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import polars as pl

from dashboard.text.captions import Table, source_text
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import measure_label
from dashboard.text.narrative import ages

DEFINITIONS = ("unknown_included", "unknown_excluded")
DEFAULT = "unknown_included"

#: Short labels, for selectors and chart titles.
SHORT = {
    "unknown_included": {
        "sv": "okänd nivå i nämnaren (som Kolada)",
        "en": "unknown level in the denominator (as Kolada)",
    },
    "unknown_excluded": {
        "sv": "okänd nivå utesluten (som SCB:s diagram)",
        "en": "unknown level left out (as SCB's charts)",
    },
}
LEVELS = {
    "post_secondary": {"sv": "nivå 5–7", "en": "levels 5–7"},
    "post_secondary_3plus": {"sv": "nivå 6–7 (minst 3 år)", "en": "levels 6–7 (3 years or more)"},
}
DENOMINATOR = {
    "unknown_included": {
        "sv": "av alla, även de med okänd nivå",
        "en": "of everyone, unknown level included",
    },
    "unknown_excluded": {
        "sv": "av dem med känd nivå",
        "en": "of those whose level is known",
    },
}


#: Kolada's key figure is one measure of one age group under this definition: a title names
#: the convention ("som Kolada"); the key figure's id is named only where the number is it
#: (the source line's definition, `source_note`), never for 16–74 or levels 6–7.
def short_label(definition: str, lang: str) -> str:
    return SHORT[definition][lang]


def measure_title(measure: str, definition: str, lang: str) -> str:
    """The measure as chart titles name it, with its definition: every number says which."""
    return f"{measure_label(measure, lang)} · {short_label(definition, lang)}"


def source_note(measure: str, definition: str, age_group: str, lang: str) -> str:
    """E.g. "Definition: nivå 5–7 av alla 25–64 år, även de med okänd nivå (Kolada N01982)"."""
    who = "år" if lang == "sv" else "years"
    text = f"{LEVELS[measure][lang]}, {ages(age_group)} {who}, {DENOMINATOR[definition][lang]}"
    if measure == "post_secondary" and definition == "unknown_included" and age_group == "25-64":
        text += " (Kolada N01982)"
    return f"Definition: {text}"


def used_by(measure: str, definition: str, age_group: str, lang: str) -> str:
    """Who publishes figures under this definition (as documented in the project's sources)."""
    sv = lang == "sv"
    if measure == "post_secondary" and definition == "unknown_included":
        if age_group == "25-64":
            return "Kolada, nyckeltal N01982" if sv else "Kolada, KPI N01982"
        return (
            "Rapporter som räknar på alla 16–74 år (hela TAB3981)"
            if sv
            else "Reports counting everyone aged 16–74 (all of TAB3981)"
        )
    if measure == "post_secondary":
        return (
            "SCB:s och många regioners diagram (okänd nivå utesluten)"
            if sv
            else "SCB's and many regions' charts (unknown level left out)"
        )
    return (
        "Regioner som redovisar ”högutbildade” (minst 3 år eftergymnasialt)"
        if sv
        else "Regions reporting the 'highly educated' (at least 3 years)"
    )


def explanation(
    women_unknown: float | None,
    men_unknown: float | None,
    gap_included: float | None,
    gap_excluded: float | None,
    age_group: str,
    lang: str,
) -> str:
    """Why the definitions differ for this region and year, in one or two sentences."""
    if None in (women_unknown, men_unknown, gap_included, gap_excluded):
        return ""
    assert women_unknown is not None and men_unknown is not None
    assert gap_included is not None and gap_excluded is not None
    group = f"{ages(age_group)} {'år' if lang == 'sv' else 'years'}"
    # at one decimal the two gaps may read the same: then say the gap stays, not "10,4 instead of 10,4"
    same = number(gap_excluded, 1, lang) == number(gap_included, 1, lang)
    if lang == "sv":
        gap = (
            f"skillnaden är densamma, {number(gap_included, 1, lang)} procentenheter"
            if same
            else f"skillnaden {number(gap_excluded, 1, lang)} i stället för "
            f"{number(gap_included, 1, lang)} procentenheter"
        )
        return (
            f"Bland {group} saknas uppgift om utbildningsnivå för {percent(women_unknown, 1, lang)} "
            f"av kvinnorna och {percent(men_unknown, 1, lang)} av männen. Räknas de bort ur "
            f"nämnaren blir båda andelarna högre{' men' if same else ' och'} {gap}. Minst 3 år "
            "eftergymnasialt (nivå 6–7) ger lägre andelar än nivå 5–7."
        )
    gap = (
        f"leaves the gap the same, {number(gap_included, 1, lang)} percentage points"
        if same
        else f"makes the gap {number(gap_excluded, 1, lang)} instead of "
        f"{number(gap_included, 1, lang)} percentage points"
    )
    return (
        f"Among those aged {group}, the level of education is unknown for "
        f"{percent(women_unknown, 1, lang)} of women and {percent(men_unknown, 1, lang)} of men. "
        f"Leaving them out of the denominator raises both shares and {gap}. At least 3 years of "
        "post-secondary education (levels 6–7) gives lower shares than levels 5–7."
    )


def panel_rows(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The panel's table: one row per age group × measure × definition, labelled for people,
    with who publishes each. `frame` is queries.definitions(region, year)."""
    who = "år" if lang == "sv" else "years"
    labels = [
        f"{ages(a)} {who} · {LEVELS[m][lang]} · {short_label(d, lang)}"
        for a, m, d in frame.select("age_group", "measure", "definition").iter_rows()
    ]
    publishers = [
        used_by(m, d, a, lang)
        for a, m, d in frame.select("age_group", "measure", "definition").iter_rows()
    ]
    return frame.select(
        pl.Series("region_name", labels),  # the chart and slide builders label rows by this
        "age_group",
        "measure",
        "definition",
        "women_share",
        "men_share",
        "total_share",
        "gap_pp",
        pl.Series("used_by", publishers),
        *[c for c in ("source_table", "scb_updated") if c in frame.columns],
    )


def _kolada(age_group: str, lang: str) -> str:
    """Kolada's key figure by its id for 25-64 (levels 5-7); for another age group the
    convention it shares with it."""
    if age_group == "25-64":
        return "Kolada N01982"
    return "som Kolada" if lang == "sv" else "as Kolada"


def headline(frame: pl.DataFrame, region_name: str, year: int, lang: str) -> str:
    """E.g. "Strängnäs 2019, 25–64 år, nivå 5–7: kvinnor 45,8 % (Kolada N01982) eller 46,5 %
    (okänd nivå utesluten), män 30,6 % eller 31,5 %"."""
    main = frame.filter(pl.col("measure") == "post_secondary")
    if main.is_empty():
        return f"{region_name} {year}"
    age = main["age_group"][0]  # 25-64 first when the year has it (the panel's order)
    main = main.filter(pl.col("age_group") == age)
    rows = {d: r for d, r in zip(main["definition"], main.iter_rows(named=True), strict=True)}
    inc, exc = rows.get("unknown_included"), rows.get("unknown_excluded")
    if inc is None or exc is None:
        return f"{region_name} {year}"
    if lang == "sv":
        return (
            f"{region_name} {year}, {ages(age)} år, nivå 5–7: kvinnor "
            f"{percent(inc['women_share'], 1, lang)} ({_kolada(age, lang)}) eller "
            f"{percent(exc['women_share'], 1, lang)} (okänd nivå utesluten), män "
            f"{percent(inc['men_share'], 1, lang)} eller {percent(exc['men_share'], 1, lang)}"
        )
    return (
        f"{region_name} {year}, ages {ages(age)}, levels 5–7: women "
        f"{percent(inc['women_share'], 1, lang)} ({_kolada(age, lang)}) or "
        f"{percent(exc['women_share'], 1, lang)} (unknown level left out), men "
        f"{percent(inc['men_share'], 1, lang)} or {percent(exc['men_share'], 1, lang)}"
    )


def source_with_definition(
    tables: Sequence[Table],
    loaded: datetime | None,
    measure: str,
    definition: str,
    age_group: str,
    lang: str,
) -> str:
    """The source line every chart carries, with the definition of its number."""
    return (
        source_text(tables, loaded, lang) + ". " + source_note(measure, definition, age_group, lang)
    )


def panel_source(tables: Sequence[Table], loaded: datetime | None, lang: str) -> str:
    """The panel's source line: every definition is named in its own row."""
    return source_text(tables, loaded, lang) + (
        ". Definitionerna står i varje rad" if lang == "sv" else ". Each row names its definition"
    )
