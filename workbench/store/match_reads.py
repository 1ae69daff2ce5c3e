"""Reads for matching: candidate claims by numbers and rare words, and stored matches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

import sqlite_utils

from workbench.matching.signature import number_key
from workbench.store.connection import Shared, rows_in, serialized


def _all_but_one(column: str, rare: Sequence[str]) -> str | None:
    """An FTS5 query for rows whose ``column`` holds all but one of the ``rare`` words (two
    of three, three of four …; all of them when fewer than three); None without words."""
    words = [f'"{t}"' for t in rare]
    if not words:
        return None
    query = " AND ".join(words) if len(words) < 3 else _missing_at_most_one(words)
    return f"{column} : ({query})"


def _missing_at_most_one(words: Sequence[str]) -> str:
    """All but at most one of ``words`` (two or more): all of one half and all but one of
    the other, either way round. Each word's posting list is read twice, where the plain
    "every group of all but one" read it once for each other word (a fifth slower at four
    words)."""
    if len(words) == 2:
        return f"{words[0]} OR {words[1]}"
    half = len(words) // 2
    first, second = words[:half], words[half:]

    def whole_and_nearly(whole: Sequence[str], nearly: Sequence[str]) -> str:
        rest = [f"({_missing_at_most_one(nearly)})"] if len(nearly) > 1 else []
        return "(" + " AND ".join([*whole, *rest]) + ")"

    return f"{whole_and_nearly(first, second)} OR {whole_and_nearly(second, first)}"


#: the most of a claim's rarest words a lookup narrows by when many claims share fewer
MOST_WORDS = 6


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
        (``numkey``, empty for none) and normalised words (``terms``): the whole block of
        claims with the same numbers when it holds at most ``block`` claims, otherwise those
        of the block that share two of the query's three rarest words. When more than
        ``limit`` do, those that share all but one of its four rarest, five rarest … (up to
        :data:`MOST_WORDS`), and past that the ``limit`` the index ranks best (BM25): a claim
        worded like the query is never cut off by the order claims were stored in.

        Words are looked up as indexed with the numbers' key (``numbered_terms``): posting
        lists of the block's claims alone, however many other claims share a word."""
        conn = self.db.conn
        excluded = " AND c.article_id != ?" if exclude_article is not None else ""
        params: list = [numkey] + ([exclude_article] if exclude_article is not None else [])
        block = min(block, limit)
        size = conn.execute(  # counted in the numkey index alone
            "SELECT count(*) FROM (SELECT 1 FROM claims WHERE numkey = ? LIMIT ?)",
            (numkey, block + 1),
        ).fetchone()[0]
        if size <= block:
            block_sql = f"SELECT id, match_text FROM claims c WHERE c.numkey = ?{excluded}"
            return [tuple(r) for r in conn.execute(block_sql, params)]
        key, claims = number_key(numkey), self._claim_count()
        rare = self._rarest([key + t for t in terms], len(terms), claims)
        rare = self._distinct(rare, limit, claims)[:MOST_WORDS]
        if not rare:
            return []
        first = self._fewest_words(rare, limit, self._block_size(numkey, claims))
        found = "SELECT rowid FROM claims_match_fts WHERE claims_match_fts MATCH ? LIMIT ?"
        # the rows the index names, read by rowid (keys hash to 32 bits: numkey is checked)
        rows_sql = (
            "SELECT id, match_text FROM claims c WHERE rowid IN (SELECT value FROM json_each(?))"
            f" AND c.numkey = ?{excluded}"
        )
        ranked = (
            "SELECT c.id, c.match_text FROM claims_match_fts f JOIN claims c "
            "ON c.rowid = f.rowid WHERE claims_match_fts MATCH ? "
            f"AND +c.numkey = ?{excluded} ORDER BY f.rank LIMIT ?"
        )
        try:
            # two of the three rarest words; when more claims share them than can be scored,
            # all but one of the four rarest, of the five …, and at last the best ranked
            for n in range(first, max(len(rare), first) + 1):
                query = _all_but_one("numbered_terms", rare[:n])
                rowids = [r[0] for r in conn.execute(found, (query, limit + 1))]
                if len(rowids) <= limit:
                    rows = conn.execute(rows_sql, [json.dumps(rowids), *params]).fetchall()
                    return [tuple(r) for r in rows]
            rows = conn.execute(ranked, [query, *params, limit]).fetchall()
        except sqlite3.OperationalError:
            return []  # a query FTS5 cannot parse: no candidates rather than a crash
        return [tuple(r) for r in rows]

    @serialized
    def match_details(
        self, ids: Sequence[str]
    ) -> dict[str, tuple[str | None, str | None, str | None, str | None]]:
        """{id: (speaker, frame, claim, stance)} of the given claims: what a close candidate
        is compared by besides its keys."""
        marks = ", ".join("?" for _ in ids)
        rows = self.db.conn.execute(
            f"SELECT id, speaker, frame, claim, stance FROM claims WHERE id IN ({marks})",
            list(ids),
        )
        return {cid: tuple(rest) for cid, *rest in rows}  # type: ignore[misc]

    def worded_like(
        self, terms: Sequence[str], limit: int = 200
    ) -> list[tuple[str, str, str | None, str | None, str, str, str | None]]:
        """(id, match_text, speaker, frame, numkey, claim, stance) of claims that share two
        of the query's three rarest normalised words, whatever their numbers: the related
        claims ``match`` and the review session show."""
        query = _all_but_one("match_text", self._rarest(terms, 3, self._claim_count()))
        if query is None:
            return []
        sql = (
            "SELECT id, match_text, speaker, frame, numkey, claim, stance FROM claims "
            "WHERE rowid IN "
            "(SELECT rowid FROM claims_match_fts WHERE claims_match_fts MATCH ?) LIMIT ?"
        )
        try:
            return [tuple(r) for r in self.db.conn.execute(sql, [query, limit]).fetchall()]
        except sqlite3.OperationalError:
            return []

    def _fewest_words(self, rare: Sequence[str], limit: int, population: int) -> int:
        """How many of the ``rare`` words (from three) a claim must share all but one of for
        the claims that do to be about ``limit`` or fewer, estimated from how many of the
        ``population`` claims hold each word as if words were independent (an underestimate
        costs one more query)."""
        population = max(population, 1)
        share = [min(self._shared.term_docs[t][0] / population, 1.0) for t in rare]
        for n in range(3, len(rare) + 1):
            expected = 0.0
            for left_out in range(n):
                product = float(population)
                for i in range(n):
                    if i != left_out:
                        product *= share[i]
                expected += product
            if expected <= limit:
                return n
        return max(len(rare), 3)

    def _distinct(self, rare: Sequence[str], limit: int, claims: int) -> list[str]:
        """``rare`` (rarest first) less each word held by exactly the same claims as a rarer
        one ("barrels of oil": "barrel" and "oil"), so that sharing two words means sharing
        two things said, not one phrase. Only when the three rarest are common enough for
        the claims sharing two of them to outnumber ``limit``; otherwise ``rare`` as given.

        Whether two words go together is asked of the index once and kept like the word
        counts of :meth:`_rarest`; a stale answer only changes which words are looked up."""
        counts = self._shared.term_docs
        if len(rare) < 3 or 2 * counts[rare[0]][0] + counts[rare[1]][0] <= limit:
            return list(rare)
        kept: list[str] = []
        for word in rare:
            if not any(
                counts[k][0] == counts[word][0] and self._together(k, word, claims) for k in kept
            ):
                kept.append(word)
        return kept

    def _together(self, a: str, b: str, claims: int) -> bool:
        """Whether every claim holding word ``a`` holds ``b`` and the other way round."""
        cache = self._shared.together
        if len(cache) > 100_000:
            cache.clear()
        known = cache.get((a, b))
        if known is None or claims > 2 * known[1]:
            apart = self.db.conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM claims_match_fts "
                "WHERE claims_match_fts MATCH ? LIMIT 1)",
                (f'numbered_terms : (("{a}" NOT "{b}") OR ("{b}" NOT "{a}"))',),
            ).fetchone()[0]
            known = cache[(a, b)] = (apart == 0, max(claims, 1))
        return known[0]

    def _block_size(self, numkey: str, claims: int) -> int:
        """How many claims have these numbers (``numkey``), kept per process like the word
        counts of :meth:`_rarest` and counted again once the claims have doubled."""
        cache = self._shared.term_docs
        key = "\x00" + numkey  # never an indexed word
        if key not in cache or claims > 2 * cache[key][1]:
            size = self.db.conn.execute(
                "SELECT count(*) FROM claims WHERE numkey = ?", (numkey,)
            ).fetchone()[0]
            cache[key] = (size, max(claims, 1))
        return cache[key][0]

    def _claim_count(self) -> int:
        """How many claims there are (the highest rowid): what the counts kept per process
        are checked against."""
        return self.db.conn.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0]

    def _rarest(self, terms: Sequence[str], n: int, claims: int) -> list[str]:
        """The n terms that the fewest claims contain (terms no claim contains are left out).

        Counting a word's claims reads its whole posting list, so counts are kept per process
        and read again once the claims have doubled; a stale count only changes which words
        are looked up, never what matches."""
        if not terms:
            return []
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
