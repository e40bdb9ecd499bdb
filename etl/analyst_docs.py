"""Documentation and exports for analysts, generated from the database itself.

`docs/schema.md` is written from DuckDB's catalog (tables, views, columns, types, comments), so it
cannot drift from the database: a test regenerates it and fails when the committed copy differs.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from etl.config import PROJECT_ROOT

SCHEMA_DOC = PROJECT_ROOT / "docs" / "schema.md"
HEADER = """# Database schema

Generated from the database by `python -m etl docs` — do not edit by hand; a test fails when this
file is stale. The file `data/utbildningslaget.duckdb` uses DuckDB's v1.0.0 storage format, so it
opens in DuckDB 1.1 and newer (CLI, Python, R, DBeaver) as well as 2.x. Every table, view and
column also carries these descriptions as a DuckDB `COMMENT`:

```sql
SELECT table_name, column_name, data_type, comment FROM duckdb_columns() ORDER BY ALL;
```
"""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def schema_markdown(con: duckdb.DuckDBPyConnection) -> str:
    relations = con.execute("""
        SELECT 'table' AS kind, table_name AS name, comment FROM duckdb_tables()
        UNION ALL
        SELECT 'view', view_name, comment FROM duckdb_views() WHERE NOT internal
        ORDER BY kind, name
    """).fetchall()
    parts = [HEADER]
    for kind, name, comment in relations:
        parts.append(
            f"\n## {kind} `{name}`\n\n{comment or ''}\n\n| column | type | description |\n|---|---|---|"
        )
        columns = con.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = $t ORDER BY column_index",
            {"t": name},
        ).fetchall()
        parts += [f"| `{c}` | {t} | {_cell(d)} |" for c, t, d in columns]
    macros = con.execute("""
        SELECT DISTINCT function_name, parameters, macro_definition FROM duckdb_functions()
        WHERE function_type = 'macro' AND NOT internal ORDER BY function_name
    """).fetchall()
    if macros:
        parts.append("\n## Macros\n")
        parts += [
            f"- `{name}({', '.join(params)})` = `{' '.join(str(body).split())}`"
            for name, params, body in macros
        ]
    return "\n".join(parts) + "\n"


def write_schema_doc(db_path: Path, target: Path = SCHEMA_DOC) -> Path:
    with duckdb.connect(str(db_path), read_only=True) as con:
        text = schema_markdown(con)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def export_parquet(db_path: Path, folder: Path) -> list[Path]:
    """Every table and view as `<name>.parquet`, plus README.md with the provenance."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() WHERE NOT internal "
                "ORDER BY 1"
            ).fetchall()
        ]
        for name in names:
            target = folder / f"{name}.parquet"
            tmp = folder / f".{name}.parquet.tmp"
            con.table(name).write_parquet(str(tmp), compression="zstd")
            os.replace(tmp, target)
            written.append(target)
        readme = _provenance_readme(con, names)
    (folder / "README.md").write_text(readme, encoding="utf-8")
    return written


def _provenance_readme(con: duckdb.DuckDBPyConnection, names: list[str]) -> str:
    build = con.execute(
        "SELECT build_id, built_at, schema_version, data_fingerprint FROM build_info"
    ).fetchone()
    sources = con.execute("""
        SELECT source_id, scb_table_id, scb_table_name, coalesce(strftime(scb_updated, '%Y-%m-%d'), '–'),
               coalesce(strftime(fetched_at, '%Y-%m-%d %H:%M'), '–'), licence, coalesce(origin_repository, url, ''),
               coalesce(origin_commit, ''), sha256
        FROM source ORDER BY source_id""").fetchall()
    lines = [
        "# Utbildningsläget — Parquet export",
        "",
        "Every table and view of the database as one Parquet file (zstd). Column descriptions: docs/schema.md in the",
        "project, or the `COMMENT`s in the DuckDB file. Numbers: Statistics Sweden (SCB), licence CC0.",
        "",
        f"- build {build[0] if build else '?'}, built {build[1] if build else '?'}, schema version "
        f"{build[2] if build else '?'}, data fingerprint {build[3] if build else '?'}",
        f"- files: {', '.join(f'{n}.parquet' for n in names)}",
        "",
        "## Sources",
        "",
        "| source | SCB table | name | SCB updated | fetched | licence | origin | commit | sha256 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(_cell(str(v)) for v in row) + " |" for row in sources]
    return "\n".join(lines) + "\n"
