"""Documentation and exports for analysts, generated from the database itself.

`docs/schema.md` and the relation list in README.md (between `<!-- relations:start -->` and
`<!-- relations:end -->`) are written from DuckDB's catalog (tables, views, columns, types,
comments) and `build_info.schema_version`, so they cannot drift from the database: tests
regenerate them and fail when a committed copy differs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.config import PROJECT_ROOT
from etl.errors import EtlError

SCHEMA_DOC = PROJECT_ROOT / "docs" / "schema.md"
README = PROJECT_ROOT / "README.md"
RELATIONS_START = "<!-- relations:start: written by `python -m etl docs`; do not edit by hand -->"
RELATIONS_END = "<!-- relations:end -->"

HEADER = """# Database schema

Generated from the database by `python -m etl docs` — do not edit by hand; a test fails when this
file is stale. The file `data/utbildningslaget.duckdb` uses DuckDB's v1.0.0 storage format, so it
opens in DuckDB 1.1 and newer (CLI, Python, R, DBeaver) as well as 2.x. Every table, view and
column also carries these descriptions as a DuckDB `COMMENT`:

```sql
SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
ORDER BY table_name, column_index;
```

Age groups are written first-last with an ASCII hyphen everywhere in the data (`25-64`,
`16-74`, `25-34`, …); the `coverage` view says which years each has (25-64 only where SCB's
10-year groups exist). `build_info.schema_version` says which version of this schema a file has.

## Sums you compute yourself

Every count column is BIGINT, and so is every sum the views compute. DuckDB's own `sum()` of an
integer column is HUGEINT (128 bits), which pandas reads as float64, polars as Decimal(38,0) and
Parquet as DOUBLE: cast a sum you write, `sum(persons)::BIGINT`, and it stays a whole number in
every tool (a count of Swedes is far below BIGINT's 9.2 × 10^18).

```sql
SELECT region_name, sum(persons)::BIGINT AS persons
FROM population_education
JOIN region USING (region_code)
WHERE year = 2019 AND age_group = '25-64' AND region_level = 'county'
GROUP BY region_name
ORDER BY persons DESC;
```

## Changes in schema version 4

Everything of version 3 keeps its name and meaning; new columns are appended.

- **Peer groups.** `region.kommungrupp_code` / `kommungrupp_name`: SKR's kommungruppsindelning
  2023 (A1 … C9; NULL for riket and län), from SCB's code list `agg_RegionKommungrupp2023-` on a
  live refresh, else SKR's file (a row in `source` either way). `gender_gap_by_definition` gains
  `kommungrupp_code`, `kommungrupp_name`, `kommungrupp_rank_women`, `kommungrupp_rank_men`,
  `kommungrupp_rank_total`, `kommungrupp_rank_gap`, `n_in_kommungrupp` (kommuner only) and
  `county_rank_total`. The new table **`kommungrupp_gender_gap`** has each group's shares and gap
  from its kommuner's persons summed (not averaged shares), with riket's beside.
- **Ranks are competition ranking** (SQL `RANK()`): ties share a rank, the next is skipped
  (1, 2, 2, 4). This was so before; now every rank column says it.
- **Age order.** The table **`age_group`** (`age_from`, `age_to`, `sort_order`, `is_total`,
  labels); `attainment.age_order` and `gender_gap_by_definition.age_order` are its `sort_order`,
  so `ORDER BY age_order` lists the 10-year groups by age, then 16-74 and 25-64.
- **Per-row provenance.** `attainment` and `gender_gap_by_definition` gain `source_table` (the
  SCB table: TAB3981, or UtbBefRegionR for the 2019 10-year groups and 25-64 of the offline
  files) and `scb_updated` (that table's updated stamp as recorded, NULL when the source had none).
- **`municipality_access.has_known_larcentrum`** (also in `access_vs_attainment`): a named centre
  OR kommun-level evidence. `has_larcentrum` keeps its meaning (a named centre); count "no known
  centre" with `NOT has_known_larcentrum`.
- **No time zone type.** `build_info.built_at` and `source.scb_updated` / `fetched_at` /
  `loaded_at` are plain `TIMESTAMP` in UTC (were `TIMESTAMPTZ`, which needs pytz in a bare Python
  duckdb). Counts are BIGINT everywhere, example queries included.

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


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    comment: str


@dataclass(frozen=True)
class Relation:
    kind: str  # "table" | "view"
    name: str
    comment: str
    columns: tuple[Column, ...]


def catalog(con: duckdb.DuckDBPyConnection) -> list[Relation]:
    """Our tables and views with their columns, from DuckDB's catalog: tables first, then views,
    each by name; columns in their order."""
    # DuckDB's catalog functions also list its own (internal) relations, the temp database's and
    # those of any other attached database: only ours.
    relations = con.execute("""
        SELECT 'table' AS kind, table_name AS name, comment FROM duckdb_tables()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        UNION ALL
        SELECT 'view', view_name, comment FROM duckdb_views()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        ORDER BY kind, name
    """).fetchall()
    columns: dict[str, list[Column]] = {}
    for table, column, data_type, comment in con.execute("""
        SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        ORDER BY table_name, column_index
    """).fetchall():
        columns.setdefault(table, []).append(Column(column, data_type, comment or ""))
    return [
        Relation(kind, name, comment or "", tuple(columns.get(name, ())))
        for kind, name, comment in relations
    ]


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    # fetchall, not fetchone: DuckDB 2's connection stays busy until a result is read to its end
    rows = con.execute("SELECT max(schema_version) FROM build_info").fetchall()
    return rows[0][0] if rows else None


def markdown_cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def relations_markdown(con: duckdb.DuckDBPyConnection, where_types: str) -> str:
    """The schema version and every relation with its kind and columns, as one Markdown table:
    the overview of docs/schema.md and the relation list in README.md."""
    relations = catalog(con)
    tables = sum(r.kind == "table" for r in relations)
    lines = [
        f"This is **schema version {schema_version(con)}** (`build_info.schema_version`): "
        f"{tables} tables and {len(relations) - tables} views, every column listed; "
        f"{where_types}.",
        "",
        "| relation | kind | columns |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{r.name}` | {r.kind} | {', '.join(c.name for c in r.columns)} |" for r in relations
    ]
    return "\n".join(lines)


def schema_markdown(con: duckdb.DuckDBPyConnection) -> str:
    parts = [
        HEADER,
        "\n## Relations\n\n"
        + relations_markdown(con, "types and descriptions in the sections below"),
    ]
    for relation in catalog(con):
        parts.append(
            f"\n## {relation.kind} `{relation.name}`\n\n{relation.comment}\n\n"
            "| column | type | description |\n|---|---|---|"
        )
        parts += [
            f"| `{c.name}` | {c.type} | {markdown_cell(c.comment)} |" for c in relation.columns
        ]
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


def readme_block(con: duckdb.DuckDBPyConnection) -> str:
    """README.md's relation list, markers included."""
    body = relations_markdown(con, "their types and descriptions are in `docs/schema.md`")
    return f"{RELATIONS_START}\n{body}\n{RELATIONS_END}"


def with_readme_block(readme: str, block: str) -> str:
    """The README text with its generated relation list replaced by `block`."""
    start = readme.find(RELATIONS_START.partition(":")[0])
    end = readme.find(RELATIONS_END)
    if start < 0 or end < start:
        raise EtlError(
            f"README.md has no relation list to rewrite: it needs the lines {RELATIONS_START} "
            f"and {RELATIONS_END}"
        )
    return readme[:start] + block + readme[end + len(RELATIONS_END) :]


def write_schema_doc(db_path: Path, target: Path = SCHEMA_DOC) -> Path:
    with duckdb.connect(str(db_path), read_only=True) as con:
        text = schema_markdown(con)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def write_readme_relations(db_path: Path, readme: Path = README) -> Path:
    with duckdb.connect(str(db_path), read_only=True) as con:
        block = readme_block(con)
    text = readme.read_text(encoding="utf-8")
    updated = with_readme_block(text, block)
    if updated != text:
        tmp = readme.with_name(f".{readme.name}.tmp")
        tmp.write_text(updated, encoding="utf-8")
        os.replace(tmp, readme)
    return readme
