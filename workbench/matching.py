"""Recognise a claim already checked: fuzzy matching that respects numbers, negation, speakers.

Candidates come from the full-text index (FTS5, ranked by bm25) instead of a scan of every
claim; rapidfuzz scores them in one ``process.cdist`` call. A pair is never a match when
its numbers differ ("40,000 tonnes" / "4,000 tonnes"), when one side is negated and the
other is not ("did not ship" / "shipped"), or when both name different speakers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from workbench.models import Claim
    from workbench.store import Store

THRESHOLD = 82.0  # score (0-100) from which two claims are the same claim
DUPLICATE = 90.0  # within one article: the same claim repeated (headline and body)

NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"}
)
_STOP = """a an the of to in on at for from by with and or but as is are was were be been being
has have had it its this that these those which who whom whose what when where while will
would could should may might can said says say told also than then there their they them he
she his her him we our us you your i me my mr mrs ms dr"""
STOPWORDS = frozenset(_STOP.split())
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion|bn|m)\b)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Signature:
    """What matching compares of a claim."""

    text: str  # normalised wording: lowercase, numbers canonical, crude stems
    numbers: frozenset[str]
    negated: bool
    speaker: str | None

    @property
    def numkey(self) -> str:
        """The numbers as one string: claims can only match when these are equal."""
        return " ".join(sorted(self.numbers))

    @classmethod
    def stored(cls, text: str, numkey: str, speaker: str | None) -> Signature:
        """A signature from the keys kept in the claims table, without recomputing them."""
        words = set(text.split())
        return cls(
            text=text,
            numbers=frozenset(numkey.split()),
            negated=bool(words & NEGATIONS),
            speaker=normalise_speaker(speaker),
        )


def _number(whole: str, fraction: str | None, scale: str | None) -> str:
    value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
    value *= _SCALE.get((scale or "").lower(), 1)
    return f"{value:g}"


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # shipp(ed) -> ship
    return word


def signature(text: str, speaker: str | None = None) -> Signature:
    """The comparable form of a claim's wording and speaker."""
    lowered = text.lower().replace("n't", " not").replace("per cent", "percent")
    numbers = {_number(*m.groups()) for m in _NUMBER.finditer(lowered)}
    words = _WORD.findall(_NUMBER.sub(" ", lowered))
    for w in words:
        if w in _NUMBER_WORDS:
            numbers.add(f"{_NUMBER_WORDS[w]:g}")
    negated = any(w in NEGATIONS for w in words)
    stems = [w if w in NEGATIONS else _stem(w) for w in words if w not in _NUMBER_WORDS]
    return Signature(
        text=" ".join(stems + sorted(numbers)),
        numbers=frozenset(numbers),
        negated=negated,
        speaker=normalise_speaker(speaker),
    )


def normalise_speaker(speaker: str | None) -> str | None:
    if not speaker:
        return None
    words = [w for w in _WORD.findall(speaker.lower()) if w not in STOPWORDS]
    return " ".join(words) or None


def compatible(a: Signature, b: Signature) -> bool:
    """Whether two claims could be the same claim at all, whatever their wording."""
    if a.numbers != b.numbers or a.negated != b.negated:
        return False
    return not (a.speaker and b.speaker and a.speaker != b.speaker)


def search_terms(text: str, limit: int = 8) -> list[str]:
    """The words worth looking up in the full-text index, longest (rarest-looking) first."""
    words = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2]
    unique = list(dict.fromkeys(words))
    return sorted(unique, key=len, reverse=True)[:limit]


def score_many(queries: Sequence[Signature], candidates: Sequence[Signature]) -> np.ndarray:
    """A (len(queries) x len(candidates)) score matrix, 0 where claims are incompatible."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not queries or not candidates:
        return np.zeros((len(queries), len(candidates)))
    q = [s.text for s in queries]
    c = [s.text for s in candidates]
    sort = process.cdist(q, c, scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.float32)
    sets = process.cdist(q, c, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.float32)
    scores = (sort + sets) / 2
    for i, qs in enumerate(queries):
        for j, cs in enumerate(candidates):
            if scores[i, j] >= THRESHOLD and not compatible(qs, cs):
                scores[i, j] = 0.0
    return scores


def best_matches(
    query: Signature, candidates: Sequence[tuple[str, Signature]], limit: int, floor: float
) -> list[tuple[str, float]]:
    """(claim id, score) of the best candidates at or above ``floor``, best first."""
    if not candidates:
        return []
    row = score_many([query], [s for _, s in candidates])[0]
    ranked = sorted(
        ((candidates[j][0], float(row[j])) for j in range(len(candidates)) if row[j] >= floor),
        key=lambda pair: -pair[1],
    )
    return [(cid, round(score, 1)) for cid, score in ranked[:limit]]


def link_article(store: Store, article_id: str, claims: Sequence[Claim]) -> dict:
    """Matches of a new article's claims to earlier claims, and repeats within the article.

    Returns the payload of an ``article.matched`` event:
    ``{"matches": {claim_id: [[earlier_id, score], ...]}, "duplicates": {claim_id: first_id}}``.
    """
    sigs = [signature(c.claim, c.speaker) for c in claims]
    duplicates: dict[str, str] = {}
    if len(claims) > 1:
        within = score_many(sigs, sigs)
        for j in range(len(claims)):
            for i in range(j):
                if within[i, j] >= DUPLICATE and claims[i].id not in duplicates:
                    duplicates[claims[j].id] = claims[i].id
                    break
    matches: dict[str, list[list]] = {}
    for claim, sig in zip(claims, sigs, strict=True):
        if claim.id in duplicates:
            continue
        best = lookup(store, sig, claim.claim, limit=5, floor=THRESHOLD, exclude=article_id)
        if best:
            matches[claim.id] = [[cid, score] for cid, score in best]
    return {"matches": matches, "duplicates": duplicates}


def lookup(
    store: Store,
    sig: Signature,
    text: str,
    *,
    limit: int = 5,
    floor: float = THRESHOLD,
    exclude: str | None = None,
) -> list[tuple[str, float]]:
    """(claim id, score) of stored claims like ``text``, best first, from ``floor`` up."""
    found = store.match_candidates(sig.numkey, search_terms(text), exclude_article=exclude)
    candidates = [(cid, Signature.stored(mt or "", sig.numkey, sp)) for cid, mt, sp in found]
    return best_matches(sig, candidates, limit, floor)
