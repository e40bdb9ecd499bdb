"""Karta: regions coloured by one value with lärcentrum on top (dashboard.model.map), and
what the lärcentrum registry knows, so no empty spot reads as "no centre"."""

from dashboard.render import widgets
from dashboard.render.page import view_page


def render() -> None:
    result = view_page("map", "map")
    spec = result.chart
    if spec.centres is not None:
        widgets.registry_coverage(spec.county)
        widgets.centre_table(spec.centres, result.lang, (result.view, result.params))
