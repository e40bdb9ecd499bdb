"""A long ranking as its top and bottom: what a page draws of the 290 kommuner until the reader
asks for all of them (and what its first paint draws, so the two match)."""

from __future__ import annotations

import dataclasses

import polars as pl

from dashboard.model.result import ViewResult

#: A ranking longer than this shows its top and bottom; "show all" draws every region.
LONG_RANKING = 40
ENDS = 15


def is_long(result: ViewResult) -> bool:
    return result.chart.kind == "ranking" and result.chart.frame.height > LONG_RANKING


def top_and_bottom(result: ViewResult) -> ViewResult:
    """The result with its chart cut to the top and bottom `ENDS` and the marked region."""
    spec = result.chart
    column = "gap_pp" if spec.show == "gap" else f"{spec.show}_share"
    ordered = spec.frame.filter(pl.col("region_level") != "country").drop_nulls(column)
    ordered = ordered.sort(column, descending=True).with_row_index("_place")
    keep = (
        (pl.col("_place") < ENDS)
        | (pl.col("_place") >= ordered.height - ENDS)
        | (pl.col("region_code") == (spec.highlight or ""))
    )
    frame = ordered.filter(keep).drop("_place")
    return dataclasses.replace(result, chart=dataclasses.replace(spec, frame=frame))
