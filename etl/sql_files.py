"""SQL lives in `etl/sql/*.sql`, one statement or one model per file; this reads it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).with_name("sql")


@cache
def sql(name: str) -> str:
    """The text of `etl/sql/<name>.sql`."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def names_in(folder: str) -> list[str]:
    """`folder/<stem>` for every SQL file in a folder, in name order."""
    return [f"{folder}/{p.stem}" for p in sorted((SQL_DIR / folder).glob("*.sql"))]


def first_comment(name: str) -> str:
    """A check's one-line description: the first `--` comment of its file."""
    for line in sql(name).splitlines():
        if line.startswith("--"):
            return line.lstrip("- ").strip()
    return name
