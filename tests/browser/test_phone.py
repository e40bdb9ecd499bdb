"""A shared link opened on a phone (390×844): the answer first, nothing sideways, nothing cut.

Every page of a view, in both languages: its first chart starts within the first screen (the
settings are folded away in the sidebar), the page does not scroll sideways, and no text, chart
or source line reaches past the screen's right edge (element bounding boxes). Every chart's
plot, its legend and every label drawn in it lie inside the screen and the plot; every map
shows the whole of what it shows (MapLibre's own bounds hold the regions' bounds); every chosen
region's chip is inside its box.
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


#: every chart, its legend, labels and map frame, and the chosen regions' chips (issue 32: a
#: county map cut off Vingåker and Trosa, Norrbotten's legend ran off the screen, "15,2 p.e."
#: was cut at the right edge, Jämför's third region hid under the box's edge)
FRAMED_JS = """() => {
  const vw = document.documentElement.clientWidth, out = [];
  const inside = (b, box) => b.left >= box.left - 1 && b.right <= box.right + 1
    && b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
  const say = (what, b) => out.push(what + ' ' + [b.left, b.right, b.top, b.bottom].map(Math.round));
  for (const gd of document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')) {
    const plot = gd.getBoundingClientRect();
    if (plot.left < -1 || plot.right > vw + 1) say('plot', plot);
    for (const text of gd.querySelectorAll('.main-svg text')) {
      const b = text.getBoundingClientRect();
      if (!text.textContent.trim() || !b.width || !text.getClientRects().length) continue;
      if (!inside(b, plot) || b.right > vw + 1) say('label "' + text.textContent.slice(0, 24) + '"', b);
    }
    for (const legend of gd.querySelectorAll('.legend')) {
      const b = legend.getBoundingClientRect();
      if (!inside(b, plot) || b.right > vw + 1) say('legend', b);
    }
    const meta = gd.layout && gd.layout.meta, map = gd._fullLayout && gd._fullLayout.map;
    if (meta && meta.bounds && map) {
      const seen = map._subplot.map.getBounds(), [w, s, e, n] = meta.bounds;
      if (seen.getWest() > w || seen.getSouth() > s || seen.getEast() < e || seen.getNorth() < n)
        out.push('map frame ' + seen.toArray().flat().map(v => v.toFixed(2)) + ' misses ' + meta.bounds);
    }
  }
  for (const tags of document.querySelectorAll('[data-testid="stMultiSelectTagsContainer"]')) {
    const box = tags.getBoundingClientRect();
    for (const chip of tags.children) {
      const b = chip.getBoundingClientRect();
      if (b.width && (!inside(b, box) || b.right > vw + 1)) say('chip "' + chip.textContent + '"', b);
    }
  }
  return out;
}"""
#: maps of a län, whose frame the page fits in the browser: Sörmland's nine kommuner (Vingåker
#: and Trosa at its edges) and Norrbotten with its four kinds of lärcentrum in the legend
COUNTY_MAPS = [
    "karta?scope=municipality_in_county&county=04",
    "karta?scope=municipality_in_county&county=25",
]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_reads_on_a_phone(browser: Browser, server_url: str, lang: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="sv-SE")
    page = context.new_page()
    problems: dict[str, object] = {}
    for path in [*PATHS, *COUNTY_MAPS]:
        _ready(page, f"{server_url}/{path}{'&' if '?' in path else '?'}lang={lang}")
        if path in CHART_PAGES or path in COUNTY_MAPS:
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
            if path.startswith("karta"):  # the page's script has fitted the map to the phone
                page.wait_for_timeout(1500)
            if framed := page.evaluate(FRAMED_JS):
                problems[f"{path or 'oversikt'}: framed"] = framed
            top = page.evaluate(
                "() => document.querySelector('.js-plotly-plot').getBoundingClientRect().top"
                " + window.scrollY"
            )
            if top >= PHONE["height"]:
                problems[f"{path or 'oversikt'}: first chart at"] = round(top)
        found = page.evaluate(CUT_JS)
        if found["scroll"] > found["vw"] or found["cut"]:
            problems[f"{path or 'oversikt'}: cut"] = found
        if path in ("", "rangordning", "karta", "vilken-siffra", *COUNTY_MAPS):
            screenshot(page, f"phone-{lang}-{path.replace('?', '-') or 'oversikt'}")
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
    assert page.evaluate(FRAMED_JS) == []
    # the narrowest and widest phones: Sörmland's map whole, Jämför's chips in their box
    for path in (COUNTY_MAPS[0], "jamfor?regions=00,04,0486,0480,0484"):
        _ready(page, f"{server_url}/{path}")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        page.wait_for_timeout(1500 if path.startswith("karta") else 300)
        assert page.evaluate(FRAMED_JS) == [], path
    context.close()


@pytest.mark.parametrize("width", [390, 1024])
def test_a_map_comes_to_rest(browser: Browser, server_url: str, width: int) -> None:
    """Fitted once it is drawn, a map stays still: on screens up to 1024 px it used to change
    its height, be laid out again and fitted again, without end."""
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=width < 500)
    page = context.new_page()
    _ready(page, f"{server_url}/karta?region=0461")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    page.wait_for_timeout(2_000)  # MapLibre loaded and the fit applied
    sizes = set()
    for _ in range(12):
        sizes.add(
            page.evaluate(
                "() => { const g = document.querySelector('.js-plotly-plot');"
                " return [g.clientHeight, JSON.stringify(g.layout.map && g.layout.map.center)]; }"
            ).__repr__()
        )
        page.wait_for_timeout(250)
    context.close()
    assert len(sizes) == 1, sizes


def test_a_swipe_on_a_chart_scrolls_the_page(browser: Browser, server_url: str) -> None:
    """Charts do not catch a finger's drag (no zoom box, fixed axes): a swipe that starts on
    one scrolls the page, as one on text does."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ("?region=04", "rangordning?scope=municipality_in_county&county=04"):
        _ready(page, f"{server_url}/{path}")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        caught = page.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')].map(g => {"
            " const f = g._fullLayout; return [f.dragmode, f.xaxis.fixedrange, f.yaxis.fixedrange];"
            " })"
        )
        assert caught and all(c == [False, True, True] for c in caught), (path, caught)
    context.close()
