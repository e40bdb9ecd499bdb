"""What a view's page shows under the view itself, for the few views that show more: the map's
lärcentrum coverage and table, the age view's ranking by one age group, the definitions
panel's figure finder and table to paste, Översikt's link to the region's printable profile.
Every other view's page is the view alone."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.model.result import ViewResult
from dashboard.screens.additions import age, definitions, map, overview

ADDITIONS: dict[str, Callable[[ViewResult], None]] = {
    "overview": overview.after,
    "map": map.after,
    "age": age.after,
    "definitions": definitions.after,
}
