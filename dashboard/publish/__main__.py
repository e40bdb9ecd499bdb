"""`python -m dashboard.publish profiles --region 04 --out DIR`: the printable profiles of a
län and its kommuner (a kommun's alone, riket's with 00, all 312 with `all`) as PDF, and as HTML
too with `--html`, written from the database (UTB_DB_PATH) by as many processes as cores.

It shows progress, prints each file it wrote, and exits 2 with a sentence for a region it does
not know or a folder it cannot write in, before writing anything. A file appears whole or not
at all: each is written beside its name and renamed into place.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.publish", description=__doc__.split("\n\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("profiles", help="printable profiles (PDF, and HTML with --html)")
    made.add_argument(
        "--region",
        required=True,
        help="00 (riket), a län (04: it and its kommuner), a kommun (0461), or all (312)",
    )
    made.add_argument("--out", type=Path, required=True, help="the folder to write in")
    made.add_argument("--lang", choices=("sv", "en"), default="sv")
    made.add_argument("--html", action="store_true", help="an HTML page beside each PDF")
    made.add_argument(
        "--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes (default: 2)"
    )
    args = parser.parse_args(argv)
    from dashboard.publish import profiles

    forms = ("pdf", "html") if args.html else ("pdf",)
    return profiles.publish(args.region, args.out, args.lang, forms, max(1, args.jobs))


if __name__ == "__main__":
    sys.exit(main())
