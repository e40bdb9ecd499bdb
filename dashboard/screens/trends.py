"""Utveckling: shares over time against riket (dashboard.model.trends)."""

from dashboard.render.page import view_page


def render() -> None:
    view_page("trends", "trends", main=("regions",))
