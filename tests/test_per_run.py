"""One page run sees one database version, looked up once; the next run sees a new file.

Twenty sessions at once made the system calls behind "which database, which version?" most of
a burst's time (`dashboard.data.per_run`); these tests keep the remembered answers correct."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from dashboard.data import db, per_run, queries
from dashboard.model import regions


def _install_over(target: Path, source: Path) -> None:
    """A new file renamed over the old one, as a refresh installs it (new inode)."""
    staged = target.with_suffix(".new")
    shutil.copy(source, staged)
    os.replace(staged, target)


def test_a_run_keeps_its_version_and_the_next_run_sees_the_new_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copy(db_path, live)
    monkeypatch.setenv("UTB_DB_PATH", str(live))
    with per_run.one_run():
        first = queries.database()
        _install_over(live, db_path)
        assert queries.database() == first  # mid-run: the version the run started with
    with per_run.one_run():
        second = queries.database()
    assert second[0] == first[0] and second[1] != first[1]
    assert queries.database() == second  # outside a run every call looks again


def test_a_run_remembers_the_database_path_until_it_ends(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.duckdb"
    shutil.copy(db_path, other)
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    with per_run.one_run():
        assert queries.db_path() == db_path
        monkeypatch.setenv("UTB_DB_PATH", str(other))
        assert queries.db_path() == db_path
    assert queries.db_path() == other


def test_a_missing_database_is_not_remembered_as_a_version(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    late = tmp_path / "late.duckdb"
    with per_run.one_run():
        with pytest.raises(db.DatabaseUnavailable):
            db.data_version(late)
        shutil.copy(db_path, late)
        assert db.data_version(late)  # looked up again once the file exists


def test_region_index_lists_match_the_region_table(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    with duckdb.connect(str(db_path), read_only=True) as con:
        table = con.sql("SELECT * FROM region").pl()
    kommuner = table.filter(pl.col("region_level") == "municipality")
    sormland = set(kommuner.filter(pl.col("county_code") == "04")["region_code"])
    b4 = set(kommuner.filter(pl.col("kommungrupp_code") == "B4")["region_code"])
    assert set(regions.kommuner_of_county("04")) == sormland and "0486" in sormland
    assert set(regions.kommuner_of_group("B4")) == b4 and "0486" in b4
    assert len(regions.codes_of("municipality")) == 290 and len(regions.codes_of("county")) == 21
    assert regions.all_codes()[0] == "00" and len(regions.all_codes()) == 312
    assert regions.county_of("0486") == "04" and regions.county_of("04") == "04"
    assert regions.county_of("00") is None and regions.county_of("9999") is None
    assert regions.region_label("0980", "sv") == "Gotland (kommun)"
    assert regions.region_label("09", "en") == "Gotlands län"  # the län and the kommun differ
    assert regions.region_label("0980", "en") == "Gotland (municipality)"
    assert regions.region_label("00", "en") == "Sweden"
    assert list(regions.kommungrupper())[:2] == ["A1", "A2"]
    assert regions.kommuner_of_county("99") == []
