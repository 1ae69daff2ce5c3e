"""Merging another copy of a database: the union of events, disagreements kept as conflicts.

Called by ``workbench merge``, by the git merge driver, and open to the review session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import StoreError
from workbench.core.values import Claim, Status
from workbench.store import Store
from workbench.store.db import read_events_from
from workbench.store.events import Head
from workbench.usecases.incoming import check_incoming


@dataclass(frozen=True)
class MergeResult:
    """What a merge added, and the conflicts it surfaced that were not there before."""

    source: Path
    added: int
    skipped: int  # events this copy already had
    head: Head | None
    new_conflicts: tuple[Claim, ...]


def merge_copy(store: Store, other: Path) -> MergeResult:
    """Fold every event of ``other`` that ``store`` lacks into it, in one transaction.

    The other copy is read read-only and must pass verification; its events are checked as
    strictly as a reviewer's own input. Merging the same copy twice adds nothing.
    """
    if other.resolve() == store.path.resolve():
        raise StoreError("cannot merge a database into itself")
    events = check_incoming(read_events_from(other))
    before = {c.id for c in store.claims(status=Status.CONFLICT)}
    result = store.import_events(events)
    conflicts = tuple(c for c in store.claims(status=Status.CONFLICT) if c.id not in before)
    return MergeResult(other, result.added, result.skipped, store.head(), conflicts)
