"""What only a browser shows: the chart draws, selections change the URL and the numbers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def _choose(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_counties_page_draws_and_follows_selections(
    page: Page, server_url: str, console_errors: list[str]
) -> None:
    page.goto(f"{server_url}/")
    expect(page.locator(".js-plotly-plot .barlayer").first).to_be_visible(timeout=30_000)
    expect(page.locator("strong").filter(has_text=re.compile(r"49,8\s%"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"age=25-64.*year=2019"))
    screenshot(page, "counties-2019-25-64")

    _choose(page, "Ålder", "16-74 år")  # 2019 exists for 16-74 too, so the year is kept
    expect(page).to_have_url(re.compile(r"age=16-74.*year=2019"))
    expect(page.locator("strong").filter(has_text=re.compile(r"42,9\s%"))).to_be_visible(
        timeout=20_000
    )
    _choose(page, "År", "2022")
    expect(page).to_have_url(re.compile(r"age=16-74.*year=2022"))
    expect(page.locator("strong").filter(has_text=re.compile(r"45,7\s%"))).to_be_visible(
        timeout=20_000
    )
    expect(page.locator(".js-plotly-plot .barlayer").first).to_be_visible()
    screenshot(page, "counties-2022-16-74")
    assert console_errors == []


def test_link_reopens_the_same_view(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?age=16-74&year=2018&measure=post_secondary")
    expect(page.locator("strong").filter(has_text=re.compile(r"42,2\s%"))).to_be_visible(
        timeout=30_000
    )
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
