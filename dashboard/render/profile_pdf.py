"""A profile as a PDF, typeset by Typst (PyPI `typst`): A4, tagged for screen readers, the
charts as vector images with their text alternatives, the fonts embedded.

Why Typst: measured here for a two-page A4 profile with one SVG chart, Typst's Python binding
took ~38 ms with nothing else to install, and tags the PDF by default; WeasyPrint ~220 ms and
needs Pango; Chromium's print ~260 ms plus its launch. See the README's "Printable profiles".

The template (`profile.typ`) is fixed; the document arrives as JSON data and SVG strings in
`sys.inputs`, so no text of the database or the request is ever read as Typst markup. Only the
fonts Typst itself ships are used (Libertinus Serif), so a PDF is the same on every machine.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from datetime import UTC, datetime, time
from pathlib import Path

import typst

from dashboard.render.profile_doc import PrintDoc

TEMPLATE = (Path(__file__).parent / "profile.typ").read_bytes()
_local = threading.local()


def _compiler() -> typst.Compiler:
    """One compiler per thread (its fonts are loaded once); system fonts are ignored so the
    output does not depend on the machine."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        compiler = _local.compiler = typst.Compiler(ignore_system_fonts=True)
    return compiler


def inputs(doc: PrintDoc) -> dict[str, str]:
    """What the template reads: the document as JSON, each chart's SVG by its key."""
    data = {k: v for k, v in dataclasses.asdict(doc).items() if k != "svgs"}
    return {"data": json.dumps(data, ensure_ascii=False), **doc.svgs}


def pdf(doc: PrintDoc, made: datetime | None = None) -> bytes:
    """The PDF's bytes, created at `made` (midnight UTC of today unless given), so the same
    profile of the same data gives the same bytes all day."""
    stamp = made or datetime.combine(datetime.now(UTC).date(), time(), UTC)
    result = _compiler().compile(
        input=TEMPLATE, format="pdf", sys_inputs=inputs(doc), timestamp=stamp
    )
    assert isinstance(result, bytes)
    return result
