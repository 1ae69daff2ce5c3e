"""Reads for matching: candidate claims by numbers and rare words, and stored matches."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import sqlite_utils

from workbench.matching.signature import number_key
from workbench.store.connection import Shared, rows_in, serialized


def _two_of_three(column: str, rare: Sequence[str]) -> str | None:
    """An FTS5 query for rows whose ``column`` holds two of the three ``rare`` words (all of
    them when fewer are given); None without words."""
    if len(rare) < 3:
        query = " AND ".join(f'"{t}"' for t in rare)
    else:
        a, b, c = (f'"{t}"' for t in rare)
        query = f"({a} AND {b}) OR ({a} AND {c}) OR ({b} AND {c})"
    return f"{column} : ({query})" if query else None


class MatchReads:
    """The Store's matching reads (satisfies ``matching.ClaimIndex``)."""

    db: sqlite_utils.Database
    _shared: Shared

    @serialized
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
        the block that share two of the query's three rarest words."""
        conn = self.db.conn
        base = "SELECT id, match_text FROM claims WHERE numkey = ?"
        params: list = [numkey]
        if exclude_article is not None:
            base += " AND article_id != ?"
            params.append(exclude_article)
        if numkey:
            size = conn.execute(  # counted in the numkey index alone
                "SELECT count(*) FROM (SELECT 1 FROM claims WHERE numkey = ? LIMIT ?)",
                (numkey, block + 1),
            ).fetchone()[0]
            if size <= block:
                return [tuple(r) for r in conn.execute(base, params)]
        rare = self._rarest(terms, 3)
        if numkey:  # the words as indexed with these numbers: short posting lists
            key = number_key(numkey)
            query = _two_of_three("numbered_terms", [key + t for t in rare])
        else:
            query = _two_of_three("match_text", rare)
        if query is None:
            return []
        # "+numkey": read the few rows the index names, not the whole block of the numbers
        sql = base.replace("numkey = ?", "+numkey = ?") + (
            " AND rowid IN (SELECT rowid FROM claims_match_fts WHERE claims_match_fts MATCH ?)"
        )
        try:
            rows = conn.execute(sql + " LIMIT ?", [*params, query, limit]).fetchall()
        except sqlite3.OperationalError:
            return []  # a query FTS5 cannot parse: no candidates rather than a crash
        return [tuple(r) for r in rows]

    @serialized
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
        query = _two_of_three("match_text", self._rarest(terms, 3))
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

    @serialized
    def matches_of(self, claim_ids: Sequence[str]) -> dict[str, list[dict]]:
        """Stored matches of each claim, best first, with the matched claim's verdict."""
        out: dict[str, list[dict]] = {}
        sql = (
            "SELECT m.claim_id, m.match_id, m.score, c.verdict FROM matches m "
            "JOIN claims c ON c.id = m.match_id WHERE m.claim_id IN ({marks}) "
            "ORDER BY m.score DESC"
        )
        for claim_id, match_id, score, verdict in rows_in(self.db.conn, sql, claim_ids):
            out.setdefault(claim_id, []).append(
                {"claim_id": match_id, "score": score, "verdict": verdict}
            )
        return out
