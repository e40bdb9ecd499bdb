"""The map view as a print map: the regions coloured by the value shown (Viridis, whose
lightness rises with the value, so a greyscale copy keeps the order), the marked kommun drawn
with a heavy outline, the län's outline over its kommuner, known lärcentrum as ▲ and kommuner
with kommun-level evidence only as ◇, names on small maps, and a legend that gives the lowest
and the highest value shown (the view's own numbers; no class limits are made up)."""

from __future__ import annotations

import math
from typing import Any

import polars as pl

from dashboard.charts import map_fit
from dashboard.charts.vector.axes import LABEL, SMALL, Key, legend
from dashboard.charts.vector.canvas import TEXT, Canvas, Drawn, text_width
from dashboard.model.peers import value_column
from dashboard.model.result import ViewResult
from dashboard.text.formatting import value_text
from dashboard.text.i18n import t

#: Viridis at nine stops (dark purple → yellow)
VIRIDIS = [
    "#440154",
    "#472d7b",
    "#3b528b",
    "#2c728e",
    "#21918c",
    "#28ae80",
    "#5ec962",
    "#addc30",
    "#fde725",
]
NAMED_UP_TO = 15  # kommuner named on the map; more would cover each other
NO_VALUE = "#EEEEEE"


def colour(share: float) -> str:
    """Viridis at `share` (0..1), interpolated between its stops."""
    position = min(max(share, 0.0), 1.0) * (len(VIRIDIS) - 1)
    i = min(int(position), len(VIRIDIS) - 2)
    a, b = VIRIDIS[i], VIRIDIS[i + 1]
    f = position - i
    rgb = [round(int(a[k : k + 2], 16) * (1 - f) + int(b[k : k + 2], 16) * f) for k in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


class Projection:
    """Sinusoidal around the shapes' middle meridian (close to Sweden's own transverse
    Mercator at this scale), fitted into a width × height box."""

    def __init__(self, bounds: map_fit.Bounds, width: float, height: float) -> None:
        west, south, east, north = bounds
        self.lon0 = (west + east) / 2
        corners = [self._raw(lon, lat) for lon in (west, east) for lat in (south, north)]
        self.xmin = min(c[0] for c in corners)
        self.ymax = max(c[1] for c in corners)
        spread_x = max(c[0] for c in corners) - self.xmin or 1e-6
        spread_y = self.ymax - min(c[1] for c in corners) or 1e-6
        self.k = min(width / spread_x, height / spread_y)
        self.width, self.height = spread_x * self.k, spread_y * self.k

    def _raw(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * math.cos(math.radians(lat)), lat

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self._raw(lon, lat)
        return (x - self.xmin) * self.k, (self.ymax - y) * self.k


def _path(geometry: dict[str, Any], project: Projection, dx: float, dy: float) -> str:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [project(lon, lat) for lon, lat, *_ in ring]
            parts.append("M" + "L".join(f"{x + dx:.1f} {y + dy:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def choropleth(result: ViewResult, width: float = 250.0, max_height: float = 300.0) -> Drawn:
    from dashboard.data import places

    spec = result.chart
    frame = spec.frame.filter(pl.col("region_level") != "country")
    geojson, outlines = places.map_shapes(spec.level, set(frame["region_code"]), spec.county)
    bounds = map_fit.bounds_of(geojson) or (11.0, 55.0, 24.0, 69.0)
    project = Projection(bounds, width - 8, max_height)
    column = value_column(spec.show)
    values = {
        c: v for c, v in zip(frame["region_code"], frame[column], strict=True) if v is not None
    }
    low, high = min(values.values(), default=0.0), max(values.values(), default=1.0)
    dx, dy = (width - project.width) / 2, 4.0
    legend_top = dy + project.height + 10
    canvas = Canvas(width, legend_top + 40)
    for feature in geojson["features"]:
        value = values.get(feature["id"])
        fill = NO_VALUE if value is None else colour((value - low) / (high - low or 1))
        canvas.path(_path(feature["geometry"], project, dx, dy), fill, "#FFFFFF", 0.5)
    for feature in (outlines or {}).get("features", []):
        canvas.path(_path(feature["geometry"], project, dx, dy), "none", TEXT, 0.9)
    marked = [f for f in geojson["features"] if f["id"] == spec.highlight]
    for feature in marked:
        canvas.path(_path(feature["geometry"], project, dx, dy), "none", "#000000", 2.2)
    size = 4.8 if spec.level == "county" else 6.5  # all of Sweden: 100 markers, smaller
    for layer, shape, code in (
        (spec.network, "diamond", "region_code"),
        (spec.centres, "triangle", "kommun_code"),
    ):
        for row in layer.iter_rows(named=True) if layer is not None else ():
            if spec.level == "county" or row[code] in values:  # a län map: every kommun's
                x, y = project(row["longitude"], row["latitude"])
                canvas.marker(shape, x + dx, y + dy, size, "#000000", hollow=shape == "diamond")
    names = dict(zip(frame["region_code"], frame["region_name"], strict=True))
    _names(canvas, names, spec.highlight, spec.level, geojson, project, dx, dy)
    _legend(canvas, result, low, high, legend_top)
    alt = result.headline
    return canvas.drawn(alt)


def _names(
    canvas: Canvas,
    names: dict[str, str],
    highlight: str | None,
    level: str,
    geojson: dict[str, Any],
    project: Projection,
    dx: float,
    dy: float,
) -> None:
    """Every kommun's name on a small map; on a larger one only the marked kommun's."""
    from dashboard.data import places

    shown = (
        names if len(names) <= NAMED_UP_TO else {k: v for k, v in names.items() if k == highlight}
    )
    if not shown:
        return
    points = places.label_points() if level == "municipality" else {}
    for feature in geojson["features"]:
        if feature["id"] in shown and feature["id"] not in points:
            box = map_fit.bounds_of({"features": [feature]})
            if box:
                points[feature["id"]] = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    placed: list[tuple[float, float, float, float]] = []
    # the marked kommun first, then the others: a name that would cover one already written
    # is left out (the ranking beside the map names every kommun)
    for code in sorted(shown, key=lambda c: c != highlight):
        if code not in points:
            continue
        name = shown[code]
        x, y = project(*points[code])
        half = text_width(name, SMALL, code == highlight) / 2
        x = min(max(x + dx, half + 1), canvas.width - half - 1)
        box = (x - half, y + dy - SMALL + 2.4, x + half, y + dy + 2.4)
        if any(_overlap(box, other) for other in placed):
            continue
        placed.append(box)
        canvas.text(x, y + dy + 2.4, name, SMALL, "middle", bold=code == highlight, halo=True)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _legend(canvas: Canvas, result: ViewResult, low: float, high: float, top: float) -> None:
    """The colours from the lowest to the highest value shown, then the markers' meaning."""
    spec, lang = result.chart, result.lang
    steps = 24
    bar = 110.0
    for i in range(steps):
        canvas.rect(4 + bar * i / steps, top, bar / steps + 0.3, 7, colour(i / (steps - 1)))
    canvas.text(4, top + 7 + LABEL + 2, value_text(low, spec.show, lang), LABEL)
    canvas.text(4 + bar, top + 7 + LABEL + 2, value_text(high, spec.show, lang), LABEL, "end")
    keys = []
    if spec.centres is not None:
        keys.append(Key(t("evidence_named", lang), "triangle", "#000000"))
    if spec.network is not None:
        keys.append(Key(t("evidence_network", lang), "diamond", "#000000", hollow=True))
    legend(canvas, 4, top + 35, keys)
