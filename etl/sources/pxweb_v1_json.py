"""PxWeb API v1 JSON responses (`{"columns", "comments", "data", "metadata"}`) as fact rows."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

from etl.errors import SourceError
from etl.sources.model import FACT_SCHEMA, LEVEL_CODES, SEX_BY_SCB_CODE, ScbNote

REQUIRED_DIMENSIONS = ("Region", "UtbildningsNiva", "Kon", "Tid")
#: With `Alder` eliminated from the query, TAB3981 counts everyone 16-74.
ELIMINATED_AGE_GROUP = "16-74"


def read_v1_education_json(
    path: Path, source_id: str
) -> tuple[pl.DataFrame, list[ScbNote], datetime | None]:
    """Fact rows, SCB's notes and SCB's `updated` stamp from a v1 TAB3981 response."""
    try:
        doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: not readable PxWeb v1 JSON ({exc})") from exc
    if not isinstance(doc, dict) or not {"columns", "data"} <= doc.keys():
        raise SourceError(f"{path}: a PxWeb v1 response needs 'columns' and 'data'")

    dims = [c["code"] for c in doc["columns"] if c.get("type") in ("d", "t")]
    missing = [d for d in REQUIRED_DIMENSIONS if d not in dims]
    if missing:
        raise SourceError(f"{path}: dimensions {missing} missing; found {dims}")
    position = {code: dims.index(code) for code in dims}

    rows = []
    for i, cell in enumerate(doc["data"]):
        key, values = cell.get("key"), cell.get("values")
        if not isinstance(key, list) or len(key) != len(dims) or not values:
            raise SourceError(f"{path}: data[{i}] has key {key!r}; expected {len(dims)} codes")
        level, sex = key[position["UtbildningsNiva"]], key[position["Kon"]]
        if level not in LEVEL_CODES:
            raise SourceError(f"{path}: data[{i}] has unknown education level {level!r}")
        if sex not in SEX_BY_SCB_CODE:
            raise SourceError(f"{path}: data[{i}] has unknown sex code {sex!r}")
        rows.append(
            (
                _year(path, i, key[position["Tid"]]),
                key[position["Region"]],
                key[position["Alder"]] if "Alder" in position else ELIMINATED_AGE_GROUP,
                SEX_BY_SCB_CODE[sex],
                level,
                _count(path, i, values[0]),
            )
        )
    facts = pl.DataFrame(rows, schema=FACT_SCHEMA, orient="row")
    return facts, _notes(doc, source_id), _updated(doc)


def _year(path: Path, i: int, raw: str) -> int:
    if not (len(raw) == 4 and raw.isascii() and raw.isdigit()):
        raise SourceError(f"{path}: data[{i}] has year {raw!r}; expected four digits")
    return int(raw)


def _count(path: Path, i: int, raw: str) -> int:
    # SCB writes ".." for a missing value; a count must be a whole number, never guessed.
    if not (raw.strip().isascii() and raw.strip().isdigit()):
        raise SourceError(f"{path}: data[{i}] has count {raw!r}; expected a non-negative integer")
    return int(raw)


def _notes(doc: dict[str, Any], source_id: str) -> list[ScbNote]:
    notes = [
        ScbNote(source_id, "value", c.get("variable"), c.get("value"), True, c["comment"].strip())
        for c in doc.get("comments", [])
    ]
    notes += [
        ScbNote(source_id, "variable", c["code"], None, False, c["comment"].strip())
        for c in doc["columns"]
        if c.get("comment")
    ]
    return notes


def _updated(doc: dict[str, Any]) -> datetime | None:
    for meta in doc.get("metadata", []):
        if meta.get("updated"):
            return datetime.fromisoformat(meta["updated"].replace("Z", "+00:00"))
    return None
