"""Every setting of the project in one place, read from the environment.

Each setting has a documented default (see README "Configuration"); a test checks that every
variable named here is in the README, so a setting cannot exist without documentation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Environment variables and what they mean; the README documents each one.
ENV_VARS = {
    "UTB_DATA_DIR": "Folder with the offline SCB files (default: ../shared/data/raw if it exists).",
    "UTB_DB_PATH": "The DuckDB database file (default: data/utbildningslaget.duckdb).",
    "UTB_LARCENTRUM_PATH": "The lärcentrum list loaded into the database (default: data/larcentrum.csv).",
    "UTB_RAW_DIR": "Where live SCB responses are kept with their metadata (default: data/raw).",
    "UTB_SCB_BASE_URL": "PxWeb API v2 base URL (default: https://statistikdatabasen.scb.se/api/v2).",
    "UTB_SCB_LANG": "Language of SCB labels and notes, sv or en (default: sv).",
    "UTB_SCB_TIMEOUT": "Seconds before an SCB request is given up (default: 30).",
    "UTB_CHROMIUM": "Chromium used for browser tests and image export (default: /usr/bin/chromium).",
    "UTB_SERVE_PORT": "Where the production mode's nginx listens, PORT or ADDRESS:PORT (default: 8080).",
    "UTB_REPLICAS": "App processes of the production mode (default: one per core).",
    "UTB_PUBLIC_URL": "The address readers reach the dashboard at, for links in exported files (default: none; links are paths).",
}


def chromium_path() -> str:
    return os.environ.get("UTB_CHROMIUM", "/usr/bin/chromium")


DEFAULT_SCB_BASE_URL = "https://statistikdatabasen.scb.se/api/v2"


@dataclass(frozen=True)
class Settings:
    data_dir: Path | None
    db_path: Path
    raw_dir: Path
    larcentrum_path: Path
    scb_base_url: str
    scb_lang: str
    scb_timeout: float

    @property
    def data_dir_candidates(self) -> list[Path]:
        """Where the offline SCB files were looked for, for error messages."""
        explicit = os.environ.get("UTB_DATA_DIR")
        if explicit:
            return [Path(explicit)]
        return [PROJECT_ROOT.parent / "shared" / "data" / "raw"]


def _default_data_dir() -> Path | None:
    explicit = os.environ.get("UTB_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser().resolve()
    beside = PROJECT_ROOT.parent / "shared" / "data" / "raw"
    return beside if beside.is_dir() else None


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment; keyword overrides (from CLI flags) win."""
    env = os.environ
    values: dict[str, object] = {
        "data_dir": _default_data_dir(),
        "db_path": Path(env.get("UTB_DB_PATH", PROJECT_ROOT / "data" / "utbildningslaget.duckdb")),
        "raw_dir": Path(env.get("UTB_RAW_DIR", PROJECT_ROOT / "data" / "raw")),
        "larcentrum_path": Path(
            env.get("UTB_LARCENTRUM_PATH", PROJECT_ROOT / "data" / "larcentrum.csv")
        ),
        "scb_base_url": env.get("UTB_SCB_BASE_URL", DEFAULT_SCB_BASE_URL).rstrip("/"),
        "scb_lang": env.get("UTB_SCB_LANG", "sv"),
        "scb_timeout": float(env.get("UTB_SCB_TIMEOUT", "30")),
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key in ("data_dir", "db_path", "raw_dir", "larcentrum_path"):
        if values[key] is not None:
            values[key] = Path(str(values[key])).expanduser().resolve()
    if values["scb_lang"] not in ("sv", "en"):
        raise ValueError(f"UTB_SCB_LANG must be 'sv' or 'en', not {values['scb_lang']!r}")
    return Settings(**values)  # type: ignore[arg-type]
