"""A profile as one self-contained HTML page that prints as the PDF does: A4 pages with the
same page break, no app chrome, no script, nothing fetched; on a screen the two columns fold
into one on a phone.

Everything from the document is escaped here (names, sentences, sources, table cells); the
charts are the same SVGs the PDF embeds, each wrapped with its text alternative.
"""

from __future__ import annotations

from html import escape

from dashboard.render.profile_doc import Figure, Item, PrintDoc, Table
from dashboard.text.i18n import profile_text

STYLE = """
@page { size: A4; margin: 13mm 15mm 15mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1rem; max-width: 190mm; color: #1f1f1f; background: #fff;
  font: 10pt/1.4 "Libertinus Serif", "Times New Roman", "Liberation Serif", serif; }
.eyebrow { font-size: 8pt; letter-spacing: 0.04em; text-transform: uppercase; color: #4a4947;
  margin: 0; }
h1 { font-size: 20pt; margin: 0.1rem 0; }
.kind { font-size: 10.5pt; margin: 0; }
.subtitle, figcaption, .small { font-size: 8pt; color: #4a4947; }
.small, .centre { overflow-wrap: anywhere; }
h2 { font-size: 10.5pt; margin: 0.9em 0 0.4em; break-after: avoid; }
ul { margin: 0; padding-left: 1.2em; }
.wide { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
th, td { padding: 2pt 4pt; border-bottom: 0.3pt solid #d7d7d7; text-align: right;
  font-variant-numeric: tabular-nums; }
thead th { border-bottom: 0.6pt solid #1f1f1f; }
tbody th { font-weight: normal; }
td, thead th { white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
tbody tr.first td, tbody tr.first th { font-weight: bold; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; align-items: start; }
.cols > div { min-width: 0; }
figure { margin: 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
.page2 { break-before: page; margin-top: 1.5rem; }
.centre { font-size: 8pt; margin: 0.45em 0 0; break-inside: avoid; }
.centre a, .small a { color: #1a56b0; overflow-wrap: anywhere; }
footer { font-size: 7.5pt; color: #4a4947; margin-top: 1.5rem; }
.actions { font-size: 9pt; margin: 0 0 0.75rem; }
a:focus-visible { outline: 3px solid #1a56b0; outline-offset: 2px; }
@media (max-width: 640px) { .cols { grid-template-columns: 1fr; } body { padding: 0.75rem; } }
@media print { .actions { display: none; } body { padding: 0; max-width: none; }
  .page2 { margin-top: 0; } }
"""


def _table(table: Table, first_bold: bool = False) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    rows = []
    for index, row in enumerate(table.rows):
        marked = ' class="first"' if first_bold and index == 0 else ""
        cells = f'<th scope="row">{escape(row[0])}</th>' + "".join(
            f"<td>{escape(c)}</td>" for c in row[1:]
        )
        rows.append(f"<tr{marked}>{cells}</tr>")
    return (
        f'<div class="wide"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _figure(figure: Figure, svgs: dict[str, str]) -> str:
    heading = f"<h2>{escape(figure.heading)}</h2>" if figure.heading else ""
    return (
        f"<figure>{heading}"
        f'<div role="img" aria-label="{escape(figure.alt)}">{svgs[figure.key]}</div>'
        f"<figcaption>{escape(figure.caption)}</figcaption></figure>"
    )


def _item(item: Item) -> str:
    detail = f" — {escape(item.detail)}" if item.detail else ""
    source = (
        f'<a href="{escape(item.source)}" rel="noopener noreferrer">{escape(item.shown)}</a>'
        if item.link
        else escape(item.shown)
    )
    return f'<p class="centre"><strong>{escape(item.title)}</strong>{detail}<br>{source}</p>'


def _lines(lines: tuple[str, ...]) -> str:
    return "".join(f'<p class="small">{escape(line)}</p>' for line in lines)


def page(doc: PrintDoc, pdf_url: str) -> bytes:
    """The HTML page; `pdf_url` is the PDF of the same profile (a path, escaped here)."""
    ranks = (
        f"<section><h2>{escape(doc.ranks_heading)}</h2>{_table(doc.ranks)}</section>"
        if doc.ranks
        else ""
    )
    trend = (
        _figure(doc.trend, doc.svgs)
        if doc.trend
        else f'<p class="small">{escape(doc.trend_missing)}</p>'
    )
    notes = (
        f"<p class='small'><strong>{escape(doc.notes_heading)}</strong></p>{_lines(doc.notes)}"
        if doc.notes
        else ""
    )
    body = f"""
<header>
<p class="actions"><a href="{escape(pdf_url)}">{escape(profile_text("open_pdf", doc.lang))}</a></p>
<p class="eyebrow">{escape(doc.eyebrow)}</p>
<h1>{escape(doc.name)}</h1>
<p class="kind">{escape(doc.kind)}</p>
<p class="subtitle">{escape(doc.subtitle)}</p>
</header>
<main>
<section><h2>{escape(doc.summary_heading)}</h2>
<ul>{"".join(f"<li>{escape(s)}</li>" for s in doc.summary)}</ul></section>
<section><h2>{escape(doc.compare_heading)}</h2>{_table(doc.compare, first_bold=True)}</section>
{ranks}
<div class="cols"><div>{_figure(doc.compare_chart, doc.svgs)}{trend}</div>
<div>{_figure(doc.age, doc.svgs)}</div></div>
<div class="cols page2"><div>{_figure(doc.map, doc.svgs)}
<section><h2>{escape(doc.larcentrum_heading)}</h2><p>{escape(doc.larcentrum_lead)}</p>
{"".join(_item(item) for item in doc.larcentrum)}</section></div>
<div>{_figure(doc.peers, doc.svgs)}</div></div>
<section><h2>{escape(doc.about_heading)}</h2>{_lines(doc.definitions)}
<p class="small"><strong>{escape(doc.sources_heading)}</strong></p>{_lines(doc.sources)}
{notes}{_lines((doc.version, doc.made))}</section>
</main>
<footer>{escape(doc.footer)}</footer>
"""
    return (
        f'<!doctype html><html lang="{escape(doc.lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(doc.title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    ).encode()
