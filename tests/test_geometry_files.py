"""Map outlines as cached files: one file per distinct content, fetched by the browser instead
of travelling in every map rerun; pictures and slides get the geometry back inline."""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.charts import maps
from dashboard.data import geometry_files, places, queries
from dashboard.render.slides import presentation
from tests.helpers import page_script

SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": "0480",
            "properties": {},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[16, 59], [17, 59], [17, 60], [16, 59]]],
            },
        }
    ],
}


def test_a_file_per_content_named_by_its_hash(tmp_path: Path) -> None:
    url = geometry_files.publish("municipality", SQUARE, tmp_path)
    assert url is not None and url.startswith("app/static/geo/municipality-")
    (written,) = tmp_path.glob("*.json")
    assert json.loads(written.read_text()) == SQUARE and written.stat().st_mode & 0o044
    assert geometry_files.publish("municipality", SQUARE, tmp_path) == url
    moved = {**SQUARE, "features": []}
    assert geometry_files.publish("municipality", moved, tmp_path) != url
    assert geometry_files.level_of(url) == "municipality"
    assert geometry_files.level_of("https://elsewhere/x.json") is None


def test_a_read_only_install_keeps_the_geometry_inline(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert geometry_files.publish("county", SQUARE, blocked / "geo") is None


@pytest.fixture
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    return db_path


def test_the_map_page_names_its_outlines_by_url(database: Path) -> None:
    app = AppTest.from_string(page_script("map"), default_timeout=60)
    app.query_params.update({"scope": "municipality_in_county", "county": "04"})
    app.run()
    assert not app.exception, app.exception
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    urls = [t["geojson"] for t in spec["data"] if t["type"] == "choroplethmap"]
    assert [geometry_files.level_of(u) for u in urls] == ["municipality", "county"]
    assert "FeatureCollection" not in app.get("plotly_chart")[0].proto.spec
    served = geometry_files.FOLDER / urls[0].removeprefix(geometry_files.URL_PREFIX)
    assert json.loads(served.read_text()) == places.shapes("municipality")


def test_a_picture_of_the_page_map_gets_the_geometry_back(database: Path) -> None:
    regions = places.shapes("county")
    url = places.shapes_url("county")
    frame = queries.peers(2019, "16-74", "post_secondary", "county")
    fig = maps.choropleth(regions, frame, "total", "T", urls=(url, None))
    assert fig.data[0].geojson == url
    picture = presentation(fig)
    assert isinstance(picture.data[0].geojson, dict)
    assert {f["id"] for f in picture.data[0].geojson["features"]} >= set(picture.data[0].locations)
    assert fig.data[0].geojson == url  # the page's figure is untouched
    assert isinstance(go.Figure(fig).data[0].geojson, str)
