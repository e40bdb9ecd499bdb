"""Streamlit's frontend bundle sent compressed in `make run` too, as nginx sends it in
`make serve`: from the copy with a `.br` and a `.gz` beside each file
(`dashboard.serving.static_files.prepared_static`, made once per Streamlit version, in the
background at start), chosen by the browser's Accept-Encoding. Streamlit itself sends the
bundle uncompressed (its gzip middleware skips static files): ~10 MB on a cold visit.

A request this cannot answer (no copy yet, no compressed file, a path outside the copy) goes
on to Streamlit as before.
"""

from __future__ import annotations

import mimetypes
import threading
from pathlib import Path

from starlette.responses import FileResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from dashboard.serving.static_files import prepared_static

RUN_DIR = Path(__file__).resolve().parents[2] / ".serve"
CACHE = "public, max-age=31536000, immutable"
_ready: list[Path] = []


def prepare_in_background(run_dir: Path = RUN_DIR) -> threading.Thread:
    """Make (or find) the compressed copy without holding up the server's start."""

    def prepare() -> None:
        _ready.append(prepared_static(run_dir) / "static")

    thread = threading.Thread(target=prepare, name="compress-static", daemon=True)
    thread.start()
    return thread


def _chosen(accept: str) -> tuple[str, str] | None:
    offered = {part.split(";")[0].strip() for part in accept.split(",")}
    if "br" in offered:
        return ".br", "br"
    if "gzip" in offered:
        return ".gz", "gzip"
    return None


class CompressedStatic:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] == "http" and path.startswith("/static/") and _ready:
            headers = dict(scope.get("headers") or [])
            chosen = _chosen(headers.get(b"accept-encoding", b"").decode("latin-1"))
            file = self._file(_ready[0], path, chosen[0]) if chosen else None
            if chosen and file is not None and scope.get("method") in ("GET", "HEAD"):
                media = mimetypes.guess_type(path)[0] or "application/octet-stream"
                answer = FileResponse(
                    file,
                    media_type=media,
                    headers={
                        "Content-Encoding": chosen[1],
                        "Cache-Control": CACHE,
                        "Vary": "Accept-Encoding",
                    },
                )
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)

    @staticmethod
    def _file(root: Path, path: str, suffix: str) -> Path | None:
        """The compressed file for a /static/ path, if it lies inside the copy."""
        relative = path.removeprefix("/static/")
        if not relative or "\\" in relative or "\x00" in relative:
            return None
        candidate = (root / (relative + suffix)).resolve()
        if not candidate.is_relative_to(root.resolve()) or not candidate.is_file():
            return None
        return candidate
