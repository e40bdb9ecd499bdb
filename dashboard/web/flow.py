"""How every route outside the live app answers, once: the data version checked (410 for a pinned
URL whose version is gone, 304 for a reader who has this version), the answer taken from the
process's rendered ones or drawn by its one bounded renderer, and every failure a sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from dashboard.data import queries
from dashboard.data.db_errors import DatabaseUnavailable
from dashboard.web import answers
from dashboard.web.asking import Refused
from dashboard.web.gate import GATE, Busy

T = TypeVar("T")


@dataclass(frozen=True)
class Versions:
    """The data version a URL is pinned to (None: the live data), and the installed one."""

    asked: str | None
    installed: str
    built: object


def installed(asked: str | None) -> Versions:
    info = queries.build_info()
    return Versions(asked, str(info.get("data_fingerprint") or ""), info.get("built_at"))


async def answered(
    request: Request,
    lang: str,
    check: Callable[[], Versions],
    ready: Callable[[], T | None],
    draw: Callable[[], T],
    respond: Callable[[T, dict[str, str]], Response],
) -> Response:
    """`check` validates the request and reads the versions, `ready` looks for the answer
    already rendered, `draw` renders it (both may query the database: they run in worker
    threads, `draw` behind the renderer's gate), `respond` makes the response with the
    caching headers of the version."""
    try:
        versions = await run_in_threadpool(check)
        if versions.asked is not None and versions.asked != versions.installed:
            return answers.gone(request, versions.installed, versions.built, lang)
        pinned = versions.asked is not None
        caching = answers.caching(versions.installed, pinned)
        if answers.not_modified(request, versions.installed):
            return Response(status_code=304, headers=caching)
        rendered = await run_in_threadpool(ready)
        if rendered is None:
            rendered = await GATE.run(draw)
    except Refused as refusal:
        return answers.refused(refusal)
    except Busy:
        return answers.busy(lang)
    except DatabaseUnavailable as exc:
        return answers.unavailable(exc.kind, lang)
    return respond(rendered, caching)
