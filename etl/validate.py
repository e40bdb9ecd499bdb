"""Named checks run on a freshly written database before it may replace the old one.

Each check is one SQL file in `etl/sql/checks/` returning one `problem` row per violation, so a
check can be read, run and tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from etl.sql_files import first_comment, names_in, sql

#: SCB adds controlled random noise to every figure from this reference year on.
NOISE_FROM_YEAR = 2025
EXAMPLES_SHOWN = 5


@dataclass(frozen=True)
class CheckResult:
    name: str
    description: str
    problems: list[str]

    @property
    def passed(self) -> bool:
        return not self.problems

    def message(self) -> str:
        shown = "; ".join(self.problems[:EXAMPLES_SHOWN])
        more = len(self.problems) - EXAMPLES_SHOWN
        return f"{len(self.problems)} problem(s): {shown}" + (
            f"; … and {more} more" if more > 0 else ""
        )


#: Checks of the loaded facts (`checks/`), run before anything is derived from them, and of
#: what the build computes and stores from them (`checks_built/`, e.g. materialised rankings).
FACT_CHECKS = "checks"
BUILT_CHECKS = "checks_built"


def check_names(folder: str = FACT_CHECKS) -> list[str]:
    return [name.split("/", 1)[1] for name in names_in(folder)]


def run_checks(con: duckdb.DuckDBPyConnection, folder: str = FACT_CHECKS) -> list[CheckResult]:
    results = []
    for name in names_in(folder):
        text = sql(name)
        params = {"noise_from_year": NOISE_FROM_YEAR} if "$noise_from_year" in text else None
        rows = con.execute(text, params).fetchall()
        results.append(
            CheckResult(name.split("/", 1)[1], first_comment(name), [r[0] for r in rows])
        )
    return results
