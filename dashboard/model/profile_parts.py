"""Which view results a printable profile is made of, and how each is aimed at the region.

A profile runs no query of its own: it asks the registry for the views a reader would open
for the region — Översikt, Rangordning (nationally, in the län, in the kommungrupp), Ålder,
Utveckling and Karta — with the settings those pages' links would carry. So every number it
prints is the number of a page, and the profile's parts link to those pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.model import common, registry
from dashboard.model.params import Values
from dashboard.model.result import ViewResult

#: Ranks and maps show everyone's share (the ranks by sex are columns of the same rows).
TOTAL = {"show": "total"}


@dataclass(frozen=True)
class Part:
    """One view result of the profile, by the role it plays there (e.g. `rank_county`)."""

    role: str
    result: ViewResult


class NotARegion(LookupError):
    """The code is no region of the database (the web answers 404, the command exits 2)."""


def _view(role: str, name: str, raw: Values, lang: str) -> Part:
    """The view for these settings; a setting the view would replace is a bug here, not a
    notice: a profile must never print another view than it names."""
    result, notices = registry.compute(name, raw, lang)
    if notices:
        notice = notices[0]
        raise ValueError(f"{role}: {name} would replace {notice.key}={notice.value!r}")
    return Part(role, result)


def _aimed(name: str, region: str, extra: Values | None = None) -> Values:
    """The view's own re-aiming at the region (the deck's tour uses the same)."""
    return {**registry.view(name).aim({}, region), **(extra or {})}


def parts(region: str, lang: str) -> dict[str, Part]:
    """The profile's view results by role; which roles depend on the region's level."""
    level = common.level_of(region)
    if level is None:
        raise NotARegion(region)
    found = [_view("overview", "overview", {"region": region}, lang)]
    if level == "municipality":
        group = common.kommungrupp_of(region) or ""
        in_county = _view("rank_county", "ranking", _aimed("ranking", region, TOTAL), lang)
        national = {"scope": "municipality", "highlight": region, **TOTAL}
        found += [in_county, _view("rank_country", "ranking", national, lang)]
        if group:
            peers = {"scope": common.KOMMUNGRUPP_SCOPE, "group": group, "highlight": region}
            found.append(_view("rank_group", "ranking", {**peers, **TOTAL}, lang))
        # the län's kommuner ranked, the kommun marked: the same view as its rank in the län
        found.append(Part("peers", in_county.result))
    elif level == "county":
        kommuner = {"scope": "municipality_in_county", "county": region, **TOTAL}
        found.append(_view("rank_country", "ranking", _aimed("ranking", region, TOTAL), lang))
        found.append(_view("peers", "ranking", kommuner, lang))
    else:
        found.append(_view("peers", "ranking", {"scope": "county", **TOTAL}, lang))
    found.append(_view("age", "age", _aimed("age", region), lang))
    found.append(_trend(region, lang))
    map_settings = _aimed("map", region) if level != "country" else {"scope": "county"}
    found.append(_view("map", "map", {**map_settings, **TOTAL, "lc": "1"}, lang))
    return {part.role: part for part in found}


def _trend(region: str, lang: str) -> Part:
    """Utveckling for a kommun or län; riket is on every trend, but Utveckling compares regions
    with it, so riket's own trend is Översikt's over the trend's age group."""
    if region != "00":
        return _view("trend", "trends", _aimed("trends", region), lang)
    age = registry.resolve_view("trends", {})[0]["age"]
    return _view("trend", "overview", {"region": "00", "age": age}, lang)
