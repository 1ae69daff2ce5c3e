"""A progress line on stderr for long commands: done of total, a count, the rate, the ETA.

Drawn only when stderr is a terminal; redrawn at most five times a second."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``ingest  120/1000 articles · 3,410 claims · 4.1/s · ETA 3:35`` on one line."""

    def __init__(self, total: int, unit: str, counted: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.total, self.unit, self.counted = total, unit, counted
        self.done = self.count = 0
        self.started = self._drawn = time.monotonic()

    def advance(self, count: int = 0) -> None:
        """One more item done, with ``count`` more of the counted things."""
        self.done += 1
        self.count += count
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.2 or self.done == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        eta = f"{int(left // 60)}:{int(left % 60):02d}"
        return (
            f"{self.done:>{len(str(self.total))}}/{self.total} {self.unit} · "
            f"{self.count:,} {self.counted} · {rate:.1f}/s · ETA {eta}"
        )

    def close(self) -> None:
        """Clear the line, so the command's own output can be printed (``advance`` draws it
        again)."""
        if self.enabled and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = 0.0  # cleared: the next advance draws it again at once
