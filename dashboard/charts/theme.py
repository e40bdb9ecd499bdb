"""The look every chart shares: colours, text contrast, number formats, axes, the title, and
the source line that pictures carry inside them."""

from __future__ import annotations

import re
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard.text.formatting import value_text
from dashboard.text.i18n import t

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
#: Map scales: sequential for shares (and for a gap whose values all lie on one side of 0),
#: diverging around 0 only when the gaps really change sign. Both colour-blind safe.
SEQUENTIAL = "Viridis"
SEQUENTIAL_GAP = "Purples"
DIVERGING = "PuOr"
#: Lines: colour says the sex, the dash says the region — riket always dashed.
REGION_DASHES = ["solid", "dot", "dashdot", "longdashdot", "longdash"]
COUNTRY_DASH = "dash"
#: References drawn across a chart: riket, then a kommungrupp.
REFERENCE_DASHES = ["dash", "dot"]


def value_column(show: str) -> str:
    return "gap_pp" if show == "gap" else f"{show}_share"


format_value = value_text


def percent_axis(lang: str) -> dict[str, Any]:
    return {"ticksuffix": "\u202f%" if lang == "sv" else "%", "rangemode": "tozero"}


def points_axis(lang: str) -> dict[str, Any]:
    """A gap's axis: its unit on every tick and in the axis title."""
    return {"ticksuffix": f" {t('pp_short', lang)}", "title": {"text": t("gap_pp", lang)}}


def region_names(frame: pl.DataFrame, lang: str) -> list[str]:
    """Region names as the chart's language says them: riket is "Sweden" in English."""
    if "region_code" not in frame.columns:
        return [str(n) for n in frame["region_name"]]
    return [
        t("country", lang) if code == "00" else str(name)
        for code, name in zip(frame["region_code"], frame["region_name"], strict=True)
    ]


def layout(fig: go.Figure, title: str, lang: str, **extra: Any) -> go.Figure:
    base: dict[str, Any] = {
        "title": {"text": title, "x": 0, "xanchor": "left", "automargin": True},
        "separators": ", " if lang == "sv" else ".,",
        "font": {"family": "Source Sans Pro, Arial, sans-serif", "size": 14},
        "legend": {"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
        # room on the right for the value written past the longest bar ("57,0 %")
        "margin": {"l": 10, "r": 40, "t": 80, "b": 40},
        "plot_bgcolor": "white",
    }
    fig.update_layout(**(base | extra))
    # axes make room for their labels whatever Plotly template is the default: importing
    # Streamlit makes its own the default, which leaves this to the browser's theme, so a
    # picture drawn in the server (kaleido) cut its axis labels at the edge
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    # Streamlit's theme greys axis text (#808495, 3.7:1 on white); ours passes WCAG AA (≥ 4.5:1)
    fig.update_layout(font={"color": TEXT}, legend={"font": {"color": TEXT}})
    fig.update_xaxes(tickfont={"color": TEXT}, title_font={"color": TEXT})
    fig.update_yaxes(tickfont={"color": TEXT}, title_font={"color": TEXT})
    fig.update_traces(
        colorbar={"tickfont": {"color": TEXT}, "title": {"font": {"color": TEXT}}},
        selector={"type": "choroplethmap"},
    )
    if not any(trace.type.endswith("map") for trace in fig.data):
        # a chart is read, not explored: a finger swiping across it on a phone scrolls the
        # page instead of zooming the chart (which hid bars and left it zoomed); hover stays
        fig.update_layout(dragmode=False)
        fig.update_xaxes(fixedrange=True)
        fig.update_yaxes(fixedrange=True)
    return fig


#: A reference value's bar: riket black, a kommungrupp dark grey.
REFERENCE_COLOURS = ("#000000", "#555555")
#: Average width of a label's character in em (Source Sans / Arial digits, signs and units),
#: rounded up so a margin made from it is never short.
CHAR_EM = 0.6


def label_room(texts: list[str], size: float = 14) -> int:
    """Pixels the longest value label takes beside its bar: the margin that keeps it on the
    screen (Plotly's own margin does not count text written outside a bar)."""
    longest = max((len(re.sub(r"<[^>]+>", "", t)) for t in texts), default=0)
    return round(longest * CHAR_EM * size) + 8


def ranked_rows(
    regions: pl.DataFrame, column: str, references: tuple[tuple[str, float], ...]
) -> list[tuple[str, float, str]]:
    """(name, value, code) of the regions and of each reference value (riket, a kommungrupp,
    coded `ref0`, `ref1`), smallest first as Plotly draws bars from the bottom. A reference is a
    bar among the bars, not a line across them: a line ran through the labels it crossed."""
    rows = [
        (str(name), float(value), str(code))
        for name, value, code in zip(
            regions["region_name"], regions[column], regions["region_code"], strict=True
        )
    ]
    rows += [(label, float(value), f"ref{i}") for i, (label, value) in enumerate(references)]
    return sorted(rows, key=lambda row: row[1])


def bar_colour(code: str, highlight: str | None, colour: str) -> str:
    if code.startswith("ref"):
        return REFERENCE_COLOURS[min(int(code[3:]), len(REFERENCE_COLOURS) - 1)]
    return COLOURS["highlight"] if code == highlight else colour


def with_source(fig: go.Figure, source: str, bottom: int) -> go.Figure:
    """The source line inside a picture, below the plot in a margin kept for it (`bottom`
    pixels), the definition on a line of its own so it fits a 1280-px projector."""
    fig.add_annotation(
        text=source.replace(". Definition:", ".<br>Definition:"),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-bottom + 8,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font={"size": 12, "color": "#444444"},
        name="source",
    )
    return fig
