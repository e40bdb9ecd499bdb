"""`python -m dashboard.decks`: one deck per kommun of a län, numbers equal the database's, and
one deck rendered by LibreOffice as a presenter opening the file would see it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def sormland_decks(db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("decks")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard.decks",
            "--deck",
            "example",
            "--all-in-county",
            "04",
            "--out-dir",
            str(out),
        ],
        cwd=ROOT,
        env={**os.environ, "UTB_DB_PATH": str(db_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "WARNING" not in done.stderr
    return out


def test_a_deck_for_every_kommun_with_the_databases_numbers(
    sormland_decks: Path, db_path: Path
) -> None:
    with duckdb.connect(str(db_path), read_only=True) as con:
        kommuner = con.execute(
            "SELECT region_code, region_name, women_share, men_share FROM gender_gap "
            "WHERE county_code = '04' AND region_level = 'municipality' AND year = 2019 "
            "AND age_group = '25-64'"
        ).fetchall()
        riket = con.execute(
            "SELECT women_share, men_share FROM gender_gap WHERE region_code = '00' AND year = 2019 "
            "AND age_group = '25-64'"
        ).fetchone()
    assert riket is not None and len(kommuner) == 9
    files = sorted(p.name for p in sormland_decks.glob("*.pptx"))
    assert len(files) == 9 and "strängnäs.pptx" in files
    women = {name: w for _, name, w, _ in kommuner}
    for code, name, own_women, _ in kommuner:
        prs = Presentation(io.BytesIO((sormland_decks / f"{name.casefold()}.pptx").read_bytes()))
        overview, ranking = (
            next(sh.chart for sh in prs.slides[i].shapes if sh.has_chart) for i in (0, 1)
        )
        # the kommun beside its län and riket
        assert list(overview.plots[0].categories) == [name, "Södermanlands län", "Riket"]
        values = overview.plots[0].series[0].values
        assert (values[0], values[2]) == pytest.approx((own_women, riket[0]))
        got = dict(zip(ranking.plots[0].categories, ranking.plots[0].series[0].values, strict=True))
        assert got.pop("Riket") == pytest.approx(riket[0])
        assert got == pytest.approx(women)
        place = sorted(women.values(), reverse=True).index(own_women) + 1
        headline = prs.slides[1].shapes[0].text_frame.text
        assert headline.startswith(f"{name}: {place} av 9 i Södermanlands län för kvinnorna")
        highlighted = list(ranking.plots[0].categories).index(name)
        fill = ranking.plots[0].series[0].points[highlighted].format.fill.fore_color.rgb
        assert str(fill) == "F0E442", code


def test_libreoffice_shows_the_deck(sormland_decks: Path) -> None:
    """The deck as LibreOffice draws it, one PNG per slide, kept for people to look at."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    assert soffice and pdftoppm, "run `make test` (it installs LibreOffice Impress and poppler)"
    target = ARTIFACTS / "strängnäs-deck"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    deck = sormland_decks / "strängnäs.pptx"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{target}/.profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", str(target / "strängnäs.pdf"), str(target / "slide")],
        check=True,
        timeout=60,
    )
    pages = sorted(target.glob("slide-*.png"))
    assert len(pages) == 5 and all(p.stat().st_size > 15_000 for p in pages)
    shutil.rmtree(target / ".profile", ignore_errors=True)
