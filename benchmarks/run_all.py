"""Run every benchmark and put their figures in the README.

Each benchmark runs as the user would run it (its own process, the sizes below chosen so the
whole set takes under 10 minutes on a 2-core laptop), and prints figures next to a floor
measured in the same run. This script collects the lines with figures into one Markdown
table and writes it between the ``benchmarks:start`` and ``benchmarks:end`` markers of the
README, headed by the machine, the date and the command.

    python benchmarks/run_all.py [--no-readme]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE.parent / "README.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"

#: (what it measures, script and arguments)
BENCHMARKS: list[tuple[str, list[str]]] = [
    ("CLI start-up, 10,000 claims", ["cli_start.py", "--repeat", "5"]),
    ("split vs bare spaCy", ["split_speed.py", "--articles", "40", "--repeat", "2"]),
    ("one long article", ["long_article.py", "--sizes", "50", "400", "1000"]),
    ("storing events", ["store_write.py", "--articles", "100", "1000", "--repeat", "2", "--keyed"]),
    ("review session start", ["tui_open.py", "--repeat", "2"]),
    ("export", ["export.py", "--repeat", "1"]),
    ("matching", ["matching.py", "--crowd", "100000"]),
    ("watching 20 feeds", ["watch_feeds.py", "--per-feed", "3"]),
]

#: lines that only say what was built or read
_CHATTER = re.compile(r"^(built |corpus:|matching on |wrong:|  [a-z]\d+ )")


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    python = platform.python_version()
    return f"{platform.system()} {platform.machine()}, {cores} cores, Python {python}"


def run(script: list[str]) -> tuple[list[str], float]:
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(HERE / script[0]), *script[1:]],
        cwd=HERE,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [f"failed: {last}"], seconds
    lines = [line.rstrip() for line in done.stdout.splitlines() if line.strip()]
    return [line for line in lines if not _CHATTER.match(line)], seconds


def table(results: list[tuple[str, list[str], list[str], float]]) -> str:
    when = dt.date.today().isoformat()
    out = [
        f"Measured on {when}, {machine()}, by `python benchmarks/run_all.py` "
        f"({sum(r[3] for r in results) / 60:.1f} minutes). Every figure is next to a floor "
        "measured in the same run; compare the ratios, not the seconds.",
        "",
        "| benchmark | command | figures |",
        "| --- | --- | --- |",
    ]
    for what, script, lines, _ in results:
        command = f"`python benchmarks/{' '.join(script)}`"
        cells = "<br>".join(" ".join(line.split()).replace("|", "\\|") for line in lines)
        out.append(f"| {what} | {command} | {cells} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    args = parser.parse_args()
    results = []
    for what, script in BENCHMARKS:
        lines, seconds = run(script)
        print(f"{what}: {seconds:.0f} s", file=sys.stderr, flush=True)
        results.append((what, script, lines, seconds))
    text = table(results)
    print(text)
    if args.no_readme:
        return
    readme = README.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        raise SystemExit(f"README.md has no {START} … {END} section to fill")
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    README.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
