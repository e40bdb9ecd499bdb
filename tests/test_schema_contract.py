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

#: schema v4: appended to the ranked table
PEER_RANKS = [
    ("kommungrupp_code", "VARCHAR"),
    ("kommungrupp_name", "VARCHAR"),
    ("kommungrupp_rank_women", "BIGINT"),
    ("kommungrupp_rank_men", "BIGINT"),
    ("kommungrupp_rank_total", "BIGINT"),
    ("kommungrupp_rank_gap", "BIGINT"),
    ("n_in_kommungrupp", "BIGINT"),
    ("county_rank_total", "BIGINT"),
    ("age_order", "INTEGER"),
    ("source_table", "VARCHAR"),
    ("scb_updated", "TIMESTAMP"),
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
        ("has_known_larcentrum", "BOOLEAN"),
    ],
    "region": [
        ("region_code", "VARCHAR"),
        ("region_name", "VARCHAR"),
        ("region_level", "VARCHAR"),
        ("county_code", "VARCHAR"),
        ("county_name", "VARCHAR"),
        ("kommungrupp_code", "VARCHAR"),
        ("kommungrupp_name", "VARCHAR"),
    ],
    "age_group": [
        ("age_group", "VARCHAR"),
        ("age_from", "INTEGER"),
        ("age_to", "INTEGER"),
        ("sort_order", "INTEGER"),
        ("is_total", "BOOLEAN"),
        ("label_sv", "VARCHAR"),
        ("label_en", "VARCHAR"),
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
        ("scb_updated", "TIMESTAMP"),
        ("fetched_at", "TIMESTAMP"),
        ("loaded_at", "TIMESTAMP"),
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
        ("built_at", "TIMESTAMP"),
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
        # schema v4: appended
        ("age_order", "INTEGER"),
        ("source_table", "VARCHAR"),
        ("scb_updated", "TIMESTAMP"),
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
        *PEER_RANKS,
    ],
    "kommungrupp_gender_gap": [
        ("year", "INTEGER"),
        ("age_group", "VARCHAR"),
        ("measure", "VARCHAR"),
        ("definition", "VARCHAR"),
        ("kommungrupp_code", "VARCHAR"),
        ("kommungrupp_name", "VARCHAR"),
        ("n_kommuner", "BIGINT"),
        *SHARES,
        ("country_women_share", "DOUBLE"),
        ("country_men_share", "DOUBLE"),
        ("country_total_share", "DOUBLE"),
        ("country_gap_pp", "DOUBLE"),
        ("age_order", "INTEGER"),
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


# --- schema v4 --------------------------------------------------------------------------------


def test_schema_version_is_4(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute("SELECT schema_version FROM build_info").fetchone() == (4,)


def test_no_column_needs_pytz_or_arrives_as_a_decimal(con: duckdb.DuckDBPyConnection) -> None:
    """Issue 21: TIMESTAMPTZ needs pytz in a bare Python duckdb; HUGEINT is no integer there."""
    odd = con.execute(
        "SELECT table_name || '.' || column_name || ' ' || data_type FROM duckdb_columns() "
        "WHERE NOT internal AND schema_name = 'main' AND database_name = current_database() "
        "AND (data_type IN ('TIMESTAMP WITH TIME ZONE', 'HUGEINT') OR data_type LIKE 'DECIMAL%')"
    ).fetchall()
    assert odd == []
    (built_at,) = con.execute("SELECT built_at FROM build_info").fetchone() or (None,)
    assert built_at is not None and built_at.tzinfo is None  # naive UTC, no pytz involved


def test_kommungrupp_sizes_and_the_habo_collision(con: duckdb.DuckDBPyConnection) -> None:
    sizes = con.execute(
        "SELECT kommungrupp_code, count(*) FROM region WHERE region_level = 'municipality' "
        "GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert sizes == list(
        zip(
            ["A1", "A2", "B3", "B4", "B5", "C6", "C7", "C8", "C9"],
            [3, 43, 23, 63, 24, 27, 51, 35, 21],
            strict=True,
        )
    )
    assert con.execute(
        "SELECT count(*) FROM region WHERE region_level <> 'municipality' "
        "AND (kommungrupp_code IS NOT NULL OR kommungrupp_name IS NOT NULL)"
    ).fetchone() == (0,)
    # Håbo and Habo fold to the same name; the order of SKR's file tells them apart
    assert con.execute(
        "SELECT region_code, region_name, kommungrupp_code, kommungrupp_name FROM region "
        "WHERE region_code IN ('0305', '0643', '0486') ORDER BY 1"
    ).fetchall() == [
        ("0305", "Håbo", "A2", "Pendlingskommun nära storstad"),
        ("0486", "Strängnäs", "B4", "Pendlingskommun nära större stad"),
        ("0643", "Habo", "B4", "Pendlingskommun nära större stad"),
    ]
    (source,) = con.execute(
        "SELECT count(*) FROM source WHERE source_id = 'offline:skr_kommungrupp_2023' "
        "AND length(sha256) = 64 AND origin_path = 'my-app/data/kommunpopgrupp.json'"
    ).fetchone() or (0,)
    assert source == 1


def test_strangnas_is_ranked_in_its_kommungrupp(con: duckdb.DuckDBPyConnection) -> None:
    row = con.execute(
        "SELECT kommungrupp_code, kommungrupp_rank_women, kommungrupp_rank_men, "
        "kommungrupp_rank_total, n_in_kommungrupp, county_rank_total FROM gender_gap_by_definition "
        "WHERE region_code = '0486' AND year = 2019 AND age_group = '25-64' "
        "AND measure = 'post_secondary' AND definition = 'unknown_included'"
    ).fetchone()
    assert row == ("B4", 10, 8, 8, 63, 1)
    # the ranks are RANK() over the group's kommuner, recomputed here without the table
    recomputed = con.execute("""
        WITH shares AS (
            SELECT region_code, post_secondary_share AS share FROM attainment JOIN region USING (region_code)
            WHERE year = 2019 AND age_group = '25-64' AND sex = 'women' AND kommungrupp_code = 'B4'
        )
        SELECT 1 + count(*) FILTER (WHERE share > (SELECT share FROM shares WHERE region_code = '0486'))
        FROM shares
    """).fetchone()
    assert recomputed == (10,)
    assert con.execute(
        "SELECT count(*) FROM gender_gap_by_definition WHERE region_level <> 'municipality' AND "
        "(kommungrupp_rank_total IS NOT NULL OR n_in_kommungrupp IS NOT NULL "
        "OR county_rank_total IS NOT NULL)"
    ).fetchone() == (0,)


def test_ties_share_a_rank_and_skip_the_next(con: duckdb.DuckDBPyConnection) -> None:
    """Competition ranking (1, 2, 2, 4), as the comments say: RANK(), not DENSE_RANK()."""
    sql = Path(__file__).resolve().parent.parent / "etl" / "sql" / "views"
    text = (sql / "gender_gap_by_definition.sql").read_text("utf-8")
    assert text.count("rank() OVER") == 12 and "dense_rank" not in text.lower()
    comments = con.execute(
        "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = "
        "'gender_gap_by_definition' AND column_name LIKE '%rank%'"
    ).fetchall()
    assert len(comments) == 12 and all("1, 2, 2, 4" in c for _, c in comments)
    # and in the data: wherever two kommuner share a rank, the next rank is skipped
    skipped = con.execute("""
        WITH r AS (
            SELECT rank_gap, count(*) AS n,
                   lead(rank_gap) OVER (PARTITION BY year, age_group, measure, definition ORDER BY rank_gap) AS next_rank
            FROM gender_gap_by_definition WHERE region_level = 'municipality' AND rank_gap IS NOT NULL
            GROUP BY year, age_group, measure, definition, rank_gap
        )
        SELECT count(*) FILTER (WHERE next_rank IS NOT NULL AND next_rank <> rank_gap + n) FROM r
    """).fetchone()
    assert skipped == (0,)


def test_age_groups_in_age_order(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT age_group, age_from, age_to, is_total FROM age_group ORDER BY sort_order"
    ).fetchall() == [
        ("16-24", 16, 24, False),
        ("25-34", 25, 34, False),
        ("35-44", 35, 44, False),
        ("45-54", 45, 54, False),
        ("55-64", 55, 64, False),
        ("65-74", 65, 74, False),
        ("16-74", 16, 74, True),
        ("25-64", 25, 64, True),
    ]
    ordered = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT age_group, age_order FROM attainment ORDER BY age_order"
        ).fetchall()
    ]
    assert ordered[0] == "16-24" and ordered[-2:] == ["16-74", "25-64"]
    assert con.execute(
        "SELECT count(*) FROM gender_gap_by_definition g JOIN age_group a USING (age_group) "
        "WHERE g.age_order IS DISTINCT FROM a.sort_order"
    ).fetchone() == (0,)


def test_rows_name_their_source_table(con: duckdb.DuckDBPyConnection) -> None:
    """The 2019 25-64 figures of the offline build are UtbBefRegionR's; 16-74 is TAB3981's."""
    rows = dict(
        con.execute(
            "SELECT age_group, string_agg(DISTINCT source_table, '|') FROM attainment GROUP BY 1"
        ).fetchall()
    )
    assert rows["25-64"] == "UtbBefRegionR" and rows["16-74"] == "TAB3981"
    stamps = con.execute(
        "SELECT DISTINCT source_table, scb_updated FROM gender_gap_by_definition ORDER BY 1"
    ).fetchall()
    recorded = con.execute(
        "SELECT DISTINCT scb_table_id, scb_updated FROM source "
        "WHERE source_id IN (SELECT source_id FROM population_education) ORDER BY 1"
    ).fetchall()
    assert stamps == recorded and stamps[0][1] is not None  # TAB3981's stamp, UtbBefRegionR none


def test_kommungrupp_shares_are_summed_persons(con: duckdb.DuckDBPyConnection) -> None:
    """Recomputed from population_education: the group's persons summed, then divided."""
    expected = con.execute("""
        SELECT r.kommungrupp_code,
               100.0 * sum(f.persons) FILTER (WHERE f.sex = 'women' AND f.level_code IN ('5', '6', '7'))
                     / sum(f.persons) FILTER (WHERE f.sex = 'women'),
               100.0 * sum(f.persons) FILTER (WHERE f.level_code IN ('6', '7')) / sum(f.persons)
        FROM population_education f JOIN region r USING (region_code)
        WHERE r.region_level = 'municipality' AND f.year = 2019 AND f.age_group = '25-64'
        GROUP BY 1 ORDER BY 1
    """).fetchall()
    got = con.execute("""
        SELECT a.kommungrupp_code, a.women_share, b.total_share
        FROM kommungrupp_gender_gap a JOIN kommungrupp_gender_gap b USING (year, age_group, kommungrupp_code)
        WHERE a.year = 2019 AND a.age_group = '25-64' AND a.definition = 'unknown_included'
          AND b.definition = 'unknown_included' AND a.measure = 'post_secondary'
          AND b.measure = 'post_secondary_3plus'
        ORDER BY 1
    """).fetchall()
    assert [g[0] for g in got] == [e[0] for e in expected] and len(got) == 9
    for g, e in zip(got, expected, strict=True):
        assert g[1] == pytest.approx(e[1], abs=1e-9) and g[2] == pytest.approx(e[2], abs=1e-9)
    sizes = con.execute(
        "SELECT n_kommuner, gap_pp - (women_share - men_share), country_gap_pp FROM "
        "kommungrupp_gender_gap WHERE year = 2019 AND age_group = '25-64' AND kommungrupp_code = 'A1'"
    ).fetchall()
    riket = con.execute(
        "SELECT gap_pp FROM gender_gap WHERE region_code = '00' AND year = 2019 AND age_group = '25-64'"
    ).fetchone()
    assert len(sizes) == 4 and {s[0] for s in sizes} == {3} and {s[1] for s in sizes} == {0}
    assert riket is not None and riket[0] in {s[2] for s in sizes}


def test_known_centre_counts_kommun_level_evidence(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT evidence, has_larcentrum, has_known_larcentrum, count(*) FROM municipality_access "
        "GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert [(e, h, k) for e, h, k, _ in rows] == [
        ("named_centre", True, True),
        ("network", False, True),
        ("none_known", False, False),
    ]
    assert con.execute(
        "SELECT count(*) FROM access_vs_attainment a JOIN municipality_access m USING (region_code) "
        "WHERE a.has_known_larcentrum IS DISTINCT FROM m.has_known_larcentrum"
    ).fetchone() == (0,)
