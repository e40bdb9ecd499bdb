"""One view, every output: for every view and a sample of settings, the page, the slide in the
PowerPoint, the picture and the downloads carry the same title and sentence, and each says
exactly once where its numbers come from."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from dashboard.decks.model import Deck, Slide
from dashboard.model import registry
from dashboard.render import downloads, pictures, pptx
from tests.helpers import page_script

#: every view of the registry with its defaults and the samples its declaration gives
SAMPLES: list[tuple[str, dict[str, str]]] = [
    (name, dict(sample)) for name, view in registry.VIEWS.items() for sample in ({}, *view.samples)
]
#: a 1×1 PNG: the PowerPoint's map picture without starting Chromium
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize(("view", "params"), SAMPLES)
def test_page_slide_picture_and_files_say_the_same_once(view: str, params: dict[str, str]) -> None:
    result, notices = registry.compute(view, params, "sv")
    assert not notices

    # the page: its chart's title, its sentence, the source line once
    app = AppTest.from_string(page_script(view), default_timeout=60)
    app.query_params.update(result.settings)
    app.run()
    assert not app.exception, app.exception
    chart = app.get("plotly_chart")[0]  # the age page draws its ranking second
    spec = json.loads(chart.proto.spec)
    assert spec["layout"]["title"]["text"] == result.title
    assert not [a for a in spec["layout"].get("annotations", []) if "Källa" in a.get("text", "")]
    sentence = next(m.value for m in app.markdown if m.value.startswith("## "))
    assert _plain(sentence) == f"## {result.headline}"
    texts = [_plain(e.value) for e in [*app.caption, *app.markdown, *app.info]]
    assert sum(result.source in text for text in texts) == 1

    # the PowerPoint slide: the same sentence as headline, the same title, the source once
    deck = Deck("t", [Slide(view, result.settings)])
    prs = Presentation(io.BytesIO(pptx.build(deck, image=lambda fig: PIXEL)))
    shapes = [sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame]
    assert shapes[0] == result.headline and shapes[1] == result.title
    assert sum(result.source in text for text in shapes) == 1

    # the picture: the title, the sentence and the source inside, once each
    picture = pictures.titled(result).to_plotly_json()["layout"]
    assert picture["title"]["text"] == result.title
    assert picture["title"]["subtitle"]["text"] == result.headline
    sources = [a for a in picture.get("annotations", []) if "Källa" in str(a.get("text"))]
    assert len(sources) == 1 and sources[0]["yanchor"] == "bottom"

    # the files: Excel has title, sentence and source above the table, and an about sheet;
    # the CSV is one table whose every row names its source
    book = openpyxl.load_workbook(io.BytesIO(downloads.xlsx(result)))
    data, about = book.worksheets
    assert [data.cell(r, 1).value for r in (1, 2, 3)] == [
        result.title,
        result.headline,
        result.source,
    ]
    assert about.title == "Om data"
    # the SCB tables it names are those of the source line (not the region code list)
    tables = [
        about.cell(r, 2).value
        for r in range(1, about.max_row + 1)
        if about.cell(r, 1).value == "SCB-tabell"
    ]
    assert tables and all(str(name).split()[0] in result.source for name in tables)
    csv = downloads.csv(result).decode("utf-8-sig").splitlines()
    assert csv[0].split(";")[-1] == "source"
    assert all(line.endswith(result.source) or '"' in line for line in csv[1:])


def test_the_same_view_is_computed_once_per_process() -> None:
    first, _ = registry.compute("ranking", {"highlight": "04"}, "sv")
    again, _ = registry.compute("ranking", {"highlight": "04"}, "sv")
    assert first is again
    english, _ = registry.compute("ranking", {"highlight": "04"}, "en")
    assert english is not first and english.title.startswith("Post-secondary")


def test_a_choice_carries_over_when_the_level_changes() -> None:
    """A län marked on the län ranking becomes the län whose kommuner are shown; a kommun
    marked on the kommun ranking becomes its län on the län ranking — never a notice."""
    values, notices = registry.resolve_view(
        "ranking", {"scope": "municipality_in_county", "highlight": "04"}
    )
    assert not notices and values["county"] == "04" and values["highlight"] == ""
    values, notices = registry.resolve_view("ranking", {"scope": "county", "highlight": "0486"})
    assert not notices and values["highlight"] == "04"
    # the map of someone who chose Södermanland: its kommuner; of someone who chose Strängnäs:
    # its län's kommuner with Strängnäs marked
    values, _ = registry.resolve_view("map", {}, {"region": "04"})
    assert values["scope"] == "municipality_in_county" and values["county"] == "04"
    values, _ = registry.resolve_view("map", {}, {"region": "0486", "show": "women"})
    assert values["highlight"] == "0486" and values["show"] == "women"
    # a value that means nothing here is still refused with a notice
    _, notices = registry.resolve_view("ranking", {"highlight": "9999"})
    assert [n.key for n in notices] == ["highlight"]


def test_a_kommuns_overview_ranks_it_in_its_lan_and_group_beside_riket() -> None:
    result, _ = registry.compute("overview", {"region": "0486", "year": "2019"}, "sv")
    women = result.facts[0]
    assert women.startswith("Kvinnor: 73 av 290 kommuner · 1 av 9 i Södermanlands län")
    assert "av 63 i kommungrupp B4" in women
    assert any(f.startswith("Södermanlands län: kvinnor 41,1") for f in result.facts)
    assert result.facts[-1].startswith("Riket: kvinnor 49,8")


def test_map_pictures_name_and_mark_the_chosen_kommun() -> None:
    result, _ = registry.compute("map", {"highlight": "0486"}, "sv")
    picture = pictures.titled(result)
    labels = [a.text for a in picture.layout.annotations if a.name == "map_label"]
    # names only where they fit inside their kommun at 12 pt: Oxelösund's is left to the table
    assert "<b>Strängnäs</b>" in labels and "Flen" in labels and "Oxelösund" not in labels
    assert 7 <= len(labels) < 9
    outlines = [t for t in picture.data if t.type == "choroplethmap" and t.showscale is False]
    assert any(list(t.locations) == ["0486"] for t in outlines)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_a_legend_under_the_trend_stays_clear_of_the_pictures_source_line(
    width: int, height: int
) -> None:
    """The trend's legend is under its plot; in a picture the source line is there too. The
    legend sits above the source line's two lines, and the x axis keeps its own room."""
    result, _ = registry.compute("trends", {"regions": "0486"}, "sv")
    layout = pictures.titled(result, width, height).to_plotly_json()["layout"]
    source = next(a for a in layout["annotations"] if a.get("name") == "source")
    source_top = 8 + 2 * 1.3 * source["font"]["size"]  # px above the picture's bottom edge
    legend = layout["legend"]
    assert legend["yref"] == "container" and legend["yanchor"] == "bottom"
    legend_bottom = legend["y"] * height
    assert legend_bottom >= source_top
    # the legend's line (~1.5× its type) fits under the axis labels, within the bottom margin
    legend_top = legend_bottom + 1.5 * layout["legend"]["font"]["size"]
    assert legend_top < layout["margin"]["b"] - 1.5 * layout["xaxis"]["tickfont"]["size"]
