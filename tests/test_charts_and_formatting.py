"""Chart functions on small frames, exports, sentences, and Swedish/English number formats."""

from __future__ import annotations

import io

import polars as pl
from openpyxl import load_workbook

from dashboard.charts import bars, lines, maps
from dashboard.render.table_files import swedish_csv, xlsx
from dashboard.text.formatting import THIN_SPACE, number, percent, points
from dashboard.text.narrative import headline

FRAME = pl.DataFrame(
    {
        "region_code": ["00", "04", "20"],
        "region_name": ["Riket", "Södermanlands län", "Dalarnas län"],
        "region_level": ["country", "county", "county"],
        "women_share": [49.8, 41.1, 40.9],
        "men_share": [37.9, 28.1, 26.8],
        "total_share": [43.8, 34.5, 33.7],
        "gap_pp": [11.9, 13.0, 14.1],
        "rank_women": [1, 1, 2],
        "rank_men": [1, 1, 2],
        "rank_total": [1, 1, 2],
        "rank_gap": [1, 2, 1],
        "n_regions": [1, 2, 2],
    }
)


def test_ranking_bars_highlight_and_gap_units() -> None:
    fig = bars.ranking_bars(FRAME, "gap", "T", highlight="04", references=(("Riket", 11.9),))
    (bar,) = fig.data
    # riket a black bar in its place, not a line that value labels sit under
    assert list(bar.y) == ["<b>Riket</b>", "<b>Södermanlands län</b>", "Dalarnas län"]
    assert list(bar.x) == [11.9, 13.0, 14.1]
    assert list(bar.marker.color) == ["#000000", "#F0E442", "#CC79A7"]
    assert list(bar.marker.line.width) == [0, 2.5, 0]
    assert list(bar.text) == ["11,9 p.e.", "13,0 p.e.", "14,1 p.e."]
    assert not fig.layout.shapes
    # the right margin holds the longest label ("14,1 p.e." beside the longest bar)
    assert fig.layout.margin.r >= 9 * 0.55 * 14


def test_dumbbell_sorted_by_gap_with_both_sexes() -> None:
    fig = bars.dumbbell(FRAME, "T", lang="en")
    lines, men, women = fig.data
    assert list(women.y) == ["<b>Sweden</b>", "Södermanlands län", "Dalarnas län"]  # English
    assert list(women.x) == [49.8, 41.1, 40.9] and list(men.x) == [37.9, 28.1, 26.8]
    assert lines.mode == "lines" and women.name == "Women"


def test_trend_lines_mark_series_breaks_only_inside_the_range() -> None:
    series = pl.DataFrame(
        {
            "year": [1995, 2005, 1995, 2005],
            "region_code": ["00", "00", "04", "04"],
            "region_name": ["Riket", "Riket", "Sörmland", "Sörmland"],
            "women_share": [30.0, 40.0, 25.0, 35.0],
            "men_share": [25.0, 30.0, 20.0, 25.0],
        }
    )
    fig = lines.trend_lines(series, ["women", "men"], "T", breaks=[1990, 2000])
    names = [tr.name for tr in fig.data]
    assert names == ["Sörmland – kvinnor", "Sörmland – män", "Riket – kvinnor", "Riket – män"]
    assert [s.x0 for s in fig.layout.shapes] == [1999.5]
    # women and men told apart by colour, riket by its dash: no two lines look the same
    looks = {(tr.line.color, tr.line.dash) for tr in fig.data}
    assert len(looks) == 4 and {tr.line.dash for tr in fig.data[2:]} == {"dash"}
    assert fig.data[0].line.color == fig.data[2].line.color == "#D55E00"
    assert fig.layout.showlegend is not False


def test_choropleth_draws_offline_with_ranks_in_hover() -> None:
    geojson = {"type": "FeatureCollection", "features": []}
    centres = pl.DataFrame(
        {
            "name": ["Campus Nyköping"],
            "kommun_name": ["Nyköping"],
            "latitude": [58.75],
            "longitude": [17.01],
            "confidence": ["high"],
            "kind": ["campus"],
            "source_url": ["https://example.se/campus"],
            "evidence_year": ["2022"],
        }
    )
    fig = maps.choropleth(geojson, FRAME, "women", "T", centres=centres)
    area, markers = fig.data
    assert area.type == "choroplethmap" and markers.type == "scattermap"
    assert fig.layout.map.style == "white-bg"  # no tiles, nothing downloaded
    assert list(area.locations) == ["04", "20"] and "Rang i riket 1 / 2" in area.text[0]
    assert markers.name == "Lärcentrum, säker källa"
    assert markers.text[0] == (
        "<b>Campus Nyköping</b> (Nyköping)<br>campus<br>Källa: https://example.se/campus (år 2022)"
    )
    # every gap positive: a sequential scale over the values shown, not one around 0
    gap = maps.choropleth(geojson, FRAME, "gap", "T")
    assert gap.data[0].zmid is None and (gap.data[0].zmin, gap.data[0].zmax) == (13.0, 14.1)
    signed = FRAME.with_columns(pl.Series("gap_pp", [1.0, -2.0, 3.0]))
    both = maps.choropleth(geojson, signed, "gap", "T")
    assert both.data[0].zmid == 0 and both.data[0].zmax == 3.0


def test_compare_bars() -> None:
    fig = bars.compare_bars(FRAME, "T")
    assert [tr.name for tr in fig.data] == ["Kvinnor", "Män", "Totalt"]
    assert list(fig.data[2].y) == [43.8, 34.5, 33.7]


def test_swedish_excel_csv_and_xlsx() -> None:
    frame = pl.DataFrame({"region": ["Strängnäs"], "andel": [41.0725], "antal": [7410920]})
    data = swedish_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        "region;andel;antal",
        "Strängnäs;41,0725;7410920",
    ]
    sheet = load_workbook(io.BytesIO(xlsx(frame))).active
    assert sheet is not None and [c.value for c in sheet[2]] == ["Strängnäs", 41.0725, 7410920]


def test_headline_in_the_issue_form() -> None:
    row = {
        "region_code": "04",
        "region_name": "Södermanlands län",
        "women_share": 41.07,
        "men_share": 28.05,
        "gap_pp": 13.02,
        "country_gap_pp": 11.9,
    }
    assert headline(row, 2019, "25-64", "post_secondary") == (
        f"I Södermanlands län hade 41,1{THIN_SPACE}% av kvinnorna och 28,1{THIN_SPACE}% av männen 25–64 år "
        "eftergymnasial utbildning år 2019 — en skillnad på 13,0 procentenheter, jämfört med 11,9 i riket."
    )
    assert headline(
        {**row, "region_code": "00", "region_name": "Riket"}, 2019, "25-64", "post_secondary", "en"
    ).startswith("In Sweden, 41.1% of women and 28.1% of men aged 25–64 had post-secondary")


def test_swedish_numbers() -> None:
    assert number(7410920) == f"7{THIN_SPACE}410{THIN_SPACE}920"
    assert number(7410920, lang="en") == "7,410,920"
    assert percent(41.0725) == f"41,1{THIN_SPACE}%"
    assert points(13.02) == "+13,0 procentenheter"
    assert points(-2.5, lang="en") == "-2.5 percentage points"
    assert points(-2.5) == "−2,5 procentenheter"
    assert percent(None) == "–"


def test_exports_neutralise_formulas() -> None:
    import io
    import zipfile

    from dashboard.render.table_files import swedish_csv, xlsx

    frame = pl.DataFrame(
        {"name": ['=HYPERLINK("https://evil.example")', "+cmd|x", "-1+1", "@A1", "Flen"]}
    )
    lines = swedish_csv(frame).decode("utf-8-sig").splitlines()[1:]
    assert [line.lstrip('"')[0] for line in lines] == ["'", "'", "'", "'", "F"]
    with zipfile.ZipFile(io.BytesIO(xlsx(frame))) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "'=HYPERLINK" in strings and ">'+cmd|x<" in strings


def test_centre_names_are_text_in_the_map_hover() -> None:
    from dashboard.charts.maps import choropleth

    centres = pl.DataFrame(
        {
            "name": ['<a href="https://evil.example">Klicka</a>'],
            "kommun_name": ["Flen<img src=x>"],
            "latitude": [59.06],
            "longitude": [16.59],
            "confidence": ["low"],
            "kind": [None],
            "source_url": ['https://x.example/"><script>'],
            "evidence_year": ["2005"],
        }
    )
    frame = pl.DataFrame(
        {
            "region_code": ["0482"],
            "region_name": ["Flen"],
            "region_level": ["municipality"],
            "women_share": [30.0],
            "rank_women": [1],
            "n_regions": [1],
        }
    )
    fig = choropleth(
        {"type": "FeatureCollection", "features": []}, frame, "women", "t", "sv", centres
    )
    (hover,) = fig.data[1].text
    assert "<a" not in hover and "<img" not in hover
    assert '&lt;a href="https://evil.example"&gt;Klicka&lt;/a&gt;' in hover


def test_markdown_escaping_leaves_no_autolink() -> None:
    from dashboard.text.safe_text import WORD_JOINER, markdown

    text = markdown("[x](https://evil.example) www.evil.example a@evil.example")
    assert "https://" not in text and "www." not in text and "a@e" not in text
    assert text.replace(WORD_JOINER, "").replace("\\", "") == (
        "[x](https://evil.example) www.evil.example a@evil.example"
    )
