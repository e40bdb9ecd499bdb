"""A shared link shows its answer before the live app has loaded, where the live app then draws
it: the sentence and the chart's box lie where the live page puts them (no jump when it takes
over), and the first paint gives way once the live chart is there."""

from __future__ import annotations

import time
import urllib.request

import pytest
from playwright.sync_api import Browser, Page

from dashboard.web import shell
from tests.browser.conftest import screenshot

LINK = "rangordning?scope=municipality_in_county&county=04&show=gap"
BOX = "(e) => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.width, b.height]; }"


def _drawn(url: str) -> None:
    """The pictures drawn once, as a presenter's own visit before a workshop does."""
    for _ in range(120):
        with urllib.request.urlopen(url, timeout=60) as answer:
            if answer.headers["X-Accel-Expires"] == str(shell.PROXY_SECONDS):
                return
        time.sleep(0.5)
    raise AssertionError("the first paint never carried its pictures")


def _first(page: Page) -> dict[str, list[float]]:
    return {
        "sentence": page.eval_on_selector("#utb-first h2", BOX),
        "chart": page.locator("#utb-first .chart:visible").first.evaluate(BOX),
    }


def _live(page: Page) -> dict[str, list[float]]:
    return {
        "sentence": page.eval_on_selector('[data-testid="stMain"] h2', BOX),
        "chart": page.eval_on_selector(".js-plotly-plot", BOX),
    }


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_the_answer_comes_first_and_the_live_page_takes_over_in_place(
    browser: Browser, server_url: str, width: int, height: int
) -> None:
    url = f"{server_url}/{LINK}"
    _drawn(url)
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("#utb-first .chart:visible svg", timeout=15_000)
    first = _first(page)
    screenshot(page, f"first-paint-{width}")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    # gone for good: moving on to a page without a chart must not show it again
    page.wait_for_function("() => document.getElementById('utb-first') === null", timeout=5_000)
    live = _live(page)
    for part in ("sentence", "chart"):
        left, top, box_width, box_height = first[part]
        live_left, live_top, live_width, live_height = live[part]
        assert abs(left - live_left) <= 2 and abs(top - live_top) <= 24, (part, first, live)
        assert abs(box_width - live_width) <= 4 and abs(box_height - live_height) <= 4, part
    context.close()
