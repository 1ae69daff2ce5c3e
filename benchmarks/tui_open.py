"""How long `workbench review` takes to open, as a person sees it, at 1k, 10k and 100k claims.

Starts the real command in a tmux pane (140×40) and watches the screen: **first paint** is
when the header line appears, **full queue** when the queue's title shows every claim
("Claims — filter: unreviewed (N)": the default view, and every synthetic claim is
unrated). Prints both next to `python -c pass` started the same way in
the same run (the floor), and the ratio to the smallest size. Needs tmux.

    python benchmarks/tui_open.py [--sizes 1000 10000 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import build

SESSION = "workbench-bench"


def pane() -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", SESSION], capture_output=True, text=True
    ).stdout


def watch(command: str, *marks: str, deadline: float = 60.0) -> list[float]:
    """Seconds from starting ``command`` in a new tmux session until each of ``marks``
    is on screen, in order."""
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    t0 = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", SESSION, "-x", "140", "-y", "40", command],
        check=True,
    )
    found = []
    try:
        for mark in marks:
            while mark not in pane():
                if time.perf_counter() - t0 > deadline:
                    raise SystemExit(f"'{mark}' never appeared within {deadline:.0f} s")
                time.sleep(0.01)
            found.append(time.perf_counter() - t0)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("this benchmark watches the screen through tmux; install tmux")
    workbench = Path(sys.executable).with_name("workbench")
    floor_cmd = f"{sys.executable} -c 'print(\"floor-done\")'; sleep 5"
    floor = statistics.median(watch(floor_cmd, "floor-done")[0] for _ in range(args.repeat))
    print(f"floor (python -c, seen on screen): {floor * 1000:.0f} ms")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            db = Path(tmp) / f"{size}.db"
            t0 = time.perf_counter()
            build(db, size)
            print(f"built {size:,} claims in {time.perf_counter() - t0:.1f} s")
            command = f"WORKBENCH_REVIEWER=bench {workbench} review --db {db}"
            runs = [
                watch(command, f"{db.name} · ", f"filter: unreviewed ({size})")
                for _ in range(args.repeat)
            ]
            paint = statistics.median(r[0] for r in runs)
            full = statistics.median(r[1] for r in runs)
            rows.append((size, paint, full))
    base_paint, base_full = rows[0][1], rows[0][2]
    for size, paint, full in rows:
        print(
            f"{size:>7,} claims: first paint {paint:5.2f} s ({paint / floor:5.1f}x floor, "
            f"{paint / base_paint:4.1f}x {rows[0][0]:,})   full queue {full:5.2f} s "
            f"({full / base_full:4.1f}x {rows[0][0]:,})"
        )


if __name__ == "__main__":
    main()
