"""Write a complete database file from source batches: schema, facts, derivations, views.

The file is written in DuckDB's v1.0.0 storage format on purpose: analysts open it with
DuckDB 1.x tools (the `duckdb` CLI from PyPI, DBeaver, R), which cannot read 2.x-only files.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from etl.errors import ValidationError
from etl.sources.model import ScbNote, SourceBatch, SourceRecord
from etl.sql_files import sql
from etl.validate import BUILT_CHECKS, NOISE_FROM_YEAR, CheckResult, run_checks

SCHEMA_VERSION = 4
STORAGE_VERSION = "v1.0.0"
#: Newer API responses win over offline files where both give the same cell.
PRIORITY_BY_KIND = {"offline_file": 0, "api_metadata": 0, "api_response": 10}
VIEWS_IN_ORDER = [
    "views/attainment",
    "views/gender_gap_by_definition",
    "views/kommungrupp_gender_gap",
    "views/gender_gap_by_measure",
    "views/gender_gap",
    "views/series_break",
    "views/municipality_access",
    "views/access_vs_attainment",
    "views/larcentrum_coverage",
    "views/coverage",
]


@dataclass
class Places:
    """Lärcentrum and region geometry; empty by default (small test databases)."""

    larcentrum: pl.DataFrame | None = None
    points: pl.DataFrame | None = None
    shapes: pl.DataFrame | None = None
    larcentrum_sha256: str = ""
    kommun_evidence: pl.DataFrame | None = None
    #: the lärcentrum evidence files, recorded in `source` like the SCB files
    records: list[SourceRecord] = field(default_factory=list)


Step = Callable[[str], None]


def write_database(
    path: Path,
    regions: pl.DataFrame,
    records: list[SourceRecord],
    batches: list[SourceBatch],
    step: Step = lambda _: None,
    places: Places | None = None,
    api_manifest: str | None = None,
) -> list[CheckResult]:
    """Write and validate a new database at `path`; raise ValidationError if any check fails."""
    loaded_at = datetime.now(UTC).replace(tzinfo=None)  # UTC, as a plain TIMESTAMP
    places = places or Places()
    records = records + places.records  # the lärcentrum evidence files are sources too
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{path}' AS target (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute("USE target")
        step("creating tables")
        con.execute(sql("schema/tables"))
        _insert_regions(con, regions)
        _insert_sources(con, records + [b.record for b in batches], loaded_at)
        _insert_notes(con, [n for b in batches for n in b.notes])
        con.execute(sql("schema/geography"))
        _insert_places(con, places)

        step("loading facts")
        con.execute(sql("load/staging"))
        for batch in batches:
            _stage_facts(con, batch)
        _stage_expected_regions(con, batches)
        step("deriving 25-64 and län/riket sums")
        con.execute(sql("load/derive_age_25_64"))
        con.execute(sql("load/derive_regional_sums"))
        con.execute(sql("load/choose_facts"))

        step("validating")
        results = _passed(run_checks(con))

        step("creating views and ranked tables")
        for view in VIEWS_IN_ORDER:
            con.execute(sql(view))
        results += _passed(run_checks(con, BUILT_CHECKS))
        _insert_build_info(
            con,
            records + [b.record for b in batches],
            loaded_at,
            places.larcentrum_sha256,
            api_manifest,
        )
        con.execute("USE memory")
        con.execute("DETACH target")
        return results
    finally:
        con.close()


def _passed(results: list[CheckResult]) -> list[CheckResult]:
    """The results, or ValidationError naming every failed check."""
    failures = [(r.name, r.message()) for r in results if not r.passed]
    if failures:
        raise ValidationError(failures)
    return results


def _utc(stamp: datetime | None) -> datetime | None:
    """A naive datetime in UTC: the schema's timestamps are plain TIMESTAMP (UTC), since a
    TIMESTAMPTZ needs pytz in a bare Python duckdb."""
    return stamp.astimezone(UTC).replace(tzinfo=None) if stamp and stamp.tzinfo else stamp


def _insert_regions(con: duckdb.DuckDBPyConnection, regions: pl.DataFrame) -> None:
    for column in ("kommungrupp_code", "kommungrupp_name"):  # crafted test regions have none
        if column not in regions.columns:
            regions = regions.with_columns(pl.lit(None, pl.String).alias(column))
    con.register("regions_in", regions)
    con.execute(
        "INSERT INTO region SELECT region_code, region_name, region_level, county_code, NULL, "
        "kommungrupp_code, kommungrupp_name FROM regions_in"
    )
    con.unregister("regions_in")
    con.execute(
        "UPDATE region SET county_name = county.region_name FROM region AS county "
        "WHERE county.region_code = region.county_code"
    )


def _insert_sources(
    con: duckdb.DuckDBPyConnection, records: list[SourceRecord], loaded_at: datetime
) -> None:
    rows = [
        {
            **asdict(r),
            "scb_updated": _utc(r.scb_updated),
            "fetched_at": _utc(r.fetched_at),
            "loaded_at": loaded_at,
        }
        for r in records
    ]
    frame = pl.DataFrame(rows, infer_schema_length=None)
    con.register("sources_in", frame)
    con.execute("""
        INSERT INTO source BY NAME
        SELECT source_id, dataset_id, kind, scb_table_id, scb_table_name, title, query, url, origin_repository,
               origin_commit, origin_path, licence, file_path, sha256, scb_updated, fetched_at,
               loaded_at
        FROM sources_in
    """)
    con.unregister("sources_in")


def _insert_notes(con: duckdb.DuckDBPyConnection, notes: list[ScbNote]) -> None:
    if not notes:
        return
    frame = pl.DataFrame([asdict(n) for n in notes]).rename({"text": "note_text"})
    con.register("notes_in", frame)
    con.execute("INSERT INTO scb_note BY NAME SELECT DISTINCT * FROM notes_in")
    con.unregister("notes_in")


def _stage_facts(con: duckdb.DuckDBPyConnection, batch: SourceBatch) -> None:
    if batch.facts.is_empty():
        return
    con.register("facts_in", batch.facts)
    con.execute(
        "INSERT INTO staging_facts SELECT year, region_code, age_group, sex, level_code, persons, "
        "$source_id, $dataset_id, $priority, 'published' FROM facts_in",
        {
            "source_id": batch.record.source_id,
            "dataset_id": batch.record.dataset_id,
            "priority": PRIORITY_BY_KIND[batch.record.kind],
        },
    )
    con.unregister("facts_in")


def _stage_expected_regions(con: duckdb.DuckDBPyConnection, batches: list[SourceBatch]) -> None:
    expected = {
        (b.record.dataset_id, code)
        for b in batches
        if b.expected_regions is not None and not b.facts.is_empty()
        for code in b.expected_regions
    }
    frame = pl.DataFrame(
        sorted(expected), schema={"dataset_id": pl.String, "region_code": pl.String}, orient="row"
    )
    con.register("expected_in", frame)
    con.execute("INSERT INTO expected_region SELECT * FROM expected_in")
    con.unregister("expected_in")


def _insert_places(con: duckdb.DuckDBPyConnection, places: Places) -> None:
    for table, frame in (
        ("larcentrum", places.larcentrum),
        ("municipality_point", places.points),
        ("region_shape", places.shapes),
        ("larcentrum_kommun_evidence", places.kommun_evidence),
    ):
        if frame is None or frame.is_empty():
            continue
        con.register("places_in", frame)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM places_in")  # noqa: S608 (fixed names)
        con.unregister("places_in")


def _insert_build_info(
    con: duckdb.DuckDBPyConnection,
    records: list[SourceRecord],
    built_at: datetime,
    extra_sha256: str = "",
    api_manifest: str | None = None,
) -> None:
    digests = [*sorted(r.sha256 for r in records), extra_sha256]
    fingerprint = hashlib.sha256("\n".join(digests).encode()).hexdigest()
    con.execute(
        "INSERT INTO build_info VALUES ($id, $at, $schema, $fingerprint, $noise, $manifest)",
        {
            "id": uuid.uuid4().hex,
            "at": built_at,
            "schema": SCHEMA_VERSION,
            "fingerprint": fingerprint,
            "noise": NOISE_FROM_YEAR,
            "manifest": api_manifest,
        },
    )
