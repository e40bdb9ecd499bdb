"""Documentation and exports for analysts, generated from the database itself.

`docs/schema.md` is written from DuckDB's catalog (tables, views, columns, types, comments), so it
cannot drift from the database: a test regenerates it and fails when the committed copy differs.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from etl.config import PROJECT_ROOT

SCHEMA_DOC = PROJECT_ROOT / "docs" / "schema.md"
HEADER = """# Database schema

Generated from the database by `python -m etl docs` — do not edit by hand; a test fails when this
file is stale. The file `data/utbildningslaget.duckdb` uses DuckDB's v1.0.0 storage format, so it
opens in DuckDB 1.1 and newer (CLI, Python, R, DBeaver) as well as 2.x. Every table, view and
column also carries these descriptions as a DuckDB `COMMENT`:

```sql
SELECT table_name, column_name, data_type, comment FROM duckdb_columns() ORDER BY ALL;
```

Age groups are written first-last with an ASCII hyphen everywhere in the data (`25-64`,
`16-74`, `25-34`, …); the `coverage` view says which years each has (25-64 only where SCB's
10-year groups exist). `build_info.schema_version` says which version of this schema a file has.

## Changes in schema version 3

- **`gender_gap_by_definition` is a table**, computed and checked when the file is built
  (one row per year, region, age group, measure and definition of `attainment`), sorted by
  definition, measure, age group, region and year. Same name, columns and values as the view of
  version 2; queries on it and on `gender_gap_by_measure` / `gender_gap` (still views over it)
  no longer rank 1.6 million rows each time.

## Changes in schema version 2

Everything of version 1 keeps its name and meaning; new columns are appended.

- **Two definitions of the share.** `attainment` gains `known_level_persons`,
  `post_secondary_share_excl_unknown` and `post_secondary_3plus_share_excl_unknown`: the unknown
  level ("uppgift saknas") left out of the denominator, as in SCB's and many regions' charts.
  The v1 shares keep it in (Kolada N01982). The new view `gender_gap_by_definition` has both, in
  a `definition` column (`unknown_included` | `unknown_excluded`); `gender_gap_by_measure` and
  `gender_gap` are its `unknown_included` slice, as before.
- **Counts are BIGINT** (`attainment.persons`, `…_persons`); they were HUGEINT, which arrived as
  Decimal(38,0) in polars, float64 in pandas and DOUBLE in Parquet.
- **County names and ranks.** `region.county_name`; every gender-gap view gains `county_name`
  and, for kommuner, `county_rank_women`, `county_rank_men`, `county_rank_gap` (1 = highest
  share / largest gap) and `n_in_county`.
- **Riket is not ranked**: its `rank_*` and `n_regions` are NULL (were 1 and 1).
- **`coverage`**: age group, year, sources, derivation and number of regions.
- `build_info.api_manifest`: the saved SCB API responses the file was built from.
"""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def schema_markdown(con: duckdb.DuckDBPyConnection) -> str:
    relations = con.execute("""
        SELECT 'table' AS kind, table_name AS name, comment FROM duckdb_tables()
        UNION ALL
        SELECT 'view', view_name, comment FROM duckdb_views() WHERE NOT internal
        ORDER BY kind, name
    """).fetchall()
    parts = [HEADER]
    for kind, name, comment in relations:
        parts.append(
            f"\n## {kind} `{name}`\n\n{comment or ''}\n\n| column | type | description |\n|---|---|---|"
        )
        columns = con.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = $t ORDER BY column_index",
            {"t": name},
        ).fetchall()
        parts += [f"| `{c}` | {t} | {_cell(d)} |" for c, t, d in columns]
    macros = con.execute("""
        SELECT DISTINCT function_name, parameters, macro_definition FROM duckdb_functions()
        WHERE function_type = 'macro' AND NOT internal ORDER BY function_name
    """).fetchall()
    if macros:
        parts.append("\n## Macros\n")
        parts += [
            f"- `{name}({', '.join(params)})` = `{' '.join(str(body).split())}`"
            for name, params, body in macros
        ]
    return "\n".join(parts) + "\n"


def write_schema_doc(db_path: Path, target: Path = SCHEMA_DOC) -> Path:
    with duckdb.connect(str(db_path), read_only=True) as con:
        text = schema_markdown(con)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def export_parquet(db_path: Path, folder: Path) -> list[Path]:
    """Every table and view as `<name>.parquet` with each column's description in the file's
    metadata, plus schema.md and README.md (provenance) beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() WHERE NOT internal "
                "ORDER BY 1"
            ).fetchall()
        ]
        for name in names:
            target = folder / f"{name}.parquet"
            tmp = folder / f".{name}.parquet.tmp"
            _write_described_parquet(con, name, tmp)
            os.replace(tmp, target)
            written.append(target)
        readme = _provenance_readme(con, names)
        schema = schema_markdown(con)
    (folder / "README.md").write_text(readme, encoding="utf-8")
    (folder / "schema.md").write_text(schema, encoding="utf-8")
    return written


def _write_described_parquet(con: duckdb.DuckDBPyConnection, name: str, target: Path) -> None:
    """One relation as Parquet, streamed in batches, its comments in the file: each column's in
    the field metadata (`comment`), the relation's in the schema metadata (`comment`), so tools
    that read Parquet (pyarrow, DuckDB, Spark) show what a column means without our docs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    (relation_comment,) = con.execute(
        "SELECT comment FROM duckdb_tables() WHERE table_name = $n UNION ALL "
        "SELECT comment FROM duckdb_views() WHERE view_name = $n AND NOT internal",
        {"n": name},
    ).fetchone() or ("",)
    comments = dict(
        con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = $n", {"n": name}
        ).fetchall()
    )
    reader = con.cursor().table(name).to_arrow_reader(100_000)
    schema = pa.schema(
        [
            field.with_metadata({"comment": comments.get(field.name) or ""})
            for field in reader.schema
        ],
        metadata={"comment": relation_comment or "", "relation": name},
    )
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(pa.RecordBatch.from_arrays(batch.columns, schema=schema))


def _provenance_readme(con: duckdb.DuckDBPyConnection, names: list[str]) -> str:
    build = con.execute(
        "SELECT build_id, built_at, schema_version, data_fingerprint FROM build_info"
    ).fetchone()
    sources = con.execute("""
        SELECT source_id, scb_table_id, scb_table_name, coalesce(strftime(scb_updated, '%Y-%m-%d'), '–'),
               coalesce(strftime(fetched_at, '%Y-%m-%d %H:%M'), '–'), licence, coalesce(origin_repository, url, ''),
               coalesce(origin_commit, ''), sha256
        FROM source ORDER BY source_id""").fetchall()
    lines = [
        "# Utbildningsläget — Parquet export",
        "",
        "Every table and view of the database as one Parquet file (zstd). Column descriptions: docs/schema.md in the",
        "project, or the `COMMENT`s in the DuckDB file. Numbers: Statistics Sweden (SCB), licence CC0.",
        "",
        f"- build {build[0] if build else '?'}, built {build[1] if build else '?'}, schema version "
        f"{build[2] if build else '?'}, data fingerprint {build[3] if build else '?'}",
        f"- files: {', '.join(f'{n}.parquet' for n in names)}",
        "",
        "## Sources",
        "",
        "| source | SCB table | name | SCB updated | fetched | licence | origin | commit | sha256 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(_cell(str(v)) for v in row) + " |" for row in sources]
    return "\n".join(lines) + "\n"
