"""Streamlit building blocks shared by the pages: selectors and a chart with its data."""

from __future__ import annotations

from functools import partial
from typing import Any
from urllib.parse import urlencode

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard.data import queries
from dashboard.exports import swedish_csv, xlsx
from dashboard.render import url_state as state
from dashboard.text import definitions
from dashboard.text.i18n import measure_label, t
from dashboard.text.narrative import ages

AGE_DEFAULT = "25-64"


def region_label(regions: pl.DataFrame, lang: str) -> dict[str, str]:
    level_words = {
        "country": "",
        "county": "",
        "municipality": " (kommun)" if lang == "sv" else " (municipality)",
    }
    names = {c: n for c, n in zip(regions["region_code"], regions["region_name"], strict=True)}
    if lang == "en":
        names["00"] = t("country", lang)
    return {
        c: names[c] + level_words[lvl]
        for c, lvl in zip(regions["region_code"], regions["region_level"], strict=True)
    }


def age_and_year(age_container: object = None, year_container: object = None) -> tuple[str, int]:
    """Age group (only those the data has) and one of its years, newest by default."""
    lang = state.lang()
    periods = queries.available_periods()
    age = state.choice(
        "age",
        sorted(periods),
        AGE_DEFAULT,
        t("age", lang),
        format_func=lambda a: f"{ages(a)} {t('years_word', lang)}",
        container=age_container,
    )
    years = [str(y) for y in periods[age]]
    return age, int(
        state.choice("year", years, years[0], t("year", lang), container=year_container)
    )


def measure(container: object = None) -> str:
    lang = state.lang()
    return state.choice(
        "measure",
        list(queries.MEASURES),
        "post_secondary",
        t("measure", lang),
        format_func=lambda m: measure_label(m, lang),
        container=container,
    )


def definition(container: object = None) -> str:
    """Which denominator: Kolada N01982 (unknown level included) or SCB-style (left out)."""
    lang = state.lang()
    return state.choice(
        "definition",
        list(definitions.DEFINITIONS),
        definitions.DEFAULT,
        t("definition", lang),
        format_func=lambda d: definitions.short_label(d, lang),
        container=container,
    )


def region(container: object = None, key: str = "region", default: str = "00") -> str:
    lang = state.lang()
    regions = queries.regions()
    labels = region_label(regions, lang)
    return state.choice(
        key,
        regions["region_code"].to_list(),
        default,
        t("region", lang),
        format_func=labels.__getitem__,
        container=container,
    )


def source_for(
    year: int,
    age_group: str,
    measure: str = "post_secondary",
    definition: str = definitions.DEFAULT,
) -> str:
    """The source line with the definition of the number: "Källa: SCB, … Definition: …"."""
    return definitions.source_with_definition(
        queries.source_line(year, age_group), measure, definition, age_group, state.lang()
    )


def data_table(frame: pl.DataFrame, **options: Any) -> None:
    """`st.dataframe` handed Arrow, not polars: Streamlit converts anything else to pandas first
    (polars' `to_pandas` on every rerun); an Arrow table it serialises as it is."""
    st.dataframe(frame.to_arrow(), **options)


def chart_with_data(
    fig: go.Figure,
    table: pl.DataFrame,
    name: str,
    summary: str,
    source: str,
    sql: str | None = None,
) -> None:
    """The chart, its data as a table (the text alternative) with downloads, its SQL, its source."""
    lang = state.lang()
    st.plotly_chart(
        fig,
        alt=summary,
        config={"displaylogo": False, "toImageButtonOptions": {"scale": 2}},
        key=f"chart_{name}",
    )
    with st.expander(t("data_table", lang)):
        data_table(table, hide_index=True)
        left, right = st.columns(2)
        left.download_button(
            t("download_csv", lang),
            partial(swedish_csv, table),  # built when clicked, not on every rerun
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv_{name}",
        )
        right.download_button(
            t("download_xlsx", lang),
            partial(xlsx, table),
            file_name=f"{name}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"xlsx_{name}",
        )
        if sql:
            st.code(sql, language="sql")
            st.markdown(f"[{t('open_in_sql', lang)}](/sql?{urlencode({'sql': sql, 'lang': lang})})")
    with st.expander(t("image_export", lang)):
        image_buttons(fig, name, summary)
    st.caption(source)


def noise_notice(years: list[int]) -> None:
    # the first noisy year is recorded by the build (build_info.noise_from_year), not kept here
    noise_from = queries.build_info().get("noise_from_year")
    if noise_from is not None and any(y >= noise_from for y in years):
        st.info(t("noise_note", state.lang(), year=noise_from), icon="ℹ️")


def display_table(
    frame: pl.DataFrame, lang: str, measure: str | None = None, definition: str | None = None
) -> pl.DataFrame:
    """Columns renamed for people, shares rounded for reading (downloads keep this), and the
    measure and definition as columns, so a downloaded table still says what it holds."""
    names = {
        "region_name": t("region", lang),
        "women_share": t("women", lang) + " %",
        "men_share": t("men", lang) + " %",
        "total_share": t("total", lang) + " %",
        "gap_pp": t("gap_pp", lang) + f" ({t('pp_short', lang)})",
        "rank_women": t("rank", lang) + " " + t("women", lang).lower(),
        "rank_men": t("rank", lang) + " " + t("men", lang).lower(),
        "year": t("year", lang),
    }
    if lang == "en" and {"region_code", "region_name"} <= set(frame.columns):
        frame = frame.with_columns(
            pl.when(pl.col("region_code") == "00")
            .then(pl.lit(t("country", lang)))
            .otherwise(pl.col("region_name"))
            .alias("region_name")
        )
    kept = [c for c in names if c in frame.columns]
    table = (
        frame.select(kept)
        .with_columns(pl.col(pl.Float64).round(2))
        .rename({c: names[c] for c in kept})
    )
    if measure is not None and definition is not None:
        table = table.with_columns(
            pl.lit(measure_label(measure, lang)).alias(t("measure", lang)),
            pl.lit(definitions.short_label(definition, lang)).alias(t("definition", lang)),
        )
    return table


def image_buttons(fig: go.Figure, name: str, subtitle: str = "") -> None:
    """PNG and SVG at 1920×1080 with title, subtitle and source inside, made on request (the
    first picture starts a local Chromium: a few seconds; later ones reuse it)."""
    from dashboard.render import pictures as images

    lang = state.lang()
    made = st.session_state.get(f"images_{name}")
    if made is None and st.button(t("make_images", lang), key=f"make_{name}"):
        try:
            made = (images.png(fig, subtitle), images.svg(fig, subtitle))
            st.session_state[f"images_{name}"] = made
        except Exception as exc:  # kaleido raises several types when Chromium is missing
            st.warning(t("no_chromium", lang, error=exc.__class__.__name__))
    if made:
        left, right = st.columns(2)
        left.download_button("PNG", made[0], f"{name}.png", "image/png", key=f"png_{name}")
        right.download_button("SVG", made[1], f"{name}.svg", "image/svg+xml", key=f"svg_{name}")


def add_to_deck(view: str) -> None:
    """Adds the current view (its URL state) as a slide of the deck kept in this session."""
    from dashboard.decks.model import PARAM_KEYS, PARAM_VALUE, Deck, Slide

    lang = state.lang()
    if st.button(t("add_to_deck", lang), key=f"deck_add_{view}", icon=":material/add_to_queue:"):
        deck = st.session_state.setdefault("deck", Deck())
        params = {
            k: v
            for k, v in st.query_params.to_dict().items()
            if k in PARAM_KEYS and PARAM_VALUE.fullmatch(v)
        }
        deck.slides.append(Slide(view, params))
        st.toast(t("added_to_deck", lang, n=len(deck.slides)))


def registry_coverage(county: str = "") -> None:
    """What the lärcentrum registry knows, so no count reads as "no centre": per län, or for
    one län, kommuner with a named centre, with kommun-level evidence only, with none known."""
    lang = state.lang()
    coverage = queries.larcentrum_coverage()
    shown = coverage.filter(pl.col("county_code") == county) if county else coverage
    totals = {c: int(shown[c].sum()) for c in ("kommuner", "named_centre", "network", "none_known")}
    st.markdown(t("coverage_sentence", lang, **totals))
    with st.expander(t("coverage_panel", lang), expanded=bool(county)):
        data_table(
            shown.select(
                pl.col("county_name").alias(t("county_filter", lang)),
                pl.col("kommuner").alias(t("municipality", lang).capitalize()),
                pl.col("named_centre").alias(t("evidence_named", lang)),
                pl.col("network").alias(t("evidence_network", lang)),
                pl.col("none_known").alias(t("evidence_none_known", lang)),
            ),
            hide_index=True,
        )


def centre_table(centres: pl.DataFrame, lang: str) -> None:
    """Every known centre on the map with its source page (a link) and year."""
    with st.expander(f"{t('larcentrum', lang)} ({centres.height})"):
        data_table(
            centres.select(
                "name",
                "kommun_name",
                "locality",
                "kind",
                "confidence",
                "evidence_year",
                "source_url",
            ),
            hide_index=True,
            column_config={
                "source_url": st.column_config.LinkColumn(t("source_page", lang)),
                "name": t("name", lang),
                "kommun_name": "Kommun",
                "locality": t("locality", lang),
                "kind": t("kind", lang),
                "confidence": t("confidence", lang),
                "evidence_year": t("year", lang),
            },
        )


def document_language(lang: str) -> None:
    """`<html lang>` follows the UI language, so screen readers and translators read Swedish as
    Swedish. Streamlit has no setting for it; a zero-height component sets it on the page."""
    from streamlit.components.v1 import html

    code = "sv" if lang == "sv" else "en"  # only our own two codes ever reach the script
    html(f"<script>window.parent.document.documentElement.lang = '{code}';</script>", height=0)


def uploader(label: str, types: list[str], key: str) -> Any:
    """st.file_uploader with its built-in English ("Upload", "5MB per file") said in the UI's
    language. Streamlit has no setting for those strings, so our own fixed CSS replaces them
    (no outside text reaches it)."""
    lang = state.lang()
    button, limit = (
        ("Ladda upp", "Högst 5 MB per fil") if lang == "sv" else ("Upload", "At most 5 MB per file")
    )
    kinds = " · ".join(t.upper() for t in types)
    st.html(
        f"""<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: "{button}"; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{limit} • {kinds}"; font-size: 0.875rem; }}
</style>"""
    )
    return st.file_uploader(label, type=types, key=key)
