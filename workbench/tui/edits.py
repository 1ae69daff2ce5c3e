"""Keys that change the claim under the cursor: add a source or a note, flip fact and
opinion, edit the wording, approve a colleague's verdict, adopt a matched verdict. Each is
one event and says what it did. A mixin of ``ReviewApp``."""

from __future__ import annotations

from functools import partial

from workbench.tui.screens.dialogs import NoteDialog, SourceDialog
from workbench.tui.text import short
from workbench.usecases import actions


class ClaimEdits:
    """Keys s, n, o, e, a and m."""

    def action_source(self) -> None:
        row = self.current
        if row is None:
            return

        def saved(source: actions.SourceInput | None) -> None:
            if source is None:
                return
            if self.run_action_safely(
                actions.add_source, self.store, row.id, source, self.reviewer
            ):
                self.refresh_claim(row.id)
                self.notify(source.url, title="Source added", timeout=2)

        self.push_screen(SourceDialog(), saved)

    def action_note(self) -> None:
        row = self.current
        if row is None:
            return

        def saved(text: str | None) -> None:
            if text and self.run_action_safely(
                actions.add_note, self.store, row.id, text, self.reviewer
            ):
                self.refresh_claim(row.id)
                self.notify(short(row.claim), title="Note added", timeout=2)

        self.push_screen(NoteDialog(row.claim), saved)

    def action_flip(self) -> None:
        row = self.current
        if row is None:
            return
        kind = "opinion" if row.kind == "fact" else "fact"
        if self.run_action_safely(actions.reclassify, self.store, row.id, kind, self.reviewer):
            self.refresh_claim(row.id)
            self.notify(short(row.claim), title=f"Now {'an' if kind == 'opinion' else 'a'} {kind}")

    def action_edit(self) -> None:
        row = self.current
        if row is None:
            return

        def saved(text: str | None) -> None:
            if text is not None:
                text = " ".join(text.split())  # the wording is one line, however it was typed
            if text and self.run_action_safely(
                actions.edit, self.store, row.id, text, self.reviewer
            ):
                self.refresh_claim(row.id)
                self.notify(short(text), title="Wording edited", timeout=2)

        self.push_screen(
            NoteDialog(row.text, title="Edit the claim's wording", value=row.claim), saved
        )

    def action_approve(self) -> None:
        row = self.current
        if row is not None:
            event = self.run_action_safely(
                actions.approve, self.store, row.id, self.reviewer, self.seen_version(row.id)
            )
            self.refresh_claim(row.id)
            if event is not None:
                whose = event.payload.get("reviewer", "the")
                self.notify(short(row.claim), title=f"Approved {whose}'s verdict", timeout=3)

    def action_adopt(self) -> None:
        row = self.current
        if row is None:
            return
        event = self.run_action_safely(
            partial(actions.adopt_match, seen=self.seen_version(row.id)),
            self.store,
            row.id,
            self.reviewer,
        )
        self.refresh_claim(row.id)
        if event is not None:
            self.session_reviewed.add(row.id)
            self.after_verdict(row.id, event.payload["label"], "Verdict adopted")
