"""`python -m dashboard.decks`: PowerPoint decks for one region or every kommun of a län.

    python -m dashboard.decks --deck example --region 0486 --out strängnäs.pptx
    python -m dashboard.decks --deck min-lista.json --all-in-county 04 --out-dir decks/

For a workshop tour: the example deck (or a saved deck file) re-aimed at each region, built
from the database (UTB_DB_PATH), with a progress bar when there is more than one deck.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from tqdm import tqdm

#: The same limit as a deck file uploaded on the deck page (dashboard.decks.pinning).
MAX_DECK_BYTES = 5 * 1024**2


def read_bounded(path: Path, limit: int = MAX_DECK_BYTES) -> bytes:
    """At most `limit` bytes of a deck file, read (not trusted from its size: a pipe or
    /dev/zero has none); DeckError when there is more."""
    from dashboard.decks.model import DeckError

    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise DeckError("file_too_large", mb=len(data) / 1024**2)
    return data


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or "bildspel"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.decks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--deck", default="example", help="'example' or a saved deck file (.json)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--region", help="a län (04) or kommun (0486) code")
    target.add_argument("--all-in-county", metavar="LÄN", help="one deck per kommun of this län")
    parser.add_argument("--out", type=Path, help="the .pptx to write (with --region)")
    parser.add_argument("--out-dir", type=Path, default=Path("decks"), help="with --all-in-county")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    args = parser.parse_args(argv)
    from streamlit.logger import set_log_level

    # no app runs here: Streamlit's "no runtime, caching in memory" notices are noise
    set_log_level("error")
    from dashboard.data import queries
    from dashboard.decks.examples import example_deck, for_region
    from dashboard.decks.model import DeckError, from_json
    from dashboard.render import pptx as pptx_export

    try:
        base = (
            example_deck()
            if args.deck == "example"
            else from_json(read_bounded(Path(args.deck)), allow_numbers=True)
        )
    except (OSError, DeckError) as exc:
        print(f"error: cannot read the deck {args.deck}: {exc}", file=sys.stderr)
        return 2
    regions = queries.regions()
    if args.region:
        codes = [args.region]
    else:
        codes = regions.filter(
            (regions["county_code"] == args.all_in_county)
            & (regions["region_level"] == "municipality")
        )["region_code"].to_list()
        if not codes:
            print(f"error: {args.all_in_county!r} is not a län code", file=sys.stderr)
            return 2
    names = dict(zip(regions["region_code"], regions["region_name"], strict=True))
    written = []
    for code in tqdm(codes, desc="decks", unit="deck", disable=len(codes) == 1, file=sys.stderr):
        try:
            deck = for_region(base, code, regions)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        out = args.out if args.region and args.out else args.out_dir / f"{_slug(names[code])}.pptx"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pptx_export.build(deck, args.lang))
        written.append(out)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
