"""Store: the only place that talks SQL. Opens, migrates, appends events, reads projections."""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from workbench.core.errors import NotFoundError, StoreError
from workbench.core.values import (
    Article,
    Claim,
    ClaimDraft,
    Dropped,
    Entity,
    Event,
    Frame,
    Source,
    Verdict,
)
from workbench.store import events as ev
from workbench.store import migrations, projections

DEFAULT_DB = "claims.db"
BUSY_TIMEOUT_S = 10.0
LOCK_RETRIES = 3
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "glusterfs", "ceph",
     "fuse.rclone", "davfs", "fuse.davfs2", "virtiofs", "vboxsf", "prl_fs", "fuse.s3fs"}
)  # fmt: skip
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEX = re.compile(r"^[0-9a-f]+$")
T = TypeVar("T")
#: finds the earlier claims new ones match: (store, article id, claims) -> links payload
Linker = Callable[["Store", str, Sequence[Claim]], dict]
_EVENT_COLUMNS = "seq, id, at, actor, action, subject, payload, prev_hash, hash"


def filesystem_type(path: Path) -> str | None:
    """The type of the filesystem holding ``path`` (Linux /proc/mounts), or None if unknown."""
    try:
        target = path.resolve().parent
        best, fs = "", None
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 3:
                    continue
                mount = parts[1].replace("\\040", " ")
                inside = str(target) == mount or str(target).startswith(mount.rstrip("/") + "/")
                if inside and len(mount) >= len(best):
                    best, fs = mount, parts[2]
        return fs
    except OSError:
        return None


def read_events_from(path: Path) -> list[dict]:
    """All events of another workbench database, oldest first, opened read-only and checked.

    The file is not migrated or written to; a broken hash chain refuses the read.
    """
    if not path.is_file():
        raise StoreError(f"no such database: {path}")
    with path.open("rb") as fh:
        if fh.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
            raise StoreError(f"{path} is not a workbench database (not an SQLite file)")
    with _OPEN_LOCK:
        open_here = _key(path) in _OPEN
    if open_here:  # never a second connection beside the one this process holds
        with Store(path, create=False) as store:
            rows = store.event_rows()
    else:
        rows = _read_event_rows(path)
    problem = ev.check_chain(rows)
    if problem is not None:
        raise StoreError(f"{path} fails verification: {problem.message}")
    return [
        {"id": r[1], "at": r[2], "actor": r[3], "action": r[4], "subject": r[5],
         "payload": json.loads(r[6])}
        for r in rows
    ]  # fmt: skip


def _read_event_rows(path: Path) -> list[tuple]:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as err:
        raise StoreError(f"cannot open {path}: {err}") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != migrations.APPLICATION_ID:
            raise StoreError(f"{path} is not a workbench database")
        if version > migrations.SCHEMA_VERSION:
            raise StoreError(f"{path} was written by a newer workbench (schema {version})")
        return conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY seq").fetchall()
    except sqlite3.Error as err:
        raise StoreError(f"cannot read {path}: {err}") from None
    finally:
        conn.close()


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


def _checked_event(raw: object, index: int) -> dict:
    """An event dict from outside, validated; StoreError naming what is wrong."""
    if not isinstance(raw, dict):
        raise StoreError(f"event {index + 1} is not an object")
    for key in ("id", "at", "actor", "action", "subject"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise StoreError(f"event {index + 1} has no valid '{key}'")
    if not isinstance(raw.get("payload"), dict):
        raise StoreError(f"event {index + 1} ({raw['id']}) has no payload object")
    if raw["action"] not in projections.KNOWN_ACTIONS:
        raise StoreError(
            f"event {raw['id']} has action '{raw['action']}', unknown to this version of "
            "workbench (written by a newer one?)"
        )
    return {k: raw[k] for k in ("id", "at", "actor", "action", "subject", "payload")}


def _content(event: dict) -> tuple:
    """What an event says, in its stored form, for comparing two copies of it."""
    return (event["at"], event["actor"], event["action"], event["subject"],
            ev.canonical_json(event["payload"]))  # fmt: skip


def _locked(err: sqlite3.OperationalError) -> bool:
    return "locked" in str(err) or "busy" in str(err)


class _Shared:
    """The one SQLite connection this process holds on one database file.

    SQLite's locks are POSIX advisory locks, which belong to the process: closing *any*
    connection to a file drops them all, after which another process may checkpoint and
    delete the write-ahead log this process is still writing to (SQLite's "How To Corrupt
    An SQLite Database File", 2.2). So every ``Store`` on a file shares one connection,
    closed only when the last of them closes, and threads take turns through ``lock``.
    """

    def __init__(self, conn: sqlite3.Connection, warnings: list[str]) -> None:
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.lock = threading.RLock()
        self.users = 0
        self.warnings = warnings
        #: how many claims hold each normalised word, and the claim count when it was read
        self.term_docs: dict[str, tuple[int, int]] = {}


_OPEN: dict[str, _Shared] = {}
_OPEN_LOCK = threading.Lock()


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _serialized(method: Callable[..., T]) -> Callable[..., T]:
    """Run a Store method holding the connection's lock (threads share one connection)."""

    @functools.wraps(method)
    def locked(self: Store, *args: object, **kwargs: object) -> T:
        with self._shared.lock:
            return method(self, *args, **kwargs)

    return locked


class Store:
    """A workbench database file. Use as a context manager, or call ``close()``.

    Every Store on the same file in one process shares one connection (see ``_Shared``);
    a Store may be used from several threads.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        self._closed = False
        with _OPEN_LOCK:
            shared = _OPEN.get(_key(self.path))
            if shared is None:
                shared = self._open(create)
                _OPEN[_key(self.path)] = shared
            shared.users += 1
        self._shared = shared
        self.db = shared.db
        self.warnings = list(shared.warnings)

    def _open(self, create: bool) -> _Shared:
        self._check_file(create)
        started = time.monotonic()
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.DatabaseError as err:
            raise self._error(err) from None
        shared = self._shared = _Shared(conn, [])
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
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as err:
            if not _locked(err):
                raise

    def _check_migrations(self) -> None:
        """Refuse a file migrated by a version that knows migrations this one does not."""
        known = {m.__name__ for m in migrations.MIGRATIONS}
        applied = [r[0] for r in self.db.conn.execute("SELECT name FROM _migrations")]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreError(
                f"{self.path} was migrated by a newer or different workbench (unknown "
                f"migration {unknown[0]}); upgrade workbench to open it"
            )

    def _migrate(self, version: int) -> None:
        with self.transaction():
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = self.db.conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                self.db.conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
                self.db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
            for migration in migrations.MIGRATIONS[version:]:
                migration(self.db)
                self.db["_migrations"].insert(
                    {"name": migration.__name__, "applied_at": ev.now_iso()}
                )
            self.db.conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")

    def _error(self, err: sqlite3.Error, waited: float | None = None) -> StoreError:
        if isinstance(err, sqlite3.OperationalError) and _locked(err):
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
        with self._shared.lock, _OPEN_LOCK:  # waits for another thread's use to end
            self._shared.users -= 1
            if self._shared.users == 0:
                del _OPEN[_key(self.path)]
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
                    if not _locked(err) or attempt == LOCK_RETRIES:
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

    @_serialized
    def append(self, action: str, subject: str, payload: dict, actor: str) -> Event:
        """Append one event and apply it to the projections. Call inside ``transaction()``."""
        return self.append_many([(action, subject, payload)], actor)[0]

    def append_many(self, items: Sequence[tuple[str, str, dict]], actor: str) -> list[Event]:
        """Append events (action, subject, payload) in order and apply them to the
        projections, a run of claims in one statement. Call inside ``transaction()``."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("Store.append needs an open transaction")
        at = ev.now_iso()  # one transaction, one moment
        events = self._chain(
            [(ev.new_event_id(), at, actor, action, subject, payload)
             for action, subject, payload in items]
        )  # fmt: skip
        projections.apply_many(self.db, events)
        return events

    def _chain(self, entries: Sequence[tuple[str, str, str, str, str, dict]]) -> list[Event]:
        """Insert events (id, at, actor, action, subject, payload) linked to the newest one
        and to each other, in one ``executemany``: the only place events are written."""
        last = self.db.conn.execute(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, prev_hash = (last[0], last[1]) if last else (0, ev.GENESIS)
        rows, events = [], []
        for event_id, at, actor, action, subject, payload in entries:
            seq += 1
            text = ev.canonical_json(payload)
            digest = ev.event_hash(prev_hash, event_id, at, actor, action, subject, text)
            rows.append((seq, event_id, at, actor, action, subject, text, prev_hash, digest))
            events.append(
                Event(event_id, seq, at, actor, action, subject, payload, prev_hash, digest)
            )
            prev_hash = digest
        self.db.conn.executemany(
            f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        return events

    @_serialized
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
            items = [("article.ingested", article.id, article_payload(article))]
            items += [
                ("claim.extracted", claim.id, claim_payload(claim, position))
                for position, claim in enumerate(claims)
            ]
            if links.get("matches") or links.get("duplicates"):
                items.append(("article.matched", article.id, links))
            self.append_many(items, actor)
        return IngestResult(
            article.id,
            True,
            len(claims),
            len(links.get("matches", ())),
            len(links.get("duplicates", ())),
        )

    @_serialized
    def match_candidates(
        self,
        numkey: str,
        terms: Sequence[str],
        limit: int = 1000,
        exclude_article: str | None = None,
        block: int = 100,
    ) -> list[tuple[str, str]]:
        """(id, match_text) of claims that could match a claim with these numbers
        (``numkey``) and normalised words (``terms``): the whole block of claims with the same
        numbers when it holds at most ``block`` claims, otherwise (or without numbers) those of
        the block that share two of the query's three rarest words, best BM25 rank first."""
        base = "SELECT id, match_text FROM claims WHERE numkey = ?"
        params: list = [numkey]
        if exclude_article is not None:
            base += " AND article_id != ?"
            params.append(exclude_article)
        if numkey:
            rows = self.db.conn.execute(base + " LIMIT ?", [*params, block + 1]).fetchall()
            if len(rows) <= block:
                return [tuple(r) for r in rows]
        query = self._two_of_three(terms)
        if query is None:
            return []
        if numkey:  # the numbers narrow the index search itself
            query = " AND ".join(f'"{n}"' for n in numkey.split()) + f" AND ({query})"
        sql = base + (
            " AND rowid IN (SELECT rowid FROM claims_match_fts WHERE claims_match_fts MATCH ?)"
        )
        try:
            rows = self.db.conn.execute(sql + " LIMIT ?", [*params, query, limit]).fetchall()
        except sqlite3.OperationalError:
            return []  # a query FTS5 cannot parse: no candidates rather than a crash
        return [tuple(r) for r in rows]

    @_serialized
    def match_details(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        """{id: (speaker, frame)} of the given claims: what a close candidate is compared by."""
        marks = ", ".join("?" for _ in ids)
        rows = self.db.conn.execute(
            f"SELECT id, speaker, frame FROM claims WHERE id IN ({marks})", list(ids)
        )
        return {cid: (speaker, frame) for cid, speaker, frame in rows}

    def worded_like(
        self, terms: Sequence[str], limit: int = 200
    ) -> list[tuple[str, str, str | None, str | None, str]]:
        """(id, match_text, speaker, frame, numkey) of claims that share two of the query's
        three rarest normalised words, whatever their numbers: the related claims ``match``
        and the review session show."""
        query = self._two_of_three(terms)
        if query is None:
            return []
        sql = (
            "SELECT id, match_text, speaker, frame, numkey FROM claims WHERE rowid IN "
            "(SELECT rowid FROM claims_match_fts WHERE claims_match_fts MATCH ?) LIMIT ?"
        )
        try:
            return [tuple(r) for r in self.db.conn.execute(sql, [query, limit]).fetchall()]
        except sqlite3.OperationalError:
            return []

    def _two_of_three(self, terms: Sequence[str]) -> str | None:
        """An FTS5 query for claims holding two of the three rarest ``terms`` (all of them
        when fewer are known); None when the index knows none of them."""
        rare = self._rarest(terms, 3)
        if len(rare) < 3:
            return " AND ".join(f'"{t}"' for t in rare) or None
        a, b, c = (f'"{t}"' for t in rare)
        return f"({a} AND {b}) OR ({a} AND {c}) OR ({b} AND {c})"

    def _rarest(self, terms: Sequence[str], n: int) -> list[str]:
        """The n terms that the fewest claims contain (terms no claim contains are left out).

        Counting a word's claims reads its whole posting list, so counts are kept per process
        and read again once the claims have doubled; a stale count only changes which words
        are looked up, never what matches."""
        if not terms:
            return []
        claims = self.db.conn.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0]
        cache = self._shared.term_docs
        if len(cache) > 500_000:
            cache.clear()
        stale = [t for t in terms if t not in cache or claims > 2 * cache[t][1]]
        if stale:
            marks = ", ".join("?" for _ in stale)
            found = self.db.conn.execute(
                f"SELECT term, doc FROM claims_match_fts_vocab WHERE term IN ({marks})", stale
            ).fetchall()
            for term, docs in found:
                cache[term] = (docs, max(claims, 1))
        present = [t for t in terms if t in cache]
        return sorted(present, key=lambda t: cache[t][0])[:n]

    @_serialized
    def matches_of(self, claim_ids: Sequence[str]) -> dict[str, list[dict]]:
        """Stored matches of each claim, best first, with the matched claim's verdict."""
        out: dict[str, list[dict]] = {}
        for i in range(0, len(claim_ids), 500):
            chunk = list(claim_ids[i : i + 500])
            marks = ", ".join("?" for _ in chunk)
            for claim_id, match_id, score, verdict in self.db.conn.execute(
                "SELECT m.claim_id, m.match_id, m.score, c.verdict FROM matches m "
                f"JOIN claims c ON c.id = m.match_id WHERE m.claim_id IN ({marks}) "
                "ORDER BY m.score DESC",
                chunk,
            ):
                out.setdefault(claim_id, []).append(
                    {"claim_id": match_id, "score": score, "verdict": verdict}
                )
        return out

    @_serialized
    def import_events(self, events: Sequence[dict], *, rebuild: bool = False) -> ImportResult:
        """Append the events this database does not have yet (by id), in the order given,
        keeping their ids, times and actors; then bring the projections up to date (all of
        them, replayed from the events, with ``rebuild``).

        This is how reports are imported and copies of a database are merged: the union of
        events. Runs in one transaction; a malformed event refuses the whole import, and so
        does an event whose id is already here with different content (one of the two
        copies was altered: it is reported, never silently skipped).
        """
        checked = [_checked_event(e, i) for i, e in enumerate(events)]
        with self.transaction():
            have = self._existing(list(dict.fromkeys(e["id"] for e in checked)))
            touched: list[str] = []
            added = 0
            for e in checked:
                if e["id"] in have:
                    self._same_or_refuse(e, have[e["id"]])
                    continue
                have[e["id"]] = _content(e)
                self._chain([(e["id"], e["at"], e["actor"], e["action"], e["subject"],
                              e["payload"])])  # fmt: skip
                added += 1
                if rebuild:
                    continue
                if e["action"] in projections.CLAIM_REVIEW_ACTIONS:
                    touched.append(e["subject"])  # replayed once per claim, in time order
                else:
                    projections.apply(
                        self.db, e["action"], e["subject"], e["payload"], e["at"], e["actor"]
                    )
                    if e["action"] == "claim.extracted":
                        touched.append(e["subject"])
            if rebuild:
                self._replay()
            for subject in dict.fromkeys(touched):
                projections.refresh_claim(self.db, subject)
        return ImportResult(added=added, skipped=len(checked) - added)

    @staticmethod
    def _same_or_refuse(incoming: dict, stored: tuple) -> None:
        if _content(incoming) == stored:
            return
        fields = ("at", "actor", "action", "subject", "payload")
        differ = [f for f, a, b in zip(fields, _content(incoming), stored, strict=True) if a != b]
        raise StoreError(
            f"event {incoming['id']} is already here with a different {' and '.join(differ)}: "
            "one of the two copies was altered after it was written; nothing was imported"
        )

    def _existing(self, ids: list[str]) -> dict[str, tuple]:
        """The stored content of those of ``ids`` that are already here."""
        found: dict[str, tuple] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            for event_id, *content in self.db.conn.execute(
                f"SELECT id, at, actor, action, subject, payload FROM events WHERE id IN ({marks})",
                chunk,
            ):
                found[event_id] = tuple(content)
        return found

    @_serialized
    def rebuild(self) -> int:
        """Clear the projections and replay every event into them. Returns the event count."""
        with self.transaction():
            return self._replay()

    def _replay(self) -> int:
        for table in migrations.PROJECTION_TABLES:
            self.db.conn.execute(f"DELETE FROM [{table}]")
        count = 0
        for row in self.db.conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY seq"):
            event = ev.event_from_row(row)
            projections.apply(
                self.db, event.action, event.subject, event.payload, event.at, event.actor
            )
            count += 1
        return count

    # -- reading --------------------------------------------------------------------------

    @_serialized
    def schema_version(self) -> int:
        return self.db.conn.execute("PRAGMA user_version").fetchone()[0]

    @_serialized
    def claim_version(self, claim_id: str) -> int:
        """The seq of the newest event about a claim: changes whenever anyone acts on it."""
        row = self.db.conn.execute(
            "SELECT max(seq) FROM events WHERE subject = ?", (claim_id,)
        ).fetchone()
        return row[0] or 0

    @_serialized
    def events_since(self, claim_id: str, version: int) -> list[Event]:
        rows = self.db.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE subject = ? AND seq > ? ORDER BY seq",
            (claim_id, version),
        )
        return [ev.event_from_row(r) for r in rows]

    @_serialized
    def data_version(self) -> int:
        """Changes whenever another connection (another process) commits to the file."""
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    @_serialized
    def events_after(self, seq: int) -> list[Event]:
        """Every event newer than position ``seq``, oldest first."""
        rows = self.db.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE seq > ? ORDER BY seq", (seq,)
        )
        return [ev.event_from_row(r) for r in rows]

    @_serialized
    def event_count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def events(self, subject: str | None = None) -> Iterator[Event]:
        """Events oldest first, optionally only those about ``subject``."""
        sql = f"SELECT {_EVENT_COLUMNS} FROM events"
        params: tuple = ()
        if subject is not None:
            sql += " WHERE subject = ?"
            params = (subject,)
        with self._shared.lock:
            rows = self.db.conn.execute(sql + " ORDER BY seq", params).fetchall()
        for row in rows:
            yield ev.event_from_row(row)

    @_serialized
    def event_rows(self) -> list[tuple]:
        """Every event row (all columns), oldest first, as stored."""
        return self.db.conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY seq").fetchall()

    def verify(self) -> ev.Problem | None:
        """Recompute the hash chain; the first problem found, or None when intact."""
        return ev.check_chain(self.event_rows())

    @_serialized
    def head(self) -> ev.Head | None:
        """The newest event's position and hash: what a second copy records to catch truncation."""
        row = self.db.conn.execute(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return ev.Head(row[0], row[1]) if row else None

    @_serialized
    def event_with_hash(self, digest: str) -> ev.Head | None:
        """Where in the chain the event with this hash (or unique hash prefix) sits, if anywhere."""
        rows = self.db.conn.execute(
            "SELECT seq, hash FROM events WHERE hash >= ? AND hash < ? ORDER BY seq LIMIT 2",
            (digest, digest + "g"),
        ).fetchall()
        return ev.Head(rows[0][0], rows[0][1]) if len(rows) == 1 else None

    @_serialized
    def projection_difference(self) -> str | None:
        """Replay every event into a scratch database and compare each projection row with
        the stored one; the first difference, described, or None when they agree.

        Matching keys (``numkey``, ``match_text``) are left out: they cache the matcher's
        reading of a claim, not something an event says.
        """
        scratch = sqlite_utils.Database(memory=True)
        try:
            for migration in migrations.MIGRATIONS:
                migration(scratch)
            rows = self.event_rows()
            scratch.conn.executemany(
                f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )
            for row in rows:
                e = ev.event_from_row(row)
                projections.apply(scratch, e.action, e.subject, e.payload, e.at, e.actor)
            for table in reversed(migrations.PROJECTION_TABLES):
                found = _table_difference(table, self.db, scratch)
                if found:
                    return found
            return None
        finally:
            scratch.close()

    @_serialized
    def resolve_id(self, prefix: str, table: str = "claims") -> str:
        """The full id in ``table`` that starts with ``prefix`` (like git's short hashes)."""
        noun = table.rstrip("s")
        wanted = prefix.strip().lower()
        if not wanted or not _HEX.match(wanted):
            article_ = "an" if noun[:1] in "aeiou" else "a"
            raise NotFoundError(f"'{prefix}' is not {article_} {noun} id (ids are hexadecimal)")
        rows = self.db.conn.execute(
            f"SELECT id FROM [{table}] WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (wanted, wanted + "g"),
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no {noun} with id {prefix}")
        if len(rows) > 1:
            raise NotFoundError(f"{noun} id {prefix} is ambiguous; give more characters")
        return rows[0][0]

    @_serialized
    def article(self, article_id: str) -> Article:
        row = self.db.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return _article(dict(zip(_columns(self.db, "articles"), row, strict=True)))

    @_serialized
    def articles(self) -> list[Article]:
        cols = _columns(self.db, "articles")
        rows = self.db.conn.execute("SELECT * FROM articles ORDER BY ingested_at, id")
        return [_article(dict(zip(cols, row, strict=True))) for row in rows]

    @_serialized
    def has_claims(self) -> bool:
        """Whether any claim is stored (without reading them)."""
        return self.db.conn.execute("SELECT 1 FROM claims LIMIT 1").fetchone() is not None

    @_serialized
    def article_titles(self) -> list[tuple[str, str]]:
        """(id, title or source) of every article, in ingest order, without their texts."""
        rows = self.db.conn.execute(
            "SELECT id, coalesce(title, source) FROM articles ORDER BY ingested_at, id"
        )
        return [tuple(r) for r in rows]

    @_serialized
    def claims(
        self,
        *,
        kind: str | None = None,
        status: str | None = None,
        article_id: str | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Claim]:
        """Claims in article order with their verdicts, filtered by the given fields."""
        where, params = [], []
        for column, value in (("kind", kind), ("status", status), ("article_id", article_id)):
            if value is not None:
                where.append(f"c.{column} = ?")
                params.append(value)
        if ids is not None:
            where.append(f"c.id IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
        sql = (
            "SELECT c.* FROM claims c JOIN articles a ON a.id = c.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.ingested_at, a.id, c.position"
        )
        cols = _columns(self.db, "claims")
        rows = [dict(zip(cols, r, strict=True)) for r in self.db.conn.execute(sql, params)]
        verdicts = self._verdicts({r["id"] for r in rows}) if rows else {}
        matches = self._matches_if_any([r["id"] for r in rows])
        return [_claim(r, verdicts.get(r["id"], ()), tuple(matches.get(r["id"], ()))) for r in rows]

    def _matches_if_any(self, ids: list[str]) -> dict[str, list[dict]]:
        if not ids or self.db.conn.execute("SELECT 1 FROM matches LIMIT 1").fetchone() is None:
            return {}
        return self.matches_of(ids)

    @_serialized
    def claim(self, claim_id: str) -> Claim:
        found = self.claims(ids=[claim_id])
        if not found:
            raise NotFoundError(f"no claim with id {claim_id}")
        return found[0]

    def _verdicts(self, claim_ids: set[str]) -> dict[str, tuple[Verdict, ...]]:
        """The current verdicts of these claims, with their sources: read for these claims
        only, so that a caller going article by article does not read every verdict each
        time (a whole-database read only when most claims are asked for)."""
        if self.db.conn.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 0:
            return {}
        ids = sorted(claim_ids)
        sources: dict[tuple[str, str], list[Source]] = {}
        for claim_id, given in self._sources_of(ids).items():
            for added_by, source in given:
                sources.setdefault((claim_id, added_by), []).append(source)
        verdict_rows = self._claim_rows(
            "SELECT id, claim_id, reviewer, rating, rubric, note, at, approved_by, rowid "
            "FROM verdicts",
            ids,
            where="current = 1",
        )
        out: dict[str, list[Verdict]] = {}
        # by time across the chunks, as written when two share a time
        for vid, claim_id, reviewer, rating, rubric, note, at, approved, _ in sorted(
            verdict_rows, key=lambda r: (r[6], r[8])
        ):
            if claim_id in claim_ids:
                out.setdefault(claim_id, []).append(
                    Verdict(
                        reviewer=reviewer,
                        rating=rating,
                        at=at,
                        note=note,
                        sources=tuple(sources.get((claim_id, reviewer), ())),
                        rubric=rubric or "",
                        approved_by=tuple(json.loads(approved or "[]")),
                        event_id=vid,
                    )
                )
        return {k: tuple(v) for k, v in out.items()}

    @_serialized
    def queue_rows(
        self, article_id: str | None = None, claim_id: str | None = None, *, ordered: bool = False
    ) -> list:
        """Light rows for the review queue (review.queue). With ``ordered``: unreviewed
        first, then the most check-worthy, then article order."""
        from workbench.review.queue import QueueRow

        reviewers: dict[str, tuple[str, ...]] = {}
        for cid, names in self.db.conn.execute(
            "SELECT claim_id, group_concat(reviewer, char(31)) FROM verdicts "
            "WHERE current = 1 GROUP BY claim_id"
        ):
            reviewers[cid] = tuple(names.split("\x1f"))
        sql = (
            "SELECT id, article_id, position, kind, coalesce(checkworthiness, 0.0), speaker, "
            "quote = 1, status, verdict, claim, text FROM claims"
        )
        params: tuple = ()
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params = (article_id,)
        elif claim_id is not None:
            sql += " WHERE id = ?"
            params = (claim_id,)
        if ordered:
            sql += " ORDER BY status != 'unreviewed', checkworthiness DESC, article_id, position"
        empty: tuple[str, ...] = ()
        return [QueueRow(*r, reviewers.get(r[0], empty)) for r in self.db.conn.execute(sql, params)]

    @_serialized
    def claim_sources(self, claim_id: str) -> list[tuple[str, Source]]:
        """Every current source on a claim as (added_by, Source), oldest first."""
        rows = self.db.conn.execute(
            "SELECT added_by, url, title, publisher, excerpt, accessed_at FROM sources "
            "WHERE claim_id = ? ORDER BY rowid",
            (claim_id,),
        )
        return [(added_by, Source(*fields)) for added_by, *fields in rows]

    @_serialized
    def sources_and_notes(
        self, claim_ids: Sequence[str]
    ) -> tuple[dict[str, list[tuple[str, Source]]], dict[str, list[tuple[str, str, str]]]]:
        """Sources (added_by, Source) and notes (author, text, at) of many claims at once,
        oldest first: a few queries instead of two per claim."""
        ids = list(claim_ids)
        notes: dict[str, list[tuple[str, str, str]]] = {}
        wanted = set(ids)
        rows = self._claim_rows("SELECT claim_id, author, text, at, rowid FROM notes", ids)
        for claim_id, author, text, at, _ in sorted(rows, key=lambda r: (r[3], r[4])):
            if claim_id in wanted:
                notes.setdefault(claim_id, []).append((author, text, at))
        return self._sources_of(ids), notes

    def _sources_of(self, ids: Sequence[str]) -> dict[str, list[tuple[str, Source]]]:
        """{claim id: [(added_by, Source)]} of these claims, in the order they were added."""
        wanted = set(ids)
        rows = self._claim_rows(
            "SELECT claim_id, added_by, url, title, publisher, excerpt, accessed_at, rowid "
            "FROM sources",
            ids,
        )
        found: dict[str, list[tuple[str, Source]]] = {}
        for claim_id, added_by, *fields, _ in sorted(rows, key=lambda r: r[-1]):
            if claim_id in wanted:
                found.setdefault(claim_id, []).append((added_by, Source(*fields)))
        return found

    def _claim_rows(self, select: str, ids: Sequence[str], where: str = "") -> list[tuple]:
        """The rows of ``select`` (``SELECT … FROM table`` with a claim_id column) for these
        claims, 500 ids a query; one scan of the whole table when more than 20,000 are asked
        for (callers keep the ids they want). ``where`` adds a condition."""
        chunks: list[list[str] | None]
        if len(ids) > 20_000:
            chunks = [None]
        else:
            chunks = [list(ids[i : i + 500]) for i in range(0, len(ids), 500)]
        rows: list[tuple] = []
        for chunk in chunks:
            conditions = [where] if where else []
            if chunk is not None:
                conditions.append(f"claim_id IN ({', '.join('?' for _ in chunk)})")
            sql = select + (" WHERE " + " AND ".join(conditions) if conditions else "")
            rows += self.db.conn.execute(sql, chunk or []).fetchall()
        return rows

    @_serialized
    def claim_notes(self, claim_id: str) -> list[tuple[str, str, str]]:
        """Every current note on a claim as (author, text, at), oldest first."""
        rows = self.db.conn.execute(
            "SELECT author, text, at FROM notes WHERE claim_id = ? ORDER BY at", (claim_id,)
        )
        return [tuple(r) for r in rows]

    @_serialized
    def last_undoable(self, actor: str) -> Event | None:
        """The actor's newest review action that has not been undone."""
        from workbench.review.state import REVIEW_ACTIONS

        marks = ", ".join("?" for _ in REVIEW_ACTIONS)
        rows = self.db.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE actor = ? AND action IN ({marks}) "
            "AND id NOT IN (SELECT json_extract(payload, '$.event_id') FROM events "
            "WHERE action = 'action.undone') ORDER BY seq DESC LIMIT 1",
            (actor, *REVIEW_ACTIONS),
        ).fetchone()
        return ev.event_from_row(rows) if rows else None

    @_serialized
    def verdicts_since(self, actor: str, since: str) -> int:
        """How many claims ``actor`` has a current verdict on, given at or after ``since``."""
        return self.db.conn.execute(
            "SELECT count(*) FROM verdicts WHERE reviewer = ? AND current = 1 AND at >= ?",
            (actor, since),
        ).fetchone()[0]

    @_serialized
    def batch_events(self, actor: str, batch: str) -> list[Event]:
        """The actor's events of one batch that have not been undone, oldest first."""
        rows = self.db.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE actor = ? "
            "AND json_extract(payload, '$.batch') = ? "
            "AND id NOT IN (SELECT json_extract(payload, '$.event_id') FROM events "
            "WHERE action = 'action.undone') ORDER BY seq",
            (actor, batch),
        )
        return [ev.event_from_row(r) for r in rows]

    @_serialized
    def stats(self) -> dict:
        """Counts for ``workbench stats``."""
        q = self.db.conn.execute

        def grouped(sql: str) -> dict[str, int]:
            return {str(k): v for k, v in q(sql).fetchall()}

        dropped = sum(len(json.loads(d or "[]")) for (d,) in q("SELECT dropped FROM articles"))
        return {
            "database": str(self.path),
            "schema_version": self.schema_version(),
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "claims": q("SELECT count(*) FROM claims").fetchone()[0],
            "claims_by_kind": grouped("SELECT kind, count(*) FROM claims GROUP BY kind"),
            "claims_by_status": grouped("SELECT status, count(*) FROM claims GROUP BY status"),
            "verdicts": q("SELECT count(*) FROM verdicts WHERE current = 1").fetchone()[0],
            "agreed_verdicts": dict(
                q(
                    "SELECT verdict, count(*) AS n FROM claims WHERE status = 'reviewed' "
                    "AND verdict IS NOT NULL GROUP BY verdict ORDER BY n DESC, verdict"
                ).fetchall()
            ),
            "sources": q("SELECT count(*) FROM sources").fetchone()[0],
            "boilerplate_dropped": dropped,
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "actors": grouped("SELECT actor, count(*) FROM events GROUP BY actor"),
        }


def article_payload(article: Article) -> dict:
    return {
        "content_hash": article.content_hash,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "source": article.source,
        "text": article.text,
        "dropped": [{"text": d.text, "rule": d.rule} for d in article.dropped],
    }


def claim_payload(claim: Claim | ClaimDraft, position: int) -> dict:
    return {
        "article_id": getattr(claim, "article_id", None),
        "position": position,
        "text": claim.text,
        "claim": claim.claim,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "cues": list(claim.cues),
        "checkworthiness": claim.checkworthiness,
        "entities": [[e.text, e.label] for e in claim.entities],
        "stance": claim.stance,
        "speaker_type": claim.speaker_type,
        "frame": claim.frame.to_dict() if claim.frame is not None else None,
    }


_CACHE_COLUMNS = frozenset({"numkey", "match_text"})


def _table_difference(
    table: str, stored: sqlite_utils.Database, replayed: sqlite_utils.Database
) -> str | None:
    """The first row of ``table`` that differs between the file and the replay, described."""
    pks = stored[table].pks
    columns = [c for c in _columns(stored, table) if c not in _CACHE_COLUMNS]
    sql = f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]"
    ours = {tuple(r[c] for c in pks): r for r in stored.query(sql)}
    theirs = {tuple(r[c] for c in pks): r for r in replayed.query(sql)}
    for key in sorted(ours.keys() | theirs.keys(), key=repr):
        name = f"{table} row {'/'.join(map(str, key))}"
        if key not in theirs:
            return f"{name} is in the file but no event created it"
        if key not in ours:
            return f"{name} is missing from the file, though the events create it"
        for column in columns:
            a, b = ours[key][column], theirs[key][column]
            if a != b and _as_json(a) != _as_json(b):
                return (
                    f"{name}: {column} is {_short(a)} in the file but {_short(b)} from the events"
                )
    return None


def _as_json(value: object) -> object:
    """A JSON column's value, so that key order (older versions kept the payload's) is moot."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns]


def _article(row: dict) -> Article:
    return Article(
        id=row["id"],
        content_hash=row["content_hash"],
        text=row["text"],
        source=row["source"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        ingested_at=row["ingested_at"],
        dropped=tuple(Dropped(d["text"], d["rule"]) for d in json.loads(row["dropped"] or "[]")),
    )


def _claim(row: dict, verdicts: tuple[Verdict, ...], matches: tuple[dict, ...] = ()) -> Claim:
    return Claim(
        id=row["id"],
        article_id=row["article_id"],
        text=row["text"],
        claim=row["claim"],
        kind=row["kind"],
        start=row["start"],
        end=row["end"],
        speaker=row["speaker"],
        quote=bool(row["quote"]),
        cues=tuple(json.loads(row["cues"] or "[]")),
        checkworthiness=row["checkworthiness"] or 0.0,
        entities=tuple(Entity(t, label) for t, label in json.loads(row["entities"] or "[]")),
        stance=row.get("stance") or "asserts",
        speaker_type=row.get("speaker_type"),
        frame=Frame.from_dict(json.loads(row["frame"])) if row.get("frame") else None,
        status=row["status"],
        verdict=row["verdict"],
        verdicts=verdicts,
        matches=matches,
        duplicate_of=row.get("duplicate_of"),
    )
