"""What every source reader hands to the loader: the facts, their provenance and SCB's notes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polars as pl

#: Columns and types of the fact rows every reader produces.
FACT_SCHEMA: dict[str, pl.DataType] = {
    "year": pl.Int32(),
    "region_code": pl.String(),
    "age_group": pl.String(),
    "sex": pl.String(),
    "level_code": pl.String(),
    "persons": pl.Int64(),
}

SEX_BY_SCB_CODE = {"1": "men", "2": "women"}
LEVEL_CODES = ("1", "2", "3", "4", "5", "6", "7", "US")


@dataclass
class SourceRecord:
    """Provenance of one raw input: enough to find, re-fetch and verify it."""

    source_id: str
    kind: str  # offline_file | api_response | api_metadata | registry_file
    scb_table_id: str | None
    scb_table_name: str | None
    title: str
    query: str | None
    url: str | None
    origin_repository: str | None
    origin_commit: str | None
    origin_path: str | None
    licence: str
    file_path: str
    sha256: str
    scb_updated: datetime | None = None
    fetched_at: datetime | None = None
    #: The logical dataset the file belongs to: API responses are chunks of one dataset, and
    #: completeness is checked per dataset, not per chunk. Defaults to the source itself.
    dataset_id: str = ""

    def __post_init__(self) -> None:
        self.dataset_id = self.dataset_id or self.source_id


@dataclass
class ScbNote:
    """One of SCB's notes (footnotes) as published with the data."""

    source_id: str
    scope: str  # table | value
    variable: str | None
    value_code: str | None
    mandatory: bool
    text: str


@dataclass
class SourceBatch:
    """A source's facts, ready to load, with its provenance and notes."""

    record: SourceRecord
    facts: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=FACT_SCHEMA))
    notes: list[ScbNote] = field(default_factory=list)
    #: Regions this source's publication had; None = every region in the database. A file
    #: published before a kommun existed cannot be expected to hold it.
    expected_regions: list[str] | None = None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def git_blob_id(path: Path) -> str:
    """Git's object id of a file, to check a copy against its origin repository."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
