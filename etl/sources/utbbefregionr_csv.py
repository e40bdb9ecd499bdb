"""SCB UF0506B/UtbBefRegionR exported as CSV with kommun *names* and Swedish labels.

The file has no codes, so every name and label is mapped through SCB's own lists; anything
that does not map is an error with its line number, never a silent drop.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from etl.errors import SourceError
from etl.sources.model import FACT_SCHEMA

LEVEL_BY_LABEL = {
    "förgymnasial utbildning kortare än 9 år": "1",
    "förgymnasial utbildning, 9 (10) år": "2",
    "gymnasial utbildning, högst 2 år": "3",
    "gymnasial utbildning, 3 år": "4",
    "eftergymnasial utbildning, mindre än 3 år": "5",
    "eftergymnasial utbildning, 3 år eller mer": "6",
    "forskarutbildning": "7",
    "uppgift om utbildningsnivå saknas": "US",
}
SEX_BY_LABEL = {"män": "men", "kvinnor": "women"}
#: TAB3981 covers ages 16-74; the older table's 75+ groups are outside every measure we
#: publish, so they are left out rather than mixed into age totals.
AGE_GROUPS_IN_SCOPE = {
    f"{a}-{b} år": f"{a}-{b}"
    for a, b in [(16, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 74)]
}
AGE_GROUPS_OUT_OF_SCOPE = {"75-84 år", "85-94 år", "95+ år"}
EXPECTED_HEADER = ["region", "utbildningsnivå", "ålder", "kön"]


def read_utbbefregionr_csv(path: Path, municipality_codes: dict[str, str]) -> pl.DataFrame:
    """Fact rows (kommun level, 10-year age groups 16-24 … 65-74) from the CSV export."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read as UTF-8 CSV ({exc})") from exc
    reader = csv.reader(text.splitlines())
    header = next(reader, None) or []
    if header[:4] != EXPECTED_HEADER or len(header) != 5 or not header[4].startswith("X"):
        raise SourceError(
            f"{path}: expected columns {[*EXPECTED_HEADER, 'X<year>']}, found {header}"
        )
    year = int(header[4][1:])

    rows = []
    for line_no, fields in enumerate(reader, start=2):
        if len(fields) != 5:
            raise SourceError(f"{path}, line {line_no}: expected 5 fields, found {len(fields)}")
        name, level_label, age_label, sex_label, count = fields
        if age_label in AGE_GROUPS_OUT_OF_SCOPE:
            continue
        problems = [
            f"kommun {name!r} is not in SCB's code list" if name not in municipality_codes else "",
            f"unknown education level {level_label!r}" if level_label not in LEVEL_BY_LABEL else "",
            f"unknown age group {age_label!r}" if age_label not in AGE_GROUPS_IN_SCOPE else "",
            f"unknown sex {sex_label!r}" if sex_label not in SEX_BY_LABEL else "",
            f"count {count!r} is not a non-negative integer"
            if not (count.isascii() and count.isdigit())
            else "",
        ]
        if any(problems):
            raise SourceError(f"{path}, line {line_no}: " + "; ".join(p for p in problems if p))
        rows.append(
            (
                year,
                municipality_codes[name],
                AGE_GROUPS_IN_SCOPE[age_label],
                SEX_BY_LABEL[sex_label],
                LEVEL_BY_LABEL[level_label],
                int(count),
            )
        )
    return pl.DataFrame(rows, schema=FACT_SCHEMA, orient="row")
