"""The trend: women's and men's shares over the years for the region (solid, ● and ■) and
riket (dashed, hollow), each line named at its end with its last value, series breaks marked."""

from __future__ import annotations

import polars as pl

from dashboard.charts.vector.axes import LABEL, SMALL, legend, sex_keys, tick_text
from dashboard.charts.vector.canvas import COLOURS, GRID, TEXT, Canvas, Drawn, scale, text_width
from dashboard.text.formatting import value_text
from dashboard.text.i18n import t

SHAPES = {"women": "circle", "men": "square", "total": "triangle"}


def _spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions near `wanted` (baselines) at least `gap` apart, within low..high."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [0.0] * len(wanted)
    last = low - gap
    for i in order:
        placed[i] = max(wanted[i], last + gap)
        last = placed[i]
    overflow = last - high
    if overflow > 0:
        for i in order:
            placed[i] -= overflow
    return placed


def lines(
    frame: pl.DataFrame,
    region: str,
    sexes: tuple[str, ...],
    breaks: tuple[int, ...],
    lang: str,
    width: float = 250.0,
    height: float = 150.0,
) -> Drawn:
    sexes = tuple(s for s in sexes if s in SHAPES) or ("women", "men")
    years = sorted(frame["year"].unique().to_list())
    codes = [region] if region == "00" else [region, "00"]
    own = frame.filter(pl.col("region_code") == region)["region_name"]
    name = str(own[0]) if own.len() else region
    series = []  # (code, sex, [(year, value)])
    for code in codes:
        rows = frame.filter(pl.col("region_code") == code).sort("year")
        for sex in sexes:
            points = [
                (int(y), float(v))
                for y, v in zip(rows["year"], rows[f"{sex}_share"], strict=True)
                if v is not None
            ]
            if points:
                series.append((code, sex, points))
    values = [v for _, _, pts in series for _, v in pts]
    low, high, ticks = scale(min(values, default=0), max(values, default=1), 4)
    whos = [
        t(sex, lang) if code == region else f"{t('country', lang)}: {t(sex, lang).lower()}"
        for code, sex, _ in series
    ]
    labels = [
        f"{who} {value_text(points[-1][1], 'total', lang)}"
        for who, (_, _, points) in zip(whos, series, strict=True)
    ]
    left = max(text_width(tick_text(v, "percent", lang), LABEL) for v in ticks) + 6
    right = max((text_width(x, SMALL) for x in labels), default=20) + 12
    top, bottom = 18.0, height - 16.0
    canvas = Canvas(width, height)
    legend(canvas, 2, 9, sex_keys(lang, name if region != "00" else None))
    x0, x1 = left + 4, width - right
    span = max(years[-1] - years[0], 1)

    def x(year: float) -> float:
        return x0 + (year - years[0]) / span * (x1 - x0)

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low or 1) * (bottom - top)

    for value in ticks:
        canvas.line(left, y(value), x1, y(value), GRID, 0.5)
        canvas.text(left - 4, y(value) + 2.6, tick_text(value, "percent", lang), LABEL, "end")
    step = max(1, round(len(years) / 8))
    for year in years[::step]:
        canvas.text(x(year), bottom + LABEL + 2, str(year), LABEL, "middle")
    for year in breaks:
        if years[0] < year <= years[-1]:
            canvas.line(x(year - 0.5), top, x(year - 0.5), bottom, TEXT, 0.5, "1 2")
            canvas.text(x(year - 0.5) + 2, top + 6, t("series_break", lang), SMALL)
    ends = []
    for code, sex, points in series:
        hollow = code == "00" and region != "00"
        colour = COLOURS[sex]
        canvas.polyline([(x(a), y(b)) for a, b in points], colour, 1.3, "4 2" if hollow else None)
        every = max(1, round(len(points) / 12))
        for a, b in points[::every] + ([points[-1]] if (len(points) - 1) % every else []):
            canvas.marker(SHAPES[sex], x(a), y(b), 5.0, colour, hollow)
        ends.append(y(points[-1][1]) + 2.4)
    for label, baseline in zip(labels, _spread(ends, SMALL + 1.5, top + 4, bottom), strict=True):
        canvas.text(x1 + 6, baseline, label, SMALL)
    alt = f"{years[0]}–{years[-1]}: " + "; ".join(
        f"{who} {value_text(pts[0][1], 'total', lang)} → {value_text(pts[-1][1], 'total', lang)}"
        for who, (_, _, pts) in zip(whos, series, strict=True)
    )
    return canvas.drawn(alt)
