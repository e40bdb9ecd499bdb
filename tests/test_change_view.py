"""The change view (issue 19): each region's change between two years, ranked, with its rank
then and now; riket's change as the reference; from/to validated against the age group."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from dashboard.data import queries
from dashboard.model import registry


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def test_defaults_are_the_first_and_last_year_of_the_age_group() -> None:
    values, notices = registry.resolve_view("change", {})
    years = sorted(queries.available_periods()[values["age"]])
    assert not notices and (values["from"], values["to"]) == (str(years[0]), str(years[-1]))


def test_to_must_come_after_from() -> None:
    values, notices = registry.resolve_view("change", {"from": "2022", "to": "2018"})
    assert int(values["to"]) > int(values["from"])
    assert {n.key for n in notices} == {"from", "to"}


def test_changes_and_ranks_are_the_ranked_tables_own() -> None:
    result, _ = registry.compute("change", {"highlight": "04", "show": "gap"}, "sv")
    start, end = int(result.settings["from"]), int(result.settings["to"])
    frame = result.chart.frame
    for year, column, rank in ((start, "value_then", "rank_then"), (end, "value_now", "rank_now")):
        peers = queries.peers(year, result.settings["age"], "post_secondary", "county")
        row = peers.filter(pl.col("region_code") == "04").row(0, named=True)
        mine = frame.filter(pl.col("region_code") == "04").row(0, named=True)
        assert mine[column] == pytest.approx(row["gap_pp"])
        assert mine[rank] == row["rank_gap"]
    regions = frame.filter(pl.col("region_level") != "country")
    assert regions.height == 21
    assert regions["change"].to_list() == sorted(regions["change"], reverse=True)
    riket = frame.filter(pl.col("region_code") == "00")["change"][0]
    assert result.chart.references == (("Riket", pytest.approx(riket)),)
    mine = regions.filter(pl.col("region_code") == "04").row(0, named=True)
    assert f"från plats {mine['rank_then']} till {mine['rank_now']} av 21 län" in result.headline
    assert result.headline.startswith("Södermanlands län: skillnaden mellan kvinnor och män")


def test_scopes_like_the_ranking_and_english_ordinals() -> None:
    result, _ = registry.compute("change", {"highlight": "0486", "show": "women"}, "en")
    assert result.settings["scope"] == "municipality_in_county"
    regions = result.chart.frame.filter(pl.col("region_level") != "country")
    assert regions.height == 9
    assert "Strängnäs: women's share" in result.headline and " of 9 in " in result.headline
    assert any(s in result.headline for s in ("st to", "nd to", "rd to", "th to"))
    group, _ = registry.compute("change", {"scope": "kommungrupp", "highlight": "0486"}, "sv")
    codes = group.chart.frame.filter(pl.col("region_level") != "country")["region_code"]
    kommungrupp = queries.regions().filter(pl.col("region_code") == "0486")["kommungrupp_code"][0]
    assert group.settings["group"] == kommungrupp and "0486" in codes.to_list()
