"""`python -m etl build`: the database from the offline SCB files, installed atomically."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb

from etl.atomic import atomic_install
from etl.config import Settings
from etl.database import SCHEMA_VERSION, write_database
from etl.sources.offline import read_offline_sources, require_data_dir
from etl.validate import CheckResult


@dataclass(frozen=True)
class BuildReport:
    db_path: Path
    seconds: float
    fact_rows: int
    sources: int
    checks: list[CheckResult]


class StepPrinter:
    """Prints each step with the time the previous one took, so a slow step is visible."""

    def __init__(self, stream: TextIO = sys.stderr, quiet: bool = False) -> None:
        self.stream, self.quiet = stream, quiet
        self.started = self.last = time.perf_counter()
        self.current: str | None = None

    def __call__(self, name: str) -> None:
        self._finish_current()
        self.current, self.last = name, time.perf_counter()
        if not self.quiet:
            print(f"  … {name}", end="", file=self.stream, flush=True)

    def _finish_current(self) -> None:
        if self.current and not self.quiet:
            print(f" ({time.perf_counter() - self.last:.1f} s)", file=self.stream, flush=True)

    def done(self) -> float:
        self._finish_current()
        self.current = None
        return time.perf_counter() - self.started


def build(settings: Settings, quiet: bool = False) -> BuildReport:
    """Read the offline sources, write a new database, validate it, then swap it in."""
    step = StepPrinter(quiet=quiet)
    data_dir = require_data_dir(settings.data_dir, settings.data_dir_candidates)
    step(f"reading SCB files in {data_dir}")
    regions, codes_record, batches = read_offline_sources(data_dir)
    with atomic_install(settings.db_path) as tmp:
        checks = write_database(tmp, regions, [codes_record], batches, step)
        step("installing")
    seconds = step.done()
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        (rows,) = con.execute("SELECT count(*) FROM population_education").fetchone() or (0,)
    return BuildReport(settings.db_path, seconds, rows, len(batches) + 1, checks)


def installed_schema_version(db_path: Path) -> int | None:
    """The schema version of an existing database, None if absent or unreadable."""
    if not db_path.exists():
        return None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            row = con.execute("SELECT max(schema_version) FROM build_info").fetchone()
            return int(row[0]) if row and row[0] is not None else None
    except duckdb.Error:
        return None


def ensure_database(settings: Settings) -> str | None:
    """Build the database when it is missing or has an older schema; says why it built."""
    version = installed_schema_version(settings.db_path)
    if version == SCHEMA_VERSION:
        return None
    reason = (
        "missing" if not settings.db_path.exists() else f"schema {version}, need {SCHEMA_VERSION}"
    )
    build(settings)
    return reason
