"""The dashboard's folders stay what the README's layout says they are."""

from __future__ import annotations

from pathlib import Path

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard"


def test_no_pages_folder_beside_the_router() -> None:
    """Streamlit treats a `pages/` folder beside the main script as its old file-based
    navigation and runs every page through it (each page then opens "Page not found")."""
    assert not (DASHBOARD / "pages").exists()


def test_the_view_models_hold_no_streamlit() -> None:
    for path in (DASHBOARD / "model").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import streamlit" not in text and "from streamlit" not in text, path.name


def test_no_dashboard_module_grows_past_300_lines() -> None:
    """Small modules with one job: a module past this has taken a second job (split it)."""
    long = {
        str(path.relative_to(DASHBOARD)): n
        for path in DASHBOARD.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 300
        # the text catalogues are data, one file per language so a translator fills one file
        and path.relative_to(DASHBOARD).as_posix() not in ("text/sv.py", "text/en.py")
    }
    assert long == {}


def test_the_data_layer_and_the_text_catalogue_hold_no_streamlit() -> None:
    """The deck command line and the tests use them without a Streamlit session."""
    for folder in ("data", "text", "charts"):
        for path in (DASHBOARD / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "import streamlit" not in text and "from streamlit" not in text, path
