"""Under the age view: the regions ranked by the gap in one age group — the ranking view
itself (`extra["ranking"]`), with its own slide and files."""

from urllib.parse import urlencode

import streamlit as st

from dashboard.model import registry
from dashboard.model.result import ViewResult
from dashboard.render import page
from dashboard.text.i18n import t
from dashboard.text.narrative import ages
from dashboard.text.safe_text import markdown


def after(result: ViewResult) -> None:
    params = dict(result.extra["ranking"])  # type: ignore[call-overload]
    lang = result.lang
    st.subheader(t("age_ranking_heading", lang, ages=ages(params["age"])))
    ranking, _ = registry.compute("ranking", params, lang)
    st.markdown(markdown(ranking.headline))
    page.chart(ranking)
    st.markdown(f"[{t('ranking', lang)} →](/rangordning?{urlencode({**params, 'lang': lang})})")
    page.data_and_exports(ranking)
    page.add_to_deck(ranking)
