"""A console result as it leaves the worker: every type shown as text where the page could not
show it, cut to the row cap and to the byte cap as written, and sent as an Arrow IPC stream with
every server path redacted.
"""

from __future__ import annotations

import re
from typing import Any

from dashboard.sandbox.redact import redact

#: DuckDB type ids the page shows as they are; every other type is sent as its text form.
PLAIN_TYPES = frozenset(
    {
        "boolean",
        "tinyint",
        "smallint",
        "integer",
        "bigint",
        "utinyint",
        "usmallint",
        "uinteger",
        "ubigint",
        "float",
        "double",
        "decimal",
        "varchar",
    }
)
# Dates and times are sent as their ISO text too: DuckDB's range (and `infinity`) is wider than
# what polars and Python can convert, and a date far outside it would crash the page.
#: Characters a number, date or time takes at most in a CSV cell (with its separator).
PLAIN_CELL_CHARS = 40
#: Per text cell on top of its bytes: two quotes, a separator, the formula guard's apostrophe.
TEXT_CELL_CHARS = 4
BATCH_ROWS = 256


def displayable(relation: Any) -> Any:
    """The relation with every column of a type the page cannot show as-is (LIST, STRUCT, MAP,
    UNION, BLOB, INTERVAL, BIT, UUID, HUGEINT, dates and times, ENUM, …) cast to text.

    ENUMs become plain text too: their dictionary is then counted once per row, as it will be
    written to a file, instead of once per result."""
    expressions = []
    for index, (name, kind) in enumerate(zip(relation.columns, relation.types, strict=True), 1):
        alias = '"' + str(name).replace('"', '""') + '"'
        if str(kind.id) in PLAIN_TYPES:
            expressions.append(f"#{index} AS {alias}")
        else:
            expressions.append(f"CAST(#{index} AS VARCHAR) AS {alias}")
    return relation.project(", ".join(expressions))


def written_bytes(batch: Any) -> Any:
    """Per row, the bytes it takes once written: text at its UTF-8 length (quotes doubled, as
    CSV writes them), every other cell at the widest a number or date is written."""
    import pyarrow as pa
    import pyarrow.compute as pc

    total = pa.array([0] * batch.num_rows, pa.int64())
    for column in batch.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            length = pc.add(
                pc.fill_null(pc.binary_length(column), 0),
                pc.fill_null(pc.count_substring(column, '"'), 0),
            )
            total = pc.add(total, pc.add(pc.cast(length, pa.int64()), TEXT_CELL_CHARS))
        else:
            total = pc.add(total, PLAIN_CELL_CHARS)
    return total


def unique_names(names: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Duplicate column names made unique (a, a_2, …), and which ones were renamed."""
    used: set[str] = set()
    result, renamed = [], []
    for name in names:
        candidate, n = name, 1
        while candidate in used:
            n += 1
            candidate = f"{name}_{n}"
        used.add(candidate)
        result.append(candidate)
        if candidate != name:
            renamed.append((name, candidate))
    return result, renamed


def collect(relation: Any, rows: int, result_bytes: int) -> tuple[list[Any], Any, str | None]:
    """The relation's batches up to `rows` rows and `result_bytes` bytes as written, its
    schema, and why it was cut (None, "rows" or "bytes")."""
    import pyarrow.compute as pc

    reader = displayable(relation).to_arrow_reader(BATCH_ROWS)
    batches, count, size, cut = [], 0, 0, None
    for batch in reader:
        room_rows = rows - count
        if batch.num_rows > room_rows:
            batch, cut = batch.slice(0, room_rows), "rows"
        # the cost as written (text expanded, every cell as a file has it), not as held
        cost = pc.cumulative_sum(written_bytes(batch))
        room = result_bytes - size
        if batch.num_rows and cost[-1].as_py() > room:
            fits = pc.sum(pc.less_equal(cost, room)).as_py() or 0
            batch, cut = batch.slice(0, fits), "bytes"
        if batch.num_rows:
            size += cost[batch.num_rows - 1].as_py()
            batches.append(batch)
            count += batch.num_rows
        if cut:
            break
    return batches, reader.schema, cut


def to_stream(batches: list[Any], schema: Any, known: list[str]) -> tuple[bytes, list[Any]]:
    """The Arrow IPC stream of the batches, column names made unique, every path in
    `known` redacted in names and text cells; and the renamed columns."""
    import pyarrow as pa
    import pyarrow.compute as pc

    names, renamed = unique_names([redact(str(n), known) for n in schema.names])
    table = pa.Table.from_batches(batches, schema=schema).rename_columns(names)
    # one pass per text column: every spelling as one alternation, longest first
    pattern = "|".join(re.escape(secret) for secret in known)
    for index, field in enumerate(table.schema):
        if pattern and (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
            column = pc.replace_substring_regex(table.column(index), pattern, "…")
            table = table.set_column(index, field, column)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes(), renamed
