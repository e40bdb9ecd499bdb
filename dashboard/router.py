"""The dashboard's pages: one st.Page per view of the registry (its declaration names its URL
path and title), the pages that are not views, the language switch, and the page run inside
one database version.

`streamlit_app.py`, the script Streamlit runs, only calls `run()`. Streamlit compiles that script again
whenever the last session has closed (with its "magic" rewriting of the syntax tree): as a
module, this code is compiled once per process; the script left to compile is two lines.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from dashboard.data import per_run
from dashboard.data.db_errors import DatabaseUnavailable
from dashboard.model import registry
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.render.page import view_page
from dashboard.screens import about, deck, sql_console
from dashboard.screens import registry as larcentrum
from dashboard.screens.additions import ADDITIONS
from dashboard.text.i18n import LANGS, t
from dashboard.text.safe_text import quote

#: Pages that are not views, after the views in the sidebar: (render, title key, URL path).
OTHER_PAGES = (
    (larcentrum.render, "larcentrum", "larcentrum"),
    (deck.render, "slides", "bildspel"),
    (about.render, "about", "om-data"),
    (sql_console.render, "sql", "sql"),
)


@functools.cache
def _view_page(name: str) -> Callable[[], None]:
    """The page of one view: the view, then what its page adds (`ADDITIONS`), if anything.
    Made once per view (Streamlit runs the one the address names)."""

    def render() -> None:
        result = view_page(name)
        if name in ADDITIONS:
            ADDITIONS[name](result)

    render.__name__ = f"view_{name}"
    return render


def render_view(name: str) -> None:
    """One view's page on its own (the tests' page scripts run this)."""
    _view_page(name)()


def pages(lang: str) -> list[st.Page]:
    """Every view's page in the registry's order (Översikt, the start page, at `/`), then the
    pages that are not views. `/oversikt`, the address a reader guesses from the others, opens
    Översikt too (a hidden page, so the sidebar lists it once and Streamlit shows no "Page not
    found")."""
    listed = []
    for name, view in registry.VIEWS.items():
        title = t(view.title_key, lang)
        listed.append(
            st.Page(_view_page(name), title=title, url_path=view.slug, default=not view.slug)
        )
        if not view.slug:
            listed.append(
                st.Page(_view_page(name), title=title, url_path="oversikt", visibility="hidden")
            )
    for render, title_key, path in OTHER_PAGES:
        listed.append(st.Page(render, title=t(title_key, lang), url_path=path))
    return listed


def _unknown_language(lang: str) -> None:
    """A link's `lang` that is no language of ours: said (in Swedish and English, since the
    reader asked for neither), and English offered; kept until a language is chosen."""
    asked = st.query_params.get("lang")
    if asked is not None and asked not in LANGS:
        st.session_state["_unknown_lang"] = asked
    unknown = st.session_state.get("_unknown_lang")
    if unknown is None or lang != "sv" or (asked in LANGS and asked != "sv"):
        st.session_state.pop("_unknown_lang", None)
        return
    words = [t("unknown_lang", code, value=quote(unknown)) for code in LANGS]
    st.warning("  \n".join(words), icon="⚠️")
    if st.button(t("show_in_english", "en"), key="unknown_lang_english"):
        st.session_state.pop("_unknown_lang", None)
        st.session_state["w_lang"] = "en"  # the language switch, drawn after this, follows
        st.query_params["lang"] = "en"
        st.rerun()


def run() -> None:
    """One run of the app: language, navigation, then the page the address names."""
    lang = state.lang()
    _unknown_language(lang)
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
