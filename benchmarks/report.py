"""A benchmark's numbers, printed and (with `--json`) kept in a file for the README's tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def publish(report: dict[str, Any], path: Path | None) -> None:
    text = json.dumps(report, indent=2)
    print(text)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
