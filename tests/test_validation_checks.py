"""Each named check fails on a crafted bad input, with a message that says what and where."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.errors import ValidationError
from etl.sources.model import SourceBatch
from etl.validate import check_names
from tests.helpers import TEN_YEAR_GROUPS, batch, cells, write_toy

KOMMUNER = ["0480", "0486"]
ALL_REGIONS = ["00", "04", *KOMMUNER]


def _failures(path: Path, batches: list[SourceBatch]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        write_toy(path, batches)
    return dict(caught.value.failures)


def test_good_toy_input_passes_every_check(tmp_path: Path) -> None:
    write_toy(tmp_path / "ok.duckdb", [batch("offline:a", cells(2019, KOMMUNER))])
    with duckdb.connect(str(tmp_path / "ok.duckdb"), read_only=True) as con:
        county = con.execute(
            "SELECT sum(persons), any_value(derivation) FROM population_education "
            "WHERE region_code = '04'"
        ).fetchone()
    assert county == (2 * 16 * 10, "sum_of_municipalities")


def test_every_check_has_a_test_below() -> None:
    tested = {
        "regions_complete",
        "levels_complete",
        "sexes_complete",
        "codes_known",
        "persons_non_negative",
        "keys_unique",
        "sources_agree",
        "county_equals_sum_of_municipalities",
        "country_equals_sum_of_counties",
        "age_total_equals_sum_of_groups",
    }
    assert set(check_names()) == tested


def test_regions_complete_names_the_missing_kommun(tmp_path: Path) -> None:
    failures = _failures(tmp_path / "x.duckdb", [batch("offline:a", cells(2019, ["0480"]))])
    assert (
        "offline:a, year 2019, ages 16-74: 1 municipality region(s) missing (0486)"
        in failures["regions_complete"]
    )


def test_levels_complete_names_the_cell(tmp_path: Path) -> None:
    rows = [r for r in cells(2019, KOMMUNER) if not (r[1] == "0486" and r[4] == "US")]
    failures = _failures(tmp_path / "x.duckdb", [batch("offline:a", rows)])
    assert "region 0486, ages 16-74, men: 7 of 8 education levels" in failures["levels_complete"]


def test_sexes_complete(tmp_path: Path) -> None:
    rows = [
        r for r in cells(2019, KOMMUNER) if not (r[1] == "0480" and r[4] == "5" and r[3] == "women")
    ]
    failures = _failures(tmp_path / "x.duckdb", [batch("offline:a", rows)])
    assert "region 0480, ages 16-74, level 5: only men" in failures["sexes_complete"]


def test_codes_known(tmp_path: Path) -> None:
    rows = cells(2019, KOMMUNER) + cells(2019, ["9999"])
    failures = _failures(tmp_path / "x.duckdb", [batch("offline:a", rows)])
    assert "offline:a, year 2019: unknown region code 9999" in failures["codes_known"]


def test_persons_non_negative(tmp_path: Path) -> None:
    rows = [
        (*r[:5], -3) if (r[1], r[3], r[4]) == ("0486", "women", "7") else r
        for r in cells(2019, KOMMUNER)
    ]
    failures = _failures(tmp_path / "x.duckdb", [batch("offline:a", rows)])
    assert (
        "region 0486, ages 16-74, women, level 7: persons = -3" in failures["persons_non_negative"]
    )


def test_keys_unique(tmp_path: Path) -> None:
    rows = cells(2019, KOMMUNER)
    failures = _failures(tmp_path / "x.duckdb", [batch("offline:a", [*rows, rows[0]])])
    assert (
        "offline:a: year 2019, region 0480, ages 16-74, women, level 1 appears 2 times"
        in failures["keys_unique"]
    )


def test_sources_agree_across_tables(tmp_path: Path) -> None:
    groups = cells(2019, KOMMUNER, TEN_YEAR_GROUPS, persons=10)  # sums to 60 per cell
    total = cells(2019, KOMMUNER, persons=60)
    total[0] = (*total[0][:5], 61)
    failures = _failures(
        tmp_path / "x.duckdb", [batch("offline:groups", groups), batch("offline:total", total)]
    )
    assert (
        "year 2019, region 0480, ages 16-74, women, level 1: offline:groups (sum of 10-year groups) = 60 "
        "but offline:total = 61"
    ) in failures["sources_agree"]


def test_county_equals_sum_of_municipalities_for_published_counties(tmp_path: Path) -> None:
    rows = cells(2019, ALL_REGIONS)  # published län = 10, but its two kommuner sum to 20
    failures = _failures(tmp_path / "x.duckdb", [batch("api:a", rows, kind="api_response")])
    assert (
        "year 2019, län 04, ages 16-74, men, level 1: län = 10 but its kommuner sum to 20"
        in failures["county_equals_sum_of_municipalities"]
    )


def test_country_equals_sum_of_counties(tmp_path: Path) -> None:
    rows = [(*r[:5], 20) if r[1] == "04" else r for r in cells(2019, ALL_REGIONS)]
    rows = [(*r[:5], 25) if r[1] == "00" else r for r in rows]
    failures = _failures(tmp_path / "x.duckdb", [batch("api:a", rows, kind="api_response")])
    assert (
        "year 2019, ages 16-74, men, level 1: riket = 25 but the län sum to 20"
        in failures["country_equals_sum_of_counties"]
    )


def _noisy_api_rows(year: int, total_offset: int) -> list[tuple[int, str, str, str, str, int]]:
    groups = cells(year, ALL_REGIONS, TEN_YEAR_GROUPS, persons=100)
    groups = [(*r[:5], {"0480": 100, "0486": 100, "04": 200, "00": 200}[r[1]]) for r in groups]
    totals = [(*r[:5], 6 * r[5] + total_offset) for r in groups if r[2] == "16-24"]
    return groups + [(r[0], r[1], "16-74", *r[3:]) for r in totals]


def test_age_total_equals_sum_of_groups(tmp_path: Path) -> None:
    failures = _failures(
        tmp_path / "x.duckdb", [batch("api:a", _noisy_api_rows(2025, total_offset=500))]
    )
    assert (
        "year 2025, region 00, men, level 1: ages 16-74 = 1700 but the 10-year groups sum to 1200"
        in failures["age_total_equals_sum_of_groups"]
    )


def test_noise_from_2025_is_tolerated_but_not_before(tmp_path: Path) -> None:
    # SCB's noise makes a published total differ slightly from the sum of its parts from 2025
    write_toy(tmp_path / "ok.duckdb", [batch("api:a", _noisy_api_rows(2025, total_offset=2))])
    failures = _failures(
        tmp_path / "x.duckdb", [batch("api:a", _noisy_api_rows(2024, total_offset=2))]
    )
    assert "age_total_equals_sum_of_groups" in failures


# --- checks of what the build computes and stores ------------------------------------------


def test_every_built_check_has_a_test_below() -> None:
    from etl.validate import BUILT_CHECKS

    assert set(check_names(BUILT_CHECKS)) == {"ranked_table_complete"}


def test_ranked_table_complete_names_a_missing_and_a_stray_row(tmp_path: Path) -> None:
    from etl.validate import BUILT_CHECKS, run_checks

    path = tmp_path / "ok.duckdb"
    write_toy(path, [batch("offline:a", cells(2019, KOMMUNER))])
    with duckdb.connect(str(path)) as con:
        assert all(r.passed for r in run_checks(con, BUILT_CHECKS))
        con.execute(
            "DELETE FROM gender_gap_by_definition WHERE region_code = '0486' "
            "AND age_group = '16-74' AND measure = 'post_secondary_3plus' "
            "AND definition = 'unknown_excluded'"
        )
        con.execute(
            "INSERT INTO gender_gap_by_definition (year, region_code, age_group, measure, definition) "
            "VALUES (1999, '0480', '25-64', 'post_secondary', 'unknown_included')"
        )
        (result,) = run_checks(con, BUILT_CHECKS)
    assert result.problems == [
        "gender_gap_by_definition: year 1999, region 0480, ages 25-64 is not in attainment",
        "gender_gap_by_definition: year 2019, region 0486, ages 16-74 has 3 row(s) for 3 "
        "measure/definition pair(s), expected 4",
    ]
