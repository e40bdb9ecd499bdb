"""The SQL console runs exactly what is in the box, every time (issue 32): twenty queries typed
in a row, run alternately with Ctrl+Enter and the button, with and without a pause, each
answered by its own result; the box never follows the URL after the first load, and the URL
follows the box."""

from __future__ import annotations

import re
import urllib.parse

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Watch, screenshot


def _box(page: Page) -> Locator:
    return page.get_by_role("textbox", name="SQL")


def _type(page: Page, query: str) -> None:
    box = _box(page)
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    box.fill(query[:-4])
    box.press_sequentially(query[-4:])  # the last keys typed, as a reader ends a query


def test_twenty_queries_in_a_row_each_get_their_own_answer(
    page: Page, server_url: str, watch: Watch
) -> None:
    page.goto(f"{server_url}/sql")
    expect(_box(page)).to_be_visible(timeout=30_000)
    caption = page.locator('[data-testid="stCaptionContainer"]').filter(has_text=" rader på ")
    for i in range(20):
        rows = 3 * i + 2  # every query a different row count
        query = f"SELECT {i} AS q{i}, range AS n FROM range({rows})"
        _type(page, query)
        if i % 4 >= 2:
            page.wait_for_timeout(700)  # a reader who pauses before running
        if i % 2 == 0:
            page.keyboard.press("Control+Enter")
        else:
            page.get_by_role("button", name="Kör").click()
        # the answer to this query, not the previous one's: its row count, in Swedish format
        expect(caption).to_have_text(re.compile(rf"^{rows} rader på \d+,\d\d s$"), timeout=30_000)
        expect(_box(page)).to_have_value(query)
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["sql"] == [query]
    screenshot(page, "sql-twenty-queries")
    assert watch.problems() == []


def test_the_first_edit_is_kept_and_a_link_only_fills_the_first_load(
    page: Page, server_url: str
) -> None:
    page.goto(f"{server_url}/sql")
    expect(_box(page)).to_be_visible(timeout=30_000)
    _type(page, "SELECT 'mine' AS first_edit")
    page.wait_for_timeout(1500)  # the page's own reruns must not put the example back
    expect(_box(page)).to_have_value("SELECT 'mine' AS first_edit")
    linked = "SELECT 7 AS from_link"
    page.goto(f"{server_url}/sql?sql={urllib.parse.quote(linked)}")
    expect(_box(page)).to_have_value(linked, timeout=30_000)
    expect(page.get_by_text("rader på")).to_have_count(0)  # shown, not run
    _type(page, "SELECT 8 AS typed")
    page.get_by_role("button", name="Kör").click()
    expect(page.get_by_text(re.compile(r"^1 rader på"))).to_be_visible(timeout=30_000)
    expect(_box(page)).to_have_value("SELECT 8 AS typed")


def test_the_query_plan_is_a_choice_not_typed_explain(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/sql")
    expect(_box(page)).to_be_visible(timeout=30_000)
    _type(page, "EXPLAIN SELECT count(*) FROM attainment")
    page.get_by_role("button", name="Kör").click()
    expect(page.get_by_text("EXPLAIN körs inte som den skrivs")).to_be_visible(timeout=30_000)
    _type(page, "SELECT count(*) FROM attainment")
    page.get_by_text("Frågeplan med körtider", exact=True).click()
    page.get_by_role("button", name="Kör").click()
    expect(page.get_by_text("Total Time")).to_be_visible(timeout=30_000)
    screenshot(page, "sql-plan")
