"""What visitors ask for: the pages with charts, under links that vary the view.

Varying the year, region and measure makes most visits miss the caches the way a real
workshop does once people start exploring; the first page of every session is the same link,
as when twenty people open the one link on the projector.
"""

from __future__ import annotations

import random

#: (url_path, needs a chart to count as drawn)
CHART_PAGES = (
    "oversikt",
    "karta",
    "rangordning",
    "konsskillnad",
    "utveckling",
    "jamfor",
    "vilken-siffra",
)
OTHER_PAGES = ("larcentrum", "om-data", "bildspel")
REGIONS = ("00", "01", "03", "04", "0480", "0486", "20", "21", "2080", "2180", "1280", "0180")
YEARS = tuple(range(2019, 2026))
MEASURES = ("post_secondary", "post_secondary_3plus")
WORKSHOP_LINK = ("karta", "region=04&year=2019")


def random_visit(rng: random.Random) -> tuple[str, str]:
    """One page under a random but valid view (unknown years fall back with a notice)."""
    page = rng.choice(CHART_PAGES + OTHER_PAGES)
    query = (
        f"region={rng.choice(REGIONS)}&year={rng.choice(YEARS)}&measure={rng.choice(MEASURES)}"
        f"&lang={rng.choice(('sv', 'en'))}"
    )
    return page, query


def every_page() -> list[tuple[str, str]]:
    return [(page, "region=04") for page in CHART_PAGES + OTHER_PAGES]
