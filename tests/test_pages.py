"""Every page through Streamlit's AppTest, against the database built from the real files:
numbers equal the database's, links round-trip, bad link values fall back with a notice."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.model import registry
from tests.helpers import page_script, unfolded, write_lock_held_elsewhere

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "streamlit_app.py")
PAGES = [*registry.VIEWS, "about"]
NBSP = "\u202f"


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def page(name: str, **params: str) -> AppTest:
    app = AppTest.from_string(page_script(name), default_timeout=60)
    app.query_params.update(params)
    return app.run()


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: the escapes the page adds to outside text removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def headline(app: AppTest) -> str:
    """The answer's sentence: the page's level-2 heading (the start page has a line above it)."""
    return next(m.value for m in app.markdown if m.value.startswith("## "))


def _plotly_charts(app: AppTest) -> list[object]:
    return list(app.get("plotly_chart"))


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_with_its_chart_and_source(name: str) -> None:
    app = page(name)
    assert not app.exception, app.exception
    # folded away, a view's table and files are not made (a cold visit needs no grid)
    assert not app.get("download_button") and not app.code
    if name != "about":
        unfolded(app, name, "ranking").run()
        assert _plotly_charts(app), f"{name} shows no chart"
        result, _ = registry.compute(name, {}, "sv")
        sources = [c.value for c in app.caption if plain(c.value) == result.source]
        assert len(sources) == 1, "the view's source line is shown exactly once"
        # CSV and Excel of the view (the age page adds its ranking's two)
        assert len(app.get("download_button")) == (4 if name == "age" else 2)


def test_overview_numbers_equal_the_database(db_path: Path) -> None:
    app = page("overview", region="04", age="25-64", year="2019", measure="post_secondary")
    with duckdb.connect(str(db_path), read_only=True) as con:
        women, men, total, gap, country_gap, rank_women, n = (
            con.execute(
                "SELECT women_share, men_share, total_share, gap_pp, country_gap_pp, rank_women, n_regions "
                "FROM gender_gap_by_measure WHERE region_code = '04' AND year = 2019 AND age_group = '25-64' "
                "AND measure = 'post_secondary'"
            ).fetchone()
            or ()
        )
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Kvinnor"] == f"{women:.1f}{NBSP}%".replace(".", ",") == f"41,1{NBSP}%"
    assert metrics["Män"] == f"{men:.1f}{NBSP}%".replace(".", ",")
    assert metrics["Totalt"] == f"{total:.1f}{NBSP}%".replace(".", ",")
    assert metrics["Skillnad kvinnor − män"] == f"{gap:.1f}".replace(".", ",") + " p.e."
    assert plain(headline(app)) == (
        f"## I Södermanlands län hade 41,1{NBSP}% av kvinnorna och 28,1{NBSP}% av männen 25–64 år eftergymnasial "
        f"utbildning år 2019 — en skillnad på 13,0 procentenheter, jämfört med {country_gap:.1f} i riket.".replace(
            "11.9", "11,9"
        )
    )
    assert f"{rank_women} av {n} län" == "20 av 21 län"
    assert any("20 av 21 län" in plain(m.value) for m in app.markdown)
    # riket's gap is a reference beside the region's, not a change: no arrow, no colour
    reference = app.metric[3].proto
    assert (
        reference.delta.startswith("Riket: 11,9")
        and reference.MetricDirection.Name(reference.direction) == "NONE"
    )


def test_overview_change_since_previous_year() -> None:
    app = page("overview", region="0486", age="16-74", year="2022")
    deltas = {m.label: m.delta for m in app.metric}
    assert "sedan 2021" in (deltas["Kvinnor"] or "")


def test_ranking_in_a_county_highlights_the_region() -> None:
    app = page(
        "ranking", scope="municipality_in_county", county="04", highlight="0486", show="women"
    )
    assert not app.exception
    facts = [plain(m.value) for m in app.markdown]
    assert any("Strängnäs: 1 av 9 i Södermanlands län · 73 av 290 kommuner" in f for f in facts)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        (
            "overview",
            {
                "region": "0486",
                "age": "16-74",
                "year": "2020",
                "measure": "post_secondary_3plus",
                "definition": "unknown_excluded",
            },
        ),
        (
            "map",
            {
                "age": "16-74",
                "year": "2018",
                "measure": "post_secondary",
                "definition": "unknown_included",
                "scope": "county",
                "show": "gap",
                "lc": "0",
            },
        ),
        (
            "ranking",
            {
                "age": "25-64",
                "year": "2019",
                "measure": "post_secondary",
                "definition": "unknown_included",
                "scope": "municipality",
                "show": "men",
                "highlight": "0180",
            },
        ),
        (
            "gap",
            {
                "age": "16-74",
                "year": "2021",
                "measure": "post_secondary_3plus",
                "definition": "unknown_excluded",
                "scope": "municipality_in_county",
                "county": "20",
            },
        ),
        (
            "trends",
            {
                "age": "16-74",
                "measure": "post_secondary",
                "definition": "unknown_included",
                "regions": "04,0486",
                "sex": "women,gap",
            },
        ),
        (
            "compare",
            {
                "age": "25-64",
                "year": "2019",
                "measure": "post_secondary",
                "definition": "unknown_included",
                "regions": "00,01,20",
            },
        ),
    ],
)
def test_links_round_trip(name: str, params: dict[str, str]) -> None:
    app = page(name, **params)
    assert not app.exception and not app.warning
    assert dict(app.query_params) == params


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("overview", {"region": "9999"}),
        ("overview", {"year": "1900"}),
        ("map", {"show": "x"}),
        ("ranking", {"scope": "planet"}),
        ("gap", {"scope": "municipality_in_county", "county": "99"}),
        ("trends", {"regions": "04,zz"}),
        ("compare", {"measure": "drop table"}),
        ("compare", {"regions": ",".join(["01", "03", "04", "05", "06", "07", "08", "09", "10"])}),
    ],
)
def test_bad_link_values_fall_back_with_a_notice(name: str, params: dict[str, str]) -> None:
    app = page(name, **params)
    assert not app.exception
    assert app.warning, "a notice must say the link value was not used"
    assert _plotly_charts(app)


def test_changing_a_selection_updates_the_url_and_the_numbers() -> None:
    app = page("overview", region="04")
    before = headline(app)
    app.selectbox(key="w_measure").set_value("post_secondary_3plus").run()
    assert app.query_params["measure"] == "post_secondary_3plus"
    assert headline(app) != before and "minst 3 års eftergymnasial" in headline(app)


def test_router_and_english() -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Overview"
    assert "In Sweden, 49.8% of women and 37.9% of men aged 25–64" in plain(headline(app))


def test_an_unknown_language_is_said_and_english_offered() -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = "fr"
    app.run()
    assert not app.exception
    (notice,) = [w.value for w in app.warning if "`fr`" in w.value]
    assert "Språket `fr` finns inte här" in notice and "There is no language `fr`" in notice
    app.button(key="unknown_lang_english").click().run()
    assert app.query_params["lang"] == "en" and app.title[0].value == "Overview"
    assert not [w for w in app.warning if "`fr`" in w.value]


PAYLOAD = "[Logga in](https://evil.example) ![x](https://evil.example/px.png) <b>fet</b>"


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("overview", {"region": PAYLOAD}),
        ("compare", {"regions": f"01,{PAYLOAD}"}),
        ("ranking", {"scope": "municipality_in_county", "county": PAYLOAD}),
        ("ranking", {"highlight": PAYLOAD}),
        ("trends", {"sex": PAYLOAD}),
        ("map", {"show": PAYLOAD}),
    ],
)
def test_a_bad_link_value_is_quoted_literally_never_rendered(
    name: str, params: dict[str, str]
) -> None:
    app = page(name, **params)
    assert not app.exception
    (notice,) = [w.value for w in app.warning if "känns inte igen" in w.value]
    quoted = re.search(r"`([^`]*)`\. Visar", notice)
    assert quoted, notice  # the value sits in a code span, where Markdown makes no links or images
    assert "](" not in notice.replace(quoted.group(0), "")
    assert len(quoted.group(1)) <= 80


def test_a_huge_link_value_is_not_echoed() -> None:
    app = page("compare", regions="x" * 100_000)
    assert not app.exception
    assert all(len(w.value) < 400 for w in app.warning)
    assert _plotly_charts(app)


def test_a_locked_database_is_a_sentence_not_a_traceback(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db_path, copy)
    with write_lock_held_elsewhere(copy):
        monkeypatch.setenv("UTB_DB_PATH", str(copy))
        app = AppTest.from_file(APP, default_timeout=60).run()
        assert not app.exception
        (message,) = [e.value for e in app.error]
        assert message.startswith("Databasfilen är öppen för skrivning i ett annat program")
        assert str(tmp_path) not in message and "PID" not in message


def test_the_table_shows_the_same_number_as_the_chart() -> None:
    """Rounded once, to what is shown: Oxelösund's gap (12.9544 points) is 13,0 under the chart
    as on it (the table once rounded to 12,95 first and showed 12,9)."""
    app = page("ranking", scope="municipality_in_county", county="04", show="gap")
    unfolded(app, "ranking").run()
    table = app.dataframe[0].value
    row = table[table[table.columns[0]] == "Oxelösund"]
    assert list(row["Skillnad kvinnor − män (p.e.)"]) == ["13,0"]
    (chart,) = app.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    assert any("13,0 p.e." in str(trace.get("text")) for trace in spec["data"])
