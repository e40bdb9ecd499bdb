"""The console's one exception: a refusal or failure named by a key of the text catalogue.

Kept apart from the policy so that both the policy and the translation of DuckDB's failures
(`failures`) can raise it without importing each other.
"""

from __future__ import annotations

from dashboard.text import en

#: Every refusal and failure, in English (the catalogue's CONSOLE part); the dashboard says
#: them in the UI's language by key.
MESSAGES = en.CONSOLE


class SandboxError(Exception):
    """A query that was refused or failed: `key` and `params` say which, `str()` says it in
    English in one line; the page says it in the UI's language."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(MESSAGES[key].format(**params))
