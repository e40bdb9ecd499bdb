"""What a view computes, once, for every output: the page, the slide, the PowerPoint, the
picture and the downloads read this and nothing else, so they cannot say different things."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import polars as pl

from dashboard.data.query_run import QueryRun


@dataclass(frozen=True)
class Metric:
    """A KPI card: label, value, and a change or a reference (riket) under it."""

    label: str
    value: str
    delta: str | None = None
    reference: bool = False  # a comparison, not a change: shown without an arrow


@dataclass(frozen=True)
class ChartSpec:
    """What to draw, independent of Plotly or PowerPoint.

    kind: ranking | dumbbell | lines | columns | map | definitions | age | change.
    `frame` holds the rows drawn; `show` the value (women | men | total | gap); `highlight`
    the region marked; `references` labelled reference values drawn as lines (riket, a
    kommungrupp); `unit` percent | points.
    """

    kind: str
    frame: pl.DataFrame
    show: str = "total"
    highlight: str | None = None
    sexes: tuple[str, ...] = ("women", "men")
    breaks: tuple[int, ...] = ()
    level: str = ""
    county: str = ""
    centres: pl.DataFrame | None = None
    network: pl.DataFrame | None = None
    references: tuple[tuple[str, float], ...] = ()
    unit: str = "percent"


@dataclass(frozen=True)
class SourceTable:
    """An SCB table the view's rows come from, as the database recorded it."""

    id: str  # e.g. TAB3981, UtbBefRegionR
    name: str  # e.g. UF0506B/Utbildning
    updated: date | None  # SCB's "updated" stamp (its day), when known


@dataclass(frozen=True)
class Provenance:
    """Where a result's numbers come from, as data (the source line says it in words).

    `data_version` is the database's data fingerprint: the version a pinned link or deck names.
    """

    tables: tuple[SourceTable, ...] = ()
    data_version: str = ""
    built_at: datetime | None = None
    definition: str = ""  # the definition's key, e.g. unknown_included
    measure: str = ""  # the measure's key, e.g. post_secondary


@dataclass(frozen=True)
class ViewResult:
    """One view for one set of parameters, in one language."""

    view: str
    params: tuple[tuple[str, str], ...]
    lang: str
    title: str  # what the chart shows: measure · definition, who, ages, year — where
    headline: str  # the sentence a presenter says aloud
    chart: ChartSpec
    table: pl.DataFrame  # for people: named columns, rounded values
    data: pl.DataFrame  # for downloads: one table with codes, year, age, measure, definition
    source: str  # "Källa: SCB, … Definition: …" — shown exactly once in every output
    definition: str  # the definition of the number, in words
    file_stem: str  # download file names, in the UI's language
    metrics: tuple[Metric, ...] = ()
    facts: tuple[str, ...] = ()  # short lines under the headline (ranks, comparisons)
    notes: tuple[str, ...] = ()  # caveats: one year only, SCB's noise, series breaks
    extra: dict[str, object] = field(default_factory=dict)
    #: filled in by the registry once the view has loaded: no view builds these itself
    provenance: Provenance = field(default_factory=Provenance)
    queries: tuple[QueryRun, ...] = ()

    @property
    def settings(self) -> dict[str, str]:
        return dict(self.params)
