"""Failures say what happened and recover (issue 28): a damaged or foreign database file is set
aside and rebuilt by the usual command, `etl status` explains it, a full or read-only disk gets
a sentence naming the folder, and "locked" is said only of a real lock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard.data.db_errors import kind_of
from etl.damaged import state_of
from tests.helpers import write_lock_held_elsewhere

ROOT = Path(__file__).resolve().parent.parent


def _etl(db: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", "--db", str(db), "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _flipped(db_path: Path, target: Path) -> Path:
    """A copy with a block overwritten: DuckDB's checksum error says "in block at …"."""
    data = bytearray(db_path.read_bytes())
    data[4096:4120] = b"A" * 24
    target.write_bytes(bytes(data))
    return target


def test_a_bad_checksum_is_damage_not_a_lock(db_path: Path, tmp_path: Path) -> None:
    broken = _flipped(db_path, tmp_path / "broken.duckdb")
    with pytest.raises(duckdb.Error) as caught:
        duckdb.connect(str(broken), read_only=True).execute("SELECT 1 FROM build_info")
    assert "block" in str(caught.value)
    assert kind_of(caught.value) == "damaged"
    assert state_of(broken).kind == "damaged"


def test_only_a_real_lock_conflict_is_locked(db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db_path.read_bytes())
    with write_lock_held_elsewhere(copy):
        with pytest.raises(duckdb.Error) as caught:
            duckdb.connect(str(copy), read_only=True)
        assert kind_of(caught.value) == "locked"
        assert state_of(copy).kind == "locked"


@pytest.mark.parametrize(
    ("content", "kind"),
    [(b"x\n", "damaged"), (b"\0" * 300_000, "damaged"), (None, "foreign")],
)
def test_every_kind_of_unusable_file_is_named(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "db.duckdb"
    if content is None:
        duckdb.connect(str(path)).execute("CREATE TABLE someone_elses AS SELECT 1").close()
    else:
        path.write_bytes(content)
    assert state_of(path).kind == kind


def test_a_damaged_file_is_set_aside_and_the_usual_command_serves_again(
    db_path: Path, data_dir: Path, tmp_path: Path
) -> None:
    live = _flipped(db_path, tmp_path / "utbildningslaget.duckdb")
    damaged = live.read_bytes()
    status = _etl(live, data_dir, "status")
    assert status.returncode == 1 and "Traceback" not in status.stderr + status.stdout
    assert "cannot be used: it is not a readable DuckDB database" in status.stdout
    done = _etl(live, data_dir, "ensure")
    assert done.returncode == 0, done.stderr[-800:]
    (kept,) = tmp_path.glob("utbildningslaget.duckdb.damaged-*")
    assert kept.read_bytes() == damaged  # kept, not deleted
    assert f"it was kept as {kept.name}" in done.stderr
    assert state_of(live).kind == "ours"
    assert _etl(live, data_dir, "status").returncode == 0


def test_ensure_names_cause_and_fix_of_a_lock_without_pid_or_path(
    db_path: Path, data_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db_path.read_bytes())
    with write_lock_held_elsewhere(copy):
        done = _etl(copy, data_dir, "ensure")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "open for writing in another program" in done.stderr
    assert "read-only" in done.stderr and "PID" not in done.stderr
    assert str(tmp_path) not in done.stderr


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A read-only and a 2 MB folder, each a small tmpfs of its own (the test runs as root)."""
    read_only, full = tmp_path / "ro", tmp_path / "full"
    read_only.mkdir()
    full.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", read_only], check=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", full], check=True)
    try:
        yield read_only, full
    finally:
        subprocess.run(["umount", read_only, full], check=False)


def test_a_read_only_or_full_disk_is_a_sentence_naming_the_folder(
    data_dir: Path, tmpfs: tuple[Path, Path]
) -> None:
    read_only, full = tmpfs
    done = _etl(read_only / "u.duckdb", data_dir, "build", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"Cannot write in {read_only}: the folder is read-only" in done.stderr
    done = _etl(full / "u.duckdb", data_dir, "build", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"The disk holding {full} is full" in done.stderr
    assert not (full / "u.duckdb").exists()


def test_the_dashboard_names_a_damaged_file_and_the_command_that_recovers_it(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    broken = _flipped(db_path, tmp_path / "broken.duckdb")
    monkeypatch.setenv("UTB_DB_PATH", str(broken))
    app = AppTest.from_file(str(ROOT / "dashboard" / "streamlit_app.py"), default_timeout=60).run()
    assert not app.exception
    (message,) = [e.value for e in app.error]
    assert message.startswith("Databasfilen är skadad") and "`make run`" in message
    assert "låst" not in message and str(tmp_path) not in message
