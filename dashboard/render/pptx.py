"""A deck as PowerPoint a presenter shows unchanged: per slide the view's sentence as headline
(28 pt), its title (measure · who · ages · year · where) under it (16 pt), a native chart (data
embedded, editable; chart text 16 pt, see `pptx_charts`) or a map picture drawn for its place on
the slide, the source line and data version, and the sentence and the definition in the speaker
notes. Without a local Chromium a map slide says so and the rest of the deck is exported."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.util import Inches, Pt

from dashboard.decks.model import Deck
from dashboard.decks.pinning import version_note
from dashboard.decks.render import render
from dashboard.model.result import ViewResult
from dashboard.render import pictures as images
from dashboard.render import pptx_charts, pptx_kinds
from dashboard.render.pptx_kinds import ImageMaker
from dashboard.render.pptx_layout import FONT, HEIGHT_IN, WIDTH_IN, Box, frame
from dashboard.render.slides import FOOTER_PT, HEADLINE_PT, TITLE_PT

WIDTH, HEIGHT = Inches(WIDTH_IN), Inches(HEIGHT_IN)


def build(deck: Deck, lang: str = "sv", image: ImageMaker = images.slide_picture) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    for spec in deck.slides:
        rendered = render(spec, lang)
        note = version_note(deck, rendered.provenance.data_version, lang)
        boxes = frame(rendered.headline, rendered.title)
        slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: we place every shape
        _text(slide, rendered.headline, boxes.headline, HEADLINE_PT, bold=True)
        _text(slide, rendered.title, boxes.title, TITLE_PT, colour="#333333")
        _body(slide, rendered, image, boxes.body)
        _text(slide, f"{rendered.source} · {note}", boxes.footer, FOOTER_PT, colour="#444444")
        slide.notes_slide.notes_text_frame.text = (
            f"{rendered.headline}\n\n{rendered.definition}\n{rendered.source}\n{note}"
        )
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _text(
    slide: object, text: str, box: Box, size: int, bold: bool = False, colour: str = "#111111"
) -> None:
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))  # type: ignore[attr-defined]
    text_frame = shape.text_frame
    text_frame.word_wrap = True
    text_frame.text = text
    for paragraph in text_frame.paragraphs:
        paragraph.font.size = Pt(size)
        paragraph.font.name = FONT
        paragraph.font.bold = bold
        paragraph.font.color.rgb = pptx_charts.rgb(colour)


def _body(slide: object, rendered: ViewResult, image: ImageMaker, box: Box) -> None:
    """The slide's chart, by its kind (`pptx_kinds.KINDS`)."""
    shapes = slide.shapes  # type: ignore[attr-defined]
    pptx_kinds.KINDS[rendered.chart.kind](shapes, box, rendered, image)
