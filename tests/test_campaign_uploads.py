"""Uploaded lärcentrum lists against the attack campaign of issue 20, kept as tests.

A 75 KB .xlsx whose one huge shared string fills thousands of cells pinned a core for
minutes; a 31 KB .xlsx with one cell per row at column XFD took the page to ~1 GB; formula
text hid behind full-width signs and invisible characters. Every parse now runs in a worker
process bounded in time and memory, and every check is bounded before it looks at content.
"""

from __future__ import annotations

import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from dashboard.data import registry_diff
from etl.larcentrum import registry
from etl.larcentrum.registry import RegistryError, read_rows, validate

HEADER = ["name", "kommun_code", "latitude", "longitude", "location_precision", "source"]


def _xlsx(path: Path, rows: list[str], shared: list[str], dimension: str | None = None) -> Path:
    """A minimal workbook written by hand: `rows` are `<row>` elements of sheet1."""
    strings = "".join(f"<si><t>{s}</t></si>" for s in shared)
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/sharedStrings.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{strings}</sst>"
        ),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{dim}<sheetData>{''.join(rows)}</sheetData></worksheet>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _header_row() -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(HEADER)
    )
    return f'<row r="1">{cells}</row>'


def _shared_string_bomb(path: Path, chars: int, cells: int) -> Path:
    """One shared string of `chars` characters, used as the name of `cells` rows."""
    rows = [_header_row()] + [
        f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(2, cells + 2)
    ]
    return _xlsx(path, rows, ["A" * chars])


# --- 2. a small upload that pins a core -------------------------------------------------------


def test_a_huge_shared_string_is_refused_quickly(tmp_path: Path) -> None:
    path = _shared_string_bomb(tmp_path / "bomb.xlsx", chars=5_000_000, cells=2_000)
    assert path.stat().st_size < 200_000
    started = time.monotonic()
    with pytest.raises(RegistryError, match="name is 5,000,000 characters long") as caught:
        validate(path, {})
    assert time.monotonic() - started < 10
    assert all("\n" not in p and len(p) < 300 for p in caught.value.problems)


def test_the_parse_is_stopped_at_its_memory_cap(tmp_path: Path) -> None:
    path = _shared_string_bomb(tmp_path / "bomb.xlsx", chars=20_000_000, cells=3)
    with pytest.raises(RegistryError, match="needed more than 8 MB"):
        read_rows(path, memory_bytes=8 * 1024**2)


def test_a_cell_at_column_xfd_is_refused_before_padding(tmp_path: Path) -> None:
    rows = [_header_row()] + [
        f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
        for n in range(2, 5_003)
    ]
    with pytest.raises(RegistryError, match="uses column XFD"):
        read_rows(_xlsx(tmp_path / "wide.xlsx", rows, []))


def test_a_declared_extent_beyond_a_list_is_refused_unread(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "declared.xlsx", [_header_row()], [], dimension="A1:XFD1048576")
    with pytest.raises(RegistryError, match="column XFD"):
        read_rows(path)
    path = _xlsx(tmp_path / "tall.xlsx", [_header_row()], [], dimension="A1:F1048576")
    with pytest.raises(RegistryError, match="declares 1,048,576 rows"):
        read_rows(path)


def test_a_wide_csv_row_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(HEADER) + "\n" + "," * 20_000 + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="20,001 columns"):
        read_rows(path)


def _spawned(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def recording(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        process = real(*args, **kwargs)  # type: ignore[call-overload]
        started.append(process)
        return process

    monkeypatch.setattr(subprocess, "Popen", recording)  # as etl.workers starts the worker
    return started


def test_the_parse_worker_is_killed_at_the_wall_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _spawned(monkeypatch)
    path = tmp_path / "list.csv"
    path.write_text(",".join(HEADER) + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"took longer than 0\.01 s"):
        read_rows(path, seconds=0.01)
    assert len(started) == 1 and started[0].poll() is not None


class VisitorLeft(Exception):
    """What Streamlit raises in the page's script thread when the tab closes or reruns."""


def test_a_visitor_who_leaves_stops_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _spawned(monkeypatch)
    path = _shared_string_bomb(tmp_path / "bomb.xlsx", chars=1_000, cells=10)

    def leave() -> None:
        raise VisitorLeft

    with pytest.raises(VisitorLeft):
        registry_diff.checked_upload(path.read_bytes(), ".xlsx", {}, on_wait=leave)
    assert len(started) == 1 and started[0].poll() is not None


def test_a_checked_upload_is_not_parsed_again_on_a_rerun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _spawned(monkeypatch)
    data = (",".join(HEADER) + "\n=cmd,0480,58.75,17.0,locality,x\n").encode()
    for _ in range(2):
        with pytest.raises(RegistryError, match="spreadsheets run as a formula"):
            registry_diff.checked_upload(data, ".csv", {})
    assert len(started) == 1


def test_a_file_that_is_not_a_file_is_read_bounded(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="larger than 5 MB"):
        read_rows(Path("/dev/zero"))


# --- 5. the import's formula check ------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["＝1+1", "\u200b=1+1", "\ufeff=1+1", "\u2060@SUM(A1)", "|calc", "｜calc", " +1"]
)
def test_the_formula_check_sees_through_width_and_invisible_characters(name: str) -> None:
    problems = registry._text_problems({"name": name})
    assert any("spreadsheets run as a formula" in p for p in problems), problems


def test_the_formula_check_in_a_real_import(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(",".join(HEADER) + "\n＝1+1,0480,58.75,17.0,locality,x\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="line 2: name starts with"):
        validate(path, {})
