"""The lärcentrum registry: shipped list, validation on import, distances, the attainment join."""

from __future__ import annotations

import hashlib
import math
import shutil
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from etl.config import Settings, load_settings
from etl.larcentrum.importer import import_list
from etl.larcentrum.registry import RegistryError, validate
from etl.sources.geography import municipality_shapes

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "larcentrum.csv"
HEADER = (
    "name,kommun_code,locality,latitude,longitude,location_precision,website,source,verified_date"
)
# Mid Sweden University's agreement kommuner: Jämtland, Västernorrland and Hälsingland without
# the two campus towns Östersund and Sundsvall (see README)
RUN_KOMMUNER = {
    "2303",
    "2305",
    "2309",
    "2313",
    "2321",
    "2326",
    "2361",
    "2260",
    "2262",
    "2280",
    "2282",
    "2283",
    "2284",
    "2121",
    "2132",
    "2161",
    "2182",
    "2183",
    "2184",
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Independent reference for the SQL macro."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def con(db_path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path), read_only=True)


# --- the shipped list -------------------------------------------------------------------------


def test_shipped_list_is_in_the_database_with_sources(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT name, kommun_code, location_precision, source FROM larcentrum WHERE origin = 'list'"
    ).fetchall()
    assert len(rows) == 13 and all(r[3] for r in rows)
    assert ("Kalix UniverCity", "2514", "locality") in [r[:3] for r in rows]
    # no invented placeholders: every list row is a named centre at its town
    assert {r[2] for r in rows} == {"locality"}
    assert not [r for r in rows if r[1] in RUN_KOMMUNER and r[0] == f"Lärcentrum {r[1]}"]


def test_municipality_precision_rows_sit_on_the_representative_point(
    con: duckdb.DuckDBPyConnection,
) -> None:
    off = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE l.latitude <> p.latitude OR l.longitude <> p.longitude) "
        "FROM larcentrum AS l JOIN municipality_point AS p ON p.region_code = l.kommun_code "
        "WHERE l.location_precision = 'municipality'"
    ).fetchone()
    assert off is not None and off[0] > 0 and off[1] == 0


# --- distances --------------------------------------------------------------------------------


def test_great_circle_golden_distances(con: duckdb.DuckDBPyConnection) -> None:
    one_degree = con.execute("SELECT great_circle_km(58, 16, 59, 16)").fetchone()
    assert one_degree is not None and one_degree[0] == pytest.approx(111.195, abs=0.001)
    stockholm_goteborg = con.execute(
        "SELECT great_circle_km(59.3293, 18.0686, 57.7089, 11.9746)"
    ).fetchone()
    quarter_meridian = con.execute("SELECT great_circle_km(0, 0, 90, 0)").fetchone()
    assert quarter_meridian is not None and quarter_meridian[0] == pytest.approx(
        10_007.557, abs=0.001
    )
    assert stockholm_goteborg is not None and stockholm_goteborg[0] == pytest.approx(
        haversine_km(59.3293, 18.0686, 57.7089, 11.9746), abs=1e-9
    )


def test_municipality_access(con: duckdb.DuckDBPyConnection) -> None:
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT region_code, has_larcentrum, larcentrum_count, nearest_larcentrum, distance_km_to_nearest "
            "FROM municipality_access"
        ).fetchall()
    }
    assert len(rows) == 290
    assert rows["0483"] == (True, 1, "Campus Katrineholm / Viadidakt lärcentrum", 0.0)
    # Oxelösund has none: the nearest is Campus Nyköping, from Oxelösund's representative point
    point = con.execute(
        "SELECT latitude, longitude FROM municipality_point WHERE region_code = '0481'"
    ).fetchone()
    centres = con.execute("SELECT name, latitude, longitude FROM larcentrum").fetchall()
    assert point is not None
    expected = min((haversine_km(point[0], point[1], lat, lon), name) for name, lat, lon in centres)
    has, count, nearest, km = rows["0481"]
    assert (has, count, nearest) == (False, 0, expected[1]) and km == pytest.approx(
        expected[0], abs=1e-9
    )
    (with_centre,) = con.execute(
        "SELECT count(DISTINCT kommun_code) FROM larcentrum"
    ).fetchone() or (0,)
    assert sum(1 for r in rows.values() if r[0]) == with_centre


def test_below_riket_and_no_centre_within_30_km_in_sormland(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("""
        SELECT region_name, post_secondary_share, country_share, distance_km_to_nearest
        FROM access_vs_attainment
        WHERE county_code = '04' AND below_country AND distance_km_to_nearest > 30
        ORDER BY region_name""").fetchall()
    assert [r[0] for r in rows] == ["Flen", "Gnesta", "Strängnäs"]
    assert all(share < country and km > 30 for _, share, country, km in rows)
    top = con.execute(
        "SELECT region_name, below_country, year FROM access_vs_attainment WHERE county_code = '04' "
        "ORDER BY post_secondary_share DESC LIMIT 1"
    ).fetchone()
    assert top == ("Strängnäs", True, 2019)  # highest in the county, still below riket


# --- validation on import ---------------------------------------------------------------------


def _write(
    tmp_path: Path, lines: list[str], encoding: str = "utf-8", name: str = "list.csv"
) -> Path:
    path = tmp_path / name
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path


GOOD = "Lärcentrum Flen,0482,Flen,59.06,16.59,locality,https://example.se,Regionens lista 2026,2026-11-01"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "X,9999,,59.06,16.59,locality,,s,",
            "line 2: kommun code '9999' is not one of Sweden's 290 kommuner",
        ),
        ("X,0482,,40.0,16.59,locality,,s,", "line 2: coordinates 40.0, 16.59 are outside Sweden"),
        (
            "X,0482,,65.85,23.15,locality,,s,",
            "line 2: coordinates 65.85, 23.15 are outside kommun 0482",
        ),
        ("X,0482,,59.06,16.59,approx,,s,", "line 2: location_precision 'approx' must be one of"),
        ("X,0482,,59.06,16.59,locality,,,", "line 2: source is empty"),
        (
            "X,0482,,north,16.59,locality,,s,",
            "line 2: latitude/longitude 'north', '16.59' are not numbers",
        ),
        (
            "X,0482,,59.06,16.59,locality,www.x.se,s,",
            "line 2: website 'www.x.se' must start with http",
        ),
        (
            "X,0482,,59.06,16.59,locality,,s,1/11/2026",
            "line 2: verified_date '1/11/2026' is not a date",
        ),
    ],
)
def test_each_bad_value_is_named_with_its_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        validate(_write(tmp_path, [HEADER, line]), municipality_shapes())
    assert any(p.startswith(message) for p in caught.value.problems), caught.value.problems


def test_duplicates_and_every_problem_at_once(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            HEADER,
            GOOD,
            "Y,0482,,40,16,locality,,s,",
            GOOD.replace("Lärcentrum Flen", "lärcentrum flen"),
        ],
    )
    with pytest.raises(RegistryError) as caught:
        validate(path, municipality_shapes())
    assert caught.value.problems == [
        "line 3: coordinates 40.0, 16.0 are outside Sweden (latitude first, then longitude)",
        "line 4: duplicate of line 2 (same name and kommun)",
    ]
    assert "nothing was loaded" in str(caught.value)


def test_missing_columns(tmp_path: Path) -> None:
    with pytest.raises(
        RegistryError, match=r"line 1: missing required column\(s\) latitude, longitude"
    ):
        validate(
            _write(tmp_path, ["name,kommun_code,location_precision,source", "X,0482,locality,s"]),
            municipality_shapes(),
        )


def test_unreadable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(HEADER.encode() + b"\nX\x81\xff,0482,,59.06,16.59,locality,,s,\n")
    with pytest.raises(RegistryError, match="unreadable text encoding"):
        validate(path, municipality_shapes())


@pytest.mark.parametrize(
    ("encoding", "separator"),
    [
        ("utf-8", ","),
        ("utf-8-sig", ","),
        ("cp1252", ";"),
        ("utf-8-sig", ";"),
    ],
)
def test_accepted_encodings_and_separators(tmp_path: Path, encoding: str, separator: str) -> None:
    lines = [HEADER.replace(",", separator), GOOD.replace(",", separator)]
    if separator == ";":  # Swedish Excel also writes decimal commas
        lines[1] = lines[1].replace("59.06", "59,06").replace("16.59", "16,59")
    frame = validate(_write(tmp_path, lines, encoding), municipality_shapes())
    assert frame.row(0) == (
        "Lärcentrum Flen",
        "0482",
        "Flen",
        59.06,
        16.59,
        "locality",
        "https://example.se",
        "Regionens lista 2026",
        frame["verified_date"][0],
    )
    assert str(frame["verified_date"][0]) == "2026-11-01"


def test_xlsx_with_excel_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(
        ["Ekenäs lärcenter / Carlsund", 583, "Motala", 58.54, 15.04, "locality", None, "s", None]
    )
    sheet.append(["Dubbel", 583, "Motala", 58.54, 15.04, "locality", None, "s", None])
    sheet.append(["Dubbel", 583, "Motala", 58.54, 15.04, "locality", None, "s", None])
    book.save(tmp_path / "list.xlsx")
    with pytest.raises(RegistryError) as caught:
        validate(tmp_path / "list.xlsx", municipality_shapes())
    assert caught.value.problems == ["line 4: duplicate of line 3 (same name and kommun)"]


# --- the import command -----------------------------------------------------------------------


@pytest.fixture
def installed(tmp_path: Path, db_path: Path, data_dir: Path) -> Settings:
    shutil.copy(db_path, tmp_path / "db.duckdb")
    shutil.copy(SHIPPED, tmp_path / "larcentrum.csv")
    return load_settings(
        db_path=tmp_path / "db.duckdb",
        larcentrum_path=tmp_path / "larcentrum.csv",
        data_dir=data_dir,
        raw_dir=tmp_path / "raw",
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_good_import_replaces_list_and_database(installed: Settings, tmp_path: Path) -> None:
    report = import_list(
        installed,
        _write(tmp_path, [HEADER.replace(",", ";"), GOOD.replace(",", ";")], "cp1252", "new.csv"),
        quiet=True,
    )
    assert (report.centres, report.kommuner) == (1, 1)
    with duckdb.connect(str(installed.db_path), read_only=True) as con:
        assert con.execute(
            "SELECT name, kommun_code FROM larcentrum WHERE origin = 'list'"
        ).fetchall() == [("Lärcentrum Flen", "0482")]
        # the evidence from public pages stays, whatever the list holds
        assert con.execute(
            "SELECT count(*) FROM larcentrum WHERE origin = 'evidence'"
        ).fetchone() == (76,)  # every named evidence row, none folded into the one list row
        flen = con.execute(
            "SELECT distance_km_to_nearest FROM municipality_access WHERE region_code = '0482'"
        )
        assert flen.fetchone() == (0.0,)
        # the list the database was built from is a source, with the sha256 of the file the
        # list has become (the normalised copy, not the uploaded one)
        recorded = con.execute(
            "SELECT sha256 FROM source WHERE source_id = 'registry:larcentrum_list'"
        ).fetchall()
    saved = installed.larcentrum_path.read_text(encoding="utf-8")
    assert saved.splitlines()[0] == HEADER and "Lärcentrum Flen,0482" in saved
    assert recorded == [(_digest(installed.larcentrum_path),)]
    assert not list(installed.larcentrum_path.parent.glob(".*.tmp"))


def test_bad_import_changes_nothing(installed: Settings, tmp_path: Path) -> None:
    before = (_digest(installed.db_path), _digest(installed.larcentrum_path))
    with pytest.raises(RegistryError):
        import_list(
            installed, _write(tmp_path, [HEADER, GOOD, "X,9999,,59,16,locality,,s,"]), quiet=True
        )
    assert (_digest(installed.db_path), _digest(installed.larcentrum_path)) == before


# --- hostile files: every problem named with its line, nothing half-read ----------------------


def test_a_stale_xlsx_dimension_cannot_hide_rows(tmp_path: Path) -> None:
    """openpyxl's read-only mode trusts <dimension>; a workbook that understates it lost rows."""
    import zipfile

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    for name in ("A", "B", "C"):
        sheet.append(
            [f"Lärcentrum {name}", "0482", "Flen", 59.06, 16.59, "locality", None, "s", None]
        )
    book.save(tmp_path / "full.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "full.xlsx") as source,
        zipfile.ZipFile(tmp_path / "stale.xlsx", "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:I4"/>' in data
                data = data.replace(b'<dimension ref="A1:I4"/>', b'<dimension ref="A1:I2"/>')
            target.writestr(item, data)
    frame = validate(tmp_path / "stale.xlsx", municipality_shapes())
    assert frame["name"].to_list() == ["Lärcentrum A", "Lärcentrum B", "Lärcentrum C"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '=HYPERLINK("https://evil.example";"x"),0482,,59.06,16.59,locality,,s,',
            "line 2: name starts with '='",
        ),
        ("+cmd|' /C calc'!A0,0482,,59.06,16.59,locality,,s,", "line 2: name starts with '+'"),
        ("@SUM(1),0482,,59.06,16.59,locality,,s,", "line 2: name starts with '@'"),
        ("X,0482,,59.06,16.59,locality,,=1+1,", "line 2: source starts with '='"),
        ("N" * 300 + ",0482,,59.06,16.59,locality,,s,", "line 2: name is 300 characters long"),
        ("A\tB,0482,,59.06,16.59,locality,,s,", "line 2: name contains control characters"),
    ],
)
def test_formulas_long_fields_and_control_characters_are_refused(
    tmp_path: Path, line: str, message: str
) -> None:
    with pytest.raises(RegistryError) as caught:
        validate(_write(tmp_path, [HEADER, line]), municipality_shapes())
    assert any(p.startswith(message) for p in caught.value.problems), caught.value.problems


def test_a_field_over_the_csv_limit_is_a_line_not_a_traceback(tmp_path: Path) -> None:
    path = _write(tmp_path, [HEADER, GOOD, f'"{"x" * 1_000_000}",0482,,59.06,16.59,locality,,s,'])
    with pytest.raises(RegistryError, match=r"line \d+: not readable as CSV \(field larger"):
        validate(path, municipality_shapes())


def test_nul_bytes_are_refused_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(f"{HEADER}\n{GOOD}\nX\x00,0482,,59.06,16.59,locality,,s,\n".encode())
    with pytest.raises(RegistryError) as caught:
        validate(path, municipality_shapes())
    assert caught.value.problems == ["line 3: contains a NUL byte (0x00), which text never has"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ((HEADER + "\n" + GOOD + "\n").encode("utf-16"), "the file is UTF-16 text"),
        ((HEADER + "\n" + GOOD + "\n").encode("utf-16-le"), "the file is UTF-16 text"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "this is not a text file"),
        (b"PK\x03\x04" + bytes(100), "this is not a text file"),
    ],
)
def test_the_encoding_is_named(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    with pytest.raises(RegistryError, match=message):
        validate(path, municipality_shapes())


def test_a_file_too_large_for_a_list_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_bytes(HEADER.encode() + b"\n" + (GOOD.encode() + b"\n") * 60_000)
    with pytest.raises(RegistryError, match="a lärcentrum list is at most 5 MB"):
        validate(path, municipality_shapes())
