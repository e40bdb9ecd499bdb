"""Shared fixtures: the offline SCB data directory and one database built from it per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.build import build
from etl.config import Settings, load_settings


def pytest_report_header(config: pytest.Config) -> str | None:
    if "not live" in (config.getoption("markexpr") or ""):
        return "live SCB tests deselected: they need network access to SCB; run `.tools/bin/uv run pytest -m live`"
    return None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    settings = load_settings()
    if settings.data_dir is None:
        pytest.fail(
            "The offline SCB files are needed (../shared/data/raw or UTB_DATA_DIR); "
            f"looked in {settings.data_dir_candidates}"
        )
    return settings.data_dir


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Settings:
    db_path = tmp_path_factory.mktemp("db") / "utbildningslaget.duckdb"
    settings = load_settings(db_path=db_path, data_dir=data_dir)
    build(settings, quiet=True)
    return settings


@pytest.fixture(scope="session")
def db_path(built_settings: Settings) -> Path:
    return built_settings.db_path
