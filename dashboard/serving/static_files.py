"""Streamlit's frontend bundle, copied once and compressed once, for nginx to send as files.

Streamlit itself sends its 26 MB static folder uncompressed (a cold visit moved 10.8 MB, the
Plotly bundle alone 4.6 MB). Compressing per request would cost the proxy a core when twenty
people open the link at once, so each text file gets a `.gz` (gzip -9) and a `.br` (brotli)
beside it here, and nginx's gzip_static / brotli_static pick the one the browser accepts.
The copy is keyed by Streamlit's version, so an upgrade gets a fresh one.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
from pathlib import Path

import brotli
import streamlit

COMPRESSIBLE = frozenset({".js", ".css", ".json", ".svg", ".ttf", ".html", ".txt", ".map", ".mjs"})
MIN_BYTES = 1024


def streamlit_static_dir() -> Path:
    return Path(streamlit.__file__).parent / "static"


def _whole(copy: Path) -> bool:
    """Marked finished, and with the page and its files (an earlier version of the code below
    could mark a copy whose files another process had just removed; it was kept for good)."""
    return all((copy / name).exists() for name in (".complete", "index.html", "static"))


def prepared_static(run_dir: Path, source: Path | None = None) -> Path:
    """A compressed copy of Streamlit's static folder under `run_dir`, made if missing.

    The supervisor and every replica ask for it at the same moment on a first start, so each
    builds in a folder of its own and renames it into place; the first rename wins and the
    others drop theirs (the copies are the same). Nothing is ever removed from the folder
    nginx serves, so a half-written file is never sent (and cached `immutable` by a browser).
    """
    source = source or streamlit_static_dir()
    target = run_dir / f"static-{streamlit.__version__}"
    if _whole(target):
        return target
    run_dir.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f"{target.name}.partial-", dir=run_dir))
    try:
        shutil.copytree(source, partial, dirs_exist_ok=True)
        partial.chmod(0o755)  # nginx's worker user reads it
        for path in partial.rglob("*"):
            if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_BYTES:
                data = path.read_bytes()
                path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
                path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=9))
        (partial / ".complete").touch()
        if target.exists() and not _whole(target):  # left broken by an earlier version's race
            shutil.rmtree(target, ignore_errors=True)
        try:
            partial.rename(target)
        except OSError:
            if not _whole(target):  # not another builder's finished copy: a real failure
                raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return target


#: Frontend chunks every chart page needs. Streamlit imports them only once the first chart's
#: message has arrived, so the browser waits for the websocket and the page run, then fetches
#: and evaluates 4.6 MB of Plotly (seconds on a slow laptop) — in a row. Imported from the
#: page's <head>, they load and evaluate while the websocket opens and the server runs the
#: page; Streamlit's own import later finds the module already evaluated (one instance per URL).
PRELOADED_CHUNKS = ("PlotlyChart",)


def early_imports(static_root: Path) -> str:
    """A `<script type="module">` importing the chunks above (fetched and evaluated right after
    the page's own scripts), as named in this Streamlit build."""
    urls = [
        f"./static/js/{path.name}"
        for chunk in PRELOADED_CHUNKS
        for path in sorted((static_root / "static" / "js").glob(f"{chunk}.*.js"))
    ]
    if not urls:
        return ""
    # an import, not <link rel="modulepreload">: preloading fetched the chunk early but left
    # evaluating it until the chart arrived, and both together held up Streamlit's own start
    imports = "".join(f'import("{url}");' for url in urls)
    return f'<script type="module">{imports}</script>'
