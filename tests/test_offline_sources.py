"""The importer on the real SCB files, and its refusals of bad ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from etl.errors import SourceError
from etl.sources.offline import load_catalogue, read_offline_sources, require_data_dir
from etl.sources.pxweb_v1_json import read_v1_education_json
from etl.sources.region_codes import municipality_codes_by_name, read_region_codes
from etl.sources.utbbefregionr_csv import read_utbbefregionr_csv


def test_region_codes_hold_riket_21_counties_and_290_municipalities(data_dir: Path) -> None:
    regions = read_region_codes(data_dir / load_catalogue()["region_codes"]["path"])
    counts = dict(regions.group_by("region_level").len().iter_rows())
    assert counts == {"country": 1, "county": 21, "municipality": 290}
    strangnas = regions.filter(pl.col("region_code") == "0486").row(0, named=True)
    assert strangnas == {
        "region_code": "0486",
        "region_name": "Strängnäs",
        "region_level": "municipality",
        "county_code": "04",
    }


def test_real_files_load_with_expected_row_counts(data_dir: Path) -> None:
    _regions, codes_record, batches = read_offline_sources(data_dir)
    by_id = {b.record.source_id: b for b in batches}
    tab3981 = by_id["offline:tab3981_2018_2022"]
    # 290 kommuner × 8 levels × 2 sexes × 5 years, ages 16-74
    assert tab3981.facts.height == 23_200
    assert sorted(tab3981.facts["year"].unique()) == [2018, 2019, 2020, 2021, 2022]
    assert tab3981.record.scb_updated is not None and tab3981.record.scb_updated.year == 2024
    # 290 × 8 × 2 × six 10-year groups 16-24 … 65-74 (75+ is outside TAB3981's scope)
    utb = by_id["offline:utbbefregionr_2019"]
    assert utb.facts.height == 23_200 // 5 * 6
    assert set(utb.facts["age_group"]) == {"16-24", "25-34", "35-44", "45-54", "55-64", "65-74"}
    meta = by_id["offline:tab3981_metadata"]
    assert (
        meta.record.scb_updated is not None
        and meta.record.scb_updated.date().isoformat() == "2026-04-27"
    )
    assert any("Tidsseriebrott 2000" in n.text for n in meta.notes)
    assert codes_record.sha256 and len(codes_record.sha256) == 64


def test_2019_ages_16_74_agree_cell_by_cell_across_both_tables(data_dir: Path) -> None:
    _, _, batches = read_offline_sources(data_dir)
    by_id = {b.record.source_id: b.facts for b in batches}
    keys = ["region_code", "sex", "level_code"]
    tab = by_id["offline:tab3981_2018_2022"].filter(pl.col("year") == 2019).select(*keys, "persons")
    summed = by_id["offline:utbbefregionr_2019"].group_by(keys).agg(pl.col("persons").sum())
    joined = tab.join(summed, on=keys, suffix="_groups")
    assert joined.height == 4_640
    assert (joined["persons"] == joined["persons_groups"]).all()
    assert tab["persons"].sum() == 7_410_920


def test_missing_data_dir_names_where_it_looked() -> None:
    with pytest.raises(SourceError, match=r"looked in: /nowhere.*python -m etl refresh"):
        require_data_dir(None, [Path("/nowhere")])


def test_changed_file_is_refused_because_provenance_would_be_wrong(
    data_dir: Path, tmp_path: Path
) -> None:
    shutil.copytree(data_dir, tmp_path / "raw")
    target = tmp_path / "raw" / load_catalogue()["tab3981_2018_2022"]["path"]
    target.chmod(0o644)
    target.write_text(
        target.read_text(encoding="utf-8").replace('"617"', '"618"', 1), encoding="utf-8"
    )
    with pytest.raises(SourceError, match="content differs from the documented file"):
        read_offline_sources(tmp_path / "raw")


def test_missing_file_is_named(data_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(data_dir, tmp_path / "raw")
    (tmp_path / "raw" / load_catalogue()["utbbefregionr_2019"]["path"]).unlink()
    with pytest.raises(SourceError, match=r"SCB_utbildningsniva\.csv: missing"):
        read_offline_sources(tmp_path / "raw")


@pytest.fixture
def municipality_codes(data_dir: Path) -> dict[str, str]:
    return municipality_codes_by_name(
        read_region_codes(data_dir / load_catalogue()["region_codes"]["path"])
    )


def _csv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "utb.csv"
    header = '"region","utbildningsnivå","ålder","kön","X2019"'
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_unknown_kommun_name_is_an_error_with_its_line(
    tmp_path: Path, municipality_codes: dict[str, str]
) -> None:
    path = _csv(
        tmp_path,
        '"Strängnäs","forskarutbildning","25-34 år","män",12',
        '"Strängnäsby","forskarutbildning","25-34 år","män",3',
    )
    with pytest.raises(
        SourceError, match=r"line 3: kommun 'Strängnäsby' is not in SCB's code list"
    ):
        read_utbbefregionr_csv(path, municipality_codes)


def test_non_integer_count_and_unknown_level_are_errors(
    tmp_path: Path, municipality_codes: dict[str, str]
) -> None:
    path = _csv(tmp_path, '"Strängnäs","doktorsexamen","25-34 år","män",1.5')
    with pytest.raises(
        SourceError, match=r"line 2: unknown education level 'doktorsexamen'; count '1.5'"
    ):
        read_utbbefregionr_csv(path, municipality_codes)


def test_csv_keeps_ages_in_scope_and_maps_labels(
    tmp_path: Path, municipality_codes: dict[str, str]
) -> None:
    path = _csv(
        tmp_path,
        '"Strängnäs","forskarutbildning","25-34 år","kvinnor",12',
        '"Strängnäs","forskarutbildning","75-84 år","kvinnor",4',
    )
    facts = read_utbbefregionr_csv(path, municipality_codes)
    assert facts.rows() == [(2019, "0486", "25-34", "women", "7", 12)]


def test_v1_json_refuses_missing_values_and_wrong_dimensions(tmp_path: Path) -> None:
    path = tmp_path / "v1.json"
    columns = (
        '[{"code":"Region","type":"d"},{"code":"UtbildningsNiva","type":"d"},'
        '{"code":"Kon","type":"d"},{"code":"Tid","type":"t"},{"code":"Befolkning","type":"c"}]'
    )
    path.write_text(
        '{"columns":' + columns + ',"data":[{"key":["0486","7","2","2019"],"values":[".."]}]}'
    )
    with pytest.raises(SourceError, match=r"data\[0\] has count '\.\.'"):
        read_v1_education_json(path, "x")
    path.write_text('{"columns":[{"code":"Region","type":"d"}],"data":[]}')
    with pytest.raises(
        SourceError, match=r"dimensions \['UtbildningsNiva', 'Kon', 'Tid'\] missing"
    ):
        read_v1_education_json(path, "x")
    path.write_text('{"columns": [')
    with pytest.raises(SourceError, match="not readable PxWeb v1 JSON"):
        read_v1_education_json(path, "x")
