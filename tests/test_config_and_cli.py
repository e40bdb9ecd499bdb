"""Settings are documented, and the CLI reports success and failure clearly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from etl.config import ENV_VARS, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in ENV_VARS if f"`{name}`" not in readme]
    assert missing == []


def test_cli_flags_override_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(tmp_path / "env.duckdb"))
    assert load_settings().db_path == tmp_path / "env.duckdb"
    assert load_settings(db_path=tmp_path / "flag.duckdb").db_path == tmp_path / "flag.duckdb"


def _etl(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_build_without_data_says_where_it_looked(tmp_path: Path) -> None:
    result = _etl(
        "build", UTB_DATA_DIR=str(tmp_path / "nothing"), UTB_DB_PATH=str(tmp_path / "x.duckdb")
    )
    assert result.returncode == 2
    assert f"looked in: {tmp_path / 'nothing'}" in result.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_ensure_builds_once_then_status_lists_sources(tmp_path: Path, data_dir: Path) -> None:
    env = {"UTB_DATA_DIR": str(data_dir), "UTB_DB_PATH": str(tmp_path / "x.duckdb")}
    first = _etl("ensure", **env)
    assert first.returncode == 0 and "it was missing" in first.stdout
    assert "validating" in first.stderr  # step-by-step progress
    second = _etl("ensure", **env)
    assert second.returncode == 0 and second.stdout == ""
    status = _etl("status", **env)
    assert "offline:tab3981_2018_2022" in status.stdout and "2018–2022" in status.stdout
