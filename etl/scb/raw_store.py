"""SCB API responses kept on disk, each with a metadata file, and a manifest of the active ones.

Layout under `<raw_dir>/scb/TAB3981/`:
  <run>-metadata.json, <run>-codelist.json, <run>-kommungrupp.json, <run>-data-NNN.json
                         exact response bytes (the kommungrupp code list: SKR's 2023 groups)
  <file>.meta.json       URL, method, request body, fetched_at, SCB's updated, label, notes, sha256
  manifest.json          a copy, for people, of which responses make up the database now

Which responses are active is recorded *in the database* (`build_info.api_manifest`), inside
the same atomic install as the data, so the two can never disagree: a refresh killed between
installing the database and rewriting manifest.json is repaired by the next run, which also
deletes responses that no installed database uses (left by killed or failed runs).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

from etl.errors import SourceError
from etl.scb.plan import TABLE_ID, PlannedQuery, regions_from_metadata, response_facts
from etl.scb.transport import Exchange
from etl.sources import jsonstat2, kommungrupp
from etl.sources.model import SourceBatch, SourceRecord, sha256_of

LICENCE = "CC0 (SCB, PxWeb API v2 /config)"
DATASET_ID = f"api:{TABLE_ID}"


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@dataclass
class Manifest:
    table: str = TABLE_ID
    scb_updated: str | None = None
    years: list[int] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    metadata_file: str | None = None
    codelist_file: str | None = None
    #: SCB's code list agg_RegionKommungrupp2023- (absent in manifests of earlier refreshes)
    kommungrupp_file: str | None = None
    data_files: list[str] = field(default_factory=list)
    #: years of a kept file that a newer fetch replaced (SCB republished them)
    excluded_years: dict[str, list[int]] = field(default_factory=dict)

    @property
    def updated_stamp(self) -> datetime | None:
        return datetime.fromisoformat(self.scb_updated) if self.scb_updated else None

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2)

    def files(self) -> set[str]:
        """Every file this manifest keeps: responses and their metadata files."""
        names = {
            n
            for n in (
                self.metadata_file,
                self.codelist_file,
                self.kommungrupp_file,
                *self.data_files,
            )
            if n
        }
        return names | {f"{n}.meta.json" for n in names}


class RawStore:
    def __init__(self, raw_dir: Path):
        self.root = raw_dir
        self.folder = raw_dir / "scb" / TABLE_ID
        self.manifest_path = self.folder / "manifest.json"

    def manifest(self) -> Manifest | None:
        if not self.manifest_path.exists():
            return None
        try:
            return Manifest(**json.loads(self.manifest_path.read_text(encoding="utf-8")))
        except (json.JSONDecodeError, TypeError) as exc:
            raise SourceError(f"{self.manifest_path}: unreadable manifest ({exc})") from exc

    def active_manifest(self, db_path: Path) -> Manifest | None:
        """The responses the installed database was built from: its own record when it has
        one (the truth), else manifest.json (no database yet, or one built before the record)."""
        recorded = _recorded_manifest(db_path)
        if recorded is _NO_RECORD:
            return self.manifest()
        return recorded  # type: ignore[return-value]

    def tidy(self, active: Manifest | None) -> list[str]:
        """manifest.json rewritten to match `active`; every response it does not list deleted.
        Call with the lock held. Returns the names of the deleted files."""
        if not self.folder.is_dir():
            return []
        keep = active.files() if active else set()
        removed = []
        for path in sorted(self.folder.iterdir()):
            if path.name == self.manifest_path.name or path.name in keep or not path.is_file():
                continue
            path.unlink(missing_ok=True)
            removed.append(path.name)
        if active is None:
            self.manifest_path.unlink(missing_ok=True)
        elif self.manifest() != active:
            _write_atomically(self.manifest_path, active.to_json().encode())
        return removed

    def save(self, name: str, exchange: Exchange, extra: dict[str, Any]) -> Path:
        """Write a response and its metadata file; returns the response path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / name
        _write_atomically(path, exchange.content)
        meta = {
            "url": exchange.url,
            "method": exchange.method,
            "request_body": json.loads(exchange.body) if exchange.body else None,
            "fetched_at": exchange.at.isoformat(),
            "status": exchange.status,
            "sha256": sha256_of(path),
            "licence": LICENCE,
            **extra,
        }
        _write_atomically(
            path.with_name(path.name + ".meta.json"),
            json.dumps(meta, ensure_ascii=False, indent=2).encode(),
        )
        return path

    def discard(self, paths: list[Path]) -> None:
        for path in paths:
            path.unlink(missing_ok=True)
            path.with_name(path.name + ".meta.json").unlink(missing_ok=True)

    def activate(self, manifest: Manifest, superseded: list[str]) -> None:
        """Make `manifest` current; files it no longer lists are deleted."""
        _write_atomically(self.manifest_path, manifest.to_json().encode())
        self.discard([self.folder / name for name in superseded])

    def batches(self, manifest: Manifest | None = None) -> list[SourceBatch]:
        """The active responses as source batches (metadata notes + data facts)."""
        manifest = manifest or self.manifest()
        if manifest is None:
            return []
        batches = []
        if manifest.metadata_file:
            path, meta = self._verified(manifest.metadata_file)
            doc = json.loads(path.read_bytes())
            record = self._record(path, meta, "api_metadata", doc)
            batches.append(SourceBatch(record, notes=jsonstat2.notes(doc, record.source_id)))
        seen_notes: set[tuple[str, str | None, str | None, str]] = {
            (n.scope, n.variable, n.value_code, n.text) for b in batches for n in b.notes
        }
        for name in manifest.data_files:
            path, meta = self._verified(name)
            doc = json.loads(path.read_bytes())
            query = PlannedQuery(meta["request_body"], 0, meta["age_groups"])
            record = self._record(path, meta, "api_response", doc)
            facts = response_facts(doc, query, str(path))
            if excluded := manifest.excluded_years.get(name):
                facts = facts.filter(~pl.col("year").is_in(excluded))
            notes = []
            for note in jsonstat2.notes(doc, record.source_id):
                # every chunk repeats the table's notes; keep the first of each
                key = (note.scope, note.variable, note.value_code, note.text)
                if key not in seen_notes:
                    seen_notes.add(key)
                    notes.append(note)
            batches.append(SourceBatch(record, facts, notes, manifest.regions or None))
        return batches

    def kommungrupp(self, manifest: Manifest) -> tuple[pl.DataFrame, SourceRecord] | None:
        """SKR's groups per kommun from the saved code list, with its record; None without one."""
        if not manifest.kommungrupp_file:
            return None
        path, meta = self._verified(manifest.kommungrupp_file)
        doc = json.loads(path.read_bytes())
        known = set(manifest.regions) if manifest.regions else None
        if known is None and (metadata := self.metadata_doc(manifest)) is not None:
            known = set(jsonstat2.category_codes(metadata, "Region"))
        frame = kommungrupp.from_codelist(doc, {c for c in known or () if len(c) == 4})
        return frame, self._record(path, meta, "api_metadata", doc)

    def years_of(self, name: str) -> set[int]:
        """The years a data response was asked for (from its metadata file)."""
        _, meta = self._verified(name)
        tid = next(s for s in meta["request_body"]["selection"] if s["variableCode"] == "Tid")
        return {int(y) for y in tid["valueCodes"]}

    def metadata_doc(self, manifest: Manifest) -> dict[str, Any] | None:
        if not manifest.metadata_file:
            return None
        path, _ = self._verified(manifest.metadata_file)
        doc: dict[str, Any] = json.loads(path.read_bytes())
        return doc

    def regions(self, manifest: Manifest) -> pl.DataFrame | None:
        doc = self.metadata_doc(manifest)
        return regions_from_metadata(doc) if doc else None

    def _verified(self, name: str) -> tuple[Path, dict[str, Any]]:
        path = self.folder / name
        meta_path = path.with_name(path.name + ".meta.json")
        if not path.exists() or not meta_path.exists():
            raise SourceError(
                f"{path}: listed in {self.manifest_path} but missing; run `python -m etl refresh --full`"
            )
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        if sha256_of(path) != meta["sha256"]:
            raise SourceError(
                f"{path}: sha256 differs from its metadata file; the response was changed after download"
            )
        return path, meta

    def _record(
        self, path: Path, meta: dict[str, Any], kind: str, doc: dict[str, Any]
    ) -> SourceRecord:
        body = meta.get("request_body")
        query = f"{meta['method']} {meta['url']}" + (
            f"\n{json.dumps(body, ensure_ascii=False)}" if body else ""
        )
        return SourceRecord(
            source_id=f"api:{TABLE_ID}:{path.stem}",
            kind=kind,
            scb_table_id=TABLE_ID,
            scb_table_name="UF0506B/Utbildning",
            title=str(doc.get("label") or meta.get("label") or TABLE_ID),
            query=query,
            url=meta["url"],
            origin_repository=None,
            origin_commit=None,
            origin_path=None,
            licence=meta["licence"],
            file_path=str(path.relative_to(self.root)),
            sha256=meta["sha256"],
            scb_updated=jsonstat2.updated_stamp(doc),
            fetched_at=datetime.fromisoformat(meta["fetched_at"]),
            dataset_id=DATASET_ID,
        )


_NO_RECORD = object()


def _recorded_manifest(db_path: Path) -> Manifest | object | None:
    """build_info.api_manifest of the installed database; _NO_RECORD if there is no database or
    it predates the record."""
    import duckdb

    if not db_path.exists():
        return _NO_RECORD
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            columns = {
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = 'build_info'"
                ).fetchall()
            }
            if "api_manifest" not in columns:
                return _NO_RECORD
            row = con.execute("SELECT api_manifest FROM build_info").fetchone()
    except duckdb.Error as exc:
        raise SourceError(
            f"{db_path}: cannot read which responses it was built from ({exc})"
        ) from exc
    if row is None or row[0] is None:
        return None
    return Manifest(**json.loads(row[0]))
