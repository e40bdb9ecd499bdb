"""Every chart kind a view may declare (`View.charts`), drawn natively in PowerPoint: registered
once here, as `dashboard.charts.KINDS` registers its Plotly figure. A map is a picture drawn
for its place on the slide (native charts have no maps); without a local Chromium its slide
says so and the rest of the deck is exported."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
from pptx.util import Inches

from dashboard.model.result import ViewResult
from dashboard.render import pptx_more, pptx_rows
from dashboard.render.pptx_layout import Box
from dashboard.render.slides import presentation

#: a picture's pixels per inch of slide (CSS pixels: a point is 4/3 of one), drawn at twice
#: that by the picture renderer
PICTURE_PPI = 96
ImageMaker = Callable[[go.Figure], bytes]
Builder = Callable[[Any, Box, ViewResult, ImageMaker], None]


def map_figure(rendered: ViewResult, box: Box) -> go.Figure:
    """The map drawn for its box on the slide, with its type at the slide's points (16-pt
    legend, 12-pt names where they fit)."""
    from dashboard import charts

    width, height = round(box[2] * PICTURE_PPI), round(box[3] * PICTURE_PPI)
    return presentation(
        charts.figure(rendered, inline_shapes=True), width, height, points=PICTURE_PPI / 72
    )


def _map(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    try:
        picture = image(map_figure(rendered, box))
    except Exception as exc:  # kaleido raises several types when Chromium is missing
        text = shapes.add_textbox(*(Inches(v) for v in box))
        text.text_frame.text = (
            f"Kartan kunde inte exporteras som bild: {exc.__class__.__name__}. "
            "Bildexport kräver Chromium (kaleido)."
            if rendered.lang == "sv"
            else f"The map could not be exported as an image: {exc.__class__.__name__}. "
            "Image export needs Chromium (kaleido)."
        )
        return
    shapes.add_picture(io.BytesIO(picture), *(Inches(v) for v in box))


def _ranking(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    spec = rendered.chart
    pptx_rows.ranking(shapes, box, spec.frame, spec.show, rendered.lang, spec.highlight)


def _dumbbell(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    spec = rendered.chart
    pptx_rows.gap(shapes, box, spec.frame, rendered.lang, spec.highlight)


def _columns(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    pptx_more.columns(shapes, box, rendered.chart.frame, rendered.lang)


def _definitions(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    pptx_rows.definitions(shapes, box, rendered.chart.frame, rendered.lang)


def _lines(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    spec = rendered.chart
    pptx_more.lines(shapes, box, spec.frame, list(spec.sexes), rendered.lang)


def _age(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    pptx_more.age(shapes, box, rendered, rendered.lang)


def _change(shapes: Any, box: Box, rendered: ViewResult, image: ImageMaker) -> None:
    pptx_rows.change(shapes, box, rendered, rendered.lang)


KINDS: dict[str, Builder] = {
    "ranking": _ranking,
    "dumbbell": _dumbbell,
    "lines": _lines,
    "columns": _columns,
    "definitions": _definitions,
    "map": _map,
    "age": _age,
    "change": _change,
}
