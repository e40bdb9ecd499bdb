"""Lärcentrum: what the registry knows and from where, and corrections from the regions.

A region uploads its own list (the formats and checks of `python -m etl larcentrum import`),
sees what it would add, remove and move, and downloads the merged list. The app never writes:
applying the list stays a command-line step for whoever runs the database.
"""

from __future__ import annotations

import time

import polars as pl
import streamlit as st

from dashboard.data import places, queries, registry_diff
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.render.table_files import swedish_csv
from dashboard.text.i18n import t
from dashboard.text.safe_text import shorten
from etl.config import load_settings
from etl.formula_guard import neutralise_frame
from etl.larcentrum.registry import RegistryError
from etl.sources.geography import municipality_shapes

UPLOAD_TYPES = ["csv", "xlsx"]


def render() -> None:
    lang = state.lang()
    st.title(t("larcentrum", lang))
    st.caption(t("registry_intro", lang))

    # 1. what is known
    components.registry_coverage()
    components.centre_table(places.larcentrum(), lang, "all")

    # 2. a region's corrections
    st.header(t("corrections", lang))
    st.markdown(t("corrections_how", lang))
    uploaded = components.uploader(t("upload_list", lang), UPLOAD_TYPES, "list_upload")
    if uploaded is None:
        return
    suffix = ".xlsx" if uploaded.name.lower().endswith(".xlsx") else ".csv"
    waiting = st.empty()
    started = time.monotonic()

    def on_wait() -> None:
        # a Streamlit call while the parse worker runs: a rerun or a closed tab raises here,
        # and the worker is killed (etl.larcentrum.reading.read_rows)
        waiting.caption(t("list_checking", lang, seconds=f"{time.monotonic() - started:.0f}"))

    try:
        frame = registry_diff.checked_upload(
            uploaded.getvalue(), suffix, municipality_shapes(), on_wait
        )
    except RegistryError as exc:
        st.error(t("list_refused", lang, n=len(exc.problems)))
        st.code("\n".join(shorten(p, 300) for p in exc.problems[:200]), language=None)
        return
    finally:
        waiting.empty()
    regions = queries.regions()
    names = dict(zip(regions["region_code"], regions["region_name"], strict=True))
    changes = registry_diff.diff(places.larcentrum(), frame, names)
    counts = {c: changes.filter(pl.col("change") == c).height for c in CHANGES}
    st.success(
        t("list_accepted", lang, centres=frame.height, kommuner=frame["kommun_code"].n_unique())
    )
    st.markdown(" · ".join(f"{t('change_' + c, lang)}: **{n}**" for c, n in counts.items()))
    components.data_table(
        changes.with_columns(
            pl.col("change").replace({c: t("change_" + c, lang) for c in CHANGES})
        ),
        hide_index=True,
        column_config={
            "change": t("change", lang),
            "kommun": "Kommun",
            "name": t("name", lang),
            "locality": t("locality", lang),
            "moved_km": t("moved_km", lang),
        },
    )
    current_list = registry_diff.current_list(
        load_settings().larcentrum_path, municipality_shapes()
    )
    merged = registry_diff.merged(current_list, frame)
    st.download_button(
        t("download_merged", lang),
        lambda: neutralise_frame(merged).write_csv().encode("utf-8"),
        "larcentrum.csv",
        "text/csv",
        key="merged_csv",
    )
    st.caption(t("apply_merged", lang))
    st.download_button(
        t("download_changes", lang),
        lambda: swedish_csv(changes),
        "larcentrum-andringar.csv",
        "text/csv",
        key="changes_csv",
    )


CHANGES = ("added", "removed", "moved", "kept_evidence")
