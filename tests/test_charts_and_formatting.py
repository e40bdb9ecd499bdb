"""Chart functions on small frames, and Swedish/English number formats."""

from __future__ import annotations

import polars as pl

from dashboard import charts
from dashboard.formatting import THIN_SPACE, number, percent, points

FRAME = pl.DataFrame(
    {
        "region_code": ["00", "04", "20"],
        "region_name": ["Riket", "Södermanlands län", "Dalarnas län"],
        "region_level": ["country", "county", "county"],
        "women_share": [49.8, 41.1, 40.9],
        "men_share": [37.9, 28.1, 26.8],
    }
)


def test_county_bars_sorted_with_riket_lines_and_source() -> None:
    fig = charts.county_bars(FRAME, "Titel", "Källa: SCB, TAB3981")
    men, women = fig.data
    assert women.name == "Kvinnor" and men.name == "Män"
    # horizontal bars draw bottom-up: lowest women's share first, riket not among the bars
    assert list(women.y) == ["Dalarnas län", "Södermanlands län"]
    assert list(women.x) == [40.9, 41.1] and list(men.x) == [26.8, 28.1]
    assert women.text[0] == f"40,9{THIN_SPACE}%"
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert sorted(s.x0 for s in lines) == [37.9, 49.8]
    assert any(a.text == "Källa: SCB, TAB3981" for a in fig.layout.annotations)
    assert women.marker.color != men.marker.color


def test_english_labels() -> None:
    fig = charts.county_bars(FRAME, "Title", "Source: SCB", lang="en")
    assert {t.name for t in fig.data} == {"Women", "Men"}
    assert fig.data[1].text[0] == "40.9%"


def test_swedish_numbers() -> None:
    assert number(7410920) == f"7{THIN_SPACE}410{THIN_SPACE}920"
    assert number(7410920, lang="en") == "7,410,920"
    assert percent(41.0725) == f"41,1{THIN_SPACE}%"
    assert points(13.02) == "+13,0 procentenheter"
    assert points(-2.5, lang="en") == "-2.5 percentage points"
    assert points(-2.5) == "−2,5 procentenheter"
    assert percent(None) == "–"
