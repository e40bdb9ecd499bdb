"""`python -m etl refresh`: TAB3981 from SCB's API into the database, incrementally.

Order of work: lock → tidy (responses no installed database uses are deleted) → /config →
metadata (drift checks, what is new) → codelists (the age groups; SKR's kommungrupp 2023, whose
`valueMap` names the kommuner of each group) → data requests (each saved with its metadata
file) → build with every source → validate → swap (the database records its responses) →
rewrite manifest.json. Any failure before the swap deletes the new responses and keeps the
database; a kill after it is repaired by the next run's tidy-up.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from etl.assemble.inputs import collect_inputs
from etl.assemble.install import fact_rows, install
from etl.assemble.progress import StepPrinter
from etl.atomic import exclusive_lock, terminate_as_interrupt
from etl.config import Settings
from etl.scb.drift import explain_refusal
from etl.scb.plan import (
    AGE_CODELIST,
    TABLE_ID,
    check_metadata,
    plan_queries,
    region_drift,
    regions_from_metadata,
    response_facts,
    years_to_fetch,
)
from etl.scb.raw_store import Manifest, RawStore
from etl.scb.transport import RecordingSession, RetryPolicy, ScbError, connect, with_retries
from etl.sources import jsonstat2, kommungrupp
from etl.sources.offline import load_catalogue
from etl.sources.region_codes import read_region_codes


@dataclass
class RefreshReport:
    status: str  # "up to date" | "refreshed"
    reason: str
    requests: int
    data_requests: int = 0
    cells: int = 0
    years: list[str] = field(default_factory=list)
    new_regions: list[str] = field(default_factory=list)
    fact_rows: int = 0
    seconds: float = 0.0


def refresh(
    settings: Settings, full: bool = False, policy: RetryPolicy | None = None, quiet: bool = False
) -> RefreshReport:
    policy = policy or RetryPolicy()
    step = StepPrinter(quiet=quiet)
    store = RawStore(settings.raw_dir)
    with exclusive_lock(settings.db_path), terminate_as_interrupt():
        previous = store.active_manifest(settings.db_path)
        store.tidy(previous)
        step(f"asking SCB at {settings.scb_base_url}")
        api, session = connect(
            settings.scb_base_url, settings.scb_lang, settings.scb_timeout, policy
        )
        max_cells = int(api._client.configuration["maxDataCells"])
        run = datetime.now().strftime("%Y%m%dT%H%M%S%f")
        saved: list[Path] = []
        try:
            metadata = with_retries(
                lambda: api.get_table_metadata(TABLE_ID), policy, f"{TABLE_ID} metadata"
            )
            check_metadata(metadata)
            added, removed = region_drift(metadata, _known_regions(settings, previous))
            if removed:
                raise ScbError(
                    f"metadata drift: {TABLE_ID} no longer has region code(s) {removed} that the "
                    "database holds; nothing was changed (SCB may have merged or renamed kommuner)"
                )
            loaded_years = set(previous.years) if previous else set()
            years, reason = years_to_fetch(
                metadata, loaded_years, previous.updated_stamp if previous else None, full
            )
            if not years and not added:
                step.done()
                return RefreshReport("up to date", reason, len(session.exchanges))
            if added and not years:
                years, reason = (
                    jsonstat2.category_codes(metadata, "Tid"),
                    f"new region code(s) {added}",
                )

            saved.append(
                store.save(
                    f"{run}-metadata.json",
                    session.exchanges[-1],
                    {
                        "kind": "metadata",
                        "table": TABLE_ID,
                        "label": metadata.get("label"),
                        "scb_updated": metadata.get("updated"),
                        "notes": metadata.get("note"),
                    },
                )
            )
            codelist = with_retries(
                lambda: api.get_code_list(AGE_CODELIST), policy, f"codelist {AGE_CODELIST}"
            )
            saved.append(
                store.save(
                    f"{run}-codelist.json",
                    session.exchanges[-1],
                    {"kind": "codelist", "table": TABLE_ID, "label": codelist.get("label")},
                )
            )
            groups_doc = with_retries(
                lambda: api.get_code_list(kommungrupp.CODELIST_ID),
                policy,
                f"codelist {kommungrupp.CODELIST_ID}",
            )
            kommungrupp.from_codelist(  # a code list we cannot read is refused before any data
                groups_doc, {c for c in jsonstat2.category_codes(metadata, "Region") if len(c) == 4}
            )
            groups_path = store.save(
                f"{run}-kommungrupp.json",
                session.exchanges[-1],
                {"kind": "codelist", "table": TABLE_ID, "label": groups_doc.get("label")},
            )
            saved.append(groups_path)
            queries = plan_queries(metadata, codelist, years, max_cells)
            step(f"fetching {len(years)} year(s) in {len(queries)} request(s): {reason}")
            data_files = _fetch(
                api, session, store, run, queries, policy, metadata, saved, quiet, settings
            )

            step("building the database")
            published = jsonstat2.category_codes(metadata, "Region")
            new_batches = store.batches(
                Manifest(metadata_file=saved[0].name, data_files=data_files, regions=published)
            )
            keep, excluded = _kept_responses(store, previous, {int(y) for y in years}, full)
            old_batches = (
                store.batches(Manifest(data_files=keep, excluded_years=excluded, regions=published))
                if keep
                else []
            )
            manifest = Manifest(
                scb_updated=metadata.get("updated"),
                years=sorted(
                    loaded_years | {int(y) for y in years} if not full else {int(y) for y in years}
                ),
                regions=published,
                metadata_file=saved[0].name,
                codelist_file=saved[1].name,
                kommungrupp_file=groups_path.name,
                data_files=[*keep, *data_files],
                excluded_years=excluded,
            )
            inputs = collect_inputs(
                settings,
                step,
                api_batches=[*new_batches, *old_batches],
                api_regions=regions_from_metadata(metadata),
                api_kommungrupp=store.kommungrupp(manifest),
            )
            inputs.api_manifest = manifest.to_json()
            install(settings, inputs, step, lock=False)
        except BaseException:
            store.discard(saved)
            raise
        superseded = (
            []
            if previous is None
            else [
                f
                for f in [
                    previous.metadata_file,
                    previous.codelist_file,
                    previous.kommungrupp_file,
                    *previous.data_files,
                ]
                if f and f not in manifest.data_files
            ]
        )
        store.activate(manifest, superseded)
        seconds = step.done()
    return RefreshReport(
        "refreshed",
        reason,
        len(session.exchanges),
        len(queries),
        sum(q.cells for q in queries),
        years,
        added,
        fact_rows(settings.db_path),
        seconds,
    )


def _fetch(
    api: Any,
    session: RecordingSession,
    store: RawStore,
    run: str,
    queries: list[Any],
    policy: RetryPolicy,
    metadata: dict[str, Any],
    saved: list[Path],
    quiet: bool,
    settings: Settings,
) -> list[str]:
    names = []
    total_cells = sum(q.cells for q in queries)
    with tqdm(
        total=len(queries), unit="request", desc=TABLE_ID, disable=quiet, file=sys.stderr
    ) as bar:
        for number, query in enumerate(queries, start=1):
            where = f"{TABLE_ID} data request {number}/{len(queries)}"

            def fetch(body: dict[str, Any] = query.body) -> Any:
                return api._client.call(endpoint=f"/tables/{TABLE_ID}/data", query=body)

            try:
                doc = with_retries(fetch, policy, where)
            except ScbError as exc:
                if exc.status is None or not 400 <= exc.status < 500 or exc.status == 429:
                    raise
                raise explain_refusal(api, query.body, where, exc, policy) from exc
            response_facts(doc, query, where)  # refuse a response that does not answer the request
            name = f"{run}-data-{number:03d}.json"
            saved.append(
                store.save(
                    name,
                    session.exchanges[-1],
                    {
                        "kind": "data",
                        "table": TABLE_ID,
                        "label": doc.get("label"),
                        "scb_updated": doc.get("updated") or metadata.get("updated"),
                        "notes": doc.get("note"),
                        "age_groups": query.age_groups,
                        "cells": query.cells,
                    },
                )
            )
            names.append(name)
            bar.update(1)
            bar.set_postfix(cells=f"{sum(q.cells for q in queries[:number]):,}/{total_cells:,}")
    return names


def _kept_responses(
    store: RawStore, previous: Manifest | None, refetched: set[int], full: bool
) -> tuple[list[str], dict[str, list[int]]]:
    """Earlier responses that stay active, and the years in them that the new fetch replaces."""
    if full or previous is None:
        return [], {}
    keep, excluded = [], {}
    for name in previous.data_files:
        years = store.years_of(name) - set(previous.excluded_years.get(name, []))
        if years <= refetched:
            continue  # wholly replaced: deleted when the new manifest is activated
        keep.append(name)
        if replaced := sorted((years & refetched) | set(previous.excluded_years.get(name, []))):
            excluded[name] = replaced
    return keep, excluded


def _known_regions(settings: Settings, previous: Manifest | None) -> set[str] | None:
    """The regions we had: the last refresh's list, else the offline code list, else none."""
    if previous is not None and previous.regions:
        return set(previous.regions)
    if settings.data_dir is not None and settings.data_dir.is_dir():
        path = settings.data_dir / load_catalogue()["region_codes"]["path"]
        if path.exists():
            return set(read_region_codes(path)["region_code"])
    return None
