"""Workshop mode: decks, pinning, PowerPoint with native charts, presentation images."""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from pathlib import Path
from typing import Any

import duckdb
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.presentation import Presentation as Deck
from streamlit.testing.v1 import AppTest

from dashboard.decks import link, model, pinning
from dashboard.decks import render as drawing
from dashboard.decks.examples import example_deck
from dashboard.decks.model import DeckError, Slide
from dashboard.render import pictures as images
from dashboard.render import pptx as pptx_export
from dashboard.render.slides import PROJECTORS, chart_height
from dashboard.text.i18n import t
from tests.helpers import page_script


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


def _texts(slide: object) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]  # type: ignore[attr-defined]


def test_every_slide_has_headline_subtitle_source_and_notes(pptx_file: Deck) -> None:
    deck = example_deck()
    for slide, spec in zip(pptx_file.slides, deck.slides, strict=True):
        rendered = drawing.render(spec)
        headline, subtitle, *_, footer = _texts(slide)
        assert headline == rendered.headline
        assert subtitle == rendered.title  # measure · who · ages · year · where, as on the page
        assert "25–64 år" in subtitle or "16–74 år" in subtitle
        assert footer.startswith("Källa: SCB") and "Definition:" in footer
        assert footer.endswith("Senaste data")
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith(rendered.headline) and "Definition:" in notes
    assert _texts(pptx_file.slides[1])[0].startswith(
        "Södermanlands län: 20 av 21 län för kvinnorna"
    )


def _charts(slide: object) -> list[Any]:
    """A slide's charts, left to right (a long ranking is two charts side by side)."""
    return [sh.chart for sh in slide.shapes if sh.has_chart]  # type: ignore[attr-defined]


def _bars(slide: object) -> dict[str, float]:
    """Every category of a slide's bar charts and its value."""
    return {
        name: value
        for chart in _charts(slide)
        for name, value in zip(
            chart.plots[0].categories,
            chart.plots[0].series[0].values,
            strict=True,
        )
    }


def test_pptx_charts_are_native_and_equal_the_database(pptx_file: Deck, db_path: Path) -> None:
    charts = [next(iter(_charts(s)), None) for s in pptx_file.slides]
    kinds = [c.chart_type if c else None for c in charts]
    assert kinds == [
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        XL_CHART_TYPE.BAR_CLUSTERED,
        XL_CHART_TYPE.BAR_CLUSTERED,
        None,
        XL_CHART_TYPE.LINE_MARKERS,
    ]
    for slide, column in ((pptx_file.slides[1], "women_share"), (pptx_file.slides[2], "men_share")):
        # 21 län and riket at 16 pt: two charts side by side, one value axis
        assert len(_charts(slide)) == 2
        got = _bars(slide)
        riket = got.pop("Riket")  # riket is a labelled reference bar among the län
        assert got == pytest.approx(_shares(db_path, column))
        with duckdb.connect(str(db_path), read_only=True) as con:
            assert riket == pytest.approx(
                con.execute(
                    f"SELECT {column} FROM gender_gap WHERE region_code = '00' AND year = 2019 "
                    "AND age_group = '25-64'"
                ).fetchone()[0]  # type: ignore[index]
            )
    overview = charts[0]
    assert overview is not None
    assert [s.name for s in overview.plots[0].series] == ["Kvinnor", "Män", "Totalt"]
    assert list(overview.plots[0].categories) == ["Södermanlands län", "Riket"]


def _xml(chart: object) -> str:
    return chart._chartSpace.xml  # type: ignore[attr-defined]


def test_charts_are_labelled_coloured_and_highlighted(pptx_file: Deck) -> None:
    overview = _charts(pptx_file.slides[0])[0]
    xml = _xml(overview)
    # every number labelled as Swedish text; percentage axis in whole per cent; the sex colours
    assert "<a:t>41,1\u202f%</a:t>" in xml and "<a:t>28,1\u202f%</a:t>" in xml
    assert 'formatCode="0&quot;\u202f%&quot;"' in xml and 'sourceLinked="0"' in xml
    for colour in ("D55E00", "0072B2", "009E73"):
        assert f'<a:srgbClr val="{colour}"/>' in xml
    fills = {
        name: point.format.fill.fore_color.rgb
        for women in _charts(pptx_file.slides[1])
        for name, point in zip(
            women.plots[0].categories,
            women.plots[0].series[0].points,
            strict=True,
        )
        if name in ("Södermanlands län", "Riket")
    }
    xml = "".join(_xml(chart) for chart in _charts(pptx_file.slides[1]))
    assert str(fills["Södermanlands län"]) == "F0E442"  # the highlighted region
    assert str(fills["Riket"]) == "000000"  # riket as a labelled reference
    assert "<a:t>49,8\u202f%</a:t>" in xml and 'val="1"' in xml  # tickLblSkip: every label
    trend = next(sh.chart for sh in pptx_file.slides[4].shapes if sh.has_chart)
    colours = [str(s.format.line.color.rgb) for s in trend.plots[0].series]
    names = [s.name for s in trend.plots[0].series]
    # colour says the sex, riket's lines are dashed: riket's women and men are told apart
    assert colours == ["D55E00", "0072B2", "D55E00", "0072B2"]
    dashes = {
        n.split(":")[0]: s.format.line.dash_style
        for n, s in zip(names, trend.plots[0].series, strict=True)
    }
    assert dashes["Riket – kvinnor"] == dashes["Riket – män"] is not None
    assert dashes["Södermanlands län – kvinnor"] is None
    # each line's last value in its legend entry, not as labels that sat on each other
    assert "Södermanlands län – kvinnor: 37,5\u202f% 2022" in names
    assert "dLbl" not in _xml(trend)


def test_the_gap_slide_ranks_the_gap_with_riket_among_the_regions() -> None:
    deck = model.Deck("t", [Slide("gap", {"scope": "county", "highlight": "04"})])
    prs = Presentation(io.BytesIO(pptx_export.build(deck)))
    charts = _charts(prs.slides[0])
    assert len(charts) == 2  # 22 rows of 16-pt names: two columns, one value axis
    assert charts[0].chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    gaps = _bars(prs.slides[0])
    assert gaps["Södermanlands län"] == pytest.approx(13.0, abs=0.05)
    assert gaps["Riket"] == pytest.approx(11.9, abs=0.05)
    # the largest gap on top (PowerPoint draws a bar chart's first category at the bottom)
    assert max(gaps, key=lambda name: gaps[name]) == list(charts[0].plots[0].categories)[-1]
    xml = "".join(_xml(chart) for chart in charts)
    assert "<a:t>13,0 p.e.</a:t>" in xml and 'formatCode="0&quot; p.e.&quot;"' in xml
    assert _texts(prs.slides[0])[0].startswith("Södermanlands län: ")


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
    assert any(sh.has_chart for sh in prs.slides[1].shapes)


def test_png_and_svg_say_what_they_show() -> None:
    rendered = drawing.render(Slide("ranking", {"show": "women"}))
    png = images.png(rendered)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1920, 1080)
    svg = images.svg(rendered).decode()
    assert 'width="1920"' in svg and 'height="1080"' in svg
    assert "Eftergymnasial utbildning · okänd nivå i nämnaren" in svg  # title: what, who, when
    assert "25–64 år, kvinnor, 2019 — Län" in svg and "högst Stockholms län" in svg
    assert svg.count("Källa: SCB") == 1 and "Definition:" in svg


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
    installed = drawing.render(Slide("ranking", {"show": "women"})).provenance.data_version
    note = pinning.version_note(reloaded, installed)
    assert note.startswith("Låst till dataversion") and "(aktuell)" in note
    assert "nyare data" in pinning.version_note(reloaded, "0" * 64)

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
    assert "evil" not in pinning.version_note(shown, installed)  # the build time is the database's


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
        ({"version": 1, "slides": [SLIDE] * 16}, "at most 15 are allowed"),
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
    app = AppTest.from_string(page_script("deck"), default_timeout=120)
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
    assert [i.value for i in app.info] == [t("deck_empty", "sv")]
    app.button(key="example").click().run()
    assert not app.exception
    assert len(app.session_state["deck"].slides) == 5
    # the deck drawn with its slides says no longer that it is empty
    assert not app.info and not [b for b in app.button if b.key == "example"]
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
    app = AppTest.from_string(page_script("ranking"), default_timeout=60)
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


def test_every_deck_message_exists_in_both_languages() -> None:
    import re

    from dashboard.text.i18n import DECK_SV

    assert set(DECK_SV) == set(model.MESSAGES)
    for key, english in model.MESSAGES.items():
        assert sorted(re.findall(r"\{(\w+)", DECK_SV[key])) == sorted(
            re.findall(r"\{(\w+)", english)
        ), key


def test_a_longer_headline_leaves_the_slide_chart_less_room() -> None:
    """Headline, chart and footer share the projector's height (the browser test checks the
    footer on screen); a three-line headline takes room from the chart, not from the footer."""
    headline = drawing.render(example_deck().slides[0], "sv").headline
    for screen, (_, height) in PROJECTORS.items():
        short, long = chart_height("Sörmland", screen), chart_height(headline, screen)
        assert long < short < height - 150
        assert chart_height(headline * 2, screen) < long


def test_a_slide_whose_settings_do_not_exist_says_so() -> None:
    """A deck link's slide with `year=1800` is drawn with the view's default, and the deck's
    page says which settings were replaced (it used to draw 2019 without a word)."""
    from dashboard.decks import render as drawing

    slide = Slide("ranking", {"year": "1800", "show": "x"})
    assert sorted(drawing.replaced(slide)) == ["show=x", "year=1800"]
    token = link.to_link(model.Deck("t", [slide]))
    app = AppTest.from_string(page_script("deck"), default_timeout=120)
    app.query_params["deck"] = token
    app.run()
    assert not app.exception
    assert any("year=1800" in c.value and "finns inte här" in c.value for c in app.caption)
