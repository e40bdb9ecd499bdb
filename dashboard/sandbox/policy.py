"""Which analyst statements may run: one read-only statement, checked by DuckDB's parser.

Three rules on top of the read-only, external-access-off connection the worker opens:
- one SELECT, an EXPLAIN (ANALYZE) of a SELECT, or an informational PRAGMA;
- no catalog functions that reveal the server (settings, file paths, environment) or that run
  SQL from a string (`query`, `query_table`), which would get around the first rule;
- a bounded text length, so parsing itself costs nothing.
"""

from __future__ import annotations

import re

import duckdb

MAX_SQL_CHARS = 20_000
#: Informational pragmas only; `database_list` would show the file's path on the server.
PRAGMAS = frozenset({"table_info", "show_tables", "show_tables_expanded", "show", "version"})
#: Functions that show server settings, paths or the environment, or execute SQL text.
HIDDEN_FUNCTIONS = frozenset(
    {
        "current_setting",
        "duckdb_settings",
        "duckdb_databases",
        "duckdb_extensions",
        "duckdb_temporary_files",
        "duckdb_secrets",
        "duckdb_secret_types",
        "duckdb_memory",
        "duckdb_logs",
        "duckdb_log_contexts",
        "duckdb_external_file_cache",
        "which_secret",
        "getenv",
        "pragma_database_list",
        "pragma_platform",
        "query",
        "query_table",
    }
)
_EXPLAIN = re.compile(r"^\s*EXPLAIN\s+(?:\([^)]*\)\s*)?(?:ANALY[SZ]E\s+)?", re.IGNORECASE)
_PRAGMA = re.compile(r"^\s*PRAGMA\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


class SandboxError(Exception):
    """A query that was refused or failed; the one-line message is for the analyst."""


def one_line(text: str, limit: int = 300) -> str:
    """The first line of an error, shortened: analysts get a sentence, never a traceback."""
    first = (text.strip().splitlines() or [""])[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def statement_kind(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The kind of the single statement in `sql`, e.g. "SELECT"; SandboxError otherwise."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise SandboxError(f"SQL error: {one_line(str(exc))}") from exc
    if len(statements) != 1:
        raise SandboxError(f"Run one statement at a time ({len(statements)} were given).")
    try:
        kind = statements[0].type
    except ValueError:
        # DuckDB knows statement kinds its Python enum does not (UPDATE EXTENSIONS, …)
        return "UNKNOWN"
    return str(kind).rsplit(".", 1)[-1]


def check(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> str:
    """Refuse everything but one read-only statement; returns its kind."""
    if not sql.strip():
        raise SandboxError("Write a query first, or pick an example.")
    if len(sql) > MAX_SQL_CHARS:
        raise SandboxError(
            f"The query is {len(sql):,} characters long; the console takes at most {MAX_SQL_CHARS:,}."
        )
    if "\x00" in sql:
        raise SandboxError("The query contains a NUL character.")
    con = con or duckdb.connect()
    kind = statement_kind(con, sql)
    if kind == "EXPLAIN":
        inner = _EXPLAIN.sub("", sql, count=1)
        if inner == sql or statement_kind(con, inner) != "SELECT":
            raise SandboxError("EXPLAIN and EXPLAIN ANALYZE are allowed only of a SELECT.")
    elif kind == "PRAGMA":
        match = _PRAGMA.match(sql)
        name = match.group(1).lower() if match else ""
        if name not in PRAGMAS:
            raise SandboxError(
                f"PRAGMA {name or '…'} is not allowed here; allowed: {', '.join(sorted(PRAGMAS))}."
            )
    elif kind != "SELECT":
        shown = "This kind of statement is" if kind == "UNKNOWN" else f"{kind} statements are"
        raise SandboxError(
            f"{shown} not allowed: the SQL console only reads the database (SELECT, EXPLAIN, "
            "PRAGMA). Files, network, extensions and settings are out of reach."
        )
    if hidden := sorted(_words(sql) & HIDDEN_FUNCTIONS):
        raise SandboxError(
            f"{', '.join(hidden)} is not available in the console: it shows the server's "
            "settings or runs SQL from text."
        )
    return kind


def _words(sql: str) -> set[str]:
    """Every identifier and keyword of the query, lower case, quotes removed."""
    tokens = duckdb.tokenize(sql)
    ends = [start for start, _ in tokens[1:]] + [len(sql)]
    return {
        sql[start:end].strip().strip('"').lower()
        for (start, kind), end in zip(tokens, ends, strict=True)
        if kind in (duckdb.token_type.identifier, duckdb.token_type.keyword)
    }
