"""Lärcentrum on a map: known centres by the confidence of their source, and kommuner with
only kommun-level evidence apart; every hover names its (escaped) source page and year."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.text.safe_text import html_text

#: Known centres by the confidence of their source: marker colour, size and legend text.
CONFIDENCE_STYLE = {
    "high": ("#000000", 12, {"sv": "Lärcentrum, säker källa", "en": "Centre, firm source"}),
    "medium": ("#555555", 10, {"sv": "Lärcentrum, trolig källa", "en": "Centre, likely source"}),
    "low": ("#56B4E9", 9, {"sv": "Lärcentrum, osäker källa", "en": "Centre, weak source"}),
    "listed": (
        "#F0E442",
        10,
        {
            # two lines: one line was wider than a phone's map
            "sv": "Lärcentrum, listat utan<br>källa i underlaget",
            "en": "Centre, listed without evidence",
        },
    ),
}
NETWORK_STYLE = (
    "#CC79A7",
    9,
    {
        "sv": "Uppgift på kommunnivå (nätverk),<br>inget namngivet centrum",
        "en": "Kommun-level evidence (network),<br>no named centre",
    },
)


def _source_text(url: object, year: object, lang: str) -> str:
    """The source of a marker for its hover: page and year, escaped (it comes from outside)."""
    words = ("Källa", "år") if lang == "sv" else ("Source", "year")
    if not url:
        return ""
    return f"<br>{words[0]}: {html_text(str(url))}" + (
        f" ({words[1]} {html_text(str(year))})" if year else ""
    )


def _markers(
    fig: go.Figure,
    rows: pl.DataFrame,
    text: list[str],
    style: tuple[str, int, dict[str, str]],
    lang: str,
) -> None:
    """One legend entry of map markers, each with its (escaped) hover text and source page."""
    colour, size, label = style
    fig.add_trace(
        go.Scattermap(
            lat=rows["latitude"].to_list(),
            lon=rows["longitude"].to_list(),
            mode="markers",
            marker={"size": size, "color": colour, "opacity": 0.95},
            name=label[lang],
            text=text,
            customdata=rows["source_url"].to_list(),
            hovertemplate="%{text}<extra></extra>",
        )
    )


def add_centres(fig: go.Figure, centres: pl.DataFrame, lang: str) -> None:
    """One trace per confidence class, so the legend says how sure each marker is."""
    for confidence, style in CONFIDENCE_STYLE.items():
        rows = centres.filter(pl.col("confidence") == confidence)
        if rows.is_empty():
            continue
        text = [
            f"<b>{html_text(r['name'])}</b> ({html_text(r['kommun_name'])})"
            + (f"<br>{html_text(r['kind'])}" if r.get("kind") else "")
            + _source_text(r.get("source_url"), r.get("evidence_year"), lang)
            for r in rows.iter_rows(named=True)
        ]
        _markers(fig, rows, text, style, lang)


def add_network(fig: go.Figure, network: pl.DataFrame, lang: str) -> None:
    """Kommuner with kommun-level evidence only: a marker of their own at the kommun's point."""
    text = [
        f"<b>{html_text(r['kommun_name'])}</b><br>{html_text(r['networks'] or '')}"
        + _source_text(r["source_url"], r["evidence_year"], lang)
        for r in network.iter_rows(named=True)
    ]
    _markers(fig, network, text, NETWORK_STYLE, lang)
