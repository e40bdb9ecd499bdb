"""A view's answer as plain HTML in the page's first response, before Streamlit's bundle has
loaded, its websocket connected and its script run (seconds on a phone over a venue's Wi-Fi):
the page's title, the sentence, the chart as an SVG picture sized as the live chart, and the
source line.

It lies over the main column where the live page will draw the same things, and hides itself
with CSS alone once the live chart exists (`body:has(.js-plotly-plot)`) — no script, so the
proxy's Content-Security-Policy stays as it is. It lets clicks through to the app under it, and
gives way `GIVE_WAY_SECONDS` after the live page has drawn anything, chart or not (a page that
ends in a notice shows it). Should the app never draw at all (its files not served, the
websocket never connecting), the answer stays: it is still the right one.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from string import Template

from dashboard.model.result import ViewResult
from dashboard.model.view import View
from dashboard.render.embed import figure_html
from dashboard.text.i18n import t

#: The live page's chart is drawn to its column's width: ~1000 px on a laptop (sidebar open),
#: ~360 px on a phone. The picture is drawn at both, and each screen shows the one it needs.
WIDE, NARROW = 1000, 360
GIVE_WAY_SECONDS = 20

#: Laid out as Streamlit lays out the page (measured in Chromium at 1440 and 390 px: sidebar
#: 300 px, main column from 7rem down and 5rem in; h1 2.75rem with 1.25rem/1rem padding, then the
#: elements 1rem apart; a control 68 px high; on a phone 4rem/0.9rem and the columns stacked).
STYLE = Template("""
@font-face { font-family: "Source Sans"; font-weight: 200 900; font-display: block;
  src: url("$font") format("woff2"); }
#utb-first { position: absolute; top: 0; left: 300px; right: 0; z-index: 1000000;
  pointer-events: none; background: #fff; padding: 7rem 5rem 2rem; color: rgb(49, 51, 63);
  font-family: "Source Sans", sans-serif; }
#utb-first > * { margin: 0 0 1rem; }
#utb-first h1 { font-size: 2.75rem; font-weight: 700; line-height: 1.2; margin: 0;
  padding: 1.25rem 0 1rem; }
#utb-first .intro { line-height: 1.6; }
#utb-first .controls { height: 68px; }
#utb-first h2 { font-size: 1.45rem; font-weight: 600; line-height: 1.3; margin: 0;
  padding: 0.6rem 0 1rem; }
#utb-first .metrics { display: flex; gap: 1rem; margin-bottom: 2rem; }
#utb-first .metric { flex: 1 1 0; }
#utb-first .metric .label { font-size: 0.875rem; }
#utb-first .metric .value { font-size: 2.25rem; line-height: 1.2; }
#utb-first .metric .delta { font-size: 1rem; color: #5c5b59; }
#utb-first .utb-chart-title { font-weight: 600; color: #333; line-height: 1.6; }
#utb-first .chart .gtitle { display: none; }
#utb-first .chart { width: 100%; }
#utb-first .chart svg { display: block; width: 100%; height: 100%; }
#utb-first .chart.narrow { display: none; }
#utb-first .source { font-size: 0.875rem; color: #5c5b59; }
body:has(.js-plotly-plot) #utb-first, body:has([data-testid="stException"]) #utb-first {
  display: none; }
body:has([data-testid="stMain"] [data-testid="stElementContainer"]) #utb-first {
  animation: utb-give-way 0s linear ${seconds}s forwards; }
@keyframes utb-give-way { to { visibility: hidden; } }
@media (max-width: 768px) { #utb-first { left: 0; } }
@media (max-width: 640px) {
  #utb-first { padding: 4rem 0.9rem 1rem; }
  #utb-first h1 { font-size: 1.7rem; }
  #utb-first h2 { font-size: 1.15rem; }
  #utb-first .controls { height: calc(var(--rows) * 68px + (var(--columns) - 1) * 1rem); }
  #utb-first .metrics { flex-wrap: wrap; gap: 0.5rem 1rem; }
  #utb-first .metric { flex: 1 1 calc(50% - 0.5rem); }
  #utb-first .metric .value { font-size: 1.6rem; }
  #utb-first .utb-chart-title { font-size: 0.95rem; }
  #utb-first .chart.wide { display: none; }
  #utb-first .chart.narrow { display: block; }
}
""")


def style(font: str) -> str:
    """The overlay's style sheet, with the font file Streamlit's page preloads (`font`)."""
    return STYLE.substitute(font=font, seconds=GIVE_WAY_SECONDS)


def _metrics(result: ViewResult) -> str:
    cards = "".join(
        f'<div class="metric"><div class="label">{escape(m.label)}</div>'
        f'<div class="value">{escape(m.value)}</div>'
        + (f'<div class="delta">{escape(m.delta)}</div>' if m.delta else "")
        + "</div>"
        for m in result.metrics
    )
    return f'<div class="metrics">{cards}</div>' if cards else ""


def _pictures(result: ViewResult, svgs: tuple[bytes, bytes] | None, height: int) -> str:
    box = f'style="height:{int(height)}px"'
    if svgs is None:
        return f'<div class="chart" {box}></div>'  # room kept on every screen
    return "".join(
        figure_html(result, svg).replace(
            '<div class="chart"', f'<div class="chart {size}" {box}', 1
        )
        for size, svg in zip(("wide", "narrow"), svgs, strict=True)
    )


def html(
    result: ViewResult,
    page: Page,
    svgs: tuple[bytes, bytes] | None,
    height: int,
) -> str:
    """The overlay: the page's title, its intro and the room its own controls take, the
    answer's sentence and cards, and the pictures where there are (a box of the live chart's
    height either way, so nothing moves when the live chart arrives)."""
    intro = f'<p class="intro">{escape(page.intro)}</p>' if page.intro else ""
    controls = (
        f'<div class="controls" style="--rows:{page.controls};--columns:{max(page.controls, 2)}">'
        "</div>"
        if page.controls
        else ""
    )
    return (
        f'<div id="utb-first" lang="{result.lang}" role="region" aria-label="{escape(page.title)}">'
        f"<h1>{escape(page.title)}</h1>{intro}{controls}"
        f"<h2>{escape(result.headline)}</h2>{_metrics(result)}"
        f'<p class="utb-chart-title">{escape(result.title)}</p>'
        f"{_pictures(result, svgs, height)}"
        f'<p class="source">{escape(result.source)}</p>'
        "</div>"
    )


@dataclass(frozen=True)
class Page:
    """What the view's page shows above its answer: title, intro line, controls in the column."""

    title: str
    intro: str
    controls: int


def page_of(view: View, lang: str) -> Page:
    intro = t(view.intro_key, lang).replace("**", "") if view.intro_key else ""
    return Page(t(view.title_key, lang), intro, len(view.main))
