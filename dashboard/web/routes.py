"""The routes outside the live app, served by the app's own process (`st.App(routes=…)`):

- `/export/<page>.<format>`: a view as png, svg, csv, xlsx, json or zip;
- `/inbaddning/<page>`: a view as a small HTML page another site may frame;
- `/profil/<region code>[.pdf]`: a region's printable profile (`profile_routes`).

Each takes the page link's query parameters (`dashboard.web.asking`), renders the view's result
with the format's renderer (`dashboard.render.formats`) behind the process's one bounded
renderer (`dashboard.web.gate`), and answers with caching by data version
(`dashboard.web.answers`). Rendered bytes are kept per process, keyed by view, settings,
language and data version, so twenty readers of one embed cost one render.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from dashboard.data import per_run, queries
from dashboard.data.cache import ProcessCache
from dashboard.model import registry
from dashboard.model.result import ViewResult
from dashboard.render import embed as embed_page
from dashboard.render.formats import FORMATS, file_name
from dashboard.web import answers, flow, profile_routes
from dashboard.web.asking import Asked, Refused, asked, language

#: The paths whose every answer is ours (with its own framing policy), never Streamlit's.
OWN_PREFIXES = ("export", "inbaddning", "profil")
#: Rendered answers per process: pictures are ~0.1–0.5 MB, so this stays under ~64 MB.
_rendered = ProcessCache(max_entries=128)


@dataclass(frozen=True)
class Output:
    """What one route renders: bytes of a result, with the headers that go with them."""

    kind: str  # the format's extension, or "embed"
    media_type: str
    render: Callable[[ViewResult], bytes]
    headers: Callable[[ViewResult], dict[str, str]]


def _file_output(extension: str) -> Output:
    chosen = FORMATS[extension]

    def headers(result: ViewResult) -> dict[str, str]:
        name = file_name(result, extension)
        return {
            **answers.FILE_HEADERS,
            "Content-Disposition": answers.disposition(name, chosen.attachment),
        }

    return Output(extension, chosen.media_type, chosen.render, headers)


EMBED = Output(
    "embed", "text/html; charset=utf-8", embed_page.page, lambda result: answers.EMBED_HEADERS
)


def _key(request: Asked, output: Output) -> tuple[object, ...]:
    values = tuple(sorted(request.values.items()))
    return (output.kind, request.view.name, values, request.lang, queries.database())


def _ready(request: Asked, output: Output) -> tuple[ViewResult, bytes] | None:
    """The answer if it is rendered already (no need to queue for the renderer)."""
    with per_run.one_run():
        ready: tuple[ViewResult, bytes] | None = _rendered.peek(_key(request, output))
        return ready


def _drawn(request: Asked, output: Output) -> tuple[ViewResult, bytes]:
    with per_run.one_run():
        result = registry.load(request.view.name, request.values, request.lang)
        drawn: tuple[ViewResult, bytes] = _rendered.get(
            _key(request, output), lambda: (result, output.render(result))
        )
        return drawn


async def answer(request: Request, slug: str, output: Output) -> Response:
    raw = dict(request.query_params)
    try:
        lang = language(raw)
    except Refused as refusal:
        return answers.refused(refusal)
    wanted: list[Asked] = []  # the view the URL names, once checked

    def check() -> flow.Versions:
        with per_run.one_run():
            wanted.append(asked(slug, raw))
            return flow.installed(wanted[0].version)

    def respond(ready: tuple[ViewResult, bytes], caching: dict[str, str]) -> Response:
        result, body = ready
        headers = {**output.headers(result), **caching}
        return Response(body, media_type=output.media_type, headers=headers)

    return await flow.answered(
        request,
        lang,
        check,
        lambda: _ready(wanted[0], output),
        lambda: _drawn(wanted[0], output),
        respond,
    )


async def export(request: Request) -> Response:
    slug, dot, extension = str(request.path_params["name"]).rpartition(".")
    if not dot or not slug or extension not in FORMATS:
        raw = dict(request.query_params)
        lang = raw.get("lang") if raw.get("lang") in ("sv", "en") else "sv"
        refusal = Refused(404, "web_unknown_format", {"formats": ", ".join(FORMATS)}, str(lang))
        return answers.refused(refusal)
    return await answer(request, slug, _file_output(extension))


async def embed(request: Request) -> Response:
    slug = str(request.path_params["slug"])
    if not slug:
        return answers.refused(Refused(404, "web_unknown_page", {"page": ""}))
    answered = await answer(request, slug, EMBED)
    if answered.status_code >= 400:
        answered.headers["Content-Security-Policy"] = answers.EMBED_ERROR_POLICY
    return answered


async def nothing_here(request: Request) -> Response:
    """Any other path under ours (`/inbaddning/a/b`, an encoded slash decoded): a 404 of ours,
    never Streamlit's own page (which would load the app there, framed by anyone)."""
    return answers.refused(Refused(404, "web_unknown_page", {"page": ""}))


def routes() -> list[BaseRoute]:
    return [
        Route("/export/{name}", export, methods=["GET", "HEAD"]),
        Route("/inbaddning/{slug}", embed, methods=["GET", "HEAD"]),
        *profile_routes.routes(),
        *(Route(f"/{prefix}/{{rest:path}}", nothing_here) for prefix in OWN_PREFIXES),
    ]
