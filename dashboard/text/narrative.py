"""Sentences generated from the data, for the page, slide headlines and text alternatives."""

from __future__ import annotations

from typing import Any

from dashboard.text.formatting import number, percent

PHRASE = {
    "sv": {
        "post_secondary": "eftergymnasial utbildning",
        "post_secondary_3plus": "minst 3 års eftergymnasial utbildning",
    },
    "en": {
        "post_secondary": "post-secondary education",
        "post_secondary_3plus": "at least 3 years of post-secondary education",
    },
}


def ages(age_group: str) -> str:
    return age_group.replace("-", "–")


def place(name: str, lang: str) -> str:
    return (
        ("i riket" if lang == "sv" else "in Sweden")
        if name in ("Riket", "Sweden")
        else (f"i {name}" if lang == "sv" else f"in {name}")
    )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(row: dict[str, Any], year: int, age_group: str, measure: str, lang: str = "sv") -> str:
    """E.g. "I Södermanlands län hade 41,1 % av kvinnorna och 28,1 % av männen 25–64 år
    eftergymnasial utbildning år 2019 — en skillnad på 13,0 procentenheter, jämfört med 11,9 i riket."
    """
    women, men = percent(row["women_share"], 1, lang), percent(row["men_share"], 1, lang)
    gap, country_gap = number(row["gap_pp"], 1, lang), number(row["country_gap_pp"], 1, lang)
    is_country = row["region_code"] == "00"
    what = PHRASE[lang][measure]
    if lang == "sv":
        text = (
            f"{_upper_first(place(row['region_name'], lang))} hade {women} av kvinnorna och {men} av männen "
            f"{ages(age_group)} år {what} år {year} — en skillnad på {gap} procentenheter"
        )
        return text + ("." if is_country else f", jämfört med {country_gap} i riket.")
    text = (
        f"{_upper_first(place(row['region_name'], lang))}, {women} of women and {men} of men aged "
        f"{ages(age_group)} had {what} in {year} — a gap of {gap} percentage points"
    )
    return text + ("." if is_country else f", compared with {country_gap} in Sweden.")
