"""Rangordning: regions sorted by one value, one marked (dashboard.model.ranking)."""

from dashboard.render.page import view_page


def render() -> None:
    view_page("ranking", "ranking")
