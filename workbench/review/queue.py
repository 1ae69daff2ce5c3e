"""The review queue: which claims a reviewer sees, in which order. No UI code here."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.values import QueueRow, Status

FILTERS: tuple[str, ...] = ("unreviewed", "all", "mine", "conflicts", "needs approval")
DEFAULT_FILTER = "unreviewed"  # the to-do list: claims nobody has rated yet


def matches_filter(row: QueueRow, name: str, reviewer: str) -> bool:
    """Whether ``row`` belongs under the filter ``name`` (one of FILTERS) for ``reviewer``."""
    if name == "unreviewed":
        return row.status == Status.UNREVIEWED
    if name == "mine":
        return reviewer in row.reviewers
    if name == "conflicts":
        return row.status == Status.CONFLICT
    if name == "needs approval":
        return row.status == Status.NEEDS_APPROVAL
    return True


def matches_search(row: QueueRow, words: Sequence[str]) -> bool:
    """Every word (case-folded) appears in the claim, its verbatim text or its speaker."""
    haystack = " ".join((row.claim, row.text, row.speaker or "", row.kind)).casefold()
    return all(w in haystack for w in words)


def select(
    rows: Sequence[QueueRow], filter_name: str, reviewer: str, search: str = ""
) -> list[QueueRow]:
    """The rows to show, in queue order."""
    words = search.casefold().split()
    return [
        r
        for r in rows
        if matches_filter(r, filter_name, reviewer) and (not words or matches_search(r, words))
    ]


def next_filter(current: str) -> str:
    return FILTERS[(FILTERS.index(current) + 1) % len(FILTERS)]
