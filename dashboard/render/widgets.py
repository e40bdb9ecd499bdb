"""Streamlit building blocks of the pages that are not a view: tables handed as Arrow, the
lärcentrum registry's coverage and centres, the document language, a translated uploader."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import polars as pl
import pyarrow as pa
import streamlit as st

from dashboard.data import places, queries
from dashboard.data.cache import ProcessCache
from dashboard.render import url_state as state
from dashboard.text.i18n import t

AGE_DEFAULT = "25-64"
#: Tables these blocks show, the same for every session: made once per process
_made = ProcessCache(max_entries=64)


def data_table(frame: pl.DataFrame, **options: Any) -> None:
    """`st.dataframe` handed Arrow, not polars: Streamlit converts anything else to pandas first
    (polars' `to_pandas` on every rerun); an Arrow table it serialises as it is."""
    st.dataframe(frame.to_arrow(), **options)


def registry_coverage(county: str = "") -> None:
    """What the lärcentrum registry knows, so no count reads as "no centre": per län, or for
    one län, kommuner with a named centre, with kommun-level evidence only, with none known."""
    lang = state.lang()
    totals, table = _made.get(
        ("coverage", county, lang, queries.database()), lambda: _coverage(county, lang)
    )
    st.markdown(t("coverage_sentence", lang, **totals))
    with st.expander(t("coverage_panel", lang), expanded=bool(county)):
        st.dataframe(table, hide_index=True)


def _coverage(county: str, lang: str) -> tuple[dict[str, int], pa.Table]:
    coverage = places.larcentrum_coverage()
    shown = coverage.filter(pl.col("county_code") == county) if county else coverage
    totals = {c: int(shown[c].sum()) for c in ("kommuner", "named_centre", "network", "none_known")}
    table = shown.select(
        pl.col("county_name").alias(t("county_filter", lang)),
        pl.col("kommuner").alias(t("municipality", lang).capitalize()),
        pl.col("named_centre").alias(t("evidence_named", lang)),
        pl.col("network").alias(t("evidence_network", lang)),
        pl.col("none_known").alias(t("evidence_none_known", lang)),
    )
    return totals, table.to_arrow()


#: The registry's confidence words in the UI's language (its kind is the registry's own note)
CONFIDENCE = {"sv": {"high": "hög", "medium": "medel", "low": "låg"}, "en": {}}


def centre_table(centres: pl.DataFrame, lang: str, which: Hashable) -> None:
    """Every known centre on the map with its source page (a link) and year. `which` names the
    centres shown (all of them, a view's), so the table is made once per process for them."""

    def made() -> pa.Table:
        return centres.select(
            "name",
            "kommun_name",
            "locality",
            "kind",
            pl.col("confidence").replace(CONFIDENCE.get(lang, {})),
            "evidence_year",
            "source_url",
        ).to_arrow()

    table = _made.get(("centres", which, lang, queries.database()), made)
    with st.expander(f"{t('larcentrum', lang)} ({centres.height})"):
        st.dataframe(
            table,
            hide_index=True,
            column_config={
                "source_url": st.column_config.LinkColumn(t("source_page", lang)),
                "name": t("name", lang),
                "kommun_name": t("municipality_column", lang),
                "locality": t("locality", lang),
                "kind": t("kind", lang),
                "confidence": t("confidence", lang),
                "evidence_year": t("year", lang),
            },
        )


def document_language(lang: str) -> None:
    """`<html lang>` follows the UI language, so screen readers and translators read Swedish as
    Swedish, and Streamlit's and Plotly's own labels are said in it; our style sheet gives
    contrast, focus rings and the phone layout (dashboard.render.page_script). Streamlit has no
    setting for these; a zero-height component runs the script on the page."""
    from streamlit.components.v1 import html

    from dashboard.render.page_script import STYLE, script

    st.html(STYLE)
    html(f"<script>{script(lang)}</script>", height=0)


def unknown_page(known: set[str]) -> str | None:
    """The address's page name when it is none of ours (Streamlit then runs the default page)."""
    from urllib.parse import unquote, urlparse

    try:
        path = urlparse(st.context.url or "").path
    except Exception:  # no browser session (AppTest)
        return None
    name = unquote(path.rstrip("/").rsplit("/", 1)[-1])
    return None if name in known or not name else name[:80]


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
