"""The back row reads every label: the PowerPoint's type sizes, decimals and number formats, and
its pages as LibreOffice draws them — no word on another, no chart text under 16 pt."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from dashboard.decks.examples import example_deck
from dashboard.decks.model import Deck, Slide
from dashboard.render import pptx as pptx_export

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "room-deck"
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082"
)


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def room_deck() -> Deck:
    """The example deck and the views the issue found hard to read from the back: the age
    groups (of a län and of a kommun), the change of 21 län, the gap, the definitions."""
    deck = example_deck()
    deck.slides += [
        Slide("age", {"region": "04"}),
        Slide("change", {"scope": "county", "highlight": "04"}),
        Slide("gap", {"scope": "county", "highlight": "04"}),
        Slide("definitions", {"region": "04"}),
        Slide("age", {"region": "0486"}),
    ]
    return deck


@pytest.fixture(scope="module")
def decks(db_path: Path) -> dict[str, bytes]:
    import os

    os.environ["UTB_DB_PATH"] = str(db_path)
    return {
        lang: pptx_export.build(room_deck(), lang, image=lambda fig: PIXEL) for lang in ("sv", "en")
    }


def _sizes(xml: str) -> list[int]:
    """Every type size a chart sets, in hundredths of a point."""
    return [int(v) for v in re.findall(r'\bsz="(\d+)"', xml)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_chart_text_is_16_pt_and_headlines_28(decks: dict[str, bytes], lang: str) -> None:
    prs = Presentation(io.BytesIO(decks[lang]))
    for number, slide in enumerate(prs.slides, start=1):
        boxes = [sh for sh in slide.shapes if sh.has_text_frame]
        sizes = [sh.text_frame.paragraphs[0].font.size.pt for sh in boxes]
        assert sizes[0] >= 28 and sizes[1] >= 16, (number, sizes)  # headline, title
        assert sizes[-1] >= 12, number  # the footer: source line and data version
        for chart in (sh.chart for sh in slide.shapes if sh.has_chart):
            xml = chart._chartSpace.xml
            assert _sizes(xml) and min(_sizes(xml)) >= 1600, (number, sorted(set(_sizes(xml))))
            assert 'latin typeface="Arial"' in xml  # metrics LibreOffice matches (not DejaVu)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_axes_and_labels_in_the_decks_language(decks: dict[str, bytes], lang: str) -> None:
    """Whole-number ticks with the language's unit ("0.5" read in a Swedish deck); every value
    label with the page's one decimal and the language's decimal mark."""
    prs = Presentation(io.BytesIO(decks[lang]))
    allowed = {'0"\u202f%"', '0" p.e."'} if lang == "sv" else {'0"%"', '0" pp"'}
    decimal = "," if lang == "sv" else "."
    for number, slide in enumerate(prs.slides, start=1):
        for chart in (sh.chart for sh in slide.shapes if sh.has_chart):
            axis = chart.value_axis
            assert axis.tick_labels.number_format in allowed, number
            assert float(axis.major_unit).is_integer(), number
            labels = re.findall(r"<a:t>([^<]*\d[^<]*)</a:t>", chart._chartSpace.xml)
            for label in labels:
                value = re.search(r"\d+[.,]\d+", label)
                assert value and decimal in value.group(0), (number, label)
                assert re.fullmatch(r"\d+[.,]\d", value.group(0)), (number, label)


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes, as poppler reads them from LibreOffice's PDF."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append(
            [
                (float(a), float(b), float(c), float(d), text)
                for a, b, c, d, text in re.findall(
                    r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
                    page,
                )
            ]
        )
    return pages


def _overlaps(words: list[tuple[float, float, float, float, str]]) -> list[str]:
    """Pairs of words whose glyphs meet: each box's middle half in height (a line's box holds
    its ascent and descent, so the lines of one paragraph touch) less a point at each side."""
    core = [(a + 1, b + (d - b) / 4, c - 1, d - (d - b) / 4, t) for a, b, c, d, t in words]
    found = []
    for i, (a, b, c, d, t) in enumerate(core):
        for e, f, g, h, u in core[i + 1 :]:
            if a < g and e < c and b < h and f < d:
                found.append(f"{t!r} on {u!r}")
    return found


def test_libreoffice_draws_no_label_on_another_and_no_small_chart_text(
    decks: dict[str, bytes],
) -> None:
    """The deck as a projector shows it (LibreOffice's rendering, kept as pictures): on no page
    does a word sit on another — the age slide's riket "5,6" sat on "4,6 p.e." — and every word
    above the footer is at least 16 pt (a word's box is ~1.3 × its type)."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    assert soffice and pdftoppm, "run `make test` (it installs LibreOffice Impress and poppler)"
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    deck = ARTIFACTS / "deck.pptx"
    deck.write_bytes(decks["sv"])
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{ARTIFACTS}/.profile",
         "--convert-to", "pdf", "--outdir", str(ARTIFACTS), str(deck)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pages = _words(ARTIFACTS / "deck.pdf")
    assert len(pages) == len(room_deck().slides)
    problems: dict[int, object] = {}
    for number, words in enumerate(pages, start=1):
        footer_top = max(b for _, b, _, _, t in words if t.startswith("Källa:"))
        above = [w for w in words if w[1] < footer_top - 2]
        small = [(t, round(d - b, 1)) for _, b, _, d, t in above if d - b < 16 * 1.25]
        if overlaps := _overlaps(above):
            problems[number] = overlaps[:5]
        if small:
            problems[-number] = small[:5]
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", str(ARTIFACTS / "deck.pdf"), str(ARTIFACTS / "slide")],
        check=True, timeout=60,
    )  # fmt: skip
    shutil.rmtree(ARTIFACTS / ".profile", ignore_errors=True)
    assert problems == {}, sys.stderr.write(str(problems)) or problems


@pytest.mark.parametrize(
    ("lang", "separators", "suffix"), [("sv", ", ", "\u202f%"), ("en", ".,", "%")]
)
def test_slide_view_numbers_in_the_decks_language(lang: str, separators: str, suffix: str) -> None:
    """Every slide figure writes numbers as its language does: Plotly's own ticks ("0,5 p.e.",
    not "0.5") by the layout's separators, kept when a long list is split in two columns."""
    from dashboard.decks import render as drawing
    from dashboard.render.slides import slide_figure

    for slide in room_deck().slides:
        fig = slide_figure(drawing.render(slide, lang), 1184, 460, 1280 / 960)
        assert fig.layout.separators == separators, slide.view
        suffixes = {axis.ticksuffix for axis in fig.select_xaxes() if axis.ticksuffix}
        suffixes |= {axis.ticksuffix for axis in fig.select_yaxes() if axis.ticksuffix}
        assert all(s.endswith((suffix, "p.e." if lang == "sv" else "pp")) for s in suffixes)
