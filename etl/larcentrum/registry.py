"""Validate a lärcentrum list (CSV or .xlsx) as regions keep it themselves: read it, bounded
(`etl.larcentrum.reading`), then check every row.

Every problem is reported with its line number, all at once, and nothing is loaded unless the
whole file passes: a half-imported list would silently misplace centres on the map.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etl.formula_guard import is_formula
from etl.larcentrum.reading import DEFAULT_MAX_CHARS, MAX_CHARS, RegistryError, read_rows

if TYPE_CHECKING:  # polars and shapely load where used: the parse worker starts without them
    import polars as pl
    import shapely

REQUIRED = ["name", "kommun_code", "latitude", "longitude", "location_precision", "source"]
OPTIONAL = ["locality", "website", "verified_date"]
COLUMNS = [*REQUIRED[:2], "locality", *REQUIRED[2:5], "website", "source", "verified_date"]
PRECISIONS = ("address", "locality", "municipality")
#: Sweden's extent with a small margin (Smygehuk 55.34 N … Treriksröset 69.06 N; 10.96 … 24.17 E)
SWEDEN = {"lat": (55.0, 69.2), "lon": (10.5, 24.3)}
#: A locality point may sit on a simplified border; 0.01° is about 1 km.
BORDER_TOLERANCE_DEGREES = 0.01
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def __getattr__(name: str) -> Any:
    """`SCHEMA`, built on first use (polars is not imported by the parse worker)."""
    if name == "SCHEMA":
        return schema()
    raise AttributeError(name)


def schema() -> dict[str, pl.DataType]:
    import polars as pl

    return {
        "name": pl.String(),
        "kommun_code": pl.String(),
        "locality": pl.String(),
        "latitude": pl.Float64(),
        "longitude": pl.Float64(),
        "location_precision": pl.String(),
        "website": pl.String(),
        "source": pl.String(),
        "verified_date": pl.Date(),
    }


def validate(
    path: Path,
    kommun_shapes: dict[str, shapely.Geometry],
    on_wait: Callable[[], object] | None = None,
) -> pl.DataFrame:
    """The file as a clean frame, or RegistryError listing every problem (the parse bounded
    in time and memory, see `read_rows`)."""
    header, rows = read_rows(path, on_wait=on_wait)
    if missing := [c for c in REQUIRED if c not in header]:
        raise RegistryError(
            path,
            [
                f"line 1: missing required column(s) {', '.join(missing)} "
                f"(found: {', '.join(h for h in header if h) or 'nothing'})"
            ],
        )
    problems: list[str] = []
    clean: list[dict[str, object]] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        errors, record = _check_row(row.values, kommun_shapes, row.lengths)
        key = (str(record.get("name", "")).casefold(), str(record.get("kommun_code", "")))
        if key[0] and key in seen:
            errors.append(f"duplicate of line {seen[key]} (same name and kommun)")
        seen.setdefault(key, row.line)
        problems += [f"line {row.line}: {e}" for e in errors]
        clean.append(record)
    if not rows:
        problems.append("line 2: the file has no centres")
    if problems:
        raise RegistryError(path, problems)
    import polars as pl

    return pl.DataFrame(clean, schema=schema()).select(COLUMNS)


def _check_row(
    values: dict[str, str],
    shapes: dict[str, shapely.Geometry],
    lengths: dict[str, int] | None = None,
) -> tuple[list[str], dict[str, object]]:
    import shapely

    errors: list[str] = _text_problems(values, lengths)
    name = values.get("name", "")
    if not name:
        errors.append("name is empty")
    code = values.get("kommun_code", "")
    if re.fullmatch(r"\d{3}", code):
        code = "0" + code  # Excel drops the leading zero of 0114 … 0999
    if code not in shapes:
        errors.append(
            f"kommun code {values.get('kommun_code')!r} is not one of Sweden's 290 kommuner"
        )
    lat, lon = _number(values.get("latitude", "")), _number(values.get("longitude", ""))
    if lat is None or lon is None:
        errors.append(
            f"latitude/longitude {values.get('latitude')!r}, {values.get('longitude')!r} are not numbers"
        )
    elif not (
        SWEDEN["lat"][0] <= lat <= SWEDEN["lat"][1] and SWEDEN["lon"][0] <= lon <= SWEDEN["lon"][1]
    ):
        errors.append(
            f"coordinates {lat}, {lon} are outside Sweden (latitude first, then longitude)"
        )
    elif (
        code in shapes and shapes[code].distance(shapely.Point(lon, lat)) > BORDER_TOLERANCE_DEGREES
    ):
        errors.append(f"coordinates {lat}, {lon} are outside kommun {code}")
    precision = values.get("location_precision", "")
    if precision not in PRECISIONS:
        errors.append(f"location_precision {precision!r} must be one of {', '.join(PRECISIONS)}")
    if not values.get("source"):
        errors.append("source is empty: say which document or page the centre comes from")
    website = values.get("website", "")
    if website and not re.match(r"https?://", website):
        errors.append(f"website {website!r} must start with http:// or https://")
    verified = None
    if raw := values.get("verified_date", ""):
        try:
            verified = date.fromisoformat(raw)
        except ValueError:
            errors.append(f"verified_date {raw!r} is not a date (YYYY-MM-DD)")
    record: dict[str, object] = {
        "name": name,
        "kommun_code": code,
        "locality": values.get("locality") or None,
        "latitude": lat,
        "longitude": lon,
        "location_precision": precision,
        "website": website or None,
        "source": values.get("source", ""),
        "verified_date": verified,
    }
    return errors, record


def _text_problems(values: dict[str, str], lengths: dict[str, int] | None = None) -> list[str]:
    """Over-long fields, control characters and formula-like text, named by column. The
    length is checked first: a value over its limit is reported and not scanned further."""
    problems = []
    lengths = lengths or {}
    for column, value in values.items():
        limit = MAX_CHARS.get(column, DEFAULT_MAX_CHARS)
        length = lengths.get(column, len(value))
        if length > limit:
            problems.append(f"{column} is {length:,} characters long; at most {limit:,}")
            continue
        if _CONTROL.search(value):
            problems.append(f"{column} contains control characters (NUL, tab or line breaks)")
        if column not in ("latitude", "longitude") and is_formula(value):
            problems.append(
                f"{column} starts with {value.lstrip()[:1]!r}, which spreadsheets run as a formula"
            )
    return problems


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").replace("\u2212", "-"))  # Swedish decimal comma
    except ValueError:
        return None
