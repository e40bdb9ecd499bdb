"""A view as a picture (PNG, SVG) that says what it shows — title, sentence, the chart, and
the source line once, in a margin kept for it — drawn by kaleido with the local Chromium.
One Chromium per process, started on first use and kept, so the second picture costs a
fraction of the first (a fresh Chromium per picture took ~6 s)."""

from __future__ import annotations

import hashlib
import threading
import warnings

import plotly.graph_objects as go

from dashboard import charts
from dashboard.charts.theme import with_source
from dashboard.model.result import ViewResult
from dashboard.render.slides import slide_figure

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


def slide_picture(fig: go.Figure) -> bytes:
    """A figure laid out for its place on a slide (`slides.presentation`), drawn at twice its
    size. The same figure is drawn once per process (every kommun's deck of a län shows the
    same map)."""
    key = hashlib.sha256(fig.to_json().encode()).hexdigest()
    if (cached := _pictures.get(key)) is not None:
        return cached
    picture = _draw(fig, "png", 2)
    if len(_pictures) >= 16:
        _pictures.pop(next(iter(_pictures)))
    _pictures[key] = picture
    return picture


def titled(result: ViewResult, width: int = WIDTH, height: int = HEIGHT) -> go.Figure:
    """The view as a stand-alone picture: its title, its sentence as subtitle, and the source
    line at the bottom in a margin of its own (so it is never clipped nor drawn twice)."""
    scale = width / 1280
    top, bottom = round(110 * scale), round(90 * scale)
    # the chart as a slide draws it (16-pt text, long lists in two columns, the age view's
    # panels side by side), for the height left between the title and the source line
    picture = slide_figure(result, width, height - top - bottom)
    picture.update_layout(height=height)
    legend_below = (picture.layout.legend.y or 1) < 0
    if legend_below:
        # a legend under the plot (the trends') sits between the axis and the source line, in
        # a margin grown by its height, placed from the picture's bottom edge
        bottom = round(150 * scale)
        source_block = 8 + round(34 * scale)
        picture.update_layout(
            legend={"yref": "container", "y": (source_block + 6) / height, "yanchor": "bottom"}
        )
    picture.update_layout(
        title={
            "text": result.title,
            "subtitle": {
                "text": result.headline,
                "font": {"size": round(15 * scale), "color": "#333"},
            },
            "x": 0.01,
            "xanchor": "left",
            "font": {"size": round(20 * scale), "color": "#111"},
        },
        margin={"t": top, "b": bottom},
    )
    with_source(picture, result.source, bottom)
    picture.update_annotations(font={"size": round(12 * scale)}, selector={"name": "source"})
    return picture


def png(result: ViewResult, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    probe = charts.figure(result, inline_shapes=True)
    scale = _scale(probe)
    return _draw(titled(result, width // scale, height // scale), "png", scale)


def svg(result: ViewResult, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    return _draw(titled(result, width, height), "svg", 1)
