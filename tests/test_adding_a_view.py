"""A new view is one module in `dashboard/model/views/` (and its words): with nothing else
touched it has a page, a slide and a PowerPoint chart, every export format, an embed, a first
paint and a place in the tests' view lists. Proved with a module written to a temporary folder
that the views package is told about, as a new file in `dashboard/model/views/` would be."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dashboard.decks.model import Deck, Slide
from dashboard.model import registry, views
from dashboard.render import pptx
from dashboard.render.formats import FORMATS
from dashboard.web import routes, shell

#: A view of its own: Jämför's rows for the län of Norrland, declared as a new module would be.
MODULE = """
from dashboard.model import common
from dashboard.model.view import View
from dashboard.model.views import compare


def load(values, lang):
    return compare.load({**values, "regions": "22,23,24,25"}, lang)


VIEW = View(
    name="norrland",
    slug="norrland",
    title_key="compare",
    params=tuple(p for p in compare.PARAMS if p.key != "regions"),
    load=load,
    charts=("columns",),
    order=95,
)
"""


@pytest.fixture
def with_new_view(tmp_path: Path, db_path: Path) -> Iterator[None]:
    (tmp_path / "norrland.py").write_text(textwrap.dedent(MODULE), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        patch.setattr(views, "__path__", [*views.__path__, str(tmp_path)])
        patch.setattr(registry, "VIEWS", registry._discovered())
        registry.by_slug.cache_clear()
        registry.all_keys.cache_clear()
        yield
    registry.by_slug.cache_clear()
    registry.all_keys.cache_clear()


def test_a_new_module_is_a_view_with_every_output(with_new_view: None) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.helpers import page_script

    assert list(registry.VIEWS)[-1] == "norrland"
    # a page, drawn by the router's page for a view (the router lists registry.VIEWS)
    result, _ = registry.compute("norrland", {}, "sv")
    app = AppTest.from_string(page_script("norrland"), default_timeout=60).run()
    assert not app.exception and app.get("plotly_chart")
    assert any(result.headline in m.value.replace("\\", "") for m in app.markdown)
    # every export format, an embed and a first paint
    with TestClient(Starlette(routes=[*routes.routes(), *shell.routes()])) as client:
        for extension in FORMATS:
            answer = client.get(f"/export/norrland.{extension}")
            assert answer.status_code == 200, (extension, answer.text[:200])
        assert "Norrbottens län" in client.get("/export/norrland.csv").text
        assert "<svg" in client.get("/inbaddning/norrland").text
        assert '<div id="utb-first"' in client.get("/norrland").text
    # a slide in a PowerPoint, with the view's own headline
    deck = Presentation(io.BytesIO(pptx.build(Deck("t", [Slide("norrland", {})]))))
    texts = [shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame]
    assert texts[0] == result.headline
    assert any(shape.has_chart for shape in deck.slides[0].shapes)


def test_every_declared_chart_kind_is_drawn_by_plotly_and_by_powerpoint() -> None:
    """A chart kind is switched on in one place per output: a view declaring a kind that one
    of them lacks fails here, before any page or deck meets it."""
    from dashboard import charts
    from dashboard.render import pptx_kinds

    declared = {kind for view in registry.VIEWS.values() for kind in view.charts}
    assert declared <= set(charts.KINDS) and declared <= set(pptx_kinds.KINDS)
    assert set(charts.KINDS) == set(pptx_kinds.KINDS)


@pytest.mark.parametrize("name", list(registry.VIEWS))
def test_a_view_draws_only_the_kinds_it_declares(db_path: Path, name: str) -> None:
    view = registry.VIEWS[name]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        for sample in ({}, *view.samples):
            result, _ = registry.compute(name, sample, "sv")
            assert result.chart.kind in view.charts, (name, sample)
