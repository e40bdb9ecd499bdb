"""The SQL console's layers, each shown to hold alone (issue 28).

- The statement policy reads DuckDB's own parse only: comment, string and case tricks around
  every prefix DuckDB knows (EXPLAIN, PRAGMA, SHOW, DESCRIBE, SUMMARIZE, WITH) change nothing.
- With the policy switched off (a job field only tests set), the worker still cannot change the
  database file, its `.wal` or anything beside it: COPY, EXPORT, ATTACH, CHECKPOINT and the
  `.wal` trick all leave them byte-identical.
- With the worker layer switched off (the live file, no copy, no user change, no Landlock), the
  policy alone refuses every one of them.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard.sandbox import policy, runner, snapshot
from dashboard.sandbox.policy import SandboxError

#: `{db}` is the live file, `{copy}` the worker's read-only copy of it.
WRITES = [
    "EXPLAIN (ANALYZE /* ) SELECT 1 -- */) COPY (SELECT 'x' AS x) TO '{db}' "
    "(FORMAT CSV, USE_TMP_FILE false)",
    "COPY (SELECT 'x' AS x) TO '{db}' (FORMAT CSV, USE_TMP_FILE false)",
    "COPY (SELECT 'x' AS x) TO '{db}.wal' (FORMAT CSV)",
    "COPY (SELECT 'x' AS x) TO '{copy}' (FORMAT CSV, USE_TMP_FILE false)",
    "COPY (SELECT 'x' AS x) TO '{copy}.wal' (FORMAT CSV)",
    "COPY (SELECT repeat('x', 1000) FROM range(100000)) TO '{db}.tmp/spill.csv'",
    "EXPORT DATABASE '{db}.export'",
    "ATTACH '{db}' AS live",
    "ATTACH '{db}.neighbour' AS neighbour",
    "CHECKPOINT",
    "FORCE CHECKPOINT",
    "CREATE TABLE attainment_copy AS SELECT 1",
    "DROP TABLE attainment",
    "INSTALL httpfs",
    "SET temp_directory = '{db}.tmp'",
    "VACUUM",
]


def _tricks() -> list[str]:
    """Every allowed prefix wrapped in comment, string and case tricks around a write."""
    write = "COPY (SELECT 'x' AS x) TO '/tmp/x.db' (FORMAT CSV)"
    leak = "error(upper(current_setting('temp_directory')))"
    return [
        f"EXPLAIN (ANALYZE /* ) SELECT 1 -- */) {write}",
        f"/* SELECT 1 */ EXPLAIN ANALYZE {write}",
        f"explain /* ( */ analyze {write}",
        f"EXPLAIN (FORMAT JSON) {write}",
        f"eXpLaIn SELECT 1; {write}",
        f"EXPLAIN SELECT ';'; {write}",
        f"EXPLAIN SELECT $$ ) $$ AS a -- \n UNION ALL SELECT {leak}",
        f"EXPLAIN ANALYZE SELECT {leak}",
        f"PRAGMA table_info({leak})",
        f"pragma /* x */ table_info('attainment'); {write}",
        "PRAGMA show('attainment')",
        "PRAGMA database_list",
        "PRAGMA threads = 1",
        f"CALL pragma_table_info({leak})",
        "SELECT error(hex(value)) FROM duckdb_settings() WHERE name = 'temp_directory'",
        "/* EXPLAIN */ SELECT error(hex(value)) FROM duckdb_settings() WHERE name='temp_directory'",
        f"SELECT {leak}",
        f"SELECT 1 /* ; */ ; {write}",
        f"SELECT '; {write}' AS s; {write}",
        "SHOW duckdb_settings",
        "SHOW system.main.duckdb_databases",
        'SHOW "variables"',
        "DESCRIBE SELECT * FROM read_blob('/etc/hostname')",
        f"DESCRIBE SELECT {leak}",
        f"SUMMARIZE SELECT {leak}",
        "SUMMARIZE duckdb_settings()",
        f"WITH t AS (SELECT 1) {write}",
        f"WITH t AS (SELECT {leak}) SELECT * FROM t",
        "FROM read_blob('/etc/hostname')",
        "FROM duckdb_settings()",
        "SELECT * FROM pragma_database_list()",
        "SELECT * FROM pragma_table_info(current_setting('temp_directory'))",
        "SELECT * FROM '/etc/hostname'",
        "SELECT * FROM read_text(getenv('HOME'))",
        "SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))",
        "SELECT * FROM query_table('duckdb_settings')",
    ]


@pytest.mark.parametrize("sql", _tricks())
def test_tricks_around_every_prefix_are_refused_by_the_parse(sql: str) -> None:
    con = duckdb.connect()
    relations = frozenset({("main", "attainment"), ("@catalog", "memory")})
    with pytest.raises(SandboxError) as caught:
        policy.check(sql, con, relations)
    assert "temp" not in str(caught.value).lower() and "/" not in str(caught.value)


@pytest.mark.parametrize(
    "sql",
    [
        "SHOW TABLES",
        "SHOW ALL TABLES",
        "DESCRIBE attainment",
        "SHOW attainment",
        "SUMMARIZE SELECT year FROM attainment",
        "SELECT * FROM pragma_table_info('attainment')",
        "/* EXPLAIN */ SELECT 'PRAGMA' AS -- COPY\n word",
    ],
)
def test_the_select_forms_of_pragma_and_explain_pass(sql: str) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE attainment (year INT)")
    assert policy.check(sql, con, policy.database_relations(con)) == "SELECT"


@pytest.mark.parametrize(
    ("sql", "allowed"),
    [
        # a CTE's name counts only where DuckDB binds it to the CTE
        ("SELECT * FROM pg_settings, (WITH pg_settings AS (SELECT 1) SELECT 1)", False),
        (
            "SELECT path FROM duckdb_databases, (WITH duckdb_databases AS (SELECT 1) SELECT 1)",
            False,
        ),
        ("WITH pg_settings AS (SELECT * FROM pg_settings) SELECT * FROM pg_settings", False),
        (
            "WITH a AS (SELECT * FROM sqlite_master), sqlite_master AS (SELECT 1) SELECT * FROM a",
            False,
        ),
        ("SELECT * FROM x, (WITH x AS (SELECT 1) SELECT 1)", False),
        ("WITH a AS (SELECT 1 AS x), b AS (SELECT * FROM a) SELECT * FROM b", True),
        (
            "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) "
            "SELECT * FROM r",
            True,
        ),
        ("WITH t AS (SELECT * FROM attainment) SELECT count(*) FROM t, (SELECT * FROM t) u", True),
        ("WITH x AS (SELECT 1) SELECT * FROM (SELECT * FROM x)", True),
    ],
)
def test_a_cte_name_is_the_querys_own_only_in_its_scope(sql: str, allowed: bool) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE attainment (year INT)")
    relations = policy.database_relations(con)
    if allowed:
        assert policy.check(sql, con, relations) == "SELECT"
    else:
        with pytest.raises(SandboxError) as caught:
            policy.check(sql, con, relations)
        assert caught.value.key == "relation"


def _state(folder: Path) -> dict[str, str]:
    """Every file in `folder` (and below) with its sha256: names and bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def live(db_path: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    copy = folder / "utbildningslaget.duckdb"
    shutil.copy(db_path, copy)
    (folder / "utbildningslaget.duckdb.neighbour").write_bytes(b"left alone")
    return copy


def test_the_worker_alone_keeps_the_database_and_its_neighbours(live: Path) -> None:
    before = _state(live.parent)
    with snapshot.taken(live) as copy:
        copy_before = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert copy_before == before[live.name]
    refused = 0
    for template in WRITES:
        sql = template.format(db=live, copy=copy)
        try:
            runner.run(live, sql, policy=False)
        except SandboxError:
            refused += 1
        assert _state(live.parent) == before, sql
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == copy_before, sql
    assert refused >= len(WRITES) - 3  # a CHECKPOINT of a read-only file succeeds as a no-op


def test_the_policy_alone_refuses_every_write(live: Path) -> None:
    before = _state(live.parent)
    for template in WRITES:
        sql = template.format(db=live, copy=live)
        with pytest.raises(SandboxError):
            runner.run(live, sql, isolation=False)
        assert _state(live.parent) == before, sql


def test_without_both_layers_the_engine_itself_would_write(live: Path) -> None:
    """Why both layers exist: DuckDB read-only, external access off, still overwrites its own
    file (the campaign's H1). If this ever fails, DuckDB closed the hole itself."""
    runner.run(live, WRITES[1].format(db=live, copy=live), policy=False, isolation=False)
    assert live.stat().st_size < 100
