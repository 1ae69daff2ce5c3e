"""Start-up and listing time of `workbench claims` on a 10,000-claim database.

Prints each command's median wall time next to `python -c pass`, measured in the
same run, and the ratio between them (this machine is noisy; compare ratios).

    python benchmarks/cli_start.py [--claims 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from synthetic import build
from timing import timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        build(db, args.claims)
        print(f"built {args.claims} claims in {time.perf_counter() - t0:.1f}s")
        py = sys.executable
        baseline = timed([py, "-c", "pass"], args.repeat)
        print(f"{'python -c pass':42s} {baseline * 1000:8.1f} ms   1.0x")
        for label, extra in (
            ("workbench --version", ["--version"]),
            ("workbench stats", ["stats", "--db", str(db)]),
            ("workbench claims (table)", ["claims", "--db", str(db)]),
            ("workbench claims --format json", ["claims", "--db", str(db), "--format", "json"]),
        ):
            t = timed([py, "-m", "workbench", *extra], args.repeat)
            print(f"{label:42s} {t * 1000:8.1f} ms {t / baseline:6.1f}x")


if __name__ == "__main__":
    main()
