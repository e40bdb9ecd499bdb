"""The view outside the app, offered on its page: the export files' URLs (each format, live or
pinned to today's data) and the iframe code that embeds it in another site's page.

The addresses carry the view's settings only; they are made absolute with the address the
reader's browser used (or `UTB_PUBLIC_URL`), since the code is pasted into another site.
"""

from __future__ import annotations

import html

import streamlit as st

from dashboard.model.result import ViewResult
from dashboard.render import links
from dashboard.render.formats import FORMATS
from dashboard.text.i18n import t

#: The embed's height in the other site's page: picture, title, sentence and source fit.
EMBED_HEIGHT = 640


def _base() -> str:
    """The scheme and host the reader's browser used, unless a public address is configured."""
    if links.public_base():
        return ""
    url = st.context.url or ""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}" if rest else ""


def iframe(result: ViewResult, pinned: bool) -> str:
    """The HTML a web editor pastes: a titled, lazy iframe of the embed page."""
    src = _base() + links.embed(result, pinned)
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(result.title)}" '
        f'width="100%" height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>'
    )


def links_and_embed(result: ViewResult) -> None:
    lang = result.lang
    box = st.expander(t("share_heading", lang), key=f"open_share_{result.view}", on_change="rerun")
    if not box.open:
        return  # made only while open: the code highlighter is fetched when a reader asks
    with box:
        st.markdown(t("share_intro", lang))
        for pinned in (False, True):
            row = " · ".join(
                f"[{extension.upper()}]({links.export(result, extension, pinned)})"
                for extension in FORMATS
            )
            st.markdown(f"{t('share_pinned' if pinned else 'share_live', lang)}: {row}")
        st.markdown(f"**{t('embed_heading', lang)}**  \n{t('embed_intro', lang)}")
        st.caption(t("embed_live", lang))
        st.code(iframe(result, pinned=False), language="html", wrap_lines=True)
        st.caption(t("embed_pinned", lang))
        st.code(iframe(result, pinned=True), language="html", wrap_lines=True)
