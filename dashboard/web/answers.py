"""How a rendered view is answered over HTTP: caching by data version, pinned URLs that never
change (and say so once their version is gone), safe headers, and refusals as one sentence in
the reader's language — never a traceback, a server path or a pid.

- No `v`: the current data, `Cache-Control: public, max-age=60` and an ETag of the data
  version, so a matching `If-None-Match` costs a 304 and a refresh shows within a minute.
- `v` = the installed version: `immutable`, cached for a year by browsers and nginx.
- `v` = another version: 410 Gone, naming the installed version, linking the live URL.
"""

from __future__ import annotations

import hashlib
import unicodedata
from html import escape
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from dashboard.text import en, sv
from dashboard.text.formatting import day
from dashboard.web.asking import Refused

#: Bumped when a renderer changes what it draws: an ETag then changes with the same data.
RENDERING = "1"
LIVE_SECONDS = 60
PINNED = "public, max-age=31536000, immutable"
#: For every answer: no sniffing, no referrer leaking the view to other sites' logs.
BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
#: Files another site may read (public statistics) and a page no site may frame.
FILE_HEADERS = {
    **BASE_HEADERS,
    "Access-Control-Allow-Origin": "*",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "frame-ancestors 'none'",
}
#: An embed: any site may frame it, and it may run nothing.
EMBED_HEADERS = {
    **BASE_HEADERS,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors *",
}
#: A refusal, a 410 or a 503: one sentence, framed by no site (the frame-ancestors directive
#: does not fall back to default-src) ...
ERROR_POLICY = "default-src 'none'; frame-ancestors 'none'"
#: ... except an embed's own: the site that frames it shows why (a pinned version replaced,
#: the server busy) in its frame, not the browser's refusal.
EMBED_ERROR_POLICY = "default-src 'none'; frame-ancestors *"


def etag(version: str) -> str:
    return '"' + hashlib.sha256(f"{version}:{RENDERING}".encode()).hexdigest()[:32] + '"'


def not_modified(request: Request, version: str) -> bool:
    asked = request.headers.get("if-none-match", "")
    return etag(version) in {tag.strip() for tag in asked.split(",")} or asked.strip() == "*"


def caching(version: str, pinned: bool) -> dict[str, str]:
    return {
        "Cache-Control": PINNED if pinned else f"public, max-age={LIVE_SECONDS}",
        "ETag": etag(version),
    }


def disposition(file_name: str, attachment: bool) -> str:
    """`attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266)."""
    plain = unicodedata.normalize("NFKD", file_name).encode("ascii", "ignore").decode()
    ascii_name = "".join(c if c.isalnum() or c in "-_." else "-" for c in plain)
    kind = "attachment" if attachment else "inline"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"


def _sentence(key: str, values: dict[str, str], lang: str) -> str:
    catalogues = [sv.WEB, en.WEB] if lang == "both" else [en.WEB if lang == "en" else sv.WEB]
    return " / ".join(c[key].format(**values) for c in catalogues)


def error_page(status: int, sentence: str, lang: str, link: str | None = None) -> Response:
    """One sentence (escaped) and, where there is one, a link to what the reader can open."""
    code = "en" if lang == "en" else "sv"
    anchor = f'<p><a href="{escape(link)}">{escape(link)}</a></p>' if link else ""
    body = (
        f'<!doctype html><html lang="{code}"><head><meta charset="utf-8">'
        f"<title>{status}</title></head><body><p>{escape(sentence)}</p>{anchor}</body></html>"
    )
    headers = {**BASE_HEADERS, "Content-Security-Policy": ERROR_POLICY}
    headers["Cache-Control"] = "no-store" if status == 503 else f"public, max-age={LIVE_SECONDS}"
    if status == 503:
        headers["Retry-After"] = "5"
    return HTMLResponse(body, status, headers=headers)


def refused(refusal: Refused) -> Response:
    return error_page(
        refusal.status, _sentence(refusal.key, refusal.values, refusal.lang), refusal.lang
    )


def gone(request: Request, installed: str, built: object, lang: str) -> Response:
    """A pinned URL whose data version is no longer installed: say which is, link the live URL."""
    live = (
        request.url.path
        + "?"
        + urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "v"])
    )
    values = {"version": installed[:12], "day": day(built)}  # type: ignore[arg-type]
    return error_page(410, _sentence("web_gone", values, lang), lang, live)


def busy(lang: str) -> Response:
    return error_page(503, _sentence("web_busy", {}, lang), lang)


def unavailable(kind: str, lang: str) -> Response:
    return error_page(503, _sentence(f"web_db_{kind}", {}, lang), lang)
