"""The analyst schema is a contract: names, types and comments are pinned here."""

from __future__ import annotations

import struct
from pathlib import Path

import duckdb
import pytest

KEYS = [
    ("year", "INTEGER"),
    ("region_code", "VARCHAR"),
    ("region_name", "VARCHAR"),
    ("region_level", "VARCHAR"),
    ("county_code", "VARCHAR"),
    ("age_group", "VARCHAR"),
]
SHARES = [(f"{c}", "DOUBLE") for c in ("women_share", "men_share", "total_share", "gap_pp")]
COUNTRY = [
    (f"country_{c}", "DOUBLE") for c in ("gap_pp", "women_share", "men_share", "total_share")
]
RANKS = [(c, "BIGINT") for c in ("rank_women", "rank_men", "rank_total", "rank_gap", "n_regions")]
COUNTY_RANKS = [
    ("county_name", "VARCHAR"),
    ("county_rank_women", "BIGINT"),
    ("county_rank_men", "BIGINT"),
    ("county_rank_gap", "BIGINT"),
    ("n_in_county", "BIGINT"),
]

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
        ("address", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("evidence_year", "VARCHAR"),
        ("confidence", "VARCHAR"),
        ("source_url", "VARCHAR"),
        ("origin", "VARCHAR"),
    ],
    "larcentrum_kommun_evidence": [
        ("kommun_code", "VARCHAR"),
        ("evidence_type", "VARCHAR"),
        ("network", "VARCHAR"),
        ("year", "VARCHAR"),
        ("source_url", "VARCHAR"),
        ("note", "VARCHAR"),
    ],
    "larcentrum_coverage": [
        ("county_code", "VARCHAR"),
        ("county_name", "VARCHAR"),
        ("kommuner", "BIGINT"),
        ("named_centre", "BIGINT"),
        ("network", "BIGINT"),
        ("none_known", "BIGINT"),
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
        ("evidence", "VARCHAR"),
        ("evidence_source_url", "VARCHAR"),
        ("evidence_year", "VARCHAR"),
    ],
    "region": [
        ("region_code", "VARCHAR"),
        ("region_name", "VARCHAR"),
        ("region_level", "VARCHAR"),
        ("county_code", "VARCHAR"),
        ("county_name", "VARCHAR"),
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
        ("persons", "BIGINT"),
        ("post_secondary_persons", "BIGINT"),
        ("post_secondary_3plus_persons", "BIGINT"),
        ("post_secondary_share", "DOUBLE"),
        ("post_secondary_3plus_share", "DOUBLE"),
        # schema v2: appended, so v1 queries by name and position keep working
        ("county_name", "VARCHAR"),
        ("known_level_persons", "BIGINT"),
        ("post_secondary_share_excl_unknown", "DOUBLE"),
        ("post_secondary_3plus_share_excl_unknown", "DOUBLE"),
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
        *COUNTY_RANKS,
    ],
    "gender_gap_by_measure": [
        *KEYS,
        ("measure", "VARCHAR"),
        *SHARES,
        *COUNTRY,
        *RANKS,
        *COUNTY_RANKS,
    ],
    "gender_gap_by_definition": [
        *KEYS,
        ("measure", "VARCHAR"),
        ("definition", "VARCHAR"),
        *SHARES,
        *COUNTRY,
        *RANKS,
        *COUNTY_RANKS,
    ],
    "coverage": [
        ("age_group", "VARCHAR"),
        ("year", "INTEGER"),
        ("sources", "VARCHAR"),
        ("derivation", "VARCHAR"),
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
    assert relations == {*CONTRACT, "access_vs_attainment"}


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


# --- schema v2 --------------------------------------------------------------------------------


def test_counts_are_bigint_for_every_client(con: duckdb.DuckDBPyConnection) -> None:
    """HUGEINT arrived as Decimal(38,0) in polars and float64 in pandas; BIGINT is an integer."""
    frame = con.cursor().sql("SELECT persons, known_level_persons FROM attainment LIMIT 1").pl()
    assert [str(t) for t in frame.dtypes] == ["Int64", "Int64"]


def test_riket_is_not_ranked_and_kommuner_are_ranked_in_their_county(
    con: duckdb.DuckDBPyConnection,
) -> None:
    riket = con.execute(
        "SELECT rank_women, rank_men, rank_gap, n_regions, county_rank_women FROM gender_gap "
        "WHERE region_code = '00' AND year = 2019 AND age_group = '25-64'"
    ).fetchone()
    assert riket == (None, None, None, None, None)
    sormland = con.execute(
        "SELECT region_name, county_rank_women, county_rank_men, county_rank_gap, n_in_county, "
        "county_name FROM gender_gap WHERE county_code = '04' AND region_level = 'municipality' "
        "AND year = 2019 AND age_group = '25-64' ORDER BY women_share DESC"
    ).fetchall()
    assert len(sormland) == 9 and {r[4] for r in sormland} == {9}
    assert [r[1] for r in sormland] == list(range(1, 10))
    assert sormland[0][0] == "Strängnäs" and sormland[0][5] == "Södermanlands län"
    assert sorted(r[3] for r in sormland) == list(range(1, 10))
    county = con.execute(
        "SELECT county_rank_women, n_in_county, county_name FROM gender_gap "
        "WHERE region_code = '04' AND year = 2019 AND age_group = '25-64'"
    ).fetchone()
    assert county == (None, None, "Södermanlands län")


def test_region_has_county_names(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT region_code, county_name FROM region WHERE region_code IN ('00', '04', '0486') "
        "ORDER BY 1"
    ).fetchall() == [("00", None), ("04", "Södermanlands län"), ("0486", "Södermanlands län")]
    assert con.execute(
        "SELECT count(*) FROM region WHERE region_level <> 'country' AND county_name IS NULL"
    ).fetchone() == (0,)


def test_coverage_says_which_age_groups_have_which_years(con: duckdb.DuckDBPyConnection) -> None:
    rows = {
        (a, y): (src, der, n)
        for a, y, src, der, n in con.execute("SELECT * FROM coverage").fetchall()
    }
    assert sorted(y for a, y in rows if a == "25-64") == [2019]
    assert sorted(y for a, y in rows if a == "16-74") == [2018, 2019, 2020, 2021, 2022]
    assert {n for _, _, n in rows.values()} == {312}
    sources, derivation, _ = rows[("25-64", 2019)]
    assert "UtbBefRegionR offline_file" in sources
    assert derivation == "sum_of_age_groups, sum_of_age_groups_and_municipalities"
    assert "TAB3981 offline_file" in rows[("16-74", 2022)][0]


def test_one_spelling_of_age_groups(con: duckdb.DuckDBPyConnection) -> None:
    groups = {r[0] for r in con.execute("SELECT DISTINCT age_group FROM coverage").fetchall()}
    assert all(g.count("-") == 1 and "–" not in g for g in groups)
    docs = (Path(__file__).resolve().parent.parent / "docs" / "schema.md").read_text("utf-8")
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    for text in (docs, readme):
        for group in ("16–74", "25–64", "25–34", "55–64"):
            assert group not in text, f"{group} written with an en dash"


def test_v1_views_keep_their_meaning(con: duckdb.DuckDBPyConnection) -> None:
    """gender_gap_by_measure and gender_gap are the unknown-included (Kolada) slice."""
    v1 = con.execute(
        "SELECT women_share FROM gender_gap_by_measure WHERE region_code = '20' AND year = 2019 "
        "AND age_group = '25-64' AND measure = 'post_secondary'"
    ).fetchall()
    v2 = con.execute(
        "SELECT women_share FROM gender_gap_by_definition WHERE region_code = '20' AND year = 2019 "
        "AND age_group = '25-64' AND measure = 'post_secondary' AND definition = 'unknown_included'"
    ).fetchall()
    assert v1 == v2 and len(v1) == 1 and v1[0][0] == pytest.approx(40.928089, abs=1e-6)
