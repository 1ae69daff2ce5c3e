"""How long the review session takes to open on 1,000 and on 100,000 claims.

Measures, headless, the time from starting the app to the queue being filled and the first
claim shown, for both sizes in the same run, and prints the ratio (target: 100,000 claims
open in under 2 seconds).

    python benchmarks/tui_open.py [--sizes 1000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from synthetic import build

from workbench.rubrics import load_rubric
from workbench.tui.app import ReviewApp


async def open_once(db: Path) -> float:
    app = ReviewApp(db, "bench", load_rubric("default"), offer_sample=False)
    t0 = time.perf_counter()
    async with app.run_test(size=(140, 40)) as pilot:
        while not app.loaded:
            await pilot.pause(0.005)
        await pilot.pause()
        elapsed = time.perf_counter() - t0
        await pilot.press("G")  # the last row is reachable at once
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            db = Path(tmp) / f"{n}.db"
            t0 = time.perf_counter()
            build(db, n)
            print(f"built {n} claims in {time.perf_counter() - t0:.1f}s")
            results[n] = statistics.median(asyncio.run(open_once(db)) for _ in range(args.repeat))
    base = results[sizes[0]]
    for n in sizes:
        print(f"open with {n:>7} claims: {results[n]:6.2f} s   {results[n] / base:5.1f}x")


if __name__ == "__main__":
    main()
