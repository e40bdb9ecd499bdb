"""`/profil/<region code>` (HTML that prints on A4) and `/profil/<region code>.pdf`: a kommun's,
a län's or riket's printable profile, served by the app's own process as the export URLs are.

The same guards as the export URLs (`dashboard.web.answers`, `asking`): `lang` is sv or en,
`v` pins the data version (immutable while installed, 410 once gone), an ETag otherwise; no
other parameter is taken. An unknown code is a 404 with a sentence. Rendering goes through the
process's one bounded renderer (`gate`), and rendered bytes are kept per process and day.
"""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from dashboard.data import per_run, queries
from dashboard.data.cache import ProcessCache
from dashboard.model import common
from dashboard.render import profiles
from dashboard.text.safe_text import shorten
from dashboard.web import answers, flow
from dashboard.web.asking import Refused, language, version_asked

#: A profile is ~80–100 kB as PDF, ~150 kB as HTML: 64 of them stay under ~10 MB.
_rendered = ProcessCache(max_entries=64)
MEDIA = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}
#: An HTML profile: no script, nothing fetched, framed by no one.
PAGE_HEADERS = {
    **answers.BASE_HEADERS,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}


def _checked(code: str, raw: dict[str, str], lang: str) -> flow.Versions:
    """The pinned version (if any) and the installed one, or Refused: a parameter the profile
    does not take, a malformed version (400), a code that is no region (404)."""
    asked = version_asked(raw, lang, frozenset())
    with per_run.one_run():
        if len(code) > 8 or common.level_of(code) is None:
            raise Refused(404, "web_unknown_region", {"code": shorten(code, 20)}, lang)
        return flow.installed(asked)


def _key(code: str, lang: str, form: str) -> tuple[object, ...]:
    return ("profile", form, code, lang, date.today(), queries.database())


def _ready(code: str, lang: str, form: str) -> tuple[str, bytes] | None:
    with per_run.one_run():
        ready: tuple[str, bytes] | None = _rendered.peek(_key(code, lang, form))
        return ready


def _drawn(code: str, lang: str, form: str) -> tuple[str, bytes]:
    with per_run.one_run():
        drawn: tuple[str, bytes] = _rendered.get(
            _key(code, lang, form), lambda: profiles.make(code, lang, form)
        )
        return drawn


def _headers(code: str, name: str, form: str) -> dict[str, str]:
    if form == "html":
        return dict(PAGE_HEADERS)
    file = profiles.file_name(code, name, form)
    return {**answers.FILE_HEADERS, "Content-Disposition": answers.disposition(file, False)}


async def profile(request: Request) -> Response:
    code, dot, extension = str(request.path_params["name"]).partition(".")
    raw = dict(request.query_params)
    try:
        lang = language(raw)
    except Refused as refusal:
        return answers.refused(refusal)
    if dot and extension != "pdf":
        return answers.refused(Refused(404, "web_unknown_format", {"formats": "pdf"}, lang))
    form = "pdf" if dot else "html"

    def respond(ready: tuple[str, bytes], caching: dict[str, str]) -> Response:
        name, body = ready
        headers = {**_headers(code, name, form), **caching}
        return Response(body, media_type=MEDIA[form], headers=headers)

    return await flow.answered(
        request,
        lang,
        lambda: _checked(code, raw, lang),
        lambda: _ready(code, lang, form),
        lambda: _drawn(code, lang, form),
        respond,
    )


def routes() -> list[BaseRoute]:
    return [Route("/profil/{name}", profile, methods=["GET", "HEAD"])]
