"""What only a browser shows: every page draws, selections change the URL and the numbers, the
console stays clean, and nothing is fetched from the internet."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watch, screenshot

pytestmark = pytest.mark.browser
CHART = ".js-plotly-plot .main-svg"


def _choose(page: Page, label: str, option: str) -> None:
    """Pick from a select box the way a user does: open it, type to search, click."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.keyboard.type(option[:8])
    page.get_by_role("option", name=option, exact=True).click()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "oversikt",
        "karta",
        "rangordning",
        "konsskillnad",
        "utveckling",
        "jamfor",
        "om-data",
        "sql",
        "bildspel",
    ],
)
def test_every_page_opens_cleanly_and_offline(
    page: Page, server_url: str, watch: Watch, path: str
) -> None:
    page.goto(f"{server_url}/{path}")
    if path == "om-data":
        expect(page.get_by_role("heading", name="Om data")).to_be_visible(timeout=30_000)
    elif path == "bildspel":
        expect(page.get_by_role("button", name="Exempel: Sörmland i fem bilder")).to_be_visible(
            timeout=30_000
        )
    elif path == "sql":
        # nothing runs until the reader presses Kör
        page.get_by_role("button", name="Kör").click(timeout=30_000)
        expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible(timeout=30_000)
    else:
        expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.wait_for_timeout(500)
    # a page of ours is found: neither Streamlit's dialog nor our "no such page" notice
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_text("finns inte")).to_have_count(0)
    # the sidebar lists every page, with no English "View … more" fold
    expect(page.get_by_text(re.compile(r"View \d+ more"))).to_have_count(0)
    screenshot(page, f"page-{path or 'start'}")
    assert watch.problems() == []


def test_overview_region_change_updates_url_and_numbers(
    page: Page, server_url: str, watch: Watch
) -> None:
    page.goto(server_url)
    expect(page.locator("h2").filter(has_text=re.compile(r"I riket hade 49,8\s%"))).to_be_visible(
        timeout=30_000
    )
    _choose(page, "Välj din kommun eller ditt län", "Södermanlands län")
    expect(page).to_have_url(re.compile(r"region=04"))
    expect(
        page.locator("h2").filter(has_text=re.compile(r"I Södermanlands län hade 41,1\s%"))
    ).to_be_visible()
    expect(page.get_by_text("20 av 21 län").first).to_be_visible()
    screenshot(page, "overview-sormland")
    assert watch.problems() == []


def test_ranking_switch_to_men_and_highlight(page: Page, server_url: str, watch: Watch) -> None:
    page.goto(f"{server_url}/rangordning?scope=municipality_in_county&county=04")
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    expect(
        page.locator(".js-plotly-plot text").filter(has_text=re.compile(r"^45,8\s%$"))
    ).to_have_count(1)
    page.get_by_text("Män", exact=True).click()
    expect(page).to_have_url(re.compile(r"show=men"))
    # riket a black bar among the kommuner, its value written at its end like theirs
    riket = page.locator(".js-plotly-plot .ytick text").filter(has_text=re.compile(r"^Riket$"))
    expect(riket).to_be_visible()
    expect(
        page.locator(".js-plotly-plot text").filter(has_text=re.compile(r"^37,9\s%$"))
    ).to_have_count(1)
    assert watch.problems() == []


def wait_for_map(page: Page) -> None:
    """Until Streamlit is idle and MapLibre has finished loading the map. plotly.js 3 throws
    ("reading '_rangeSliderData'") if the figure is replaced while its map is still loading,
    which a very quick click can do on a slow machine; a person sees the map first."""
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30_000)
    page.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " const m = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;"
        " return !!(m && m.map && m.map.loaded()); }",
        timeout=30_000,
    )
    # plotly redraws its margins in the frames after the map loads; a person is still looking
    page.wait_for_timeout(500)


def test_map_draws_areas_and_centres_and_follows_the_measure(
    page: Page, server_url: str, watch: Watch
) -> None:
    page.goto(f"{server_url}/karta?scope=county")
    expect(page.locator(".js-plotly-plot canvas").first).to_be_visible(timeout=30_000)
    wait_for_map(page)
    page.get_by_text("Skillnad kvinnor − män", exact=True).click()
    expect(page).to_have_url(re.compile(r"show=gap"))
    # the chart's title is text above it (it wraps; Plotly's own title is hidden on the page)
    expect(
        page.locator(".utb-chart-title")
        .get_by_text(re.compile(r"Eftergymnasial utbildning · .*, skillnad kvinnor − män"))
        .first
    ).to_be_visible()
    wait_for_map(page)
    screenshot(page, "map-gap")
    assert watch.problems() == []


def test_link_reopens_the_same_view(page: Page, server_url: str, watch: Watch) -> None:
    page.goto(f"{server_url}/?region=0486&age=16-74&year=2018&measure=post_secondary")
    expect(page.locator("h2").filter(has_text=re.compile(r"^I Strängnäs hade"))).to_be_visible(
        timeout=30_000
    )
    expect(page).to_have_url(re.compile(r"region=0486&age=16-74&year=2018"))
    assert watch.problems() == []


def test_a_county_map_fills_the_picture_with_its_county(
    page: Page, server_url: str, watch: Watch
) -> None:
    page.goto(f"{server_url}/karta?scope=municipality_in_county&county=04")
    expect(page.locator(".js-plotly-plot canvas").first).to_be_visible(timeout=30_000)
    wait_for_map(page)
    west, south, east, north = page.evaluate(
        "() => { const b = document.querySelector('.js-plotly-plot')._fullLayout.map._subplot"
        ".map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"
    )
    # Södermanland spans about 15.6-17.7 E, 58.6-59.6 N; Malmö and Kiruna are far outside
    assert west < 15.7 and east > 17.6 and south < 58.7 and north > 59.5
    assert north - south < 3 and not (west < 13.0 < east and south < 55.6 < north)
    screenshot(page, "map-sormland")
    assert watch.problems() == []


def test_a_selection_follows_the_user_from_page_to_page(
    page: Page, server_url: str, watch: Watch
) -> None:
    page.goto(f"{server_url}/?region=0486&age=16-74&year=2021")
    expect(page.locator("h2").filter(has_text=re.compile(r"^I Strängnäs hade"))).to_be_visible(
        timeout=30_000
    )
    page.get_by_role("link", name="Karta").click()
    expect(page).to_have_url(re.compile(r"/karta\?.*age=16-74"), timeout=30_000)
    expect(page).to_have_url(re.compile(r"year=2021"))
    expect(page).to_have_url(re.compile(r"scope=municipality_in_county&county=04"))
    wait_for_map(page)
    page.get_by_role("link", name="Rangordning").click()
    expect(page).to_have_url(re.compile(r"/rangordning\?.*highlight=0486"), timeout=30_000)
    # what the map showed (totalt) is shown here too
    expect(page).to_have_url(re.compile(r"age=16-74.*year=2021|year=2021.*age=16-74"))
    expect(
        page.locator(".utb-chart-title")
        .get_by_text(re.compile(r"16–74 år, totalt, 2021 — Södermanlands län"))
        .first
    ).to_be_visible(timeout=30_000)
    assert watch.problems() == []


def _contrast(rgb: str) -> float:
    """WCAG contrast ratio of an "rgb(r, g, b)" colour against white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(v) for v in re.findall(r"\d+", rgb)[:3])
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("rangordning", "sv", "Rangordning · Utbildningsläget"),
        ("karta?lang=en", "en", "Map · Utbildningsläget"),
    ],
)
def test_language_tab_title_and_contrast(
    page: Page, server_url: str, watch: Watch, path: str, lang: str, title: str
) -> None:
    page.goto(f"{server_url}/{path}")
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    expect(page).to_have_title(title, timeout=30_000)
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=30_000)
    fills = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot .xtick text, .js-plotly-plot .ytick text,"
        " .js-plotly-plot .cbaxis text')].map(t => getComputedStyle(t).fill)"
    )
    assert fills and min(_contrast(f) for f in fills) >= 4.5
    assert watch.problems() == []


def test_an_address_that_is_no_page_says_so_and_shows_the_start_page(
    page: Page, server_url: str
) -> None:
    page.goto(f"{server_url}/ingen-sida?region=0486")
    expect(page.get_by_text("Sidan /ingen-sida finns inte")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Översikt", exact=True)).to_be_visible()
