"""The dashboard's server: Streamlit's app (each session runs `streamlit_app.py`) plus the routes
outside the live app — export files and embeds — and each view page's first response with its
answer already in it (`dashboard/web/`), in the same process.

`streamlit run dashboard/app.py` (what `python -m dashboard.launch` calls) finds `app` here and
serves it with uvicorn; no second server is needed.
"""

import os
import sys

# imported as a top-level module by the server: the project root on sys.path first
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st
from starlette.middleware import Middleware

from dashboard.render import pictures
from dashboard.web import routes, shell
from dashboard.web.framing import FramingGuard
from dashboard.web.static_files import CompressedStatic, prepare_in_background

prepare_in_background()
pictures.start_in_background()
app = st.App(
    "streamlit_app.py",
    routes=[*routes.routes(), *shell.routes()],
    middleware=[Middleware(FramingGuard), Middleware(CompressedStatic)],
)
