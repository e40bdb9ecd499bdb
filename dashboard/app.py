"""The script Streamlit runs: the pages and their URL paths are in dashboard/router.py."""

import os
import sys

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from dashboard.router import run

run()
