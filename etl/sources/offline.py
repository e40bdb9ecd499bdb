"""The offline SCB files listed in `offline_catalogue.toml`, read from the data directory."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

from etl.errors import SourceError
from etl.sources import jsonstat2, kommungrupp
from etl.sources.model import SourceBatch, SourceRecord, git_blob_id, sha256_of
from etl.sources.pxweb_v1_json import read_v1_education_json
from etl.sources.region_codes import municipality_codes_by_name, read_region_codes
from etl.sources.utbbefregionr_csv import read_utbbefregionr_csv

CATALOGUE_PATH = Path(__file__).with_name("offline_catalogue.toml")
HOW_TO_GET_DATA = (
    "Point UTB_DATA_DIR (or --data-dir) at a folder with SCB's files as listed in "
    f"{CATALOGUE_PATH.name}, or fetch live data with `python -m etl refresh` on a machine "
    "that reaches statistikdatabasen.scb.se."
)


def load_catalogue() -> dict[str, dict[str, str]]:
    with CATALOGUE_PATH.open("rb") as handle:
        return tomllib.load(handle)


def require_data_dir(data_dir: Path | None, looked_in: list[Path]) -> Path:
    """The offline data directory, or an error that says where we looked and what to do."""
    if data_dir is None or not data_dir.is_dir():
        where = ", ".join(str(p) for p in ([data_dir] if data_dir else looked_in))
        raise SourceError(
            f"No offline SCB data directory found (looked in: {where}). {HOW_TO_GET_DATA}"
        )
    return data_dir


def _record(
    key: str, entry: dict[str, str], path: Path, scb_updated: datetime | None
) -> SourceRecord:
    return SourceRecord(
        source_id=f"offline:{key}",
        kind="api_metadata" if entry["role"] == "pxweb_v2_metadata" else "offline_file",
        scb_table_id=entry.get("scb_table_id"),
        scb_table_name=entry.get("scb_table_name"),
        title=entry["title"],
        query=entry.get("query"),
        url=None,
        origin_repository=entry.get("origin_repository"),
        origin_commit=entry.get("origin_commit"),
        origin_path=entry.get("origin_path"),
        licence=entry["licence"],
        file_path=entry["path"],
        sha256=sha256_of(path),
        scb_updated=scb_updated,
    )


def _checked_path(data_dir: Path, key: str, entry: dict[str, str]) -> Path:
    path = data_dir / entry["path"]
    if not path.is_file():
        raise SourceError(
            f"{path}: missing (source '{key}' of the offline catalogue). {HOW_TO_GET_DATA}"
        )
    expected = entry.get("git_blob")
    if expected and (actual := git_blob_id(path)) != expected:
        raise SourceError(
            f"{path}: content differs from the documented file (git blob {actual}, expected "
            f"{expected} from {entry.get('origin_repository')}); its provenance would be wrong"
        )
    return path


def read_offline_sources(data_dir: Path) -> tuple[pl.DataFrame, SourceRecord, list[SourceBatch]]:
    """Regions (with the code list's record) and one batch per offline source."""
    catalogue = load_catalogue()
    readers: dict[str, Callable[..., SourceBatch]] = {
        "facts_pxweb_v1_json": _read_v1,
        "facts_utbbefregionr_csv": _read_csv,
        "pxweb_v2_metadata": _read_metadata,
    }
    codes_entry = catalogue["region_codes"]
    codes_path = _checked_path(data_dir, "region_codes", codes_entry)
    regions = read_region_codes(codes_path)
    codes_record = _record("region_codes", codes_entry, codes_path, None)

    batches = []
    for key, entry in catalogue.items():
        if entry["role"] in _NOT_FACTS:
            continue
        path = _checked_path(data_dir, key, entry)
        batch = readers[entry["role"]](key, entry, path, regions)
        batch.expected_regions = regions["region_code"].to_list()
        batches.append(batch)
    return regions, codes_record, batches


#: Catalogue roles that are not SCB facts or notes: read by their own functions.
_NOT_FACTS = ("region_codes", "kommungrupp_skr_json")


def read_offline_kommungrupp(
    data_dir: Path, regions: pl.DataFrame
) -> tuple[pl.DataFrame, SourceRecord]:
    """SKR's kommungrupp 2023 per kommun of `regions` (the offline code list), with its record."""
    key = next(k for k, e in load_catalogue().items() if e["role"] == "kommungrupp_skr_json")
    entry = load_catalogue()[key]
    path = _checked_path(data_dir, key, entry)
    return kommungrupp.read_skr_file(path, regions), _record(key, entry, path, None)


def _read_v1(key: str, entry: dict[str, str], path: Path, regions: pl.DataFrame) -> SourceBatch:
    facts, notes, updated = read_v1_education_json(path, f"offline:{key}")
    return SourceBatch(_record(key, entry, path, updated), facts, notes)


def _read_csv(key: str, entry: dict[str, str], path: Path, regions: pl.DataFrame) -> SourceBatch:
    facts = read_utbbefregionr_csv(path, municipality_codes_by_name(regions))
    return SourceBatch(_record(key, entry, path, None), facts)


def _read_metadata(
    key: str, entry: dict[str, str], path: Path, regions: pl.DataFrame
) -> SourceBatch:
    try:
        wrapper: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: not readable JSON ({exc})") from exc
    doc = wrapper.get("response", wrapper)
    record = _record(key, entry, path, jsonstat2.updated_stamp(doc))
    if fetched := wrapper.get("fetchedAt"):
        record.fetched_at = datetime.fromisoformat(fetched.replace("Z", "+00:00"))
    record.url = wrapper.get("url")
    return SourceBatch(record, notes=jsonstat2.notes(doc, record.source_id))
