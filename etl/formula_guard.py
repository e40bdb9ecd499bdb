"""Text cells that a spreadsheet would run as formulas, made inert in every file we write.

Excel and LibreOffice evaluate a cell that starts with `=`, `+`, `-` or `@` (and tab or
carriage return before one of them), and `|` starts a DDE call — `=HYPERLINK(…)` or `+cmd|…`
in a lärcentrum name would run on the reader's machine. The check looks at the text as a
spreadsheet will: after Unicode NFKC normalisation (full-width `＝＋－＠｜` become `=+-@|`) and
past leading spaces and invisible characters (zero-width space, BOM, word joiner, soft hyphen,
direction marks), which a reader cannot see and some programs skip. A leading apostrophe is the
spreadsheet's own "this is text" mark (OWASP's advice for CSV injection); numbers and dates are
not text and are untouched. Every text-like column is checked: strings, categoricals and enums,
and the strings inside lists, arrays and structs.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # polars loads where frames are guarded; `is_formula` needs none of it
    import polars as pl

FORMULA_PREFIXES = ("=", "+", "-", "@", "|", "\t", "\r")
#: Characters that show nothing (or only change direction) and may stand before a formula.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
#: Only the start of a cell decides, so only a bounded prefix is normalised.
PREFIX_CHARS = 64
_PATTERN = f"^(?:[\\t\\r]|[\\s{INVISIBLE}]*[=+\\-@|])"
_COMPILED = re.compile(_PATTERN)


def is_formula(value: str) -> bool:
    """Whether a spreadsheet could read `value` as a formula (or a DDE call)."""
    return bool(_COMPILED.match(unicodedata.normalize("NFKC", value[:PREFIX_CHARS])))


def neutralise(value: str) -> str:
    return "'" + value if is_formula(value) else value


def _guarded(expr: pl.Expr, dtype: Any) -> pl.Expr | None:
    """`expr` with formula-like text prefixed, or None when its type holds no text."""
    import polars as pl

    if dtype == pl.String or isinstance(dtype, (pl.Categorical, pl.Enum)):
        text = expr.cast(pl.String)
        flagged = text.str.slice(0, PREFIX_CHARS).str.normalize("NFKC").str.contains(_PATTERN)
        return pl.when(flagged).then(pl.lit("'") + text).otherwise(text)
    if isinstance(dtype, (pl.List, pl.Array)):
        inner = _guarded(pl.element(), dtype.inner)
        if inner is None:
            return None
        return expr.cast(pl.List(dtype.inner)).list.eval(inner)
    if isinstance(dtype, pl.Struct):
        fields = [
            (field.name, _guarded(pl.field(field.name), field.dtype)) for field in dtype.fields
        ]
        changed = [guard.alias(name) for name, guard in fields if guard is not None]
        return expr.struct.with_fields(changed) if changed else None
    return None


def neutralise_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text-like column (strings, categoricals, enums, and the text inside lists, arrays
    and structs) with formula-like cells prefixed by an apostrophe."""
    import polars as pl

    guards = [
        guard.alias(name)
        for name, dtype in frame.schema.items()
        if (guard := _guarded(pl.col(name), dtype)) is not None
    ]
    return frame.with_columns(guards) if guards else frame
