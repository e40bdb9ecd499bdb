"""Where a map looks: the centre and zoom that fit what it shows into the picture.

A county map keeps Sweden's view otherwise, and Sörmland becomes a speck. MapLibre (Plotly's
`map` subplots) draws the world 512·2^zoom pixels wide in Web Mercator, so the largest zoom
that fits a bounding box into W×H pixels follows from the box's longitude span and its Mercator
height. The bounds travel with the figure (`layout.meta`), so a slide, a PNG and the PPTX
picture re-fit to their own size.
"""

from __future__ import annotations

import math
from typing import Any

import shapely
from shapely.geometry import shape

Bounds = tuple[float, float, float, float]  # west, south, east, north
#: Room around the regions, in zoom levels (0.25 ≈ 16 % on each axis).
PADDING_ZOOM = 0.25
TILE = 512


def bounds_of(geojson: dict[str, Any]) -> Bounds | None:
    """The bounding box of every feature's geometry, or None for an empty map."""
    shapes = [shape(f["geometry"]) for f in geojson.get("features", []) if f.get("geometry")]
    if not shapes:
        return None
    west, south, east, north = shapely.union_all(shapes).bounds
    return (west, south, east, north)


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


def view(centre: dict[str, float], zoom: float, width: int, height: int) -> Bounds:
    """What a map with this centre and zoom shows in width×height pixels (for tests)."""
    world = TILE * 2**zoom
    half_lon = width / world * 180
    middle = _mercator(centre["lat"])
    half_merc = height / world * math.pi
    south = math.degrees(2 * math.atan(math.exp(middle - half_merc)) - math.pi / 2)
    north = math.degrees(2 * math.atan(math.exp(middle + half_merc)) - math.pi / 2)
    return (centre["lon"] - half_lon, south, centre["lon"] + half_lon, north)


def apply(fig: Any, width: int, height: int) -> None:
    """Re-fit a map figure whose bounds it carries to a plot area of width×height."""
    meta = fig.layout.meta
    if not isinstance(meta, dict) or not meta.get("bounds"):
        return
    centre, zoom = fit(tuple(meta["bounds"]), width, height)
    fig.update_layout(map={"center": centre, "zoom": zoom})
