"""Recognise a claim already checked: fuzzy matching that respects numbers, negation, speakers
and who did what to whom.

Candidates come from the full-text index (FTS5, ranked by bm25) instead of a scan of every
claim; rapidfuzz scores them in one ``process.cdist`` call. A pair is never a match when
its numbers differ ("40,000 tonnes" / "4,000 tonnes"), when one side is negated and the
other is not ("did not ship" / "shipped"), when both name different speakers, or when their
frames (:class:`workbench.core.values.Frame`, read from the parse when the claim was split)
differ in a role both fill: another actor as agent ("India" / "China"), agent and target
swapped, another date or weekday, another number, a negation or hedge on one side only.
Such a pair may be shown as related, with what differs, but never adopts a verdict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from workbench.matching.actors import same_actor, speaker_label
from workbench.matching.differences import (
    compatible,
    differences,
    unmatched_names,
)
from workbench.matching.meaning import (
    MEANING_SAME,
    SECOND_READINGS,
    WORDING_FLOOR,
    second_readings,
)
from workbench.matching.number_order import numbers_swapped
from workbench.matching.signature import (
    DUPLICATE,
    THRESHOLD,
    Signature,
    index_terms,
    signature,
)

__all__ = [
    "MEANING_SAME",
    "THRESHOLD",
    "Candidate",
    "ClaimIndex",
    "EarlierClaim",
    "Signature",
    "compatible",
    "differences",
    "earlier_claims",
    "link_article",
    "lookup",
    "related",
    "related_claims",
    "score_many",
    "signature",
]

if TYPE_CHECKING:
    import numpy as np

    from workbench.core.values import Article, Claim, Source


class ClaimIndex(Protocol):
    """What matching reads of the stored claims (the Store provides it). Declared here so
    that matching never imports the store, which calls matching to link new claims."""

    def match_candidates(
        self, numkey: str, terms: Sequence[str], limit: int = ..., exclude_article: str | None = ...
    ) -> list[tuple[str, str]]: ...

    def match_details(
        self, ids: Sequence[str]
    ) -> dict[str, tuple[str | None, str | None, str | None, str | None]]: ...

    def worded_like(
        self, terms: Sequence[str], limit: int = ...
    ) -> list[tuple[str, str, str | None, str | None, str, str, str | None]]: ...

    def claims(self, *, ids: Sequence[str] | None = ...) -> list[Claim]: ...

    def claim(self, claim_id: str) -> Claim: ...

    def article(self, article_id: str) -> Article: ...

    def claim_sources(self, claim_id: str) -> list[tuple[str, Source]]: ...


def search_terms(sig: Signature, limit: int = 12) -> list[str]:
    """The normalised words of a claim worth looking up in the index of normalised wordings
    (no numbers, no stop words), longest (rarest-looking) first."""
    return sorted(index_terms(sig.text), key=len, reverse=True)[:limit]


def fuzzy_scores(
    queries: Sequence[str], candidates: Sequence[str], floor: float = 0.0
) -> np.ndarray:
    """The wording similarity (0-100) of every query text to every candidate text (the
    signatures' normalised wording), nothing else: the mean of rapidfuzz's token-sort and
    token-set ratios. Scores below ``floor`` are only known to be below it."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not queries or not candidates:
        return np.zeros((len(queries), len(candidates)))
    # threads pay off only on large matrices (a whole article against its candidates)
    workers = -1 if len(queries) * len(candidates) > 20_000 else 1
    sort = process.cdist(
        queries, candidates, scorer=fuzz.token_sort_ratio, workers=workers, dtype=np.float32
    )
    # the mean reaches the floor only where the sort ratio reaches 2 x floor - 100 (the set
    # ratio is at most 100): the set ratio, twice the cost, is computed for those alone
    needed = np.flatnonzero((sort >= 2 * floor - 100).any(axis=0))
    sets = np.zeros_like(sort)
    if needed.size:
        sets[:, needed] = process.cdist(
            queries,
            [candidates[j] for j in needed],
            scorer=fuzz.token_set_ratio,
            workers=workers,
            dtype=np.float32,
        )
    return (sort + sets) / 2


def score_many(queries: Sequence[Signature], candidates: Sequence[Signature]) -> np.ndarray:
    """A (len(queries) x len(candidates)) score matrix, 0 where claims are incompatible."""
    import numpy as np

    scores = fuzzy_scores([s.text for s in queries], [s.text for s in candidates], THRESHOLD)
    for i, j in zip(*np.nonzero(scores >= THRESHOLD), strict=True):  # only close pairs
        if not compatible(queries[i], candidates[j]):
            scores[i, j] = 0.0
    return scores


def link_article(store: ClaimIndex, article_id: str, claims: Sequence[Claim]) -> dict:
    """Matches of a new article's claims to earlier claims, and repeats within the article.

    Returns the payload of an ``article.matched`` event:
    ``{"matches": {claim_id: [[earlier_id, score], ...]}, "duplicates": {claim_id: first_id}}``.
    """
    import numpy as np

    sigs = [signature(c.claim, c.speaker, c.frame, c.stance) for c in claims]
    # a repeat has the same numbers and negation (see ``differences``): compare within those
    groups: dict[tuple[str, bool], list[int]] = {}
    for position, sig in enumerate(sigs):
        groups.setdefault((sig.numkey, sig.negated), []).append(position)
    duplicates: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        texts = [sigs[m].text for m in members]
        within = fuzzy_scores(texts, texts, DUPLICATE)
        for b in range(1, len(members)):
            j = members[b]
            # the first earlier claim it repeats: close, not itself a repeat, compatible
            for a in np.flatnonzero(within[:b, b] >= DUPLICATE):
                i = members[a]
                if claims[i].id not in duplicates and compatible(sigs[i], sigs[j]):
                    duplicates[claims[j].id] = claims[i].id
                    break
    matches: dict[str, list[list]] = {}
    for claim, sig in zip(claims, sigs, strict=True):
        if claim.id in duplicates:
            continue
        best = lookup(store, sig, limit=5, floor=THRESHOLD, exclude=article_id)
        if best:
            matches[claim.id] = [[cid, score] for cid, score in best]
    return {"matches": matches, "duplicates": duplicates}


@dataclass(frozen=True)
class Candidate:
    """A stored claim worded like a query: how alike, and what agrees or differs."""

    claim_id: str
    score: float  # wording similarity, 0-100
    differs: tuple[str, ...]  # what keeps it from being the same claim
    agrees: tuple[str, ...]  # the roles both fill alike ("agent moscow", "date february")
    #: how alike in meaning, for a claim worded apart with the same action (else None)
    alike: float | None = None

    @property
    def is_match(self) -> bool:
        """The same claim: worded alike (or apart, with the same action and meaning alike)
        and nothing differs. Only a match lends a verdict."""
        if self.differs:
            return False
        return self.score >= THRESHOLD or (self.alike or 0.0) >= MEANING_SAME


def related(
    store: ClaimIndex, sig: Signature, *, limit: int = 5, floor: float = 50.0
) -> list[Candidate]:
    """The stored claims worded most like the claim of ``sig``, best first: matches, then
    claims that are only related. Candidates come from the index by words alone (any
    numbers)."""
    found = store.worded_like(search_terms(sig))
    texts = [mt or "" for _, mt, *_ in found]
    row = fuzzy_scores([sig.text], texts, floor)[0] if found else []
    ranked, others = [], []
    for j in close(row, floor):
        cid, mt, sp, fr, nk, wording, stance = found[j]
        other = Signature.stored(mt or "", nk or "", sp, fr, wording, stance)
        score = round(float(row[j]), 1)
        ranked.append(Candidate(cid, score, tuple(differences(sig, other)), agreements(sig, other)))
        others.append(other)
    clear = [k for k, c in enumerate(ranked) if not c.differs]
    for pos, a in second_readings(sig, [(ranked[k].score, others[k]) for k in clear]).items():
        ranked[clear[pos]] = dataclasses.replace(ranked[clear[pos]], alike=round(a, 3))
    ranked.sort(key=lambda c: (not c.is_match, bool(c.differs), -c.score))
    return ranked[:limit]


def agreements(a: Signature, b: Signature) -> tuple[str, ...]:
    """What two claims say alike, role by role: why they match, or what they share."""
    out = []
    if a.numbers and a.numbers == b.numbers and not numbers_swapped(a, b):
        out.append("numbers " + ", ".join(sorted(a.numbers)))
    if a.speaker and b.speaker and same_actor(a.speaker, b.speaker):
        out.append(f"speaker {speaker_label(b.speaker)}")
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return tuple(out)
    for role, x, y in (
        ("agent", fa.agents, fb.agents),
        ("target", fa.patients, fb.patients),
        ("place", fa.places, fb.places),
    ):
        shared = [n for n in y if not unmatched_names([n], x)]
        if shared:
            out.append(f"{role} " + ", ".join(shared))
    if fa.dates and set(fa.dates) == set(fb.dates):
        out.append("date " + " ".join(fb.dates))
    if fa.polarity == fb.polarity and fa.polarity != "positive":
        out.append(f"polarity {fa.polarity}")
    return tuple(out)


def close(row: Sequence[float], floor: float) -> list[int]:
    """Indices of the scores at or above ``floor``: only these candidates get a signature."""
    return [j for j, score in enumerate(row) if score >= floor]


RELATED = 75.0  # from this wording score a claim that differs is shown as related


def related_claims(
    store: ClaimIndex, claim: Claim, limit: int = 3
) -> list[tuple[Candidate, Claim]]:
    """Earlier claims of other articles worded like ``claim`` (from :data:`RELATED`) that
    are not the same claim, with what differs, each with the earlier claim as stored: shown
    beside it, never adopted."""
    sig = signature(claim.claim, claim.speaker, claim.frame, claim.stance)
    others = [c for c in related(store, sig, limit=limit + 5, floor=RELATED) if c.differs]
    if not others:
        return []
    stored = {c.id: c for c in store.claims(ids=[c.claim_id for c in others])}
    found = [
        (c, stored[c.claim_id])
        for c in others
        if c.claim_id in stored and stored[c.claim_id].article_id != claim.article_id
    ]
    return found[:limit]


@dataclass(frozen=True)
class EarlierClaim:
    """An earlier claim shown beside one under review: a match, whose verdict ``m`` adopts,
    or a related claim that differs (``differs``) and lends nothing."""

    claim: Claim
    article_title: str
    sources: tuple[Source, ...]
    score: float
    differs: tuple[str, ...] = ()


def earlier_claims(
    store: ClaimIndex, claim: Claim
) -> tuple[list[EarlierClaim], list[EarlierClaim]]:
    """The earlier claims to show beside ``claim``: its stored matches, and the claims of
    other articles worded alike that are not the same claim, each with its article's title,
    verdict and sources."""

    def shown(other: Claim, score: float, differs: tuple[str, ...] = ()) -> EarlierClaim:
        article = store.article(other.article_id)
        sources = tuple(s for _, s in store.claim_sources(other.id))
        title = article.title or article.source
        return EarlierClaim(other, title, sources, score, differs)

    matches = [shown(store.claim(m["claim_id"]), m["score"]) for m in claim.matches]
    related_ = [shown(other, c.score, c.differs) for c, other in related_claims(store, claim)]
    return matches, related_


def lookup(
    store: ClaimIndex,
    sig: Signature,
    *,
    limit: int = 5,
    floor: float = THRESHOLD,
    exclude: str | None = None,
) -> list[tuple[str, float]]:
    """(claim id, score) of stored claims that are the claim of ``sig``, best first, from
    ``floor`` up."""
    found = store.match_candidates(sig.numkey, search_terms(sig), exclude_article=exclude)
    row = fuzzy_scores([sig.text], [mt or "" for _, mt in found], floor)[0] if found else []
    # best first, so that the frames of only as many close claims as it takes are compared:
    # in a large database a claim said often has many close repeats
    near = sorted(close(row, floor), key=lambda j: -round(float(row[j]), 1))
    ranked: list[tuple[str, float]] = []
    for start in range(0, len(near), 2 * limit):
        chunk = near[start : start + 2 * limit]
        details = store.match_details([found[j][0] for j in chunk])
        for j in chunk:
            cid, mt = found[j]
            sp, fr, wording, stance = details[cid]
            if compatible(sig, Signature.stored(mt or "", sig.numkey, sp, fr, wording, stance)):
                ranked.append((cid, round(float(row[j]), 1)))
                if len(ranked) == limit:
                    return ranked
    if floor == THRESHOLD and found:
        ranked += _read_again(store, sig, found, row, limit - len(ranked))
    return ranked


def _read_again(
    store: ClaimIndex,
    sig: Signature,
    found: Sequence[tuple[str, str]],
    row: Sequence[float],
    limit: int,
) -> list[tuple[str, float]]:
    """(claim id, score) of the claims worded apart from ``sig`` (scores from
    :data:`WORDING_FLOOR` up to the threshold) that are its claim by a second reading: the
    same action, nothing differing, meaning alike (:mod:`workbench.matching.meaning`)."""
    band = [j for j, score in enumerate(row) if WORDING_FLOOR <= score < THRESHOLD]
    band = sorted(band, key=lambda j: -float(row[j]))[: 4 * SECOND_READINGS]
    if not band or not sig.wording or limit <= 0:
        return []
    details = store.match_details([found[j][0] for j in band])
    readable: list[tuple[int, Signature]] = []
    for j in band:
        cid, mt = found[j]
        sp, fr, wording, stance = details[cid]
        other = Signature.stored(mt or "", sig.numkey, sp, fr, wording, stance)
        if compatible(sig, other):
            readable.append((j, other))
    alike = second_readings(sig, [(float(row[j]), other) for j, other in readable])
    same = [readable[k][0] for k, a in sorted(alike.items()) if a >= MEANING_SAME]
    return [(found[j][0], round(float(row[j]), 1)) for j in same][:limit]
