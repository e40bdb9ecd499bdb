"""Könsskillnad: women against men per region, by the gap (dashboard.model.gap)."""

from dashboard.render.page import view_page


def render() -> None:
    view_page("gap", "gap")
