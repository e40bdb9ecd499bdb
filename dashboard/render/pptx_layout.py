"""Where a PowerPoint slide's parts go, at the type sizes a room reads from the back.

A 16:9 slide of 13.333 × 7.5 in: the headline at 28 pt (it wraps to as many lines as it needs
and pushes the rest down), the title line at 16 pt, the chart in what is left, and the footer
(source line and data version) at 12 pt at the bottom. The same sizes as the slide view
(`dashboard.render.slides`), which scales them to the projector's pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard.render.slides import CHART_PT, FOOTER_PT, HEADLINE_PT, TITLE_PT

WIDTH_IN, HEIGHT_IN = 13.333, 7.5
MARGIN_IN, TOP_IN, GAP_IN = 0.5, 0.25, 0.08
#: every text in Arial, which PowerPoint has and LibreOffice replaces by the metric-compatible
#: Liberation Sans (PowerPoint's default Calibri became the much wider DejaVu Sans there, and a
#: headline counted as two lines took three)
FONT = "Arial"
#: a line is 1.2 em; an Arial character ~0.55 em wide on average (bold ~0.6), rounded up
LINE_EM, HEADLINE_CHAR_EM, TEXT_CHAR_EM = 1.2, 0.6, 0.53
FOOTER_LINES = 2
#: a row of a horizontal bar chart: its 16-pt label and the space to the next
ROW_PT = CHART_PT * 1.45
#: what a chart takes besides its rows: the value axis's labels and the plot's inner margins
AXIS_PT = 2.4 * CHART_PT

Box = tuple[float, float, float, float]  # left, top, width, height in inches


@dataclass(frozen=True)
class Frame:
    headline: Box
    title: Box
    body: Box
    footer: Box


def lines(text: str, width_in: float, size_pt: float, char_em: float) -> int:
    per_line = max(int(width_in * 72 / (char_em * size_pt)), 10)
    return max(math.ceil(len(text) / per_line), 1)


def frame(headline: str, title: str) -> Frame:
    """The slide's boxes for this headline and title: a headline of three lines leaves the
    chart less height, never the footer."""
    width = WIDTH_IN - 2 * MARGIN_IN
    head = lines(headline, width, HEADLINE_PT, HEADLINE_CHAR_EM) * HEADLINE_PT * LINE_EM / 72
    sub = lines(title, width, TITLE_PT, TEXT_CHAR_EM) * TITLE_PT * LINE_EM / 72
    foot = FOOTER_LINES * FOOTER_PT * LINE_EM / 72 + 0.1
    body_top = TOP_IN + head + GAP_IN + sub + 2 * GAP_IN
    footer_top = HEIGHT_IN - foot - GAP_IN
    return Frame(
        headline=(MARGIN_IN, TOP_IN, width, head + 0.1),
        title=(MARGIN_IN, TOP_IN + head + GAP_IN, width, sub + 0.05),
        body=(MARGIN_IN, body_top, width, footer_top - GAP_IN - body_top),
        footer=(MARGIN_IN, footer_top, width, foot),
    )


def rows_that_fit(height_in: float, per_row: float = 1.0) -> int:
    """How many rows of 16-pt labels a bar chart of this height holds (`per_row`: rows of
    bars per label, e.g. 2 for women and men beside each other)."""
    return max(int((height_in * 72 - AXIS_PT) / (ROW_PT * per_row)), 3)
