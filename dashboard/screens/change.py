"""Förändring: each region's change between two years, ranked, rank then and now
(dashboard.model.change)."""

from dashboard.render.page import view_page


def render() -> None:
    view_page("change", "change_view", main=("from", "to"))
