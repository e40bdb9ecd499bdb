"""Utbildningsläget dashboard: thin Streamlit pages over one query layer over SQL views."""
