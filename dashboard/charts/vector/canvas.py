"""A small SVG canvas in points (1/72 inch), so a chart drawn 250 pt wide prints at its size
and its 7.5-pt labels stay 7.5 pt on paper. Every text is escaped here; nothing else writes
markup into a chart."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

#: Text on charts: 12.6:1 on white (the dashboard's own charts use the same)
TEXT = "#333333"
GRID = "#D9D9D9"
#: The fonts a chart names: Typst embeds Libertinus Serif in the PDF; a browser without it
#: takes a Times-like serif of about the same width.
FONT = "Libertinus Serif, 'Times New Roman', 'Liberation Serif', serif"
#: A label's width per point of font size, generous for those fonts, so a label measured here
#: is never clipped by the font that draws it.
EM_WIDTH = 0.56
BOLD_EM_WIDTH = 0.62
#: Okabe–Ito, as every chart of the dashboard: women vermilion, men blue, total green.
COLOURS = {"women": "#D55E00", "men": "#0072B2", "total": "#009E73", "country": "#000000"}


def text_width(text: str, size: float, bold: bool = False) -> float:
    return len(text) * size * (BOLD_EM_WIDTH if bold else EM_WIDTH)


def _n(value: float) -> str:
    """Coordinates to a tenth of a point: finer than any printer, and short."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Drawn:
    """A chart: its SVG, a sentence of what it shows (its numbers, for a text alternative) and
    its size in points."""

    svg: str
    summary: str
    width: float
    height: float


class Canvas:
    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self._parts: list[str] = []

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        stroke: str = TEXT,
        width: float = 0.6,
        dash: str | None = None,
    ) -> None:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self._parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}" '
            f'stroke-width="{_n(width)}"{dashed}/>'
        )

    def polyline(
        self,
        points: list[tuple[float, float]],
        stroke: str,
        width: float = 1.2,
        dash: str | None = None,
    ) -> None:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        self._parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{stroke}" '
            f'stroke-width="{_n(width)}" stroke-linejoin="round"{dashed}/>'
        )

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str,
        stroke: str | None = None,
        width: float = 0.0,
    ) -> None:
        outline = f' stroke="{stroke}" stroke-width="{_n(width)}"' if stroke else ""
        self._parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"{outline}/>'
        )

    def path(self, d: str, fill: str, stroke: str = "none", width: float = 0.0) -> None:
        self._parts.append(
            f'<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{_n(width)}" '
            'stroke-linejoin="round" fill-rule="evenodd"/>'
        )

    def marker(
        self, shape: str, x: float, y: float, size: float, colour: str, hollow: bool = False
    ) -> None:
        """circle (women), square (men), triangle (a lärcentrum), diamond (kommun-level
        evidence): told apart by shape in greyscale; hollow for riket."""
        fill = "#FFFFFF" if hollow else colour
        style = f'fill="{fill}" stroke="{colour if hollow else "#FFFFFF"}" stroke-width="0.8"'
        r = size / 2
        if shape == "circle":
            self._parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {style}/>')
            return
        corners = {
            "square": [(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
            "triangle": [(0, -1.15), (1.05, 0.8), (-1.05, 0.8)],
            "diamond": [(0, -1.2), (1.1, 0), (0, 1.2), (-1.1, 0)],
        }[shape]
        points = " ".join(f"{_n(x + dx * r)},{_n(y + dy * r)}" for dx, dy in corners)
        self._parts.append(f'<polygon points="{points}" {style}/>')

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 7.5,
        anchor: str = "start",
        bold: bool = False,
        fill: str = TEXT,
        halo: bool = False,
    ) -> None:
        weight = ' font-weight="bold"' if bold else ""
        outline = (
            ' stroke="#FFFFFF" stroke-width="2" stroke-linejoin="round" paint-order="stroke"'
            if halo
            else ""
        )
        self._parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" '
            f'fill="{fill}"{weight}{outline}>{escape(text, quote=False)}</text>'
        )

    def drawn(self, summary: str) -> Drawn:
        """The chart as a standalone SVG, titled by `summary` (its text alternative)."""
        w, h = _n(self.width), _n(self.height)
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" '
            f'viewBox="0 0 {w} {h}" role="img" aria-label="{escape(summary)}" '
            f'font-family="{escape(FONT)}"><title>{escape(summary, quote=False)}</title>'
            + "".join(self._parts)
            + "</svg>"
        )
        return Drawn(svg, summary, self.width, self.height)


def scale(low: float, high: float, count: int = 5) -> tuple[float, float, list[float]]:
    """An axis from `low` to `high` widened to round ticks (steps of 1, 2, 2.5 or 5 times a
    power of ten): (first tick, last tick, ticks)."""
    raw = max(high - low, 1e-9) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first, last = math.floor(low / step) * step, math.ceil(high / step) * step
    n = round((last - first) / step)
    return first, last, [round(first + i * step, 6) for i in range(n + 1)]
