"""A deck as PowerPoint a presenter shows unchanged: per slide the view's sentence as headline,
its title (measure · who · ages · year · where) as subtitle, a native chart (data embedded, editable; see
`pptx_charts`) or a map picture, the source line and data version, and the sentence and the
definition in the speaker notes. Without a local Chromium a map slide says so and the rest of
the deck is exported."""

from __future__ import annotations

import io
from collections.abc import Callable

import plotly.graph_objects as go
from pptx import Presentation
from pptx.util import Inches, Pt

from dashboard.decks.model import Deck
from dashboard.decks.pinning import version_note
from dashboard.decks.render import render
from dashboard.model.result import ViewResult
from dashboard.render import pictures as images
from dashboard.render import pptx_charts, pptx_more

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
BODY = (Inches(0.5), Inches(1.55), Inches(12.333), Inches(5.25))
ImageMaker = Callable[[go.Figure], bytes]


def build(deck: Deck, lang: str = "sv", image: ImageMaker = images.slide_picture) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    note = version_note(deck, lang)
    for spec in deck.slides:
        rendered = render(spec, lang)
        slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: we place every shape
        _text(
            slide,
            rendered.headline,
            (0.5, 0.2, 12.333, 0.95),
            _headline_size(rendered.headline),
            bold=True,
        )
        _text(slide, rendered.title, (0.5, 1.12, 12.333, 0.4), 13, colour="#333333")
        _body(slide, rendered, lang, image)
        _text(slide, f"{rendered.source} · {note}", (0.5, 6.9, 12.333, 0.45), 10, colour="#444444")
        slide.notes_slide.notes_text_frame.text = (
            f"{rendered.headline}\n\n{rendered.definition}\n{rendered.source}\n{note}"
        )
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _headline_size(text: str) -> int:
    """Two lines fit above the subtitle: 24 pt holds ~85 characters, 16 pt ~150."""
    return 24 if len(text) <= 85 else 20 if len(text) <= 115 else 16


def _text(
    slide: object,
    text: str,
    box: tuple[float, float, float, float],
    size: int,
    bold: bool = False,
    colour: str = "#111111",
) -> None:
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))  # type: ignore[attr-defined]
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = text
    for paragraph in frame.paragraphs:
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        paragraph.font.color.rgb = pptx_charts.rgb(colour)


def _body(slide: object, rendered: ViewResult, lang: str, image: ImageMaker) -> None:
    shapes = slide.shapes  # type: ignore[attr-defined]
    spec = rendered.chart
    frame = spec.frame
    if spec.kind == "map":
        from dashboard import charts

        try:
            picture = image(charts.figure(rendered, inline_shapes=True))
        except Exception as exc:  # kaleido raises several types when Chromium is missing
            box = shapes.add_textbox(*BODY)
            box.text_frame.text = (
                f"Kartan kunde inte exporteras som bild: {exc.__class__.__name__}. "
                "Bildexport kräver Chromium (kaleido)."
                if lang == "sv"
                else f"The map could not be exported as an image: {exc.__class__.__name__}. "
                "Image export needs Chromium (kaleido)."
            )
            return
        shapes.add_picture(io.BytesIO(picture), BODY[0] + Inches(1.4), BODY[1], height=BODY[3])
    elif spec.kind == "ranking":
        pptx_charts.ranking(shapes, BODY, frame, spec.show, lang, spec.highlight)
    elif spec.kind in ("columns", "definitions"):
        pptx_charts.columns(shapes, BODY, frame, lang)
    elif spec.kind == "lines":
        pptx_charts.lines(shapes, BODY, frame, list(spec.sexes), lang)
    elif spec.kind == "dumbbell":
        pptx_charts.gap(shapes, BODY, frame, lang)
    else:
        pptx_more.chart(shapes, BODY, rendered, lang)  # the age and change views
