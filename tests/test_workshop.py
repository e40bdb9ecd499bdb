"""Workshop mode: decks, pinning, PowerPoint with native charts, presentation images."""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.presentation import Presentation as Deck
from streamlit.testing.v1 import AppTest

from dashboard import pptx_export
from dashboard.decks import link, model, pinning
from dashboard.decks import render as drawing
from dashboard.decks.model import DeckError, Slide
from dashboard.views.deck import example_deck


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


@pytest.fixture(scope="module")
def pptx_file(db_path: Path) -> Deck:
    import os

    os.environ["UTB_DB_PATH"] = str(db_path)
    return Presentation(io.BytesIO(pptx_export.build(example_deck())))


def _shares(db_path: Path, column: str) -> dict[str, float]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            f"SELECT region_name, {column} FROM gender_gap WHERE year = 2019 AND age_group = '25-64' "
            "AND region_level = 'county'"
        ).fetchall()
    return dict(rows)


def test_pptx_has_the_slides_in_order_with_titles_and_footers(pptx_file: Deck) -> None:
    deck = example_deck()
    assert [s.shapes.title.text for s in pptx_file.slides] == [
        drawing.render(s).headline for s in deck.slides
    ]
    assert pptx_file.slides[0].shapes.title.text.startswith("I Södermanlands län hade 41,1")
    for slide in pptx_file.slides:
        footers = [
            sh.text_frame.text for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.TEXT_BOX
        ]
        assert footers and footers[0].startswith("Källa: SCB") and "Senaste data" in footers[0]


def test_pptx_charts_are_native_and_equal_the_database(pptx_file: Deck, db_path: Path) -> None:
    charts = [next((sh.chart for sh in s.shapes if sh.has_chart), None) for s in pptx_file.slides]
    kinds = [c.chart_type if c else None for c in charts]
    assert kinds == [
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        XL_CHART_TYPE.BAR_CLUSTERED,
        XL_CHART_TYPE.BAR_CLUSTERED,
        None,
        XL_CHART_TYPE.LINE_MARKERS,
    ]
    for chart, column in ((charts[1], "women_share"), (charts[2], "men_share")):
        assert chart is not None
        (series,) = chart.plots[0].series
        got = dict(zip(chart.plots[0].categories, series.values, strict=True))
        assert got == pytest.approx(_shares(db_path, column))
    overview = charts[0]
    assert overview is not None
    assert [s.name for s in overview.plots[0].series] == ["Kvinnor", "Män", "Totalt"]
    assert list(overview.plots[0].categories) == ["Södermanlands län", "Riket"]


def test_map_slide_is_a_picture(pptx_file: Deck) -> None:
    pictures = [sh for sh in pptx_file.slides[3].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"


def test_without_chromium_the_map_says_so_and_the_rest_exports() -> None:
    def no_browser(_: object) -> bytes:
        raise RuntimeError("no chromium")

    deck = model.Deck("t", [Slide("map", {"scope": "county"}), Slide("gap", {})])
    prs = Presentation(io.BytesIO(pptx_export.build(deck, image=no_browser)))
    texts = [sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame]
    assert any("Bildexport kräver Chromium" in t for t in texts)
    dumbbell = next(sh.chart for sh in prs.slides[1].shapes if sh.has_chart)
    assert dumbbell.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert b"hiLowLines" in dumbbell._chartSpace.xml.encode()


def test_png_and_svg_at_presentation_size() -> None:
    rendered = drawing.render(Slide("ranking", {"show": "women"}))
    png = pptx_export.figure_png(rendered.figure)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1920, 1080)
    svg = pptx_export.figure_svg(rendered.figure).decode()
    assert 'width="1920"' in svg and 'height="1080"' in svg


def test_deck_json_and_link_round_trip() -> None:
    deck = example_deck()
    again = model.from_json(model.to_json(deck))
    assert [(s.view, s.params) for s in again.slides] == [(s.view, s.params) for s in deck.slides]
    assert not again.pinned
    linked = link.from_link(link.to_link(deck))
    assert [(s.view, s.params) for s in linked.slides] == [(s.view, s.params) for s in deck.slides]
    assert linked.title == deck.title and len(link.to_link(deck)) < 400


def test_a_pinned_file_is_shown_only_when_its_numbers_are_the_databases() -> None:
    pinned = pinning.pin(model.Deck("t", [Slide("ranking", {"show": "women"})]))
    text = model.to_json(pinned)
    reloaded = pinning.load_file(text.encode())
    assert reloaded.pinned and reloaded.slides[0].snapshot
    note = pinning.version_note(reloaded)
    assert note.startswith("Låst till dataversion") and "(aktuell)" in note

    forged = json.loads(text)
    for row in forged["slides"][0]["data"]:
        if row["region_code"] == "20":
            row["women_share"] = 99.5
    with pytest.raises(DeckError, match="slide 1: its numbers differ"):
        pinning.load_file(json.dumps(forged).encode())

    other_version = json.loads(text)
    other_version["pinned"]["data_fingerprint"] = "0" * 64
    with pytest.raises(DeckError, match="data version this database does not hold"):
        pinning.load_file(json.dumps(other_version).encode())

    stamped = json.loads(text)
    stamped["pinned"]["built_at"] = "<img src=https://evil.example/x.png> 1999"
    shown = pinning.load_file(json.dumps(stamped).encode())
    assert "evil" not in pinning.version_note(shown)  # the build time is the database's


def _token(doc: object) -> str:
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(doc).encode())).decode()


SLIDE = {"view": "ranking", "params": {"show": "women"}}


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (
            {
                "version": 1,
                "slides": [{**SLIDE, "data": [{"region_name": "X", "women_share": 99}]}],
            },
            "carries more than views",
        ),
        (
            {"version": 1, "pinned": {"data_fingerprint": "f"}, "slides": [SLIDE]},
            "carries more than views",
        ),
        ({"version": 1, "slides": [SLIDE], "script": "x"}, "carries more than views"),
        (
            {"version": 1, "slides": [{"view": "ranking", "params": {"region_name": "Sörmland"}}]},
            "is not a view setting",
        ),
        (
            {"version": 1, "slides": [{"view": "ranking", "params": {"highlight": "<b>04</b>"}}]},
            "not a code, year or list",
        ),
        ({"version": 1, "slides": [SLIDE] * 41}, "at most 40 are allowed"),
        ({"version": 1, "slides": []}, "no slides"),
    ],
)
def test_links_carry_views_never_content(doc: object, message: str) -> None:
    with pytest.raises(DeckError, match=message):
        link.from_link(_token(doc))


def test_damaged_huge_and_bomb_links_are_refused() -> None:
    with pytest.raises(DeckError, match="damaged"):
        link.from_link("!!!not-a-deck")
    with pytest.raises(DeckError, match="too long"):
        link.from_link("A" * 9_000)
    bomb = base64.urlsafe_b64encode(zlib.compress(b"[" * 5_000_000, 9)).decode()
    assert len(bomb) < 8_000
    with pytest.raises(DeckError, match="too large"):
        link.from_link(bomb)


def test_a_deck_title_is_kept_short_and_plain() -> None:
    doc = {"version": 1, "title": "A\n<script>x</script>" + "y" * 500, "slides": [SLIDE]}
    deck = link.from_link(_token(doc))
    assert len(deck.title) <= model.TITLE_LIMIT and "\n" not in deck.title


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not a deck file"),
        ('{"version": 7, "slides": []}', "not a version 1 deck"),
        ('{"version": 1, "slides": [{"view": "spreadsheet"}]}', "slide 1: view must be one of"),
        (
            '{"version": 1, "slides": [{"view": "ranking", "data": [{"a": 1}]}]}',
            "not pinned to a data version",
        ),
    ],
)
def test_bad_deck_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(DeckError, match=message):
        pinning.load_file(text.encode())


def _deck_page(**params: str) -> AppTest:
    app = AppTest.from_string(
        "from dashboard.views import deck\ndeck.render()", default_timeout=120
    )
    app.query_params.update(params)
    return app.run()


def test_a_forged_link_is_refused_on_the_page_and_nothing_is_drawn() -> None:
    doc = {
        "version": 1,
        "slides": [{**SLIDE, "data": [{"region_code": "04", "region_name": "<a href=x>X</a>"}]}],
    }
    app = _deck_page(deck=_token(doc), present="1", slide="1")
    assert not app.exception
    assert app.error and app.error[0].value.startswith("Bildspelet öppnades inte")
    assert not list(app.get("plotly_chart"))
    assert all("href" not in m.value for m in app.markdown)


def test_deck_page_builds_reorders_and_removes() -> None:
    app = _deck_page()
    app.button(key="example").click().run()
    assert not app.exception
    assert len(app.session_state["deck"].slides) == 5
    token = app.query_params["deck"]
    assert [s.view for s in link.from_link(token).slides] == [
        "overview",
        "ranking",
        "ranking",
        "map",
        "trends",
    ]
    app.button(key="down_0").click().run()
    assert [s.view for s in app.session_state["deck"].slides][:2] == ["ranking", "overview"]
    app.button(key="remove_4").click().run()
    assert len(app.session_state["deck"].slides) == 4


def test_present_mode_steps_through_slides() -> None:
    token = link.to_link(example_deck())
    app = _deck_page(deck=token, present="1", slide="1")
    first = app.markdown[1].value
    assert "Södermanlands län" in first
    app.button(key="next").click().run()
    assert app.query_params["slide"] == "2" and app.markdown[1].value != first
    app.button(key="previous").click().run()
    assert app.query_params["slide"] == "1"


def test_add_the_current_view_to_the_deck() -> None:
    app = AppTest.from_string(
        "from dashboard.views import ranking\nranking.render()", default_timeout=60
    )
    app.query_params.update({"show": "men", "scope": "county", "injected": "<b>x</b>"})
    app.run()
    app.button(key="deck_add_ranking").click().run()
    (slide,) = app.session_state["deck"].slides
    assert (
        slide.view == "ranking"
        and slide.params["show"] == "men"
        and slide.params["scope"] == "county"
        and "injected" not in slide.params
    )
