"""A real refresh against SCB: opt-in with `-m live` (needs network access to SCB).

Deselected by default; the test header says so.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.config import load_settings
from etl.scb.refresh import refresh

pytestmark = pytest.mark.live


def test_live_refresh_of_tab3981(tmp_path: Path) -> None:
    settings = load_settings(
        db_path=tmp_path / "live.duckdb",
        raw_dir=tmp_path / "raw",
        data_dir=tmp_path / "no-offline-data",
    )
    report = refresh(settings)
    assert report.status == "refreshed" and report.data_requests >= 11
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        first, last = con.execute(
            "SELECT min(year), max(year) FROM population_education"
        ).fetchone() or (0, 0)
        assert first == 1985 and last >= 2025
        gap = con.execute(
            "SELECT gap_pp, country_gap_pp FROM gender_gap WHERE region_code = '04' "
            "AND age_group = '25-64' AND year = 2024"
        ).fetchone()
    assert gap is not None and 10 < gap[0] < 25 and 8 < gap[1] < 20
    assert refresh(settings).status == "up to date"
