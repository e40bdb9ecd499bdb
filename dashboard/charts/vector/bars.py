"""A ranking as horizontal bars, best first: each bar named with its rank and its value
written at its end, the marked region dark and bold, riket a dashed line across."""

from __future__ import annotations

from dashboard.charts.vector.axes import LABEL, SMALL, Axis
from dashboard.charts.vector.canvas import COLOURS, TEXT, Canvas, Drawn, scale, text_width
from dashboard.model.peers import ranked, value_column
from dashboard.model.result import ViewResult
from dashboard.text.formatting import value_text

OTHERS = "#B9C3CC"  # light: a greyscale copy still sets the marked bar apart
ROW = 11.0


#: The rank the ranking page's table gives among those it compares, by its scope.
RANKS = {"municipality_in_county": "county_rank", "kommungrupp": "kommungrupp_rank"}


def ranking(result: ViewResult, width: float = 250.0, row: float = ROW) -> Drawn:
    spec, lang = result.chart, result.lang
    column = value_column(spec.show)
    rows = ranked(spec.frame, spec.show)
    rank = f"{RANKS.get(result.settings.get('scope', ''), 'rank')}_{spec.show}"
    names = [
        f"{r[rank]}. {r['region_name']}" if r.get(rank) is not None else str(r["region_name"])
        for r in rows.iter_rows(named=True)
    ]
    values = [value_text(v, spec.show, lang) for v in rows[column]]
    left = max((text_width(n, LABEL, bold=True) for n in names), default=40) + 6
    right = max((text_width(v, LABEL) for v in values), default=20) + 6
    top = 14.0
    bottom = top + row * rows.height
    canvas = Canvas(width, bottom + 16)
    references = spec.references[:1]  # riket
    reach = [v for v in rows[column].to_list() if v is not None] + [v for _, v in references]
    low, high, ticks = scale(min(0.0, *reach), max(reach, default=1.0), 4)
    axis = Axis(low, high, left, width - right - 4)
    axis.draw(canvas, ticks, top, bottom, "points" if spec.show == "gap" else "percent", lang)
    for index, r in enumerate(rows.iter_rows(named=True)):
        y = top + row * index
        marked = r["region_code"] == spec.highlight
        start, end = axis.x(max(low, 0.0)), axis.x(r[column])
        fill = COLOURS["total"] if marked else OTHERS
        canvas.rect(
            min(start, end), y + 1.5, abs(end - start), row - 3, fill, TEXT if marked else None, 0.8
        )
        canvas.text(left - 4, y + row / 2 + 2.6, names[index], LABEL, "end", bold=marked)
        canvas.text(
            max(start, end) + 3, y + row / 2 + 2.6, values[index], LABEL, bold=marked, halo=True
        )
    for label, value in references:
        x = axis.x(value)
        canvas.line(x, top - 3, x, bottom, COLOURS["country"], 1.0, "4 2")
        text = f"{label} {value_text(value, spec.show, lang)}"
        half = text_width(text, SMALL) / 2
        canvas.text(min(max(x, half + 1), width - half - 1), top - 5, text, SMALL, "middle")
    alt = "; ".join(f"{n} {v}" for n, v in zip(names, values, strict=True))
    if references:
        alt += f"; {references[0][0]} {value_text(references[0][1], spec.show, lang)}"
    return canvas.drawn(alt)
