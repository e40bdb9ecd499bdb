"""Översikt: one region against its län, kommungrupp and riket (dashboard.model.overview)."""

from dashboard.render.page import view_page


def render() -> None:
    view_page("overview", "overview", main=("region",))
