"""Women and men as two markers on one line per row, the gap written at the row's end: the
region beside its län, kommungrupp and riket, and the region by age group beside riket."""

from __future__ import annotations

import polars as pl

from dashboard.charts.vector.axes import LABEL, SMALL, Axis, legend, sex_keys
from dashboard.charts.vector.canvas import COLOURS, TEXT, Canvas, Drawn, scale, text_width
from dashboard.text.formatting import value_text

ROW = 15.0  # pt per row
MARK = 6.0  # marker size, pt


def _row(
    canvas: Canvas, axis: Axis, y: float, women: float | None, men: float | None, hollow: bool
) -> None:
    if women is None or men is None:
        return
    canvas.line(axis.x(men), y, axis.x(women), y, TEXT, 1.0, "2.5 1.5" if hollow else None)
    canvas.marker("square", axis.x(men), y, MARK, COLOURS["men"], hollow)
    canvas.marker("circle", axis.x(women), y, MARK, COLOURS["women"], hollow)


def _extent(frame: pl.DataFrame) -> tuple[float, float, list[float]]:
    values = [v for c in ("women_share", "men_share") for v in frame[c].drop_nulls().to_list()]
    return scale(0.0, max(values, default=1.0), 4)


def comparison(frame: pl.DataFrame, lang: str, width: float = 250.0) -> Drawn:
    """One row per region of Översikt's comparison (the region first, riket last and hollow),
    women ● and men ■ on a share axis, each row's gap at its end."""
    names = [
        _short(str(c), str(n), lang)
        for c, n in zip(frame["region_code"], frame["region_name"], strict=True)
    ]
    gaps = [value_text(g, "gap", lang) for g in frame["gap_pp"]]
    left = max(text_width(n, LABEL) for n in names) + 6
    right = max(text_width(g, LABEL) for g in gaps) + 8
    top = 16.0
    height = top + ROW * frame.height + 16
    canvas = Canvas(width, height)
    legend(canvas, 2, 9, sex_keys(lang))
    low, high, ticks = _extent(frame)
    axis = Axis(low, high, left, width - right)
    bottom = top + ROW * frame.height
    axis.draw(canvas, ticks, top, bottom, "percent", lang)
    for index, row in enumerate(frame.iter_rows(named=True)):
        y = top + ROW * (index + 0.5)
        country = row["region_code"] == "00" and frame.height > 1
        first = index == 0
        canvas.text(left - 6, y + 2.6, names[index], LABEL, "end", bold=first)
        _row(canvas, axis, y, row["women_share"], row["men_share"], hollow=country)
        canvas.text(width - right + 6, y + 2.6, gaps[index], LABEL, bold=first)
    return canvas.drawn(_alt(frame, lang))


def _short(code: str, name: str, lang: str) -> str:
    """A row's name on the chart: a kommungrupp by its code (the table beside names it)."""
    from dashboard.text.i18n import t

    return f"{t('kommungrupp', lang)} {code}" if code[:1].isalpha() else name


def _alt(frame: pl.DataFrame, lang: str) -> str:
    from dashboard.text.i18n import t

    return "; ".join(
        f"{r['region_name']}: {t('women', lang).lower()} {value_text(r['women_share'], 'total', lang)}, "
        f"{t('men', lang).lower()} {value_text(r['men_share'], 'total', lang)}, "
        f"{t('gap_word', lang)} {value_text(r['gap_pp'], 'gap', lang)}"
        for r in frame.iter_rows(named=True)
    )


def by_age(frame: pl.DataFrame, region: str, lang: str, width: float = 250.0) -> Drawn:
    """Per 10-year age group the region (filled, solid) and riket under it (hollow, dashed),
    women ● and men ■; the gaps at the row's end, riket's in brackets."""
    from dashboard.text.i18n import t

    groups = frame.filter(~pl.col("is_total") & pl.col("gap_pp").is_not_null())
    ours = groups.filter(pl.col("region_code") == region).sort("age_order")
    riket = {
        r["age_group"]: r
        for r in groups.filter(pl.col("region_code") == "00").iter_rows(named=True)
    }
    with_country = region != "00"
    name = str(ours["region_name"][0]) if ours.height else region
    labels = [str(g) for g in ours["group_label"]]
    gaps = [value_text(g, "gap", lang) for g in ours["gap_pp"]]
    country = t("country", lang).lower() if lang == "sv" else t("country", lang)
    refs = [
        f"({country} {value_text(riket[a]['gap_pp'], 'gap', lang)})" if a in riket else ""
        for a in ours["age_group"]
    ]
    left = max((text_width(x, LABEL) for x in labels), default=30) + 6
    right = (
        max(
            (text_width(g, LABEL) + text_width(r, SMALL) for g, r in zip(gaps, refs, strict=True)),
            default=30,
        )
        + 12
    )
    per_group = ROW * (1.6 if with_country else 1.0)
    top = 16.0
    bottom = top + per_group * ours.height
    canvas = Canvas(width, bottom + 16)
    legend(canvas, 2, 9, sex_keys(lang, name if with_country else None))
    low, high, ticks = _extent(pl.concat([ours, groups.filter(pl.col("region_code") == "00")]))
    axis = Axis(low, high, left, width - right)
    axis.draw(canvas, ticks, top, bottom, "percent", lang)
    for index, row in enumerate(ours.iter_rows(named=True)):
        y = top + per_group * index + ROW * 0.5
        canvas.text(left - 6, y + 2.6, labels[index], LABEL, "end")
        _row(canvas, axis, y, row["women_share"], row["men_share"], hollow=False)
        canvas.text(width - right + 6, y + 2.6, gaps[index], LABEL, bold=True)
        other = riket.get(row["age_group"])
        if with_country and other is not None:
            _row(canvas, axis, y + ROW * 0.6, other["women_share"], other["men_share"], hollow=True)
            canvas.text(width - right + 6, y + ROW * 0.6 + 2.4, refs[index], SMALL)
    alt = "; ".join(
        f"{lab}: {t('gap_word', lang)} {gap} {ref}".strip()
        for lab, gap, ref in zip(labels, gaps, refs, strict=True)
    )
    return canvas.drawn(alt)
