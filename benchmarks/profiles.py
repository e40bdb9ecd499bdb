"""Prints the printable profiles' numbers against their targets (`make bench-profiles`):

- all 312 profiles as PDF with the command (`python -m dashboard.publish profiles --region
  all`, both cores), wall time from the command's start: ≤ 3 min;
- every PDF ≤ 2 pages and ≤ 1 MB, tagged, a text alternative on each chart (≥ 5);
- `/profil/0461.pdf` from a warm process, uncached (every process cache emptied first, so
  the views are computed again): ≤ 2 s, median and worst of `--repeat` requests.

A benchmark, not a test: it exits 1 when a target is missed, and prints the numbers either way.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_ALL_SECONDS = 180.0
TARGET_PAGES = 2
TARGET_BYTES = 1_000_000
TARGET_WARM_SECONDS = 2.0
CHARTS = 5  # comparison, age, trend, map, ranking


def all_profiles(out: Path, jobs: int) -> tuple[float, list[Path]]:
    started = time.perf_counter()
    command = [sys.executable, "-m", "dashboard.publish", "profiles", "--region", "all"]
    command += ["--out", str(out), "--jobs", str(jobs)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"the command failed ({run.returncode}): {run.stderr[-2000:]}")
    return seconds, [Path(line) for line in run.stdout.split()]


@dataclass(frozen=True)
class Found:
    files: int
    min_pages: int
    max_pages: int
    median_bytes: int
    max_bytes: int
    untagged: list[str]
    without_alt_text: list[str]


def checked(paths: list[Path]) -> Found:
    """Pages, sizes, tags and text alternatives of every PDF (poppler's pdfinfo)."""
    pages, sizes, untagged, few_alts = [], [], [], []
    for path in paths:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        pages.append(int(re.search(r"Pages:\s+(\d+)", info).group(1)))  # type: ignore[union-attr]
        data = path.read_bytes()
        sizes.append(len(data))
        if not re.search(r"Tagged:\s+yes", info):
            untagged.append(path.name)
        if len(re.findall(rb"/Alt\s*[(<]", data)) < CHARTS:
            few_alts.append(path.name)
    return Found(
        len(paths),
        min(pages),
        max(pages),
        int(statistics.median(sizes)),
        max(sizes),
        untagged,
        few_alts,
    )


def warm_uncached(repeat: int) -> list[float]:
    """`/profil/0461.pdf` in this process once it has served another profile, every process
    cache emptied before each request: views, queries and the rendered bytes are all made."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from dashboard.data import cache
    from dashboard.web.routes import routes

    times = []
    with TestClient(Starlette(routes=routes())) as client:
        assert client.get("/profil/0480.pdf").status_code == 200  # warm: imports, Typst, fonts
        for _ in range(repeat):
            cache.clear_all()
            started = time.perf_counter()
            answer = client.get("/profil/0461.pdf")
            times.append(time.perf_counter() - started)
            assert answer.status_code == 200 and answer.content.startswith(b"%PDF-")
    return times


def stages(codes: list[str]) -> dict[str, float]:
    """Median milliseconds per profile of each stage, in this (warm) process: composing the
    views (computed, since each region's are new), wording and drawing the charts, Typst."""
    from dashboard.model import profile
    from dashboard.render import profile_doc, profile_pdf

    spent: dict[str, list[float]] = {"views": [], "words and charts": [], "Typst PDF": []}
    for code in codes:
        started = time.perf_counter()
        composed = profile.compose(code, "sv")
        worded = time.perf_counter()
        doc = profile_doc.document(composed)
        drawn = time.perf_counter()
        profile_pdf.pdf(doc)
        done = time.perf_counter()
        spent["views"].append(worded - started)
        spent["words and charts"].append(drawn - worded)
        spent["Typst PDF"].append(done - drawn)
    return {stage: statistics.median(times) * 1000 for stage, times in spent.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    missed = []
    with tempfile.TemporaryDirectory() as folder:
        seconds, paths = all_profiles(Path(folder), args.jobs)
        found = checked(paths)
    print(f"all 312 profiles as PDF ({args.jobs} processes): {seconds:.1f} s "
          f"(target ≤ {TARGET_ALL_SECONDS:.0f} s)")  # fmt: skip
    print(f"  files {found.files}, pages {found.min_pages}–{found.max_pages} "
          f"(target ≤ {TARGET_PAGES}), size median {found.median_bytes / 1000:.0f} kB, "
          f"largest {found.max_bytes / 1000:.0f} kB (target ≤ {TARGET_BYTES / 1e6:.0f} MB)")  # fmt: skip
    print(f"  untagged: {len(found.untagged)}, "
          f"with fewer than {CHARTS} chart alternatives: {len(found.without_alt_text)}")  # fmt: skip
    times = warm_uncached(args.repeat)
    print(f"/profil/0461.pdf, warm process, uncached: median {statistics.median(times):.2f} s, "
          f"worst {max(times):.2f} s of {len(times)} (target ≤ {TARGET_WARM_SECONDS:.0f} s)")  # fmt: skip
    from dashboard.model import regions

    per_stage = stages(list(regions.kommuner_of_county("04")))
    print("one profile, warm process (median of Sörmland's kommuner): "
          + ", ".join(f"{stage} {ms:.0f} ms" for stage, ms in per_stage.items()))  # fmt: skip
    if seconds > TARGET_ALL_SECONDS or found.files != 312:
        missed.append("all 312")
    if found.max_pages > TARGET_PAGES or found.max_bytes > TARGET_BYTES:
        missed.append("pages or size")
    if found.untagged or found.without_alt_text:
        missed.append("tags")
    if max(times) > TARGET_WARM_SECONDS:
        missed.append("/profil/0461.pdf")
    print("every target met" if not missed else f"missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
