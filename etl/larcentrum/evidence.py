"""Lärcentrum evidence compiled from public pages (`<data dir>/larcentrum_evidence/`).

Two files of *claims with sources*, not a register: named centres or study locations
(`larcentra_named.csv`) and kommun-level evidence without a named centre, such as network
membership (`kommun_evidence.csv`). Every kommun name must map to SCB's code list — an unmapped
name is an error with its line — except the rows the evidence README gives rules of its own:
`Ludvika|Smedjebacken` (one centre serving two kommuner), a row with no kommun (reported, not
placed), and `(all 8 kommuner)` (a claim for every kommun of the stated län).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import shapely

from etl.errors import SourceError
from etl.larcentrum.registry import SCHEMA as LIST_SCHEMA
from etl.sources.model import SourceRecord, sha256_of

FOLDER = "larcentrum_evidence"
NAMED_FILE = "larcentra_named.csv"
KOMMUN_FILE = "kommun_evidence.csv"
NAMED_COLUMNS = [
    "name_as_seen",
    "kommun",
    "lan",
    "locality",
    "address",
    "kind",
    "evidence_year",
    "source_url",
    "confidence",
    "note",
]
KOMMUN_COLUMNS = ["kommun", "lan", "evidence_type", "network", "year", "source_url", "note"]
CONFIDENCE = ("high", "medium", "low")
ALL_IN_COUNTY = re.compile(r"\(all (\d+) kommuner\)")
#: GeoNames points of a town may sit just over a simplified border; 0.02° is about 2 km.
LOCALITY_TOLERANCE_DEGREES = 0.02


@dataclass
class Evidence:
    centres: pl.DataFrame  # the larcentrum table's columns, origin = 'evidence'
    kommuner: pl.DataFrame  # larcentrum_kommun_evidence
    records: list[SourceRecord]
    unplaced: list[str] = field(default_factory=list)


def folder(data_dir: Path | None) -> Path | None:
    found = data_dir / FOLDER if data_dir is not None else None
    return found if found is not None and (found / NAMED_FILE).exists() else None


def read_evidence(
    where: Path,
    regions: pl.DataFrame,
    points: pl.DataFrame,
    shapes: dict[str, shapely.Geometry],
    localities: pl.DataFrame,
) -> Evidence:
    kommun_codes = {
        n: c
        for n, c, lvl in regions.select("region_name", "region_code", "region_level").iter_rows()
        if lvl == "municipality"
    }
    county_codes = {
        n: c
        for n, c, lvl in regions.select("region_name", "region_code", "region_level").iter_rows()
        if lvl == "county"
    }
    county_members: dict[str, list[str]] = {}
    for code, county, level in regions.select(
        "region_code", "county_code", "region_level"
    ).iter_rows():
        if level == "municipality":
            county_members.setdefault(county, []).append(code)
    point_of = {c: (la, lo) for c, la, lo in points.iter_rows()}
    named_path, kommun_path = where / NAMED_FILE, where / KOMMUN_FILE
    problems: list[str] = []
    centres, unplaced = [], []
    for line, row in _rows(named_path, NAMED_COLUMNS):
        if not row["kommun"]:
            unplaced.append(
                f"{NAMED_FILE} line {line}: {row['name_as_seen']} ({row['lan'] or 'no län'}) "
                "names no kommun; reported, not placed"
            )
            continue
        if row["confidence"] not in CONFIDENCE:
            problems.append(f"{NAMED_FILE} line {line}: confidence {row['confidence']!r}")
        for name in row["kommun"].split("|"):  # one centre serving several kommuner
            code = kommun_codes.get(name.strip())
            if code is None:
                problems.append(
                    f"{NAMED_FILE} line {line}: kommun {name!r} is not in SCB's code list"
                )
                continue
            lat, lon, precision = _place(row["locality"], code, shapes, localities, point_of)
            centres.append(
                {
                    "name": row["name_as_seen"],
                    "kommun_code": code,
                    "locality": row["locality"] or None,
                    "latitude": lat,
                    "longitude": lon,
                    "location_precision": precision,
                    "website": None,
                    "source": row["source_url"],
                    "verified_date": None,
                    "address": row["address"] or None,
                    "kind": row["kind"] or None,
                    "evidence_year": row["evidence_year"] or None,
                    "confidence": row["confidence"],
                    "source_url": row["source_url"],
                    "origin": "evidence",
                }
            )
    kommun_rows = []
    for line, row in _rows(kommun_path, KOMMUN_COLUMNS):
        if match := ALL_IN_COUNTY.fullmatch(row["kommun"]):
            county = county_codes.get(row["lan"])
            members = county_members.get(county or "", [])
            if county is None or len(members) != int(match.group(1)):
                problems.append(
                    f"{KOMMUN_FILE} line {line}: {row['kommun']} of {row['lan']!r} does not "
                    f"match SCB's code list ({len(members)} kommuner)"
                )
            codes = members
        elif (code := kommun_codes.get(row["kommun"])) is not None:
            codes = [code]
        else:
            problems.append(
                f"{KOMMUN_FILE} line {line}: kommun {row['kommun']!r} is not in SCB's code list"
            )
            codes = []
        kommun_rows += [
            {
                "kommun_code": code,
                "evidence_type": row["evidence_type"],
                "network": row["network"] or None,
                "year": row["year"] or None,
                "source_url": row["source_url"],
                "note": row["note"] or None,
            }
            for code in codes
        ]
    if problems:
        raise SourceError(
            f"{where}: {len(problems)} problem(s) in the lärcentrum evidence:\n  "
            + "\n  ".join(problems[:30])
        )
    return Evidence(
        pl.DataFrame(centres, schema=CENTRE_SCHEMA),
        pl.DataFrame(kommun_rows, schema=KOMMUN_SCHEMA),
        [_record(named_path), _record(kommun_path)],
        unplaced,
    )


#: The list's columns (etl.larcentrum.registry.SCHEMA), then what evidence adds.
CENTRE_SCHEMA = {
    **LIST_SCHEMA,
    "address": pl.String,
    "kind": pl.String,
    "evidence_year": pl.String,
    "confidence": pl.String,
    "source_url": pl.String,
    "origin": pl.String,
}
KOMMUN_SCHEMA = {
    "kommun_code": pl.String,
    "evidence_type": pl.String,
    "network": pl.String,
    "year": pl.String,
    "source_url": pl.String,
    "note": pl.String,
}


def _rows(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read the lärcentrum evidence ({exc})") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames != columns:
        raise SourceError(f"{path}: expected the columns {columns}, found {reader.fieldnames}")
    return [(reader.line_num, {k: (v or "").strip() for k, v in row.items()}) for row in reader]


def _place(
    locality: str,
    code: str,
    shapes: dict[str, shapely.Geometry],
    localities: pl.DataFrame,
    point_of: dict[str, tuple[float, float]],
) -> tuple[float, float, str]:
    """The locality's GeoNames point when it lies in the kommun, else the kommun's own point."""
    if locality:
        wanted = locality.casefold()
        candidates = localities.filter(
            (pl.col("name").str.to_lowercase() == wanted)
            | pl.col("alternatenames")
            .list.eval(pl.element().str.to_lowercase())
            .list.contains(wanted)
        ).sort("population", descending=True)
        for lat, lon in candidates.select("latitude", "longitude").iter_rows():
            if shapes[code].distance(shapely.Point(lon, lat)) <= LOCALITY_TOLERANCE_DEGREES:
                return round(lat, 4), round(lon, 4), "locality"
    lat, lon = point_of[code]
    return lat, lon, "municipality"


def _record(path: Path) -> SourceRecord:
    return SourceRecord(
        source_id=f"evidence:{path.stem}",
        kind="registry_file",
        scb_table_id=None,
        scb_table_name=None,
        title=f"Lärcentrum evidence compiled from public pages: {path.name}",
        query=None,
        url=None,
        origin_repository=None,
        origin_commit=None,
        origin_path=f"{FOLDER}/{path.name}",
        licence="Facts with their source URLs from public pages; cite each row's source_url",
        file_path=f"{FOLDER}/{path.name}",
        sha256=sha256_of(path),
        dataset_id="larcentrum_evidence",
    )


GENERIC_WORDS = {"lärcentrum", "lärcentra", "lärcentret", "lärcentrumet", "kommunens", "i", "nytt"}
RANK = {"high": 0, "medium": 1, "low": 2}


def _tokens(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.casefold()))


def _generic(name: str, kommun_name_tokens: set[str]) -> bool:
    """ "Lärcentrum", "(unnamed)", "lärcentrum (case study)": a claim, not a distinct name."""
    words = _tokens(re.sub(r"\(.*?\)", "", name)) - GENERIC_WORDS - kommun_name_tokens
    return not words or name.startswith("(")


def _same_centre(a: dict[str, object], b: dict[str, object], kommun_words: set[str]) -> bool:
    if a["kommun_code"] != b["kommun_code"]:
        return False
    loc_a, loc_b = str(a["locality"] or "").casefold(), str(b["locality"] or "").casefold()
    if loc_a and loc_b:
        return loc_a == loc_b  # two towns are two centres, whatever they are called
    ta, tb = _tokens(str(a["name"])) - GENERIC_WORDS, _tokens(str(b["name"])) - GENERIC_WORDS
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    return not loc_b and _generic(str(b["name"]), kommun_words)


def merge_registry(
    listed: pl.DataFrame, evidence: pl.DataFrame, kommun_names: dict[str, str]
) -> pl.DataFrame:
    """One row per known centre: the list's rows keep their place and gain the matching
    evidence's source, year and confidence; evidence rows that repeat a centre already known
    (same town, same name, or only a generic "Lärcentrum" claim) are folded into it."""
    kept: list[dict[str, object]] = [
        {
            **row,
            "address": None,
            "kind": None,
            "evidence_year": None,
            "confidence": None,
            "source_url": row["website"] or None,
            "origin": "list",
        }
        for row in listed.to_dicts()
    ]
    ordered = sorted(
        evidence.to_dicts(), key=lambda r: (RANK.get(str(r["confidence"]), 9), str(r["name"]))
    )
    for row in ordered:
        words = _tokens(kommun_names.get(str(row["kommun_code"]), ""))
        match = next((k for k in kept if _same_centre(k, row, words)), None)
        if match is None:
            kept.append(row)
        elif match["origin"] == "list" and match["confidence"] is None:
            for column in ("address", "kind", "evidence_year", "confidence", "source_url"):
                match[column] = match[column] or row[column]
    return pl.DataFrame(kept, schema=CENTRE_SCHEMA)
