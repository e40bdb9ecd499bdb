"""Under the map: what the lärcentrum registry knows, so no empty spot reads as "no centre",
and the centres shown as a table with their sources."""

from dashboard.model.result import ViewResult
from dashboard.render import widgets


def after(result: ViewResult) -> None:
    spec = result.chart
    if spec.centres is not None:
        widgets.registry_coverage(spec.county)
        widgets.centre_table(spec.centres, result.lang, (result.view, result.params))
