"""The figure finder on Vilken siffra stämmer? (issue 19): a heard number, typed or in the
link, lists the region's figures within ±1 of it, gaps first, nearest first, each in a
sentence; percentage points told from per cent with the region's own shares."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dashboard.data import db, queries
from dashboard.model import registry
from dashboard.model.views import definitions


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def test_sixteen_is_the_gap_among_25_to_34_year_olds_in_sormland() -> None:
    result, notices = registry.compute("definitions", {"region": "04", "value": "16"}, "sv")
    assert not notices
    found = result.extra["finder"]
    assert isinstance(found, list | tuple)
    assert found[0] == (
        "16,7 p.e. är skillnaden mellan kvinnor och män bland 25–34-åringar 2019 "
        "(nivå 5–7, okänd nivå i nämnaren)"
    )
    assert result.headline == found[0]
    rows = queries.figure_finder("04", 16.0)
    assert ((rows["value"] - 16).abs() <= 1).all()
    gaps = rows.filter(rows["kind"] == "gap")["distance"].to_list()
    assert gaps == sorted(gaps) and rows["kind"][0] == "gap"
    assert any(
        "Procentenheter eller procent?" in f and "68\u202f% högre" in f for f in result.facts
    )


def test_every_age_group_is_in_the_panel() -> None:
    result, _ = registry.compute("definitions", {"region": "04", "year": "2019"}, "sv")
    ages = result.data["age_group"].unique(maintain_order=True).to_list()
    assert ages == ["25-64", "16-74", "16-24", "25-34", "35-44", "45-54", "55-64", "65-74"]
    assert result.data.height == 8 * 2 * 2
    # without a value: the standard group's relative difference (~46 % higher)
    assert any("46\u202f% högre" in fact for fact in result.facts)


@pytest.mark.parametrize(
    ("raw", "kept"),
    [("16", "16"), ("16,5", "16,5"), ("16.5", "16.5"), (" 16 % ", "16"), ("abc", ""), ("1e3", "")],
)
def test_values_stay_code_like(raw: str, kept: str) -> None:
    values, notices = registry.resolve_view("definitions", {"region": "04", "value": raw})
    assert values["value"] == kept
    assert bool(notices) == (kept == "")


def test_a_value_with_nothing_near_says_so_in_english() -> None:
    result, _ = registry.compute("definitions", {"region": "04", "value": "99"}, "en")
    assert result.headline == "No figure for Södermanlands län lies within ±1 of 99."
    assert definitions.figure_value("12,34") == "12,34"


def test_the_finder_query_is_fast() -> None:
    samples = []
    for value in (16.0, 12.5, 46.0, 30.0) * 5:  # uncached: straight to DuckDB
        start = time.perf_counter()
        db.query(
            queries.db_path(), queries.sql_text("figure_finder"), {"region": "0486", "value": value}
        )
        samples.append((time.perf_counter() - start) * 1000)
    assert sorted(samples)[int(0.95 * len(samples)) - 1] < 100  # the benchmark prints p95
