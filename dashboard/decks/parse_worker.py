"""A deck file's parse, as the worker process runs it (`python -m dashboard.decks.parse_worker`).

A deck file is outside input: 5 MB of JSON can hold a million empty rows that take the parsing
process's memory to hundreds of MB and its core for a second. So the page never parses one
itself: this worker reads the file's bytes on stdin, parses and checks it (`model.from_json`,
with its cap on slides and rows per slide) under an address-space cap, at the lowest priority,
and answers with the checked deck as JSON — a document the page parses again in milliseconds.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from etl import workers

#: Address space for the parse itself, beyond the loaded libraries.
PARSE_MEMORY_BYTES = 256 * 1024**2
PARSE_SECONDS = 10.0


def main() -> None:
    workers.die_with_parent()
    from dashboard.decks.model import DeckError, from_json, to_document
    from dashboard.decks.pinning_limits import MAX_FILE_BYTES

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    workers.lower_priority(PARSE_SECONDS)
    workers.cap_memory(PARSE_MEMORY_BYTES)
    answer: dict[str, Any]
    try:
        if len(data) > MAX_FILE_BYTES:
            raise DeckError("file_too_large", mb=len(data) / 1024**2)
        deck = from_json(data, allow_numbers=True)
        answer = {"deck": to_document(deck), "replaced_text": deck.replaced_text}
    except DeckError as exc:
        answer = {"error": exc.key, "params": exc.params}
    except MemoryError:
        answer = {"error": "file_unreadable", "params": {}}
    sys.stdout.buffer.write(json.dumps(answer).encode())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
