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
