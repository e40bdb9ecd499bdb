"""The script Streamlit runs for each session: the pages and their URL paths are in
dashboard/router.py (a module, compiled once per process; this script is two lines)."""

import os
import sys

# Streamlit runs this file as a script: put the project root on sys.path (once, not per rerun)
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from dashboard.router import run

run()
