"""A page link's first response: Streamlit's own page with the view's answer already in it.

A GET of a view's page (`/karta?…`, `/?region=04`) is answered here rather than by Streamlit's
static files: the same `index.html`, plus the answer (`dashboard.render.prefill`) drawn from
the same view result the live page will draw, so the reader sees the picture and the sentence
at static-page speed while the app loads under it. The URL goes through the same validation
and defaults as the page (`dashboard.web.asking`): a link the page would answer with a notice
gets no answer here, only the plain page — never a picture of another view.

The picture is waited for at most `PICTURE_WAIT` seconds (one renderer per process, as for the
export URLs; a bar chart's two sizes take ~0.3 s, a map's ~3 s): a page without it still
carries the words at once, and the next reader gets the picture.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import re
from html import escape
from pathlib import Path

import streamlit
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from dashboard.data import per_run, queries
from dashboard.data.cache import ProcessCache
from dashboard.data.db_errors import DatabaseUnavailable
from dashboard.model import registry
from dashboard.model.result import ViewResult
from dashboard.render import pictures, prefill
from dashboard.web.asking import Refused, asked
from dashboard.web.gate import GATE, Busy

PICTURE_WAIT = 0.6
#: nginx keeps a page with its picture this long (the browser revalidates: no-cache)
PROXY_SECONDS = 60
#: and one whose picture is still being drawn this long: twenty readers arriving together get
#: the words at once instead of passing nginx's cache lock one by one, each waiting PICTURE_WAIT
WORDS_SECONDS = 2
_pictures = ProcessCache(max_entries=64)
_FONT = re.compile(r'href="(\./static/media/SourceSans[^"]*\.woff2)"')
_ENTRY = re.compile(
    r'<script type="module" crossorigin src="(\./static/js/index\.[^"]+\.js)"></script>'
)


@functools.cache
def index_html() -> str:
    """Streamlit's page as its static files would send it."""
    return (Path(streamlit.__file__).parent / "static" / "index.html").read_text("utf-8")


@functools.cache
def loader_script() -> str | None:
    """Two things the page's own CSS cannot do, in one inline script (the proxy's policy names
    it by hash):
    - the app's bundle is started once the answer is painted, not before: executing it first
      (half a megabyte of script) holds the page's first paint back, for seconds when twenty
      tabs load at once. On the next frame, or after 300 ms at the latest (a background tab
      paints no frames);
    - the answer is removed for good once the live chart (or an error) is there, so it never
      shows again over another page the reader moves on to; or, after GIVE_WAY_SECONDS, once
      the live page has drawn anything at all (a page that never loads keeps its answer)."""
    entry = _ENTRY.search(index_html())
    if entry is None:
        return None
    return (
        "(function(){var done=false;function load(){if(done)return;done=true;"
        "var s=document.createElement('script');s.type='module';s.crossOrigin='';"
        f"s.src={json.dumps(entry.group(1))};document.head.appendChild(s);}}"
        "requestAnimationFrame(function(){setTimeout(load,0);});setTimeout(load,300);"
        "document.addEventListener('DOMContentLoaded',function(){"
        "var first=document.getElementById('utb-first');if(!first)return;"
        "var late=false;function gone(){first.remove();watch.disconnect();}"
        "function check(){if(document.querySelector('.js-plotly-plot,"
        '[data-testid="stException"]\')||(late&&document.querySelector('
        '\'[data-testid="stMain"] [data-testid="stElementContainer"]\')))gone();}'
        "var watch=new MutationObserver(check);"
        "watch.observe(document.body,{childList:true,subtree:true});"
        f"setTimeout(function(){{late=true;check();}},{prefill.GIVE_WAY_SECONDS * 1000});}});}})();"
    )


def compose(result: ViewResult, svgs: tuple[bytes, bytes] | None, height: int) -> str:
    """Streamlit's page with the language, the tab's title and the answer put in. Should a new
    Streamlit change the page so that a marker is missing, the page is sent as it is."""
    page = index_html()
    font, entry, loader = _FONT.search(page), _ENTRY.search(page), loader_script()
    markers = ('<html lang="en">', "<title>Streamlit</title>", "</head>", '<div id="root"></div>')
    if font is None or entry is None or loader is None or not all(m in page for m in markers):
        return page
    page_words = prefill.page_of(registry.view(result.view), result.lang)
    answer = prefill.html(result, page_words, svgs, height)
    title = page_words.title
    return (
        page.replace(markers[0], f'<html lang="{result.lang}">', 1)
        .replace(markers[1], f"<title>{escape(title)} · Utbildningsläget</title>", 1)
        .replace(markers[2], f"<style>{prefill.style(font.group(1))}</style></head>", 1)
        .replace(markers[3], f"{answer}{markers[3]}", 1)
        .replace(entry.group(0), f"<script>{loader}</script>", 1)
    )


def _result(slug: str, raw: dict[str, str]) -> ViewResult:
    """The view the link names, or Refused for anything the page would answer with a notice
    (a data version too: a page shows today's data and says it does not use `v`)."""
    if "v" in raw:
        raise Refused(400, "web_not_used", {"name": "v"})
    with per_run.one_run():
        wanted = asked(slug, raw)
        return registry.load(wanted.view.name, wanted.values, wanted.lang)


def _drawn(result: ViewResult) -> tuple[tuple[bytes, bytes], int]:
    wide, narrow = (pictures.page_chart_svg(result, w) for w in (prefill.WIDE, prefill.NARROW))
    return (wide, narrow), pictures.page_chart_height(result)


def _pictures_of(result: ViewResult) -> tuple[tuple[bytes, bytes], int]:
    """The live chart as a laptop and as a phone draws it, and its height: once per process."""
    key = (result.view, result.params, result.lang, queries.database())
    drawn: tuple[tuple[bytes, bytes], int] = _pictures.get(key, lambda: _drawn(result))
    return drawn


async def page(request: Request) -> Response:
    slug = request.url.path.strip("/")
    plain = HTMLResponse(index_html(), headers={"Cache-Control": "no-cache"})
    try:
        result = await run_in_threadpool(_result, slug, dict(request.query_params))
    except (Refused, DatabaseUnavailable):
        return plain  # the live page says what is wrong
    svgs: tuple[bytes, bytes] | None = None
    with contextlib.suppress(Busy, TimeoutError):  # the render goes on for the next reader
        drawing = GATE.run(lambda: _pictures_of(result), share=0.5)
        svgs, height = await asyncio.wait_for(drawing, PICTURE_WAIT)
    if svgs is None:
        height = await run_in_threadpool(pictures.page_chart_height, result)
    headers = {
        "Cache-Control": "no-cache",
        "X-Accel-Expires": str(PROXY_SECONDS if svgs is not None else WORDS_SECONDS),
    }
    return HTMLResponse(compose(result, svgs, height), headers=headers)


def routes() -> list[BaseRoute]:
    """One route per view page (and `/oversikt`); other pages stay Streamlit's."""
    paths = sorted({f"/{slug}" for slug in registry.by_slug()})
    return [Route(path, page, methods=["GET", "HEAD"]) for path in paths]
