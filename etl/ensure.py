"""`python -m etl ensure`: a database of the current schema, built only when needed.

Above both build and refresh (it may call either), so neither has to import the other.
"""

from __future__ import annotations

import sys

from etl.assemble.install import installed_schema_version
from etl.build import build
from etl.config import Settings
from etl.damaged import recover
from etl.database import SCHEMA_VERSION
from etl.errors import SourceError
from etl.scb.raw_store import RawStore
from etl.scb.refresh import refresh
from etl.scb.transport import RetryPolicy, ScbError
from etl.sources.offline import HOW_TO_GET_DATA


def has_local_sources(settings: Settings) -> bool:
    """Offline SCB files or saved API responses: something to build from without the network."""
    offline = settings.data_dir is not None and settings.data_dir.is_dir()
    saved = RawStore(settings.raw_dir).active_manifest(settings.db_path) is not None
    return offline or saved


def ensure_database(settings: Settings, policy: RetryPolicy | None = None) -> str | None:
    """Build the database when it is missing or has an older schema; says why it built. With
    nothing local to build from (a fresh clone anywhere but here), fetch from SCB first — a
    newcomer with a network runs `make run` and gets real data. A damaged or foreign file is
    set aside first (kept, renamed), so the usual command is all an operator needs."""
    aside = recover(settings.db_path)
    if aside:
        print(aside, file=sys.stderr)
    version = installed_schema_version(settings.db_path)
    if version == SCHEMA_VERSION:
        return None
    reason = (
        "set aside"
        if aside
        else "missing"
        if not settings.db_path.exists()
        else f"schema {version}, need {SCHEMA_VERSION}"
    )
    if not has_local_sources(settings):
        print(
            f"No offline SCB files and no saved responses: fetching TAB3981 from SCB at "
            f"{settings.scb_base_url} (about 15 requests and 6.5 MB; usually well under a minute, "
            "then ~10 s to build and validate).",
            file=sys.stderr,
        )
        try:
            refresh(settings, full=True, policy=policy)
        except ScbError as exc:
            looked = ", ".join(str(p) for p in settings.data_dir_candidates)
            raise SourceError(
                f"No SCB data to build from: no offline data directory (looked in: {looked}) "
                f"and SCB could not be reached ({exc}). {HOW_TO_GET_DATA}"
            ) from exc
        return f"{reason}; fetched from SCB"
    build(settings)
    return reason
