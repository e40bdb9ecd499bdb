"""Analysts' access: the sandboxed SQL console, the schema doc, Parquet export, notebooks."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import nbformat
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.data import db
from dashboard.data.db_errors import DatabaseUnavailable
from dashboard.sandbox import runner
from dashboard.sandbox.policy import SandboxError
from dashboard.sandbox.runner import Limits
from etl.analyst_docs import SCHEMA_DOC, schema_markdown
from etl.analyst_export import export_parquet
from tests.helpers import page_script, unfolded, write_lock_held_elsewhere

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


# --- the sandbox ------------------------------------------------------------------------------

#: Low caps keep the memory-hungry cases fast and harmless on a test machine.
SMALL = Limits(seconds=10, rows=10_000, result_bytes=1024**2, memory_bytes=384 * 1024**2)


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
        ("UPDATE EXTENSIONS", "This kind of statement is not allowed"),
        ("SET threads = 1", "SET statements are not allowed"),
        ("PRAGMA threads = 1", "SET statements are not allowed"),
        ("RESET memory_limit", "SET statements are not allowed"),
        ("CREATE TEMP TABLE x AS SELECT 1", "CREATE statements are not allowed"),
        ("DELETE FROM region", "DELETE statements are not allowed"),
        ("EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1", "EXPLAIN is not run as typed"),
        ("EXPLAIN DELETE FROM region", "EXPLAIN is not run as typed"),
        ("EXPLAIN SELECT 1", "choose “Query plan” or “Query plan with run times”"),
        ("SELECT * FROM duckdb_settings()", "duckdb_settings is not available"),
        ("SELECT current_setting('temp_directory')", "current_setting is not available"),
        ("SELECT * FROM duckdb_databases()", "duckdb_databases is not available"),
        ("SELECT * FROM query('SELECT 1')", "query is not available"),
        ("PRAGMA database_list", "PRAGMA is not run here; ask with a SELECT instead"),
        ("PRAGMA table_info('region')", "`DESCRIBE attainment`"),
        ("SELECT 1; SELECT 2", "Run one statement at a time (2 were given)"),
        ("SELEC 1", "SQL syntax error at or near SELEC."),
        ("SELECT nope FROM region", "nope is not a column of the tables"),
        ("SELECT 'a\x00b'", "NUL character"),
        ("SELECT 1 -- " + "x" * 20_000, "the console takes at most 20,000"),
        ("", "Write a query first"),
    ],
)
def test_forbidden_statements_are_refused_with_a_message(
    db_path: Path, sql: str, message: str
) -> None:
    with pytest.raises(SandboxError, match=re.escape(message)) as caught:
        runner.run(db_path, sql)
    assert "\n" not in str(caught.value), "one line, no traceback"


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT count(*) FROM (SELECT unnest(generate_series(1, 2000000000)))",
        "SELECT list_concat(range(5e7::BIGINT), range(5e7::BIGINT))",
        "SELECT repeat('x', 1000000000)",
    ],
)
def test_memory_hungry_queries_end_with_a_message_not_the_server(db_path: Path, sql: str) -> None:
    with pytest.raises(SandboxError, match="needed more memory than the console allows"):
        runner.run(db_path, sql, SMALL)


def test_the_result_is_capped_in_bytes_as_well_as_rows(db_path: Path) -> None:
    result = runner.run(db_path, "SELECT repeat('x', 10000) AS s FROM range(10000)", SMALL)
    assert result.cut == "bytes" and 0 < result.frame.height < 200
    assert result.frame.estimated_size() <= SMALL.result_bytes


def test_the_row_cap(db_path: Path) -> None:
    result = runner.run(db_path, "SELECT * FROM range(25) t(n)", Limits(rows=10))
    assert result.cut == "rows" and result.frame["n"].to_list() == list(range(10))
    assert not runner.run(db_path, "SELECT * FROM range(10)", Limits(rows=10)).truncated


def test_a_long_query_stops_at_the_time_limit(db_path: Path) -> None:
    with pytest.raises(SandboxError, match=re.escape("stopped at the time limit of 0.5 s")):
        runner.run(db_path, "SELECT count(*) FROM range(1000000000000)", Limits(seconds=0.5))


def test_the_worker_is_killed_at_the_wall_clock(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever DuckDB does with its interrupt, the process ends at the limit."""
    monkeypatch.setattr(runner, "START_SECONDS", 0.0)
    started = time.perf_counter()
    with pytest.raises(SandboxError, match="stopped at the time limit"):
        runner.run(db_path, "SELECT 1", Limits(seconds=0.05))
    assert time.perf_counter() - started < 3


def test_duplicate_column_names_are_renamed(db_path: Path) -> None:
    result = runner.run(db_path, "SELECT 1 AS a, 2 AS a, 3 AS a_2")
    assert result.frame.columns == ["a", "a_2", "a_2_2"]
    assert result.renamed == [("a", "a_2"), ("a_2", "a_2_2")]


def test_server_paths_never_reach_the_analyst(db_path: Path) -> None:
    with pytest.raises(SandboxError) as caught:
        runner.run(db_path, f"SELECT * FROM read_text('{db_path}')")
    assert str(db_path.parent) not in str(caught.value)
    # the worker knows only its copy's and its folder's paths: even typed, they are redacted
    from dashboard.sandbox import snapshot, workdir

    for folder in (snapshot.base_dir(), workdir.base_dir()):
        result = runner.run(db_path, f"SELECT '{folder}/x' AS p, upper('{folder}') AS u")
        assert result.frame.row(0) == ("…/x", "…")


def test_queries_beyond_the_concurrency_limit_wait_then_are_told(db_path: Path) -> None:
    waited = []
    for _ in range(runner.MAX_CONCURRENT):
        runner._gate.acquire()
    try:
        with pytest.raises(SandboxError, match="queries are already running"):
            runner.run(db_path, "SELECT 1", on_wait=lambda: waited.append(1), wait_seconds=0.2)
    finally:
        for _ in range(runner.MAX_CONCURRENT):
            runner._gate.release()
    assert waited == [1]
    assert runner.run(db_path, "SELECT 1 AS one").frame["one"].to_list() == [1]


def test_a_database_locked_by_another_program_is_a_sentence(db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db_path, copy)
    with write_lock_held_elsewhere(copy):
        with pytest.raises(SandboxError) as caught:
            runner.run(copy, "SELECT 1")
        message = str(caught.value)
        assert message.startswith("The database file is open for writing in another program")
        assert str(tmp_path) not in message and "PID" not in message
        with pytest.raises(DatabaseUnavailable, match="open for writing in another program"):
            db.query(copy, "SELECT 1")


# --- the SQL page -----------------------------------------------------------------------------


def _sql_page(db_path: Path, monkeypatch: pytest.MonkeyPatch, sql: str) -> AppTest:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    app = AppTest.from_string(page_script("sql_console"), default_timeout=60)
    app.query_params["sql"] = sql
    return app.run()


def test_a_query_from_a_link_is_shown_not_run_until_run_is_pressed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sql = "SELECT region_code, region_name FROM region WHERE county_code = '04'"
    app = _sql_page(db_path, monkeypatch, sql)
    assert not app.exception and not app.error and not app.dataframe
    assert app.text_area[0].value == sql
    assert "har inte körts" in app.info[0].value
    app.button(key="run_sql").click().run()
    assert not app.exception and not app.error
    assert len(app.dataframe[0].value) == 10
    assert [getattr(b, "label", None) for b in app.get("download_button")] == [
        "Ladda ner CSV (Excel)",
        "Ladda ner Parquet",
    ]


def test_sql_page_refuses_reading_a_file(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _sql_page(db_path, monkeypatch, "SELECT * FROM read_csv('/etc/passwd')")
    app.button(key="run_sql").click().run()
    assert not app.exception and "kan bara läsa den här databasen" in app.error[0].value
    assert not app.dataframe


def test_every_example_query_runs(db_path: Path) -> None:
    from dashboard.screens.sql_console import examples

    found = examples()
    assert len(found) >= 5
    for title, sql in found.items():
        assert runner.run(db_path, sql).frame.height > 0, title


def test_chart_sql_opens_in_the_console(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    app = unfolded(AppTest.from_string(page_script("ranking"), default_timeout=60), "ranking")
    code = app.run().code[0].value
    assert "FROM gender_gap_by_definition" in code and "year = 2019" in code and "$" not in code
    assert "definition = 'unknown_included'" in code
    assert runner.run(db_path, code).frame.height == 22
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
    assert (tmp_path / "export" / "schema.md").read_text(encoding="utf-8") == SCHEMA_DOC.read_text(
        encoding="utf-8"
    )


def test_parquet_files_carry_each_column_description(db_path: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    export_parquet(db_path, tmp_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        for name in ("attainment", "gender_gap", "region"):
            schema = pq.read_schema(tmp_path / f"{name}.parquet")
            expected = dict(
                con.execute(
                    "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = $n",
                    {"n": name},
                ).fetchall()
            )
            got = {f.name: (f.metadata or {}).get(b"comment", b"").decode() for f in schema}
            assert got == expected and all(got.values())
            assert schema.metadata[b"comment"]
    counts = pq.read_schema(tmp_path / "attainment.parquet")
    assert counts.field("persons").type == pa.int64()  # BIGINT, not DOUBLE as HUGEINT became


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_runs_with_nbconvert_and_keeps_static_images(
    notebook: Path, db_path: Path, tmp_path: Path
) -> None:
    """`jupyter nbconvert --execute` from the project environment, from a clean kernel; the
    HTML carries each chart as a PNG too, so views without JavaScript (GitHub, HTML) show it."""
    committed = json.loads(notebook.read_text(encoding="utf-8"))
    assert all(
        not c.get("outputs") and not c.get("execution_count")
        for c in committed["cells"]
        if c["cell_type"] == "code"
    ), "commit notebooks without outputs"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=180",
            "--output-dir",
            str(tmp_path),
            str(notebook),
        ],
        env={**os.environ, "UTB_DB_PATH": str(db_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    executed = nbformat.read(tmp_path / notebook.name, as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs)
    pngs = [o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})]
    assert pngs and all(len(base64.b64decode(p)) > 10_000 for p in pngs)
    year_axes = sum(
        _assert_readable(o["data"]["application/vnd.plotly.v1+json"])
        for o in outputs
        if o.get("data", {}).get("application/vnd.plotly.v1+json")
    )
    if notebook.stem == "gender_gap_by_county":
        assert year_axes >= 21, "one panel per county, each with year ticks"


def _values(data: object) -> list:
    """A trace's x or y: a list, or Plotly's typed array ({"dtype": "i4", "bdata": base64})."""
    import numpy as np

    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return data if isinstance(data, list) else []


def _assert_readable(figure: dict) -> int:
    """No two legend entries share a colour (21 county lines in one plot did), and every axis
    of years ticks on whole years only (it read "2,018.5"). Returns how many such axes."""
    colours: dict[str, set[str]] = {}
    for trace in figure["data"]:
        colour = (trace.get("line") or {}).get("color") or (trace.get("marker") or {}).get("color")
        if isinstance(colour, str) and trace.get("name"):
            colours.setdefault(colour, set()).add(trace["name"])
    assert all(len(names) == 1 for names in colours.values()), colours
    year_axes = set()
    for trace in figure["data"]:
        xs = _values(trace.get("x"))
        if xs and all(isinstance(x, int) and 1985 <= x <= 2100 for x in xs):
            year_axes.add("xaxis" + trace.get("xaxis", "x")[1:])
    for name in year_axes:
        axis = figure["layout"][name]
        ticks = axis.get("tickvals", [])
        assert axis.get("tickformat") == "d" and ticks, (name, axis)
        assert all(float(t).is_integer() for t in ticks), (name, axis)
    return len(year_axes)


def test_the_gender_gap_notebook_says_its_age_group_and_definition(
    db_path: Path, tmp_path: Path
) -> None:
    text = (ROOT / "notebooks" / "gender_gap_by_county.ipynb").read_text(encoding="utf-8")
    assert "Kolada's KPI N01982" in text and "unknown_excluded" in text
    assert 'print(f\\"Age group {age_group}, definition {definition}\\")' in text


def test_notebooks_exist() -> None:
    assert len(NOTEBOOKS) >= 2


def test_every_console_message_exists_in_both_languages() -> None:
    from dashboard.sandbox.policy import MESSAGES
    from dashboard.text.i18n import SANDBOX_SV

    assert set(SANDBOX_SV) == set(MESSAGES)
    for key, english in MESSAGES.items():
        fields = sorted(re.findall(r"\{(\w+)", english))
        assert sorted(re.findall(r"\{(\w+)", SANDBOX_SV[key])) == fields, key
