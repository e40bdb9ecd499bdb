"""Pinned decks: a deck file carrying each slide's table and the data version it came from.

A pinned file is outside input like any other, so its numbers are shown only after they are
checked against the database it names: the fingerprint must be this database's, and every
slide's table must equal what the database gives for that view now. Anything else is refused
with a message and never drawn; the reader can open the same views unpinned instead.
"""

from __future__ import annotations

import json
from typing import Any

from dashboard.data import queries
from dashboard.decks.model import Deck, DeckError, Slide
from dashboard.decks.pinning_limits import MAX_FILE_BYTES
from dashboard.decks.reading import read_deck
from dashboard.decks.render import render

__all__ = ["MAX_FILE_BYTES", "load_file", "pin", "verified", "version_note"]


def pin(deck: Deck, lang: str = "sv") -> Deck:
    """The same deck carrying today's numbers and the data version they belong to (as their
    results say: `ViewResult.provenance`)."""
    results = [render(s, lang) for s in deck.slides]
    slides = [
        Slide(s.view, s.params, r.data.to_dicts())
        for s, r in zip(deck.slides, results, strict=True)
    ]
    made = results[0].provenance if results else None
    return Deck(
        deck.title,
        slides,
        made.data_version if made else None,
        str(made.built_at) if made else None,
    )


def load_file(data: bytes, lang: str = "sv") -> Deck:
    """A deck from an uploaded file (parsed in a worker process); pinned numbers only when they
    are this database's."""
    deck = read_deck(data)
    return verified(deck, lang) if deck.pinned else deck


def verified(deck: Deck, lang: str = "sv") -> Deck:
    """`deck` with the database's build time, if its fingerprint and numbers are this database's."""
    info = queries.build_info()
    if deck.pinned_fingerprint != info.get("data_fingerprint"):
        raise DeckError("other_version")
    for number, slide in enumerate(deck.slides, start=1):
        if slide.snapshot is None:
            raise DeckError("pinned_slide_empty", n=number)
        expected = render(Slide(slide.view, slide.params), lang).data.to_dicts()
        if _canonical(slide.snapshot) != _canonical(expected):
            raise DeckError("numbers_differ", n=number)
    return Deck(
        deck.title,
        deck.slides,
        deck.pinned_fingerprint,
        str(info.get("built_at")),
        deck.replaced_text,
    )


def version_note(deck: Deck, installed: str, lang: str = "sv") -> str:
    """What the slides' footers say of the data: the newest, or the version the deck is pinned
    to and whether it is the one installed (`installed`: a rendered slide's data version)."""
    if not deck.pinned:
        return "Senaste data" if lang == "sv" else "Newest data"
    stamp = (deck.pinned_built_at or "")[:10]
    if deck.pinned_fingerprint == installed:
        return (
            f"Låst till dataversion {stamp} (aktuell)"
            if lang == "sv"
            else f"Pinned to data of {stamp} (current)"
        )
    return (
        f"Låst till dataversion {stamp}; databasen har nyare data"
        if lang == "sv"
        else f"Pinned to data of {stamp}; the database has newer data"
    )


def _canonical(rows: list[dict[str, Any]]) -> str:
    """Rows as JSON with floats at 9 decimals: a file's numbers compared without float noise."""

    def tidy(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 9)
        if isinstance(value, dict):
            return {str(k): tidy(v) for k, v in value.items()}
        if isinstance(value, list):
            return [tidy(v) for v in value]
        return value

    return json.dumps(tidy(json.loads(json.dumps(rows, default=str))), sort_keys=True)
