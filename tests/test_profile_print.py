"""The printed profile reads right: every number in Gnesta's PDF is a number of the views it is
made of (read back with poppler's pdftotext), at most two A4 pages and 1 MB, fonts embedded
with å ä ö, tagged with a text alternative on every chart, numbers in the reader's language,
and no text of the database or the request ever read as Typst markup or HTML."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from dashboard.model import profile
from dashboard.render import profile_doc, profile_html, profile_pdf, profiles
from dashboard.text.formatting import number, percent, value_text

MADE = date(2026, 1, 2)


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def poppler(tool: str, data: bytes, *args: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        command = [tool, *args, file.name, *(["-"] if tool == "pdftotext" else [])]
        run = subprocess.run(command, capture_output=True, check=True)
        # pdfinfo -struct writes the headings' titles as raw UTF-16
        return run.stdout.decode("utf-8", errors="replace")


def flat(text: str) -> str:
    """pdftotext's text with every kind of space as one space (the narrow no-break space of
    "41,1 %" comes back as a plain one)."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def alt_texts(data: bytes) -> list[str]:
    """The /Alt entries of the PDF's structure tree (literal or UTF-16 hex strings)."""
    found = []
    for match in re.finditer(rb"/Alt\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", data):
        raw = match.group(1)
        if raw.startswith(b"<"):
            hexed = bytes.fromhex(raw[1:-1].decode())
            found.append(hexed[2:].decode("utf-16-be") if hexed[:2] == b"\xfe\xff" else "")
        else:
            found.append(re.sub(rb"\\(.)", rb"\1", raw[1:-1]).decode("latin-1"))
    return found


@pytest.fixture(scope="module")
def gnesta(db_path: Path) -> tuple[profile.Profile, bytes, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        composed = profile.compose("0461", "sv", MADE)
        data = profile_pdf.pdf(profile_doc.document(composed))
    return composed, data, poppler("pdftotext", data, "-layout")


def view_numbers(composed: profile.Profile) -> set[str]:
    """Every one-decimal number the profile's view results hold, as the pages write it."""
    numbers: set[str] = set()
    for part in composed.parts.values():
        frames = [part.result.chart.frame, part.result.table]
        for frame in frames:
            for column, dtype in frame.schema.items():
                if dtype.is_float():
                    numbers |= {number(v, 1, "sv") for v in frame[column].drop_nulls()}
        for text in (part.result.headline, part.result.title, part.result.source):
            numbers |= set(re.findall(r"\d+,\d", text))
    numbers |= {number(v, 1, "sv") for c in ("women_share", "men_share", "total_share", "gap_pp")
                for v in composed.comparison[c].drop_nulls()}  # fmt: skip
    return numbers


def test_every_decimal_number_printed_is_a_number_of_the_views(gnesta) -> None:
    composed, _, text = gnesta
    printed = set(re.findall(r"(?<![\d,])\d+,\d(?![\d,])", text))
    assert printed, "no numbers read back"
    assert printed <= view_numbers(composed), printed - view_numbers(composed)


def test_gnesta_beside_its_lan_kommungrupp_and_riket_with_its_ranks(gnesta) -> None:
    composed, _, text = gnesta
    lines = [flat(line) for line in text.splitlines()]
    for row in composed.comparison.iter_rows(named=True):
        cells = [percent(row[f"{s}_share"], 1, "sv") for s in ("women", "men", "total")]
        cells.append(value_text(row["gap_pp"], "gap", "sv"))
        wanted = flat(" ".join([row["region_name"], *cells]))
        assert wanted in lines, wanted
    assert "Gnesta 42,4 % 27,9 % 35,1 % 14,5 p.e." in lines
    assert "Södermanlands län 41,1 % 28,1 % 34,5 % 13,0 p.e." in lines
    national, county, group = composed.standings
    assert "Bland alla kommuner 99 av 290 103 av 290 97 av 290 147 av 290" in lines
    assert f"I Södermanlands län {' '.join(f'{r} av 9' for r in county.ranks)}" in lines
    assert any(line.endswith(" ".join(f"{r} av 63" for r in group.ranks)) for line in lines)
    assert national.ranks[0] == 99


def test_age_trend_map_lärcentrum_sources_and_date_are_printed(gnesta) -> None:
    composed, _, text = gnesta
    words = flat(text)
    age = composed.parts["age"].result.chart.frame
    for row in age.filter((pl.col("region_code") == "0461") & ~pl.col("is_total")).iter_rows(
        named=True
    ):
        assert value_text(row["gap_pp"], "gap", "sv") in words
    assert "Gnesta: störst skillnad bland 35–44-åringar, 20,1 p.e." in words
    assert "Utveckling 2018–2022, 16–74 år" in words
    peers = composed.parts["peers"].result.chart.frame.filter(pl.col("region_code") != "00")
    for row in peers.iter_rows(named=True):
        assert f"{row['county_rank_total']}. {row['region_name']}" in words
        assert percent(row["total_share"], 1, "sv").replace("\u202f", " ") in words
    assert "Inget lärcentrum är känt för Gnesta i registret" in words
    for source in composed.sources:
        assert flat(source) in words, source
    assert f"Sammanställd {MADE.isoformat()}" in words
    assert composed.data_version in words


def test_two_a4_pages_under_a_megabyte_fonts_embedded(gnesta) -> None:
    _, data, text = gnesta
    info = poppler("pdfinfo", data)
    assert re.search(r"Pages:\s+2\n", info) and "595.276 x 841.89 pts (A4)" in info
    assert len(data) <= 1_000_000
    fonts = poppler("pdffonts", data).splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts
    assert all("LibertinusSerif" in line for line in fonts)
    assert "Södermanlands län" in text and "åringar" in text and "Män" in text


def test_tagged_with_a_text_alternative_on_every_chart(gnesta) -> None:
    _, data, _ = gnesta
    assert re.search(r"Tagged:\s+yes", poppler("pdfinfo", data))
    structure = poppler("pdfinfo", data, "-struct")
    assert structure.count("Figure") >= 5
    alts = alt_texts(data)
    assert len(alts) >= 5
    assert any(a.startswith("Punktdiagram") and "35–44 år: skillnad 20,1 p.e." in a for a in alts)
    assert any(a.startswith("Karta") for a in alts)
    assert any(a.startswith("Linjediagram") and "2018–2022" in a for a in alts)


def test_english_numbers_and_the_largest_lan_and_riket_fit_two_pages() -> None:
    name, data = profiles.make("0461", "en", "pdf", MADE)
    text = "\n".join(flat(line) for line in poppler("pdftotext", data, "-layout").splitlines())
    assert name == "Gnesta" and "Gnesta 42.4% 27.9% 35.1% 14.5 pp" in text
    assert "Among all municipalities 99 of 290" in text and "No learning centre is known" in text
    for code in ("14", "00"):  # Västra Götaland: 49 kommuner; riket: 21 län
        _, data = profiles.make(code, "sv", "pdf", MADE)
        assert re.search(r"Pages:\s+2\n", poppler("pdfinfo", data)), code


HOSTILE = '#set page(width: 1cm) *fet* $x^2$ <l> @ref #import "/etc/passwd": * ]} <script>&amp;'


def test_no_text_is_read_as_typst_markup_or_html() -> None:
    doc = profile_doc.document(profile.compose("0480", "sv", MADE))
    bad = dataclasses.replace(doc, name=HOSTILE, summary=(HOSTILE, *doc.summary), kind=HOSTILE)
    text = flat(poppler("pdftotext", profile_pdf.pdf(bad)))
    assert HOSTILE.replace("  ", " ") in text
    page = profile_html.page(bad, '/profil/0480.pdf?x="><script>').decode()
    assert "<script" not in page and "&lt;script&gt;&amp;amp;" in page
    assert 'href="/profil/0480.pdf?x=&quot;&gt;&lt;script&gt;"' in page
    assert "Campus Nyköping" in page and 'href="https://' in page
