"""The analyst schema is a contract: names, types and comments are pinned here."""

from __future__ import annotations

import struct
from pathlib import Path

import duckdb
import pytest

CONTRACT: dict[str, list[tuple[str, str]]] = {
    "larcentrum": [
        ("name", "VARCHAR"),
        ("kommun_code", "VARCHAR"),
        ("locality", "VARCHAR"),
        ("latitude", "DOUBLE"),
        ("longitude", "DOUBLE"),
        ("location_precision", "VARCHAR"),
        ("website", "VARCHAR"),
        ("source", "VARCHAR"),
        ("verified_date", "DATE"),
    ],
    "municipality_point": [
        ("region_code", "VARCHAR"),
        ("latitude", "DOUBLE"),
        ("longitude", "DOUBLE"),
    ],
    "region_shape": [
        ("region_code", "VARCHAR"),
        ("region_level", "VARCHAR"),
        ("geojson", "VARCHAR"),
    ],
    "municipality_access": [
        ("region_code", "VARCHAR"),
        ("region_name", "VARCHAR"),
        ("county_code", "VARCHAR"),
        ("has_larcentrum", "BOOLEAN"),
        ("larcentrum_count", "BIGINT"),
        ("nearest_larcentrum", "VARCHAR"),
        ("distance_km_to_nearest", "DOUBLE"),
    ],
    "region": [
        ("region_code", "VARCHAR"),
        ("region_name", "VARCHAR"),
        ("region_level", "VARCHAR"),
        ("county_code", "VARCHAR"),
    ],
    "education_level": [
        ("level_code", "VARCHAR"),
        ("label_sv", "VARCHAR"),
        ("label_en", "VARCHAR"),
        ("level_group", "VARCHAR"),
        ("sort_order", "INTEGER"),
    ],
    "population_education": [
        ("year", "INTEGER"),
        ("region_code", "VARCHAR"),
        ("age_group", "VARCHAR"),
        ("sex", "VARCHAR"),
        ("level_code", "VARCHAR"),
        ("persons", "BIGINT"),
        ("source_id", "VARCHAR"),
        ("derivation", "VARCHAR"),
    ],
    "source": [
        ("source_id", "VARCHAR"),
        ("dataset_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("scb_table_id", "VARCHAR"),
        ("scb_table_name", "VARCHAR"),
        ("title", "VARCHAR"),
        ("query", "VARCHAR"),
        ("url", "VARCHAR"),
        ("origin_repository", "VARCHAR"),
        ("origin_commit", "VARCHAR"),
        ("origin_path", "VARCHAR"),
        ("licence", "VARCHAR"),
        ("file_path", "VARCHAR"),
        ("sha256", "VARCHAR"),
        ("scb_updated", "TIMESTAMP WITH TIME ZONE"),
        ("fetched_at", "TIMESTAMP WITH TIME ZONE"),
        ("loaded_at", "TIMESTAMP WITH TIME ZONE"),
    ],
    "scb_note": [
        ("source_id", "VARCHAR"),
        ("scope", "VARCHAR"),
        ("variable", "VARCHAR"),
        ("value_code", "VARCHAR"),
        ("mandatory", "BOOLEAN"),
        ("note_text", "VARCHAR"),
    ],
    "build_info": [
        ("build_id", "VARCHAR"),
        ("built_at", "TIMESTAMP WITH TIME ZONE"),
        ("schema_version", "INTEGER"),
        ("data_fingerprint", "VARCHAR"),
        ("noise_from_year", "INTEGER"),
        ("api_manifest", "VARCHAR"),
    ],
    "attainment": [
        ("year", "INTEGER"),
        ("region_code", "VARCHAR"),
        ("region_name", "VARCHAR"),
        ("region_level", "VARCHAR"),
        ("county_code", "VARCHAR"),
        ("age_group", "VARCHAR"),
        ("sex", "VARCHAR"),
        ("persons", "HUGEINT"),
        ("post_secondary_persons", "HUGEINT"),
        ("post_secondary_3plus_persons", "HUGEINT"),
        ("post_secondary_share", "DOUBLE"),
        ("post_secondary_3plus_share", "DOUBLE"),
    ],
    "gender_gap": [
        ("year", "INTEGER"),
        ("region_code", "VARCHAR"),
        ("region_name", "VARCHAR"),
        ("region_level", "VARCHAR"),
        ("county_code", "VARCHAR"),
        ("age_group", "VARCHAR"),
        ("women_share", "DOUBLE"),
        ("men_share", "DOUBLE"),
        ("gap_pp", "DOUBLE"),
        ("country_gap_pp", "DOUBLE"),
        ("rank_women", "BIGINT"),
        ("rank_men", "BIGINT"),
        ("rank_gap", "BIGINT"),
        ("n_regions", "BIGINT"),
    ],
    "series_break": [("year", "INTEGER"), ("note_text", "VARCHAR"), ("source_id", "VARCHAR")],
}


@pytest.fixture(scope="module")
def con(db_path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path), read_only=True)


@pytest.mark.parametrize("relation", sorted(CONTRACT))
def test_columns_and_types_are_pinned(con: duckdb.DuckDBPyConnection, relation: str) -> None:
    rows = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $t ORDER BY column_index",
        {"t": relation},
    ).fetchall()
    assert rows == CONTRACT[relation]


def test_every_table_view_and_column_is_commented(con: duckdb.DuckDBPyConnection) -> None:
    undocumented = con.execute("""
        SELECT table_name FROM duckdb_tables() WHERE comment IS NULL OR comment = ''
        UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND (comment IS NULL OR comment = '')
        UNION ALL SELECT table_name || '.' || column_name FROM duckdb_columns()
                  WHERE NOT internal AND (comment IS NULL OR comment = '')
    """).fetchall()
    assert undocumented == []
    relations = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
    }
    assert relations == {*CONTRACT, "gender_gap_by_measure", "access_vs_attainment"}


def test_accepted_values(con: duckdb.DuckDBPyConnection) -> None:
    assert {r[0] for r in con.execute("SELECT DISTINCT region_level FROM region").fetchall()} == {
        "country",
        "county",
        "municipality",
    }
    assert con.execute(
        "SELECT count(*) FROM region WHERE region_level = 'country' AND county_code IS NOT NULL"
    ).fetchone() == (0,)
    assert [
        r[0]
        for r in con.execute(
            "SELECT level_code FROM education_level ORDER BY sort_order"
        ).fetchall()
    ] == ["1", "2", "3", "4", "5", "6", "7", "US"]
    assert {r[0] for r in con.execute("SELECT DISTINCT sex FROM attainment").fetchall()} == {
        "women",
        "men",
        "total",
    }
    orphans = con.execute(
        "SELECT count(*) FROM population_education ANTI JOIN source USING (source_id)"
    ).fetchone()
    assert orphans == (0,)


def test_file_opens_in_duckdb_1x_clients(db_path: Path) -> None:
    # Header: 8-byte checksum, "DUCK", then the storage version number. DuckDB 1.x clients read
    # 64 and up to their own (1.4: 67); 2.x-only files carry 69+. v1.0.0 storage writes 64.
    header = db_path.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert struct.unpack("<Q", header[12:20])[0] == 64
