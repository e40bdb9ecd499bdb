"""DuckDB's failures as sentences of our own: never DuckDB's message itself.

A DuckDB error text can carry anything the engine knows: a file's path, a setting's value, a
process id, or a value a query made up with `error(…)` out of things it must not show. So the
analyst gets a fixed sentence chosen by the kind of failure, and the only words that may be
echoed are names DuckDB quoted that appear, as typed, in the analyst's own query (an unknown
column, the token a syntax error stopped at).
"""

from __future__ import annotations

import re

import duckdb

from dashboard.sandbox.errors import SandboxError

#: A quoted name in a DuckDB message; only simple names are echoed.
_QUOTED = re.compile(r'"([^"\n]{1,60})"')
_NAMED = re.compile(r"with name (\S{1,60}) does not exist")
_ECHOABLE = re.compile(r"[\w.$]{1,60}")


def _own_word(candidates: list[str], sql: str) -> str | None:
    """The first candidate that is a simple name found in the analyst's own query."""
    lowered = sql.lower()
    for word in candidates:
        word = word.strip('"')
        if _ECHOABLE.fullmatch(word) and word.lower() in lowered:
            return word
    return None


def syntax_error(message: str, sql: str) -> SandboxError:
    """A parser error: the word it stopped at, when that word is the analyst's."""
    near = re.search(r'at or near "([^"\n]{1,60})"', message)
    word = _own_word([near.group(1)], sql) if near else None
    return SandboxError("syntax_near", word=word) if word else SandboxError("syntax")


def failure(exc: BaseException, sql: str) -> SandboxError:
    """The catalogue's sentence for a DuckDB failure while checking or running `sql`."""
    message = str(exc)
    if isinstance(exc, duckdb.ParserException):
        return syntax_error(message, sql)
    if isinstance(exc, duckdb.PermissionException):
        return SandboxError("no_access")
    if isinstance(exc, duckdb.BinderException):
        if "Ambiguous reference" in message:
            word = _own_word(_QUOTED.findall(message), sql)
            return SandboxError("ambiguous", name=word) if word else SandboxError("binder")
        if "not found" in message or "does not have a column" in message:
            word = _own_word(_QUOTED.findall(message)[::-1], sql)
            return SandboxError("column", name=word) if word else SandboxError("binder")
        return SandboxError("binder")
    if isinstance(exc, duckdb.CatalogException):
        named = _NAMED.search(message)
        word = _own_word([named.group(1)], sql) if named else None
        return SandboxError("unknown_name", name=word) if word else SandboxError("catalog")
    if isinstance(exc, duckdb.ConversionException):
        return SandboxError("conversion")
    if isinstance(exc, duckdb.OutOfRangeException):
        return SandboxError("out_of_range")
    if isinstance(exc, (duckdb.InvalidInputException, duckdb.ConstraintException)):
        return SandboxError("invalid_input")
    if isinstance(exc, duckdb.IOException):
        return SandboxError("disk")
    return SandboxError("failed")
