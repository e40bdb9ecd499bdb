"""The SQL console against the attack campaign of issue 20: each hole it found, kept as a test.

Expansion (an ENUM dictionary counted once, written once per cell), bypasses of the hidden
functions and of the path redaction, result types that crashed the page, and the formula guard
skipped for text that is not `pl.String`.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.render.table_files import swedish_csv
from dashboard.sandbox import downloads, runner
from dashboard.sandbox.policy import SandboxError
from dashboard.sandbox.runner import Limits
from tests.helpers import page_script

SMALL = Limits(seconds=10, rows=10_000, result_bytes=512 * 1024, memory_bytes=384 * 1024**2)


def _enum_bomb(chars: int, rows: int, columns: int) -> str:
    text = "A" * chars
    picked = ",".join(["e"] * columns)
    return f"WITH t AS (SELECT '{text}'::ENUM('{text}') AS e FROM range({rows})) SELECT {picked} FROM t"


# --- 1. one query inflates the server ---------------------------------------------------------


def test_an_enum_result_is_capped_by_its_size_as_written(db_path: Path) -> None:
    """8 columns of one 2,000-character ENUM value × 2,000 rows: 32 MB once written, a few
    kB as a dictionary. The cap must count what a CSV download writes."""
    result = runner.run(db_path, _enum_bomb(2_000, 2_000, 8), SMALL)
    assert result.cut == "bytes" and 0 < result.frame.height < 2_000
    written = len(swedish_csv(result.frame))
    assert written <= SMALL.result_bytes * 1.05, f"{written:,} bytes written from a capped result"


def test_the_formula_guard_sees_enum_text(db_path: Path) -> None:
    result = runner.run(db_path, "SELECT '=HYPERLINK(\"x\")'::ENUM('=HYPERLINK(\"x\")') AS x")
    assert "'=HYPERLINK" in swedish_csv(result.frame).decode("utf-8-sig")


def test_the_formula_guard_covers_every_text_like_polars_type() -> None:
    frame = pl.DataFrame({"s": ["=1+1", "ok"]}).with_columns(
        c=pl.col("s").cast(pl.Categorical),
        e=pl.col("s").cast(pl.Enum(["=1+1", "ok"])),
        l=pl.concat_list("s", "s"),
        st=pl.struct("s"),
    )
    text = swedish_csv(frame).decode("utf-8-sig")
    assert not re.search(r'(^|;|"|\[|:)=1\+1', text), text
    assert text.count("'=1+1") == 6  # s, c, e, two in l, one in st


def test_downloads_are_built_on_click_not_on_every_rerun() -> None:
    frame = pl.DataFrame({"a": [1]})
    assert callable(downloads.csv_file(frame)) and callable(downloads.parquet_file(frame))
    assert downloads.csv_file(frame)().startswith("\ufeff".encode())


# --- 3. the hidden-function list and the path redaction --------------------------------------


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "SELECT name, reverse(value) FROM json_execute_serialized_sql(json_serialize_sql("
            "'SELECT * FROM duckdb_' || 'settings() WHERE value LIKE ''%/%'''))",
            "is not available in the console",
        ),
        ("SELECT path::BLOB FROM duckdb_databases()", "duckdb_databases is not available"),
        ("SELECT reverse(path) FROM duckdb_databases", "is not a table or view of this database"),
        ("SELECT * FROM system.main.duckdb_databases", "is not a table or view"),
        ("SELECT * FROM pg_catalog.pg_settings", "is not a table or view"),
        ("SELECT * FROM main.read_text('/etc/hostname')", "can only read this database"),
        ("SELECT * FROM read_blob('/etc/hostname')", "can only read this database"),
        ("EXPLAIN SELECT * FROM read_blob('x')", "EXPLAIN is not run as typed"),
        ("SELECT * FROM test_all_types()", "not among the functions the console allows"),
        ("PIVOT region ON region_level USING count(*)", "could not check this query"),
    ],
)
def test_bypasses_of_the_function_list_are_refused(db_path: Path, sql: str, message: str) -> None:
    with pytest.raises(SandboxError, match=re.escape(message)):
        runner.run(db_path, sql)


def test_reading_the_database_file_itself_is_refused(db_path: Path) -> None:
    with pytest.raises(SandboxError, match="can only read this database") as caught:
        runner.run(db_path, f"SELECT * FROM read_blob('{db_path}')")
    assert str(db_path.parent) not in str(caught.value)


def test_the_allow_list_reads_the_parse_not_the_words(db_path: Path) -> None:
    """A column called `query` is no call of `query()`."""
    result = runner.run(db_path, "SELECT 1 AS query, 'duckdb_settings' AS s")
    assert result.frame.row(0) == (1, "duckdb_settings")


def test_paths_are_redacted_in_every_column_type(db_path: Path) -> None:
    from dashboard.sandbox import snapshot

    folder = str(snapshot.base_dir())  # the worker's own paths: it never learns the live one
    result = runner.run(
        db_path,
        f"SELECT '{folder}/x'::BLOB AS b, ['{folder}'] AS l, {{'p': '{folder}'}} AS s, "
        f"reverse('{folder}') AS r, '{folder}'::ENUM('{folder}') AS e",
    )
    for value in result.frame.row(0):
        assert folder not in str(value) and folder[::-1] not in str(value)


# --- 4. result types that crashed the page ----------------------------------------------------

EVERY_TYPE = (
    "SELECT [1, 2] AS l, 'x'::BLOB AS b, INTERVAL 1 DAY AS i, {'a': 1} AS s, MAP {'k': 1} AS m, "
    "union_value(k := 1) AS u, '0101'::BIT AS bt, uuid() AS id, "
    "170141183460469231731687303715884105727::HUGEINT AS h, 1::UHUGEINT AS uh, "
    "'12:00:00+01'::TIMETZ AS tz, TIME '12:00' AS t, [1, 2]::INT[2] AS arr, 10::VARINT AS vi, "
    "NULL AS n, 'infinity'::DATE AS d, 'infinity'::TIMESTAMP AS ts, 'x'::ENUM('x') AS e, "
    "'{\"a\": 1}'::JSON AS j"
)


def test_every_duckdb_type_arrives_as_displayable_text(db_path: Path) -> None:
    result = runner.run(db_path, EVERY_TYPE)
    assert set(result.frame.dtypes) == {pl.String}
    row = dict(zip(result.frame.columns, result.frame.row(0), strict=True))
    assert row["l"] == "[1, 2]" and row["i"] == "1 day" and row["s"] == "{'a': 1}"
    assert row["h"] == "170141183460469231731687303715884105727" and row["d"] == "infinity"
    swedish_csv(result.frame)  # and every one of them can be written


def test_the_sql_page_shows_every_type_without_an_exception(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    app = AppTest.from_string(page_script("sql_console"), default_timeout=60)
    app.query_params["sql"] = EVERY_TYPE
    app.run()
    app.button(key="run_sql").click().run()
    assert not app.exception and not app.error
    assert len(app.dataframe) == 1
    buttons = app.get("download_button")
    assert len(buttons) == 2
    assert all(b.proto.HasField("deferred_file_id") for b in buttons), "built on click"
