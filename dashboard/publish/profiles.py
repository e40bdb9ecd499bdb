"""Writing many printable profiles at once: a county's board pack, or all 312.

The regions and the folder are checked before anything is written. The profiles are then
made by `jobs` processes (each its own database connection and caches; started fresh, not
forked, since a DuckDB connection must not cross a fork), a län's kommuner in a row so their
shared views are computed once per process. Each file is written under a temporary name
beside its own and renamed into place, and an interrupted or failed run removes its
temporary files: a file in the folder is always whole.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from datetime import date
from pathlib import Path

from tqdm import tqdm

from dashboard.text.formatting import number
from dashboard.text.i18n import profile_text

#: Temporary files of a run start with this (and end with the process id).
PARTIAL = ".profil-"


class Refusal(Exception):
    """Bad input, said in one sentence; nothing has been written."""


class Failed(Exception):
    """One region's profile could not be made: which, and why."""

    def __init__(self, code: str, cause: BaseException) -> None:
        super().__init__(code)
        self.code = code
        self.reason = f"{type(cause).__name__}: {str(cause)[:200]}"


def regions(asked: str) -> list[str]:
    """The codes `--region` names: all 312, riket, a kommun, or a län and its kommuner."""
    from dashboard.model import common, regions

    if asked == "all":
        return common.all_codes()
    level = common.level_of(asked) if len(asked) <= 8 else None
    if level is None:
        raise Refusal(asked)
    if level == "county":
        return [asked, *regions.kommuner_of_county(asked)]
    return [asked]


def writable(folder: Path) -> None:
    """The folder exists (made if missing) and takes a file; OSError says why not."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=PARTIAL, suffix=".check"):
        pass


def write(code: str, lang: str, forms: tuple[str, ...], folder: str, made: date) -> list[str]:
    """One region's files, each whole or not at all (runs in a worker process)."""
    from dashboard.render import profiles

    written = []
    for form in forms:
        name, data = profiles.make(code, lang, form, made)
        target = Path(folder) / profiles.file_name(code, name, form)
        partial = target.with_name(f"{PARTIAL}{target.name}.{os.getpid()}")
        try:
            partial.write_bytes(data)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        written.append(str(target))
    return written


def _quiet() -> None:
    """A worker says nothing of its own (Streamlit's notices, if any module imports it)."""
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)


def _made(
    codes: list[str], lang: str, forms: tuple[str, ...], folder: Path, jobs: int, made: date
) -> Iterable[list[str]]:
    """Each region's written files, as they are done; Failed names a region that failed."""
    if jobs == 1 or len(codes) == 1:
        for code in codes:
            try:
                yield write(code, lang, forms, str(folder), made)
            except Exception as exc:
                raise Failed(code, exc) from exc
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(jobs, len(codes)), mp_context=context, initializer=_quiet) as pool:
        futures: dict[Future[list[str]], str] = {
            pool.submit(write, code, lang, forms, str(folder), made): code for code in codes
        }
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except Exception as exc:
                    raise Failed(futures[future], exc) from exc
        finally:
            for future in futures:
                future.cancel()


def _sweep(folder: Path) -> None:
    """Temporary files a killed worker could not remove."""
    for leftover in folder.glob(f"{PARTIAL}*"):
        leftover.unlink(missing_ok=True)


def publish(asked: str, folder: Path, lang: str, forms: tuple[str, ...], jobs: int) -> int:
    """The command: 0 when every file is written, 2 for bad input, 1 when a profile fails,
    130 when interrupted."""
    try:
        codes = regions(asked)
    except Refusal:
        print(profile_text("cli_unknown_region", lang, code=asked[:40]), file=sys.stderr)
        return 2
    try:
        writable(folder)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        print(profile_text("cli_unwritable", lang, path=folder, reason=reason), file=sys.stderr)
        return 2
    started, written = time.perf_counter(), []
    progress = tqdm(
        total=len(codes),
        desc=profile_text("cli_progress", lang),
        unit="",
        disable=len(codes) == 1,
        file=sys.stderr,
    )
    try:
        for files in _made(codes, lang, forms, folder, jobs, date.today()):
            written += files
            progress.update()
    except KeyboardInterrupt:
        _sweep(folder)
        print(profile_text("cli_interrupted", lang, n=len(written)), file=sys.stderr)
        return 130
    except Failed as failed:
        _sweep(folder)
        print(
            profile_text("cli_failed", lang, code=failed.code, reason=failed.reason),
            file=sys.stderr,
        )
        return 1
    finally:
        progress.close()
    for path in sorted(written):
        print(path)
    seconds = number(time.perf_counter() - started, 1, lang)
    done = profile_text("cli_wrote", lang, n=len(codes), path=folder, seconds=seconds)
    print(done, file=sys.stderr)
    return 0
