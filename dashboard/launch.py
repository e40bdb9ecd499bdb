"""Start the dashboard's server with its heavy libraries already imported.

`python -m dashboard.launch [streamlit options]` is `streamlit run dashboard/app.py` plus one
thing: pandas, pyarrow, plotly, polars and duckdb are imported here, in the main thread, before
the first visitor arrives. Imported lazily by the first page runs instead, twenty sessions
opening at once race on the import: plotly looks pandas up in `sys.modules` without importing
it and finds it half-initialised ("partially initialized module 'pandas' has no attribute
'Series'"), which broke pages under load. It also takes those seconds off the first visit.

After the imports, everything alive (modules, Plotly's validators, pandas and the rest, ~140,000
objects) is frozen out of the cyclic garbage collector: those objects live as long as the
process, yet every full collection walked them again, and a full collection stops every
session. Twenty sessions opening a page at once trigger one or two; frozen, each took about
half as long (60–70 ms instead of 115–125 ms, measured with `gc.callbacks` under the burst
benchmark). Objects made later are collected as before.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

APP = Path(__file__).with_name("app.py")


def preload() -> None:
    """Import what page scripts would otherwise import on first use, from many threads."""
    import duckdb  # noqa: F401
    import pandas  # noqa: F401
    import plotly.graph_objects
    import plotly.io  # noqa: F401
    import polars  # noqa: F401
    import pyarrow  # noqa: F401

    sys.path.insert(0, str(APP.parent.parent))
    import dashboard.charts
    import dashboard.model.registry
    import dashboard.render.page  # noqa: F401


def freeze_imports() -> None:
    """Move what the imports made into the collector's permanent generation (never walked)."""
    gc.collect()
    gc.freeze()


def main(argv: list[str]) -> None:
    preload()
    from streamlit.web import bootstrap  # noqa: F401  (the server's own modules, frozen too)

    freeze_imports()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
