"""A view as a small self-contained HTML page another site frames: the chart as inline SVG,
the title, sentence and source line as text, the rows as an accessible table, and a link to
the live page. No script, no websocket, nothing fetched: it shows as soon as it arrives.

Everything from the result is escaped here (names, sentences, table cells); the SVG is the
chart Plotly drew from the same result, and the response's Content-Security-Policy forbids
scripts whatever it held.
"""

from __future__ import annotations

from html import escape

import polars as pl

from dashboard.model.result import ViewResult
from dashboard.render import links, pictures
from dashboard.render.readable import for_reading
from dashboard.text.i18n import t

STYLE = """
body { margin: 0; padding: 0.75rem 1rem; font: 16px/1.45 system-ui, -apple-system, "Segoe UI",
  Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f1f1f; background: #fff; }
h1 { font-size: 1rem; font-weight: 600; margin: 0 0 0.25rem; color: #333; }
.sentence { font-size: 1.15rem; font-weight: 700; margin: 0 0 0.5rem; }
.chart svg { display: block; width: 100%; height: auto; max-height: 60vh; }
.chart.narrow { display: none; }
.chart .gtitle { display: none; }
@media (max-width: 560px) {
  .chart.wide { display: none; }
  .chart.narrow { display: block; }
  .chart.narrow svg { max-height: none; }
}
.source, .notes { font-size: 0.8rem; color: #4a4947; margin: 0.35rem 0; }
details { margin: 0.5rem 0; font-size: 0.9rem; }
summary { cursor: pointer; color: #1a56b0; }
table { border-collapse: collapse; margin-top: 0.4rem; }
th, td { padding: 0.15rem 0.5rem; border-bottom: 1px solid #ddd; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #1a56b0; }
a:focus-visible, summary:focus-visible { outline: 3px solid #1a56b0; outline-offset: 2px; }
"""


def table_html(result: ViewResult) -> str:
    """The people table with the UI's number format; numbers right-aligned, a caption naming
    the view, column headers as <th scope="col">."""
    table = result.table
    shown = for_reading(table, result.lang)
    numeric = {name for name, dtype in table.schema.items() if dtype.is_numeric()}
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in shown.columns)
    rows = []
    for row in shown.iter_rows():
        cells = "".join(
            f'<td class="n">{escape(str(value))}</td>'
            if name in numeric
            else f"<td>{escape(str(value))}</td>"
            for name, value in zip(shown.columns, row, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f"<table><caption>{escape(result.title)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def figure_html(result: ViewResult, svg: bytes) -> str:
    """The chart with the sentence as its text alternative."""
    return (
        f'<div class="chart" role="img" aria-label="{escape(result.headline)}">'
        f"{svg.decode('utf-8')}</div>"
    )


#: A phone's frame is ~360 px wide: there the chart is the page's own for a phone (its labels
#: at their size), not the wide one shrunk to a third.
NARROW = 360


def _charts(result: ViewResult) -> str:
    wide = figure_html(result, pictures.chart_svg(result))
    narrow = figure_html(result, pictures.page_chart_svg(result, NARROW))
    return wide.replace('class="chart"', 'class="chart wide"', 1) + narrow.replace(
        'class="chart"', 'class="chart narrow"', 1
    )


def page(result: ViewResult) -> bytes:
    lang = result.lang
    notes = "".join(f'<p class="notes">{escape(note)}</p>' for note in result.notes)
    rows = result.table.height if isinstance(result.table, pl.DataFrame) else 0
    body = (
        f"<h1>{escape(result.title)}</h1>"
        f'<p class="sentence">{escape(result.headline)}</p>'
        f"{_charts(result)}"
        f'<p class="source">{escape(result.source)}</p>{notes}'
        f"<details><summary>{escape(t('embed_table', lang, n=rows))}</summary>"
        f"{table_html(result)}</details>"
        f'<p><a href="{escape(links.page(result))}" target="_blank" rel="noopener">'
        f"{escape(t('embed_open', lang))}</a></p>"
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(result.title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    ).encode()
