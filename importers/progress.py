"""Progress for long work: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts done steps out of a total and redraws a one-line bar."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None,
                 quiet: bool = False) -> None:
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self._tty = self.stream.isatty()
        self._started = time.monotonic()
        self._last_percent = -1

    def advance(self, steps: int = 1, note: str = "") -> None:
        """Record `steps` more units of work and redraw."""
        self.done = min(self.done + steps, self.total)
        percent = 100 * self.done // self.total
        if self.quiet or (not self._tty and percent // 25 == self._last_percent // 25):
            return
        self._last_percent = percent
        filled = 30 * self.done // self.total
        bar = "#" * filled + "-" * (30 - filled)
        line = f"{self.label} [{bar}] {percent:3d}% {self.done}/{self.total} {note}"
        if self._tty:
            self.stream.write("\r" + line[:120].ljust(120))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> float:
        """End the bar; return the elapsed seconds."""
        if self._tty and not self.quiet:
            self.stream.write("\n")
        return time.monotonic() - self._started
