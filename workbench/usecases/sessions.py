"""Review sessions: each one noted as an event, so a reviewer can be told what arrived
since they last looked (merged-in claims count as they arrive in this copy)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from workbench.store import Store


@dataclass(frozen=True)
class Arrivals:
    """Claims that came in since the reviewer's previous session (None: the first one)."""

    since: str | None
    claims: int


def reviewer_key(reviewer: str) -> str:
    """The subject of a reviewer's session events: an id like every other subject."""
    return hashlib.sha256(f"reviewer:{reviewer}".encode()).hexdigest()[:12]


def open_session(store: Store, reviewer: str) -> Arrivals:
    """Note that ``reviewer`` opens a review session now, and return what arrived since
    the one before."""
    with store.transaction():
        before = arrivals(store, reviewer)
        store.append("session.opened", reviewer_key(reviewer), {"reviewer": reviewer}, reviewer)
    return before


def arrivals(store: Store, reviewer: str) -> Arrivals:
    """Claims that came in since ``reviewer`` last opened a review session; all claims when
    they never did."""
    last = store.last_session(reviewer_key(reviewer))
    if last is None:
        return Arrivals(None, store.claims_since(0))
    return Arrivals(last[1], store.claims_since(last[0]))
