"""Review actions: validate against the rubric and the claim's state, then append one event.

Each function runs in one write transaction, re-reading the claim under the write lock, so
a refusal writes nothing and two processes cannot interleave a check and a write.
The CLI and the TUI both call these; neither writes events any other way.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError
from workbench.core.values import KINDS, Event, Rubric, RubricVerdict, Status
from workbench.review.evidence import check_url
from workbench.review.state import REVIEW_ACTIONS
from workbench.store import Store

if TYPE_CHECKING:
    from workbench.ingest.articles import Prepared
    from workbench.store.db import IngestResult


class ActionError(WorkbenchError):
    """A review action that the rubric or the claim's state does not allow."""


class StaleError(ActionError):
    """Someone else changed the claim since the reviewer looked at it."""


def _check_fresh(store: Store, claim_id: str, seen: int | None, reviewer: str) -> None:
    """Refuse when another reviewer acted on the claim after version ``seen`` was shown."""
    if seen is None:
        return
    others = [e for e in store.events_since(claim_id, seen) if e.actor != reviewer]
    if others:
        last = others[-1]
        raise StaleError(
            f"{last.actor} changed this claim ({last.action}) after you opened it; "
            "look at it again before acting"
        )


@dataclass(frozen=True)
class SourceInput:
    """Evidence as a reviewer gives it."""

    url: str
    title: str | None = None
    publisher: str | None = None
    excerpt: str | None = None
    snapshot: str | None = None  # text fetched from the URL, kept against link rot

    def payload(self) -> dict:
        out: dict = {"url": check_url(self.url)}
        for key in ("title", "publisher", "excerpt"):
            value = getattr(self, key)
            if value is not None and value.strip():
                out[key] = value.strip()
        if self.snapshot is not None:
            out["snapshot"] = self.snapshot
            out["snapshot_hash"] = hashlib.sha256(self.snapshot.encode("utf-8")).hexdigest()
        return out


class NeedsSources(ActionError):
    """A verdict that its rubric wants backed by more sources than the reviewer gave; each
    interface says how to add one."""


def record_verdict(
    store: Store,
    claim_id: str,
    rating: str,
    rubric: Rubric,
    reviewer: str,
    sources: Sequence[SourceInput] = (),
    note: str | None = None,
    seen: int | None = None,
) -> Event:
    """Record ``reviewer``'s verdict on a claim (replacing their earlier one).

    ``seen`` is the claim version (``Store.claim_version``) the reviewer was looking at;
    if another reviewer acted since, the verdict is refused rather than silently added.
    """
    option = rubric.verdict(rating)
    if option is None:
        choices = ", ".join(f"{v.key}={v.id}" for v in rubric.verdicts)
        raise ActionError(f"'{rating}' is not a rating in rubric '{rubric.name}' ({choices})")
    given = [s.payload() for s in sources]  # refuses non-http(s) URLs before anything is written
    with store.transaction():
        return _verdict(store, claim_id, option, rubric, reviewer, given, note, seen)


def _verdict(
    store: Store,
    claim_id: str,
    option: RubricVerdict,
    rubric: Rubric,
    reviewer: str,
    given: list[dict],
    note: str | None,
    seen: int | None,
    batch: str | None = None,
) -> Event:
    """Append a verdict event inside the caller's transaction (see record_verdict)."""
    store.claim(claim_id)
    _check_fresh(store, claim_id, seen, reviewer)
    have = {s.url for by, s in store.claim_sources(claim_id) if by == reviewer}
    total = len(have | {s["url"] for s in given})
    if total < option.sources_required:
        raise NeedsSources(
            f"'{option.label}' needs {option.sources_required} source(s) in rubric "
            f"'{rubric.name}'; this claim has {total} from {reviewer}"
        )
    payload = {
        "rating": option.id,
        "label": option.label,
        "rubric": rubric.name,
        "rules": {
            "sources_required": option.sources_required,
            "min_independent_sources": rubric.rules.min_independent_sources,
            "require_approval": rubric.rules.require_approval,
        },
        "sources": given,
    }
    if note and note.strip():
        payload["note"] = note.strip()
    if batch:
        payload["batch"] = batch  # one of several verdicts given at once: undone together
    return store.append("verdict.recorded", claim_id, payload, reviewer)


def record_verdicts(
    store: Store, claim_ids: Sequence[str], rating: str, rubric: Rubric, reviewer: str
) -> list[Event]:
    """The same verdict on many claims at once (no sources), in one transaction: one event
    per claim, all marked as one batch, which ``undo`` cancels together. A claim the
    rubric's source rule refuses refuses the whole batch."""
    option = rubric.verdict(rating)
    if option is None:
        raise ActionError(f"'{rating}' is not a rating in rubric '{rubric.name}'")
    batch = uuid.uuid4().hex
    with store.transaction():
        return [
            _verdict(store, cid, option, rubric, reviewer, [], None, None, batch)
            for cid in claim_ids
        ]


def adopt_matches(store: Store, claim_ids: Sequence[str], reviewer: str) -> list[Event]:
    """``adopt_match`` for many claims at once, in one transaction and one undoable batch;
    claims without a matched verdict are skipped."""
    batch = uuid.uuid4().hex
    events = []
    with store.transaction():
        for cid in claim_ids:
            plan = _adoption(store, cid)
            if plan is None:
                continue
            rating, rubric, sources, note = plan
            option = rubric.verdict(rating)
            given = [s.payload() for s in sources]
            events.append(_verdict(store, cid, option, rubric, reviewer, given, note, None, batch))
    return events


def approve(store: Store, claim_id: str, reviewer: str, seen: int | None = None) -> Event:
    """Approve another reviewer's current verdict on a claim."""
    with store.transaction():
        claim = store.claim(claim_id)
        _check_fresh(store, claim_id, seen, reviewer)
        others = [v for v in claim.verdicts if v.reviewer != reviewer]
        if not others:
            raise ActionError(f"claim {claim_id} has no verdict by another reviewer to approve")
        if len({v.rating for v in others}) > 1:
            raise ActionError(
                f"reviewers disagree on claim {claim_id}; settle the conflict before approving"
            )
        target = others[-1]
        if reviewer in target.approved_by:
            raise ActionError(f"{reviewer} has already approved {target.reviewer}'s verdict")
        payload = {
            "verdict_event_id": target.event_id,
            "rating": target.rating,
            "reviewer": target.reviewer,
        }
        return store.append("verdict.approved", claim_id, payload, reviewer)


def resolve(store: Store, claim_id: str, rating: str, rubric: Rubric, reviewer: str) -> Event:
    """Settle a conflict between reviewers with one rating (an editor's decision)."""
    option = rubric.verdict(rating)
    if option is None:
        choices = ", ".join(f"{v.key}={v.id}" for v in rubric.verdicts)
        raise ActionError(f"'{rating}' is not a rating in rubric '{rubric.name}' ({choices})")
    with store.transaction():
        claim = store.claim(claim_id)
        if claim.status != Status.CONFLICT:
            raise ActionError(f"claim {claim_id} is not in conflict (status {claim.status})")
        payload = {
            "rating": option.id,
            "label": option.label,
            "rubric": rubric.name,
            "resolves": [v.event_id for v in claim.verdicts],
            "between": {v.reviewer: v.rating for v in claim.verdicts},
        }
        return store.append("verdict.resolved", claim_id, payload, reviewer)


def adopt_match(store: Store, claim_id: str, reviewer: str, seen: int | None = None) -> Event:
    """Give a claim the agreed verdict of the best earlier claim it matches, sources and all."""
    plan = _adoption(store, claim_id)
    if plan is None:
        raise ActionError(f"claim {claim_id} matches no earlier claim with an agreed verdict")
    rating, rubric, sources, note = plan
    return record_verdict(store, claim_id, rating, rubric, reviewer, sources, note, seen=seen)


def _adoption(store: Store, claim_id: str) -> tuple[str, Rubric, list[SourceInput], str] | None:
    """What adopting a claim's best match would record: the earlier claim's agreed rating,
    rubric, sources and a note saying where it came from; None without such a match."""
    from workbench.review.rubrics import load_rubric

    claim = store.claim(claim_id)
    match = next((m for m in claim.matches if m["verdict"]), None)
    if match is None:
        return None
    earlier = store.claim(match["claim_id"])
    agreed = next((v for v in earlier.verdicts if v.rating == earlier.verdict), None)
    rubric = load_rubric(agreed.rubric if agreed and agreed.rubric else None)
    sources = [
        SourceInput(s.url, s.title, s.publisher, s.excerpt)
        for _, s in store.claim_sources(earlier.id)
    ]
    note = f"Adopted from earlier claim {earlier.id} (match {match['score']:.0f})."
    return earlier.verdict, rubric, sources, note


def reclassify(store: Store, claim_id: str, kind: str, reviewer: str) -> Event:
    """Change a claim's kind to fact or opinion."""
    if kind not in KINDS:
        raise ActionError(f"kind must be one of {', '.join(KINDS)}, not '{kind}'")
    with store.transaction():
        claim = store.claim(claim_id)
        if claim.kind == kind:
            article = "an" if kind[0] in "aeiou" else "a"
            raise ActionError(f"claim {claim_id} is already {article} {kind}")
        payload = {"kind": kind, "previous": claim.kind}
        return store.append("claim.reclassified", claim_id, payload, reviewer)


def edit(store: Store, claim_id: str, wording: str, reviewer: str) -> Event:
    """Reword a claim's stand-alone text; the verbatim span never changes."""
    wording = " ".join(wording.split())
    if not wording:
        raise ActionError("the new wording is empty")
    with store.transaction():
        claim = store.claim(claim_id)
        if claim.claim == wording:
            raise ActionError("the new wording is the same as the current one")
        payload = {"claim": wording, "previous": claim.claim}
        return store.append("claim.edited", claim_id, payload, reviewer)


def add_source(store: Store, claim_id: str, source: SourceInput, reviewer: str) -> Event:
    """Attach a source to a claim."""
    payload = source.payload()
    with store.transaction():
        store.claim(claim_id)
        return store.append("source.added", claim_id, payload, reviewer)


def add_note(store: Store, claim_id: str, text: str, reviewer: str) -> Event:
    """Attach a note to a claim."""
    if not text.strip():
        raise ActionError("the note is empty")
    with store.transaction():
        store.claim(claim_id)
        return store.append("note.added", claim_id, {"text": text.strip()}, reviewer)


def last_undoable(store: Store, reviewer: str) -> Event | None:
    """``reviewer``'s newest review action that has not been undone, if any."""
    return store.last_undoable(reviewer, REVIEW_ACTIONS)


def undo(store: Store, reviewer: str, expected: str | None = None) -> Event:
    """Cancel ``reviewer``'s newest review action with a compensating event; a batch (many
    verdicts given at once) is cancelled whole, one event per claim. Returns the last
    compensating event; its payload's ``batch_size`` says how many were cancelled.

    ``expected`` is the id of the event the reviewer agreed to undo (:func:`last_undoable`
    when they were asked); if their newest action is another one by now, nothing is undone.
    """
    with store.transaction():
        target = last_undoable(store, reviewer)
        if target is None:
            raise ActionError(f"{reviewer} has nothing to undo")
        if expected is not None and target.id != expected:
            raise ActionError("your newest action changed meanwhile: nothing undone")
        batch = target.payload.get("batch")
        targets = store.batch_events(reviewer, batch) if batch else [target]
        event = None
        for t in targets:
            payload = {"event_id": t.id, "action": t.action}
            if batch:
                payload["batch_size"] = len(targets)
            event = store.append("action.undone", t.subject, payload, reviewer)
        assert event is not None
        return event


def ingest_article(store: Store, item: Prepared, actor: str) -> IngestResult:
    """Store a split article, its claims linked to the earlier claims they match, in one
    transaction: what `workbench ingest` and the review session's sample do."""
    from workbench.matching import link_article

    return store.add_article(item.article, item.claims, actor, link=link_article)
