"""Jämför: up to eight regions side by side for one year."""

from __future__ import annotations

from dashboard.data import queries
from dashboard.model import common, tables
from dashboard.model.params import Context, Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
from dashboard.text.formatting import percent
from dashboard.text.i18n import t

NAME = "compare"
MAX_REGIONS = 8


def _default(values: Values, context: Context) -> str:
    own = context.remembered.get("region")
    return ",".join(dict.fromkeys(["00", own])) if own else "00,04,0486,0480"


PARAMS = [
    common.age_param(),
    common.year_param(),
    common.measure_param(),
    common.definition_param(),
    Param(
        "regions",
        "regions",
        lambda values: common.all_codes(),
        _default,
        common.region_label,
        widget="multi",
        max_values=MAX_REGIONS,
    ),
]


def load(values: Values, lang: str) -> ViewResult:
    year = int(values["year"])
    picked = [r for r in values["regions"].split(",") if r] or ["00"]
    frame = queries.compare(picked, year, values["age"], values["measure"], values["definition"])
    source = common.source(frame, values, lang)
    title = f"{common.title_base(values, lang)}, {year}"
    rows = tables.with_country_name(frame, lang)
    sentence = f"{title}: " + "; ".join(
        f"{name} {t('women', lang).lower()} {percent(w, 1, lang)}, {t('men', lang).lower()} {percent(m, 1, lang)}"
        for name, w, m in rows.select("region_name", "women_share", "men_share").iter_rows()
    )
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=sentence,
        chart=ChartSpec("columns", frame),
        table=tables.for_people(frame, lang),
        data=tables.for_files(frame, values, source, lang),
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(lang, t("compare", lang), values["age"], year),
        notes=common.noise_notes([year], lang),
    )


def aim(settings: Values, region: str) -> Values:
    """Riket, the region's län and the region."""
    chosen = ["00", common.county_of(region) or "", region]
    return {**settings, "regions": ",".join(dict.fromkeys(c for c in chosen if c))}


VIEW = View(
    name=NAME,
    slug="jamfor",
    title_key="compare",
    params=tuple(PARAMS),
    load=load,
    charts=("columns",),
    order=60,
    main=("regions",),
    aim=aim,
)
