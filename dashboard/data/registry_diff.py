"""A region's own lärcentrum list against the registry: what it adds, removes and moves, and
the merged list to apply with `python -m etl larcentrum import`. No Streamlit and no writes:
the dashboard shows the difference and offers the file; applying it stays a CLI step."""

from __future__ import annotations

import hashlib
import math
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import polars as pl

from etl.larcentrum.registry import COLUMNS, RegistryError, validate

#: A centre that keeps its name but whose point moved further than this is "moved".
MOVED_KM = 1.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def diff(registry: pl.DataFrame, uploaded: pl.DataFrame, names: dict[str, str]) -> pl.DataFrame:
    """One row per change, for the kommuner the uploaded list covers: added, removed (from the
    list) or kept as evidence (from public pages; an import does not remove those), moved."""
    rows = []
    covered = set(uploaded["kommun_code"])
    current = registry.filter(pl.col("kommun_code").is_in(sorted(covered)))
    by_key = {(r["kommun_code"], r["name"].casefold()): r for r in current.iter_rows(named=True)}
    new_keys = set()
    for row in uploaded.iter_rows(named=True):
        key = (row["kommun_code"], row["name"].casefold())
        new_keys.add(key)
        old = by_key.get(key)
        if old is None:
            rows.append(_change("added", row, names))
        elif _km(old["latitude"], old["longitude"], row["latitude"], row["longitude"]) > MOVED_KM:
            km = _km(old["latitude"], old["longitude"], row["latitude"], row["longitude"])
            rows.append(_change("moved", row, names, km))
    for key, old in by_key.items():
        if key not in new_keys:
            change = "removed" if old["origin"] == "list" else "kept_evidence"
            rows.append(_change(change, old, names))
    return pl.DataFrame(
        rows,
        schema={
            "change": pl.String,
            "kommun": pl.String,
            "name": pl.String,
            "locality": pl.String,
            "moved_km": pl.Float64,
        },
    ).sort("kommun", "change", "name")


def _change(
    change: str, row: dict[str, object], names: dict[str, str], km: float | None = None
) -> dict[str, object]:
    return {
        "change": change,
        "kommun": names.get(str(row["kommun_code"]), str(row["kommun_code"])),
        "name": row["name"],
        "locality": row.get("locality"),
        "moved_km": round(km, 1) if km is not None else None,
    }


def merged(current_list: pl.DataFrame, uploaded: pl.DataFrame) -> pl.DataFrame:
    """The list with the uploaded kommuner's rows replaced by the upload's: the file to import."""
    covered = sorted(set(uploaded["kommun_code"]))
    kept = current_list.filter(~pl.col("kommun_code").is_in(covered))
    return pl.concat([kept.select(COLUMNS), uploaded.select(COLUMNS)]).sort("kommun_code", "name")


#: Verdicts on uploaded files by content: a rerun of the page (any click) does not parse the
#: same file again, and a refused file stays refused without another worker.
_VERDICTS: OrderedDict[tuple[str, str], pl.DataFrame | RegistryError] = OrderedDict()
_VERDICTS_KEPT = 16
_LOCK = threading.Lock()


def checked_upload(
    data: bytes,
    suffix: str,
    shapes: dict[str, object],
    on_wait: Callable[[], object] | None = None,
) -> pl.DataFrame:
    """An uploaded list validated (in the bounded parse worker, see `etl.larcentrum.reading`),
    or RegistryError; remembered by content. `on_wait` runs while the worker works: a Streamlit
    call there lets a rerun or a closed tab stop it."""
    key = (hashlib.sha256(data).hexdigest(), suffix)
    with _LOCK:
        known = _VERDICTS.get(key)
    if known is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"upload{suffix}"
            path.write_bytes(data)
            try:
                known = validate(path, shapes, on_wait=on_wait)
            except RegistryError as exc:
                if "took longer than" in str(exc) or "needed more than" in str(exc):
                    raise  # a bound, not a verdict on the content: not remembered
                known = exc
        with _LOCK:
            _VERDICTS[key] = known
            while len(_VERDICTS) > _VERDICTS_KEPT:
                _VERDICTS.popitem(last=False)
    if isinstance(known, RegistryError):
        raise known
    return known


def current_list(path: Path, shapes: dict[str, object]) -> pl.DataFrame:
    """The installed list, validated once per file version (size and modification time)."""
    stat = path.stat()
    key = (f"{path}:{stat.st_size}:{stat.st_mtime_ns}", "installed")
    with _LOCK:
        known = _VERDICTS.get(key)
    if not isinstance(known, pl.DataFrame):
        known = validate(path, shapes)
        with _LOCK:
            _VERDICTS[key] = known
    return known
