"""Which analyst statements may run: one read-only statement, checked on DuckDB's own parse.

Rules on top of the read-only, external-access-off connection the worker opens:
- one statement that DuckDB itself parses as a SELECT (`extract_statements`); no SQL text is
  re-read by hand. EXPLAIN and PRAGMA are refused with what to write instead: DuckDB cannot
  serialise either, so their inner statement or arguments could not be checked. The page offers
  the query plan as a choice instead, which the worker asks of the checked SELECT itself
  (`relation.explain`), and `SHOW TABLES`, `DESCRIBE t` and `pragma_table_info('t')` are
  SELECTs that pass the walk below;
- every function the query names — scalar, aggregate, window and table functions, found by
  walking DuckDB's own parse tree (`json_serialize_sql`), not by matching words — is on an
  allow-list: DuckDB's built-in scalar, aggregate and window functions minus those that show the
  server (settings, paths) or run SQL from text, and a short list of table functions that only
  generate rows or describe the schema. Nothing that reads a file (`read_blob`, `read_text`,
  `read_csv`, `glob`, …), no catalog function that shows settings, databases or paths
  (`duckdb_settings`, `duckdb_databases`, …), no `query`/`json_execute_serialized_sql`;
- every table or view it names is one of the database's own (or a CTE, or a few schema views);
- a bounded text length, so parsing itself costs nothing.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import duckdb

from dashboard.sandbox.errors import MESSAGES, SandboxError
from dashboard.sandbox.failures import failure, syntax_error

__all__ = ["MESSAGES", "SandboxError", "check", "database_relations"]

MAX_SQL_CHARS = 20_000
#: Table functions a console query may call: row generators and schema descriptions.
TABLE_FUNCTIONS = frozenset(
    {
        "range",
        "generate_series",
        "unnest",
        "repeat",
        "repeat_row",
        "json_each",
        "json_tree",
        "duckdb_tables",
        "duckdb_views",
        "duckdb_columns",
        "duckdb_constraints",
        "duckdb_schemas",
        "duckdb_types",
        "duckdb_indexes",
        "duckdb_keywords",
        "pragma_table_info",
        "pragma_show",
    }
)
#: Built-in scalar functions that show server state or serialise/run SQL: never callable.
HIDDEN_FUNCTIONS = frozenset(
    {
        "current_setting",
        "getenv",
        "json_serialize_sql",
        "json_deserialize_sql",
        "json_serialize_plan",
        "json_execute_serialized_sql",
        "write_log",
        "query",
        "query_table",
    }
)
#: Schema views (besides the database's own tables and views) a query may read.
SCHEMA_VIEWS = frozenset(
    {
        ("information_schema", "tables"),
        ("information_schema", "columns"),
        ("information_schema", "schemata"),
        ("information_schema", "views"),
        ("information_schema", "table_constraints"),
        ("information_schema", "key_column_usage"),
        ("main", "duckdb_tables"),
        ("main", "duckdb_views"),
        ("main", "duckdb_columns"),
        ("main", "duckdb_constraints"),
        ("main", "duckdb_schemas"),
        ("main", "duckdb_types"),
        ("main", "duckdb_indexes"),
    }
)
#: Names that read files or the network (refused with the "files are out of reach" sentence).
_FILE_FUNCTION = re.compile(
    r"^(read_|parquet_|sniff_csv|glob$|.*_scan$|.*_scan_|copy_|import_|export_)"
)
#: `SHOW TABLES`, `SHOW ALL TABLES` and `SHOW DATABASES` (names only, no paths).
SHOW_SPECIAL = frozenset({'"tables"', "__show_tables_expanded", '"databases"'})


def statement_kind(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The kind of the single statement in `sql` as DuckDB parses it, e.g. "SELECT"."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise failure(exc, sql) from None
    if len(statements) != 1:
        raise SandboxError("several", n=len(statements))
    try:
        kind = statements[0].type
    except ValueError:
        # DuckDB knows statement kinds its Python enum does not (UPDATE EXTENSIONS, …)
        return "UNKNOWN"
    return str(kind).rsplit(".", 1)[-1]


Relations = frozenset[tuple[str, str]]


def check(
    sql: str, con: duckdb.DuckDBPyConnection | None = None, relations: Relations | None = None
) -> str:
    """Refuse everything but one SELECT whose functions and relations are allowed; returns
    "SELECT".

    `relations` are the database's own (schema, name) pairs, lower case; without them (the
    dashboard's early check, which has no database open) table names are checked in the worker.
    """
    if not sql.strip():
        raise SandboxError("empty")
    if len(sql) > MAX_SQL_CHARS:
        raise SandboxError("too_long", n=len(sql), limit=MAX_SQL_CHARS)
    if "\x00" in sql:
        raise SandboxError("nul")
    con = con or duckdb.connect()
    kind = statement_kind(con, sql)
    if kind == "SELECT":
        check_tree(con, sql, relations)
    elif kind == "EXPLAIN":
        raise SandboxError("explain")
    elif kind == "PRAGMA":
        raise SandboxError("pragma")
    elif kind == "UNKNOWN":
        raise SandboxError("unknown_statement")
    elif kind == "MULTI":
        # a PIVOT statement: DuckDB rewrites it into several, which cannot be checked as one
        raise SandboxError("unchecked")
    else:
        raise SandboxError("statement", kind=kind)
    return kind


@functools.cache
def builtin_functions() -> frozenset[str]:
    """DuckDB's own scalar, aggregate, window and macro functions (lower case)."""
    rows = duckdb.connect().execute(
        "SELECT DISTINCT lower(function_name) FROM duckdb_functions() "
        "WHERE function_type IN ('scalar', 'aggregate', 'window', 'macro')"
    )
    return frozenset(name for (name,) in rows.fetchall())


def parse_tree(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, Any]:
    """DuckDB's own parse of one SELECT, as the JSON it serialises to."""
    try:
        rows = con.execute("SELECT json_serialize_sql(?::VARCHAR)", [sql]).fetchall()
        tree = json.loads(rows[0][0])
    except (duckdb.Error, ValueError, RecursionError):
        raise SandboxError("unchecked") from None
    if tree.get("error"):
        if tree.get("error_type") == "parser":
            raise syntax_error(str(tree.get("error_message", "")), sql)
        raise SandboxError("unchecked")
    return tree


Names = tuple[set[str], set[str], set[tuple[str, str, str]], set[str]]


def _cte_scopes(node: dict[str, Any], scope: frozenset[str]) -> list[tuple[object, frozenset[str]]]:
    """A node's children with the CTE names each may refer to, as DuckDB binds them: a WITH's
    body sees all of its CTEs; a CTE's own query sees only those defined before it (and itself
    when it is recursive). A name outside its CTE's scope is the catalog's relation of that
    name, and is checked as one (`WITH pg_settings AS (…)` once let the real one through)."""
    entries = [
        e
        for e in (node.get("cte_map") or {}).get("map") or []
        if isinstance(e, dict) and "key" in e
    ]
    names = [str(e["key"]).lower() for e in entries]
    children: list[tuple[object, frozenset[str]]] = []
    for index, entry in enumerate(entries):
        value = entry.get("value")
        query = value.get("query_node") if isinstance(value, dict) else None
        recursive = isinstance(query, dict) and query.get("type") == "RECURSIVE_CTE_NODE"
        sees = set(names[:index]) | ({names[index]} if recursive else set())
        children.append((value, scope | sees))
    body = scope | set(names)
    children += [(v, body) for k, v in node.items() if k != "cte_map"]
    return children


def names_in(tree: object) -> Names:
    """Functions in table position, other functions, (catalog, schema, name) of tables that are
    no CTE in scope, and `SHOW` specials (`SHOW TABLES`, …), all lower case, from a serialised
    parse tree. `SHOW t` counts as naming table t; `DESCRIBE`/`SUMMARIZE` carry a query that is
    walked."""
    shows: set[str] = set()
    table_functions: set[str] = set()
    functions: set[str] = set()
    tables: set[tuple[str, str, str]] = set()
    stack: list[tuple[object, frozenset[str]]] = [(tree, frozenset())]
    while stack:
        node, scope = stack.pop()
        if isinstance(node, list):
            stack.extend((item, scope) for item in node)
            continue
        if not isinstance(node, dict):
            continue
        kind = node.get("type")
        if kind == "TABLE_FUNCTION" and isinstance(node.get("function"), dict):
            inner = node["function"]
            table_functions.add(str(inner.get("function_name", "")).lower())
            # its arguments are ordinary expressions
            stack.extend((v, scope) for k, v in inner.items() if k != "function_name")
            stack.extend((v, scope) for k, v in node.items() if k != "function")
            continue
        if "function_name" in node:
            functions.add(str(node["function_name"]).lower())
        if kind == "SHOW_REF" and node.get("show_type") == "SHOW_SPECIAL":
            shows.add(str(node.get("table_name") or "").lower())
        if kind == "BASE_TABLE" or (kind == "SHOW_REF" and node.get("table_name")):
            named = (
                str(node.get("catalog_name") or "").lower(),
                str(node.get("schema_name") or "").lower(),
                str(node.get("table_name") or "").lower(),
            )
            if named[0] or named[1] or named[2] not in scope:  # a CTE in scope is the query's own
                tables.add(named)
        stack.extend(_cte_scopes(node, scope))
    tables -= {("", "", name) for name in shows}
    return table_functions, functions, tables, shows


def check_tree(con: duckdb.DuckDBPyConnection, sql: str, relations: Relations | None) -> None:
    """Every function and relation of the query on the allow-lists (see the module doc)."""
    table_functions, functions, tables, shows = names_in(parse_tree(con, sql))
    if shows - SHOW_SPECIAL:
        raise SandboxError("unchecked")
    called = table_functions | functions
    if files := sorted(n for n in called if _FILE_FUNCTION.match(n)):
        raise SandboxError("permission", detail=", ".join(files))
    if hidden := sorted(
        n
        for n in called
        if n in HIDDEN_FUNCTIONS
        or (n.startswith(("duckdb_", "pragma_")) and n not in TABLE_FUNCTIONS)
    ):
        raise SandboxError("hidden", names=", ".join(hidden))
    # unnest/unlist in a select list are parser forms, not catalog scalars
    allowed = (builtin_functions() | {"unnest", "unlist"}) - HIDDEN_FUNCTIONS
    refused = {n for n in table_functions if n not in TABLE_FUNCTIONS}
    refused |= {n for n in functions if n not in allowed}
    if refused:
        raise SandboxError("function", names=", ".join(sorted(refused)[:5]))
    if relations is None:
        return
    own_catalogs = {n for s, n in relations if s == "@catalog"}
    unknown = []
    for catalog, schema, name in sorted(tables):
        if any(c in name for c in "/\\:."):
            # a file or URL as a table name (a replacement scan)
            raise SandboxError("no_access")
        key = (schema or "main", name)
        if (catalog and catalog not in own_catalogs) or (
            key not in relations and key not in SCHEMA_VIEWS
        ):
            unknown.append(".".join(p for p in (catalog, schema, name) if p)[:80])
    if unknown:
        raise SandboxError("relation", names=", ".join(unknown[:5]))


def database_relations(con: duckdb.DuckDBPyConnection) -> Relations:
    """The open database's own tables and views as (schema, name), lower case, and its
    catalog name as ("@catalog", name)."""
    rows = con.execute(
        "SELECT lower(schema_name), lower(table_name) FROM duckdb_tables() "
        "WHERE database_name = current_database() AND NOT internal "
        "UNION SELECT lower(schema_name), lower(view_name) FROM duckdb_views() "
        "WHERE database_name = current_database() AND NOT internal "
        "UNION SELECT '@catalog', lower(current_database())"
    ).fetchall()
    return frozenset((str(s), str(n)) for s, n in rows)
