"""Jämför: up to eight regions side by side (dashboard.model.compare)."""

from dashboard.render.page import view_page


def render() -> None:
    view_page("compare", "compare", main=("regions",))
