"""Step-by-step progress on stderr, shared by every command that builds a database.

Its own module because build, refresh and the lärcentrum import all print the same way, and
the CLI must end an open progress line before it prints an error.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class StepPrinter:
    """Prints each step with the time the previous one took, so a slow step is visible."""

    #: the stream of a step line still waiting for its time (an error must start a new line)
    _open_line: TextIO | None = None

    @classmethod
    def end_line(cls) -> None:
        if cls._open_line is not None:
            print(file=cls._open_line, flush=True)
            StepPrinter._open_line = None

    def __init__(self, stream: TextIO = sys.stderr, quiet: bool = False) -> None:
        self.stream, self.quiet = stream, quiet
        self.started = self.last = time.perf_counter()
        self.current: str | None = None

    def __call__(self, name: str) -> None:
        self._finish_current()
        self.current, self.last = name, time.perf_counter()
        if not self.quiet:
            print(f"  … {name}", end="", file=self.stream, flush=True)
            StepPrinter._open_line = self.stream

    def _finish_current(self) -> None:
        if self.current and not self.quiet:
            print(f" ({time.perf_counter() - self.last:.1f} s)", file=self.stream, flush=True)
            StepPrinter._open_line = None

    def done(self) -> float:
        self._finish_current()
        self.current = None
        return time.perf_counter() - self.started
