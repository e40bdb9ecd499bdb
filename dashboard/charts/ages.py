"""The age view's chart: women's and men's shares by 10-year age group beside riket's, and the
gap per age group beside riket's (and the län's, for a kommun).

Every value is a bar on a row of its own — riket's in a lighter colour (shares) or black (the
gap) — so no label can sit on another or under a line: riket drawn as lines over the bars put
its "5,6" on the region's "4,6 p.e.". Rows are the age groups, youngest on top; the panels are
stacked on the page and side by side on a slide (`side_by_side`), whose 16:9 is wide.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from dashboard.charts.theme import COLOURS, format_value, label_room, layout
from dashboard.model.result import ViewResult
from dashboard.text.i18n import t
from dashboard.text.narrative import ages

#: riket's shares beside the region's, lighter (the region's own bars carry the labels)
LIGHT = {"women": "#F0A875", "men": "#7FB4D9"}
#: the gap: the region's, its län's (for a kommun) and riket's
GAP_COLOURS = {"own": COLOURS["gap"], "county": COLOURS["muted"], "country": COLOURS["country"]}
#: room past the longest bar for its label, as a share of the axis (the panels share a row)
ROOM = 0.3


def ten_year_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The 10-year groups only (the totals are in the table), by age."""
    return frame.filter(~pl.col("is_total")).sort("age_order")


def _values(rows: pl.DataFrame, code: str, groups: list[str], column: str) -> list[float | None]:
    own = rows.filter(pl.col("region_code") == code)
    by_age = dict(zip(own["age_group"], own[column], strict=True))
    return [by_age.get(a) for a in groups]


def _name(code: str, name: str, lang: str) -> str:
    return t("country", lang) if code == "00" else name


def age_bars(result: ViewResult, side_by_side: bool = False) -> go.Figure:
    """Panel 1: the region's women and men (labelled) beside riket's (lighter). Panel 2: the
    region's gap beside its län's (for a kommun) and riket's, the region's and riket's labelled."""
    spec, lang = result.chart, result.lang
    rows = ten_year_rows(spec.frame)
    region = spec.highlight or ""
    groups = rows.filter(pl.col("region_code") == region)["age_group"].to_list()
    labels = [ages(a) for a in groups]
    others = [
        (code, _name(code, name, lang), level)
        for code, name, level in rows.select("region_code", "region_name", "region_level")
        .unique(maintain_order=True)
        .iter_rows()
        if code != region
    ]
    # side by side on a slide the legend and the axes' units say which panel is which: a
    # panel title there took the height two rows of 16-pt labels need
    fig = (
        make_subplots(rows=1, cols=2, horizontal_spacing=0.1)
        if side_by_side
        else make_subplots(
            rows=2,
            cols=1,
            subplot_titles=(t("women_and_men", lang), t("gap_pp", lang)),
            vertical_spacing=0.08,
        )
    )
    second = {"row": 1, "col": 2} if side_by_side else {"row": 2, "col": 1}
    texts: list[str] = []

    def bar(
        values: list[float | None], name: str, colour: str, show: str | None, **at: int
    ) -> None:
        text = (
            [format_value(v, show, lang) if v is not None else "" for v in values] if show else []
        )
        texts.extend(text)
        fig.add_bar(
            y=labels,
            x=values,
            orientation="h",
            name=name,
            marker_color=colour,
            text=text or None,
            textposition="outside",
            constraintext="none",  # kept at its size: the next labelled row is two bars away
            cliponaxis=False,
            hovertemplate=f"{name} %{{y}}: %{{x:.1f}}<extra></extra>",
            **at,
        )

    for sex in ("women", "men"):
        bar(
            _values(rows, region, groups, f"{sex}_share"),
            t(sex, lang),
            COLOURS[sex],
            sex,
            row=1,
            col=1,
        )
        for code, name, level in others:
            if level == "country":
                values = _values(rows, code, groups, f"{sex}_share")
                bar(values, f"{name} – {t(sex, lang).lower()}", LIGHT[sex], None, row=1, col=1)
    bar(
        _values(rows, region, groups, "gap_pp"),
        t("gap_word", lang).capitalize(),
        GAP_COLOURS["own"],
        "gap",
        **second,
    )
    for code, name, level in sorted(others, key=lambda o: o[2] == "country"):
        kind = "country" if level == "country" else "county"
        shown = "gap" if kind == "country" else None  # the län's row between two labelled ones
        bar(
            _values(rows, code, groups, "gap_pp"),
            f"{name} – {t('gap_word', lang)}",
            GAP_COLOURS[kind],
            shown,
            **second,
        )

    shares = [v for v in [*rows["women_share"], *rows["men_share"]] if v is not None]
    gaps = [v for v in rows["gap_pp"] if v is not None]
    fig.update_xaxes(
        ticksuffix="\u202f%" if lang == "sv" else "%",
        range=[0, max(shares, default=1) * (1 + ROOM)],
        row=1,
        col=1,
    )
    fig.update_xaxes(
        ticksuffix=f" {t('pp_short', lang)}",
        range=[min(0.0, *gaps), max(gaps, default=1) * (1 + ROOM)],
        **second,
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    bars_shown = len(fig.data) * len(groups)
    return layout(
        fig,
        result.title,
        lang,
        barmode="group",
        bargap=0.12 if side_by_side else 0.25,
        height=max(560, 220 + 17 * bars_shown),
        margin={"l": 10, "r": label_room(texts), "t": 110, "b": 40},
        # beside the panels on a slide (its height is what the rows need), under them on the
        # page (above them, a phone's six rows of legend ran off the top)
        legend={"orientation": "v", "x": 1.02, "y": 1, "xanchor": "left", "yanchor": "top"}
        if side_by_side
        else {"orientation": "h", "y": -0.06, "x": 0, "xanchor": "left", "yanchor": "top"},
    )
