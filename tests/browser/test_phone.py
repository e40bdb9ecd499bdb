"""A shared link opened on a phone (390×844): the answer first, nothing sideways, nothing cut.

Every page of a view: its first chart starts within the first screen (the settings are folded
away in the sidebar), the page does not scroll sideways, and no text, chart or source line
reaches past the screen's right edge (element bounding boxes).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.browser.conftest import screenshot
from tests.browser.test_accessibility import PATHS, _ready

PHONE: ViewportSize = {"width": 390, "height": 844}
#: pages whose answer is a chart (the others are forms, tables and the console)
CHART_PAGES = [p for p in PATHS if p not in ("larcentrum", "bildspel", "om-data", "sql")]

#: what reaches past the right edge; parts clipped by their own box (a table's grid, a select's
#: chips, code) do not count, because the reader does not lose them
CUT_JS = """() => {
  const vw = document.documentElement.clientWidth, out = [];
  const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a); if (/(hidden|auto|scroll|clip)/.test(s.overflowX)) {
        if (a.getBoundingClientRect().right <= vw + 1) return true; } } return false; };
  for (const e of document.querySelectorAll('[data-testid="stMain"] *')) {
    const b = e.getBoundingClientRect();
    if (b.width > 0 && b.height > 0 && b.right > vw + 1 && !clipped(e))
      out.push((e.getAttribute('data-testid') || e.tagName) + ' right=' + Math.round(b.right));
  }
  return {scroll: document.documentElement.scrollWidth, vw, cut: out.slice(0, 5)};
}"""


def test_every_page_reads_on_a_phone(browser: Browser, server_url: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="sv-SE")
    page = context.new_page()
    problems: dict[str, object] = {}
    for path in PATHS:
        _ready(page, f"{server_url}/{path}")
        if path in CHART_PAGES:
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
            top = page.evaluate(
                "() => document.querySelector('.js-plotly-plot').getBoundingClientRect().top"
                " + window.scrollY"
            )
            if top >= PHONE["height"]:
                problems[f"{path or 'oversikt'}: first chart at"] = round(top)
        found = page.evaluate(CUT_JS)
        if found["scroll"] > found["vw"] or found["cut"]:
            problems[f"{path or 'oversikt'}: cut"] = found
        if path in ("", "rangordning", "karta", "vilken-siffra"):
            screenshot(page, f"phone-{path or 'oversikt'}")
    context.close()
    assert problems == {}


@pytest.mark.parametrize("width", [360, 430])
def test_chart_title_and_source_fit_narrow_screens(
    browser: Browser, server_url: str, width: int
) -> None:
    """Plotly's own title cannot wrap: on a phone it is text above the chart, and it and the
    source line stay inside the screen."""
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True)
    page = context.new_page()
    _ready(page, f"{server_url}/rangordning?scope=municipality")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.utb-chart-title, [data-testid=stCaptionContainer]')]
          .filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().right)"""
    )
    assert boxes and max(boxes) <= width
    # 290 kommuner: the top and bottom are drawn, with a toggle for all of them
    bars = page.evaluate("() => document.querySelector('.js-plotly-plot').data[0].y.length")
    assert bars <= 31
    context.close()
