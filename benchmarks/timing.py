"""Timing what a user runs: a command in its own process, median of several runs."""

from __future__ import annotations

import statistics
import subprocess
import time


def timed(cmd: list[str], repeat: int) -> float:
    """Median wall time in seconds of running ``cmd`` ``repeat`` times (output discarded)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)
