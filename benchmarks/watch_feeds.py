"""Articles per minute with `workbench watch --once` over 20 feeds served on this machine,
next to `workbench ingest FOLDER` of the same pages (the same splitting and storing, no
network) measured in the same run.

Each feed is on its own loopback address (127.0.0.2, 127.0.0.3, … : 20 hosts, as 20
outlets would be) and lists ``--per-feed`` articles of distinct text (public CT24 and
NewsSD-ENG training sentences from ../shared/data, else generated ones). The watch runs
with its default politeness (1 s between two requests to one host). A second `watch
--once` finds every feed unchanged (304) and shows what a quiet check costs.

    python benchmarks/watch_feeds.py [--feeds 20] [--per-feed 5 10]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from long_article import run, sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.news_site import Site, article_page, rss, serve
from workbench.store import Store
from workbench.usecases.feeds import add_feed


def count_articles(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--per-feed", type=int, nargs="+", default=[5])
    args = parser.parse_args()
    workbench = str(Path(sys.executable).with_name("workbench"))
    env = {**os.environ, "WORKBENCH_REVIEWER": "bench"}
    pool = iter(sentences())
    for per_feed in args.per_feed:
        with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
            folder = Path(tmp) / "pages"
            folder.mkdir()
            sites = [stack.enter_context(serve(Site(), f"127.0.0.{2 + f}"))
                     for f in range(args.feeds)]  # fmt: skip
            db = Path(tmp) / "watch.db"
            for f, site in enumerate(sites):
                items = []
                for a in range(per_feed):
                    chunk = [next(pool) for _ in range(15)]
                    paragraphs = [" ".join(chunk[i : i + 5]) for i in range(0, 15, 5)]
                    page = article_page(f"Story {f}-{a}", paragraphs)
                    site.pages[f"/story/{a}"] = page
                    (folder / f"{f:02}-{a:03}.html").write_bytes(page.body)
                    items.append((f"Story {f}-{a}", f"{site.base}/story/{a}"))
                site.pages["/feed.rss"] = rss(f"Desk {f}", items, etag=f'"{f}-1"')
            with Store(db) as store:  # set-up, not measured: closed before the commands run
                for site in sites:
                    add_feed(store, f"{site.base}/feed.rss", "bench")
            articles = args.feeds * per_feed
            floor, floor_mb = run(
                [workbench, "ingest", str(folder), "--quiet", "--db", str(Path(tmp) / "i.db")], env
            )
            watch = [workbench, "watch", "--once", "--allow-private", "--json", "--db", str(db)]
            seconds, mb = run(watch, env)
            stored = count_articles(db)
            quiet, _ = run(watch, env)
            print(f"{args.feeds} feeds x {per_feed} articles = {articles} articles:")
            print(
                f"  floor: workbench ingest FOLDER  {floor:6.1f} s  {articles / floor * 60:5.0f} "
                f"articles/min  {floor_mb} MB"
            )
            print(
                f"  workbench watch --once        {seconds:6.1f} s  {articles / seconds * 60:5.0f} "
                f"articles/min  {mb} MB  ratio {seconds / floor:4.2f}"
            )
            print(f"  stored by the first check: {stored} of {articles}")
            print(f"  again, every feed unchanged (304)  {quiet:6.1f} s")


if __name__ == "__main__":
    main()
