"""The review state of one claim, derived from its events alone.

This is the single place that says what verdicts, sources, notes, wording and kind a claim
has after any sequence of actions, including undos, and which verdict is agreed under the
rubric's rules. The store calls it to refresh a claim's projection after every event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.values import Event, Status
from workbench.review.evidence import independent_count

UNREVIEWED = Status.UNREVIEWED
REVIEWED = Status.REVIEWED
NEEDS_SOURCES = Status.NEEDS_SOURCES
NEEDS_APPROVAL = Status.NEEDS_APPROVAL
CONFLICT = Status.CONFLICT
#: the statuses a claim's own events can give it (DUPLICATE comes from matching)
STATUSES = (UNREVIEWED, NEEDS_SOURCES, NEEDS_APPROVAL, CONFLICT, REVIEWED)

# Actions about a claim that a reviewer can take (and undo).
REVIEW_ACTIONS = (
    "verdict.recorded",
    "verdict.approved",
    "claim.reclassified",
    "claim.edited",
    "source.added",
    "note.added",
    "verdict.resolved",
)


@dataclass(frozen=True)
class SourceState:
    event_id: str
    added_by: str
    url: str
    title: str | None = None
    publisher: str | None = None
    excerpt: str | None = None
    accessed_at: str | None = None
    snapshot_hash: str | None = None


@dataclass(frozen=True)
class VerdictState:
    event_id: str
    reviewer: str
    rating: str
    rubric: str
    at: str
    note: str | None
    sources_required: int
    min_independent_sources: int
    require_approval: bool
    approved_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteState:
    event_id: str
    author: str
    text: str
    at: str


@dataclass(frozen=True)
class ReviewState:
    kind: str
    claim: str
    status: str
    verdict: str | None
    verdicts: tuple[VerdictState, ...] = ()
    sources: tuple[SourceState, ...] = ()
    notes: tuple[NoteState, ...] = ()
    undone: frozenset[str] = field(default_factory=frozenset)


def undone_ids(events: list[Event]) -> frozenset[str]:
    """Ids of events cancelled by an ``action.undone`` event."""
    return frozenset(e.payload["event_id"] for e in events if e.action == "action.undone")


def derive(base_kind: str, base_claim: str, events: list[Event]) -> ReviewState:
    """Fold a claim's events (oldest first) into its review state."""
    undone = undone_ids(events)
    kind, wording = base_kind, base_claim
    current: dict[str, VerdictState] = {}
    approvals: dict[str, list[str]] = {}
    sources: list[SourceState] = []
    notes: list[NoteState] = []
    resolution: dict | None = None
    for e in events:
        if e.id in undone:
            continue
        p = e.payload
        if e.action == "verdict.recorded":
            rules = p.get("rules", {})
            current[e.actor] = VerdictState(
                event_id=e.id,
                reviewer=e.actor,
                rating=p["rating"],
                rubric=p.get("rubric", ""),
                at=e.at,
                note=p.get("note"),
                sources_required=int(rules.get("sources_required", 0)),
                min_independent_sources=int(rules.get("min_independent_sources", 0)),
                require_approval=bool(rules.get("require_approval", False)),
            )
            for s in p.get("sources", []):
                sources.append(_source(e, s))
        elif e.action == "verdict.approved":
            approvals.setdefault(p["verdict_event_id"], []).append(e.actor)
        elif e.action == "claim.reclassified":
            kind = p["kind"]
        elif e.action == "claim.edited":
            wording = p["claim"]
        elif e.action == "source.added":
            sources.append(_source(e, p))
        elif e.action == "note.added":
            notes.append(NoteState(e.id, e.actor, p["text"], e.at))
        elif e.action == "verdict.resolved":
            resolution = p
    verdicts = []
    for v in sorted(current.values(), key=lambda v: v.at):
        by = tuple(dict.fromkeys(a for a in approvals.get(v.event_id, []) if a != v.reviewer))
        verdicts.append(VerdictState(**{**v.__dict__, "approved_by": by}))
    status, agreed = _agreement(verdicts, sources)
    if resolution is not None and {v.event_id for v in verdicts} <= set(resolution["resolves"]):
        status, agreed = REVIEWED, resolution["rating"]  # an editor settled these verdicts
    return ReviewState(
        kind, wording, status, agreed, tuple(verdicts), tuple(sources), tuple(notes), undone
    )


def _source(e: Event, s: dict) -> SourceState:
    return SourceState(
        event_id=e.id,
        added_by=e.actor,
        url=s["url"],
        title=s.get("title"),
        publisher=s.get("publisher"),
        excerpt=s.get("excerpt"),
        accessed_at=s.get("accessed_at") or e.at,
        snapshot_hash=s.get("snapshot_hash"),
    )


def _agreement(verdicts: list[VerdictState], sources: list[SourceState]) -> tuple[str, str | None]:
    """Status and agreed rating under the rules carried by the newest verdict."""
    if not verdicts:
        return UNREVIEWED, None
    ratings = {v.rating for v in verdicts}
    if len(ratings) > 1:
        return CONFLICT, None
    rating = ratings.pop()
    rules = max(verdicts, key=lambda v: v.at)
    needed = rules.min_independent_sources if rules.sources_required > 0 else 0
    if independent_count([s.url for s in sources]) < needed:
        return NEEDS_SOURCES, None
    if rules.require_approval:
        agreeing = {v.reviewer for v in verdicts} | {a for v in verdicts for a in v.approved_by}
        if len(agreeing) < 2:
            return NEEDS_APPROVAL, None
    return REVIEWED, rating
