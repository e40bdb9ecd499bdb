"""axe-core on every page in both languages, and every visible word in the UI's language.

axe-core comes from npm at the version locked in tests/browser/axe/ (`make axe`, a prerequisite
of `make test`). One browser page per language visits every page of the router in turn, so the
whole run stays within a minute.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import ROOT, screenshot

AXE = ROOT / "tests/browser/axe/node_modules/axe-core/axe.min.js"
#: every page of the router, read from it: a new page is checked without editing this file
PATHS = ["", *re.findall(r'url_path="([a-z-]+)"', (ROOT / "dashboard/router.py").read_text())]
PATHS.remove("oversikt")

#: Words only a Swedish UI says, and only an English one (our own and Streamlit's and Plotly's
#: labels; region names and SCB's notes, marked lang="sv", are not UI words).
SWEDISH_ONLY = [
    "Källa:",
    "Välj ",
    "Ladda ner",
    "Kartor:",
    "Orter:",
    "belägg",
    "Hoppa till",
    "Inläst",
    "Tabell",
    "kvinnorna",
    "procentenheter",
    "Länk till",
    "Kommun\n",
]
ENGLISH_ONLY = [
    "Skip to",
    "Link to heading",
    "Download",
    "Source:",
    "Show ",
    "Zoom in",
    "Autoscale",
    "Reset axes",
    "Fullscreen",
    "Sidebar",
    "Collapse",
    "Search",
    "Build ",
    "Sources",
    "Maps:",
    "Learning centres",
    "Municipality",
    "Page not found",
]
NONE = re.compile(r"\bNone\b")

#: What a reader sees and what a screen reader says: visible text outside code, and labels.
WORDS_JS = """() => {
  const skip = el => el.closest('pre, code, textarea, [data-testid="stCode"], body [lang="sv"], .utb-scb-note');
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || skip(el) || el.closest('script, style, noscript')) continue;
    if (el.closest('[data-testid="stIconMaterial"], .material-symbols-rounded')) continue;
    if (!el.getClientRects().length) continue;
    out.push(n.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [data-title]')) {
    if (skip(el)) continue;
    for (const a of ['aria-label', 'title', 'data-title']) {
      const v = el.getAttribute(a); if (v) out.push(v);
    }
  }
  return out.join('\\n');
}"""


def _ready(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("h1", timeout=30_000)
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stStatusWidget"], [data-stale="true"]\')'
        " && document.documentElement.lang && window.__utbObserver"
        # our style sheet (focus rings, contrast) is in the page, not only on its way
        " && [...document.querySelectorAll('style')].some(s => s.textContent.includes('utb-chart-title'))"
        # the live page has taken over from the first paint (which has an h1 and a style too)
        " && !document.getElementById('utb-first')",
        timeout=30_000,
    )
    page.wait_for_timeout(400)


def _violations(page: Page) -> list[str]:
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => {
          const r = await axe.run(document, {resultTypes: ['violations']});
          return r.violations.map(v => v.id + ' (' + v.nodes.length + '): '
            + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }"""
    )
    return list(found)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_has_no_axe_violations_and_speaks_one_language(
    browser: Browser, server_url: str, lang: str
) -> None:
    if not Path(AXE).exists():
        pytest.fail("axe-core is missing: run `make axe`")
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    foreign = ENGLISH_ONLY if lang == "sv" else SWEDISH_ONLY
    for path in PATHS:
        _ready(page, f"{server_url}/{path}?lang={lang}")
        found = _violations(page)
        words = page.evaluate(WORDS_JS)
        found += [f"word {w!r}" for w in foreign if w in words]
        found += ["literal None"] if NONE.search(words) else []
        if not path:  # the crawl reads the page: the start page's source line is there
            assert ("Källa:" if lang == "sv" else "Source:") in words
        if found:
            problems[path or "oversikt"] = found
            screenshot(page, f"a11y-{lang}-{path or 'oversikt'}")
    context.close()
    assert problems == {}


def test_every_control_shows_a_focus_ring(page: Page, server_url: str) -> None:
    """Tabbing from the top, each control reached draws a visible outline."""
    _ready(page, f"{server_url}/rangordning?lang=sv")
    unringed = []
    for _ in range(25):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            """() => { const el = document.activeElement; if (!el || el === document.body) return 'body';
              const s = getComputedStyle(el); const w = parseFloat(s.outlineWidth) || 0;
              const box = s.boxShadow && s.boxShadow !== 'none';
              const within = el.closest('label, [data-baseweb]');
              const ws = within ? getComputedStyle(within) : null;
              const outer = ws && ws.outlineStyle !== 'none' && parseFloat(ws.outlineWidth) > 0;
              return (s.outlineStyle !== 'none' && w >= 2) || box || outer ? 'ok'
                : el.tagName + ' ' + (el.getAttribute('aria-label') || el.textContent.slice(0, 30)); }"""
        )
        if ring not in ("ok", "body"):
            unringed.append(ring)
    assert unringed == []
