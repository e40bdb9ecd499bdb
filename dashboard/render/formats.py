"""Every file format a view is rendered to, registered once (as datasette's
`renderers[extension]`): the export URLs, the page's downloads and the bundle all take a view's
bytes from here, so a new view gets every format and a new format reaches every view.

Each renderer reads the view's result and nothing else: none opens the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.model.result import ViewResult
from dashboard.render import downloads, metadata


@dataclass(frozen=True)
class Format:
    extension: str
    media_type: str
    render: Callable[[ViewResult], bytes]
    #: drawn by the local Chromium (kaleido): slower, one at a time per process
    picture: bool = False
    #: a table or archive a browser should save rather than show
    attachment: bool = True


def _png(result: ViewResult) -> bytes:
    from dashboard.render import pictures

    return pictures.png(result)


def _svg(result: ViewResult) -> bytes:
    from dashboard.render import pictures

    return pictures.svg(result)


FORMATS: dict[str, Format] = {
    f.extension: f
    for f in (
        Format("png", "image/png", _png, picture=True, attachment=False),
        Format("svg", "image/svg+xml", _svg, picture=True, attachment=False),
        Format("csv", "text/csv; charset=utf-8", downloads.csv),
        Format(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            downloads.xlsx,
        ),
        Format("json", "application/json", metadata.json_file, attachment=False),
        Format("zip", "application/zip", metadata.zip_file),
    )
}


def file_name(result: ViewResult, extension: str) -> str:
    """A download's name: the result's stem, made of letters, digits and dashes only."""
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in result.file_stem)
    return f"{stem.strip('-')[:120] or 'utbildningslaget'}.{extension}"
