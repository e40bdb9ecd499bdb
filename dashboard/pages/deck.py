"""Bildspel: build a deck of saved views, present it full screen, export it as PowerPoint."""

from __future__ import annotations

import streamlit as st

from dashboard.decks import pinning
from dashboard.decks import render as drawing
from dashboard.decks.examples import example_deck
from dashboard.decks.link import from_link, to_link
from dashboard.decks.model import (
    TITLE_LIMIT,
    Deck,
    DeckError,
    clean_title,
    to_json,
    unpinned,
)
from dashboard.render import pptx as pptx_export
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.i18n import DECK_SV, t
from dashboard.text.safe_text import html_text, markdown, quote

#: projector → (figure width the type is scaled for, chart height in pixels)
SCREENS = {"720": (1280, 500), "1080": (1920, 800)}
HIDE_CHROME = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
  .block-container { padding-top: 1.2rem !important; padding-bottom: 0 !important; max-width: 100% !important; }
  h1.slide-headline { font-size: 2.3rem; line-height: 1.2; margin: 0 0 0.4rem 0; }
  .slide-footer { font-size: 1.05rem; color: #444; }
</style>
"""


def _current_deck() -> Deck:
    token = st.query_params.get("deck")
    session: Deck = st.session_state.setdefault("deck", Deck())
    if token and token != st.session_state.get("_deck_token"):
        try:
            session = from_link(token)
            st.session_state["deck"] = session
        except DeckError as exc:
            st.error(_refused(exc, state.lang()))
        st.session_state["_deck_token"] = token
    return session


def _sync_url(deck: Deck) -> None:
    token = to_link(deck) if deck.slides else ""
    st.session_state["_deck_token"] = token
    if token:
        st.query_params["deck"] = token
    elif "deck" in st.query_params:
        del st.query_params["deck"]


def render() -> None:
    lang = state.lang()
    deck = _current_deck()
    if st.query_params.get("present") == "1" and deck.slides:
        present(deck, lang)
    else:
        edit(deck, lang)


def present(deck: Deck, lang: str) -> None:
    st.markdown(HIDE_CHROME, unsafe_allow_html=True)
    count = len(deck.slides)
    raw = st.query_params.get("slide", "1")
    number = min(max(int(raw) if raw.isdigit() else 1, 1), count)
    rendered = drawing.render(deck.slides[number - 1], lang)
    width, height = SCREENS.get(st.query_params.get("screen", "720"), SCREENS["720"])
    # the headline and footer are generated from the database, and escaped all the same
    st.markdown(
        f'<h1 class="slide-headline">{html_text(rendered.headline)}</h1>', unsafe_allow_html=True
    )
    # fixed height so headline, chart and footer fit a 1280×720 projector; Streamlit's theme is
    # off here because it would replace the large slide fonts with its own small ones
    st.plotly_chart(
        drawing.presentation(rendered.figure, width=width, height=height),
        theme=None,
        config={"displayModeBar": False},
        alt=rendered.headline,
        key=f"slide_{number}",
    )
    left, middle, right, end = st.columns([1, 6, 1, 1])
    if left.button(
        "◀", key="previous", shortcut="Left", help=t("previous", lang), disabled=number == 1
    ):
        st.query_params["slide"] = str(number - 1)
        st.rerun()
    middle.markdown(
        f'<div class="slide-footer">{html_text(rendered.source)} · '
        f"{html_text(pinning.version_note(deck, lang))} · {number} / {count}</div>",
        unsafe_allow_html=True,
    )
    if right.button(
        "▶", key="next", shortcut="Right", help=t("next", lang), disabled=number == count
    ):
        st.query_params["slide"] = str(number + 1)
        st.rerun()
    if end.button(t("exit", lang), key="exit", shortcut="Esc"):
        st.query_params["present"] = "0"
        st.rerun()
    st.query_params["slide"] = str(number)


def edit(deck: Deck, lang: str) -> None:
    st.title(t("slides", lang))
    uploaded = components.uploader(t("load_deck", lang), ["json"], "deck_upload")
    if uploaded is not None and st.session_state.get("_uploaded") != uploaded.file_id:
        st.session_state["_uploaded"] = uploaded.file_id
        try:
            deck = pinning.load_file(uploaded.getvalue(), lang)
            st.session_state["deck"] = deck
        except DeckError as exc:
            st.error(_refused(exc, lang))
    if not deck.slides:
        st.info(t("deck_empty", lang))
        if st.button(t("example_deck", lang), key="example"):
            st.session_state["deck"] = deck = example_deck()
        else:
            return

    deck.title = clean_title(
        st.text_input(t("deck_title", lang), deck.title, max_chars=TITLE_LIMIT, key="deck_title")
    )
    for index, spec in enumerate(list(deck.slides)):
        rendered = drawing.render(spec, lang)
        cols = st.columns([1, 12, 1, 1, 1])
        cols[0].markdown(f"**{index + 1}**")
        pinned = " 📌" if spec.snapshot is not None else ""
        cols[1].markdown(
            f"{markdown(rendered.headline)}{pinned}  \n{quote(spec.view)} · "
            + " · ".join(quote(f"{k}={v}") for k, v in spec.params.items())
        )
        if cols[2].button("↑", key=f"up_{index}", disabled=index == 0):
            deck.slides[index - 1], deck.slides[index] = deck.slides[index], deck.slides[index - 1]
            st.rerun()
        if cols[3].button("↓", key=f"down_{index}", disabled=index == len(deck.slides) - 1):
            deck.slides[index + 1], deck.slides[index] = deck.slides[index], deck.slides[index + 1]
            st.rerun()
        if cols[4].button("✕", key=f"remove_{index}"):
            deck.slides.pop(index)
            st.rerun()

    pin = st.toggle(t("pin", lang), value=deck.pinned, help=t("pin_help", lang), key="pin")
    if pin and not deck.pinned:
        deck = pinning.pin(deck, lang)
        st.session_state["deck"] = deck
    elif not pin and deck.pinned:
        deck = unpinned(deck)
        st.session_state["deck"] = deck
    st.caption(pinning.version_note(deck, lang))
    _sync_url(deck)

    state.choice(
        "screen",
        list(SCREENS),
        "720",
        "Projektor" if lang == "sv" else "Projector",
        format_func=lambda k: f"{SCREENS[k][0]}×{k}",
        horizontal=True,
    )
    actions = st.columns(3)
    if actions[0].button(
        t("present", lang), type="primary", key="present", icon=":material/slideshow:"
    ):
        st.query_params.update({"present": "1", "slide": "1"})
        st.rerun()
    actions[1].download_button(
        t("download_deck", lang),
        to_json(deck),
        f"{_file_name(deck)}.json",
        "application/json",
        key="deck_json",
    )
    if actions[2].button(t("make_pptx", lang), key="make_pptx"):
        with st.spinner("…"):
            st.session_state["pptx"] = pptx_export.build(deck, lang)
    if st.session_state.get("pptx"):
        actions[2].download_button(
            t("download_pptx", lang),
            st.session_state["pptx"],
            f"{_file_name(deck)}.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            key="deck_pptx",
        )
    st.markdown(f"**{t('share_link', lang)}**")
    st.code(f"/bildspel?deck={to_link(deck)}", language=None)


def _file_name(deck: Deck) -> str:
    return "".join(c if c.isalnum() else "-" for c in deck.title.lower()).strip("-") or "bildspel"


def _refused(exc: DeckError, lang: str) -> str:
    reason = DECK_SV[exc.key].format(**exc.params) if lang == "sv" else str(exc)
    return t("deck_refused", lang, reason=reason)
