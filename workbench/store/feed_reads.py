"""Reads for monitoring: the feeds followed, articles known by address, review sessions and
what arrived since a reviewer's last one."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlite_utils

from workbench.core.errors import NotFoundError
from workbench.core.values import Feed
from workbench.store.connection import rows_in, serialized

_FEED_COLUMNS = (
    "id, url, name, outlet, added_at, added_by, etag, last_modified, checked_at, status, "
    "error, articles"
)


class FeedReads:
    """The Store's monitoring reads."""

    db: sqlite_utils.Database
    resolve_id: Callable[[str, str], str]  # from ClaimReads: a unique id prefix, resolved

    @serialized
    def feeds(self) -> list[Feed]:
        """Every feed followed, in the order they were added."""
        rows = self.db.conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY added_at, id")
        return [Feed(*row) for row in rows]

    @serialized
    def has_feed(self, feed_id: str) -> bool:
        """Whether the feed with exactly this id is followed."""
        row = self.db.conn.execute("SELECT 1 FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        return row is not None

    @serialized
    def feed(self, ref: str) -> Feed:
        """The feed followed at this URL, or with this id (a unique prefix is enough, as for
        claims); NotFoundError otherwise."""
        query = f"SELECT {_FEED_COLUMNS} FROM feeds WHERE "
        row = self.db.conn.execute(query + "url = ?", (ref.strip(),)).fetchone()
        if row is None:
            if "://" in ref:
                raise NotFoundError(f"no feed at {ref} is followed (see `workbench feeds list`)")
            feed_id = self.resolve_id(ref, "feeds")
            row = self.db.conn.execute(query + "id = ?", (feed_id,)).fetchone()
        return Feed(*row)

    @serialized
    def stored_urls(self, canonical_urls: Iterable[str]) -> set[str]:
        """Those of ``canonical_urls`` an article already stored has."""
        urls = list(dict.fromkeys(canonical_urls))
        sql = "SELECT canonical_url FROM articles WHERE canonical_url IN ({marks})"
        return {r[0] for r in rows_in(self.db.conn, sql, urls)}

    @serialized
    def last_session(self, subject: str) -> tuple[int, str] | None:
        """(event seq, time) of the newest ``session.opened`` event about ``subject`` (a
        reviewer's key), or None when there is none."""
        row = self.db.conn.execute(
            "SELECT seq, at FROM events WHERE subject = ? AND action = 'session.opened' "
            "ORDER BY seq DESC LIMIT 1",
            (subject,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    @serialized
    def claims_since(self, seq: int) -> int:
        """Claims that came into this database after event ``seq``: split here, or merged in
        from a colleague's copy (their events are appended after it)."""
        if seq <= 0:  # all of them: the claims table counts them without reading the log
            return self.db.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        return self.db.conn.execute(
            "SELECT count(*) FROM events WHERE seq > ? AND action = 'claim.extracted'", (seq,)
        ).fetchone()[0]
