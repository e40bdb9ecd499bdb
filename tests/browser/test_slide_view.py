"""Slide view in a real browser: full-screen layout, keyboard navigation, projector sizes."""

from __future__ import annotations

import re

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
