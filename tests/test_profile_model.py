"""The printable profile is a view of views: every part is the result the view's own page
computes for the region, and what the profile picks from them (the comparison, the ranks, the
lärcentrum status) equals what those pages say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from dashboard.data import places
from dashboard.model import profile, registry
from dashboard.text.formatting import percent, value_text

MADE = date(2026, 1, 2)


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def test_a_kommun_is_made_of_the_views_a_reader_would_open_for_it() -> None:
    gnesta = profile.compose("0461", "sv", MADE)
    expected = {
        "overview": ("overview", {"region": "0461"}),
        "rank_county": (
            "ranking",
            {"scope": "municipality_in_county", "county": "04", "highlight": "0461"},
        ),
        "rank_country": ("ranking", {"scope": "municipality", "highlight": "0461"}),
        "rank_group": ("ranking", {"scope": "kommungrupp", "group": "B4", "highlight": "0461"}),
        "age": ("age", {"region": "0461"}),
        "trend": ("trends", {"regions": "0461"}),
        "map": ("map", {"scope": "municipality_in_county", "county": "04", "highlight": "0461"}),
    }
    for role, (view, settings) in expected.items():
        result = gnesta.parts[role].result
        assert result.view == view, role
        page, notices = registry.compute(view, {**result.settings}, "sv")
        assert not notices and page is result, role  # the very result the page shows
        assert settings.items() <= result.settings.items(), role
    assert gnesta.parts["peers"].result is gnesta.parts["rank_county"].result


def test_the_comparison_and_the_ranks_are_what_oversikt_says() -> None:
    gnesta = profile.compose("0461", "sv", MADE)
    facts = gnesta.overview.facts
    rows = {r["region_name"]: r for r in gnesta.comparison.iter_rows(named=True)}
    assert list(rows) == [
        "Gnesta",
        "Södermanlands län",
        "Kommungrupp B4 Pendlingskommun nära större stad",
        "Riket",
    ]
    for name, row in list(rows.items())[1:]:
        said = next(f for f in facts if f.startswith(f"{name}:"))
        for sex in ("women", "men", "total"):
            assert percent(row[f"{sex}_share"], 1, "sv") in said
        assert said.endswith(value_text(row["gap_pp"], "gap", "sv"))
    assert percent(rows["Gnesta"]["women_share"], 1, "sv") == "42,4\u202f%"
    assert [s.scope for s in gnesta.standings] == ["country", "county", "kommungrupp"]
    national, county, group = gnesta.standings
    assert (national.n, county.n, group.n) == (290, 9, 63)
    # Översikt: "Kvinnor: 99 av 290 kommuner · 3 av 9 i Södermanlands län · 16 av 63 i …"
    for index, sex in enumerate(("Kvinnor", "Män", "Totalt")):
        line = next(f for f in facts if f.startswith(f"{sex}:"))
        assert f"{national.ranks[index]} av 290" in line
        assert f"{county.ranks[index]} av 9 i Södermanlands län" in line
        assert f"{group.ranks[index]} av 63 i kommungrupp" in line
    ranking = gnesta.parts["rank_county"].result
    assert "5 av 9" in ranking.headline and county.ranks[2] == 5


def test_a_lan_has_its_kommuner_ranked_and_riket_the_lan() -> None:
    sormland = profile.compose("04", "en", MADE)
    peers = sormland.parts["peers"].result
    assert peers.settings["scope"] == "municipality_in_county"
    assert set(peers.chart.frame["region_code"]) - {"00"} == {
        "0428", "0461", "0480", "0481", "0482", "0483", "0484", "0486", "0488"
    }  # fmt: skip
    assert [s.scope for s in sormland.standings] == ["country"]
    assert sormland.standings[0].n == 21 and sormland.standings[0].ranks[0] == 20
    assert list(sormland.comparison["region_code"]) == ["04", "00"]
    riket = profile.compose("00", "sv", MADE)
    assert riket.standings == () and list(riket.comparison["region_code"]) == ["00"]
    counties = riket.parts["peers"].result.chart.frame.filter(pl.col("region_level") == "county")
    assert counties.height == 21
    assert riket.trend is not None and riket.trend.chart.frame["year"].n_unique() > 1


def test_lärcentrum_none_known_is_never_none_and_the_counts_are_the_maps() -> None:
    gnesta = profile.compose("0461", "sv", MADE).larcentrum
    assert (gnesta.status, gnesta.centres) == ("none_known", ())
    nykoping = profile.compose("0480", "sv", MADE).larcentrum
    assert nykoping.status == "named_centre"
    assert [c.name for c in nykoping.centres] == ["Campus Nyköping"]
    assert nykoping.centres[0].source.startswith("https://")
    krokom = profile.compose("2309", "sv", MADE).larcentrum  # Jämtland's län-wide claim only
    assert krokom.status == "network" and krokom.centres[0].confidence == "network"
    coverage = places.larcentrum_coverage()  # what the map page's coverage panel shows
    for code in ("04", "23", "12"):
        county = profile.compose(code, "sv", MADE).larcentrum
        row = coverage.filter(pl.col("county_code") == code).row(0, named=True)
        assert (county.kommuner, county.named, county.network, county.none_known) == (
            row["kommuner"],
            row["named_centre"],
            row["network"],
            row["none_known"],
        )
    riket = profile.compose("00", "sv", MADE).larcentrum
    totals = coverage.select(pl.col("named_centre", "network", "none_known").sum()).row(0)
    assert (riket.named, riket.network, riket.none_known) == totals


def test_an_unknown_code_is_no_region() -> None:
    for code in ("9999", "", "04; DROP TABLE region", "0461.pdf"):
        with pytest.raises(profile.NotARegion):
            profile.compose(code, "sv", MADE)
