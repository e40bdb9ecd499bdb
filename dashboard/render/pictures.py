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
from dashboard.charts import map_fit
from dashboard.charts.theme import with_source
from dashboard.data.cache import ProcessCache
from dashboard.model.result import ViewResult
from dashboard.render.slides import slide_figure

WIDTH, HEIGHT = 1920, 1080
_started = threading.Lock()
_running = False
#: Pictures drawn in this process, by their figure: every kommun's deck of a län shows the
#: same map, and twenty readers of one embed ask for one picture at once (drawn once).
_pictures = ProcessCache(max_entries=16)


def start_in_background() -> None:
    """Start the Chromium that draws pictures now, beside the server's own start: every page's
    first response carries a picture (`dashboard.web.shell`), so the first reader should not
    wait the seconds Chromium takes to start."""
    threading.Thread(target=_ensure_server, name="start-chromium", daemon=True).start()


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
    picture: bytes = _pictures.get(key, lambda: _draw(fig, "png", 2))
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


#: The chart of an embed or a first paint: the page says title, sentence and source as text
CHART_WIDTH, CHART_HEIGHT = 1000, 560


def chart_svg(result: ViewResult, width: int = CHART_WIDTH, height: int = CHART_HEIGHT) -> bytes:
    """The view's chart alone as SVG, laid out as a picture (large type, every label kept, a
    map fitted to what it shows): for a page that says the title, sentence and source itself.
    Drawn once per process per figure (`slide_picture`'s cache)."""
    fig = slide_figure(result, width, height)
    key = hashlib.sha256(f"svg:{width}x{height}:{fig.to_json()}".encode()).hexdigest()
    picture: bytes = _pictures.get(key, lambda: _draw(fig, "svg", 1))
    return picture


def page_chart_height(result: ViewResult) -> int:
    """The height the page gives the view's chart (its figure's own)."""
    return int(_page_figure(result).layout.height or 450)


def _page_figure(result: ViewResult) -> go.Figure:
    from dashboard.render import ends

    shown = ends.top_and_bottom(result) if ends.is_long(result) else result
    return charts.figure(shown, inline_shapes=True)


def page_chart_svg(result: ViewResult, width: int) -> bytes:
    """The chart as the page draws it (its title inside, a long ranking's ends) as SVG of
    `width` × the page's height: the first paint's picture of the live chart."""
    fig = _page_figure(result)
    height = int(fig.layout.height or 450)
    fig.update_layout(width=width, height=height)
    if isinstance(fig.layout.meta, dict):  # a page's map names no regions (it pans)
        fig.update_layout(meta={**fig.layout.meta, "labels": []})
    map_fit.apply(fig, *map_fit.plot_area(fig, width, height))
    return _draw(fig, "svg", 1)
