"""Router of the Utbildningsläget dashboard: one st.Page per view, explicit URL paths."""

from __future__ import annotations

import os
import sys

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
# (Every rerun runs this file again; `resolve()` asked the disk each time, `abspath` does not.)
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

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

st.set_page_config(page_title="Utbildningsläget", layout="wide")

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

pages = [
    st.Page(overview.render, title=t("overview", lang), url_path="oversikt", default=True),
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
page = st.navigation(pages)
# the tab says where you are ("Karta · Utbildningsläget"), and the document its language
st.set_page_config(page_title=f"{page.title} · Utbildningsläget", layout="wide")
components.document_language(lang)
# an address that is no page lands on Översikt (Streamlit's own English dialog says little)
asked = components.unknown_page({p.url_path for p in pages})
if asked is not None:
    st.warning(t("no_such_page", lang, path=quote("/" + asked)), icon="⚠️")
try:
    with per_run.one_run():  # one database version, looked up once, for the whole run
        page.run()
except DatabaseUnavailable as exc:
    st.error(t(f"db_{exc.kind}", lang), icon="🔒")
