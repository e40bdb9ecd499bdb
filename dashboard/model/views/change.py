"""Förändring: between two chosen years, each region's change in share or gap (percentage
points), ranked, with its rank then and now ("från plats 15 till 11"); riket's change as the
reference line. Regions compared as in the ranking (län, a län's kommuner, all kommuner, a
kommungrupp), one marked."""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.model import common, peers, tables
from dashboard.model.params import Context, Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
from dashboard.text.formatting import value_text
from dashboard.text.i18n import t

NAME = "change"


def _years(values: Values) -> list[int]:
    """The age group's years, oldest first."""
    return sorted(queries.available_periods().get(values.get("age", ""), []))


def _from_options(values: Values) -> list[str]:
    years = _years(values)
    return [str(y) for y in (years[:-1] or years)]


def _to_options(values: Values) -> list[str]:
    years = _years(values)
    start = int(values.get("from") or 0)
    return [str(y) for y in years if y > start] or [str(y) for y in years[-1:]]


def _to_default(values: Values, context: Context) -> str:
    return (_to_options(values) or [""])[-1]


PARAMS = [
    common.age_param(multi_year_only=True),
    Param(
        "from", "from", _from_options, lambda values, context: (_from_options(values) or [""])[0]
    ),
    Param("to", "to", _to_options, _to_default),
    common.measure_param(),
    common.definition_param(),
    *common.scope_params("county", county_shows_kommuner=False),
    common.show_param("gap"),
]


def _rank_prefix(scope: str) -> str:
    """Which rank says the place among the regions compared."""
    return {
        "municipality_in_county": "county_rank",
        common.KOMMUNGRUPP_SCOPE: "kommungrupp_rank",
    }.get(scope, "rank")


def _level(values: Values) -> str:
    return "county" if values["scope"] == "county" else "municipality"


def _county(values: Values) -> str:
    return values.get("county", "") if values["scope"] == "municipality_in_county" else ""


def frame_of(values: Values) -> pl.DataFrame:
    """One row per region (riket first): the value then and now, the change, rank then and
    now among the regions compared; sorted by the change, largest first."""
    raw = queries.change(
        int(values["from"]),
        int(values["to"]),
        values["age"],
        values["measure"],
        _level(values),
        _county(values),
        values["definition"],
        values["show"],
        _rank_prefix(values["scope"]),
    )
    if values["scope"] == common.KOMMUNGRUPP_SCOPE:
        raw = raw.filter(
            (pl.col("region_code") == "00") | (pl.col("kommungrupp_code") == values.get("group"))
        )
    return raw.with_columns((pl.col("rank_then") - pl.col("rank_now")).alias("places_up"))


def signed(value: float | None, lang: str) -> str:
    """A change in points: "+1,8 p.e." / "−0,4 p.e."."""
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + value_text(value, "gap", lang)


def place(rank: int | None, lang: str) -> str:
    """Swedish says "plats 15"; English "15th"."""
    if rank is None:
        return "–"
    if lang == "sv":
        return str(rank)
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def _regions(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.col("region_level") != "country").drop_nulls("change")


def _riket(frame: pl.DataFrame) -> float | None:
    row = frame.filter(pl.col("region_level") == "country")
    return None if row.is_empty() or row["change"][0] is None else float(row["change"][0])


def sentence(frame: pl.DataFrame, values: Values, lang: str) -> str:
    show, start, end = values["show"], values["from"], values["to"]
    rows = _regions(frame)
    whose = t(f"whose_{show}", lang)
    ref = signed(_riket(frame), lang)
    if not rows.height:
        return f"{whose} {start}–{end}"
    highlight = values.get("highlight") or ""
    if highlight in rows["region_code"].to_list():
        row = rows.row(rows["region_code"].to_list().index(highlight), named=True)
        where = common.among(values, lang)
        change = row["change"]
        return t(
            "change_highlight",
            lang,
            name=row["region_name"],
            whose=whose,
            verb=t("rose" if change >= 0 else "fell", lang),
            change=value_text(abs(change), "gap", lang),
            start=start,
            end=end,
            then=place(row["rank_then"], lang),
            now=place(row["rank_now"], lang),
            n=rows.height,
            where=where,
            country=t("country", lang).lower(),
            ref=ref,
        )
    top, bottom = rows.row(0, named=True), rows.row(-1, named=True)
    return t(
        "change_range",
        lang,
        start=start,
        end=end,
        whose=whose,
        top=top["region_name"],
        top_change=signed(top["change"], lang),
        bottom=bottom["region_name"],
        bottom_change=signed(bottom["change"], lang),
        ref=ref,
    )


def _facts(frame: pl.DataFrame, lang: str) -> tuple[str, ...]:
    """Who moved most up and down the ranking."""
    rows = _regions(frame).drop_nulls("places_up")
    if rows.height < 2 or rows["places_up"].max() == rows["places_up"].min():
        return ()
    up = rows.sort("places_up", descending=True).row(0, named=True)
    down = rows.sort("places_up").row(0, named=True)
    return (
        t(
            "change_view_moved",
            lang,
            up=up["region_name"],
            up_then=place(up["rank_then"], lang),
            up_now=place(up["rank_now"], lang),
            down=down["region_name"],
            down_then=place(down["rank_then"], lang),
            down_now=place(down["rank_now"], lang),
        ),
    )


def _table(frame: pl.DataFrame, values: Values, lang: str) -> pl.DataFrame:
    show, start, end = values["show"], values["from"], values["to"]
    unit = t("pp_short", lang) if show == "gap" else "%"
    what = t("gap_word", lang) if show == "gap" else t(show, lang).lower()
    names = frame["region_name"].to_list()
    if lang == "en":
        names = [
            t("country", lang) if c == "00" else n
            for c, n in zip(frame["region_code"], names, strict=True)
        ]
    return frame.select(
        pl.Series(t("region", lang), names),
        pl.col("value_then").alias(f"{what} {start} ({unit})"),
        pl.col("value_now").alias(f"{what} {end} ({unit})"),
        pl.col("change").alias(f"{t('change_word', lang)} ({t('pp_short', lang)})"),
        pl.col("rank_then").alias(f"{t('rank_then', lang)} ({start})"),
        pl.col("rank_now").alias(f"{t('rank_now', lang)} ({end})"),
    )


def load(values: Values, lang: str) -> ViewResult:
    show, start, end = values["show"], int(values["from"]), int(values["to"])
    frame = frame_of(values)
    scope = common.scope_label(values, lang)
    source = common.source(frame, values, lang)
    change_words = t("change_of", lang, start=start, end=end)
    title = f"{common.title_base(values, lang)}, {common.who(show, lang)}, {change_words} — {scope}"
    riket = _riket(frame)
    data = frame.with_columns(
        pl.lit(start).alias("from_year"),
        pl.lit(end).alias("to_year"),
        pl.lit(values["age"]).alias("age_group"),
        pl.lit(values["measure"]).alias("measure"),
        pl.lit(values["definition"]).alias("definition"),
        pl.lit(show).alias("shown"),
        pl.lit(source).alias("source"),
    )
    data = tables.for_files_rounded(data)
    breaks = [y for y in queries.series_breaks() if start < y <= end]
    notes = common.noise_notes([start, end], lang)
    if breaks:
        notes += (t("change_break_note", lang, years=", ".join(map(str, breaks))),)
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=sentence(frame, values, lang),
        chart=ChartSpec(
            "change",
            frame,
            show=show,
            highlight=values.get("highlight") or None,
            references=((t("country", lang), riket),) if riket is not None else (),
            unit="points",
        ),
        table=_table(frame, values, lang),
        data=data,
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(
            lang,
            t("change_file", lang),
            scope,
            t(show, lang) if show != "gap" else t("gap_word", lang),
            start,
            end,
        ),
        facts=_facts(frame, lang),
        notes=notes,
    )


VIEW = View(
    name=NAME,
    slug="forandring",
    title_key="change_view",
    params=tuple(PARAMS),
    load=load,
    charts=("change",),
    order=80,
    main=("from", "to"),
    aim=peers.aim_ranked,
    samples=({"highlight": "04"},),
)
