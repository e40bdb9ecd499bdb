"""Read and validate a lärcentrum list (CSV or .xlsx) as regions keep it themselves.

Every problem is reported with its line number, all at once, and nothing is loaded unless the
whole file passes: a half-imported list would silently misplace centres on the map.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etl.errors import EtlError
from etl.formula_guard import is_formula

if TYPE_CHECKING:  # polars and shapely load where used: the parse worker starts without them
    import polars as pl
    import shapely

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
#: Columns a list may use (ours has nine); a cell far to the right (XFD) is refused, not padded.
MAX_COLUMNS = 50
#: Row numbers a sheet may declare or use (blank rows between centres are skipped).
MAX_SHEET_ROWS = 20_000
#: The whole parse runs in a worker process with these bounds (see `read_rows`).
PARSE_SECONDS = 8.0
PARSE_MEMORY_BYTES = 384 * 1024**2
#: An .xlsx is a zip; its sheets may unpack to at most this much (a zip bomb stops here).
MAX_XLSX_UNPACKED_BYTES = 50 * 1024**2
#: Longest accepted text per column; longer is a pasted document, not a name.
MAX_CHARS = {"name": 200, "locality": 100, "source": 2_000, "website": 2_000}
DEFAULT_MAX_CHARS = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
ROOT = Path(__file__).resolve().parents[2]


def __getattr__(name: str) -> Any:
    """`SCHEMA`, built on first use (polars is not imported by the parse worker)."""
    if name == "SCHEMA":
        return schema()
    raise AttributeError(name)


def schema() -> dict[str, pl.DataType]:
    import polars as pl

    return {
        "name": pl.String(),
        "kommun_code": pl.String(),
        "locality": pl.String(),
        "latitude": pl.Float64(),
        "longitude": pl.Float64(),
        "location_precision": pl.String(),
        "website": pl.String(),
        "source": pl.String(),
        "verified_date": pl.Date(),
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
    #: columns whose text was longer than the column allows: their full length (the value
    #: itself is cut, so no later check scans a pasted document)
    lengths: dict[str, int] = field(default_factory=dict)


def read_rows(
    path: Path,
    on_wait: Callable[[], object] | None = None,
    seconds: float = PARSE_SECONDS,
    memory_bytes: int = PARSE_MEMORY_BYTES,
) -> tuple[list[str], list[Row]]:
    """Header and rows with their line numbers (Excel row numbers for .xlsx).

    The file is parsed in a worker process (`python -m etl.larcentrum.registry`) under a
    wall-clock limit and an address-space cap, at low CPU priority, so no file — a shared
    string of 45 MB, a cell in column XFD, a zip of repeated rows — can hold a core or the
    server's memory. `on_wait` is called about ten times a second while it runs: the page
    passes a Streamlit call there, so a visitor who leaves or reruns stops the work (Streamlit
    raises in it and the worker is killed)."""
    _read_bounded(path, MAX_FILE_BYTES)  # size first, before starting anything
    job = json.dumps({"path": str(path), "memory_bytes": memory_bytes}).encode()
    process = subprocess.Popen(
        [sys.executable, "-E", "-s", "-m", "etl.larcentrum.registry"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    started = time.monotonic()
    out = b""
    try:
        pending: bytes | None = job
        while True:
            try:
                out, _ = process.communicate(pending, timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                pending = None
            if time.monotonic() - started > seconds:
                raise RegistryError(
                    path,
                    [
                        f"line 1: reading the file took longer than {seconds:g} s, which no "
                        "lärcentrum list needs; save it again as CSV or a plain .xlsx"
                    ],
                )
            if on_wait is not None:
                on_wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    try:
        answer = json.loads(out)
    except ValueError:
        answer = {"error": "memory"}
    if answer.get("error") == "memory":
        raise RegistryError(
            path,
            [
                f"line 1: reading the file needed more than {memory_bytes / 1024**2:g} MB, "
                "which no lärcentrum list needs; save it again as CSV or a plain .xlsx"
            ],
        )
    if problems := answer.get("problems"):
        raise RegistryError(path, [str(p) for p in problems])
    rows = [Row(int(line), dict(values), dict(lengths)) for line, values, lengths in answer["rows"]]
    return [str(h) for h in answer["header"]], rows


def _read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of the file, or RegistryError: a size read, not trusted from
    stat (a pipe or /dev/zero has no size)."""
    too_large = RegistryError(
        path,
        [
            f"line 1: the file is larger than {limit / 1024**2:g} MB; a lärcentrum list is at most 5 MB"
        ],
    )
    if path.stat().st_size > limit:
        raise too_large
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data


def parse(path: Path) -> tuple[list[str], list[Row]]:
    """The parse itself, unbounded in time: run it through `read_rows` (a worker process)."""
    raw = _read_bounded(path, MAX_FILE_BYTES)
    if path.suffix.lower() == ".xlsx":
        header, rows = _read_xlsx(path, raw)
    else:
        header, rows = _read_csv(path, _decode(path, raw))
    if len(rows) > MAX_ROWS:
        raise RegistryError(
            path, [f"line {rows[MAX_ROWS].line}: more than {MAX_ROWS:,} centres in one list"]
        )
    return header, rows


def _bounded_row(line: int, header: list[str], values: list[str]) -> Row:
    """A row with every value cut to its column's length limit (plus one, to say "too long")
    before anything scans its characters."""
    cut: dict[str, str] = {}
    lengths: dict[str, int] = {}
    for name, value in zip(header, values, strict=False):
        limit = MAX_CHARS.get(name, DEFAULT_MAX_CHARS)
        if len(value) > limit:
            lengths[name] = len(value)
            value = value[: limit + 1]
        cut[name] = value.strip()
    return Row(line, cut, lengths)


def _too_wide(path: Path, line: int, columns: int) -> RegistryError:
    from openpyxl.utils import get_column_letter

    where = get_column_letter(min(columns, 16_384))
    return RegistryError(
        path,
        [
            f"line {line}: the sheet uses column {where} ({columns:,} columns); "
            f"a lärcentrum list has at most {MAX_COLUMNS}"
        ],
    )


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
        header = [h.strip().lower()[:100] for h in next(reader, [])]
        for values in reader:
            if len(values) > MAX_COLUMNS:
                raise _too_wide(path, reader.line_num, len(values))
            if not any(v.strip() for v in values):
                continue
            rows.append(_bounded_row(reader.line_num, header, values))
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


def _read_xlsx(path: Path, raw: bytes) -> tuple[list[str], list[Row]]:
    """Rows of the first sheet, read cell by cell from the sheet's XML: openpyxl's own row
    iterator pads every row to the widest one (a single cell at XFD makes each row 16,384
    cells), so the declared extent is checked first and every cell's column as it comes."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
        if unpacked > MAX_XLSX_UNPACKED_BYTES:
            raise RegistryError(
                path,
                [f"line 1: the workbook unpacks to {unpacked / 1024**2:.0f} MB; at most 50 MB"],
            )
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        # the sheet's declared <dimension>: a claim, checked here and again cell by cell
        if (sheet.max_column or 0) > MAX_COLUMNS:
            raise _too_wide(path, 1, int(sheet.max_column or 0))
        if (sheet.max_row or 0) > MAX_SHEET_ROWS:
            raise RegistryError(
                path,
                [
                    f"line 1: the sheet declares {sheet.max_row:,} rows; a lärcentrum list "
                    f"has at most {MAX_ROWS:,} centres"
                ],
            )
        cells: list[tuple[int, list[object]]] = []
        with sheet._get_source() as source:
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for number, row in parser.parse():
                if number > MAX_SHEET_ROWS:
                    raise RegistryError(
                        path, [f"line {number}: the sheet has rows beyond row {MAX_SHEET_ROWS:,}"]
                    )
                widest = max((int(cell["column"]) for cell in row), default=0)
                if widest > MAX_COLUMNS:
                    raise _too_wide(path, number, widest)
                values: list[object] = [None] * widest
                for cell in row:
                    values[int(cell["column"]) - 1] = cell["value"]
                if not any(v not in (None, "") for v in values) and cells:
                    continue
                cells.append((number, values))
                if len(cells) > MAX_ROWS + 1:
                    break
    except (RegistryError, MemoryError):
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise RegistryError(
            path, [f"line 1: not a readable .xlsx workbook ({exc.__class__.__name__})"]
        ) from None
    if not cells:
        return [], []
    header = [_cell_text(h)[:100].lower() for h in cells[0][1]]
    rows = []
    for number, values in cells[1:]:
        if not any(v not in (None, "") for v in values):
            continue
        rows.append(_bounded_row(number, header, [_cell_text(v) for v in values]))
    return header, rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # not stripped here: a 45 MB value shared by thousands of cells is cut to its column's
    # limit first (`_bounded_row`), and only the cut is stripped
    return str(value)


def validate(
    path: Path,
    kommun_shapes: dict[str, shapely.Geometry],
    on_wait: Callable[[], object] | None = None,
) -> pl.DataFrame:
    """The file as a clean frame, or RegistryError listing every problem (the parse bounded
    in time and memory, see `read_rows`)."""
    header, rows = read_rows(path, on_wait=on_wait)
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
        errors, record = _check_row(row.values, kommun_shapes, row.lengths)
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
    import polars as pl

    return pl.DataFrame(clean, schema=schema()).select(COLUMNS)


def _check_row(
    values: dict[str, str],
    shapes: dict[str, shapely.Geometry],
    lengths: dict[str, int] | None = None,
) -> tuple[list[str], dict[str, object]]:
    import shapely

    errors: list[str] = _text_problems(values, lengths)
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


def _text_problems(values: dict[str, str], lengths: dict[str, int] | None = None) -> list[str]:
    """Over-long fields, control characters and formula-like text, named by column. The
    length is checked first: a value over its limit is reported and not scanned further."""
    problems = []
    lengths = lengths or {}
    for column, value in values.items():
        limit = MAX_CHARS.get(column, DEFAULT_MAX_CHARS)
        length = lengths.get(column, len(value))
        if length > limit:
            problems.append(f"{column} is {length:,} characters long; at most {limit:,}")
            continue
        if _CONTROL.search(value):
            problems.append(f"{column} contains control characters (NUL, tab or line breaks)")
        if column not in ("latitude", "longitude") and is_formula(value):
            problems.append(
                f"{column} starts with {value.lstrip()[:1]!r}, which spreadsheets run as a formula"
            )
    return problems


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").replace("\u2212", "-"))  # Swedish decimal comma
    except ValueError:
        return None


def _cap_memory(extra: int) -> None:
    """Address space capped at what the loaded libraries use now plus `extra` for the parse."""
    import resource

    with open("/proc/self/status", encoding="ascii") as status:
        size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    limit = size_kb * 1024 + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _worker_main() -> None:
    """`python -m etl.larcentrum.registry`: parse the job's file, answer with JSON on stdout."""
    job = json.loads(sys.stdin.buffer.read(100_000))
    # everything the parse needs is loaded before the cap, so the cap is the file's alone
    import zipfile  # noqa: F401

    import openpyxl
    import openpyxl.worksheet._reader  # noqa: F401
    from openpyxl.utils import get_column_letter  # noqa: F401

    os.nice(10)  # other visitors' pages come first
    _cap_memory(int(job["memory_bytes"]))
    answer: dict[str, Any]
    try:
        header, rows = parse(Path(job["path"]))
        answer = {"header": header, "rows": [[r.line, r.values, r.lengths] for r in rows]}
    except RegistryError as exc:
        answer = {"problems": exc.problems}
    except MemoryError:
        answer = {"error": "memory"}
    sys.stdout.buffer.write(json.dumps(answer).encode())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _worker_main()
