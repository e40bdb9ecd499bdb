"""Native PowerPoint charts of the views added later (age groups, change between years)."""

from __future__ import annotations

from typing import Any


def chart(shapes: Any, box: Any, result: Any, lang: str) -> None:
    raise ValueError(f"no PowerPoint chart for kind {result.chart.kind!r}")
