"""Plotly figures from query results. No Streamlit here, so every chart is unit-testable and
the same figure serves the page, slide view and exports."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import map_fit
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import show_label, t
from dashboard.text.safe_text import html_text

#: Okabe-Ito colours: distinguishable with the common forms of colour blindness.
COLOURS = {
    "women": "#D55E00",
    "men": "#0072B2",
    "total": "#009E73",
    "gap": "#CC79A7",
    "country": "#000000",
    "highlight": "#F0E442",
    "muted": "#9AA5B1",
}
#: Text on charts: 12.6:1 on white (WCAG AA asks 4.5:1 for axis and label text)
TEXT = "#333333"
#: Sequential (viridis-like, colour-blind safe) and diverging (for the gap) map scales
SEQUENTIAL = "Viridis"
DIVERGING = "PuOr"
LINE_STYLES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
#: The plot area of a map on a page (the figure is 760 px high; the page about 1000 px wide).
MAP_AREA = (1000, 620)


def _percent_axis(lang: str) -> dict[str, Any]:
    return {"ticksuffix": "\u202f%" if lang == "sv" else "%", "rangemode": "tozero"}


def _layout(fig: go.Figure, title: str, lang: str, **extra: Any) -> go.Figure:
    layout: dict[str, Any] = {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "separators": ", " if lang == "sv" else ".,",
        "font": {"family": "Source Sans Pro, Arial, sans-serif", "size": 14},
        "legend": {"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
        "margin": {"l": 10, "r": 10, "t": 70, "b": 90},
        "plot_bgcolor": "white",
    }
    fig.update_layout(**(layout | extra))
    # Streamlit's theme greys axis text (#808495, 3.7:1 on white); ours passes WCAG AA (≥ 4.5:1)
    fig.update_layout(font={"color": TEXT}, legend={"font": {"color": TEXT}})
    fig.update_xaxes(tickfont={"color": TEXT}, title_font={"color": TEXT})
    fig.update_yaxes(tickfont={"color": TEXT}, title_font={"color": TEXT})
    fig.update_traces(
        colorbar={"tickfont": {"color": TEXT}, "title": {"font": {"color": TEXT}}},
        selector={"type": "choroplethmap"},
    )
    return fig


def with_source(fig: go.Figure, source: str, anchor: str = "left") -> go.Figure:
    """Put the source line inside the figure, so it survives every export. Charts with wide
    row labels anchor it on the right, so it may run into the label margin instead of off the
    figure."""
    fig.add_annotation(
        # the definition on a line of its own, so the line fits a 1280-px projector
        text=source.replace(". Definition:", ".<br>Definition:"),
        xref="paper",
        yref="paper",
        x=0 if anchor == "left" else 1,
        y=0,
        yshift=-60,
        xanchor=anchor,
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": "#555"},
    )
    return fig


def region_names(frame: pl.DataFrame, lang: str) -> list[str]:
    """Region names as the chart's language says them: riket is "Sweden" in English."""
    if "region_code" not in frame.columns:
        return [str(n) for n in frame["region_name"]]
    return [
        t("country", lang) if code == "00" else str(name)
        for code, name in zip(frame["region_code"], frame["region_name"], strict=True)
    ]


def value_column(show: str) -> str:
    return "gap_pp" if show == "gap" else f"{show}_share"


def _format_value(value: float | None, show: str, lang: str) -> str:
    return (
        number(value, 1, lang) + f" {t('pp_short', lang)}"
        if show == "gap"
        else percent(value, 1, lang)
    )


def ranking_bars(
    frame: pl.DataFrame,
    show: str,
    title: str,
    source: str,
    lang: str = "sv",
    highlight: str | None = None,
) -> go.Figure:
    """Regions sorted by one value (women, men, total or gap), riket as a reference line."""
    column = value_column(show)
    regions = frame.filter(pl.col("region_level") != "country").drop_nulls(column).sort(column)
    country = frame.filter(pl.col("region_level") == "country")
    colours = [
        COLOURS["highlight"] if code == highlight else COLOURS[show if show != "gap" else "gap"]
        for code in regions["region_code"]
    ]
    values = regions[column].to_list()
    outline = [2.5 if code == highlight else 0 for code in regions["region_code"]]
    fig = go.Figure(
        go.Bar(
            y=regions["region_name"].to_list(),
            x=values,
            orientation="h",
            marker={"color": colours, "line": {"color": "#000000", "width": outline}},
            text=[_format_value(v, show, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
            customdata=regions["region_code"].to_list(),
            hovertemplate="%{y}: %{text}<extra></extra>",
            name=show_label(show, lang),
        )
    )
    if not country.is_empty() and country[column][0] is not None:
        value = country[column][0]
        fig.add_vline(
            x=value,
            line_dash="dash",
            line_color=COLOURS["country"],
            annotation_text=f"{t('country', lang)} {_format_value(value, show, lang)}",
            annotation_position="top",
        )
    axis = _percent_axis(lang) if show != "gap" else {"ticksuffix": f" {t('pp_short', lang)}"}
    _layout(
        fig,
        title,
        lang,
        xaxis=axis,
        height=max(420, 22 * regions.height + 180),
        showlegend=False,
        yaxis={"automargin": True, "dtick": 1},
    )
    return with_source(fig, source)


def dumbbell(
    frame: pl.DataFrame, title: str, source: str, lang: str = "sv", highlight: str | None = None
) -> go.Figure:
    """Men's and women's share per region joined by a line, sorted by the gap; riket marked."""
    rows = frame.drop_nulls("gap_pp").sort("gap_pp")
    names = [
        f"<b>{n}</b>" if c in (highlight, "00") else n
        for n, c in zip(region_names(rows, lang), rows["region_code"], strict=True)
    ]
    fig = go.Figure()
    xs: list[float | None] = []
    ys: list[str | None] = []
    for name, men, women in zip(names, rows["men_share"], rows["women_share"], strict=True):
        xs += [men, women, None]
        ys += [name, name, None]
    fig.add_scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": COLOURS["muted"], "width": 3},
        hoverinfo="skip",
        showlegend=False,
    )
    for sex in ("men", "women"):
        fig.add_scatter(
            x=rows[f"{sex}_share"].to_list(),
            y=names,
            mode="markers",
            name=t(sex, lang),
            marker={
                "color": COLOURS[sex],
                "size": 11,
                "symbol": "circle" if sex == "women" else "diamond",
            },
            customdata=[number(g, 1, lang) for g in rows["gap_pp"]],
            hovertemplate="%{y}: %{x:.1f}<br>"
            + t("gap_pp", lang)
            + " %{customdata}<extra>"
            + t(sex, lang)
            + "</extra>",
        )
    _layout(
        fig,
        title,
        lang,
        xaxis=_percent_axis(lang),
        height=max(420, 24 * rows.height + 180),
        yaxis={"automargin": True, "dtick": 1},
    )
    return with_source(fig, source)


def trend_lines(
    frame: pl.DataFrame,
    sexes: list[str],
    title: str,
    source: str,
    lang: str = "sv",
    breaks: list[int] | None = None,
) -> go.Figure:
    """Shares over time per region and sex; riket in black; SCB's series breaks marked."""
    fig = go.Figure()
    regions = frame.select("region_code", "region_name").unique(maintain_order=True).rows()
    for index, (code, name) in enumerate(regions):
        name = t("country", lang) if code == "00" else name
        rows = frame.filter(pl.col("region_code") == code).sort("year")
        for sex in sexes:
            fig.add_scatter(
                x=rows["year"].to_list(),
                y=rows[value_column(sex)].to_list(),
                mode="lines+markers",
                name=f"{name} – {show_label(sex, lang).lower()}",
                line={
                    "color": COLOURS["country"] if code == "00" else COLOURS[sex],
                    "dash": LINE_STYLES[index % len(LINE_STYLES)],
                    "width": 3 if code == "00" else 2,
                },
                hovertemplate=f"{name} %{{x}}: %{{y:.1f}}<extra></extra>",
            )
    years = frame["year"].to_list()
    for year in breaks or []:
        if years and min(years) < year <= max(years):
            fig.add_vline(
                x=year - 0.5,
                line_dash="dot",
                line_color="#666",
                annotation_text=f"{t('series_break', lang)} {year}",
                annotation_position="top left",
            )
    axis = _percent_axis(lang) if "gap" not in sexes else {}
    _layout(
        fig, title, lang, yaxis=axis, xaxis={"dtick": 1 if len(set(years)) <= 12 else 5}, height=520
    )
    return with_source(fig, source)


def compare_bars(frame: pl.DataFrame, title: str, source: str, lang: str = "sv") -> go.Figure:
    """Women, men and total for a handful of regions side by side."""
    fig = go.Figure()
    for sex in ("women", "men", "total"):
        values = frame[f"{sex}_share"].to_list()
        fig.add_bar(
            x=region_names(frame, lang),
            y=values,
            name=t(sex, lang),
            marker_color=COLOURS[sex],
            text=[percent(v, 1, lang) for v in values],
            textposition="outside",
        )
    _layout(fig, title, lang, barmode="group", yaxis=_percent_axis(lang), height=520)
    return with_source(fig, source)


def choropleth(
    geojson: dict[str, Any],
    frame: pl.DataFrame,
    show: str,
    title: str,
    source: str,
    lang: str = "sv",
    centres: pl.DataFrame | None = None,
    network: pl.DataFrame | None = None,
    outlines: dict[str, Any] | None = None,
    urls: tuple[str | None, str | None] = (None, None),
) -> go.Figure:
    """Regions coloured by a value on a blank background (no tiles, no downloads), known
    lärcentrum as markers by confidence, kommuner with only kommun-level evidence apart.
    Hover shows value and rank. `urls` (regions, outlines): where the browser can fetch the
    whole level's GeoJSON instead of receiving it in the figure; the frame is fitted to the
    shapes passed in either way."""
    column = value_column(show)
    rank_column = "rank_gap" if show == "gap" else f"rank_{show}"
    rows = frame.filter(pl.col("region_level") != "country")
    hover = [
        f"{name}<br>{_format_value(v, show, lang)}<br>{t('rank', lang)} {r} / {n}"
        for name, v, r, n in zip(
            rows["region_name"], rows[column], rows[rank_column], rows["n_regions"], strict=True
        )
    ]
    values = rows[column].to_list()
    scale: dict[str, Any] = {"colorscale": SEQUENTIAL}
    if show == "gap":
        limit = (
            max(abs(v) for v in values if v is not None)
            if any(v is not None for v in values)
            else 1
        )
        scale = {"colorscale": DIVERGING, "zmid": 0, "zmin": -limit, "zmax": limit}
    fig = go.Figure(
        go.Choroplethmap(
            geojson=urls[0] or geojson,
            locations=rows["region_code"].to_list(),
            z=values,
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            marker={"line": {"width": 0.4, "color": "white"}},
            colorbar={
                "title": {
                    "text": "p.e."
                    if show == "gap" and lang == "sv"
                    else "pp"
                    if show == "gap"
                    else "%"
                },
                "thickness": 14,
            },
            **scale,
        )
    )
    if centres is not None and not centres.is_empty():
        add_centres(fig, centres, lang)
    if network is not None and not network.is_empty():
        add_network(fig, network, lang)
    if outlines is not None and outlines.get("features"):
        # län borders over kommun maps, so a county's shape is recognisable
        fig.add_trace(
            go.Choroplethmap(
                geojson=urls[1] or outlines,
                locations=[f["id"] for f in outlines["features"]],
                z=[0] * len(outlines["features"]),
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker={"line": {"width": 1.6, "color": "#222222"}},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    bounds = map_fit.bounds_of(geojson)
    centre, zoom = map_fit.fit(bounds, *MAP_AREA) if bounds else ({"lat": 62.5, "lon": 16.5}, 3.6)
    fig.update_layout(
        map={"style": "white-bg", "center": centre, "zoom": zoom},
        meta={"bounds": list(bounds) if bounds else None},
        # the marker legend says what each marker means, even when only one kind is on the map
        showlegend=any(trace.type == "scattermap" for trace in fig.data),
    )
    _layout(
        fig,
        title,
        lang,
        height=760,
        margin={"l": 0, "r": 0, "t": 60, "b": 80},
        # the marker legend sits in the sea west of Norway, clear of the title and the map
        legend={
            "orientation": "v",
            "x": 0.01,
            "y": 0.98,
            "xanchor": "left",
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": 12},
        },
    )
    return with_source(fig, source)


def definition_bars(frame: pl.DataFrame, title: str, source: str, lang: str = "sv") -> go.Figure:
    """Women and men under every definition (the "Vilken siffra stämmer?" panel), one row per
    definition, labelled on two lines so long definition names stay readable."""
    rows = frame.reverse()  # Plotly draws the first category at the bottom
    labels = [label.replace(" · ", "<br>", 1) for label in rows["region_name"]]
    fig = go.Figure()
    for sex in ("men", "women"):
        values = rows[f"{sex}_share"].to_list()
        fig.add_bar(
            y=labels,
            x=values,
            orientation="h",
            name=t(sex, lang),
            marker_color=COLOURS[sex],
            text=[percent(v, 1, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra>" + t(sex, lang) + "</extra>",
        )
    _layout(
        fig,
        title,
        lang,
        barmode="group",
        xaxis=_percent_axis(lang),
        yaxis={"automargin": True},
        height=max(420, 62 * rows.height + 180),
        margin={"l": 10, "r": 70, "t": 70, "b": 90},  # room for the value labels outside the bars
        legend={
            "orientation": "h",
            "y": 1.02,
            "x": 1,
            "xanchor": "right",
            "yanchor": "bottom",
            "traceorder": "reversed",
        },
    )
    return with_source(fig, source, anchor="right")


#: Known centres by the confidence of their source: marker colour, size and legend text.
CONFIDENCE_STYLE = {
    "high": ("#000000", 12, {"sv": "Lärcentrum, säker källa", "en": "Centre, firm source"}),
    "medium": ("#555555", 10, {"sv": "Lärcentrum, trolig källa", "en": "Centre, likely source"}),
    "low": ("#FFFFFF", 9, {"sv": "Lärcentrum, osäker källa", "en": "Centre, weak source"}),
    "listed": (
        "#F0E442",
        10,
        {
            "sv": "Lärcentrum, listat utan källa i underlaget",
            "en": "Centre, listed without evidence",
        },
    ),
}
NETWORK_STYLE = (
    "#CC79A7",
    9,
    {
        "sv": "Uppgift på kommunnivå (nätverk), inget namngivet centrum",
        "en": "Kommun-level evidence (network), no named centre",
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
