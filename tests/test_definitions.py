"""Every published definition side by side: the excluded-unknown shares recomputed by hand from
SCB's raw file, the "Vilken siffra stämmer?" panel against the database, the definition carried
through URL, titles, source lines, exports and slides."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from dashboard.decks import render as drawing
from dashboard.decks.model import Deck, Slide
from dashboard.render import pptx as pptx_export
from tests.helpers import page_script, unfolded

RAW_2019 = "scbhandlerplotter_2019/SCB_utbildningsniva.csv"  # UtbBefRegionR, 10-year groups
AGES_25_64 = {"25-34 år", "35-44 år", "45-54 år", "55-64 år"}
SORMLAND = {
    "Vingåker",
    "Gnesta",
    "Nyköping",
    "Oxelösund",
    "Flen",
    "Katrineholm",
    "Eskilstuna",
    "Strängnäs",
    "Trosa",
}


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


@pytest.fixture(scope="module")
def by_hand(data_dir: Path) -> dict[tuple[str, str], dict[str, int]]:
    """(kommun name, sex) → persons by level label, ages 25-64, read with nothing but csv."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with (data_dir / RAW_2019).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["ålder"] in AGES_25_64:
                sex = "women" if row["kön"] == "kvinnor" else "men"
                counts[(row["region"], sex)][row["utbildningsnivå"]] += int(row["X2019"])
    return counts


def _shares(levels: dict[str, int]) -> tuple[float, float]:
    """(levels 5-7, levels 6-7) over the seven known levels, percent."""
    known = sum(n for label, n in levels.items() if label != "uppgift om utbildningsnivå saknas")
    three_plus = levels["eftergymnasial utbildning, 3 år eller mer"] + levels["forskarutbildning"]
    post = three_plus + levels["eftergymnasial utbildning, mindre än 3 år"]
    return 100 * post / known, 100 * three_plus / known


@pytest.mark.parametrize(
    ("code", "names"),
    [("0486", {"Strängnäs"}), ("0482", {"Flen"}), ("0980", {"Gotland"}), ("04", SORMLAND)],
)
def test_excluded_unknown_shares_by_hand(
    db_path: Path, by_hand: dict[tuple[str, str], dict[str, int]], code: str, names: set[str]
) -> None:
    with duckdb.connect(str(db_path), read_only=True) as con:
        for sex in ("women", "men"):
            levels: dict[str, int] = defaultdict(int)
            for name in names:
                for label, n in by_hand[(name, sex)].items():
                    levels[label] += n
            expected = _shares(levels)
            got = con.execute(
                "SELECT post_secondary_share_excl_unknown, post_secondary_3plus_share_excl_unknown "
                "FROM attainment WHERE year = 2019 AND age_group = '25-64' AND region_code = $r "
                "AND sex = $s",
                {"r": code, "s": sex},
            ).fetchone()
            assert got == pytest.approx(expected, abs=1e-9)


def test_excluded_is_above_included_and_gap_views_agree(db_path: Path) -> None:
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            "SELECT definition, women_share, men_share FROM gender_gap_by_definition "
            "WHERE region_code = '00' AND year = 2019 AND age_group = '25-64' "
            "AND measure = 'post_secondary' ORDER BY definition"
        ).fetchall()
        attainment = con.execute(
            "SELECT post_secondary_share_excl_unknown FROM attainment WHERE region_code = '00' "
            "AND year = 2019 AND age_group = '25-64' AND sex = 'women'"
        ).fetchone()
    (_, w_exc, m_exc), (_, w_inc, m_inc) = rows
    assert w_exc > w_inc and m_exc > m_inc
    assert attainment == (w_exc,)


def _panel(**params: str) -> AppTest:
    app = unfolded(
        AppTest.from_string(page_script("definitions"), default_timeout=60), "definitions"
    )
    app.query_params.update(params)
    return app.run()


def test_the_panel_numbers_equal_the_database(db_path: Path) -> None:
    app = _panel(region="0486", year="2019")
    assert not app.exception
    table = app.dataframe[0].value
    with duckdb.connect(str(db_path), read_only=True) as con:
        expected = con.execute(
            "SELECT age_group, measure, definition, women_share, men_share, "
            "gap_pp FROM gender_gap_by_definition WHERE region_code = '0486' "
            "AND year = 2019 "
            "ORDER BY age_group = '25-64' DESC, age_group = '16-74' DESC, age_order, measure, "
            "definition DESC"
        ).fetchall()
    assert len(table) == len(expected) == 32  # 8 age groups × 2 measures × 2 definitions

    def shown(value: float) -> str:  # the page's Swedish number format, one decimal
        return f"{value:.1f}".replace(".", ",").replace("-", "−")

    assert list(table["Kvinnor %"]) == [shown(r[3]) for r in expected]
    assert list(table["Män %"]) == [shown(r[4]) for r in expected]
    assert list(table["Skillnad kvinnor − män (p.e.)"]) == [shown(r[5]) for r in expected]
    assert table["Används av"][0] == "Kolada, nyckeltal N01982"
    assert table["Definition"][0].startswith("25–64 år · nivå 5–7 · okänd nivå i nämnaren")
    headline = app.markdown[0].value.replace("\\", "")
    assert headline.startswith("## Strängnäs 2019, 25–64 år") and "45,8" in headline
    assert any("saknas uppgift om utbildningsnivå" in m.value for m in app.markdown)
    assert any(c.value.startswith("| Definition | Kvinnor % |") for c in app.code)


def test_the_definition_is_in_the_url_title_source_and_export() -> None:
    app = unfolded(AppTest.from_string(page_script("ranking"), default_timeout=60), "ranking")
    app.query_params.update({"definition": "unknown_excluded"})
    app.run()
    assert not app.exception and app.query_params["definition"] == "unknown_excluded"
    (chart,) = app.get("plotly_chart")
    title = json.loads(chart.proto.spec)["layout"]["title"]["text"]
    assert title.startswith(
        "Eftergymnasial utbildning · okänd nivå utesluten (som SCB:s diagram), "
    )
    assert any(
        "Definition\\: nivå 5–7, 25–64 år, av dem med känd nivå" in c.value for c in app.caption
    )
    assert "definition = 'unknown_excluded'" in app.code[0].value


def test_the_panel_as_a_slide_and_in_powerpoint(db_path: Path) -> None:
    slide = Slide("definitions", {"region": "04", "year": "2019"})
    rendered = drawing.render(slide)
    assert rendered.headline.startswith(
        "Södermanlands län 2019, 25–64 år, nivå 5–7: kvinnor 41,1\u202f% (Kolada N01982)"
    )
    assert rendered.table.height == 32
    prs = Presentation(io.BytesIO(pptx_export.build(Deck("t", [slide]))))
    # four definitions to a chart, two charts; women are the second series of each
    charts = [s.chart for s in prs.slides[0].shapes if s.has_chart]
    assert len(charts) == 2
    women = dict(
        zip(charts[0].plots[0].categories, charts[0].plots[0].series[1].values, strict=True)
    )
    with duckdb.connect(str(db_path), read_only=True) as con:
        (kolada,) = con.execute(
            "SELECT women_share FROM gender_gap WHERE region_code = '04' AND year = 2019 "
            "AND age_group = '25-64'"
        ).fetchone() or (None,)
    assert women["25–64 år · nivå 5–7 · okänd nivå i nämnaren (som Kolada)"] == pytest.approx(
        kolada
    )
