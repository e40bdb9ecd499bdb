"""SKR's kommungruppsindelning 2023: the nine peer groups of kommuner, as region attributes.

Two sources give the same grouping, and both are read here so they give the same rows:
- offline, SKR's file (`kommunpopgrupp.json`, see PROVENANCE.md): 290 entries with the kommun
  name folded to ASCII and the group's name, no code. Entry *i* is mapped to the *i*-th kommun
  in code order and its folded name must equal that kommun's folded name — both, because
  folding makes names collide (Håbo 0305 and Habo 0643 are both "Habo"): the order tells them
  apart and the name proves the order is right. Any mismatch refuses the file.
- live, SCB's code list `agg_RegionKommungrupp2023-` of TAB3981's Region variable: one value
  per group (its own code, e.g. `2023_A1`, and SCB's label) whose `valueMap` lists kommun codes.

The group code (A1 … C9) is read from the source; the name stored is SKR's, one spelling for
every source.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import polars as pl

from etl.errors import SourceError

CODELIST_ID = "agg_RegionKommungrupp2023-"

#: SKR's codes and names of the 2023 groups, in SKR's order.
GROUPS: dict[str, str] = {
    "A1": "Storstäder",
    "A2": "Pendlingskommun nära storstad",
    "B3": "Större stad",
    "B4": "Pendlingskommun nära större stad",
    "B5": "Lågpendlingskommun nära större stad",
    "C6": "Mindre stad/tätort",
    "C7": "Pendlingskommun nära mindre stad/tätort",
    "C8": "Landsbygdskommun",
    "C9": "Landsbygdskommun med besöksnäring",
}
#: Other spellings of a group's name in the sources (SKR's open-data file shortens C7).
_ALIASES = {"Pendlingskommun nära mindre tätort": "C7"}

SCHEMA = {"region_code": pl.String, "kommungrupp_code": pl.String, "kommungrupp_name": pl.String}


def fold(name: str) -> str:
    """A name as SKR's file spells it, compared case-blind: å ä ö é → a a o e, spaces → '-'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.replace(" ", "-").casefold()


def _code_of_name(name: str) -> str | None:
    by_name = {fold(n): c for c, n in GROUPS.items()} | {fold(n): c for n, c in _ALIASES.items()}
    return by_name.get(fold(name))


def _frame(codes: dict[str, str]) -> pl.DataFrame:
    rows = sorted(codes.items())
    return pl.DataFrame(
        {
            "region_code": [r for r, _ in rows],
            "kommungrupp_code": [c for _, c in rows],
            "kommungrupp_name": [GROUPS[c] for _, c in rows],
        },
        schema=SCHEMA,
    )


def read_skr_file(path: Path, regions: pl.DataFrame) -> pl.DataFrame:
    """`region_code, kommungrupp_code, kommungrupp_name` for every kommun of `regions`, from
    SKR's file; SourceError when order, names or groups do not fit."""
    try:
        entries: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: not readable JSON ({exc})") from exc
    kommuner = regions.filter(pl.col("region_level") == "municipality").sort("region_code")
    if not isinstance(entries, list) or len(entries) != kommuner.height:
        found = len(entries) if isinstance(entries, list) else type(entries).__name__
        raise SourceError(
            f"{path}: expected a list of {kommuner.height} kommuner in SCB's code order, found "
            f"{found}; the grouping cannot be mapped to kommun codes"
        )
    codes, problems = {}, []
    for i, (entry, code, name) in enumerate(
        zip(entries, kommuner["region_code"], kommuner["region_name"], strict=True), start=1
    ):
        given, group = str(entry.get("commune_name", "")), str(entry.get("group", ""))
        if fold(given) != fold(name):
            problems.append(f"entry {i} is {given!r} but kommun {i} in code order is {code} {name}")
        elif (group_code := _code_of_name(group)) is None:
            problems.append(f"entry {i} ({given}) has an unknown group {group!r}")
        else:
            codes[code] = group_code
    if problems:
        shown = "; ".join(problems[:5]) + (
            f"; … {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        raise SourceError(
            f"{path}: the kommungrupp file does not match SCB's kommun list by order and name "
            f"({len(problems)} problem(s): {shown}); nothing is guessed, fix or replace the file"
        )
    return _frame(codes)


def group_code_of_value(value: dict[str, Any]) -> str | None:
    """A1 … C9 from a code list value: its code (`2023_A1`), else a code in its label."""
    for text in (str(value.get("code", "")), str(value.get("label", ""))):
        if (found := re.search(r"(?<![A-Za-z0-9])([ABC][1-9])(?![0-9])", text)) and (
            found.group(1) in GROUPS
        ):
            return found.group(1)
    return _code_of_name(re.sub(r"^[ABC][1-9][.:)\s-]*", "", str(value.get("label", ""))).strip())


def from_codelist(codelist: dict[str, Any], known_regions: set[str]) -> pl.DataFrame:
    """The same rows from SCB's code list; SourceError when a group or kommun is not known or a
    kommun is in two groups."""
    codes: dict[str, str] = {}
    seen: set[str] = set()
    where = f"code list {codelist.get('id', CODELIST_ID)}"
    for value in codelist.get("values", []):
        group = group_code_of_value(value)
        seen.add(group or "")
        if group is None:
            raise SourceError(
                f"{where}: value {value.get('code')!r} ({value.get('label')!r}) is none of SKR's "
                f"2023 groups {', '.join(GROUPS)}"
            )
        for region in value.get("valueMap", []):
            if region not in known_regions:
                raise SourceError(f"{where}: group {group} lists {region!r}, not a known kommun")
            if codes.setdefault(region, group) != group:
                raise SourceError(
                    f"{where}: kommun {region} is in both {codes[region]} and {group}"
                )
    if sorted(seen) != sorted(GROUPS):
        raise SourceError(f"{where}: groups {sorted(seen)}, expected SKR's nine {list(GROUPS)}")
    return _frame(codes)


def disagreements(first: pl.DataFrame, second: pl.DataFrame) -> list[str]:
    """Kommuner both frames group, grouped differently (as 'code: A vs B')."""
    both = first.join(second, on="region_code", suffix="_other")
    differ = both.filter(pl.col("kommungrupp_code") != pl.col("kommungrupp_code_other"))
    return [f"{r}: {a} vs {b}" for r, a, _, b, _ in differ.iter_rows()]
