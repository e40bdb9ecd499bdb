"""The lärcentrum list's parse, as the worker process runs it (`python -m
etl.larcentrum.parse_worker`, started by `etl.larcentrum.reading.read_rows`): CSV in any of the
encodings and delimiters regions save, or .xlsx through openpyxl, into numbered rows, every
size bounded as it is read. It answers on stdout as JSON and holds no state.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from etl import workers
from etl.larcentrum.reading import (
    DEFAULT_MAX_CHARS,
    MAX_CHARS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_SHEET_ROWS,
    MAX_XLSX_UNPACKED_BYTES,
    PARSE_SECONDS,
    RegistryError,
    Row,
    read_bounded,
)


def parse(path: Path) -> tuple[list[str], list[Row]]:
    """The parse itself, unbounded in time: run it through `read_rows` (a worker process)."""
    raw = read_bounded(path, MAX_FILE_BYTES)
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


def _worker_main() -> None:
    """`python -m etl.larcentrum.parse_worker`: parse the job's file, answer with JSON on stdout."""
    workers.die_with_parent()
    job = json.loads(sys.stdin.buffer.read(100_000))
    # everything the parse needs is loaded before the cap, so the cap is the file's alone
    import zipfile  # noqa: F401

    import openpyxl
    import openpyxl.worksheet._reader  # noqa: F401
    from openpyxl.utils import get_column_letter  # noqa: F401

    workers.lower_priority(PARSE_SECONDS)  # other visitors' pages come first
    workers.cap_memory(int(job["memory_bytes"]))
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
