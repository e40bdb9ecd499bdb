"""The words around the numbers: where a rank is counted, said in lower case and in the
reader's language; one name per region in every headline; every substituted setting said in a
notice that names, in words, what is shown instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.model import registry
from tests.helpers import page_script


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def _page(name: str, params: dict[str, str], remembered: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_string(page_script(name), default_timeout=60)
    if remembered:
        app.session_state["_selection"] = remembered
    app.query_params.update(params)
    return app.run()


def _warnings(app: AppTest) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", w.value) for w in app.warning]


@pytest.mark.parametrize(
    ("params", "lang", "fact"),
    [
        ({"scope": "county", "highlight": "04", "show": "men"}, "sv", "Södermanlands län: 19 av 21 län"),
        ({"scope": "county", "highlight": "04", "show": "men"}, "en", "Södermanlands län: 19 of 21 counties"),
        ({"scope": "municipality", "highlight": "0486", "show": "women"}, "sv", "Strängnäs: 73 av 290 kommuner"),
        ({"scope": "municipality_in_county", "county": "04", "highlight": "0486", "show": "women"}, "en", "Strängnäs: 1 of 9 in Södermanlands län · 73 of 290 municipalities"),
    ],
)  # fmt: skip
def test_the_rank_says_where_it_is_counted_in_lower_case(
    params: dict[str, str], lang: str, fact: str
) -> None:
    result, _ = registry.compute("ranking", {"age": "25-64", "year": "2019", **params}, lang)
    (line,) = result.facts
    assert line == fact if "·" in fact else line.startswith(fact)
    assert not re.search(r"\b(i|in) (Län|Counties|Alla|All)\b", line + result.headline)
    # the sentence counts it the same way
    assert fact.split(": ")[1].split(" · ")[0] in result.headline


@pytest.mark.parametrize(("lang", "said"), [("sv", "störst först"), ("en", "largest first")])
def test_a_gap_rank_says_which_way_it_counts(lang: str, said: str) -> None:
    """ "1 of 9 by gender gap" read as the best place: the largest gap is first."""
    result, _ = registry.compute("gap", {"region": "0486"}, lang)
    rank = re.search(r"(\d+) (av|of) 9", result.headline)
    assert rank is not None and said in result.headline
    gaps = result.chart.frame.sort("gap_pp", descending=True)["region_code"].to_list()
    assert gaps.index("0486") + 1 == int(rank.group(1))


def test_every_headline_names_a_region_one_way() -> None:
    """The län by its own name everywhere ("Södermanlands län"), never a short form in one
    headline and the long one in the next; the age view's headline names its region."""
    settings = {
        "overview": {"region": "04"},
        "ranking": {"scope": "county", "highlight": "04"},
        "gap": {"scope": "county", "highlight": "04"},
        "change": {"scope": "county", "highlight": "04"},
        "age": {"region": "04"},
        "trends": {"regions": "04"},
        "map": {"scope": "county", "highlight": "04"},
        "definitions": {"region": "04"},
    }
    for view, params in settings.items():
        headline = registry.compute(view, params, "sv")[0].headline
        assert "Södermanlands län" in headline, (view, headline)
        assert not re.search(r"Södermanland(?!s län)", headline), (view, headline)
    change = registry.compute("change", {"scope": "county"}, "sv")[0]
    assert re.search(r"störst ökning \w+ län ", change.headline), change.headline


@pytest.mark.parametrize(
    ("name", "params", "lang", "said"),
    [
        ("map", {"lc": "7"}, "sv", "känns inte igen: `7`. Visa lärcentrum är påslaget."),
        ("map", {"lc": "7"}, "en", "is not recognised: `7`. Show learning centres is on."),
        ("ranking", {"scope": "county", "highlight": "zz"}, "sv", "Visar ingen markerad region."),
        ("ranking", {"scope": "county", "highlight": "zz"}, "en", "Showing no region marked."),
    ],
)
def test_a_notice_names_what_is_shown_in_words(
    name: str, params: dict[str, str], lang: str, said: str
) -> None:
    app = _page(name, {"lang": lang, **params})
    assert not app.exception
    (notice,) = _warnings(app)
    assert said in notice
    assert not re.search(r"(Visar|Showing) (på|on|–)\.", notice)


def test_a_trend_says_it_replaced_an_age_group_of_one_year() -> None:
    """16-24 chosen on Översikt has one year: Utveckling shows 16-74 and says so."""
    app = _page("trends", {}, remembered={"age": "16-24", "region": "04"})
    assert not app.exception
    (notice,) = _warnings(app)
    assert notice == (
        "16–24 år finns bara för 2019, och här behövs flera år; visar 16–74 år (totalt)."
    )
    assert app.query_params["age"] == "16-74"
    # asked in the link, the same words
    linked = _page("trends", {"age": "16-24", "lang": "en"})
    assert _warnings(linked) == [
        "16–24 years exists only for 2019, and this page needs several years; showing 16–74 years "
        "(total)."
    ]


def test_a_choice_this_page_cannot_show_is_said() -> None:
    """2022 chosen for 16-74 on another page: 25-64 has 2019 only."""
    app = _page("ranking", {"age": "25-64"}, remembered={"year": "2022"})
    (notice,) = _warnings(app)
    assert "finns för 2019, inte för" in notice and "2022" in notice and notice.endswith("2019.")
    # a choice that still means something here is carried without a word
    quiet = _page("ranking", {"scope": "county"}, remembered={"region": "0486"})
    assert not quiet.warning and quiet.query_params["highlight"] == "04"


def test_a_value_a_page_put_in_place_of_the_readers_is_not_carried_on() -> None:
    """Utveckling shows 16–74 when the reader's 25–64 has one year only; back on Översikt the
    reader's own 25–64 is still theirs (it silently became 16–74)."""
    trends = _page("trends", {}, remembered={"age": "25-64", "region": "04"})
    assert trends.session_state["_selection"]["age"] == "25-64"
