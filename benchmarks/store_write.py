"""Events per second through the Store API, against raw ``executemany`` in the same run.

Stores synthetic articles of 100 claims with ``Store.add_article`` (what `workbench ingest`
does after splitting), without matching and with it, merges the stored copy into an empty
database (what `workbench merge` does: all events, then every table rebuilt), and as the
physical floor inserts
the same number of rows of the same size into a bare table with one ``executemany`` per
article, in a database with the same settings. Prints events/s and the ratio of floor
speed to each (targets: >= 20,000 events/s without matching, ratio <= 6).

``--parts`` also stores the articles with parts of the work left out (the matching keys,
the full-text indexes, both), to show what each costs; no command stores that way.
``--keyed`` also times the floor with one and two indexes on random keys (as claim ids
and event subjects are): what any per-article commit of such an index costs.

    python benchmarks/store_write.py [--articles 100 1000] [--repeat 3] [--parts] [--keyed]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from synthetic import PER_ARTICLE, article_and_claims

from workbench.matching import link_article
from workbench.store import Store


def floor(path: Path, batches: list[list[tuple]], keyed: int = 0) -> float:
    """Seconds to insert every batch with one executemany and one commit per batch; with
    ``keyed``, that many indexes on random keys (the id, then the hash) are kept too."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT, payload TEXT, hash TEXT)")
    for column in ("id", "hash")[:keyed]:
        conn.execute(f"CREATE INDEX events_{column} ON events ({column})")
    t0 = time.perf_counter()
    for rows in batches:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO events (id, payload, hash) VALUES (?, ?, ?)", rows)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - t0
    conn.close()
    return seconds


def _digest(text: str) -> str:
    """A hash as random as the event hashes the Store writes."""
    return hashlib.sha256(text.encode()).hexdigest()


def through_store(path: Path, items: list, match: bool) -> float:
    with Store(path) as store:
        t0 = time.perf_counter()
        for article, claims in items:
            store.add_article(article, claims, "bench", link=link_article if match else None)
        return time.perf_counter() - t0


def through_merge(source: Path, path: Path) -> float:
    """Seconds `workbench merge SOURCE` takes into an empty database."""
    from workbench.usecases.merge import merge_copy

    with Store(path) as store:
        t0 = time.perf_counter()
        merge_copy(store, source)
        return time.perf_counter() - t0


def without(parts: str) -> contextlib.AbstractContextManager:
    """The projections with ``parts`` ("keys", "indexes" or both) left out, for --parts."""
    from unittest import mock

    from workbench.store import projections

    stack = contextlib.ExitStack()
    if "keys" in parts:
        blank = {"numkey": "", "match_text": "", "numbered_terms": ""}
        stack.enter_context(mock.patch.object(projections, "_match_keys", lambda *a: blank))
    if "indexes" in parts:
        stack.enter_context(mock.patch.object(projections, "index_new_claims", lambda *a: None))
    return stack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-match", action="store_true", help="skip the run with matching")
    parser.add_argument("--parts", action="store_true", help="also time the store without parts")
    parser.add_argument("--keyed", action="store_true", help="also time the floor with indexes")
    args = parser.parse_args()
    for n in args.articles:
        items = [article_and_claims(a) for a in range(n)]
        events = n * (PER_ARTICLE + 1)
        batches = [
            [(c.id, c.text * 3, _digest(c.id)) for c in claims] + [(a.id, a.text, _digest(a.id))]
            for a, claims in items
        ]
        runs: dict[str, list[float]] = {"floor": [], "store": [], "store+match": [], "merge": []}
        keyed = ["floor, 1 keyed index", "floor, 2 keyed indexes"] if args.keyed else []
        runs.update({k: [] for k in keyed})
        parts = ["no keys", "no indexes", "no keys, no indexes"] if args.parts else []
        runs.update({p: [] for p in parts})
        for r in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                runs["floor"].append(floor(Path(tmp) / "raw.db", batches))
                for i, name in enumerate(keyed, start=1):
                    runs[name].append(floor(Path(tmp) / f"raw{i}.db", batches, keyed=i))
                runs["store"].append(through_store(Path(tmp) / "s.db", items, match=False))
                runs["merge"].append(through_merge(Path(tmp) / "s.db", Path(tmp) / "copy.db"))
                if not args.no_match and r == 0:
                    runs["store+match"].append(through_store(Path(tmp) / "m.db", items, True))
                for i, part in enumerate(parts):
                    with without(part):
                        runs[part].append(through_store(Path(tmp) / f"p{i}.db", items, False))
        base = statistics.median(runs["floor"])
        print(f"{n:,} articles, {events:,} events:")
        for name, times in runs.items():
            if times:
                t = statistics.median(times)
                print(f"  {name:<20} {events / t:>9,.0f} events/s  ratio to floor {t / base:5.2f}")
        if parts:
            print("  (no keys: without the matching keys; no indexes: without full-text indexing)")
        if keyed:
            print("  (keyed: the floor's table with indexes on its random id and hash columns)")


if __name__ == "__main__":
    main()
