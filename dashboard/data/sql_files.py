"""The dashboard's SQL files (`dashboard/data/sql/`), read once, and a query as text to read:
what the page shows beside a chart and opens in the SQL console."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from dashboard.data.query_run import QueryRun

SQL_DIR = Path(__file__).with_name("sql")


@cache
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _literal(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def display_sql(name: str, **params: Any) -> str:
    """The query behind a chart with its values written in, to read or open in the SQL console.
    (Display only: the dashboard itself always binds parameters.)"""
    text = sql_text(name)
    for key in sorted(params, key=len, reverse=True):
        text = text.replace(f"${key}", _literal(params[key]))
    return text


def shown_sql(ran: tuple[QueryRun, ...]) -> list[str]:
    """The queries a result ran, as text to read or open in the SQL console."""
    return [
        display_sql(q.name, **{k: list(v) if isinstance(v, tuple) else v for k, v in q.params})
        for q in ran
    ]
