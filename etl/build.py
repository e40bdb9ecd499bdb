"""`python -m etl build`: the database from every source we have, installed atomically.

Sources are the offline SCB files (when a data directory is configured) and the SCB API
responses that earlier refreshes saved (when there are any); at least one must exist. The
steps themselves live in `etl.assemble`, shared with refresh and the lärcentrum import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etl.assemble.inputs import GAZETTEER_CACHE, collect_inputs
from etl.assemble.install import fact_rows, install
from etl.assemble.progress import StepPrinter
from etl.config import Settings
from etl.validate import CheckResult

__all__ = [
    "GAZETTEER_CACHE",
    "BuildReport",
    "build",
]  # GAZETTEER_CACHE: imported from here by tests


@dataclass(frozen=True)
class BuildReport:
    db_path: Path
    seconds: float
    fact_rows: int
    sources: int
    checks: list[CheckResult]


def build(settings: Settings, quiet: bool = False) -> BuildReport:
    """Read every available source, write a new database, validate it, then swap it in."""
    step = StepPrinter(quiet=quiet)
    inputs = collect_inputs(settings, step)
    checks = install(settings, inputs, step)
    seconds = step.done()
    return BuildReport(
        settings.db_path,
        seconds,
        fact_rows(settings.db_path),
        len(inputs.batches) + len(inputs.records),
        checks,
    )
