"""A benchmark's settings and numbers: the options every timed run takes (rounds, database,
where to keep the numbers), and the numbers printed and kept for the README's tables."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def publish(report: dict[str, Any], path: Path | None) -> None:
    text = json.dumps(report, indent=2)
    print(text)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def timed_run_options(
    prog: str, description: str | None, argv: list[str] | None
) -> argparse.Namespace:
    """`--rounds`, `--db` (the database the app would serve) and `--json`, read from `argv`;
    `args.db` is filled in with the app's own database when not given."""
    from etl.config import load_settings

    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="database (default: UTB_DB_PATH)")
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = parser.parse_args(argv)
    args.db = args.db or load_settings().db_path
    return args
