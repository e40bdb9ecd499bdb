"""Könsskillnad: women against men per region, sorted by the gap, riket marked."""

from __future__ import annotations

from dashboard.model import common, peers, tables
from dashboard.model.params import Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.text.i18n import t

NAME = "gap"
PARAMS = peers.params("county", None)


def load(values: Values, lang: str) -> ViewResult:
    year = int(values["year"])
    frame = common.peers_frame(values)
    scope = common.scope_label(values, lang)
    source = common.source(year, values, lang)
    title = f"{common.title_base(values, lang)}, {t('gap_title', lang)}, {year} — {scope}"
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=peers.sentence(frame, "gap", values, lang, scope),
        chart=ChartSpec(
            "dumbbell",
            frame,
            show="gap",
            highlight=values.get("highlight") or None,
            references=peers.references(frame, "gap", values, lang),
        ),
        table=tables.for_people(frame, lang),
        data=tables.for_files(frame, values, source, lang),
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(lang, t("gap", lang), scope, year),
        facts=peers.rank_fact(frame, "gap", values, lang),
        notes=common.noise_notes([year], lang),
        sql=common.peers_sql(values),
    )
