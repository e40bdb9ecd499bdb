"""Read an uploaded deck file in a worker process, never in the page's own.

The page gets back a deck already checked (shape, views, settings, at most 40 slides of at most
`MAX_SLIDE_ROWS` rows) and small; a file that would take the worker's memory or time is
refused with a sentence, and the worker is killed with its process group whatever it does.
"""

from __future__ import annotations

import json
import subprocess

from dashboard.decks.model import Deck, DeckError, parse_document
from dashboard.decks.parse_worker import PARSE_SECONDS
from dashboard.decks.pinning_limits import MAX_FILE_BYTES
from etl import workers


def read_deck(data: bytes) -> Deck:
    """The deck in a file's bytes (pinned numbers allowed, not yet verified)."""
    if len(data) > MAX_FILE_BYTES:
        raise DeckError("file_too_large", mb=len(data) / 1024**2)
    process = workers.start("dashboard.decks.parse_worker")
    try:
        out, _ = process.communicate(data, timeout=PARSE_SECONDS + 5)
    except subprocess.TimeoutExpired:
        raise DeckError("file_unreadable") from None
    finally:
        workers.stop(process)
    try:
        answer = json.loads(out)
    except ValueError:
        raise DeckError("file_unreadable") from None
    if error := answer.get("error"):
        raise DeckError(str(error), **(answer.get("params") or {}))
    deck = parse_document(answer["deck"], allow_numbers=True)
    deck.replaced_text = bool(answer.get("replaced_text"))
    return deck
