"""Read and validate a lärcentrum list (CSV or .xlsx) as regions keep it themselves.

Every problem is reported with its line number, all at once, and nothing is loaded unless the
whole file passes: a half-imported list would silently misplace centres on the map.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl
import shapely

from etl.errors import EtlError

REQUIRED = ["name", "kommun_code", "latitude", "longitude", "location_precision", "source"]
OPTIONAL = ["locality", "website", "verified_date"]
COLUMNS = [*REQUIRED[:2], "locality", *REQUIRED[2:5], "website", "source", "verified_date"]
PRECISIONS = ("address", "locality", "municipality")
#: Sweden's extent with a small margin (Smygehuk 55.34 N … Treriksröset 69.06 N; 10.96 … 24.17 E)
SWEDEN = {"lat": (55.0, 69.2), "lon": (10.5, 24.3)}
#: A locality point may sit on a simplified border; 0.01° is about 1 km.
BORDER_TOLERANCE_DEGREES = 0.01
#: A national list is a few hundred rows; anything far larger is not a lärcentrum list.
MAX_FILE_BYTES = 5 * 1024**2
MAX_ROWS = 5_000
#: An .xlsx is a zip; its sheets may unpack to at most this much (a zip bomb stops here).
MAX_XLSX_UNPACKED_BYTES = 50 * 1024**2
#: Longest accepted text per column; longer is a pasted document, not a name.
MAX_CHARS = {"name": 200, "locality": 100, "source": 2_000, "website": 2_000}
DEFAULT_MAX_CHARS = 100
FORMULA_PREFIXES = ("=", "+", "-", "@")

SCHEMA = {
    "name": pl.String,
    "kommun_code": pl.String,
    "locality": pl.String,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "location_precision": pl.String,
    "website": pl.String,
    "source": pl.String,
    "verified_date": pl.Date,
}


class RegistryError(EtlError):
    """A lärcentrum file was refused; `problems` lists each with its line number."""

    def __init__(self, path: Path, problems: list[str]):
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"{path}: {len(problems)} problem(s); nothing was loaded, the previous list stays.\n"
            f"{shown}{more}"
        )


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Header and rows with their line numbers (Excel row numbers for .xlsx)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise RegistryError(
            path,
            [f"line 1: the file is {size / 1024**2:.1f} MB; a lärcentrum list is at most 5 MB"],
        )
    if path.suffix.lower() == ".xlsx":
        header, rows = _read_xlsx(path)
    else:
        header, rows = _read_csv(path, _decode(path, path.read_bytes()))
    if len(rows) > MAX_ROWS:
        raise RegistryError(
            path, [f"line {rows[MAX_ROWS].line}: more than {MAX_ROWS:,} centres in one list"]
        )
    return header, rows


def _read_csv(path: Path, text: str) -> tuple[list[str], list[Row]]:
    if nul_lines := [n for n, line in enumerate(text.split("\n"), start=1) if "\x00" in line]:
        raise RegistryError(
            path,
            [f"line {n}: contains a NUL byte (0x00), which text never has" for n in nul_lines[:20]],
        )
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            rows.append(
                Row(reader.line_num, dict(zip(header, (v.strip() for v in values), strict=False)))
            )
            if len(rows) > MAX_ROWS:
                break
    except csv.Error as exc:
        # e.g. a field over the csv module's limit, or a quote left open to the end of the file
        raise RegistryError(
            path,
            [f"line {reader.line_num}: not readable as CSV ({str(exc).splitlines()[0][:120]})"],
        ) from None
    return header, rows


def _decode(path: Path, raw: bytes) -> str:
    """The file's text; a named encoding problem rather than a "missing columns" puzzle."""
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")):
        raise RegistryError(
            path,
            [
                "line 1: this is not a text file (a workbook, document or archive); "
                "give .xlsx files the .xlsx ending, or save as CSV"
            ],
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (raw[:200].count(b"\x00") > 20):
        raise RegistryError(
            path,
            [
                "line 1: the file is UTF-16 text (Excel's “Unicode text”); save it as "
                "“CSV UTF-8” or as .xlsx"
            ],
        )
    # UTF-8 (with or without BOM) first; Excel's "CSV (semikolonavgränsad)" writes cp1252
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RegistryError(
        path, ["line 1: unreadable text encoding: save the file as UTF-8 (or Excel's CSV)"]
    )


def _read_xlsx(path: Path) -> tuple[list[str], list[Row]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
        if unpacked > MAX_XLSX_UNPACKED_BYTES:
            raise RegistryError(
                path,
                [f"line 1: the workbook unpacks to {unpacked / 1024**2:.0f} MB; at most 50 MB"],
            )
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        # read-only mode trusts the sheet's declared <dimension>; a stale one would hide rows
        sheet.reset_dimensions()
        cells = []
        for values in sheet.iter_rows(values_only=True):
            cells.append(values)
            if len(cells) > MAX_ROWS + 1:
                break
    except RegistryError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise RegistryError(
            path, [f"line 1: not a readable .xlsx workbook ({exc.__class__.__name__})"]
        ) from None
    if not cells:
        return [], []
    header = [str(h or "").strip().lower() for h in cells[0]]
    rows = []
    for number, values in enumerate(cells[1:], start=2):
        if not any(v not in (None, "") for v in values):
            continue
        text = {h: _cell_text(v) for h, v in zip(header, values, strict=False)}
        rows.append(Row(number, text))
    return header, rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def validate(path: Path, kommun_shapes: dict[str, shapely.Geometry]) -> pl.DataFrame:
    """The file as a clean frame, or RegistryError listing every problem."""
    header, rows = read_rows(path)
    if missing := [c for c in REQUIRED if c not in header]:
        raise RegistryError(
            path,
            [
                f"line 1: missing required column(s) {', '.join(missing)} "
                f"(found: {', '.join(h for h in header if h) or 'nothing'})"
            ],
        )
    problems: list[str] = []
    clean: list[dict[str, object]] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        errors, record = _check_row(row.values, kommun_shapes)
        key = (str(record.get("name", "")).casefold(), str(record.get("kommun_code", "")))
        if key[0] and key in seen:
            errors.append(f"duplicate of line {seen[key]} (same name and kommun)")
        seen.setdefault(key, row.line)
        problems += [f"line {row.line}: {e}" for e in errors]
        clean.append(record)
    if not rows:
        problems.append("line 2: the file has no centres")
    if problems:
        raise RegistryError(path, problems)
    return pl.DataFrame(clean, schema=SCHEMA).select(COLUMNS)


def _check_row(
    values: dict[str, str], shapes: dict[str, shapely.Geometry]
) -> tuple[list[str], dict[str, object]]:
    errors: list[str] = _text_problems(values)
    name = values.get("name", "")
    if not name:
        errors.append("name is empty")
    code = values.get("kommun_code", "")
    if re.fullmatch(r"\d{3}", code):
        code = "0" + code  # Excel drops the leading zero of 0114 … 0999
    if code not in shapes:
        errors.append(
            f"kommun code {values.get('kommun_code')!r} is not one of Sweden's 290 kommuner"
        )
    lat, lon = _number(values.get("latitude", "")), _number(values.get("longitude", ""))
    if lat is None or lon is None:
        errors.append(
            f"latitude/longitude {values.get('latitude')!r}, {values.get('longitude')!r} are not numbers"
        )
    elif not (
        SWEDEN["lat"][0] <= lat <= SWEDEN["lat"][1] and SWEDEN["lon"][0] <= lon <= SWEDEN["lon"][1]
    ):
        errors.append(
            f"coordinates {lat}, {lon} are outside Sweden (latitude first, then longitude)"
        )
    elif (
        code in shapes and shapes[code].distance(shapely.Point(lon, lat)) > BORDER_TOLERANCE_DEGREES
    ):
        errors.append(f"coordinates {lat}, {lon} are outside kommun {code}")
    precision = values.get("location_precision", "")
    if precision not in PRECISIONS:
        errors.append(f"location_precision {precision!r} must be one of {', '.join(PRECISIONS)}")
    if not values.get("source"):
        errors.append("source is empty: say which document or page the centre comes from")
    website = values.get("website", "")
    if website and not re.match(r"https?://", website):
        errors.append(f"website {website!r} must start with http:// or https://")
    verified = None
    if raw := values.get("verified_date", ""):
        try:
            verified = date.fromisoformat(raw)
        except ValueError:
            errors.append(f"verified_date {raw!r} is not a date (YYYY-MM-DD)")
    record: dict[str, object] = {
        "name": name,
        "kommun_code": code,
        "locality": values.get("locality") or None,
        "latitude": lat,
        "longitude": lon,
        "location_precision": precision,
        "website": website or None,
        "source": values.get("source", ""),
        "verified_date": verified,
    }
    return errors, record


def _text_problems(values: dict[str, str]) -> list[str]:
    """Over-long fields, control characters and formula-like text, named by column."""
    problems = []
    for column, value in values.items():
        limit = MAX_CHARS.get(column, DEFAULT_MAX_CHARS)
        if len(value) > limit:
            problems.append(f"{column} is {len(value):,} characters long; at most {limit:,}")
        if any(ord(c) < 32 or ord(c) == 127 for c in value):
            problems.append(f"{column} contains control characters (NUL, tab or line breaks)")
        if value.startswith(FORMULA_PREFIXES) and column not in ("latitude", "longitude"):
            problems.append(
                f"{column} starts with {value[0]!r}, which spreadsheets run as a formula"
            )
    return problems


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").replace("\u2212", "-"))  # Swedish decimal comma
    except ValueError:
        return None
