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


def apply(fig: Any, width: int, height: int, label_size: int = 12) -> None:
    """Re-fit a map figure whose bounds it carries to a plot area of width×height, and name
    the regions it carries labels for. Labels are annotations placed for this size: a picture
    or slide does not pan, so they stay on their regions (a page's map pans, so it has none)."""
    meta = fig.layout.meta
    if not isinstance(meta, dict) or not meta.get("bounds"):
        return
    centre, zoom = fit(tuple(meta["bounds"]), width, height)
    # fitted for this size and labelled: the page's script must not re-fit it to the browser
    fig.update_layout(map={"center": centre, "zoom": zoom}, meta={**meta, "fixed": True})
    kept = [a for a in fig.layout.annotations if a.name != "map_label"]
    fig.layout.annotations = kept
    for lon, lat, name, marked in meta.get("labels") or []:
        x, y = paper_position(lon, lat, centre, zoom, width, height)
        if 0 <= x <= 1 and 0 <= y <= 1:
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
