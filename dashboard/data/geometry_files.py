"""The map's outlines as files the browser fetches once and caches, not inside every figure.

A kommun map carried its GeoJSON (~190 kB of JSON) in the figure, so every rerun of the map —
each change of year, measure or what is shown — sent it again over the websocket, and the
server validated, copied and serialised it each time. Plotly takes a URL instead: the file is
written once per distinct content under `dashboard/static/geo/` (Streamlit's static serving,
`/app/static/…`), named by a hash of its content, so it is cached for good by the browser and
by nginx and survives refreshes that do not change the outlines. Exports (kaleido, slides)
put the geometry back inline (`inline`), since they draw without a server.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parents[1] / "static" / "geo"
#: relative, so it also works under a base path; Streamlit serves static files at /app/static/
URL_PREFIX = "app/static/geo/"


def publish(level: str, geojson: dict[str, Any], folder: Path = FOLDER) -> str | None:
    """The URL of a file holding `geojson`, written if missing; None if it cannot be written
    (a read-only install), in which case the caller keeps the geometry inline."""
    text = json.dumps(geojson, separators=(",", ":"))
    name = f"{level}-{hashlib.sha256(text.encode()).hexdigest()[:20]}.json"
    target = folder / name
    if not target.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp") as tmp:
                tmp.write(text)
            os.chmod(tmp.name, 0o644)  # served to everyone; NamedTemporaryFile makes it 0600
            os.replace(tmp.name, target)
        except OSError:
            return None
    return URL_PREFIX + name


def level_of(url: str) -> str | None:
    """The level ("municipality", "county") a published URL was made for."""
    if not url.startswith(URL_PREFIX):
        return None
    return url.removeprefix(URL_PREFIX).split("-", 1)[0]
