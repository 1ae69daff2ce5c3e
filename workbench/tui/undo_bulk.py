"""Undo that names what it undoes and asks when that is off screen, and actions on many
claims at once (one event per claim, one undoable batch). A mixin of ``ReviewApp``: it uses
the app's store, queue, dialogs and messages."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.values import Event, Rubric
from workbench.review.queue import QueueRow
from workbench.tui.screens.dialogs import ConfirmDialog
from workbench.tui.text import short
from workbench.tui.widgets.claim_list import ClaimQueue
from workbench.usecases import actions

#: how an undone action is named in messages
UNDONE = {
    "verdict.recorded": "verdict",
    "verdict.approved": "approval",
    "verdict.resolved": "resolution",
    "claim.reclassified": "fact/opinion change",
    "claim.edited": "wording edit",
    "note.added": "note",
    "source.added": "source",
}


def opinion_verdict(rubric: Rubric):
    """The rubric's verdict for claims that are opinions ("not checkable"), if it has one."""
    for option in rubric.verdicts:
        words = f"{option.id} {option.label}".lower()
        if "opinion" in words or "not-checkable" in words or "not checkable" in words:
            return option
    return None


class UndoAndBulk:
    """The review session's undo (u) and bulk (x, M) keys."""

    def action_undo(self) -> None:
        """Undo your newest action; ask first when it is a bulk action over many claims, or
        when its claim is off screen and it was not the last thing done in this session."""
        store = self.store
        if store is None:
            return
        target = actions.last_undoable(store, self.reviewer)
        if target is None:
            self.notify(f"{self.reviewer} has nothing to undo", timeout=3)
            return
        what = self.undone_name(target)
        batch = target.payload.get("batch")
        if batch:
            subjects = [e.subject for e in store.batch_events(self.reviewer, batch)]
            question = f"Undo your {what}s on {len(subjects)} claims, given at once?"
            self.push_screen(
                ConfirmDialog(question),
                lambda yes: self.undo(target.id, subjects) if yes else None,
            )
            return
        queue = self.main(ClaimQueue)
        index = queue.index_of(target.subject)
        if target.id == self._newest_own or (index is not None and queue.visible(index)):
            self.undo(target.id)
            return
        where = "not on screen" if index is not None else "not in this view"
        claim = store.claim(target.subject)
        question = f"Undo your {what} on {short(claim.claim)}?\n\nThat claim is {where}."
        self.push_screen(ConfirmDialog(question), lambda yes: self.undo(target.id) if yes else None)

    def undone_name(self, event: Event) -> str:
        """How an action reads when undone: "verdict “Accurate”", "note"."""
        what = UNDONE.get(event.action, "action")
        if event.action == "verdict.recorded" and not event.payload.get("batch"):
            option = self.rubric.verdict(event.payload.get("rating", ""))
            what += f" “{option.label if option else event.payload.get('rating')}”"
        return what

    def undo(self, expected: str, batch: Sequence[str] = ()) -> None:
        """Undo the action ``expected`` (if it is still your newest), then go to its claim;
        ``batch`` holds the claims of a bulk action undone with it."""
        event = self.run_action_safely(actions.undo, self.store, self.reviewer, expected)
        if event is None or self.store is None:
            return
        if event.payload["action"] == "verdict.recorded":
            self.session_reviewed.discard(event.subject)
        what = UNDONE.get(event.payload["action"], "action")
        if event.payload.get("batch_size"):
            count = event.payload["batch_size"]
            self.session_reviewed.difference_update(batch)
            self.load_queue()  # many claims changed at once
            self.notify(f"{count} claims", title=f"Undid your {what}s", timeout=4)
            return
        self.refresh_claim(event.subject)
        claim = self.store.claim(event.subject)
        queue = self.main(ClaimQueue)
        index = queue.index_of(event.subject)
        where = ""
        if index is None:
            where = " (not in this view)"
        elif index != queue.cursor:
            queue.goto(index)
            where = " (moved there)"
        self.notify(f"{short(claim.claim)}{where}", title=f"Undid your {what}", timeout=4)

    def unrated(self) -> list[QueueRow]:
        """The claims in this view with no verdict yet."""
        return [r for r in self.main(ClaimQueue).rows if self.needs_you(r)]

    def action_bulk_opinions(self) -> None:
        option = opinion_verdict(self.rubric)
        if option is None:
            self.notify(f"rubric '{self.rubric.name}' has no verdict for opinions", timeout=4)
            return
        rows = [r for r in self.unrated() if r.kind == "opinion"]
        self.bulk(
            rows,
            f"Rate {len(rows)} unrated opinions in this view “{option.label}”?",
            lambda ids: actions.record_verdicts(
                self.store, ids, option.id, self.rubric, self.reviewer
            ),
        )

    def action_bulk_adopt(self) -> None:
        matched = self.matched_ids()  # one read, not one per row
        rows = [r for r in self.unrated() if r.id in matched]
        self.bulk(
            rows,
            f"Adopt the earlier verdict for {len(rows)} unrated claims in this view that match "
            "a checked claim?",
            lambda ids: actions.adopt_matches(self.store, ids, self.reviewer),
        )

    def matched_ids(self) -> set[str]:
        assert self.store is not None
        ids = [r.id for r in self.unrated()]
        return {cid for cid, found in self.store.matches_of(ids).items() if any(
            m.get("verdict") for m in found
        )}  # fmt: skip

    def bulk(self, rows: list[QueueRow], question: str, act) -> None:
        """Ask, then act on every row in one transaction and one undoable batch."""
        if not rows:
            self.notify("No claim in this view to do that to", timeout=3)
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            events = self.run_action_safely(act, [r.id for r in rows])
            if events:
                self.session_reviewed.update(e.subject for e in events)
                self.refresh_claim(*(e.subject for e in events))
                self.notify(
                    f"{len(events)} claims · u undoes them all", title="Verdicts saved", timeout=4
                )

        self.push_screen(ConfirmDialog(question), answered)
