"""`workbench ingest FOLDER` on 1,000 articles: wall time and peak memory, one process and
the default (the free cores), next to bare `nlp.pipe` over the same paragraphs.

The articles are 20 sentences each of the public CT24 training file in ../shared/data (five
to a paragraph), each sentence used once; without it, generated sentences. Every command
runs in its own process; peak memory is the RSS of the largest process (the command or one
of its workers).

    python benchmarks/ingest_many.py [--articles 1000] [--jobs 1 0]   (0: the default)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from long_article import BARE, run, sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 0])
    args = parser.parse_args()
    workbench = str(Path(sys.executable).with_name("workbench"))
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        everything = []
        for a in range(args.articles):
            chunk = pool[a * 20 : a * 20 + 20]
            if len(chunk) < 20:
                raise SystemExit(f"only {a} articles of distinct text")
            text = "\n\n".join(" ".join(chunk[i : i + 5]) for i in range(0, 20, 5))
            (folder / f"{a:05}.txt").write_text(text, encoding="utf-8")
            everything.append(text)
        words = sum(len(t.split()) for t in everything)
        joined = Path(tmp) / "all.txt"
        joined.write_text("\n\n".join(everything), encoding="utf-8")
        floor, floor_mb = run([sys.executable, "-c", BARE, str(joined)])
        print(f"{args.articles:,} articles, {words:,} words")
        print(f"floor (bare nlp.pipe, 1 process)   {floor:7.1f} s  {floor_mb:5} MB")
        env = {**os.environ, "WORKBENCH_REVIEWER": "bench"}
        for jobs in args.jobs:
            db = Path(tmp) / f"jobs{jobs}.db"
            option = ["--jobs", str(jobs)] if jobs else []
            seconds, mb = run([workbench, "ingest", str(folder), "--quiet", "--db", str(db),
                               *option], env)  # fmt: skip
            name = f"--jobs {jobs}" if jobs else "default jobs"
            print(
                f"workbench ingest ({name:<12})  {seconds:7.1f} s  {mb:5} MB peak  "
                f"{words / seconds:,.0f} words/s  ratio {seconds / floor:4.2f}"
            )


if __name__ == "__main__":
    main()
