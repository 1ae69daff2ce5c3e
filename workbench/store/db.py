"""Store: the only place that talks SQL. Opens, migrates, appends events and imports them.

Its reads live in mixins beside it: ``event_reads``, ``claim_reads``, ``match_reads``,
``feed_reads``."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import StoreError
from workbench.core.values import Article, Claim, Event, MatchKeys
from workbench.store import events as ev
from workbench.store import migrations, projections
from workbench.store.claim_reads import ClaimReads
from workbench.store.connection import (
    NETWORK_FILESYSTEMS,
    OPEN,
    OPEN_LOCK,
    Shared,
    filesystem_type,
    is_locked,
    path_key,
    rows_in,
    serialized,
)
from workbench.store.event_reads import EventReads, read_event_rows
from workbench.store.feed_reads import FeedReads
from workbench.store.match_reads import MatchReads
from workbench.store.payloads import claim_payload, ingest_items
from workbench.store.upgrades import Upgrades

DEFAULT_DB = "claims.db"
BUSY_TIMEOUT_S = 10.0
LOCK_RETRIES = 3
CACHE_KIB = 32 * 1024
#: pages of write-ahead log after which a commit copies it into the database file
CHECKPOINT_PAGES = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: finds the earlier claims new ones match: (store, article id, claims) -> links payload
Linker = Callable[["Store", str, Sequence[Claim]], dict]


def read_events_from(path: Path) -> list[dict]:
    """All events of another workbench database, oldest first, opened read-only and checked.

    The file is not migrated or written to; a broken hash chain refuses the read.
    """
    if not path.is_file():
        raise StoreError(f"no such database: {path}")
    with path.open("rb") as fh:
        if fh.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
            raise StoreError(f"{path} is not a workbench database (not an SQLite file)")
    with OPEN_LOCK:
        open_here = path_key(path) in OPEN
    if open_here:  # never a second connection beside the one this process holds
        with Store(path, create=False) as store:
            rows = store.event_rows()
    else:
        rows = read_event_rows(path)
    problem = ev.check_chain(rows)
    if problem is not None:
        raise StoreError(f"{path} fails verification: {problem.message}")
    return [
        {"id": r[1], "at": r[2], "actor": r[3], "action": r[4], "subject": r[5],
         "payload": json.loads(r[6])}
        for r in rows
    ]  # fmt: skip


def resolve_db_path(option: str | None) -> Path:
    """``--db`` wins, then ``WORKBENCH_DB``, then ``./claims.db``."""
    return Path(option or os.environ.get("WORKBENCH_DB") or DEFAULT_DB)


@dataclass(frozen=True)
class IngestResult:
    article_id: str
    created: bool  # False: the same content was already stored
    claims: int
    matched: int = 0  # claims that match an earlier claim
    duplicates: int = 0  # claims repeated within the article
    restored: int = 0  # claims of an already stored article that were missing, added back


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # already present


class Store(EventReads, ClaimReads, MatchReads, FeedReads, Upgrades):
    """A workbench database file. Use as a context manager, or call ``close()``.

    Every Store on the same file in one process shares one connection (see ``Shared``);
    a Store may be used from several threads.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        self._closed = False
        with OPEN_LOCK:
            shared = OPEN.get(path_key(self.path))
            if shared is None:
                shared = self._open(create)
                OPEN[path_key(self.path)] = shared
            shared.users += 1
        self._shared = shared
        self.db = shared.db
        self.warnings = list(shared.warnings)

    def _open(self, create: bool) -> Shared:
        self._check_file(create)
        started = time.monotonic()
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.DatabaseError as err:
            raise self._error(err) from None
        shared = self._shared = Shared(conn, [])
        self.db, self.warnings = shared.db, shared.warnings
        try:
            self._prepare()
        except BaseException as err:
            conn.close()  # nothing else in this process has the file open yet
            if isinstance(err, sqlite3.DatabaseError):
                raise self._error(err, waited=time.monotonic() - started) from None
            raise
        return shared

    # -- opening --------------------------------------------------------------------------

    def _check_file(self, create: bool) -> None:
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file")
        if not self.path.exists():
            if not create:
                raise StoreError(
                    f"no workbench database at {self.path} (`workbench ingest` creates one)"
                )
            if not self.path.parent.exists():
                raise StoreError(f"cannot create {self.path}: folder {self.path.parent} is missing")
            return
        try:
            with self.path.open("rb") as fh:
                head = fh.read(len(_SQLITE_MAGIC))
        except OSError as err:
            raise StoreError(f"cannot read {self.path}: {err.strerror}") from None
        if head and head != _SQLITE_MAGIC:
            raise StoreError(f"{self.path} is not a workbench database (not an SQLite file)")
        if not head and not create:
            raise StoreError(
                f"{self.path} is empty (0 bytes), not a workbench database "
                "(`workbench ingest` creates one)"
            )

    def _prepare(self) -> None:
        conn = self.db.conn
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != migrations.APPLICATION_ID and (app_id != 0 or tables):
            raise StoreError(f"{self.path} is an SQLite database, but not a workbench database")
        if version > migrations.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer workbench (schema {version}, this version "
                f"reads up to {migrations.SCHEMA_VERSION}); upgrade workbench to open it"
            )
        conn.execute("PRAGMA foreign_keys = ON")
        # A commit that reports success has reached the disk, even on power loss.
        conn.execute("PRAGMA synchronous = FULL")
        # 32 MB of page cache (SQLite's default is 2 MB): a match lookup at 100,000 claims
        # reads some hundred pages of index and rows, which otherwise come from the OS each time
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # Copy the write-ahead log into the file every 10,000 pages rather than 1,000: a page
        # that many commits touch (an index's) is copied once per checkpoint, not once per
        # few articles (an ingest of 1,000 articles stores about 12% more events a second);
        # the log is cut back to 64 MB after each checkpoint.
        conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
        conn.execute(f"PRAGMA journal_size_limit = {64 * 1024 * 1024}")
        if version:
            self._check_migrations()
        fs = filesystem_type(self.path)
        if fs in NETWORK_FILESYSTEMS:
            self.warnings.append(
                f"{self.path} is on a network filesystem ({fs}), where SQLite's write-ahead log "
                "is unsafe: keep the database on a local disk and share copies with "
                "`workbench merge` (see the README)"
            )
        if version < migrations.SCHEMA_VERSION:
            self._migrate(version)
        self._renew_keys()
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as err:
            if not is_locked(err):
                raise

    def _error(self, err: sqlite3.Error, waited: float | None = None) -> StoreError:
        if isinstance(err, sqlite3.OperationalError) and is_locked(err):
            wait = f"waited {waited:.0f} s" if waited is not None else "gave up waiting"
            return StoreError(
                f"{self.path} is locked by another process ({wait}); try again when it has finished"
            )
        if isinstance(err, sqlite3.DatabaseError) and "not a database" in str(err):
            return StoreError(f"{self.path} is not a workbench database (not an SQLite file)")
        return StoreError(f"{self.path}: {err}")

    def close(self) -> None:
        """Let go of the file; the connection closes when the last Store on it does."""
        if self._closed:
            return
        self._closed = True
        with self._shared.lock, OPEN_LOCK:  # waits for another thread's use to end
            self._shared.users -= 1
            if self._shared.users == 0:
                del OPEN[path_key(self.path)]
                self._shared.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taken with the write lock up front (BEGIN IMMEDIATE).

        SQLite's busy timeout waits for other writers; if the lock is still held after
        that, we try again a few times before giving up with a clear message. Other threads
        of this process wait for the transaction to end (they share its connection).
        """
        with self._shared.lock:
            conn = self.db.conn
            started = time.monotonic()
            for attempt in range(LOCK_RETRIES + 1):
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as err:
                    if not is_locked(err) or attempt == LOCK_RETRIES:
                        raise self._error(err, waited=time.monotonic() - started) from None
                    time.sleep(0.05 * (attempt + 1))
            try:
                yield
                conn.execute("COMMIT")
            except BaseException as err:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(err, sqlite3.Error):
                    raise self._error(err) from None
                raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the file (a read transaction), this thread only."""
        with self._shared.lock:
            conn = self.db.conn
            if conn.in_transaction:  # already inside a transaction of this connection
                yield
                return
            conn.execute("BEGIN")
            try:
                yield
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    @serialized
    def append(self, action: str, subject: str, payload: dict, actor: str) -> Event:
        """Append one event and apply it to the projections. Call inside ``transaction()``."""
        return self.append_many([(action, subject, payload)], actor)[0]

    def append_many(
        self,
        items: Sequence[tuple[str, str, dict]],
        actor: str,
        keys: Mapping[str, MatchKeys] | None = None,
    ) -> list[Event]:
        """Append events (action, subject, payload) in order and apply them to the
        projections, a run of claims in one statement; ``keys`` are the matching keys of
        claims the splitter read already. Call inside ``transaction()``."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("Store.append needs an open transaction")
        at = ev.now_iso()  # one transaction, one moment
        events = self._chain(
            [(ev.new_event_id(), at, actor, action, subject, payload)
             for action, subject, payload in items]
        )  # fmt: skip
        projections.apply_many(self.db, events, keys)
        return events

    def _chain(self, entries: Sequence[tuple[str, str, str, str, str, dict]]) -> list[Event]:
        """Insert events (id, at, actor, action, subject, payload) linked to the newest one
        and to each other, in one ``executemany``: the only place events are written."""
        last = self.db.conn.execute(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, prev_hash = (last[0], last[1]) if last else (0, ev.GENESIS)
        rows = ev.chained_rows(entries, seq, prev_hash)
        events = [
            Event(event_id, n, at, actor, action, subject, entry[-1], prev, digest)
            for (n, event_id, at, actor, action, subject, _, prev, digest), entry in zip(
                rows, entries, strict=True
            )
        ]
        self.db.conn.executemany(
            f"INSERT INTO events ({ev.EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        return events

    @serialized
    def add_article(
        self,
        article: Article,
        claims: Sequence[Claim],
        actor: str,
        *,
        link: Linker | None = None,
    ) -> IngestResult:
        """Store an article and its claims as events in one transaction. An article already
        stored gets back only the claims it is missing (a partial import of a report).

        ``link`` (``matching.link_article``; the ingest use case passes it) finds what the
        new claims match among earlier ones and repeats within the article; its answer is
        stored as an ``article.matched`` event in the same transaction. The Store itself
        knows nothing of matching.
        """
        with self.transaction():
            existing = self.db.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)
            ).fetchone()
            if existing:
                have = {
                    r[0]
                    for r in self.db.conn.execute(
                        "SELECT id FROM claims WHERE article_id = ?", (existing[0],)
                    )
                }
                missing = 0
                same = existing[0] == article.id  # claim ids derive from the article's
                for position, claim in enumerate(claims):
                    if same and claim.id not in have:
                        payload = claim_payload(claim, position)
                        self.append("claim.extracted", claim.id, payload, actor)
                        missing += 1
                return IngestResult(existing[0], False, len(have) + missing, restored=missing)
            # matched before the new claims are in the index: a word only they use would
            # otherwise look rarest and find nothing but themselves
            links = link(self, article.id, claims) if link is not None else {}
            items = ingest_items(article, claims)
            if links.get("matches") or links.get("duplicates"):
                items.append(("article.matched", article.id, links))
            keys = {c.id: c.match_keys for c in claims if c.match_keys is not None}
            self.append_many(items, actor, keys)
        return IngestResult(
            article.id,
            True,
            len(claims),
            len(links.get("matches", ())),
            len(links.get("duplicates", ())),
        )

    @serialized
    def import_events(self, events: Sequence[dict], *, rebuild: bool = False) -> ImportResult:
        """Append the events this database does not have yet (by id), in the order given,
        keeping their ids, times and actors; then bring the projections up to date (all of
        them, replayed from the events, with ``rebuild``).

        This is how reports are imported and copies of a database are merged: the union of
        events. Runs in one transaction; a malformed event refuses the whole import, and so
        does an event whose id is already here with different content (one of the two
        copies was altered: it is reported, never silently skipped).
        """
        checked = [ev.checked_event(e, i, projections.KNOWN_ACTIONS) for i, e in enumerate(events)]
        with self.transaction():
            have = self._existing(list(dict.fromkeys(e["id"] for e in checked)))
            fresh: list[dict] = []
            for e in checked:
                if e["id"] in have:
                    self._same_or_refuse(e, have[e["id"]])
                    continue
                have[e["id"]] = ev.stored_content(e)
                fresh.append(e)
            added = self._chain(
                [(e["id"], e["at"], e["actor"], e["action"], e["subject"], e["payload"])
                 for e in fresh]
            )  # fmt: skip
            if rebuild:
                self._replay()
            else:
                self._apply_imported(added)
        return ImportResult(added=len(added), skipped=len(checked) - len(added))

    def _apply_imported(self, added: Sequence[Event]) -> None:
        """Bring the projections up to date with imported events: each review action is
        replayed once per claim, in time order, after everything else is applied."""
        projections.apply_many(
            self.db, [e for e in added if e.action not in projections.CLAIM_REVIEW_ACTIONS]
        )
        reviewed = {e.subject for e in added if e.action in projections.CLAIM_REVIEW_ACTIONS}
        # a claim whose review events arrived before it (from a third copy) is replayed too
        extracted = [e.subject for e in added if e.action == "claim.extracted"]
        sql = (
            "SELECT DISTINCT subject FROM events WHERE subject IN ({marks}) "
            "AND action != 'claim.extracted'"
        )
        reviewed.update(r[0] for r in rows_in(self.db.conn, sql, extracted))
        for subject in dict.fromkeys(e.subject for e in added if e.subject in reviewed):
            projections.refresh_claim(self.db, subject)

    @staticmethod
    def _same_or_refuse(incoming: dict, stored: tuple) -> None:
        if ev.stored_content(incoming) == stored:
            return
        fields = ("at", "actor", "action", "subject", "payload")
        pairs = zip(fields, ev.stored_content(incoming), stored, strict=True)
        differ = [f for f, a, b in pairs if a != b]
        raise StoreError(
            f"event {incoming['id']} is already here with a different {' and '.join(differ)}: "
            "one of the two copies was altered after it was written; nothing was imported"
        )

    def _existing(self, ids: list[str]) -> dict[str, tuple]:
        """The stored content of those of ``ids`` that are already here."""
        sql = "SELECT id, at, actor, action, subject, payload FROM events WHERE id IN ({marks})"
        return {row[0]: tuple(row[1:]) for row in rows_in(self.db.conn, sql, ids)}
