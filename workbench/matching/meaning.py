"""A second reading for claims worded apart: the same action, meaning alike.

The wording score misses paraphrases that change many words ("The agency did not mention
if there were casualties" / "… did not say whether there were any casualties", 80.6). A
stored claim scored from :data:`WORDING_FLOOR` up, with nothing in its frame or wording
that differs, the same main verb, and sentence embeddings (the splitter's shipped encoder)
at least :data:`MEANING_SAME` alike, is the same claim too.

Measured before it was adopted (2026-12-04, docs/matching.md): across every pairs file it
recovers three missed paraphrases and matches no near miss; of 1,857 candidates worded
apart with nothing differing, for 2,000 real debate and news sentences looked up among
8,000 others, none reaches 0.95 while three reach 0.93 ("It won't work" / "It may not
work"); verbs that differ read alike ("Osama bin Laden escaped" / "… attacked us", 0.944),
which is why the main verb must agree.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbench.matching.signature import THRESHOLD, Signature
from workbench.matching.vocabulary import vocabulary

if TYPE_CHECKING:
    import numpy as np

#: embeddings at least this alike (cosine) make a claim worded apart the same claim
MEANING_SAME = 0.95
#: the wording score from which a claim is read a second time
WORDING_FLOOR = 55.0
#: at most this many claims are read a second time for one query
SECOND_READINGS = 5


def same_action(a: Signature, b: Signature) -> bool:
    """Whether both frames name one main verb (its lemma, synonyms as one). A copular claim
    ("X is Y") names none: what it says is in its attribute, which the verb does not show."""
    if a.frame is None or b.frame is None:
        return False
    first, second = a.frame.predicate, b.frame.predicate
    if not first or not second or "be" in {first, second}:
        return False
    synonyms = vocabulary().synonyms
    return synonyms.get(first, first) == synonyms.get(second, second)


def second_readings(sig: Signature, others: Sequence[tuple[float, Signature]]) -> dict[int, float]:
    """How alike in meaning the claim of ``sig`` is to those of ``others`` (wording score,
    stored signature; none differing in anything) that are read a second time: worded apart
    (from :data:`WORDING_FLOOR` up to the threshold), the same action, the best
    :data:`SECOND_READINGS` by score. {index in ``others``: how alike}."""
    if not sig.wording:
        return {}
    chosen = [
        k
        for k, (score, other) in enumerate(others)
        if WORDING_FLOOR <= score < THRESHOLD and same_action(sig, other)
    ]
    chosen = sorted(chosen, key=lambda k: -others[k][0])[:SECOND_READINGS]
    alike = meaning_alike(sig.wording, [others[k][1].wording or "" for k in chosen])
    return dict(zip(chosen, alike, strict=True))


def meaning_alike(query: str, others: Sequence[str]) -> list[float]:
    """How alike in meaning (cosine of sentence embeddings) each of ``others`` is to
    ``query``."""
    if not others:
        return []
    mine = _embedding(query)
    return [float(mine @ _embedding(text)) for text in others]


@functools.lru_cache(maxsize=4096)  # a claim looked up is read again when it is shown
def _embedding(text: str) -> np.ndarray:
    from workbench.splitting.encoder import shipped_encoder

    return shipped_encoder().encode([text])[0]
