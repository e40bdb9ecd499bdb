"""Where a map looks: the centre and zoom that fit what it shows into the picture.

A county map keeps Sweden's view otherwise, and Sörmland becomes a speck. MapLibre (Plotly's
`map` subplots) draws the world 512·2^zoom pixels wide in Web Mercator, so the largest zoom
that fits a bounding box into W×H pixels follows from the box's longitude span and its Mercator
height. The bounds travel with the figure (`layout.meta`), so a slide, a PNG and the PPTX
picture re-fit to their own size.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

Bounds = tuple[float, float, float, float]  # west, south, east, north
#: Room around the regions, in zoom levels (0.25 ≈ 16 % on each axis).
PADDING_ZOOM = 0.25
TILE = 512


def _positions(coordinates: Any) -> Iterator[Sequence[float]]:
    """Every [lon, lat] of a GeoJSON coordinates array, however deeply nested."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates
        return
    for part in coordinates or ():
        yield from _positions(part)


def bounds_of(geojson: dict[str, Any]) -> Bounds | None:
    """The bounding box of every feature's geometry, or None for an empty map. The box of the
    points themselves: no shapes are built or merged (that took ~100 ms for 290 kommuner)."""
    lons: list[float] = []
    lats: list[float] = []
    for feature in geojson.get("features", []):
        for lon, lat, *_ in _positions((feature.get("geometry") or {}).get("coordinates")):
            lons.append(lon)
            lats.append(lat)
    if not lons:
        return None
    return (min(lons), min(lats), max(lons), max(lats))


def _mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit(bounds: Bounds, width: int, height: int) -> tuple[dict[str, float], float]:
    """Centre and zoom showing `bounds` whole in a width×height plot area."""
    west, south, east, north = bounds
    lon_span = max(east - west, 1e-6)
    merc_span = max(_mercator(north) - _mercator(south), 1e-6)
    zoom_x = math.log2(width * 360 / (TILE * lon_span))
    zoom_y = math.log2(height * 2 * math.pi / (TILE * merc_span))
    middle = (_mercator(north) + _mercator(south)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(middle)) - math.pi / 2)
    return {"lat": centre_lat, "lon": (west + east) / 2}, min(zoom_x, zoom_y) - PADDING_ZOOM


#: What a horizontal colour bar under the plot takes besides its thickness (tick labels and
#: Plotly's padding), measured in Chromium: the live map's plot area ends 52 px above a
#: 10-px bottom margin with a 12-px bar.
COLORBAR_ROOM = 40


def plot_area(fig: Any, width: int, height: int) -> tuple[int, int]:
    """The map's own area in a width×height figure, as Plotly lays it out: the margins, and
    a horizontal colour bar below pushing the bottom one up. The page fits its live map to
    this area (`page_script.MAP_FIT` reads Plotly's own), so a picture of the page fitted to
    the whole figure drew the map a fifth larger than the page then did."""
    margin = fig.layout.margin
    left, right = margin.l if margin.l is not None else 80, margin.r if margin.r is not None else 80
    top, bottom = (
        margin.t if margin.t is not None else 100,
        margin.b if margin.b is not None else 80,
    )
    for trace in fig.data:
        bar = getattr(trace, "colorbar", None)
        if bar is not None and bar.orientation == "h" and (bar.y if bar.y is not None else 1) < 0:
            bottom += (bar.thickness if bar.thickness is not None else 30) + COLORBAR_ROOM
    return max(width - left - right, 1), max(height - top - bottom, 1)


def view(centre: dict[str, float], zoom: float, width: int, height: int) -> Bounds:
    """What a map with this centre and zoom shows in width×height pixels (for tests)."""
    world = TILE * 2**zoom
    half_lon = width / world * 180
    middle = _mercator(centre["lat"])
    half_merc = height / world * math.pi
    south = math.degrees(2 * math.atan(math.exp(middle - half_merc)) - math.pi / 2)
    north = math.degrees(2 * math.atan(math.exp(middle + half_merc)) - math.pi / 2)
    return (centre["lon"] - half_lon, south, centre["lon"] + half_lon, north)


def paper_position(
    lon: float, lat: float, centre: dict[str, float], zoom: float, width: int, height: int
) -> tuple[float, float]:
    """Where a point lies on the plot area, as Plotly's paper coordinates (0-1 each way)."""
    world = TILE * 2**zoom
    x = 0.5 + (lon - centre["lon"]) / 360 * world / width
    y = 0.5 + (_mercator(lat) - _mercator(centre["lat"])) / (2 * math.pi) * world / height
    return x, y


#: A name's width per character (em) and its height (em) as a map label draws it
LABEL_CHAR_EM, LABEL_LINE_EM = 0.55, 1.25


def _box_px(
    box: Sequence[float], centre: dict[str, float], zoom: float, width: int, height: int
) -> tuple[float, float, float, float]:
    """A region's box on the plot, in pixels from the plot's left and bottom."""
    x0, y0 = paper_position(box[0], box[1], centre, zoom, width, height)
    x1, y1 = paper_position(box[2], box[3], centre, zoom, width, height)
    return x0 * width, y0 * height, x1 * width, y1 * height


def placed(
    labels: list[list[Any]],
    centre: dict[str, float],
    zoom: float,
    width: int,
    height: int,
    size: int,
) -> list[tuple[float, float, str, bool]]:
    """(x, y, name, marked) in paper coordinates of the names that fit: inside their region's
    box at `size` px and clear of every name already placed (the marked region's first). The
    others are left to the table: a 5-pt name on a projector helps nobody."""
    out: list[tuple[float, float, str, bool]] = []
    taken: list[tuple[float, float, float, float]] = []
    for lon, lat, name, marked, *box in sorted(labels, key=lambda label: not label[3]):
        x, y = paper_position(lon, lat, centre, zoom, width, height)
        if not (0 <= x <= 1 and 0 <= y <= 1):
            continue
        text_size = size + (3 if marked else 0)
        w, h = len(name) * LABEL_CHAR_EM * text_size, LABEL_LINE_EM * text_size
        px, py = x * width, y * height
        rect = (px - w / 2, py - h / 2, px + w / 2, py + h / 2)
        if any(box):
            left, bottom, right, top = _box_px(box, centre, zoom, width, height)
            fits = right - left >= w and top - bottom >= h
        else:
            fits = True
        clear = all(
            rect[2] <= o[0] or rect[0] >= o[2] or rect[3] <= o[1] or rect[1] >= o[3] for o in taken
        )
        if (fits or marked) and clear:
            out.append((x, y, name, marked))
            taken.append(rect)
    return out


def apply(fig: Any, width: int, height: int, label_size: int = 12) -> None:
    """Re-fit a map figure whose bounds it carries to a plot area of width×height, and name
    the regions whose names fit (at `label_size` px). Labels are annotations placed for this
    size: a picture or slide does not pan, so they stay on their regions (a page's map pans,
    so it has none)."""
    meta = fig.layout.meta
    if not isinstance(meta, dict) or not meta.get("bounds"):
        return
    centre, zoom = fit(tuple(meta["bounds"]), width, height)
    # fitted for this size and labelled: the page's script must not re-fit it to the browser
    fig.update_layout(map={"center": centre, "zoom": zoom}, meta={**meta, "fixed": True})
    kept = [a for a in fig.layout.annotations if a.name != "map_label"]
    fig.layout.annotations = kept
    for x, y, name, marked in placed(
        meta.get("labels") or [], centre, zoom, width, height, label_size
    ):
        fig.add_annotation(
            x=x,
            y=y,
            xref="paper",
            yref="paper",
            text=f"<b>{name}</b>" if marked else name,
            showarrow=False,
            font={"size": label_size + (3 if marked else 0), "color": "#111111"},
            bgcolor="rgba(255,255,255,0.85)" if marked else "rgba(255,255,255,0.6)",
            borderpad=1,
            name="map_label",
        )
