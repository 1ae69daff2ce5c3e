"""The keys the store indexes a claim by, read from its signature when the claim is split."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from workbench.core.values import Claim, Frame, MatchKeys
from workbench.matching.signature import numbered_terms, signature


def match_keys(
    text: str, speaker: str | None = None, frame: Frame | None = None, stance: str | None = None
) -> MatchKeys:
    """The keys the store indexes a claim by (its signature's numbers key and wording, and
    the index words prefixed by the numbers' key)."""
    sig = signature(text, speaker, frame, stance)
    return MatchKeys(sig.numkey, sig.text, numbered_terms(sig.numkey, sig.text))


def with_match_keys(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """The claims with their matching keys read, as the splitter hands them to the store."""
    return tuple(
        dataclasses.replace(c, match_keys=match_keys(c.claim, c.speaker, c.frame, c.stance))
        for c in claims
    )
