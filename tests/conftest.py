"""Shared fixtures: the offline SCB data directory and one database built from it per run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

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


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    """The routes outside the live app (exports, embeds, profiles), with the frame guard the
    server puts before them, in-process on the test database."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware

    from dashboard.web.framing import FramingGuard
    from dashboard.web.routes import routes

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        app = Starlette(routes=routes(), middleware=[Middleware(FramingGuard)])
        with TestClient(app) as test_client:
            yield test_client


@pytest.fixture(scope="module")
def version(client: TestClient) -> str:
    """The test database's data version (its fingerprint)."""
    from dashboard.data import queries

    return str(queries.build_info()["data_fingerprint"])
