"""A deck is a title and slides; a slide is a page name and that page's URL parameters.

Everything in a deck file or link comes from outside, so reading one accepts exactly the
shape we write and nothing more: known views, known parameter names with code-like values,
a short title, a bounded number of slides. Pinned numbers (`data`) are allowed only in files,
and only the `pinning` module may accept them, after checking them against the database.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from dashboard.model.registry import VIEWS as _VIEWS
from dashboard.model.registry import all_keys
from dashboard.text import en
from dashboard.text.safe_text import shorten

VIEWS = tuple(_VIEWS)
DECK_VERSION = 1
#: The parameters the views declare; nothing else describes a view.
PARAM_KEYS = all_keys()
#: Every value the pages write is a code, a year or a comma-separated list of them.
PARAM_VALUE = re.compile(r"[A-Za-z0-9_,.\-]{0,200}")
#: A workshop deck has a handful; each slide is a view the page computes when the deck opens
#: (forty distinct views in one link once cost the server ten seconds of CPU).
MAX_SLIDES = 15
#: Rows a pinned slide's table may have: the largest table a view draws is the 290 kommuner.
MAX_SLIDE_ROWS = 2_000
#: A lone UTF-16 half (JSON's "\ud800") is no character: it cannot be sent to a browser.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
TITLE_LIMIT = 120
DEFAULT_TITLE = "Utbildningsläget"


#: Why a deck file or link is refused, in English (the catalogue's DECK part); the page says
#: it in the UI's language.
MESSAGES = en.DECK


class DeckError(ValueError):
    """A deck file or link that cannot be used: `key` and `params` say why, `str()` in English."""

    def __init__(self, reason: str, /, **params: object) -> None:
        self.key, self.params = reason, params
        super().__init__(MESSAGES[reason].format(**params))


@dataclass
class Slide:
    view: str
    params: dict[str, str]
    snapshot: list[dict[str, Any]] | None = None  # the table, when the deck is pinned


@dataclass
class Deck:
    title: str = DEFAULT_TITLE
    slides: list[Slide] = field(default_factory=list)
    pinned_fingerprint: str | None = None
    pinned_built_at: str | None = None
    #: the title had characters that are not text (lone surrogates), now shown as "\ufffd"
    replaced_text: bool = False

    @property
    def pinned(self) -> bool:
        return self.pinned_fingerprint is not None


def unpinned(deck: Deck) -> Deck:
    """The same views without pinned numbers: they re-render from the database."""
    return Deck(deck.title, [Slide(s.view, dict(s.params)) for s in deck.slides])


def text_only(value: str) -> str:
    """`value` with every lone surrogate replaced by U+FFFD: always encodable as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def clean_title(value: object) -> str:
    return text_only(shorten(str(value or ""), TITLE_LIMIT).strip()) or DEFAULT_TITLE


def to_document(deck: Deck, with_numbers: bool = True) -> dict[str, Any]:
    doc: dict[str, Any] = {"version": DECK_VERSION, "title": deck.title}
    if with_numbers and deck.pinned:
        doc["pinned"] = {
            "data_fingerprint": deck.pinned_fingerprint,
            "built_at": deck.pinned_built_at,
        }
    doc["slides"] = [
        {
            "view": s.view,
            "params": s.params,
            **({"data": s.snapshot} if with_numbers and s.snapshot is not None else {}),
        }
        for s in deck.slides
    ]
    return doc


def to_json(deck: Deck) -> str:
    return json.dumps(to_document(deck), ensure_ascii=False, indent=1, default=str)


def parse_document(doc: object, allow_numbers: bool) -> Deck:
    """The deck a document describes, refusing anything we would not have written."""
    top_keys = {"version", "title", "slides"} | ({"pinned"} if allow_numbers else set())
    if not isinstance(doc, dict) or doc.get("version") != DECK_VERSION:
        raise DeckError("version", version=DECK_VERSION)
    if extra := sorted(set(doc) - top_keys):
        raise DeckError("unknown_fields" if allow_numbers else "link_content", names=_names(extra))
    raw_slides = doc.get("slides")
    if not isinstance(raw_slides, list) or not raw_slides:
        raise DeckError("no_slides")
    if len(raw_slides) > MAX_SLIDES:
        raise DeckError("too_many_slides", n=len(raw_slides), limit=MAX_SLIDES)
    slides = [_slide(n, raw, allow_numbers) for n, raw in enumerate(raw_slides, start=1)]
    pinned = doc.get("pinned")
    if pinned is not None and not (
        isinstance(pinned, dict) and isinstance(pinned.get("data_fingerprint"), str)
    ):
        raise DeckError("no_fingerprint")
    if pinned is None and any(s.snapshot is not None for s in slides):
        raise DeckError("numbers_unpinned")
    return Deck(
        clean_title(doc.get("title")),
        slides,
        pinned["data_fingerprint"] if pinned else None,
        None,  # the build time shown is the database's, never the file's
        replaced_text=bool(_LONE_SURROGATE.search(str(doc.get("title") or ""))),
    )


def from_json(text: str | bytes, allow_numbers: bool = True) -> Deck:
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise DeckError("not_json") from None
    return parse_document(doc, allow_numbers)


def _slide(number: int, raw: object, allow_numbers: bool) -> Slide:
    keys = {"view", "params"} | ({"data"} if allow_numbers else set())
    if not isinstance(raw, dict) or raw.get("view") not in VIEWS:
        raise DeckError("slide_view", n=number, views=", ".join(VIEWS))
    if extra := sorted(set(raw) - keys):
        raise DeckError(
            "slide_fields" if allow_numbers else "slide_link_content", n=number, names=_names(extra)
        )
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise DeckError("slide_params", n=number)
    for key, value in params.items():
        if key not in PARAM_KEYS:
            raise DeckError("slide_setting", n=number, key=repr(shorten(str(key), 40)))
        if not isinstance(value, str) or not PARAM_VALUE.fullmatch(value):
            raise DeckError("slide_value", n=number, key=key)
    data = raw.get("data")
    if isinstance(data, list) and len(data) > MAX_SLIDE_ROWS:
        raise DeckError("slide_rows", n=number, rows=len(data), limit=MAX_SLIDE_ROWS)
    if data is not None and not (isinstance(data, list) and all(_is_row(row) for row in data)):
        raise DeckError("slide_table", n=number)
    return Slide(str(raw["view"]), {str(k): str(v) for k, v in params.items()}, data)


#: A pinned row is what a view's file table holds: a few dozen named cells, each a number, a
#: short text, true/false or empty. Anything else — nested values, huge cells — is no table of
#: ours (a row of 1.6 million `{}` once took the page's process to 935 MB to check it, and a
#: value nested 600 deep crashed the check).
MAX_ROW_CELLS = 64
MAX_CELL_CHARS = 2_000


def _is_row(row: object) -> bool:
    return (
        isinstance(row, dict)
        and len(row) <= MAX_ROW_CELLS
        and all(
            isinstance(key, str)
            and len(key) <= 80
            and (
                value is None
                or isinstance(value, (bool, int, float))
                or (isinstance(value, str) and len(value) <= MAX_CELL_CHARS)
            )
            for key, value in row.items()
        )
    )


def _names(extra: list[str]) -> str:
    return ", ".join(repr(shorten(e, 30)) for e in extra[:5])
