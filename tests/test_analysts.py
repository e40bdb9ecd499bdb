"""Analysts' access: the sandboxed SQL console, the schema doc, Parquet export, notebooks."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import duckdb
import nbformat
import pytest
from nbclient import NotebookClient
from streamlit.testing.v1 import AppTest

from dashboard import sandbox
from etl.analyst_docs import SCHEMA_DOC, export_parquet, schema_markdown

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


# --- the sandbox ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "SELECT * FROM read_csv('/etc/passwd')",
            "can only read this database: reading or writing files",
        ),
        ("SELECT * FROM read_text('/etc/hostname')", "can only read this database"),
        ("SELECT * FROM glob('/etc/*')", "can only read this database"),
        ("SELECT * FROM 'https://example.com/x.csv'", "can only read this database"),
        ("COPY region TO '/tmp/regions.csv'", "COPY statements are not allowed"),
        ("EXPORT DATABASE '/tmp/everything'", "EXPORT statements are not allowed"),
        ("ATTACH '/tmp/other.duckdb'", "ATTACH statements are not allowed"),
        ("INSTALL httpfs", "LOAD statements are not allowed"),
        ("LOAD httpfs", "LOAD statements are not allowed"),
        ("SET threads = 1", "SET statements are not allowed"),
        ("PRAGMA threads = 1", "SET statements are not allowed"),
        ("RESET memory_limit", "SET statements are not allowed"),
        ("CREATE TEMP TABLE x AS SELECT 1", "CREATE statements are not allowed"),
        ("DELETE FROM region", "DELETE statements are not allowed"),
        ("SELECT 1; SELECT 2", "Run one statement at a time (2 were given)"),
        ("SELEC 1", "SQL error: Parser Error"),
        ("", "Write a query first"),
    ],
)
def test_forbidden_statements_are_refused_with_a_message(
    db_path: Path, sql: str, message: str
) -> None:
    with pytest.raises(sandbox.SandboxError, match=re.escape(message)):
        sandbox.run(db_path, sql)


def test_configuration_is_locked_even_inside_a_select(db_path: Path) -> None:
    result = sandbox.run(
        db_path,
        "SELECT current_setting('enable_external_access') AS ext, "
        "current_setting('lock_configuration') AS locked",
    )
    assert result.frame.row(0) == (False, True)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM gender_gap LIMIT 5",
        "DESCRIBE region",
        "SHOW TABLES",
        "PRAGMA table_info('region')",
        "EXPLAIN SELECT 1",
        "SUMMARIZE region",
    ],
)
def test_reading_is_allowed(db_path: Path, sql: str) -> None:
    assert sandbox.run(db_path, sql).frame.height > 0


def test_a_long_query_stops_at_the_time_limit(db_path: Path) -> None:
    with pytest.raises(sandbox.SandboxError, match=re.escape("stopped at the time limit of 0.5 s")):
        sandbox.run(db_path, "SELECT count(*) FROM range(1000000000000)", time_limit=0.5)


def test_the_row_cap(db_path: Path) -> None:
    result = sandbox.run(db_path, "SELECT * FROM range(25) t(n)", row_cap=10)
    assert (
        result.truncated
        and result.frame.height == 10
        and result.frame["n"].to_list() == list(range(10))
    )
    assert not sandbox.run(db_path, "SELECT * FROM range(10)", row_cap=10).truncated


# --- the SQL page -----------------------------------------------------------------------------


def _sql_page(db_path: Path, monkeypatch: pytest.MonkeyPatch, sql: str) -> AppTest:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    app = AppTest.from_string(
        "from dashboard.views import sql_console\nsql_console.render()", default_timeout=60
    )
    app.query_params["sql"] = sql
    return app.run()


def test_sql_page_runs_a_query_from_the_link(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _sql_page(
        db_path, monkeypatch, "SELECT region_code, region_name FROM region WHERE county_code = '04'"
    )
    assert not app.exception and not app.error
    assert len(app.dataframe[0].value) == 10
    assert [getattr(b, "label", None) for b in app.get("download_button")] == [
        "Ladda ner CSV (Excel)",
        "Ladda ner Parquet",
    ]


def test_sql_page_refuses_reading_a_file(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _sql_page(db_path, monkeypatch, "SELECT * FROM read_csv('/etc/passwd')")
    assert not app.exception and "can only read this database" in app.error[0].value
    assert not app.dataframe


def test_every_example_query_runs(db_path: Path) -> None:
    from dashboard.views.sql_console import examples

    found = examples()
    assert len(found) >= 5
    for title, sql in found.items():
        assert sandbox.run(db_path, sql).frame.height > 0, title


def test_chart_sql_opens_in_the_console(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    app = AppTest.from_string(
        "from dashboard.views import ranking\nranking.render()", default_timeout=60
    ).run()
    code = app.code[0].value
    assert "FROM gender_gap_by_measure" in code and "year = 2019" in code and "$" not in code
    assert sandbox.run(db_path, code).frame.height == 22
    assert any(m.value.startswith("[Öppna frågan i SQL-konsolen](/sql?sql=") for m in app.markdown)


# --- docs, export, notebooks ------------------------------------------------------------------


def test_schema_doc_is_fresh(db_path: Path) -> None:
    with duckdb.connect(str(db_path), read_only=True) as con:
        expected = schema_markdown(con)
    assert SCHEMA_DOC.read_text(encoding="utf-8") == expected, (
        "docs/schema.md is stale: run `python -m etl docs`"
    )


def test_parquet_export_has_every_table_and_view(db_path: Path, tmp_path: Path) -> None:
    files = export_parquet(db_path, tmp_path / "export")
    with duckdb.connect(str(db_path), read_only=True) as con:
        names = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() UNION "
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        }
        assert {f.stem for f in files} == names
        for name in ("population_education", "gender_gap"):
            (rows,) = con.execute(f"SELECT count(*) FROM {name}").fetchone() or (0,)
            (exported,) = con.execute(
                f"SELECT count(*) FROM read_parquet('{tmp_path}/export/{name}.parquet')"
            ).fetchone() or (0,)
            assert rows == exported > 0
    readme = (tmp_path / "export" / "README.md").read_text(encoding="utf-8")
    assert "offline:tab3981_2018_2022" in readme and "CC0" in readme
    assert not list((tmp_path / "export").glob(".*tmp"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_runs_from_a_clean_kernel(
    notebook: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    committed = json.loads(notebook.read_text(encoding="utf-8"))
    assert all(
        not c.get("outputs") and not c.get("execution_count")
        for c in committed["cells"]
        if c["cell_type"] == "code"
    ), "commit notebooks without outputs"
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(
        nb,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
        env=dict(os.environ),
    ).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    figures = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "application/vnd.plotly.v1+json" in o.get("data", {})
    ]
    assert figures, "each notebook draws a plotly figure"


def test_notebooks_exist() -> None:
    assert len(NOTEBOOKS) >= 2
