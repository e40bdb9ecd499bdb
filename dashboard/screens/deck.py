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
from dashboard.render.slides import (
    PROJECTORS,
    SIDE_PT,
    chart_height,
    px_per_pt,
    slide_figure,
)
from dashboard.text.i18n import DECK_SV, t
from dashboard.text.safe_text import html_text, markdown, quote

HIDE_CHROME = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
  /* a slide is 960 pt wide: 1 pt = 100vw / 960; type in points, as in the PowerPoint */
  .block-container { padding: 2.5vw 3.75vw 0 3.75vw !important; max-width: 100% !important; }
  h1.slide-headline { font-size: calc(100vw * 28 / 960) !important; line-height: 1.15; margin: 0 0 0.625vw 0; padding: 0; }
  p.slide-title { font-size: calc(100vw * 16 / 960) !important; line-height: 1.3; color: #333; margin: 0 0 0.625vw 0; }
  .slide-footer { font-size: calc(100vw * 12 / 960) !important; line-height: 1.3; color: #444; }
  .slide-counter { white-space: nowrap; font-size: calc(100vw * 16 / 960); text-align: center; padding-top: 0.4rem; }
</style>
"""


def _current_deck() -> Deck:
    token = st.query_params.get("deck")
    session: Deck = st.session_state.setdefault("deck", Deck())
    if token and token != st.session_state.get("_deck_token"):
        try:
            session = from_link(token)
            st.session_state["deck"] = session
            st.session_state["_title_from_link"] = session.title
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
    number = min(max(int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 6 else 1, 1), count)
    result = drawing.render(deck.slides[number - 1], lang)
    screen = st.query_params.get("screen", "720")
    screen = screen if screen in PROJECTORS else "720"
    width = PROJECTORS[screen][0]
    points = px_per_pt(width)  # the slide's type in points, as the PowerPoint's
    height = chart_height(result.headline, screen, result.title)
    # headline and title are generated from the database, and escaped all the same
    st.markdown(
        f'<h1 class="slide-headline">{html_text(result.headline)}</h1>'
        f'<p class="slide-title">{html_text(result.title)}</p>',
        unsafe_allow_html=True,
    )
    # a height that lets headline, chart and footer fit the projector; Streamlit's theme is off
    # here because it would replace the large slide fonts with its own small ones
    st.plotly_chart(
        slide_figure(result, width - round(2 * SIDE_PT * points), height, points),
        theme=None,
        config={"displayModeBar": False},
        alt=result.headline,
        key=f"slide_{number}",
    )
    left, middle, counter, right, end = st.columns([1, 12, 2, 1, 2])
    if left.button(
        "◀", key="previous", shortcut="Left", help=t("previous", lang), disabled=number == 1
    ):
        st.query_params["slide"] = str(number - 1)
        st.rerun()
    middle.markdown(
        f'<div class="slide-footer">{html_text(result.source)} · '
        f"{html_text(pinning.version_note(deck, result.provenance.data_version, lang))}</div>",
        unsafe_allow_html=True,
    )
    counter.markdown(f'<div class="slide-counter">{number} / {count}</div>', unsafe_allow_html=True)
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
            st.session_state["deck"] = example_deck()
            st.rerun()  # drawn again as a deck with slides: no "the deck is empty" above them
        return

    if deck.replaced_text:
        st.info(t("deck_text_replaced", lang))
    if st.session_state.get("_title_from_link") == deck.title:
        # a link's title is anyone's text: shown as theirs, never as a figure of ours
        st.caption(t("deck_title_from_link", lang, title=quote(deck.title)))
    deck.title = clean_title(
        st.text_input(t("deck_title", lang), deck.title, max_chars=TITLE_LIMIT, key="deck_title")
    )
    for index, spec in enumerate(list(deck.slides)):
        result = drawing.render(spec, lang)
        cols = st.columns([1, 12, 1, 1, 1])
        cols[0].markdown(f"**{index + 1}**")
        pinned = " 📌" if spec.snapshot is not None else ""
        cols[1].markdown(f"**{markdown(result.headline)}**{pinned}  \n{markdown(result.title)}")
        if changed := drawing.replaced(spec):
            cols[1].caption(t("slide_settings_replaced", lang, settings=quote(", ".join(changed))))
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
    st.caption(pinning.version_note(deck, result.provenance.data_version, lang))
    _sync_url(deck)

    state.choice(
        "screen",
        list(PROJECTORS),
        "720",
        "Projektor" if lang == "sv" else "Projector",
        format_func=lambda k: f"{PROJECTORS[k][0]}×{k}",
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
    link = share_link(deck, lang)
    st.code(link, language=None, wrap_lines=True)  # the code block's own button copies it


def share_link(deck: Deck, lang: str) -> str:
    """The whole address of the deck, as the browser reached this server."""
    base = (st.context.url or "").split("?")[0].rstrip("/")
    base = base.rsplit("/bildspel", 1)[0] if base.endswith("/bildspel") else base
    return f"{base}/bildspel?lang={lang}&deck={to_link(deck)}"


def _file_name(deck: Deck) -> str:
    return "".join(c if c.isalnum() else "-" for c in deck.title.lower()).strip("-") or "bildspel"


def _refused(exc: DeckError, lang: str) -> str:
    reason = DECK_SV[exc.key].format(**exc.params) if lang == "sv" else str(exc)
    return t("deck_refused", lang, reason=reason)
