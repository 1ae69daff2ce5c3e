"""Reads of the projections: articles, claims with their verdicts, sources, notes, stats."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import sqlite_utils

from workbench.core.errors import NotFoundError
from workbench.core.values import (
    Article,
    Claim,
    Dropped,
    Entity,
    Event,
    Frame,
    QueueRow,
    Source,
    Status,
    Verdict,
)
from workbench.store import events as ev
from workbench.store.connection import Shared, serialized

_HEX = re.compile(r"^[0-9a-f]+$")


class ClaimReads:
    """The Store's reads of articles, claims and what reviewers did to them."""

    db: sqlite_utils.Database
    _shared: Shared

    @serialized
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

    @serialized
    def article(self, article_id: str) -> Article:
        row = self.db.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return _article(dict(zip(table_columns(self.db, "articles"), row, strict=True)))

    @serialized
    def articles(self) -> list[Article]:
        cols = table_columns(self.db, "articles")
        rows = self.db.conn.execute("SELECT * FROM articles ORDER BY ingested_at, id")
        return [_article(dict(zip(cols, row, strict=True))) for row in rows]

    @serialized
    def has_claims(self) -> bool:
        """Whether any claim is stored (without reading them)."""
        return self.db.conn.execute("SELECT 1 FROM claims LIMIT 1").fetchone() is not None

    @serialized
    def article_titles(self) -> list[tuple[str, str]]:
        """(id, title or source) of every article, in ingest order, without their texts."""
        rows = self.db.conn.execute(
            "SELECT id, coalesce(title, source) FROM articles ORDER BY ingested_at, id"
        )
        return [tuple(r) for r in rows]

    @serialized
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
        cols = table_columns(self.db, "claims")
        rows = [dict(zip(cols, r, strict=True)) for r in self.db.conn.execute(sql, params)]
        verdicts = self._verdicts({r["id"] for r in rows}) if rows else {}
        matches = self._matches_if_any([r["id"] for r in rows])
        return [_claim(r, verdicts.get(r["id"], ()), tuple(matches.get(r["id"], ()))) for r in rows]

    def _matches_if_any(self, ids: list[str]) -> dict[str, list[dict]]:
        if not ids or self.db.conn.execute("SELECT 1 FROM matches LIMIT 1").fetchone() is None:
            return {}
        return self.matches_of(ids)

    @serialized
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

    @serialized
    def queue_rows(
        self, article_id: str | None = None, claim_id: str | None = None, *, ordered: bool = False
    ) -> list[QueueRow]:
        """Light rows for the review queue (review.queue). With ``ordered``: unreviewed
        first, then the most check-worthy, then article order."""
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
            sql += " ORDER BY status != ?, checkworthiness DESC, article_id, position"
            params = (*params, Status.UNREVIEWED.value)
        empty: tuple[str, ...] = ()
        return [QueueRow(*r, reviewers.get(r[0], empty)) for r in self.db.conn.execute(sql, params)]

    @serialized
    def claim_sources(self, claim_id: str) -> list[tuple[str, Source]]:
        """Every current source on a claim as (added_by, Source), oldest first."""
        rows = self.db.conn.execute(
            "SELECT added_by, url, title, publisher, excerpt, accessed_at FROM sources "
            "WHERE claim_id = ? ORDER BY rowid",
            (claim_id,),
        )
        return [(added_by, Source(*fields)) for added_by, *fields in rows]

    @serialized
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

    @serialized
    def claim_notes(self, claim_id: str) -> list[tuple[str, str, str]]:
        """Every current note on a claim as (author, text, at), oldest first."""
        rows = self.db.conn.execute(
            "SELECT author, text, at FROM notes WHERE claim_id = ? ORDER BY at", (claim_id,)
        )
        return [tuple(r) for r in rows]

    @serialized
    def last_undoable(self, actor: str, actions: Sequence[str]) -> Event | None:
        """The actor's newest event of one of ``actions`` that has not been undone."""
        marks = ", ".join("?" for _ in actions)
        rows = self.db.conn.execute(
            f"SELECT {ev.EVENT_COLUMNS} FROM events WHERE actor = ? AND action IN ({marks}) "
            "AND id NOT IN (SELECT json_extract(payload, '$.event_id') FROM events "
            "WHERE action = 'action.undone') ORDER BY seq DESC LIMIT 1",
            (actor, *actions),
        ).fetchone()
        return ev.event_from_row(rows) if rows else None

    @serialized
    def verdicts_since(self, actor: str, since: str) -> int:
        """How many claims ``actor`` has a current verdict on, given at or after ``since``."""
        return self.db.conn.execute(
            "SELECT count(*) FROM verdicts WHERE reviewer = ? AND current = 1 AND at >= ?",
            (actor, since),
        ).fetchone()[0]

    @serialized
    def batch_events(self, actor: str, batch: str) -> list[Event]:
        """The actor's events of one batch that have not been undone, oldest first."""
        rows = self.db.conn.execute(
            f"SELECT {ev.EVENT_COLUMNS} FROM events WHERE actor = ? "
            "AND json_extract(payload, '$.batch') = ? "
            "AND id NOT IN (SELECT json_extract(payload, '$.event_id') FROM events "
            "WHERE action = 'action.undone') ORDER BY seq",
            (actor, batch),
        )
        return [ev.event_from_row(r) for r in rows]

    @serialized
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


def table_columns(db: sqlite_utils.Database, table: str) -> list[str]:
    """The column names of ``table``, in order."""
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
