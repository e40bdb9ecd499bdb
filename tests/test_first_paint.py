"""A page link's first HTML carries its answer: the page's title, the sentence, the cards, the
chart as a picture the live chart's size, the source line — for exactly the view the live page
will draw, or none at all; and the frontend bundle leaves `make run` compressed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from dashboard.model import registry
from dashboard.web import shell, static_files
from dashboard.web.static_files import CompressedStatic

RANKING = {"scope": "municipality_in_county", "county": "04"}


@pytest.fixture(scope="module")
def shell_client(db_path: Path) -> Iterator[TestClient]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        with TestClient(Starlette(routes=shell.routes())) as test_client:
            yield test_client


def _with_picture(shell_client: TestClient, path: str, params: dict[str, str]) -> str:
    """The page once its pictures are drawn (the first request may come before them)."""
    for _ in range(40):
        answer = shell_client.get(path, params=params)
        assert answer.status_code == 200
        if answer.headers["x-accel-expires"] == str(shell.PROXY_SECONDS):
            return answer.text
        time.sleep(0.5)
    raise AssertionError("the first paint never carried its picture")


def test_a_view_page_carries_its_answer_in_the_first_html(shell_client: TestClient) -> None:
    result, _ = registry.compute("ranking", RANKING, "sv")
    page = _with_picture(shell_client, "/rangordning", RANKING)
    # Streamlit's own page is all there: its bundle, started once the answer is painted,
    # mounts over it
    assert f"<script>{shell.loader_script()}</script>" in page
    assert 's.src="./static/js/index.' in page and '<div id="root"></div>' in page
    first = page.split('<div id="utb-first"', 1)[1].split('<div id="root">', 1)[0]
    assert "<h1>Rangordning</h1>" in first and f"<h2>{result.headline}</h2>" in first
    assert result.source in first and result.title in first
    # the chart for a laptop and for a phone, the sentence as their text alternative
    assert first.count("<svg") == 2 and first.count(f'aria-label="{result.headline}"') == 2
    assert '<html lang="sv">' in page and "<title>Rangordning · Utbildningsläget</title>" in page
    assert "<script" not in first  # nothing of ours runs: the proxy's script policy holds


def test_the_cards_and_the_language_follow_the_link(shell_client: TestClient) -> None:
    result, _ = registry.compute("overview", {"region": "04", "lang": "en"}, "en")
    page = shell_client.get("/", params={"region": "04", "lang": "en"}).text
    assert '<html lang="en">' in page and "<h1>Overview</h1>" in page
    assert f"<h2>{result.headline}</h2>" in page
    assert all(f'<div class="value">{m.value}</div>' in page for m in result.metrics)
    assert '<div class="controls"' in page  # the room the region picker takes


@pytest.mark.parametrize(
    "params",
    [
        {"show": "zz"},
        {"highlight": "<script>alert(1)</script>"},
        {"lang": "fr"},
        {"year": "1900"},
        {"unknown": "1"},
        {"v": "0" * 64},
    ],
)
def test_a_link_the_page_answers_with_a_notice_gets_no_picture(
    shell_client: TestClient, params: dict[str, str]
) -> None:
    """Never a picture of another view than the link names: the plain page, which the live
    app then fills in with its notice."""
    answer = shell_client.get("/karta", params=params)
    assert answer.status_code == 200
    assert answer.text == shell.index_html()
    assert "x-accel-expires" not in answer.headers  # nginx keeps no notice-less page of it


def test_while_the_picture_is_drawn_the_words_are_kept_only_briefly(
    shell_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers who arrive while the picture is still being drawn get the words from nginx's
    cache at once, and the page with its picture replaces them seconds later."""
    monkeypatch.setattr(shell, "PICTURE_WAIT", 0.0)
    answer = shell_client.get("/karta", params={"region": "0480"})
    assert answer.headers["x-accel-expires"] == str(shell.WORDS_SECONDS)
    assert 'id="utb-first"' in answer.text and "<svg" not in answer.text
    assert shell.WORDS_SECONDS < shell.PROXY_SECONDS


def test_only_view_pages_are_answered_here() -> None:
    paths = {route.path for route in shell.routes()}  # type: ignore[attr-defined]
    assert "/karta" in paths and "/" in paths and "/oversikt" in paths
    assert not paths & {"/larcentrum", "/bildspel", "/om-data", "/sql"}


def test_the_bundle_is_sent_compressed_as_the_browser_accepts(tmp_path: Path) -> None:
    static_files.prepare_in_background(tmp_path).join()
    app = Starlette(middleware=[Middleware(CompressedStatic)])
    with TestClient(app) as client:
        name = next(p.name for p in static_files._ready[-1].glob("js/index.*.js"))
        plain = (static_files._ready[-1] / "js" / name).read_bytes()
        br = client.get(f"/static/js/{name}", headers={"Accept-Encoding": "br"})
        assert br.headers["content-encoding"] == "br" and "immutable" in br.headers["cache-control"]
        # the client undoes the encoding; what travelled is the content-length
        assert br.content == plain and int(br.headers["content-length"]) < len(plain) / 3
        gz = client.get(f"/static/js/{name}", headers={"Accept-Encoding": "gzip"})
        assert gz.headers["content-encoding"] == "gzip" and gz.content == plain
        # a path outside the copy is not ours to answer (Streamlit refuses it)
        for path in ("/static/js/%2e%2e/%2e%2e/%2e%2e/app.py", "/static/%2e%2e/index.html"):
            outside = client.get(path, headers={"Accept-Encoding": "br"})
            assert outside.status_code == 404 and "content-encoding" not in outside.headers
    root = static_files._ready[-1]
    assert CompressedStatic._file(root, "/static/../index.html", ".br") is None
    assert CompressedStatic._file(root, f"/static/js/{name}", ".br") is not None


def test_the_picture_keeps_its_axis_labels_whatever_template_is_the_default() -> None:
    """Importing Streamlit makes its Plotly template the default, which leaves the axes'
    margins to the browser's theme: drawn in the server, "50 %" was cut to "%" at the edge."""
    import re

    import plotly.io as pio
    import streamlit  # noqa: F401  (as in the server)

    from dashboard.render import pictures

    assert pio.templates.default == "streamlit"
    result, _ = registry.compute("overview", {"region": "04"}, "sv")
    svg = pictures.page_chart_svg(result, 1000).decode()
    anchors = [
        float(x) for x in re.findall(r'<g class="ytick"><text text-anchor="end" x="([^"]+)"', svg)
    ]
    assert anchors and min(anchors) >= 30  # the right edge of "50 %" lies 30 px in, at least
