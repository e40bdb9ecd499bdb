"""The example deck, and any deck re-aimed at one region: a workshop tour of every kommun in
a län is the same five slides with the region, its county and its highlight swapped in."""

from __future__ import annotations

import polars as pl

from dashboard.decks.model import Deck, Slide, unpinned


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
    """The same views about `region`: a kommun is ranked among its län's kommuner and
    highlighted, its län's map is shown, its trend drawn beside riket. Pinned numbers are
    dropped, since they belong to another region."""
    row = regions.filter(pl.col("region_code") == region)
    if row.is_empty() or row["region_level"][0] == "country":
        raise ValueError(f"{region!r} is not a län or kommun code")
    name, level, county = row["region_name"][0], row["region_level"][0], row["county_code"][0]
    ranked = (
        {"scope": "municipality_in_county", "county": county, "highlight": region}
        if level == "municipality"
        else {"scope": "county", "highlight": region}
    )
    slides = []
    for slide in unpinned(deck).slides:
        params = dict(slide.params)
        if slide.view in ("overview", "definitions"):
            params["region"] = region
        elif slide.view == "age":
            params["region"] = region
            params.pop("rank_age", None)  # its default is the region's own largest gap
        elif slide.view in ("ranking", "gap", "change"):
            params = {k: v for k, v in params.items() if k not in ("county", "highlight")}
            params.update(ranked)
        elif slide.view == "map":
            # the län's kommuner with the kommun outlined and named
            params.update({"scope": "municipality_in_county", "county": county})
            params.pop("highlight", None)
            if level == "municipality":
                params["highlight"] = region
        elif slide.view == "trends":
            params["regions"] = region
        elif slide.view == "compare":
            params["regions"] = ",".join(dict.fromkeys(["00", county, region]))
        slides.append(Slide(slide.view, params))
    return Deck(name, slides)
