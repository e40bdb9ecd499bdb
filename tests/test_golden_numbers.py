"""Numbers users quote, computed by hand from the raw files and from Kolada, must come out exactly."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest


@pytest.fixture(scope="module")
def con(db_path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path), read_only=True)


def _shares(
    con: duckdb.DuckDBPyConnection, year: int, age: str, region: str
) -> tuple[float, float, float]:
    row = con.execute(
        "SELECT women_share, men_share, gap_pp FROM gender_gap WHERE year = $y AND age_group = $a AND region_code = $r",
        {"y": year, "a": age, "r": region},
    ).fetchone()
    assert row is not None
    return row


def test_dalarna_2019_equals_kolada_n01982(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    with (data_dir / "kolada_dalastrategin_N01982" / "eftergym.csv").open(
        encoding="utf-8"
    ) as handle:
        kolada = {
            (int(r["year"]), r["gender"]): float(r[next(k for k in r if k.startswith("eftergym"))])
            for r in csv.DictReader(handle)
        }
    women, men, _ = _shares(con, 2019, "25-64", "20")
    assert women == pytest.approx(kolada[(2019, "K")], abs=1e-6)
    assert men == pytest.approx(kolada[(2019, "M")], abs=1e-6)
    (total,) = con.execute(
        "SELECT post_secondary_share FROM attainment WHERE year = 2019 AND age_group = '25-64' "
        "AND region_code = '20' AND sex = 'total'"
    ).fetchone() or (None,)
    assert total == pytest.approx(kolada[(2019, "T")], abs=1e-6)


@pytest.mark.parametrize(
    ("region", "women", "men", "gap"),
    [
        ("00", 49.83, 37.94, 11.90),  # riket
        ("04", 41.07, 28.05, 13.02),  # Södermanlands län
        ("01", 56.96, 47.88, 9.08),  # Stockholms län
    ],
)
def test_2019_ages_25_64_by_hand(
    con: duckdb.DuckDBPyConnection, region: str, women: float, men: float, gap: float
) -> None:
    got = _shares(con, 2019, "25-64", region)
    assert got == pytest.approx((women, men, gap), abs=0.005)


@pytest.mark.parametrize(
    ("year", "region", "women", "men"),
    [
        (2018, "00", 42.20, 32.63),
        (2022, "00", 45.71, 34.75),
        (2018, "04", 34.14, 24.17),
        (2022, "04", 37.51, 25.76),
    ],
)
def test_ages_16_74_from_tab3981(
    con: duckdb.DuckDBPyConnection, year: int, region: str, women: float, men: float
) -> None:
    got = _shares(con, year, "16-74", region)
    assert got[:2] == pytest.approx((women, men), abs=0.005)


def test_2019_population_16_74_total(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT persons FROM attainment WHERE year = 2019 AND age_group = '16-74' "
        "AND region_code = '00' AND sex = 'total'"
    ).fetchone() == (7_410_920,)


def test_county_ranking_2019(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT region_code, rank_women, rank_men, n_regions FROM gender_gap WHERE year = 2019 "
        "AND age_group = '25-64' AND region_level = 'county' ORDER BY rank_women"
    ).fetchall()
    assert len(rows) == 21 and {r[3] for r in rows} == {21}
    assert [r[1] for r in rows] == list(range(1, 22))
    assert rows[0][0] == "01" and rows[-1][0] == "20"  # Stockholm first, Dalarna last for women
    assert max(rows, key=lambda r: r[2])[0] == "21"  # Gävleborg last for men
    strangnas = con.execute(
        "SELECT rank_women FROM gender_gap WHERE year = 2019 AND age_group = '25-64' "
        "AND region_code = '0486'"
    ).fetchone()
    municipalities_in_county = con.execute(
        "SELECT region_code FROM gender_gap WHERE year = 2019 AND age_group = '25-64' AND county_code = '04' "
        "AND region_level = 'municipality' ORDER BY women_share DESC"
    ).fetchall()
    assert strangnas is not None and municipalities_in_county[0] == ("0486",)  # highest in Sörmland


def test_series_breaks_come_from_scb_notes(con: duckdb.DuckDBPyConnection) -> None:
    assert sorted(r[0] for r in con.execute("SELECT year FROM series_break").fetchall()) == [
        1990,
        2000,
    ]
