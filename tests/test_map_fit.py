"""Maps fit what they show: a county's map frames its kommuner, on the page, a slide and PNG."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard import charts
from dashboard.charts import map_fit
from dashboard.data import places, queries
from dashboard.decks import render as drawing
from dashboard.decks.model import Slide
from dashboard.render.slides import presentation

MALMO, KIRUNA, GOTEBORG = (13.00, 55.60), (20.23, 67.86), (11.97, 57.71)


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def _inside(point: tuple[float, float], box: map_fit.Bounds) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


@pytest.mark.parametrize(("width", "height"), [(1000, 620), (1760, 690), (1920, 1080)])
def test_a_county_map_frames_its_kommuner_and_not_the_rest_of_sweden(
    width: int, height: int
) -> None:
    regions = queries.regions()
    sormland = set(regions.filter(regions["county_code"] == "04")["region_code"]) - {"04"}
    shapes, outlines = places.map_shapes("municipality", sormland, "04")
    bounds = map_fit.bounds_of(shapes)
    assert bounds is not None and len(shapes["features"]) == 9
    centre, zoom = map_fit.fit(bounds, width, height)
    shown = map_fit.view(centre, zoom, width, height)
    assert shown[0] <= bounds[0] and shown[1] <= bounds[1]
    assert shown[2] >= bounds[2] and shown[3] >= bounds[3]
    assert not any(_inside(p, shown) for p in (MALMO, KIRUNA, GOTEBORG))
    # the county fills the picture: its box takes at least half of one dimension
    fill = max(
        (bounds[2] - bounds[0]) / (shown[2] - shown[0]),
        (bounds[3] - bounds[1]) / (shown[3] - shown[1]),
    )
    assert fill > 0.5
    assert outlines is not None and [f["id"] for f in outlines["features"]] == ["04"]


def test_the_whole_country_still_fits() -> None:
    shapes, _ = places.map_shapes("county", {f"{c:02d}" for c in range(1, 26)})
    bounds = map_fit.bounds_of(shapes)
    assert bounds is not None
    shown = map_fit.view(*map_fit.fit(bounds, 1000, 620), 1000, 620)
    assert _inside(MALMO, shown) and _inside(KIRUNA, shown)


def test_a_map_slide_refits_and_keeps_only_its_countys_centres() -> None:
    slide = Slide("map", {"scope": "municipality_in_county", "county": "04", "show": "total"})
    figure = presentation(charts.figure(drawing.render(slide), inline_shapes=True), 1920, 1080)
    centre = figure.layout.map.center
    assert 58.5 < centre.lat < 59.8 and 15.5 < centre.lon < 17.8 and figure.layout.map.zoom > 6
    markers = [t for t in figure.data if t.type == "scattermap"]
    points = [(lon, lat) for t in markers for lon, lat in zip(t.lon, t.lat, strict=True)]
    assert points and all(15.5 < lon < 17.8 and 58.5 < lat < 59.7 for lon, lat in points)
    outline = [t for t in figure.data if t.type == "choroplethmap" and t.showscale is False]
    assert outline and list(outline[0].locations) == ["04"]


def test_a_page_picture_fits_its_map_to_the_plot_area_not_the_whole_figure() -> None:
    """The live page fits its map to Plotly's plot area (margins, and a colour bar under the
    map pushing the bottom up); the first paint's picture must fit to the same, or the map
    shrinks when the live chart takes over."""
    bar = go.Figure(go.Choroplethmap(colorbar={"orientation": "h", "y": -0.02, "thickness": 12}))
    bar.update_layout(margin={"l": 0, "r": 0, "t": 70, "b": 10})
    assert map_fit.plot_area(bar, 1000, 760) == (1000, 760 - 70 - 10 - 12 - map_fit.COLORBAR_ROOM)
    beside = go.Figure(go.Choroplethmap(colorbar={"orientation": "v"}))
    beside.update_layout(margin={"l": 0, "r": 0, "t": 70, "b": 10})
    assert map_fit.plot_area(beside, 1000, 760) == (1000, 680)
    assert map_fit.plot_area(go.Figure(), 1000, 760) == (840, 580)  # Plotly's own margins
