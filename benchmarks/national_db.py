"""Builds a national-scale database for the benchmarks: a full refresh from the test fake server.

The fake answers every year with SCB's real 2019 counts (the only year of 10-year-group data
on file), so the file has the size and shape of a real national pull (all years × all age
groups, ~1.6 million fact rows) without inventing numbers. It is a benchmark fixture only.

    uv run python benchmarks/national_db.py OUT.duckdb
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.config import load_settings
from etl.scb.refresh import refresh
from etl.scb.transport import RetryPolicy
from tests.fake_pxweb import FakePxWeb


def build_national(out: Path) -> float:
    """Refresh every year from the fake server into `out`; returns seconds taken."""
    data_dir = load_settings().data_dir
    if data_dir is None:
        raise SystemExit("needs the offline SCB files (UTB_DATA_DIR) to serve the fake API")
    fake = FakePxWeb(data_dir)
    url = fake.start()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as raw:
            settings = load_settings(
                db_path=out, raw_dir=Path(raw), scb_base_url=url, data_dir=Path(raw) / "none"
            )
            refresh(settings, full=True, quiet=True, policy=RetryPolicy(3, 0.05, 0.2))
    finally:
        fake.stop()
    return time.perf_counter() - started


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/national.duckdb")
    print(f"Built {target} in {build_national(target):.1f} s")
