"""PxWeb API v2 json-stat2 documents (metadata and data responses).

Pure functions over parsed JSON: the refresh and the offline build both use them, and tests
feed them recorded SCB responses without any network.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

import polars as pl

from etl.errors import SourceError
from etl.sources.model import ScbNote


def category_codes(doc: dict[str, Any], dimension: str) -> list[str]:
    """A dimension's codes in the document's index order."""
    index = doc["dimension"][dimension]["category"]["index"]
    if isinstance(index, list):
        return list(index)
    return [code for code, _ in sorted(index.items(), key=lambda item: item[1])]


def category_labels(doc: dict[str, Any], dimension: str) -> dict[str, str]:
    category = doc["dimension"][dimension]["category"]
    labels: dict[str, str] = category.get("label", {})
    return {code: labels.get(code, code) for code in category_codes(doc, dimension)}


def updated_stamp(doc: dict[str, Any]) -> datetime | None:
    raw = doc.get("updated")
    return datetime.fromisoformat(raw.replace("Z", "+00:00")) if raw else None


def notes(doc: dict[str, Any], source_id: str) -> list[ScbNote]:
    """SCB's notes at table, dimension and category level, with their mandatory flags."""
    mandatory_table = (doc.get("extension") or {}).get("noteMandatory") or {}
    found = [
        ScbNote(source_id, "table", None, None, bool(mandatory_table.get(str(i))), _clean(text))
        for i, text in enumerate(doc.get("note") or [])
    ]
    seen: set[str] = set()
    for dim_id, dim in doc.get("dimension", {}).items():
        found += [
            ScbNote(source_id, "variable", dim_id, None, False, _clean(t))
            for t in dim.get("note") or []
        ]
        mandatory_cat = (dim.get("extension") or {}).get("categoryNoteMandatory") or {}
        for code, texts in (dim["category"].get("note") or {}).items():
            for i, text in enumerate(texts):
                # SCB repeats the Heby footnote under 03, 19 and 0331; keep each text once
                # per category so the dashboard can show it next to any of them.
                key = f"{dim_id}/{code}/{text}"
                if key in seen:
                    continue
                seen.add(key)
                flag = bool((mandatory_cat.get(code) or {}).get(str(i)))
                found.append(ScbNote(source_id, "value", dim_id, code, flag, _clean(text)))
    return found


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def data_frame(doc: dict[str, Any], where: str) -> pl.DataFrame:
    """A json-stat2 data response as one row per cell: a column per dimension + `value`.

    The value array is row-major over `id` in `size` order; a response whose value count
    does not match the product of its sizes is truncated or malformed and is refused.
    """
    for key in ("id", "size", "dimension", "value"):
        if key not in doc:
            raise SourceError(f"{where}: json-stat2 response has no '{key}'")
    ids: list[str] = doc["id"]
    codes = [category_codes(doc, d) for d in ids]
    sizes = [len(c) for c in codes]
    if sizes != list(doc["size"]):
        raise SourceError(f"{where}: dimension sizes {doc['size']} do not match categories {sizes}")
    values = doc["value"]
    if isinstance(values, dict):  # sparse form: {"index": value}
        dense: list[Any] = [None] * _product(sizes)
        for idx, value in values.items():
            dense[int(idx)] = value
        values = dense
    if len(values) != _product(sizes):
        raise SourceError(f"{where}: {len(values)} values for {_product(sizes)} cells")
    cells = list(itertools.product(*codes))
    frame: dict[str, list[Any]] = {dim: [cell[i] for cell in cells] for i, dim in enumerate(ids)}
    frame["value"] = values
    return pl.DataFrame(frame, schema={**dict.fromkeys(ids, pl.String), "value": pl.Float64})


def _product(sizes: list[int]) -> int:
    total = 1
    for size in sizes:
        total *= size
    return total
