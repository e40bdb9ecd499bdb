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

from dashboard.db_errors import MESSAGES as DB_MESSAGES

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


#: Every refusal and failure, in English; the dashboard says them in the UI's language by key.
MESSAGES = {
    "empty": "Write a query first, or pick an example.",
    "too_long": "The query is {n:,} characters long; the console takes at most {limit:,}.",
    "nul": "The query contains a NUL character.",
    "sql_error": "SQL error: {detail}",
    "several": "Run one statement at a time ({n} were given).",
    "explain": "EXPLAIN and EXPLAIN ANALYZE are allowed only of a SELECT.",
    "pragma": "PRAGMA {name} is not allowed here; allowed: {allowed}.",
    "statement": "{kind} statements are not allowed: the SQL console only reads the database (SELECT, EXPLAIN, PRAGMA). Files, network, extensions and settings are out of reach.",
    "unknown_statement": "This kind of statement is not allowed: the SQL console only reads the database (SELECT, EXPLAIN, PRAGMA). Files, network, extensions and settings are out of reach.",
    "hidden": "{names} is not available in the console: it shows the server's settings or runs SQL from text.",
    "permission": "The SQL console can only read this database: reading or writing files, the network and extensions are disabled ({detail}).",
    "time": "The query was stopped at the time limit of {seconds:g} s. Narrow it down (WHERE, LIMIT) or aggregate first.",
    "memory": "The query needed more memory than the console allows ({mb:g} MB). Aggregate first or select fewer rows.",
    "bytes": "A single row of the result is larger than {mb:g} MB; select fewer or shorter columns.",
    "busy": "{n} queries are already running on this server; try again in a moment.",
    # the database's own failures, worded once (dashboard.db_errors)
    **{f"db_{kind}": text for kind, text in DB_MESSAGES.items()},
}


class SandboxError(Exception):
    """A query that was refused or failed: `key` and `params` say which, `str()` says it in
    English in one line; the page says it in the UI's language."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(MESSAGES[key].format(**params))


def one_line(text: str, limit: int = 300) -> str:
    """The first line of an error, shortened: analysts get a sentence, never a traceback."""
    first = (text.strip().splitlines() or [""])[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def statement_kind(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The kind of the single statement in `sql`, e.g. "SELECT"; SandboxError otherwise."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise SandboxError("sql_error", detail=one_line(str(exc))) from exc
    if len(statements) != 1:
        raise SandboxError("several", n=len(statements))
    try:
        kind = statements[0].type
    except ValueError:
        # DuckDB knows statement kinds its Python enum does not (UPDATE EXTENSIONS, …)
        return "UNKNOWN"
    return str(kind).rsplit(".", 1)[-1]


def check(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> str:
    """Refuse everything but one read-only statement; returns its kind."""
    if not sql.strip():
        raise SandboxError("empty")
    if len(sql) > MAX_SQL_CHARS:
        raise SandboxError("too_long", n=len(sql), limit=MAX_SQL_CHARS)
    if "\x00" in sql:
        raise SandboxError("nul")
    con = con or duckdb.connect()
    kind = statement_kind(con, sql)
    if kind == "EXPLAIN":
        inner = _EXPLAIN.sub("", sql, count=1)
        if inner == sql or statement_kind(con, inner) != "SELECT":
            raise SandboxError("explain")
    elif kind == "PRAGMA":
        match = _PRAGMA.match(sql)
        name = match.group(1).lower() if match else ""
        if name not in PRAGMAS:
            raise SandboxError("pragma", name=name or "…", allowed=", ".join(sorted(PRAGMAS)))
    elif kind != "SELECT":
        if kind == "UNKNOWN":
            raise SandboxError("unknown_statement")
        raise SandboxError("statement", kind=kind)
    if hidden := sorted(_words(sql) & HIDDEN_FUNCTIONS):
        raise SandboxError("hidden", names=", ".join(hidden))
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
