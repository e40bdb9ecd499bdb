"""The age view (issue 19): the gap by 10-year age group for a region beside riket (and its
län for a kommun), the largest gap named, the totals listed apart; and the change view's and
the figure finder's native PowerPoint charts and pages."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from dashboard import charts
from dashboard.decks.examples import for_region
from dashboard.decks.model import Deck, Slide
from dashboard.model import registry
from dashboard.render import downloads, pptx
from tests.helpers import page_script


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def _gaps(frame: pl.DataFrame, code: str) -> dict[str, float]:
    rows = frame.filter(pl.col("region_code") == code)
    return dict(zip(rows["age_group"], rows["gap_pp"], strict=True))


def test_sormland_2019_gap_by_age_against_riket() -> None:
    result, notices = registry.compute("age", {"region": "04", "year": "2019"}, "sv")
    assert not notices
    frame = result.chart.frame
    sormland, riket = _gaps(frame, "04"), _gaps(frame, "00")
    # the raw recomputation, to 0.1
    for age, want in {"25-34": 16.7, "35-44": 17.3, "45-54": 11.3, "55-64": 7.2}.items():
        assert sormland[age] == pytest.approx(want, abs=0.1)
    for age, want in {"25-34": 15.0, "35-44": 14.5, "45-54": 10.1, "55-64": 7.5}.items():
        assert riket[age] == pytest.approx(want, abs=0.1)
    assert result.headline == (
        "Södermanlands län: störst skillnad bland 35–44-åringar, 17,2 p.e. (riket 14,5 p.e.)"
    )
    assert any("25–64 år: skillnaden 13,0 p.e." in fact for fact in result.facts)


def test_age_groups_in_age_order_totals_after() -> None:
    result, _ = registry.compute("age", {"region": "04"}, "sv")
    own = result.chart.frame.filter(pl.col("region_code") == "04")["age_group"].to_list()
    assert own == ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "16-74", "25-64"]
    assert result.table.columns[:2] == ["Region", "Ålder"]
    assert result.table[t := "Ålder"][-1] == "25–64 år (totalt)", t


def test_a_kommun_beside_its_lan_and_riket_and_its_ranking() -> None:
    result, _ = registry.compute("age", {"region": "0486"}, "en")
    codes = result.chart.frame["region_code"].unique(maintain_order=True).to_list()
    assert codes == ["0486", "04", "00"]
    ranking = result.extra["ranking"]
    assert ranking == {
        "age": result.settings["rank_age"],
        "year": "2019",
        "measure": "post_secondary",
        "definition": "unknown_included",
        "show": "gap",
        "scope": "municipality_in_county",
        "county": "04",
        "highlight": "0486",
    }
    ranked, notices = registry.compute("ranking", ranking, "en")
    assert not notices and "Strängnäs" in ranked.headline


def test_age_params_validate_and_the_rank_age_defaults_to_the_largest_gap() -> None:
    values, notices = registry.resolve_view("age", {"region": "04", "year": "1066"})
    assert values["year"] == "2019" and [n.key for n in notices] == ["year"]
    assert values["rank_age"] == "35-44"
    values, _ = registry.resolve_view("age", {"region": "04", "rank_age": "25-34"})
    assert values["rank_age"] == "25-34"


def test_age_and_change_slides_render_native_charts() -> None:
    deck = Deck(
        "t",
        [
            Slide("age", {"region": "0486"}),
            Slide("change", {"highlight": "04"}),
            Slide("definitions", {"region": "04", "value": "16"}),
        ],
    )
    prs = Presentation(io.BytesIO(pptx.build(deck, "sv", image=lambda fig: b"")))
    age_slide, change_slide, finder_slide = prs.slides
    age_charts = [sh.chart for sh in age_slide.shapes if sh.has_chart]
    assert len(age_charts) == 2
    names = [s.name for s in age_charts[1].plots[0].series]
    # the region's gap on top in each group, the län's, riket's (PowerPoint lists them upwards)
    assert names == ["Riket – skillnad", "Södermanlands län – skillnad", "Skillnad"]
    # the shares with the page's decimals (41 % was 41,1 % on the page)
    assert "<a:t>42,9\u202f%</a:t>" in age_charts[0]._chartSpace.xml
    bars = [sh.chart for sh in change_slide.shapes if sh.has_chart]
    assert sum(len(list(b.plots[0].categories)) for b in bars) == 22  # 21 län and riket
    texts = [sh.text_frame.text for sh in finder_slide.shapes if sh.has_text_frame]
    assert texts[0].startswith("16,7 p.e. är skillnaden mellan kvinnor och män bland 25–34")


def test_figures_and_files_of_the_new_views() -> None:
    for view, params in (("age", {"region": "04"}), ("change", {"highlight": "04"})):
        result, _ = registry.compute(view, params, "sv")
        fig = charts.figure(result)
        assert fig.layout.title.text == result.title
        assert downloads.csv(result).count(b"\n") == result.data.height + 1
        assert downloads.xlsx(result)[:2] == b"PK"


def test_the_deck_reaimed_at_a_kommun_moves_the_new_views() -> None:
    from dashboard.model.regions import regions

    deck = Deck("t", [Slide("age", {"region": "04", "rank_age": "25-34"}), Slide("change", {})])
    moved = for_region(deck, "0486", regions())
    assert moved.slides[0].params == {"region": "0486"}
    assert moved.slides[1].params["highlight"] == "0486"
    assert moved.slides[1].params["scope"] == "municipality_in_county"


@pytest.mark.parametrize(
    ("screen", "params", "expect"),
    [
        ("age", {"region": "04"}, "Södermanlands län: störst skillnad bland 35–44-åringar"),
        ("change", {"highlight": "04"}, "Södermanlands län: skillnaden mellan kvinnor och män"),
        ("definitions", {"region": "04", "value": "16"}, "16,7 p.e. är skillnaden"),
    ],
)
def test_pages_run(screen: str, params: dict[str, str], expect: str) -> None:
    app = AppTest.from_string(page_script(screen), default_timeout=60)
    app.query_params.update(params)
    app.run()
    assert not app.exception, app.exception
    assert expect in app.markdown[0].value.replace("\\", "")
    assert app.get("plotly_chart")
