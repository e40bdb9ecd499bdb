"""Under Översikt: a link to the region's printable profile, as PDF and as HTML, for the
strategist who takes the numbers into a room without a screen."""

import streamlit as st

from dashboard.model.common import region_name
from dashboard.model.result import ViewResult
from dashboard.render.profiles import url
from dashboard.text.i18n import profile_text
from dashboard.text.safe_text import markdown


def after(result: ViewResult) -> None:
    region, lang = result.settings["region"], result.lang
    name = markdown(region_name(region, lang))
    pdf, html = url(region, lang, "pdf"), url(region, lang, "html")
    st.markdown(profile_text("overview_link", lang, name=name, pdf=pdf, html=html))
