"""Slide view in a real browser: full-screen layout, keyboard navigation, projector sizes."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard.decks.examples import example_deck
from dashboard.decks.link import to_link
from tests.browser.conftest import ARTIFACTS, attach_watch

pytestmark = pytest.mark.browser


def step(page: Page, key: str, slide: int, headline: str) -> None:
    """Press a key once the app has settled, as a presenter does, and wait for the slide. On a
    loaded machine a key pressed while the page re-binds its shortcuts can be lost; a presenter
    then presses again — only then, and only while the old slide is still showing."""
    wanted = re.compile(rf"slide={slide}(&|$)")
    for _ in range(2):
        expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=20_000)
        before = page.url
        page.keyboard.press(key)
        try:
            expect(page).to_have_url(wanted, timeout=8_000)
            break
        except AssertionError:
            assert page.url == before, f"pressed {key} and landed on {page.url}"
    expect(page).to_have_url(wanted, timeout=20_000)
    expect(page.locator("h1.slide-headline")).to_contain_text(headline, timeout=20_000)


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_keyboard_steps_through_the_deck(
    browser: Browser, server_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    page = context.new_page()
    watch = attach_watch(page, server_url)
    screen = "1080" if height == 1080 else "720"
    page.goto(
        f"{server_url}/bildspel?present=1&slide=1&screen={screen}&deck={to_link(example_deck())}"
    )
    headline = page.locator("h1.slide-headline")
    expect(headline).to_contain_text("I Södermanlands län hade 41,1", timeout=30_000)
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    size = headline.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 32, "the headline must be readable from the back of the room"
    # the first slide's headline wraps to three lines at 1280: source line and counter stay
    # on the screen all the same (no scrolling on a projector), the counter on one line
    expect(page.locator(".slide-footer")).to_be_visible(timeout=30_000)
    for part in (".slide-footer", ".slide-counter"):
        box = page.locator(part).bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, f"{part} below the edge"
    # "1 / 5" on one line: the text's height is under two lines of its type
    one_line = page.locator(".slide-counter").evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return r.getBoundingClientRect().height < 1.9 * parseFloat(getComputedStyle(e).fontSize); }"
    )
    assert one_line, "the counter wraps"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"slide-1-{width}x{height}.png"))

    page.mouse.click(5, 5)  # focus the page, as a presenter would
    step(page, "ArrowRight", 2, "Södermanlands län: 20 av 21 län för kvinnorna")
    step(page, "ArrowRight", 3, "Södermanlands län: 19 av 21 län för männen")
    step(page, "ArrowLeft", 2, "Södermanlands län: 20 av 21 län för kvinnorna")
    page.screenshot(path=str(ARTIFACTS / f"slide-2-{width}x{height}.png"))
    assert watch.problems() == []
    context.close()


#: every text drawn in a slide's chart — tick labels, values, legend, panel and column titles,
#: map names — with its box and type size, and the headline's size
TEXTS_JS = """() => {
  const out = [];
  for (const t of document.querySelectorAll('.js-plotly-plot .main-svg text')) {
    const b = t.getBoundingClientRect();
    if (!t.textContent.trim() || !b.width || !t.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(t).fontSize);
    const map = !!t.closest('.annotation') && !!document.querySelector('.js-plotly-plot .maplibregl-map');
    out.push([b.left, b.top, b.right, b.bottom, size, t.textContent.slice(0, 30), map]);
  }
  const h1 = document.querySelector('h1.slide-headline');
  return {texts: out, headline: parseFloat(getComputedStyle(h1).fontSize)};
}"""


def _meeting(texts: list[list[Any]]) -> list[str]:
    """Texts whose glyphs meet: each box's middle half in height, less a pixel at each side."""
    core = [
        (float(a) + 1, float(b) + (float(d) - float(b)) / 4, float(c) - 1,
         float(d) - (float(d) - float(b)) / 4, str(name))
        for a, b, c, d, _, name, _ in texts
    ]  # fmt: skip
    return [
        f"{t!r} on {u!r}"
        for i, (a, b, c, d, t) in enumerate(core)
        for e, f, g, h, u in core[i + 1 :]
        if a < g and e < c and b < h and f < d
    ]


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_every_label_is_room_sized_and_none_sits_on_another(
    browser: Browser, server_url: str, width: int, height: int
) -> None:
    """The slides the back of a room must read, drawn at the projector's size: headlines 28 pt
    and chart text 16 pt (a slide is 960 pt wide, so a point is width/960 px), map names 12 pt,
    and no label's box on another's — the age slide's riket "5,6" sat on "4,6 p.e.", the change
    slide's 22 labels were shrunk to ~12 px."""
    from tests.test_room_readable import room_deck

    deck = room_deck()
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    page = context.new_page()
    point = width / 960
    problems: dict[str, object] = {}
    screen = "1080" if height == 1080 else "720"
    for number, slide in enumerate(deck.slides, start=1):
        page.goto(
            f"{server_url}/bildspel?present=1&slide={number}&screen={screen}&deck={to_link(deck)}"
        )
        expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
        )
        page.wait_for_timeout(600)
        found = page.evaluate(TEXTS_JS)
        name = f"{number} {slide.view}"
        if found["headline"] < 28 * point - 0.5:
            problems[f"{name}: headline px"] = found["headline"]
        small = [
            (text[5], text[4])
            for text in found["texts"]
            if text[4] < (12 if text[6] else 16) * point - 0.5
        ]
        if small:
            problems[f"{name}: small"] = small[:5]
        if meeting := _meeting(found["texts"]):
            problems[f"{name}: overlaps"] = meeting[:5]
            page.screenshot(path=str(ARTIFACTS / f"overlap-{number}-{width}x{height}.png"))
    context.close()
    assert problems == {}
