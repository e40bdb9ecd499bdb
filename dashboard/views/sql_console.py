"""SQL: analysts query the database in the browser, read-only and sandboxed."""

from __future__ import annotations

import io

import streamlit as st

from dashboard import queries, sandbox, state
from dashboard.exports import swedish_csv
from dashboard.i18n import t

EXAMPLES_DIR = queries.SQL_DIR / "examples"


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
            rows=f"{sandbox.ROW_CAP:,}".replace(",", " "),
            seconds=f"{sandbox.TIME_LIMIT_SECONDS:g}",
        )
    )

    # 1. the query: from the link, an example, or typed
    library = examples()
    picked = st.selectbox(t("example", lang), ["", *library], key="w_example")
    if picked and st.session_state.get("_example_used") != picked:
        st.session_state["_example_used"] = picked
        st.query_params["sql"] = library[picked]
    text = st.text_area(
        "SQL",
        st.query_params.get("sql", next(iter(library.values()))),
        height=220,
        key=f"w_sql_{hash(st.query_params.get('sql', ''))}",
    )
    st.query_params["sql"] = text

    # 2. run it in the sandbox
    try:
        result = sandbox.run(queries.db_path(), text)
    except sandbox.SandboxError as exc:
        st.error(str(exc))
        return

    # 3. the result
    st.caption(t("rows_shown", lang, n=result.frame.height, seconds=f"{result.seconds:.2f}"))
    if result.truncated:
        st.warning(t("truncated", lang, n=result.frame.height))
    st.dataframe(result.frame, hide_index=True)
    buffer = io.BytesIO()
    result.frame.write_parquet(buffer)
    left, right = st.columns(2)
    left.download_button(
        t("download_csv", lang), swedish_csv(result.frame), "fraga.csv", "text/csv", key="sql_csv"
    )
    right.download_button(
        t("download_parquet", lang),
        buffer.getvalue(),
        "fraga.parquet",
        "application/vnd.apache.parquet",
        key="sql_parquet",
    )
