"""Deck files and links are bounded outside input (issue 28, H6 and H7): a file is parsed in a
worker process with a cap on rows per slide, text that is not text becomes a notice, and a
slide number that is not ASCII digits is not a crash."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.decks import pinning, reading
from dashboard.decks.model import MAX_SLIDE_ROWS, DeckError

SLIDE = {"view": "ranking", "params": {"show": "women"}}


@pytest.fixture(autouse=True)
def database(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))


def test_a_pinned_file_of_a_million_empty_rows_is_refused_by_the_worker() -> None:
    """The campaign's 4.9 MB file: the real fingerprint's shape, 1.6 M empty rows."""
    rows = ",".join(["{}"] * 1_600_000)
    text = (
        '{"version": 1, "title": "t", "pinned": {"data_fingerprint": "x"}, '
        f'"slides": [{{"view": "ranking", "params": {{}}, "data": [{rows}]}}]}}'
    )
    assert 4.5 * 1024**2 < len(text) < 5 * 1024**2
    with pytest.raises(DeckError) as caught:
        pinning.load_file(text.encode())
    assert caught.value.key == "slide_rows"
    assert "1,600,000 rows" in str(caught.value) and f"{MAX_SLIDE_ROWS:,}" in str(caught.value)


@pytest.mark.parametrize(
    "cell", ["[" + ",".join(["{}"] * 1_500_000) + "]", '{"a":' * 600 + "1" + "}" * 600]
)
def test_a_pinned_row_is_a_row_of_plain_cells(cell: str) -> None:
    """One row of 1.6 million `{}` took the page's process to 935 MB to check, a value nested
    600 deep crashed the check: a pinned row holds numbers, short texts and empties only, and
    the worker refuses anything else before the page sees it."""
    text = (
        '{"version": 1, "title": "t", "pinned": {"data_fingerprint": "x"}, '
        f'"slides": [{{"view": "ranking", "params": {{}}, "data": [{{"a": {cell}}}]}}]}}'
    )
    assert len(text) < 5 * 1024**2
    with pytest.raises(DeckError) as caught:
        pinning.load_file(text.encode())
    assert caught.value.key == "slide_table"


def test_a_file_the_worker_cannot_read_in_its_limits_is_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dashboard.decks import parse_worker

    monkeypatch.setattr(parse_worker, "PARSE_SECONDS", 0.0)
    monkeypatch.setattr(reading, "PARSE_SECONDS", -4.9)  # the worker gets 0.1 s
    with pytest.raises(DeckError, match="could not be read within the time and memory"):
        reading.read_deck(json.dumps({"version": 1, "slides": [SLIDE] * 40}).encode() * 1)


def test_a_title_that_is_not_text_becomes_a_notice() -> None:
    data = json.dumps({"version": 1, "title": "Bad \ud800 title", "slides": [SLIDE]})
    deck = pinning.load_file(data.encode())
    assert deck.title == "Bad \ufffd title" and deck.replaced_text
    deck.title.encode("utf-8")


def _link(doc: dict[str, object]) -> str:
    text = json.dumps(doc)  # "\ud800" travels as an escape, as a crafted link would carry it
    return base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode().rstrip("=")


def _deck_page(**params: str) -> AppTest:
    app = AppTest.from_string(
        "from dashboard.screens import deck\ndeck.render()", default_timeout=60
    )
    app.query_params.update(params)
    return app.run()


def test_the_deck_page_shows_a_notice_not_an_error_box_for_broken_text() -> None:
    token = _link({"version": 1, "title": "x\ud800y", "slides": [SLIDE]})
    app = _deck_page(deck=token)
    assert not app.exception and not app.error
    assert any("\ufffd" in info.value for info in app.info)  # the notice, in the UI language


@pytest.mark.parametrize("slide", ["²", "١", "𝟙", "99999999999999999999", "-1", "1.5"])
def test_a_slide_number_that_is_not_ascii_digits_is_not_a_crash(slide: str) -> None:
    token = _link({"version": 1, "title": "t", "slides": [SLIDE, SLIDE]})
    app = _deck_page(deck=token, present="1", slide=slide)
    assert not app.exception and not app.error
    assert any("1 / 2" in m.value for m in app.markdown)
