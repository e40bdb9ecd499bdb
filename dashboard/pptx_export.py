"""A deck as PowerPoint: native, editable charts with their data embedded; maps as pictures.

Bars, columns and lines become PowerPoint charts (edit the numbers in PowerPoint's data sheet);
the dumbbell becomes a line chart with markers only, joined by PowerPoint's own high-low lines.
Maps become PNG images drawn by kaleido with the local Chromium; without one, the slide says so
and the rest of the deck is exported.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import plotly.graph_objects as go
import polars as pl
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from dashboard.charts import COLOURS, value_column
from dashboard.decks.model import Deck
from dashboard.decks.pinning import version_note
from dashboard.decks.render import Rendered, presentation, render
from dashboard.i18n import show_label, t

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
BODY = (Inches(0.5), Inches(1.35), Inches(12.333), Inches(5.4))
ImageMaker = Callable[[go.Figure], bytes]


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


def figure_png(fig: go.Figure, width: int = 1920, height: int = 1080) -> bytes:
    """PNG of a figure at presentation resolution (kaleido + local Chromium)."""
    return bytes(
        presentation(fig, width, height).to_image(format="png", width=width, height=height)
    )


def figure_svg(fig: go.Figure, width: int = 1920, height: int = 1080) -> bytes:
    return bytes(
        presentation(fig, width, height).to_image(format="svg", width=width, height=height)
    )


def build(deck: Deck, lang: str = "sv", image: ImageMaker = figure_png) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    note = version_note(deck, lang)
    for spec in deck.slides:
        rendered = render(spec, lang)
        slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = (
            Inches(0.5),
            Inches(0.3),
            Inches(12.333),
            Inches(1.0),
        )
        title.text = rendered.headline
        for paragraph in title.text_frame.paragraphs:
            paragraph.font.size = Pt(24)
            paragraph.font.bold = True
        _body(slide, rendered, lang, image)
        footer = slide.shapes.add_textbox(Inches(0.5), Inches(6.9), Inches(12.333), Inches(0.45))
        footer.text_frame.text = f"{rendered.source} · {note}"
        footer.text_frame.paragraphs[0].font.size = Pt(11)
        footer.text_frame.paragraphs[0].font.color.rgb = _rgb("#555555")
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _body(slide: object, rendered: Rendered, lang: str, image: ImageMaker) -> None:
    shapes = slide.shapes  # type: ignore[attr-defined]
    frame = rendered.table
    if rendered.kind == "map":
        try:
            picture = image(rendered.figure)
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
        shapes.add_picture(io.BytesIO(picture), BODY[0] + Inches(1.2), BODY[1], height=BODY[3])
        return
    if rendered.kind == "bars":
        column = value_column(rendered.show)
        rows = frame.filter(pl.col("region_level") != "country").drop_nulls(column).sort(column)
        data = CategoryChartData(number_format="0.0")
        data.categories = rows["region_name"].to_list()
        data.add_series(show_label(rendered.show, lang), rows[column].to_list())
        chart = shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *BODY, data).chart
        _colour_series(chart, [rendered.show if rendered.show != "gap" else "gap"])
        chart.has_legend = False
    elif rendered.kind == "columns":
        data = CategoryChartData(number_format="0.0")
        data.categories = frame["region_name"].to_list()
        for sex in ("women", "men", "total"):
            data.add_series(t(sex, lang), frame[f"{sex}_share"].to_list())
        chart = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *BODY, data).chart
        _colour_series(chart, ["women", "men", "total"])
    elif rendered.kind == "lines":
        data = CategoryChartData(number_format="0.0")
        years = sorted(set(frame["year"]))
        data.categories = [str(y) for y in years]
        for code, name in (
            frame.select("region_code", "region_name").unique(maintain_order=True).iter_rows()
        ):
            rows = frame.filter(pl.col("region_code") == code)
            by_year = dict(zip(rows["year"], rows["women_share"], strict=True))
            by_year_men = dict(zip(rows["year"], rows["men_share"], strict=True))
            data.add_series(f"{name} – {t('women', lang).lower()}", [by_year.get(y) for y in years])
            data.add_series(
                f"{name} – {t('men', lang).lower()}", [by_year_men.get(y) for y in years]
            )
        chart = shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, *BODY, data).chart
    else:  # dumbbell
        rows = frame.drop_nulls("gap_pp").sort("gap_pp", descending=True)
        data = CategoryChartData(number_format="0.0")
        data.categories = rows["region_name"].to_list()
        data.add_series(t("women", lang), rows["women_share"].to_list())
        data.add_series(t("men", lang), rows["men_share"].to_list())
        chart = shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, *BODY, data).chart
        _colour_series(chart, ["women", "men"])
        for series in chart.plots[0].series:
            series.format.line.fill.background()  # markers only
        _add_high_low_lines(chart)
    chart.has_legend = chart.has_legend if rendered.kind == "bars" else True
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    chart.font.size = Pt(12)


def _colour_series(chart: object, keys: list[str]) -> None:
    """Our palette on PowerPoint's series: bars are filled, line-chart markers are coloured."""
    for series, key in zip(chart.plots[0].series, keys, strict=False):  # type: ignore[attr-defined]
        colour = _rgb(COLOURS[key])
        if hasattr(series, "marker"):
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour


def _add_high_low_lines(chart: object) -> None:
    """PowerPoint's high-low lines join the women's and men's marker of each region."""
    line_chart = chart._chartSpace.find(".//" + qn("c:lineChart"))  # type: ignore[attr-defined]
    element = etree.SubElement(line_chart, qn("c:hiLowLines"))
    line_chart.remove(element)
    # schema order: … ser*, dLbls?, dropLines?, hiLowLines?, upDownBars?, marker?, smooth?, axId+
    anchor = line_chart.find(qn("c:marker"))
    if anchor is None:
        anchor = line_chart.find(qn("c:axId"))
    anchor.addprevious(element)
