"""Nothing silently dropped: every word of an article is in a claim or in a recorded non-claim.

The splitter's claims cover spans of the cleaned text. What lies between them, and what the
cleaning removed before it, is listed here as :class:`NonClaim` segments, each with the
reason it is not a claim:

* ``boilerplate: RULE`` — removed by the boilerplate rule RULE before splitting (no offsets:
  it is not in the cleaned text);
* ``fragment`` — figures or symbols with no word, standing alone ("***", "2/3");
* ``connector`` — only function words and punctuation between two claims (", and", "while");
* ``discourse marker`` — a marker that opens the next claim ("In addition,", "Meanwhile,");
* ``not covered`` — content words no claim holds. The splitter should never leave any: the
  property tests assert it, and ``workbench split --explain`` shows them if it does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.core.values import Claim, ClaimDraft, Dropped

# letters and digits, as ``gaps`` counts them: an underscore is punctuation ("_A001")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

#: Reasons a segment of the article is not a claim (see the module docstring).
REASONS = ("boilerplate", "fragment", "connector", "discourse marker", "not covered")


@dataclass(frozen=True)
class NonClaim:
    """A segment of an article that is not a claim, and why."""

    text: str
    reason: str
    start: int | None = None  # offsets into the cleaned text; None for removed boilerplate
    end: int | None = None


def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _markers() -> frozenset[str]:
    from workbench.splitting.lexicon import COMMA_MARKERS, CONJUNCTION_MARKERS

    words = {w for phrase in COMMA_MARKERS for w in phrase}
    return frozenset(words | set(CONJUNCTION_MARKERS))


def content_words(text: str, function_words: Iterable[str]) -> list[str]:
    """The words of ``text`` that are not function words (case-insensitive)."""
    stop = set(function_words)
    return [
        w for w in _WORD.findall(text) if any(ch.isalpha() for ch in w) and w.lower() not in stop
    ]


def gaps(text: str, claims: Sequence[ClaimDraft | Claim]) -> list[tuple[int, int]]:
    """Offsets of the stretches of ``text`` no claim covers that hold a letter or a digit."""
    out: list[tuple[int, int]] = []
    position = 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start > position:
            out.append((position, claim.start))
        position = max(position, claim.end)
    if position < len(text):
        out.append((position, len(text)))
    return [(a, b) for a, b in out if any(ch.isalnum() for ch in text[a:b])]


def non_claims(
    text: str, claims: Sequence[ClaimDraft | Claim], dropped: Sequence[Dropped] = ()
) -> list[NonClaim]:
    """Every non-claim segment of an article: the boilerplate removed before splitting,
    then the uncovered stretches of the cleaned ``text`` in order, each with its reason."""
    found = [NonClaim(d.text, f"boilerplate: {d.rule}") for d in dropped]
    stop = _function_words()
    markers = _markers()
    for start, end in gaps(text, claims):
        segment = text[start:end]
        words = content_words(segment, stop)
        if not any(ch.isalpha() for ch in segment):
            reason = "fragment"
        elif not words:
            reason = "connector"
        elif all(w.lower() in markers for w in words):
            reason = "discourse marker"
        else:
            reason = "not covered"
        found.append(NonClaim(segment.strip(), reason, start, end))
    return found
