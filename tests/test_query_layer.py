"""The dashboard's query layer: read-only access, and caches that follow the data version."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from dashboard.data import db, places, queries
from etl.config import load_settings
from etl.larcentrum.importer import import_list

ROOT = Path(__file__).resolve().parent.parent


def test_dashboard_connections_cannot_write(db_path: Path) -> None:
    with pytest.raises(duckdb.Error, match="read-only"):
        db.query(db_path, "DELETE FROM region")
    assert db.query(db_path, "SELECT count(*) AS n FROM region")["n"][0] == 312


def test_a_rebuilt_database_shows_without_restart(
    db_path: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "db.duckdb"
    shutil.copy(db_path, copy)
    shutil.copy(ROOT / "data" / "larcentrum.csv", tmp_path / "larcentrum.csv")
    monkeypatch.setenv("UTB_DB_PATH", str(copy))
    before = places.larcentrum()
    assert before.filter(pl.col("origin") == "list").height == 13
    assert places.larcentrum().height == before.height  # cached, same version
    new_list = tmp_path / "new.csv"
    new_list.write_text(
        "name,kommun_code,latitude,longitude,location_precision,source\n"
        "Lärcentrum Flen,0482,59.06,16.59,locality,test\n",
        encoding="utf-8",
    )
    settings = load_settings(
        db_path=copy,
        data_dir=data_dir,
        larcentrum_path=tmp_path / "larcentrum.csv",
        raw_dir=tmp_path / "raw",
    )
    import_list(settings, new_list, quiet=True)
    after = places.larcentrum()
    assert after.filter(pl.col("origin") == "list")["name"].to_list() == ["Lärcentrum Flen"]


def test_parameters_are_bound_not_pasted(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    hostile = "04' OR '1'='1"
    assert queries.region_measures(hostile, "25-64", "post_secondary").height == 0
    with pytest.raises(ValueError, match="unknown measure"):
        queries.peers(2019, "25-64", "x; DROP TABLE region", "county")


@pytest.mark.parametrize(("years", "shown"), [([2025], True), ([2019, 2024], False)])
def test_noise_notice_follows_the_year_the_build_records(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, years: list[int], shown: bool
) -> None:
    from dashboard.model.common import noise_notes

    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    notes = noise_notes(years, "sv")
    assert bool(notes) is shown
    if shown:
        assert "Från referensår 2025 lägger SCB till" in notes[0]
