"""SQL: analysts query the database in the browser, read-only and in a caged worker process.

A query that arrives in a link is shown, never run, until the reader presses "Kör": a link
must not make anyone's browser (or our server) do work its reader has not seen.
"""

from __future__ import annotations

import streamlit as st

from dashboard.data import queries
from dashboard.data.sql_files import SQL_DIR
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.sandbox import downloads, runner
from dashboard.sandbox.policy import MESSAGES, SandboxError
from dashboard.text.i18n import SANDBOX_SV, t
from dashboard.text.safe_text import markdown, quote

EXAMPLES_DIR = SQL_DIR / "examples"


def examples() -> dict[str, str]:
    """Example name → SQL; the first comment line of each file is its title."""
    found = {}
    for path in sorted(EXAMPLES_DIR.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        found[text.splitlines()[0].lstrip("- ").strip()] = text
    return found


def render() -> None:
    lang = state.lang()
    st.title(t("sql", lang))
    st.caption(
        t(
            "sql_intro",
            lang,
            rows=f"{runner.LIMITS.rows:,}".replace(",", " "),
            seconds=f"{runner.LIMITS.seconds:g}",
        )
    )

    # 1. the query: from the link, an example, or typed; shown, not run
    library = examples()
    picked = st.selectbox(
        t("example", lang), ["", *library], key="w_example", placeholder=t("choose", lang)
    )
    if picked and st.session_state.get("_example_used") != picked:
        st.session_state["_example_used"] = picked
        st.query_params["sql"] = library[picked]
    from_link = st.query_params.get("sql")
    text = st.text_area(
        "SQL",
        from_link or next(iter(library.values())),
        height=220,
        max_chars=None,
        key=f"w_sql_{hash(from_link or '')}",
    )
    st.query_params["sql"] = text

    # 2. run it in the caged worker when asked
    clicked = st.button(t("run_query", lang), type="primary", key="run_sql", shortcut="ctrl+enter")
    if clicked:
        waiting = st.empty()
        try:
            result = runner.run(
                queries.db_path(),
                text,
                on_wait=lambda: waiting.info(t("sql_waiting", lang), icon="⏳"),
            )
            st.session_state["sql_result"] = (text, result)
        except SandboxError as exc:
            st.session_state.pop("sql_result", None)
            template = SANDBOX_SV[exc.key] if lang == "sv" else MESSAGES[exc.key]
            st.error(downloads.message(exc, template, markdown))
            return
        finally:
            waiting.empty()
    ran = st.session_state.get("sql_result")
    if ran is None or ran[0] != text:
        st.info(t("sql_from_link" if from_link and not clicked else "sql_press_run", lang))
        return
    _show(ran[1], lang)


def _show(result: runner.SandboxResult, lang: str) -> None:
    st.caption(t("rows_shown", lang, n=result.frame.height, seconds=f"{result.seconds:.2f}"))
    if result.cut == "rows":
        st.warning(t("truncated", lang, n=result.frame.height))
    elif result.cut == "bytes":
        size = f"{runner.LIMITS.result_bytes / 1024**2:g} MB"
        st.warning(t("truncated_bytes", lang, n=result.frame.height, size=size))
    if result.renamed:
        names = ", ".join(f"{quote(a, 40)} → {quote(b, 40)}" for a, b in result.renamed)
        st.caption(t("renamed_columns", lang, names=names))
    components.data_table(result.frame, hide_index=True)
    # built when clicked, from the capped result (see dashboard.sandbox.downloads)
    left, right = st.columns(2)
    left.download_button(
        t("download_csv", lang),
        downloads.csv_file(result.frame),
        "fraga.csv",
        "text/csv",
        key="sql_csv",
        on_click="ignore",
    )
    right.download_button(
        t("download_parquet", lang),
        downloads.parquet_file(result.frame),
        "fraga.parquet",
        "application/vnd.apache.parquet",
        key="sql_parquet",
        on_click="ignore",
    )
