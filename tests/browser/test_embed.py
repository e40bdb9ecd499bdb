"""A region's web editor pastes the embed code for Sörmland's kommuner into a plain HTML page of
another site, opens it, and sees the ranking framed with its source; the app's own pages refuse
to be framed there."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from dashboard.model import registry
from dashboard.render import share
from tests.browser.conftest import screenshot

SORMLAND = {"scope": "municipality_in_county", "county": "04", "show": "gap"}


@pytest.fixture
def other_site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """Another origin serving plain files: the region's own web server."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_embed_code_shows_the_view_framed_on_another_site(
    browser: Browser, server_url: str, other_site: tuple[Path, str], db_path: Path
) -> None:
    folder, site = other_site
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        patch.setenv("UTB_PUBLIC_URL", server_url)  # as the page's "Bädda in" box writes it
        result, _ = registry.compute("ranking", SORMLAND, "sv")
        code = share.iframe(result, pinned=True)
    (folder / "statistik.html").write_text(
        "<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>Regionen</title></head>"
        f"<body><h1>Utbildning i länet</h1><p>Så här ser det ut.</p>{code}"
        f"<iframe id='app' src='{server_url}/rangordning' width='600' height='300'></iframe>"
        "</body></html>",
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1200, "height": 1100})
    page = context.new_page()
    page.goto(f"{site}/statistik.html")
    embedded = page.frame_locator("iframe[title]").first
    embedded.locator(".chart.wide svg").wait_for(timeout=30_000)
    text = embedded.locator("body").inner_text()
    assert result.headline in text and result.source in text
    assert "Strängnäs" in embedded.locator(".chart.wide svg").inner_html()
    screenshot(page, "embed-on-another-site")
    # the app itself refuses to be framed by that site (X-Frame-Options, frame-ancestors)
    frames = [f for f in page.frames if f.url.startswith(f"{server_url}/rangordning")]
    assert all(not f.locator("#root").count() for f in frames)
    context.close()
