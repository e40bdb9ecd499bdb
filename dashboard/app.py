"""Router of the Utbildningsläget dashboard: one st.Page per view, explicit URL paths."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

from dashboard.views import counties

st.set_page_config(page_title="Utbildningsläget", page_icon="🎓", layout="wide")

pages = [
    st.Page(counties.render, title="Länen", url_path="lan", default=True),
]
st.navigation(pages).run()
