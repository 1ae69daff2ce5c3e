"""The session and the others working beside it: note the session when it opens (and what
arrived since your last one), and take in what other processes commit while it runs. A
mixin of ``ReviewApp``."""

from __future__ import annotations

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.core.values import Event, QueueRow
from workbench.review.history import others_did
from workbench.store.projections import CLAIM_REVIEW_ACTIONS
from workbench.usecases.sessions import Arrivals, open_session

POLL_SECONDS = 1.0  # how often the session looks for others' commits
FULL_RELOAD_AT = 500  # more changed claims than this: reload the queue instead of row by row


class LiveChanges:
    """Session notes and others' commits, read off the UI thread."""

    @work(thread=True, exclusive=True, group="session")
    def note_session(self) -> None:
        """Record that this session opened; learn what arrived since your last one."""
        store = self.store
        if store is None:
            return
        try:
            came = open_session(store, self.reviewer)
        except WorkbenchError as err:
            self.call_from_thread(self.notify, str(err), severity="error")
            return
        self.call_from_thread(self.session_noted, came)

    def session_noted(self, came: Arrivals) -> None:
        self.arrived = came.claims if came.since is not None else None
        self.update_header()

    @work(thread=True, exclusive=True, group="poll")
    def poll_changes(self) -> None:
        """Notice commits by other processes and fetch what they changed (off the UI thread)."""
        store = self.store
        if store is None or not self.loaded:
            return
        with store.snapshot():
            version = store.data_version()
            if version == self._data_version:
                return
            events = store.events_after(self.last_seq)
            articles = {e.subject for e in events if e.action == "article.ingested"}
            claims = {e.subject for e in events if e.action in CLAIM_REVIEW_ACTIONS}
            if articles or len(claims) > FULL_RELOAD_AT:
                rows = store.queue_rows(article_id=self.article_id, ordered=True)
                titles: list[tuple[str, str]] | None = store.article_titles()
            else:
                rows = [r for c in claims for r in store.queue_rows(claim_id=c)]
                titles = None
        self.call_from_thread(self.outside_changes, version, events, rows, titles)

    def outside_changes(
        self,
        version: int,
        events: list[Event],
        rows: list[QueueRow],
        titles: list[tuple[str, str]] | None,
    ) -> None:
        """Take in what other processes wrote: queue, details and header, selection kept."""
        self._data_version = version
        if events:
            self.last_seq = max(self.last_seq, events[-1].seq)
        if titles is not None:
            self.all_rows, self._titles = rows, titles
            self._articles.clear()
        else:
            fresh = {r.id: r for r in rows if self.article_id in (None, r.article_id)}
            self.all_rows = [fresh.get(r.id, r) for r in self.all_rows]
        current = self.current
        self.apply_filter(stay=True)
        changed = {e.subject for e in events}
        if self.current is not None and (self.current is not current or self.current.id in changed):
            self.show_claim(self.current)
        theirs = [e for e in events if e.id not in self._own_events]
        if self.arrived is not None:
            self.arrived += sum(e.action == "claim.extracted" for e in theirs)
        told = others_did(theirs, self.current.id if self.current else None)
        if told:
            self.notify(told, title="Changed by others", timeout=6)
