"""`python -m etl sql` (`make sql`): the database opened **read-only** for an analyst.

A read-only session shares the file with the running dashboard and its `/sql` workers; a
read-write one (`duckdb data/utbildningslaget.duckdb`, `duckdb.connect(path)`) takes the file's
exclusive lock, so while it is open the dashboard and every worker fail to open the file.

The `duckdb` Python package (2.x) ships no CLI, so this runs the DuckDB CLI with `-readonly` when
one is on PATH, and otherwise a small SQL prompt of its own on a read-only connection.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

import duckdb

from etl.errors import EtlError

BANNER = (
    "{path} opened read-only in DuckDB {version} (Python prompt: no `duckdb` CLI on PATH).\n"
    "End each statement with ';'. .tables lists the relations, .schema NAME its columns, "
    ".quit ends.\n"
    "The relations and columns: docs/schema.md."
)
DOT_COMMANDS = {
    ".tables": "SHOW TABLES",
    ".databases": "SELECT database_name, path, readonly FROM duckdb_databases() WHERE NOT internal",
}


def cli_command(db_path: Path) -> list[str] | None:
    """The DuckDB CLI on PATH, opening the file read-only; None when there is none."""
    found = shutil.which("duckdb")
    return [found, "-readonly", str(db_path)] if found else None


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    if not db_path.exists():
        raise EtlError(f"No database at {db_path}. Run `make db` (or `python -m etl build`).")
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise EtlError(f"Cannot open {db_path} read-only: {exc}") from exc


def run_sql(con: duckdb.DuckDBPyConnection, text: str, out: TextIO) -> bool:
    """Run every statement in `text`, printing each result; False when one failed."""
    text = text.strip()
    if text.startswith("."):
        command, _, arg = text.rstrip(";").partition(" ")
        if command in (".quit", ".exit"):
            raise EOFError
        if command == ".schema" and arg.strip():
            text = f"DESCRIBE {arg.strip()}"
        elif command in DOT_COMMANDS:
            text = DOT_COMMANDS[command]
        else:
            print(f"Unknown command {command}: try .tables, .schema NAME or .quit", file=out)
            return False
    try:
        for statement in con.extract_statements(text):
            result = con.sql(str(statement.query))
            if result is not None:
                print(result, file=out)
    except duckdb.Error as exc:
        print(f"Error: {exc}", file=out)
        return False
    return True


def _statements(lines: Iterable[str]) -> Iterable[str]:
    """Input lines gathered into complete statements (ending in ';', or a dot command)."""
    buffer: list[str] = []
    for line in lines:
        if not buffer and line.strip().startswith("."):
            yield line
            continue
        buffer.append(line)
        if line.rstrip().endswith(";"):
            yield "\n".join(buffer)
            buffer = []
    if "".join(buffer).strip():
        yield "\n".join(buffer)


def _typed_lines() -> Iterable[str]:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    prompt = "D "
    while True:
        try:
            line = input(prompt)
        except EOFError:
            print()
            return
        prompt = "· " if not line.rstrip().endswith(";") and line.strip() else "D "
        yield line


def prompt(db_path: Path, lines: Iterable[str] | None = None, out: TextIO = sys.stdout) -> int:
    """A minimal read-only SQL prompt: statements from `lines` (default: typed), results printed."""
    with connect(db_path) as con:
        print(BANNER.format(path=db_path, version=duckdb.__version__), file=out)
        source = lines if lines is not None else _typed_lines()
        for statement in _statements(source):
            try:
                run_sql(con, statement, out)
            except EOFError:
                break
    return 0


def main(db_path: Path, command: str | None = None, python_prompt: bool = False) -> int:
    """`python -m etl sql`: `command` run once, else the DuckDB CLI (or the Python prompt)."""
    if command is not None:
        with connect(db_path) as con:
            return 0 if run_sql(con, command, sys.stdout) else 1
    cli = None if python_prompt else cli_command(db_path)
    if cli is None:
        return prompt(db_path)
    connect(db_path).close()  # a missing or unreadable file says so in our words first
    os.execv(cli[0], cli)
    return 0  # not reached
