"""Outside text in a real browser: a hostile link value or lärcentrum name is shown as the
characters it is — no link, no image request, no markup — and nothing is fetched from outside."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import plotly
import pytest
from playwright.sync_api import Page, expect

from dashboard.text.safe_text import html_text
from tests.browser.conftest import Watch, screenshot

pytestmark = pytest.mark.browser
PAYLOAD = (
    "[Logga in](https://evil.example) ![x](https://evil.example/px.png) "
    '<img src="https://evil.example/i.png"> <a href="https://evil.example">klicka</a>'
)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("", {"region": PAYLOAD}),
        ("jamfor", {"regions": "01," + PAYLOAD}),
        ("rangordning", {"scope": "municipality_in_county", "county": PAYLOAD}),
        ("rangordning", {"highlight": PAYLOAD}),
    ],
)
def test_hostile_link_values_are_shown_literally(
    page: Page, server_url: str, watch: Watch, path: str, params: dict[str, str]
) -> None:
    query = "&".join(f"{k}={quote(v)}" for k, v in params.items())
    page.goto(f"{server_url}/{path}?{query}")
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="känns inte igen")
    expect(alert.first).to_be_visible(timeout=30_000)
    expect(alert.first).to_contain_text("[Logga in](https://evil.example)")
    # no foreign link, image, form or frame (the one frame allowed sets <html lang>, our own)
    foreign = (
        'a[href*="evil"], img[src*="evil"], form, iframe:not([srcdoc*="documentElement.lang"])'
    )
    expect(page.locator(foreign)).to_have_count(0)
    page.wait_for_timeout(500)
    screenshot(page, f"hostile-{path or 'oversikt'}-{next(iter(params))}")
    assert watch.outside == [] and watch.problems() == []


def test_an_escaped_centre_name_is_text_in_plotly(page: Page, tmp_path: Path) -> None:
    """What the map hover does with a hostile name: Plotly shows our escaped text literally."""
    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    label = html_text(PAYLOAD)
    html = f"""<html><body><div id="fig"></div><script>{bundle.read_text(encoding="utf-8")}</script>
    <script>Plotly.newPlot("fig", [{{"type": "bar", "x": [1], "y": ["a"], "orientation": "h",
      "text": [{label!r}], "textposition": "inside"}}], {{"width": 900, "height": 300}});</script>
    </body></html>"""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_content(html)
    text = page.locator(".js-plotly-plot .bartext").first
    expect(text).to_contain_text('<a href="https://evil.example">klicka</a>')
    expect(page.locator('svg a, svg image, a[href*="evil"]')).to_have_count(0)
    assert not [u for u in requests if "evil" in u]


def test_scbs_notes_are_text_not_links(page: Page, server_url: str, watch: Watch) -> None:
    """SCB's notes arrive from the API (or a mirror of it): their URLs are shown, not linked."""
    page.goto(f"{server_url}/om-data")
    expect(
        page.get_by_text("Kvalitetshöjningen i Utbildningsregistret", exact=False).first
    ).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stMarkdownContainer"] a[href*="scb.se"]')).to_have_count(0)
    # shown in full (a word joiner, invisible, sits inside "www." so it is not linked)
    expect(page.get_by_text(re.compile("w\u2060?ww\\.scb\\.se/sun")).first).to_be_visible()
    assert watch.outside == []
