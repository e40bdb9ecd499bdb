"""Write a database from gathered inputs and swap it in atomically; read back what was installed.

Separate from gathering (`inputs.py`) so a command can change one input (a new lärcentrum list,
fresh API responses) and still install exactly the way every other command does.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.assemble.inputs import Inputs
from etl.assemble.progress import StepPrinter
from etl.atomic import atomic_install
from etl.config import Settings
from etl.database import write_database
from etl.validate import CheckResult


def install(
    settings: Settings, inputs: Inputs, step: StepPrinter, lock: bool = True
) -> list[CheckResult]:
    with atomic_install(settings.db_path, lock=lock) as tmp:
        checks = write_database(
            tmp,
            inputs.regions,
            inputs.records,
            inputs.batches,
            step,
            inputs.places,
            inputs.api_manifest,
        )
        step("installing")
    return checks


def fact_rows(db_path: Path) -> int:
    with duckdb.connect(str(db_path), read_only=True) as con:
        (rows,) = con.execute("SELECT count(*) FROM population_education").fetchone() or (0,)
    return int(rows)


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
