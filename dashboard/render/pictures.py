"""Figures as pictures (PNG, SVG) that say what they show, drawn by kaleido with the local
Chromium — one Chromium per process, started on first use and kept, so the second picture
costs a fraction of the first (a fresh Chromium per picture took ~6 s)."""

from __future__ import annotations

import hashlib
import threading
import warnings

import plotly.graph_objects as go

from dashboard.charts import map_fit
from dashboard.decks.render import presentation

WIDTH, HEIGHT = 1920, 1080
_started = threading.Lock()
_running = False
_pictures: dict[str, bytes] = {}


def _ensure_server() -> None:
    global _running
    with _started:
        if not _running:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _running = True


def _scale(fig: go.Figure, fmt: str = "png") -> int:
    """Maps draw with software WebGL: laid out at half size and drawn at twice the scale they
    give the same 1920×1080 picture in about half the time."""
    return 2 if fmt == "png" and any(t.type.endswith("map") for t in fig.data) else 1


def _draw(fig: go.Figure, fmt: str, scale: int) -> bytes:
    _ensure_server()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "kopts ignored when using a server"
        return bytes(
            fig.to_image(format=fmt, width=fig.layout.width, height=fig.layout.height, scale=scale)
        )


def slide_picture(fig: go.Figure, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A chart for a slide that has its own title: projector type, no title of its own. The
    same figure is drawn once per process (every kommun's deck of a län shows the same map)."""
    key = hashlib.sha256(f"{width}x{height}:{fig.to_json()}".encode()).hexdigest()
    if (cached := _pictures.get(key)) is not None:
        return cached
    scale = _scale(fig)
    picture = _draw(presentation(fig, width // scale, height // scale), "png", scale)
    if len(_pictures) >= 16:
        _pictures.pop(next(iter(_pictures)))
    _pictures[key] = picture
    return picture


def titled(fig: go.Figure, subtitle: str, width: int = WIDTH, height: int = HEIGHT) -> go.Figure:
    """The figure as a stand-alone picture: its title (what, who, ages, year, where), a
    subtitle (the sentence of what it shows) and the source line, at projector type sizes."""
    title = fig.layout.title.text or ""
    picture = presentation(fig, width, height)
    scale = width / 1280
    picture.update_layout(
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": round(15 * scale), "color": "#333"}},
            "x": 0.01,
            "xanchor": "left",
            "font": {"size": round(22 * scale), "color": "#111"},
        },
        margin={"t": round(110 * scale)},
    )
    map_fit.apply(picture, width - 160, height - round(110 * scale) - round(80 * scale))
    return picture


def png(fig: go.Figure, subtitle: str = "", width: int = WIDTH, height: int = HEIGHT) -> bytes:
    scale = _scale(fig)
    return _draw(titled(fig, subtitle, width // scale, height // scale), "png", scale)


def svg(fig: go.Figure, subtitle: str = "", width: int = WIDTH, height: int = HEIGHT) -> bytes:
    return _draw(titled(fig, subtitle, width, height), "svg", 1)
