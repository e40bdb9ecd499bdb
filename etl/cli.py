"""Command line: `python -m etl build | status` (refresh and the rest register here too)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb

from etl import analyst_sql
from etl.analyst_docs import write_readme_relations, write_schema_doc
from etl.analyst_export import export_parquet
from etl.assemble.progress import StepPrinter
from etl.build import build
from etl.config import Settings, load_settings
from etl.damaged import LOCKED_SENTENCE, recover, state_of
from etl.disk import disk_problem
from etl.ensure import ensure_database
from etl.errors import EtlError
from etl.larcentrum.importer import import_list
from etl.scb.refresh import refresh

Handler = Callable[[argparse.Namespace, Settings], int]


def _cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    if note := recover(settings.db_path):
        print(note, file=sys.stderr)
    report = build(settings, quiet=args.quiet)
    print(
        f"Built {report.db_path} in {report.seconds:.1f} s: {report.fact_rows:,} fact rows "
        f"from {report.sources} sources; {len(report.checks)} checks passed."
    )
    return 0


def _cmd_refresh(args: argparse.Namespace, settings: Settings) -> int:
    if note := recover(settings.db_path):
        print(note, file=sys.stderr)
    report = refresh(settings, full=args.full, quiet=args.quiet)
    if report.status == "up to date":
        print(f"Up to date: {report.reason}; {report.requests} request(s) to SCB.")
        return 0
    print(
        f"Refreshed {settings.db_path} in {report.seconds:.1f} s ({report.reason}): years "
        f"{report.years[0]}–{report.years[-1]}, {report.data_requests} data request(s), "
        f"{report.cells:,} cells, {report.requests} request(s) in all; {report.fact_rows:,} fact rows."
    )
    if report.new_regions:
        print(f"New region code(s) loaded: {', '.join(report.new_regions)}")
    return 0


def _cmd_larcentrum(args: argparse.Namespace, settings: Settings) -> int:
    report = import_list(settings, args.file, check_only=args.check, quiet=args.quiet)
    verb = (
        "is valid"
        if args.check
        else f"loaded into {settings.db_path}; list saved to {report.list_path}"
    )
    print(f"{args.file}: {report.centres} lärcentrum in {report.kommuner} kommuner {verb}.")
    return 0


def _cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    print(f"Wrote {write_schema_doc(settings.db_path)}")
    print(f"Wrote the relation list in {write_readme_relations(settings.db_path)}")
    return 0


def _cmd_sql(args: argparse.Namespace, settings: Settings) -> int:
    return analyst_sql.main(settings.db_path, args.c, python_prompt=args.python)


def _cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    files = export_parquet(settings.db_path, args.parquet)
    print(f"Wrote {len(files)} Parquet files, schema.md and README.md to {args.parquet}")
    return 0


def _cmd_ensure(args: argparse.Namespace, settings: Settings) -> int:
    reason = ensure_database(settings)
    if reason:
        print(f"Built {settings.db_path} (it was {reason}).")
    return 0


def _cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    found = state_of(settings.db_path)
    if found.kind == "missing":
        print(f"No database at {settings.db_path}. Run `python -m etl build`.")
        return 1
    if found.kind == "locked":
        print(LOCKED_SENTENCE)
        return 1
    if found.kind in ("damaged", "foreign"):
        print(
            f"{settings.db_path} cannot be used: {found.why}. `python -m etl ensure` (which "
            "`make run` runs) keeps it beside it as a .damaged-<time> file and builds a new one."
        )
        return 1
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        built = con.execute("SELECT built_at, schema_version FROM build_info").fetchone()
        print(
            f"Database {settings.db_path} (schema {built[1] if built else '?'}, built {built[0] if built else '?'})"
        )
        rows = con.execute("""
            SELECT s.source_id, coalesce(s.scb_table_id, s.kind), coalesce(strftime(s.scb_updated, '%Y-%m-%d'), '–'),
                   count(f.year), min(f.year), max(f.year)
            FROM source AS s LEFT JOIN population_education AS f USING (source_id)
            GROUP BY ALL ORDER BY 1
        """).fetchall()
    for source_id, table, updated, n, first, last in rows:
        years = f"{first}–{last}" if first else "no facts"
        print(f"  {source_id:<40} {table:<14} updated {updated:<10} {n:>9,} rows  {years}")
    return 0


def _parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("--db", type=Path, help="DuckDB file (env UTB_DB_PATH)")
    parser.add_argument("--data-dir", type=Path, help="offline SCB files (env UTB_DATA_DIR)")
    commands = parser.add_subparsers(dest="command", required=True)
    handlers: dict[str, Handler] = {}

    build_cmd = commands.add_parser("build", help="build the database from the offline SCB files")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="no step-by-step progress")
    handlers["build"] = _cmd_build

    refresh_cmd = commands.add_parser(
        "refresh", help="fetch TAB3981 from SCB's PxWeb API v2 (new data only)"
    )
    refresh_cmd.add_argument(
        "--full", action="store_true", help="refetch every year, not only new ones"
    )
    refresh_cmd.add_argument("--base-url", help="PxWeb API v2 base URL (env UTB_SCB_BASE_URL)")
    refresh_cmd.add_argument(
        "--lang", choices=["sv", "en"], help="label language (env UTB_SCB_LANG)"
    )
    refresh_cmd.add_argument(
        "--timeout", type=float, help="seconds per request (env UTB_SCB_TIMEOUT)"
    )
    refresh_cmd.add_argument(
        "--raw-dir", type=Path, help="where responses are kept (env UTB_RAW_DIR)"
    )
    refresh_cmd.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    handlers["refresh"] = _cmd_refresh

    larcentrum_cmd = commands.add_parser("larcentrum", help="the lärcentrum list")
    larcentrum_sub = larcentrum_cmd.add_subparsers(dest="action", required=True)
    import_cmd = larcentrum_sub.add_parser("import", help="validate a CSV/.xlsx list and load it")
    import_cmd.add_argument(
        "file", type=Path, help="CSV (UTF-8 or Excel's cp1252; ';' or ',') or .xlsx"
    )
    import_cmd.add_argument("--check", action="store_true", help="only validate, load nothing")
    import_cmd.add_argument("-q", "--quiet", action="store_true", help="no step-by-step progress")
    import_cmd.add_argument(
        "--list",
        dest="larcentrum_path",
        type=Path,
        help="where the list is kept (env UTB_LARCENTRUM_PATH)",
    )
    handlers["larcentrum"] = _cmd_larcentrum

    commands.add_parser(
        "docs", help="regenerate docs/schema.md and README.md's relation list from the database"
    )
    handlers["docs"] = _cmd_docs
    sql_cmd = commands.add_parser(
        "sql", help="the database read-only: the DuckDB CLI if on PATH, else a SQL prompt"
    )
    sql_cmd.add_argument("-c", metavar="SQL", help="run these statements, print, exit")
    sql_cmd.add_argument(
        "--python", action="store_true", help="the Python prompt even when a CLI is on PATH"
    )
    handlers["sql"] = _cmd_sql
    export_cmd = commands.add_parser(
        "export", help="every table and view as Parquet, with provenance"
    )
    export_cmd.add_argument(
        "--parquet", type=Path, required=True, metavar="DIR", help="target folder"
    )
    handlers["export"] = _cmd_export

    commands.add_parser("ensure", help="build the database only if it is missing or outdated")
    handlers["ensure"] = _cmd_ensure

    commands.add_parser("status", help="what the database holds and where it came from")
    handlers["status"] = _cmd_status
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(
            db_path=args.db,
            data_dir=args.data_dir,
            scb_base_url=getattr(args, "base_url", None),
            scb_lang=getattr(args, "lang", None),
            scb_timeout=getattr(args, "timeout", None),
            raw_dir=getattr(args, "raw_dir", None),
            larcentrum_path=getattr(args, "larcentrum_path", None),
        )
        try:
            return handlers[args.command](args, settings)
        except (OSError, duckdb.Error) as exc:
            sentence = disk_problem(exc, settings.db_path.parent)
            if sentence is None:
                raise
            raise EtlError(sentence) from exc
    except EtlError as exc:
        StepPrinter.end_line()
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        StepPrinter.end_line()
        print("interrupted: the previous database was kept", file=sys.stderr)
        return 130
