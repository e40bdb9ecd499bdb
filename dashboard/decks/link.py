"""Share links: `?deck=` carries a deck's views (page + settings) and title, nothing else.

The token is zlib-compressed JSON in URL-safe base64. Reading one is bounded in every
direction — token length, decompressed size (a zip bomb stops at the limit), slide count —
and a token with numbers, pinned versions or unknown fields is refused, so a link can never
put a figure on a slide that the database did not produce.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib

from dashboard.decks.model import Deck, DeckError, parse_document, to_document, unpinned

MAX_TOKEN_CHARS = 8_000
MAX_JSON_BYTES = 64 * 1024


def to_link(deck: Deck) -> str:
    """A URL-safe token for `?deck=`; pinned decks travel as files (their tables are too long)."""
    text = json.dumps(to_document(unpinned(deck), with_numbers=False), ensure_ascii=False)
    return base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode().rstrip("=")


def from_link(token: str) -> Deck:
    if len(token) > MAX_TOKEN_CHARS:
        raise DeckError("link_too_long", n=len(token))
    try:
        packed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_JSON_BYTES)
    except (ValueError, binascii.Error, zlib.error):
        raise DeckError("link_damaged") from None
    if inflater.unconsumed_tail:
        raise DeckError("link_too_large")
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise DeckError("link_damaged") from None
    return parse_document(doc, allow_numbers=False)
