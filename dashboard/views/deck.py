"""Bildspel: build a deck of saved views, present it full screen, export it as PowerPoint."""

from __future__ import annotations

import streamlit as st

from dashboard import pptx_export, slides, state
from dashboard.i18n import t

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


def example_deck() -> slides.Deck:
    """The workshop example: Sörmland vs riket, the county rankings, the map, the trend."""
    return slides.Deck(
        "Sörmland",
        [
            slides.Slide("overview", {"region": "04"}),
            slides.Slide("ranking", {"scope": "county", "show": "women", "highlight": "04"}),
            slides.Slide("ranking", {"scope": "county", "show": "men", "highlight": "04"}),
            slides.Slide(
                "map",
                {"scope": "municipality_in_county", "county": "04", "show": "total", "lc": "1"},
            ),
            slides.Slide("trends", {"age": "16-74", "regions": "04", "sex": "women,men"}),
        ],
    )


def _current_deck() -> slides.Deck:
    token = st.query_params.get("deck")
    session: slides.Deck = st.session_state.setdefault("deck", slides.Deck())
    if token and token != st.session_state.get("_deck_token"):
        try:
            session = slides.from_link(token)
            st.session_state["deck"] = session
        except slides.DeckError as exc:
            st.error(str(exc))
        st.session_state["_deck_token"] = token
    return session


def _sync_url(deck: slides.Deck) -> None:
    token = slides.to_link(deck) if deck.slides else ""
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


def present(deck: slides.Deck, lang: str) -> None:
    st.markdown(HIDE_CHROME, unsafe_allow_html=True)
    count = len(deck.slides)
    raw = st.query_params.get("slide", "1")
    number = min(max(int(raw) if raw.isdigit() else 1, 1), count)
    rendered = slides.render(deck.slides[number - 1], lang)
    width, height = SCREENS.get(st.query_params.get("screen", "720"), SCREENS["720"])
    st.markdown(f'<h1 class="slide-headline">{rendered.headline}</h1>', unsafe_allow_html=True)
    # fixed height so headline, chart and footer fit a 1280×720 projector; Streamlit's theme is
    # off here because it would replace the large slide fonts with its own small ones
    st.plotly_chart(
        slides.presentation(rendered.figure, width=width, height=height),
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
        f'<div class="slide-footer">{rendered.source} · {slides.version_note(deck, lang)} · '
        f"{number} / {count}</div>",
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


def edit(deck: slides.Deck, lang: str) -> None:
    st.title(t("slides", lang))
    uploaded = st.file_uploader(t("load_deck", lang), type=["json"], key="deck_upload")
    if uploaded is not None and st.session_state.get("_uploaded") != uploaded.file_id:
        st.session_state["_uploaded"] = uploaded.file_id
        try:
            deck = slides.from_json(uploaded.getvalue())
            st.session_state["deck"] = deck
        except slides.DeckError as exc:
            st.error(str(exc))
    if not deck.slides:
        st.info(t("deck_empty", lang))
        if st.button(t("example_deck", lang), key="example"):
            st.session_state["deck"] = deck = example_deck()
        else:
            return

    deck.title = st.text_input(t("deck_title", lang), deck.title, key="deck_title")
    for index, spec in enumerate(list(deck.slides)):
        rendered = slides.render(spec, lang)
        cols = st.columns([1, 12, 1, 1, 1])
        cols[0].markdown(f"**{index + 1}**")
        pinned = " 📌" if spec.snapshot is not None else ""
        cols[1].markdown(
            f"{rendered.headline}{pinned}  \n`{spec.view}` · "
            + " · ".join(f"{k}={v}" for k, v in spec.params.items())
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
        deck = slides.pin(deck, lang)
        st.session_state["deck"] = deck
    elif not pin and deck.pinned:
        deck = slides.Deck(deck.title, [slides.Slide(s.view, s.params) for s in deck.slides])
        st.session_state["deck"] = deck
    st.caption(slides.version_note(deck, lang))
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
        slides.to_json(deck),
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
    st.code(f"/bildspel?deck={slides.to_link(deck)}", language=None)


def _file_name(deck: slides.Deck) -> str:
    return "".join(c if c.isalnum() else "-" for c in deck.title.lower()).strip("-") or "bildspel"
