"""`python -m etl larcentrum import FILE`: replace the lärcentrum list with a validated file.

Order matters for "nothing is loaded when anything fails": validate the file, write its
normalised copy beside the list, build and swap in a database from that copy (so `source` holds
the sha256 of the file the list becomes), and only then put the copy in the list's place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from etl.assemble.inputs import collect_inputs, read_places
from etl.assemble.install import install
from etl.assemble.progress import StepPrinter
from etl.config import Settings
from etl.formula_guard import neutralise_frame
from etl.larcentrum.registry import validate
from etl.sources.geography import municipality_shapes


@dataclass(frozen=True)
class ImportReport:
    centres: int
    kommuner: int
    list_path: Path


def import_list(
    settings: Settings, path: Path, check_only: bool = False, quiet: bool = False
) -> ImportReport:
    frame = validate(path, municipality_shapes())
    report = ImportReport(frame.height, frame["kommun_code"].n_unique(), settings.larcentrum_path)
    if check_only:
        return report
    step = StepPrinter(quiet=quiet)
    tmp = settings.larcentrum_path.with_name(f".{settings.larcentrum_path.name}.tmp")
    # normalised: UTF-8, comma-separated, ISO dates, formula-like text inert
    neutralise_frame(frame).write_csv(tmp)
    try:
        inputs = collect_inputs(settings, step)
        inputs.places = read_places(
            tmp, inputs.regions, settings.data_dir, frame, recorded_as=settings.larcentrum_path
        )
        install(settings, inputs, step)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, settings.larcentrum_path)
    step.done()
    return report
