"""Rangordning: län, a län's kommuner, all 290 or a kommungrupp, sorted by one value, riket
(and the kommungrupp) as reference lines, one region marked."""

from __future__ import annotations

from dashboard.model import common, peers, tables
from dashboard.model.params import Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.text.i18n import t

NAME = "ranking"
PARAMS = peers.params("county", "women")


def load(values: Values, lang: str) -> ViewResult:
    year, show = int(values["year"]), values["show"]
    frame = common.peers_frame(values)
    scope = common.scope_label(values, lang)
    source = common.source(year, values, lang)
    title = f"{common.title_base(values, lang)}, {common.who(show, lang)}, {year} — {scope}"
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=peers.sentence(frame, show, values, lang, scope),
        chart=ChartSpec(
            "ranking",
            frame,
            show=show,
            highlight=values.get("highlight") or None,
            references=peers.references(frame, show, values, lang),
            unit="points" if show == "gap" else "percent",
        ),
        table=tables.for_people(frame, lang),
        data=tables.for_files(frame, values, source, lang),
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(
            lang,
            t("ranking", lang),
            scope,
            t(show, lang) if show != "gap" else t("gap_word", lang),
            year,
        ),
        facts=peers.rank_fact(frame, show, values, lang),
        notes=common.noise_notes([year], lang),
        sql=common.peers_sql(values),
    )
