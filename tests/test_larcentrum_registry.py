"""The national lärcentrum registry: the evidence loaded with its sources, every kommun graded
(named centre / network / none known), coverage shown, and corrections from the regions."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest
import shapely
from streamlit.testing.v1 import AppTest

from dashboard.data import registry_diff
from etl.build import GAZETTEER_CACHE
from etl.config import PROJECT_ROOT
from etl.errors import SourceError
from etl.larcentrum.evidence import KOMMUN_FILE, NAMED_FILE, read_evidence
from etl.larcentrum.registry import validate
from etl.sources.gazetteer import swedish_localities
from etl.sources.geography import municipality_shapes, representative_points
from etl.sources.model import sha256_of
from etl.sources.offline import load_catalogue
from etl.sources.region_codes import read_region_codes
from tests.helpers import page_script

EVIDENCE = "larcentrum_evidence"


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


@pytest.fixture(scope="module")
def con(db_path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path), read_only=True)


def _read(where: Path, data_dir: Path) -> object:
    regions = read_region_codes(data_dir / load_catalogue()["region_codes"]["path"])
    return read_evidence(
        where,
        regions,
        representative_points(),
        municipality_shapes(),
        swedish_localities(GAZETTEER_CACHE),
    )


# --- the evidence import ----------------------------------------------------------------------


def test_the_evidence_loads_with_every_kommun_mapped(data_dir: Path) -> None:
    evidence = _read(data_dir / EVIDENCE, data_dir)
    centres, kommuner = evidence.centres, evidence.kommuner  # type: ignore[attr-defined]
    # 76 named rows: one names no kommun (reported, not placed), one serves two kommuner
    assert centres.height == 76
    assert evidence.unplaced == [  # type: ignore[attr-defined]
        f"{NAMED_FILE} line 71: Högskolecentrum i Bohuslän (Västra Götalands län) names no "
        "kommun; reported, not placed"
    ]
    # 81 kommun rows, one of them the claim for all eight kommuner of Jämtlands län
    assert kommuner.height == 80 + 8
    assert sorted(kommuner.filter(pl.col("evidence_type") == "regional_claim_all_kommuner")["kommun_code"]) == [
        "2303", "2305", "2309", "2313", "2321", "2326", "2361", "2380",
    ]  # fmt: skip
    ludvika = centres.filter(pl.col("name").str.contains("Samarkand"))
    assert sorted(ludvika["kommun_code"]) == ["2061", "2085"]  # Smedjebacken, Ludvika
    both = set(centres["kommun_code"]) | set(kommuner["kommun_code"])
    # the README's 93 kommuner by name, Smedjebacken of the shared centre, and the six Jämtland
    # kommuner that only the län-wide claim names
    assert len(both) == 93 + 1 + 6


def test_the_list_and_the_evidence_files_are_sources_with_their_sha256(
    con: duckdb.DuckDBPyConnection, data_dir: Path
) -> None:
    rows = dict(
        con.execute(
            "SELECT file_path, sha256 FROM source WHERE kind = 'registry_file' ORDER BY 1"
        ).fetchall()
    )
    assert rows == {
        "data/larcentrum.csv": sha256_of(PROJECT_ROOT / "data" / "larcentrum.csv"),
        **{
            f"{EVIDENCE}/{name}": sha256_of(data_dir / EVIDENCE / name)
            for name in (KOMMUN_FILE, NAMED_FILE)
        },
    }


def test_an_unmapped_kommun_is_an_error_with_its_line(data_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(data_dir / EVIDENCE, tmp_path / EVIDENCE)
    path = tmp_path / EVIDENCE / NAMED_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[6].startswith("Lärcentrum Luleå,Luleå,")
    lines[6] = lines[6].replace(",Luleå,", ",Atlantis,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"larcentra_named.csv line 7: kommun 'Atlantis' is not"):
        _read(tmp_path / EVIDENCE, data_dir)


def test_placement_is_inside_the_kommun_and_nothing_is_invented(
    con: duckdb.DuckDBPyConnection, data_dir: Path
) -> None:
    shapes = municipality_shapes()
    rows = con.execute(
        "SELECT kommun_code, latitude, longitude, location_precision, address, website "
        "FROM larcentrum WHERE origin = 'evidence'"
    ).fetchall()
    precisions = {r[3] for r in rows}
    assert precisions == {"locality", "municipality"}
    for code, lat, lon, _, _, website in rows:
        assert shapes[code].distance(shapely.Point(lon, lat)) <= 0.02
        assert website is None  # the evidence gives no websites; none is made up
    with (data_dir / EVIDENCE / NAMED_FILE).open(encoding="utf-8") as handle:
        stated = {r["address"] for r in csv.DictReader(handle) if r["address"]}
    assert {r[4] for r in rows if r[4]} <= stated
    # Örnsköldsvik's two study locations are two markers at their own villages
    filials = con.execute(
        "SELECT locality, location_precision, latitude FROM larcentrum "
        "WHERE kommun_code = '2284' AND locality IN ('Bjästa', 'Bredbyn') ORDER BY 1"
    ).fetchall()
    assert [f[:2] for f in filials] == [("Bjästa", "locality"), ("Bredbyn", "locality")]
    assert filials[0][2] != filials[1][2]


# --- grading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "grade", "year"),
    [
        ("2282", "named_centre", "2022"),  # Kramfors: Campus Kramfors, a current kommun page
        ("2309", "network", "2024"),  # Krokom: only the Jämtland län-wide claim
        ("0380", "none_known", None),  # Uppsala: nothing recorded in Uppsala län
    ],
)
def test_every_kommun_is_graded(
    con: duckdb.DuckDBPyConnection, code: str, grade: str, year: str | None
) -> None:
    row = con.execute(
        "SELECT evidence, evidence_year, evidence_source_url FROM municipality_access "
        "WHERE region_code = $c",
        {"c": code},
    ).fetchone()
    assert row is not None and row[:2] == (grade, year)
    assert (row[2] or "").startswith("https://") == (grade != "none_known")
    assert con.execute(
        "SELECT evidence FROM access_vs_attainment WHERE region_code = $c", {"c": code}
    ).fetchone() == (grade,)
    counts = dict(
        con.execute("SELECT evidence, count(*) FROM municipality_access GROUP BY 1").fetchall()
    )
    assert sum(counts.values()) == 290


# --- pages ------------------------------------------------------------------------------------


def _page(module: str, **params: str) -> AppTest:
    app = AppTest.from_string(page_script(module), default_timeout=60)
    app.query_params.update(params)
    return app.run()


def test_the_coverage_panel_equals_the_database(con: duckdb.DuckDBPyConnection) -> None:
    app = _page("registry")
    assert not app.exception
    totals = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE evidence = 'named_centre'), "
        "count(*) FILTER (WHERE evidence = 'network'), count(*) FILTER (WHERE evidence = 'none_known') "
        "FROM municipality_access"
    ).fetchone()
    assert totals is not None
    sentence = next(m.value for m in app.markdown if m.value.startswith("**Vad registret vet:**"))
    assert (
        f"av {totals[0]} kommuner har {totals[1]} ett namngivet lärcentrum och {totals[2]} bara"
        in sentence
    )
    assert f"för {totals[3]} finns ingen uppgift" in sentence and "inte känt" in sentence
    table = app.dataframe[0].value
    expected = con.execute(
        "SELECT county_name, kommuner, named_centre, network, none_known FROM larcentrum_coverage "
        "ORDER BY county_code"
    ).fetchall()
    assert [tuple(r) for r in table.itertuples(index=False)] == expected


def test_the_map_draws_centres_by_confidence_with_their_sources() -> None:
    app = _page("map", scope="municipality_in_county", county="23")
    assert not app.exception
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    traces = {t.get("name"): t for t in spec["data"] if t["type"] == "scattermap"}
    assert set(traces) == {
        "Lärcentrum, säker källa",
        "Lärcentrum, trolig källa",
        "Uppgift på kommunnivå (nätverk),<br>inget namngivet centrum",  # two lines: a phone
    }
    hovers = [h for t in traces.values() for h in t["text"]]
    assert all("Källa: https://" in h and "(år " in h for h in hovers)
    network = traces["Uppgift på kommunnivå (nätverk),<br>inget namngivet centrum"]
    assert len(network["lat"]) == 6  # Jämtland: 2 named, 6 with the län-wide claim only
    uppsala = _page("map", scope="municipality_in_county", county="03")
    sentence = next(
        m.value for m in uppsala.markdown if m.value.startswith("**Vad registret vet:**")
    )
    assert "av 8 kommuner har 0 ett namngivet lärcentrum" in sentence
    assert "för 8 finns ingen uppgift" in sentence


# --- corrections from the regions --------------------------------------------------------------


def test_a_regions_list_is_diffed_by_kommun_and_merged(tmp_path: Path, db_path: Path) -> None:
    header = "name,kommun_code,locality,latitude,longitude,location_precision,website,source,verified_date"
    upload = tmp_path / "sormland.csv"
    upload.write_text(
        "\n".join(
            [
                header,
                # moved: Campus Nyköping placed 5 km further north
                "Campus Nyköping,0480,Nyköping,58.795,17.01,locality,,Region Sörmland 2026,2026-11-01",
                # added: a centre the registry does not know
                "Lärcentrum Flen,0482,Flen,59.06,16.59,locality,,Region Sörmland 2026,2026-11-01",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    uploaded = validate(upload, municipality_shapes())
    with duckdb.connect(str(db_path), read_only=True) as con:
        registry = con.sql(
            "SELECT name, kommun_code, locality, latitude, longitude, origin FROM larcentrum"
        ).pl()
    names = {"0480": "Nyköping", "0482": "Flen", "0483": "Katrineholm"}
    changes = registry_diff.diff(registry, uploaded, names)
    assert changes.select("change", "kommun", "name").rows() == [
        ("added", "Flen", "Lärcentrum Flen"),
        ("moved", "Nyköping", "Campus Nyköping"),
    ]
    assert changes["moved_km"][1] == pytest.approx(5.0, abs=0.1)
    current = validate(
        Path(__file__).resolve().parent.parent / "data" / "larcentrum.csv", municipality_shapes()
    )
    merged = registry_diff.merged(current, uploaded)
    assert merged.height == current.height + 1
    assert merged.filter(pl.col("kommun_code") == "0480")["latitude"].to_list() == [58.795]
    assert "0483" in set(merged["kommun_code"])  # kommuner the upload does not cover are kept
