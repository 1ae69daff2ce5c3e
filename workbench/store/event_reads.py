"""Reads of the event log: versions, events since a point, the chain head, verification."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from workbench.core.errors import StoreError
from workbench.core.values import Event
from workbench.store import events as ev
from workbench.store import migrations, projections
from workbench.store.claim_reads import table_columns
from workbench.store.connection import Shared, serialized


def read_event_rows(path: Path) -> list[tuple]:
    """Every event row of a database file this process does not hold open, read-only."""
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
        return conn.execute(f"SELECT {ev.EVENT_COLUMNS} FROM events ORDER BY seq").fetchall()
    except sqlite3.Error as err:
        raise StoreError(f"cannot read {path}: {err}") from None
    finally:
        conn.close()


class EventReads:
    """The Store's reads of its event log."""

    db: sqlite_utils.Database
    _shared: Shared

    @serialized
    def schema_version(self) -> int:
        return self.db.conn.execute("PRAGMA user_version").fetchone()[0]

    @serialized
    def claim_version(self, claim_id: str) -> int:
        """The seq of the newest event about a claim: changes whenever anyone acts on it."""
        row = self.db.conn.execute(
            "SELECT max(seq) FROM events WHERE subject = ?", (claim_id,)
        ).fetchone()
        return row[0] or 0

    @serialized
    def events_since(self, claim_id: str, version: int) -> list[Event]:
        rows = self.db.conn.execute(
            f"SELECT {ev.EVENT_COLUMNS} FROM events WHERE subject = ? AND seq > ? ORDER BY seq",
            (claim_id, version),
        )
        return [ev.event_from_row(r) for r in rows]

    @serialized
    def data_version(self) -> int:
        """Changes whenever another connection (another process) commits to the file."""
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    @serialized
    def events_after(self, seq: int) -> list[Event]:
        """Every event newer than position ``seq``, oldest first."""
        rows = self.db.conn.execute(
            f"SELECT {ev.EVENT_COLUMNS} FROM events WHERE seq > ? ORDER BY seq", (seq,)
        )
        return [ev.event_from_row(r) for r in rows]

    @serialized
    def event_count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def events(self, subject: str | None = None) -> Iterator[Event]:
        """Events oldest first, optionally only those about ``subject``."""
        sql = f"SELECT {ev.EVENT_COLUMNS} FROM events"
        params: tuple = ()
        if subject is not None:
            sql += " WHERE subject = ?"
            params = (subject,)
        with self._shared.lock:
            rows = self.db.conn.execute(sql + " ORDER BY seq", params).fetchall()
        for row in rows:
            yield ev.event_from_row(row)

    @serialized
    def event_rows(self) -> list[tuple]:
        """Every event row (all columns), oldest first, as stored."""
        return self.db.conn.execute(
            f"SELECT {ev.EVENT_COLUMNS} FROM events ORDER BY seq"
        ).fetchall()

    def verify(self) -> ev.Problem | None:
        """Recompute the hash chain; the first problem found, or None when intact."""
        return ev.check_chain(self.event_rows())

    @serialized
    def head(self) -> ev.Head | None:
        """The newest event's position and hash: what a second copy records to catch truncation."""
        row = self.db.conn.execute(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return ev.Head(row[0], row[1]) if row else None

    @serialized
    def event_with_hash(self, digest: str) -> ev.Head | None:
        """Where in the chain the event with this hash (or unique hash prefix) sits, if anywhere."""
        rows = self.db.conn.execute(
            "SELECT seq, hash FROM events WHERE hash >= ? AND hash < ? ORDER BY seq LIMIT 2",
            (digest, digest + "g"),
        ).fetchall()
        return ev.Head(rows[0][0], rows[0][1]) if len(rows) == 1 else None

    @serialized
    def projection_difference(self) -> str | None:
        """Replay every event into a scratch database and compare each projection row with
        the stored one; the first difference, described, or None when they agree.

        Matching keys (``numkey``, ``match_text``, ``numbered_terms``) are left out: they
        cache the matcher's reading of a claim, not something an event says.
        """
        scratch = sqlite_utils.Database(memory=True)
        try:
            for migration in migrations.MIGRATIONS:
                migration(scratch)
            rows = self.event_rows()
            scratch.conn.executemany(
                f"INSERT INTO events ({ev.EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )
            for i in range(0, len(rows), 2000):  # runs of claims go in one statement each
                projections.apply_many(scratch, [ev.event_from_row(r) for r in rows[i : i + 2000]])
            for table in reversed(migrations.PROJECTION_TABLES):
                found = _table_difference(table, self.db, scratch)
                if found:
                    return found
            return None
        finally:
            scratch.close()


_CACHE_COLUMNS = frozenset({"numkey", "match_text", "numbered_terms"})


def _table_difference(
    table: str, stored: sqlite_utils.Database, replayed: sqlite_utils.Database
) -> str | None:
    """The first row of ``table`` that differs between the file and the replay, described."""
    pks = stored[table].pks
    columns = [c for c in table_columns(stored, table) if c not in _CACHE_COLUMNS]
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
