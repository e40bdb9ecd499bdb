"""Översikt, the start page: what the dashboard is, "choose your region" with the searchable
box in view, then one region against its län, kommungrupp and riket (dashboard.model.overview)."""

from dashboard.render.page import view_page
from dashboard.render.url_state import lang as ui_lang
from dashboard.text.i18n import t


def render() -> None:
    lang = ui_lang()
    view_page(
        "overview",
        "overview",
        main=("region",),
        intro=t("tagline", lang),
        labels={"region": (t("pick_region", lang), t("pick_region_help", lang))},
    )
