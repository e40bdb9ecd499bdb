"""The database is replaced only by a complete, validated build; anything else keeps the old one."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from etl.atomic import LockedError, atomic_install, exclusive_lock
from etl.build import build
from etl.config import load_settings
from etl.errors import SourceError, ValidationError
from etl.sources.offline import load_catalogue
from tests.helpers import batch, cells, write_toy

ROOT = Path(__file__).resolve().parent.parent


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def installed(tmp_path: Path, db_path: Path) -> Path:
    target = tmp_path / "db" / "utbildningslaget.duckdb"
    target.parent.mkdir()
    shutil.copy(db_path, target)
    return target


def test_failed_validation_keeps_the_previous_database(installed: Path) -> None:
    before = _digest(installed)
    with pytest.raises(ValidationError), atomic_install(installed) as tmp:
        write_toy(tmp, [batch("offline:a", cells(2019, ["0480"]))])
    assert _digest(installed) == before
    assert sorted(p.name for p in installed.parent.iterdir()) == [
        installed.name,
        installed.name + ".lock",
    ]


def test_bad_source_file_keeps_the_previous_database(
    installed: Path, data_dir: Path, tmp_path: Path
) -> None:
    bad_dir = tmp_path / "raw"
    shutil.copytree(data_dir, bad_dir)
    broken = bad_dir / load_catalogue()["utbbefregionr_2019"]["path"]
    broken.chmod(0o644)
    broken.write_bytes(broken.read_bytes()[:-5000])
    before = _digest(installed)
    with pytest.raises(SourceError):
        build(load_settings(db_path=installed, data_dir=bad_dir), quiet=True)
    assert _digest(installed) == before


def test_successful_build_replaces_the_file(installed: Path, data_dir: Path) -> None:
    before = _digest(installed)
    report = build(load_settings(db_path=installed, data_dir=data_dir), quiet=True)
    assert report.fact_rows == 59_904
    assert _digest(installed) != before  # new build id, new file
    assert not list(installed.parent.glob(".*building*"))


def test_second_writer_is_refused_while_one_holds_the_lock(installed: Path) -> None:
    with (
        exclusive_lock(installed),
        pytest.raises(LockedError, match=f"pid {os.getpid()}"),
        exclusive_lock(installed),
    ):
        pass


def test_sigterm_mid_build_leaves_old_database_and_no_partial_file(
    installed: Path, data_dir: Path
) -> None:
    before = _digest(installed)
    # a child that starts a real build and is stopped while it writes
    code = (
        "import time, pathlib, etl.assemble.install as b\n"
        "def slow(path, *a, **k):\n"
        "    pathlib.Path(path).write_bytes(b'half a database')\n"
        "    print('writing', flush=True); time.sleep(60)\n"
        "b.write_database = slow\n"
        "from etl.cli import main; raise SystemExit(main(['build', '-q']))\n"
    )
    env = {**os.environ, "UTB_DB_PATH": str(installed), "UTB_DATA_DIR": str(data_dir)}
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    assert list(installed.parent.glob(".*building*"))
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 130, err
    assert "previous database was kept" in err
    assert _digest(installed) == before
    assert not list(installed.parent.glob(".*building*"))
