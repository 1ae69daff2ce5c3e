"""Events per second through the Store API, against raw ``executemany`` in the same run.

Stores synthetic articles of 100 claims with ``Store.add_article`` (what `workbench ingest`
does after splitting: the claims come with their matching keys, read as they were split,
so the write lock is held only to write; the time to read those keys is printed too),
without matching and with it, merges the stored copy into an empty
database (what `workbench merge` does: all events, each applied to the tables), and as the
physical floor inserts
the very event rows the store writes (same columns, same payload text, hashes computed
beforehand) into a bare table with one ``executemany`` per article, in a database with the
same settings. Prints events/s and the ratio of floor
speed to each (targets: >= 20,000 events/s without matching, ratio <= 6).

``--parts`` also stores the articles with parts of the work left out (the matching keys,
the full-text indexes, both), and with the keys read by the store itself (as for claims
that come without them: a merge, a rebuild), to show what each costs; no command stores
the first three ways.
``--keyed`` also times the floor with one and two indexes on random keys (as claim ids
and event subjects are): what any per-article commit of such an index costs.

    python benchmarks/store_write.py [--articles 100 1000] [--repeat 3] [--parts] [--keyed]
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from synthetic import PER_ARTICLE, article_and_claims

from workbench.core.values import MatchKeys
from workbench.matching import link_article
from workbench.store import Store
from workbench.store import events as ev
from workbench.store.payloads import ingest_items


def floor(path: Path, batches: list[list[tuple]], keyed: int = 0) -> float:
    """Seconds to insert every batch with one executemany and one commit per batch; with
    ``keyed``, that many indexes on random keys (the subject, then the hash) are kept too."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT, at TEXT, actor TEXT, "
        "action TEXT, subject TEXT, payload TEXT, prev_hash TEXT, hash TEXT)"
    )
    for column in ("subject", "hash")[:keyed]:
        conn.execute(f"CREATE INDEX events_{column} ON events ({column})")
    insert = f"INSERT INTO events ({ev.EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    t0 = time.perf_counter()
    for rows in batches:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(insert, rows)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - t0
    conn.close()
    return seconds


def event_rows(items: list) -> list[list[tuple]]:
    """The events rows the store writes for each article, chained as it chains them."""
    batches, seq, prev = [], 0, ev.GENESIS
    for article, claims in items:
        at = ev.now_iso()
        entries = [
            (ev.new_event_id(), at, "bench", action, subject, payload)
            for action, subject, payload in ingest_items(article, claims)
        ]
        batches.append(ev.chained_rows(entries, seq, prev))
        seq, prev = batches[-1][-1][0], batches[-1][-1][-1]
    return batches


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
    """The projections with the full-text ``indexes`` left out, for --parts."""
    from unittest import mock

    from workbench.store import projections

    stack = contextlib.ExitStack()
    if "indexes" in parts:
        stack.enter_context(mock.patch.object(projections, "index_new_claims", lambda *a: None))
    return stack


def blank_keys(items: list) -> list:
    """The articles with empty matching keys: nothing for the matching index to hold."""
    blank = MatchKeys("", "", "")
    return [(a, tuple(replace(c, match_keys=blank) for c in claims)) for a, claims in items]


def key_reading(plain: list) -> float:
    """Seconds to read the matching keys of the claims of ``plain`` articles (read without
    them), as the splitter does."""
    from workbench.matching.keys import with_match_keys
    from workbench.matching.signature import signature

    signature.cache_clear()
    t0 = time.perf_counter()
    for _, claims in plain:
        with_match_keys(claims)
    return time.perf_counter() - t0


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
        batches = event_rows(items)
        runs: dict[str, list[float]] = {"floor": [], "store": [], "store+match": [], "merge": []}
        keyed = ["floor, 1 keyed index", "floor, 2 keyed indexes"] if args.keyed else []
        runs.update({k: [] for k in keyed})
        parts = ["no keys", "no indexes", "no keys, no indexes"] if args.parts else []
        parts += ["keys read by the store"] if args.parts else []
        runs.update({p: [] for p in parts})
        plain = [article_and_claims(a, keyed=False) for a in range(n)]
        blank = blank_keys(items) if args.parts else []
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
                    stored = blank if "no keys" in part else plain if "store" in part else items
                    with without(part):
                        runs[part].append(through_store(Path(tmp) / f"p{i}.db", stored, False))
        base = statistics.median(runs["floor"])
        reading = key_reading(plain)
        print(f"{n:,} articles, {events:,} events:")
        for name, times in runs.items():
            if times:
                t = statistics.median(times)
                print(f"  {name:<24} {events / t:>9,.0f} events/s  ratio to floor {t / base:5.2f}")
        claims = n * PER_ARTICLE
        print(
            f"  (matching keys read as the claims were split: {reading:.2f} s, "
            f"{reading / claims * 1e6:.0f} us a claim)"
        )
        if parts:
            print("  (no keys: without the matching keys; no indexes: without full-text indexing)")
        if keyed:
            print("  (keyed: the floor's table with indexes on its random subject and hash)")


if __name__ == "__main__":
    main()
