"""A view's result on the page: sentence, KPI cards, chart, the source once, the table with
its downloads and query, pictures for a presentation, and "add to slides". Everything shown
comes from the result; nothing here computes a number."""

from __future__ import annotations

import html
from functools import partial
from typing import Any
from urllib.parse import urlencode

import polars as pl
import streamlit as st

from dashboard import charts
from dashboard.charts.figure_cache import shared_figure
from dashboard.data.sql_files import shown_sql
from dashboard.model.result import ViewResult
from dashboard.render import ends, share
from dashboard.render.formats import FORMATS, file_name
from dashboard.render.made_once import made_once
from dashboard.render.readable import for_reading
from dashboard.text.i18n import t
from dashboard.text.safe_text import markdown

#: Plotly's toolbar: no logo, pictures at twice the size, shown on hover only so it never sits
#: on the title; the page's own picture buttons draw the titled 1920×1080 version with the
#: source line.
CHART_CONFIG = {
    "displaylogo": False,
    "displayModeBar": "hover",
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"scale": 2},
}


def answer(result: ViewResult, with_facts: bool = True) -> None:
    """The sentence, then the KPI cards and the short facts: what the user came for."""
    st.markdown(f"## {markdown(result.headline)}")
    if result.metrics:
        columns = st.columns(len(result.metrics))
        for column, metric in zip(columns, result.metrics, strict=True):
            if metric.reference:
                column.metric(
                    metric.label, metric.value, metric.delta, delta_color="off", delta_arrow="off"
                )
            else:
                column.metric(metric.label, metric.value, metric.delta)
    if with_facts:
        facts(result)


def facts(result: ViewResult) -> None:
    if result.facts:
        st.markdown("  \n".join(markdown(fact) for fact in result.facts))


def chart(result: ViewResult) -> None:
    """The chart (built once per process for this result) and its source line under it. Its
    title is also text above it, shown on phones where Plotly's own title cannot wrap; a long
    ranking shows its top and bottom unless the reader asks for all."""
    st.html(f'<p class="utb-chart-title">{html.escape(result.title)}</p>')
    shown, cut = _ends(result)
    key = (result.view, result.params, result.lang, cut)
    fig = shared_figure(key, lambda: charts.figure(shown))
    st.plotly_chart(fig, alt=result.headline, config=CHART_CONFIG, key=f"chart_{result.view}")
    st.caption(markdown(result.source))


def _ends(result: ViewResult) -> tuple[ViewResult, bool]:
    """A ranking of many regions as its top and bottom (and the marked region), with a toggle
    for all of them. The result itself stays whole: tables, files and slides keep every row."""
    if not ends.is_long(result):
        return result, False
    spec = result.chart
    total = made_once(
        result, "regions", lambda: spec.frame.filter(pl.col("region_level") != "country").height
    )
    if st.toggle(t("show_all_regions", result.lang, n=total), key=f"all_{result.view}"):
        return result, False
    return made_once(result, "ends", lambda: ends.top_and_bottom(result)), True


def notes(result: ViewResult) -> None:
    for note in result.notes:
        st.info(note, icon="ℹ️")


def folded(label: str, key: str) -> Any:
    """An expander whose content is made only while it is open: a cold visit then neither
    computes nor sends what is folded away (the table, its files and queries, the embed code),
    nor fetches the browser code that draws it (the data grid, the code highlighter: ~0.6 MB
    compressed)."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def data_and_exports(result: ViewResult) -> None:
    lang = result.lang
    if (box := folded(t("data_table", lang), f"open_table_{result.view}")) is not None:
        _table_and_files(box, result)
    if (box := folded(t("image_export", lang), f"open_pictures_{result.view}")) is not None:
        with box:
            pictures(result)
    share.links_and_embed(result)


def _table_and_files(box: Any, result: ViewResult) -> None:
    lang = result.lang
    with box:
        readable = made_once(result, "table", lambda: for_reading(result.table, lang).to_arrow())
        st.dataframe(readable, hide_index=True)
        left, right = st.columns(2)
        for column, extension, label in (
            (left, "csv", "download_csv"),
            (right, "xlsx", "download_xlsx"),
        ):
            chosen = FORMATS[extension]
            column.download_button(
                t(label, lang),
                partial(chosen.render, result),  # built when clicked, not on every rerun
                file_name=file_name(result, extension),
                mime=chosen.media_type,
                key=f"{extension}_{result.view}",
            )
        for sql in made_once(result, "sql", lambda: shown_sql(result.queries)):
            st.code(sql, language="sql")
            st.markdown(f"[{t('open_in_sql', lang)}](/sql?{urlencode({'sql': sql, 'lang': lang})})")


def pictures(result: ViewResult) -> None:
    """PNG and SVG at 1920×1080 with title, sentence and source inside, made on request (the
    first picture starts a local Chromium: a few seconds; later ones reuse it)."""
    from dashboard.render import pictures as drawing

    lang = result.lang
    name = result.file_stem
    made = st.session_state.get(f"images_{name}")
    if made is None and st.button(t("make_images", lang), key=f"make_{result.view}"):
        try:
            made = (drawing.png(result), drawing.svg(result))
            st.session_state[f"images_{name}"] = made
        except Exception as exc:  # kaleido raises several types when Chromium is missing
            st.warning(t("no_chromium", lang, error=exc.__class__.__name__))
    if made:
        left, right = st.columns(2)
        left.download_button("PNG", made[0], f"{name}.png", "image/png", key=f"png_{result.view}")
        right.download_button(
            "SVG", made[1], f"{name}.svg", "image/svg+xml", key=f"svg_{result.view}"
        )


def add_to_deck(result: ViewResult) -> None:
    """Adds the view with its settings as a slide of the deck kept in this session."""
    from dashboard.decks.model import Deck, Slide

    lang = result.lang
    if st.button(
        t("add_to_deck", lang), key=f"deck_add_{result.view}", icon=":material/add_to_queue:"
    ):
        deck = st.session_state.setdefault("deck", Deck())
        deck.slides.append(Slide(result.view, result.settings))
        st.toast(t("added_to_deck", lang, n=len(deck.slides)))


def show(result: ViewResult) -> None:
    """The whole view, in the order a reader needs it."""
    answer(result, with_facts=False)
    chart(result)  # on a phone the chart is on the first screen, the longer facts under it
    facts(result)
    notes(result)
    data_and_exports(result)
    add_to_deck(result)


def view_page(name: str) -> ViewResult:
    """A page of one view, as its declaration says: its title (and a line saying what it is),
    its settings (the sidebar; the declaration's `main` ones above the answer, with their own
    label and hint where it gives them), then the whole view. Returns the result for what a
    page adds under it."""
    from dashboard.model import registry
    from dashboard.render import controls
    from dashboard.render.url_state import lang as ui_lang

    view = registry.view(name)
    lang = ui_lang()
    st.title(t(view.title_key, lang))
    if view.intro_key:
        st.markdown(t(view.intro_key, lang))
    values = controls.controls(name, skip=view.main)
    if view.main:
        labels = {key: (t(label, lang), t(hint, lang)) for key, label, hint in view.labels}
        columns = st.columns(max(len(view.main), 2))
        for column, key in zip(columns, view.main, strict=False):
            label, hint = labels.get(key, (None, None))
            values[key] = controls.control(name, key, values, column, label, hint)
    result = registry.load(name, values, lang)
    show(result)
    return result
