"""The printable profile of one region — a kommun, a län or riket — as a view of views.

A strategist takes it to a council meeting on paper: the headline sentences, the region's
women, men, total and gap beside its län, kommungrupp and riket, its ranks, the gap by age, the
trend, the län's map, what is known of lärcentrum, and where it all comes from. Every part is a
view result (`profile_parts`), so the profile says what the pages say; this module only picks
from them. The result is plain data that every output renders (the PDF, the HTML page), with
no Streamlit and no formatting of its own beyond choosing which sentences to keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import polars as pl

from dashboard.model import common, regions
from dashboard.model.profile_parts import NotARegion, Part, parts
from dashboard.model.result import ViewResult
from dashboard.text.i18n import t

__all__ = ["Centre", "Larcentrum", "NotARegion", "Profile", "Standing", "compose"]

SEXES = ("women", "men", "total", "gap")


@dataclass(frozen=True)
class Standing:
    """Where the region ranks among some peers, per women, men, total and gap (1 = highest;
    for the gap, 1 = largest), as the database ranks them and Översikt says them."""

    scope: str  # country | county | kommungrupp
    where: str  # the peers in words: "Södermanlands län", "kommungrupp B4 …"
    n: int
    ranks: tuple[int | None, int | None, int | None, int | None]


@dataclass(frozen=True)
class Centre:
    """A known lärcentrum, or a kommun's kommun-level evidence, with its source."""

    name: str
    kommun: str
    locality: str
    kind: str
    confidence: str  # high | medium | low | listed | network
    year: str
    source: str  # a page (http…) or a document's name


@dataclass(frozen=True)
class Larcentrum:
    """What the registry knows. For a kommun: `status` named_centre, network or none_known
    (absence from the registry is "none known", never "none"). For a län or riket: how many of
    its kommuner have each grade, and the named centres."""

    status: str
    centres: tuple[Centre, ...]
    kommuner: int
    named: int
    network: int

    @property
    def none_known(self) -> int:
        return self.kommuner - self.named - self.network


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    level: str  # municipality | county | country
    lang: str
    county: str  # the kommun's län, by name ("" for a län or riket)
    group: str  # the kommun's kommungrupp, "B4 Pendlingskommun nära större stad" (or "")
    parts: dict[str, Part]
    comparison: pl.DataFrame  # region, län, kommungrupp, riket: women, men, total, gap
    standings: tuple[Standing, ...]
    larcentrum: Larcentrum
    made: date  # the day the profile was put together ("the date printed")

    def result(self, role: str) -> ViewResult | None:
        part = self.parts.get(role)
        return part.result if part else None

    @property
    def overview(self) -> ViewResult:
        return self.parts["overview"].result

    @property
    def headlines(self) -> tuple[str, ...]:
        """The sentences a reader says aloud: the overview's, then the rank, age and trend."""
        roles = ("overview", "rank_county" if self.level == "municipality" else "rank_country")
        said = [r.headline for r in map(self.result, (*roles, "age", "trend")) if r is not None]
        if self.level == "country":
            said.insert(1, self.parts["peers"].result.headline)
        return tuple(dict.fromkeys(said))

    @property
    def trend(self) -> ViewResult | None:
        """The trend, where the data has years (one year is no trend)."""
        result = self.result("trend")
        if result is None or result.chart.kind != "lines":
            return None
        return result if result.chart.frame["year"].n_unique() > 1 else None

    @property
    def sources(self) -> tuple[str, ...]:
        """Each part's source line, once (parts over the same rows share one)."""
        return tuple(dict.fromkeys(p.result.source for p in self.parts.values()))

    @property
    def notes(self) -> tuple[str, ...]:
        """The parts' caveats, once — not the overview's advice to pick another age group for
        a trend: the profile prints the trend itself where the data has one."""
        one_year = {n for n in self.overview.notes if n not in _noise(self.overview)}
        notes = (n for p in self.parts.values() for n in p.result.notes if n not in one_year)
        return tuple(dict.fromkeys(notes))

    @property
    def data_version(self) -> str:
        return self.overview.provenance.data_version

    @property
    def built_at(self) -> datetime | None:
        return self.overview.provenance.built_at


def _noise(result: ViewResult) -> set[str]:
    years = [int(result.settings["year"])] if "year" in result.settings else []
    return set(common.noise_notes(years, result.lang))


def _standings(found: dict[str, Part], region: str, lang: str) -> tuple[Standing, ...]:
    """The region's ranks from the ranking views' rows: among all of its level, in its län and
    in its kommungrupp (a kommun), or among the 21 län (a län)."""
    level = common.level_of(region)
    if level == "country":
        return ()
    standings = []
    columns = {
        "country": ("rank", "n_regions"),
        "county": ("county_rank", "n_in_county"),
        "kommungrupp": ("kommungrupp_rank", "n_in_kommungrupp"),
    }
    for role, scope in (
        ("rank_country", "country"),
        ("rank_county", "county"),
        ("rank_group", "kommungrupp"),
    ):
        result = found[role].result if role in found else None
        if result is None:
            continue
        frame = result.chart.frame.filter(pl.col("region_code") == region)
        if not frame.height:
            continue
        row = frame.row(0, named=True)
        prefix, count = columns[scope]
        if row.get(count) is None:
            continue
        where = {
            "country": t("municipality" if level == "municipality" else "county", lang),
            "county": str(row.get("county_name") or ""),
            "kommungrupp": f"{row.get('kommungrupp_code')} {row.get('kommungrupp_name')}",
        }[scope]
        ranks = tuple(row.get(f"{prefix}_{sex}") for sex in SEXES)
        standings.append(Standing(scope, where, int(row[count]), ranks))  # type: ignore[arg-type]
    return tuple(standings)


def _centres(frame: pl.DataFrame | None, network: pl.DataFrame | None) -> tuple[Centre, ...]:
    centres = [
        Centre(
            name=str(r["name"]),
            kommun=str(r["kommun_name"]),
            locality=str(r["locality"] or ""),
            kind=str(r["kind"] or ""),
            confidence=str(r["confidence"] or "listed"),
            year=str(r["evidence_year"] or ""),
            source=str(r["source_url"] or r["source"] or ""),
        )
        for r in (frame.iter_rows(named=True) if frame is not None else ())
    ]
    centres += [
        Centre(
            name=str(r["networks"] or ""),
            kommun=str(r["kommun_name"]),
            locality="",
            kind="",
            confidence="network",
            year=str(r["evidence_year"] or ""),
            source=str(r["source_url"] or ""),
        )
        for r in (network.iter_rows(named=True) if network is not None else ())
    ]
    return tuple(centres)


def _larcentrum(map_result: ViewResult, region: str) -> Larcentrum:
    """From the lärcentrum layers the map view carries: the kommun's own centres or evidence,
    or, for a län or riket, the grades of the kommuner the map shows."""
    spec = map_result.chart
    centres = spec.centres if spec.centres is not None else pl.DataFrame()
    network = spec.network if spec.network is not None else pl.DataFrame()
    named_codes = set(centres["kommun_code"]) if centres.height else set()
    network_codes = set(network["region_code"]) if network.height else set()
    if common.level_of(region) == "municipality":
        own = centres.filter(pl.col("kommun_code") == region) if centres.height else None
        evidence = network.filter(pl.col("region_code") == region) if network.height else None
        status = (
            "named_centre"
            if region in named_codes
            else "network"
            if region in network_codes
            else "none_known"
        )
        return Larcentrum(status, _centres(own, evidence), 1, int(status == "named_centre"), 0)
    listed: tuple[Centre, ...] = ()
    if region == "00":  # 290 kommuner: the counts, not every centre
        kommuner = set(common.codes_of("municipality"))
    else:
        kommuner = set(regions.kommuner_of_county(region))
        listed = _centres(spec.centres, spec.network)
    named = named_codes & kommuner
    network_only = (network_codes - named) & kommuner
    return Larcentrum("summary", listed, len(kommuner), len(named), len(network_only))


def compose(region: str, lang: str, made: date | None = None) -> Profile:
    """The profile of `region` in `lang`, from the view results of the current database.

    Raises NotARegion for a code the database does not have."""
    found = parts(region, lang)
    level = common.level_of(region) or ""
    overview = found["overview"].result
    group = common.kommungrupp_of(region) or "" if level == "municipality" else ""
    return Profile(
        code=region,
        name=common.region_name(region, lang),
        level=level,
        lang=lang,
        county=common.region_name(common.county_of(region) or "", lang)
        if level == "municipality"
        else "",
        group=f"{group} {common.kommungrupper().get(group, '')}" if group else "",
        parts=found,
        comparison=overview.extra["comparison"],  # type: ignore[arg-type]
        standings=_standings(found, region, lang),
        larcentrum=_larcentrum(found["map"].result, region),
        made=made or date.today(),
    )
