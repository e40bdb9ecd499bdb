"""The example deck, and any deck re-aimed at one region: a workshop tour of every kommun in
a län is the same five slides with the region, its county and its highlight swapped in."""

from __future__ import annotations

import polars as pl

from dashboard.decks.model import Deck, Slide, unpinned
from dashboard.model import registry


def example_deck() -> Deck:
    """The workshop example: Sörmland vs riket, the county rankings, the map, the trend."""
    return Deck(
        "Sörmland",
        [
            Slide("overview", {"region": "04"}),
            Slide("ranking", {"scope": "county", "show": "women", "highlight": "04"}),
            Slide("ranking", {"scope": "county", "show": "men", "highlight": "04"}),
            Slide(
                "map",
                {"scope": "municipality_in_county", "county": "04", "show": "total", "lc": "1"},
            ),
            Slide("trends", {"age": "16-74", "regions": "04", "sex": "women,men"}),
        ],
    )


def for_region(deck: Deck, region: str, regions: pl.DataFrame) -> Deck:
    """The same views about `region`, each re-aimed as its declaration says (`View.aim`): a
    kommun is ranked among its län's kommuner and highlighted, its län's map is shown, its
    trend drawn beside riket. Pinned numbers are dropped, since they belong to another region."""
    row = regions.filter(pl.col("region_code") == region)
    if row.is_empty() or row["region_level"][0] == "country":
        raise ValueError(f"{region!r} is not a län or kommun code")
    slides = [
        Slide(slide.view, registry.view(slide.view).aim(dict(slide.params), region))
        for slide in unpinned(deck).slides
    ]
    return Deck(row["region_name"][0], slides)
