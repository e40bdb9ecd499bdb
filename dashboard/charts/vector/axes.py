"""What the print charts share: a value axis with its grid, and a legend that names women, men
and riket by marker and dash — so a greyscale copy still says which is which."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.charts.vector.canvas import COLOURS, GRID, TEXT, Canvas, text_width
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import t

LABEL = 7.5  # pt, labels and ticks
SMALL = 6.8  # pt, secondary labels (riket beside the region)


def tick_text(value: float, unit: str, lang: str) -> str:
    if unit == "points":
        return f"{number(value, 0, lang)} {t('pp_short', lang)}"
    return percent(value, 0, lang)


@dataclass(frozen=True)
class Axis:
    """A horizontal value axis from `low` to `high` drawn between x0 and x1."""

    low: float
    high: float
    x0: float
    x1: float

    def x(self, value: float) -> float:
        return self.x0 + (value - self.low) / (self.high - self.low or 1) * (self.x1 - self.x0)

    def draw(
        self, canvas: Canvas, ticks: list[float], top: float, bottom: float, unit: str, lang: str
    ) -> None:
        """Grid lines from top to bottom and tick labels under them."""
        for value in ticks:
            x = self.x(value)
            canvas.line(x, top, x, bottom, GRID, 0.5)
            canvas.text(x, bottom + LABEL + 1.5, tick_text(value, unit, lang), LABEL, "middle")


@dataclass(frozen=True)
class Key:
    """One legend entry: a marker (none for `shape` "none"), a line sample when `dash` is not
    None ("" solid), and its name."""

    label: str
    shape: str
    colour: str
    hollow: bool = False
    dash: str | None = None


def legend(canvas: Canvas, x: float, y: float, keys: list[Key]) -> float:
    """The keys in a row from (x, baseline y); returns where the row ends."""
    for key in keys:
        if key.dash is not None:
            canvas.line(x, y - 2.6, x + 16, y - 2.6, key.colour, 1.1, key.dash or None)
            if key.shape != "none":
                canvas.marker(key.shape, x + 8, y - 2.6, 4.6, key.colour, key.hollow)
            x += 19
        else:
            canvas.marker(key.shape, x + 2.5, y - 2.6, 4.6, key.colour, key.hollow)
            x += 7
        canvas.text(x, y, key.label, LABEL)
        x += text_width(key.label, LABEL) + 9
    return x


def sex_keys(lang: str, region: str | None = None) -> list[Key]:
    """Women ● and men ■; with a region beside riket, its rows or lines solid and riket's
    dashed with hollow markers — four keys that a greyscale copy still tells apart."""
    keys = [
        Key(t("women", lang), "circle", COLOURS["women"]),
        Key(t("men", lang), "square", COLOURS["men"]),
    ]
    if region is not None:
        keys += [
            Key(region, "none", TEXT, dash=""),
            Key(t("country", lang), "circle", TEXT, hollow=True, dash="4 2"),
        ]
    return keys
