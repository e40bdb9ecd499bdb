"""SQL: analysts query the database in the browser, read-only and in a caged worker process.

A query that arrives in a link is shown, never run, until the reader presses "Kör": a link
must not make anyone's browser (or our server) do work its reader has not seen. The query plan
(what EXPLAIN would give) is a choice beside the button, asked of the checked SELECT itself.
"""

from __future__ import annotations

import streamlit as st

from dashboard.data import queries
from dashboard.data.sql_files import SQL_DIR
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.sandbox import downloads, runner
from dashboard.sandbox.policy import MESSAGES, SandboxError
from dashboard.text.formatting import number
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


#: Streamlit's own hint under the box is English only ("Press Ctrl+Enter to submit form"); the
#: intro says it in the page's language instead.
HIDE_HINT = '<style>[data-testid="InputInstructions"] { display: none; }</style>'
#: What a run shows: the rows, or DuckDB's plan for the checked SELECT (EXPLAIN's replacement).
SHOW: dict[str, runner.Plan] = {"rows": None, "plan": "plain", "analyze": "analyze"}


def render() -> None:
    lang = state.lang()
    st.title(t("sql", lang))
    st.caption(
        t(
            "sql_intro",
            lang,
            rows=number(runner.LIMITS.rows, 0, lang),
            seconds=f"{runner.LIMITS.seconds:g}",
        )
    )

    # 1. the query: from the link (first load only), an example, or typed; shown, not run.
    # The box has one key for the whole session, so it never follows the URL after the first
    # load (a key made from the URL's query replaced the analyst's first edit with the example)
    library = examples()
    from_link = st.query_params.get("sql")
    if "w_sql" not in st.session_state:
        st.session_state["w_sql"] = from_link or next(iter(library.values()))
    picked = st.selectbox(
        t("example", lang), ["", *library], key="w_example", placeholder=t("choose", lang)
    )
    if picked and st.session_state.get("_example_used") != picked:
        st.session_state["_example_used"] = picked
        st.session_state["w_sql"] = library[picked]

    # 2. box, choice and button in one form: Ctrl+Enter in the box and the button both send
    # the box's text with the press, so a run always answers the text it was pressed for
    st.markdown(HIDE_HINT, unsafe_allow_html=True)
    with st.form("sql_form", border=False):
        st.text_area("SQL", height=220, max_chars=None, key="w_sql")
        show = st.radio(
            t("sql_show", lang),
            list(SHOW),
            format_func=lambda key: t(f"sql_show_{key}", lang),
            horizontal=True,
            key="w_show",
        )
        clicked = st.form_submit_button(t("run_query", lang), type="primary", key="run_sql")
    text = str(st.session_state["w_sql"])
    st.query_params["sql"] = text  # the URL follows the box
    if clicked:
        waiting = st.empty()
        try:
            result = runner.run(
                queries.db_path(),
                text,
                on_wait=lambda: waiting.info(t("sql_waiting", lang), icon="⏳"),
                plan=SHOW[show],
            )
            st.session_state["sql_result"] = (text, show, result)
        except SandboxError as exc:
            st.session_state.pop("sql_result", None)
            template = SANDBOX_SV[exc.key] if lang == "sv" else MESSAGES[exc.key]
            st.error(downloads.message(exc, template, markdown))
            return
        finally:
            waiting.empty()
    ran = st.session_state.get("sql_result")
    if ran is None or ran[:2] != (text, show):
        st.info(t("sql_from_link" if from_link and not clicked else "sql_press_run", lang))
        return
    _show(ran[2], lang)


def _show(result: runner.SandboxResult, lang: str) -> None:
    seconds = number(result.seconds, 2, lang)
    if result.plan is not None:
        st.caption(t("plan_shown", lang))
        st.code(result.plan, language=None)
        return
    st.caption(t("rows_shown", lang, n=number(result.frame.height, 0, lang), seconds=seconds))
    if result.cut == "rows":
        st.warning(t("truncated", lang, n=number(result.frame.height, 0, lang)))
    elif result.cut == "bytes":
        size = f"{runner.LIMITS.result_bytes / 1024**2:g} MB"
        st.warning(t("truncated_bytes", lang, n=number(result.frame.height, 0, lang), size=size))
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
