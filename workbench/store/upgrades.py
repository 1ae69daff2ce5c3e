"""Bringing a database file up to this version: schema migrations, replays of the events
into the tables, and keying the claims again when the matching word lists changed."""

from __future__ import annotations

import time
from contextlib import AbstractContextManager
from pathlib import Path

import sqlite_utils

from workbench.core.errors import StoreError
from workbench.core.keys_version import keys_fingerprint
from workbench.store import events as ev
from workbench.store import migrations, projections
from workbench.store.connection import serialized


class Upgrades:
    """The part of :class:`~workbench.store.Store` that upgrades its file."""

    db: sqlite_utils.Database
    path: Path
    warnings: list[str]

    def transaction(self) -> AbstractContextManager[None]:  # the Store's
        raise NotImplementedError

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
        started = time.monotonic()
        with self.transaction():
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = self.db.conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                self.db.conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
                self.db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
            pending = migrations.MIGRATIONS[version:]
            for migration in pending:
                migration(self.db)
                self.db["_migrations"].insert(
                    {"name": migration.__name__, "applied_at": ev.now_iso()}
                )
            if version == 0:  # a new file: whatever it will hold is keyed by this version
                self._record_keys()
            replayed = None
            if version and {m.__name__ for m in pending} & migrations.REPLAY_AFTER:
                replayed = self._replay()
            self.db.conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")
        if version and pending:  # a file that existed, not a new one
            rebuilt = f", rebuilding its tables from {replayed:,} events" if replayed else ""
            self.warnings.append(
                f"{self.path} was upgraded from schema {version} to "
                f"{migrations.SCHEMA_VERSION}{rebuilt} ({time.monotonic() - started:.1f} s); "
                "older versions of workbench can no longer open it"
            )

    @serialized
    def rebuild(self) -> int:
        """Clear the projections and replay every event into them. Returns the event count."""
        with self.transaction():
            return self._replay()

    def _replay(self) -> int:
        for table in migrations.PROJECTION_TABLES:
            self.db.conn.execute(f"DELETE FROM [{table}]")
        count = 0
        cursor = self.db.conn.execute(f"SELECT {ev.EVENT_COLUMNS} FROM events ORDER BY seq")
        while rows := cursor.fetchmany(2000):  # runs of claims go in one statement each
            projections.apply_many(self.db, [ev.event_from_row(row) for row in rows])
            count += len(rows)
        self._record_keys()  # every claim was keyed again, by this version
        return count

    def _keys_made_with(self) -> str | None:
        """The fingerprint of the word lists the stored matching keys were made with (in a
        file that :meth:`_knows_keys`)."""
        row = self.db.conn.execute(
            "SELECT value FROM store_meta WHERE name = 'keys_fingerprint'"
        ).fetchone()
        return row[0] if row else None

    def _knows_keys(self) -> bool:
        """Whether the file can say which word lists keyed it (from m014 on)."""
        return (
            self.db.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'"
            ).fetchone()
            is not None
        )

    def _record_keys(self) -> None:
        if not self._knows_keys():
            return
        self.db.conn.execute(
            "INSERT OR REPLACE INTO store_meta (name, value) VALUES ('keys_fingerprint', ?)",
            (keys_fingerprint(),),
        )

    def _renew_keys(self) -> None:
        """Key every claim again when the file was keyed with other word lists than this
        version's (see ``core.keys_version``): keys made otherwise miss paraphrases and
        differences the current lists tell. A replay of the events, in one transaction."""
        if not self._knows_keys() or self._keys_made_with() == keys_fingerprint():
            return
        started = time.monotonic()
        with self.transaction():
            if self._keys_made_with() == keys_fingerprint():  # another process did it
                return
            replayed = self._replay()
        if replayed:
            self.warnings.append(
                f"{self.path}: claims keyed again for this version's matching word lists "
                f"({replayed:,} events replayed, {time.monotonic() - started:.1f} s)"
            )
