"""A view as data for other programs (`.json`) and as a bundle to archive (`.zip`): what it
shows, in words and in rows, where its numbers come from and how to cite it.

Numbers in the JSON are JSON numbers (a program reads them in any language); the CSV in the
bundle is the page's own download, byte for byte.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

from dashboard.model.result import ViewResult
from dashboard.render import downloads, links
from dashboard.text.i18n import t

#: What the numbers are under: SCB's licence of the data (the product's words are ours).
LICENCE = "CC0 1.0 (SCB), https://creativecommons.org/publicdomain/zero/1.0/"


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def document(result: ViewResult) -> dict[str, Any]:
    """Everything the JSON export holds, in the order a reader scans it."""
    rows = result.data.drop("source", strict=False)
    return {
        "title": result.title,
        "sentence": result.headline,
        "definition": result.definition,
        "source": result.source,
        "data_version": result.provenance.data_version,
        "built_at": _plain(result.provenance.built_at),
        "scb_tables": [
            {"id": table.id, "name": table.name, "updated": _plain(table.updated)}
            for table in result.provenance.tables
        ],
        "url": links.page(result),
        "citation": links.citation(result),
        "licence": LICENCE,
        "view": result.view,
        "settings": result.settings,
        "lang": result.lang,
        "notes": list(result.notes),
        "rows": [{k: _plain(v) for k, v in row.items()} for row in rows.iter_rows(named=True)],
    }


def json_file(result: ViewResult) -> bytes:
    return json.dumps(document(result), ensure_ascii=False, indent=1).encode("utf-8")


def readme(result: ViewResult) -> str:
    lang = result.lang
    return "\n".join(
        [
            result.title,
            "",
            result.headline,
            "",
            result.source,  # "Källa: SCB, …" says what it is
            result.definition,  # "Definition: …" too
            f"{t('data_version', lang)}: {result.provenance.data_version}",
            f"{t('zip_licence', lang)}: {LICENCE}",
            f"{t('zip_cite', lang)}: {links.citation(result)}",
            "",
            t("zip_files", lang, stem=result.file_stem),
            "",
        ]
    )


def zip_file(result: ViewResult) -> bytes:
    """The CSV, the JSON and a README naming the source and the licence. Members carry the
    build's date, so the same view gives the same bytes (a pinned URL never changes)."""
    stamp = result.provenance.built_at or datetime(1980, 1, 1)
    when = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in (
            (f"{result.file_stem}.csv", downloads.csv(result)),
            (f"{result.file_stem}.json", json_file(result)),
            ("README.txt", readme(result).encode("utf-8")),
        ):
            bundle.writestr(zipfile.ZipInfo(name, when), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
