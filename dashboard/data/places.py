"""Where things are: region outlines for maps, the points a map picture writes names at, and
the lärcentrum registry's centres, network kommuner and coverage.

Apart from the figures (`queries`) because these are what a map draws on, not numbers; the
same named SQL files and process-wide cache serve both (`queries.run`).
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from dashboard.data import geometry_files
from dashboard.data.cache import process_cached
from dashboard.data.queries import database, run


def shapes(level: str) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with region codes as feature ids (shared: do not modify)."""
    return _parsed_shapes(level, *database())


@process_cached(max_entries=8)
def _parsed_shapes(level: str, path: str, version: str) -> dict[str, Any]:
    frame = run("shapes", level=level)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": code, "properties": {}, "geometry": json.loads(geometry)}
            for code, geometry in frame.iter_rows()
        ],
    }


def shapes_url(level: str) -> str | None:
    """A URL of the level's whole GeoJSON as a cached file (see geometry_files), or None."""
    return _published_shapes(level, *database())


@process_cached(max_entries=8)
def _published_shapes(level: str, path: str, version: str) -> str | None:
    return geometry_files.publish(level, shapes(level))


def map_shapes(
    level: str, shown: set[str], county: str = ""
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The regions a map colours (only those shown) and, over a kommun map, the län outlines
    (only the chosen län's when there is one)."""
    regions = shapes(level)
    regions = {**regions, "features": [f for f in regions["features"] if f["id"] in shown]}
    if level != "municipality":
        return regions, None
    counties = shapes("county")
    if county:
        counties = {**counties, "features": [f for f in counties["features"] if f["id"] == county]}
    return regions, counties


def larcentrum() -> pl.DataFrame:
    return run("larcentrum")


def network_kommuner() -> pl.DataFrame:
    return run("network_kommuner")


def registry_layers(county: str = "") -> tuple[pl.DataFrame, pl.DataFrame]:
    """Known centres and network-only kommuner, within one county when one is chosen: the
    map page and its slide filter them the same way."""
    centres, network = larcentrum(), network_kommuner()
    if county:
        centres = centres.filter(pl.col("county_code") == county)
        network = network.filter(pl.col("county_code") == county)
    return centres, network


def larcentrum_coverage() -> pl.DataFrame:
    return run("larcentrum_coverage")


def label_points() -> dict[str, tuple[float, float]]:
    """Kommun code → (lon, lat) of a point inside it, where a map picture writes its name."""
    frame = run("label_points")
    return {c: (lon, lat) for c, lon, lat in frame.iter_rows()}
