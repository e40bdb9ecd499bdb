"""A fake PxWeb API v2 on 127.0.0.1 for offline refresh tests.

It serves SCB's real recorded `/config` and TAB3981 metadata, and answers data requests in
json-stat2 with real SCB counts: the 2019 kommun × level × sex × 10-year-age numbers of
UtbBefRegionR, with län and riket as their sums and 16-74 as the sum of the groups. The code list
`agg_RegionKommungrupp2023-` is built when the fake starts from the shared SKR file's grouping
(no real response of it is recorded, so none is committed). Test-only:
every requested year is answered with those 2019 counts, since no other year of 10-year-group
data is on file; tests that compare with the offline build restrict the years to 2019.

Faults can be queued per request kind ("data", "metadata", "codelist") to test every failure.
"""

from __future__ import annotations

import copy
import itertools
import json
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from etl.sources import kommungrupp
from etl.sources.offline import load_catalogue
from etl.sources.region_codes import municipality_codes_by_name, read_region_codes
from etl.sources.utbbefregionr_csv import read_utbbefregionr_csv

AGE_GROUPS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74"]
SEX_CODE = {"men": "1", "women": "2"}


@dataclass
class Fault:
    kind: str  # status | 429 | hang | truncated | malformed | wrong_dims | drop
    value: float = 0


@dataclass
class Recorded:
    method: str
    path: str
    query: str
    body: Any
    at: float


@dataclass
class FakePxWeb:
    data_dir: Path
    years: list[str] | None = None
    updated: str | None = None
    add_regions: dict[str, str] = field(default_factory=dict)
    drop_regions: list[str] = field(default_factory=list)
    extra_level: str | None = None
    #: regions that vanish mid-refresh: listed by the first metadata answer, refused with 400 by
    #: the data endpoint (as SCB does for a withdrawn code), absent from later metadata answers
    vanish_regions: list[str] = field(default_factory=list)
    vanished: bool = False
    faults: dict[str, list[Fault]] = field(default_factory=lambda: defaultdict(list))
    requests: list[Recorded] = field(default_factory=list)

    def __post_init__(self) -> None:
        raw = self.data_dir
        self.config = json.loads(
            (raw / "pxwebpy_v2_fixtures" / "config.json").read_text(encoding="utf-8")
        )
        meta = json.loads(
            (raw / "atlas290_TAB3981" / "TAB3981_sv_metadata.json").read_text(encoding="utf-8")
        )
        self.metadata = self._adjust_metadata(meta["response"])
        regions = read_region_codes(raw / load_catalogue()["region_codes"]["path"])
        facts = read_utbbefregionr_csv(
            raw / load_catalogue()["utbbefregionr_2019"]["path"],
            municipality_codes_by_name(regions),
        )
        self.kommungrupp = self._kommungrupp_codelist(raw, regions)
        county_of = dict(zip(regions["region_code"], regions["county_code"], strict=True))
        self.counts: dict[tuple[str, str, str, str], int] = defaultdict(int)
        for _, region, age, sex, level, persons in facts.iter_rows():
            for code in (region, county_of[region], "00"):
                self.counts[(code, age, SEX_CODE[sex], level)] += persons
                self.counts[(code, "tot16-74", SEX_CODE[sex], level)] += persons

    def _adjust_metadata(self, doc: dict[str, Any]) -> dict[str, Any]:
        doc = copy.deepcopy(doc)
        if self.years is not None:
            self._set_codes(doc, "Tid", {y: y for y in self.years})
        if self.updated:
            doc["updated"] = self.updated
        regions = {
            c: n for c, n in self._labels(doc, "Region").items() if c not in self.drop_regions
        }
        self._set_codes(doc, "Region", {**regions, **self.add_regions})
        if self.extra_level:
            self._set_codes(
                doc,
                "UtbildningsNiva",
                {**self._labels(doc, "UtbildningsNiva"), self.extra_level: "ny nivå"},
            )
        return doc

    @staticmethod
    def _labels(doc: dict[str, Any], dim: str) -> dict[str, str]:
        category = doc["dimension"][dim]["category"]
        return {
            c: category["label"][c] for c in sorted(category["index"], key=category["index"].get)
        }

    @staticmethod
    def _set_codes(doc: dict[str, Any], dim: str, labels: dict[str, str]) -> None:
        doc["dimension"][dim]["category"]["index"] = {c: i for i, c in enumerate(labels)}
        doc["dimension"][dim]["category"]["label"] = labels
        doc["size"][doc["id"].index(dim)] = len(labels)

    @staticmethod
    def _kommungrupp_codelist(raw: Path, regions: Any) -> dict[str, Any]:
        """SCB's shape: one value per group with its own code (`2023_A1`), SKR's name as the
        label, and the group's kommun codes in `valueMap` (in no particular order, as SCB's)."""
        entry = load_catalogue()["skr_kommungrupp_2023"]
        grouped = kommungrupp.read_skr_file(raw / entry["path"], regions)
        return {
            "id": kommungrupp.CODELIST_ID,
            "label": "Kommungrupper (SKR:s) 2023",
            "language": "sv",
            "type": "Aggregation",
            "values": [
                {
                    "code": f"2023_{code}",
                    "label": name,
                    "valueMap": sorted(
                        grouped.filter(grouped["kommungrupp_code"] == code)["region_code"],
                        reverse=True,
                    ),
                }
                for code, name in kommungrupp.GROUPS.items()
            ],
        }

    def codelist(self, path: str = "") -> dict[str, Any]:
        if path.endswith(f"/{kommungrupp.CODELIST_ID}"):
            return self.kommungrupp
        # Shaped like SCB's recorded agg_Ålder10årJ; the group codes are not relied on.
        return {
            "id": "agg_Ålder10år16-74",
            "label": "10-års (16-74)",
            "type": "Aggregation",
            "values": [
                {
                    "code": g,
                    "label": f"{g} år",
                    "valueMap": [str(a) for a in range(int(g[:2]), int(g[3:]) + 1)],
                }
                for g in AGE_GROUPS
            ],
        }

    def data(self, body: dict[str, Any], wrong_dims: bool) -> dict[str, Any]:
        selection = {s["variableCode"]: list(s["valueCodes"]) for s in body["selection"]}
        if wrong_dims:
            selection["Region"] = selection["Region"][:-1]
        ids = self.metadata["id"]
        values = []
        for region, age, level, sex, _contents, _year in itertools.product(
            *(selection[d] for d in ids)
        ):
            # a region SCB has just added reports 0, as SCB does for kommuner before they existed
            values.append(self.counts.get((region, age, sex, level), 0))
        dimension = {}
        for dim in ids:
            codes = selection[dim]
            labels = self._labels(self.metadata, dim) if dim != "Alder" else {}
            dimension[dim] = {
                "label": self.metadata["dimension"][dim]["label"],
                "category": {
                    "index": {c: i for i, c in enumerate(codes)},
                    "label": {c: labels.get(c, c) for c in codes},
                },
            }
        return {
            "version": "2.0",
            "class": "dataset",
            "label": self.metadata["label"],
            "source": "SCB",
            "updated": self.metadata["updated"],
            "note": self.metadata.get("note", []),
            "id": ids,
            "size": [len(selection[d]) for d in ids],
            "dimension": dimension,
            "value": values,
        }

    # --- serving -------------------------------------------------------------------------
    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._answer(None)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                self._answer(json.loads(self.rfile.read(length)) if length else None)

            def _answer(self, body: Any) -> None:
                parts = urlsplit(self.path)
                path = unquote(parts.path)
                fake.requests.append(
                    Recorded(self.command, path, parts.query, body, time.monotonic())
                )
                kind = (
                    "config"
                    if path.endswith("/config")
                    else "metadata"
                    if path.endswith("/metadata")
                    else "codelist"
                    if "/codelists/" in path
                    else "data"
                    if path.endswith("/data")
                    else "?"
                )
                fault = fake.faults[kind].pop(0) if fake.faults[kind] else None
                if fault and fault.kind == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if fault and fault.kind == "hang":
                    time.sleep(fault.value)
                if fault and fault.kind == "status":
                    return self._send(
                        int(fault.value), {"title": "fake error", "status": int(fault.value)}
                    )
                if fault and fault.kind == "429":
                    return self._send(
                        429, {"title": "Too Many Requests"}, {"Retry-After": str(fault.value)}
                    )
                if kind == "data" and set(fake.vanish_regions) & set(
                    next(
                        s["valueCodes"] for s in body["selection"] if s["variableCode"] == "Region"
                    )
                ):
                    fake.vanished = True
                    return self._send(400, {"title": "Bad Request", "status": 400})
                metadata = fake.metadata
                if fake.vanished:
                    metadata = copy.deepcopy(metadata)
                    fake._set_codes(
                        metadata,
                        "Region",
                        {
                            c: n
                            for c, n in fake._labels(metadata, "Region").items()
                            if c not in fake.vanish_regions
                        },
                    )
                doc: Any = {
                    "config": fake.config,
                    "metadata": metadata,
                    "codelist": fake.codelist(path),
                }.get(kind)
                if kind == "data":
                    doc = fake.data(body, wrong_dims=bool(fault and fault.kind == "wrong_dims"))
                if doc is None:
                    return self._send(404, {"title": f"no route {path}"})
                raw = json.dumps(doc, ensure_ascii=False).encode()
                if fault and fault.kind == "truncated":
                    raw = raw[: len(raw) // 2]
                if fault and fault.kind == "malformed":
                    raw = b"<html>Service temporarily unavailable</html>"
                self._send(200, raw=raw)

            def _send(
                self,
                status: int,
                doc: Any = None,
                headers: dict[str, str] | None = None,
                raw: bytes | None = None,
            ) -> None:
                payload = raw if raw is not None else json.dumps(doc).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(payload)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/v2"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def data_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/data")]
