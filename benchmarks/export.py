"""Export time as the database grows: `workbench export` at 1,000, 10,000 and 100,000 claims.

Builds synthetic databases through the real Store (100 claims an article, one claim in ten
with a verdict and a source), then times the command a user runs —
`workbench export --format FMT -o FILE` in a subprocess — for html and json, next to
`python -c pass` measured in the same run as the floor (this machine is noisy). Prints the
time per 1,000 claims and the ratio of each size's total to the 1,000-claim total: linear
export keeps the 100,000/1,000 ratio near 100 (target <= 120).

    python benchmarks/export.py [--sizes 1000 10000 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from synthetic import build
from timing import timed

from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.usecases import actions


def reviewed_db(path: Path, claims: int) -> None:
    """A database of ``claims`` claims, one in ten with a verdict and a source."""
    build(path, claims)
    rubric = load_rubric("default")
    source = [actions.SourceInput("https://stats.example.org/table", title="Port statistics")]
    with Store(path) as store:
        ids = [c.id for c in store.claims(kind="fact")][::10]
        for claim_id in ids:
            actions.record_verdict(store, claim_id, "false", rubric, "bench", source)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workbench = str(Path(sys.executable).with_name("workbench"))
    with tempfile.TemporaryDirectory() as tmp:
        floor = timed([sys.executable, "-c", "pass"], args.repeat)
        print(f"floor (python -c pass): {floor * 1000:.0f} ms")
        results: dict[str, list[tuple[int, float]]] = {"html": [], "json": []}
        for size in args.sizes:
            db = Path(tmp) / f"export-{size}.db"
            t0 = time.perf_counter()
            reviewed_db(db, size)
            print(f"built {size:,} claims in {time.perf_counter() - t0:.1f} s")
            for fmt in results:
                out = Path(tmp) / f"report-{size}.{fmt}"
                cmd = [workbench, "export", "--format", fmt, "-o", str(out), "--db", str(db)]
                results[fmt].append((size, timed(cmd, args.repeat)))
        for fmt, rows in results.items():
            base = rows[0][1]
            for size, seconds in rows:
                per_k = seconds / (size / 1000)
                print(
                    f"{fmt:4} {size:>7,} claims: {seconds:7.2f} s   {per_k:6.3f} s per 1k claims"
                    f"   {seconds / base:6.1f}x the {rows[0][0]:,}-claim export"
                    f"   {seconds / floor:7.1f}x the floor"
                )


if __name__ == "__main__":
    main()
