"""The dashboard's pages: one st.Page per view, explicit URL paths, the language switch, and
the page run inside one database version.

`app.py`, the script Streamlit runs, only calls `run()`. Streamlit compiles that script again
whenever the last session has closed (with its "magic" rewriting of the syntax tree): as a
module, this code is compiled once per process; the script left to compile is two lines.
"""

from __future__ import annotations

import streamlit as st

from dashboard.data import per_run
from dashboard.data.db_errors import DatabaseUnavailable
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.screens import (
    about,
    age,
    change,
    compare,
    deck,
    definitions_panel,
    gap,
    map_view,
    overview,
    ranking,
    registry,
    sql_console,
    trends,
)
from dashboard.text.i18n import LANGS, t
from dashboard.text.safe_text import quote


def pages(lang: str) -> list[st.Page]:
    """Every page in the sidebar's order. Översikt is the start page at `/`; `/oversikt`, the
    address a reader guesses from the others, opens it too (a hidden page, so the sidebar lists
    it once and Streamlit shows no "Page not found")."""
    return [
        st.Page(overview.render, title=t("overview", lang), url_path="", default=True),
        st.Page(
            overview.render, title=t("overview", lang), url_path="oversikt", visibility="hidden"
        ),
        st.Page(map_view.render, title=t("map", lang), url_path="karta"),
        st.Page(ranking.render, title=t("ranking", lang), url_path="rangordning"),
        st.Page(gap.render, title=t("gap", lang), url_path="konsskillnad"),
        st.Page(trends.render, title=t("trends", lang), url_path="utveckling"),
        st.Page(compare.render, title=t("compare", lang), url_path="jamfor"),
        st.Page(age.render, title=t("age_view", lang), url_path="alder"),
        st.Page(change.render, title=t("change_view", lang), url_path="forandring"),
        st.Page(definitions_panel.render, title=t("which_figure", lang), url_path="vilken-siffra"),
        st.Page(registry.render, title=t("larcentrum", lang), url_path="larcentrum"),
        st.Page(deck.render, title=t("slides", lang), url_path="bildspel"),
        st.Page(about.render, title=t("about", lang), url_path="om-data"),
        st.Page(sql_console.render, title=t("sql", lang), url_path="sql"),
    ]


def run() -> None:
    """One run of the app: language, navigation, then the page the address names."""
    lang = state.lang()
    choice = st.sidebar.radio(
        t("language", lang),
        LANGS,
        index=LANGS.index(lang),
        horizontal=True,
        format_func={"sv": "Svenska", "en": "English"}.__getitem__,
        key="w_lang",
    )
    if choice != st.query_params.get("lang", "sv"):
        st.query_params["lang"] = choice
        st.rerun()

    routed = pages(lang)
    # every page listed: folded, Streamlit says "View 3 more" in English whatever the language
    page = st.navigation(routed, expanded=True)
    # the tab says where you are ("Karta · Utbildningsläget"), and the document its language
    st.set_page_config(page_title=f"{page.title} · Utbildningsläget", layout="wide")
    components.document_language(lang)
    # an address that is no page lands on Översikt (Streamlit's own English dialog says little)
    asked = components.unknown_page({p.url_path for p in routed})
    if asked is not None:
        st.warning(t("no_such_page", lang, path=quote("/" + asked)), icon="⚠️")
    try:
        with per_run.one_run():  # one database version, looked up once, for the whole run
            page.run()
    except DatabaseUnavailable as exc:
        st.error(t(f"db_{exc.kind}", lang), icon="🔒")
