"""The review session: queue, article context, claim details; every key an event."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static

from workbench.core.errors import WorkbenchError
from workbench.core.values import Article, Claim, Event, Rubric, Source, Status
from workbench.matching import EarlierClaim, earlier_claims
from workbench.review.queue import DEFAULT_FILTER, QueueRow, select
from workbench.store import Store
from workbench.store.events import now_iso
from workbench.tui.edits import ClaimEdits
from workbench.tui.keys import KEYS
from workbench.tui.live import POLL_SECONDS, LiveChanges
from workbench.tui.palette import PaletteCommands, WorkbenchCommands
from workbench.tui.screens.dialogs import ConfirmDialog
from workbench.tui.tools import ReadingTools
from workbench.tui.undo_bulk import UndoAndBulk
from workbench.tui.widgets.claim_list import ClaimQueue
from workbench.tui.widgets.context import ArticleContext
from workbench.tui.widgets.details import ClaimDetails, render_details
from workbench.usecases import actions

SLOW_DETAILS = 0.15  # seconds before the details panel says it is still reading
W = TypeVar("W", bound=Widget)


@dataclass(frozen=True)
class ClaimView:
    """What the context and details panels show of one claim, read together in a worker."""

    claim: Claim
    version: int  # the claim's newest event when read: the stale-view check compares with it
    article: Article
    sources: list[tuple[str, Source]]
    notes: list[tuple[str, str, str]]
    matches: list[EarlierClaim]
    related: list[EarlierClaim]


class ReviewApp(LiveChanges, ClaimEdits, UndoAndBulk, ReadingTools, PaletteCommands, App[None]):
    """A keyboard-driven review session over one database."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    COMMANDS = App.COMMANDS | {WorkbenchCommands}
    BINDINGS = [
        Binding(k.keys, k.action, k.short or k.description, id=k.id, show=bool(k.short))
        for k in KEYS
    ]

    def __init__(
        self,
        db_path: Path,
        reviewer: str,
        rubric: Rubric,
        *,
        article_id: str | None = None,
        keymap: dict[str, str] | None = None,
        offer_sample: bool = True,
        auto_advance: bool = True,
        filter_name: str = DEFAULT_FILTER,
    ) -> None:
        super().__init__()
        self.auto_advance = auto_advance  # after a verdict, go on to the next unreviewed claim
        self.db_path = Path(db_path)
        self.reviewer = reviewer
        self.rubric = rubric
        self.article_id = article_id
        self.offer_sample = offer_sample
        self.filter_name = filter_name
        self.search_text = ""
        self.all_rows: list[QueueRow] = []
        self._progress: dict[str, tuple[int, int]] = {}  # article id: (with a verdict, claims)
        self._reviewed = 0  # claims with a verdict, of all_rows
        # the main screen's panels by type and its text lines by id
        self._widgets: dict[type[Widget] | str, Widget] = {}
        self.session_reviewed: set[str] = set()
        self.today_before = 0  # your verdicts given today before this session
        self.arrived: int | None = None  # claims in since your last session (None: first one)
        self.loaded = False
        self._keymap = keymap or {}
        self.store: Store | None = None  # the session's one connection, shared with workers
        self.seen: tuple[str, int] = ("", 0)  # claim on screen and its version when read
        self.last_seq = 0  # the newest event this session has taken into account
        self._data_version: int | None = None  # changes when another process commits
        self._own_events: set[str] = set()  # events this session wrote (no toast for those)
        self._newest_own: str | None = None  # what u undoes without asking: you just did it
        self._titles: list[tuple[str, str]] = []
        self._articles: dict = {}  # id -> Article, filled as claims are shown

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="progress")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Static(id="queue-title")
                yield Static(id="queue-heading")
                yield ClaimQueue(self.rubric, id="queue")
            with Vertical(id="right"):
                yield ArticleContext(id="context")
                yield ClaimDetails(id="details")
        yield Footer()

    def on_mount(self) -> None:
        if self._keymap:
            self.set_keymap(self._keymap)
        self.store = Store(self.db_path)
        for warning in self.store.warnings:  # a network filesystem: as loud as on the CLI
            self.notify(warning, title="Warning", severity="warning", timeout=20)
        self.update_layout()
        self.main(ClaimQueue).focus()
        self.update_header()
        if self.offer_sample and not self.store.has_claims():
            self.push_screen(
                ConfirmDialog(
                    "This database has no claims yet.\n\n"
                    "Load the bundled sample article (a story about a grain pact between "
                    "two fictional countries) to try the review session?"
                ),
                self.sample_answered,
            )
        else:
            self.load_queue()
        self.note_session()
        self.set_interval(POLL_SECONDS, self.poll_changes, name="poll")

    def on_unmount(self) -> None:
        store, self.store = self.store, None
        if store is not None:
            store.close()  # waits for a worker that is using it

    def on_resize(self, event: events.Resize) -> None:
        self.update_layout(event.size.width)  # self.size may still be the old size here

    def update_layout(self, width: int | None = None) -> None:
        self.set_class((width or self.size.width) < 110, "narrow")

    def on_claim_queue_resized(self, message: ClaimQueue.Resized) -> None:
        """Column headings for the queue's width now (it changes with the layout)."""
        queue = self.main(ClaimQueue)
        self.line("queue-heading").update(queue.heading(message.width))

    # -- loading (in workers, so keys never wait on the disk) -------------------------------

    def sample_answered(self, yes: bool | None) -> None:
        if yes:
            self.line("queue-title").update(" Loading the sample article…")
            self.ingest_sample()
        else:
            self.load_queue()

    @work(thread=True, exclusive=True, group="load")
    def ingest_sample(self) -> None:
        from workbench.ingest.articles import prepare
        from workbench.ingest.read import read_sample

        try:
            prepared = prepare(read_sample())
            store = self.store
            if store is None:
                return
            for item in prepared:
                actions.ingest_article(store, item, self.reviewer)
        except WorkbenchError as err:
            self.call_from_thread(self.notify, str(err), severity="error")
        self.call_from_thread(self.load_queue)

    @work(thread=True, exclusive=True, group="load")
    def load_queue(self) -> None:
        store = self.store
        if store is None:
            return
        with store.snapshot():
            version = store.data_version()
            head = store.head()
            rows = store.queue_rows(article_id=self.article_id, ordered=True)
            titles = store.article_titles()
            today = store.verdicts_since(self.reviewer, now_iso()[:10])
        self.call_from_thread(
            self.queue_loaded, rows, titles, version, head.seq if head else 0, today
        )

    def queue_loaded(
        self,
        rows: list[QueueRow],
        titles: list[tuple[str, str]],
        version: int,
        seq: int,
        today: int = 0,
    ) -> None:
        self.all_rows = rows
        self._titles = titles
        self.today_before = today - len(self.session_reviewed)  # given today, earlier sessions
        self._data_version, self.last_seq = version, seq
        self.loaded = True
        self.apply_filter()

    def apply_filter(self, keep: str | None = None, stay: bool = False) -> None:
        """Show the rows of the filter and search, the cursor kept on ``keep`` (or the current
        claim); if that has left the view, ``stay`` keeps the cursor's place, else the top."""
        self.count_progress()
        queue = self.main(ClaimQueue)
        current = keep or (queue.current.id if queue.current else None)
        shown = select(self.all_rows, self.filter_name, self.reviewer, self.search_text)
        queue.set_rows(shown, keep=current, stay=stay)
        search = f" · search “{self.search_text}”" if self.search_text else ""
        self.line("queue-title").update(
            f" Claims — filter: {self.filter_name}{search} ({len(shown)})"
        )
        self.update_header()

    def article(self, article_id: str):
        """An article, read once per session (``_articles`` is cleared when others add one)."""
        assert self.store is not None
        if article_id not in self._articles:
            self._articles[article_id] = self.store.article(article_id)
        return self._articles[article_id]

    @property
    def today(self) -> int:
        """Your verdicts today: those before this session and those in it."""
        return max(0, self.today_before) + len(self.session_reviewed)

    def count_progress(self) -> None:
        """Tally the claims with a verdict, per article, when rows change (the header is
        redrawn on every move, and must not walk 100,000 rows each time)."""
        tally: dict[str, tuple[int, int]] = {}
        for r in self.all_rows:
            done, n = tally.get(r.article_id, (0, 0))
            tally[r.article_id] = (done + (r.status != Status.UNREVIEWED), n + 1)
        self._progress = tally
        self._reviewed = sum(done for done, _ in tally.values())

    def update_header(self) -> None:
        """Progress: over all claims, what arrived since your last session, over the
        current claim's article, and your day (cut at the right edge on a narrow screen)."""
        total, reviewed = len(self.all_rows), self._reviewed
        row = self.main(ClaimQueue).current
        article = ""
        if row is not None and row.article_id in self._progress:
            done, n = self._progress[row.article_id]
            article = f" · article {done}/{n}"
        arrived = ""
        if self.arrived:
            since = "" if self.has_class("narrow") else " since your last session"
            arrived = f" · {self.arrived} new{since}"
        self.line("progress").update(
            f" {self.db_path.name} · {self.rubric.name} · {self.reviewer}"
            f"   {reviewed}/{total} reviewed{arrived}{article} · session "
            f"{len(self.session_reviewed)} · today {self.today}"
        )

    # -- selection --------------------------------------------------------------------------

    def on_claim_queue_highlighted(self, message: ClaimQueue.Highlighted) -> None:
        self.show_claim(message.row)
        self.update_header()

    def show_claim(self, row: QueueRow | None) -> None:
        """Show a claim's context and details; they are read in a worker, so moving through
        the queue never waits on the disk."""
        if row is None or self.store is None:
            self.main(ArticleContext).show(None, None)
            self.main(ClaimDetails).show("")
            return
        self.load_details(row.id)
        self.set_timer(SLOW_DETAILS, partial(self.still_loading, row))

    @work(thread=True, exclusive=True, group="details")
    def load_details(self, claim_id: str) -> None:
        store = self.store
        if store is None:
            return
        try:
            with store.snapshot():
                claim = store.claim(claim_id)
                version = store.claim_version(claim_id)
                article = self._articles.get(claim.article_id) or store.article(claim.article_id)
                matches, related = earlier_claims(store, claim)
                sources, notes = store.claim_sources(claim_id), store.claim_notes(claim_id)
        except WorkbenchError as err:
            self.call_from_thread(self.notify, str(err), severity="error")
            return
        view = ClaimView(claim, version, article, sources, notes, matches, related)
        self.call_from_thread(self.details_loaded, view)

    def details_loaded(self, view: ClaimView) -> None:
        """Draw what the worker read, unless the cursor has moved on meanwhile."""
        if self.current is None or self.current.id != view.claim.id:
            return
        self._articles[view.article.id] = view.article
        self.seen = (view.claim.id, view.version)
        self.main(ArticleContext).show(view.article, view.claim)
        self.main(ClaimDetails).show(
            render_details(
                view.claim, self.rubric, view.sources, view.notes, view.matches, view.related
            )
        )

    def still_loading(self, row: QueueRow) -> None:
        """On a slow disk, say so rather than leave the previous claim's details up."""
        if self.current is row and self.seen[0] != row.id:
            self.main(ClaimDetails).show(Text(f"{row.claim}\n\nReading its details…"))

    def seen_version(self, claim_id: str) -> int:
        """The claim's version as the reviewer saw it, for the stale-view check: that of the
        details on screen, or else that of the queue row (the newest event taken in)."""
        shown_id, version = self.seen
        return version if shown_id == claim_id else self.last_seq

    def refresh_claim(self, *claim_ids: str) -> None:
        """Re-read claims after an action and update their rows, header and panels. A claim
        that no longer belongs in this view (rated, under "unreviewed") leaves it, and the
        cursor stays where it was: on the next claim."""
        assert self.store is not None
        fresh = {r.id: r for c in claim_ids for r in self.store.queue_rows(claim_id=c)}
        moved = False
        for i, old in enumerate(self.all_rows):
            new = fresh.get(old.id)
            if new is not None:
                moved = moved or self.in_view(old) != self.in_view(new)
                self.all_rows[i] = new
        if moved:
            self.apply_filter(stay=True)
        else:
            queue = self.main(ClaimQueue)
            for row in fresh.values():
                queue.replace_row(row)
            self.count_progress()
            self.update_header()

    def in_view(self, row: QueueRow) -> bool:
        return bool(select([row], self.filter_name, self.reviewer, self.search_text))

    def main(self, kind: type[W]) -> W:
        """The main screen's widget of ``kind``, also while a dialog is open over it."""
        if kind not in self._widgets:  # kept: a timer may fire while the app shuts down
            self._widgets[kind] = self.screen_stack[0].query_one(kind)
        return self._widgets[kind]  # type: ignore[return-value]

    def line(self, name: str) -> Static:
        """The main screen's text line ``name`` (progress, queue title or headings), kept as
        the panels are: a late message from the queue may arrive while the app shuts down."""
        if name not in self._widgets:
            self._widgets[name] = self.screen_stack[0].query_one(f"#{name}", Static)
        return self._widgets[name]  # type: ignore[return-value]

    @property
    def current(self) -> QueueRow | None:
        return self.main(ClaimQueue).current

    def run_action_safely(self, action, *args) -> object | None:
        """Run a core action; a refusal becomes a visible message, never a crash."""
        try:
            result = action(*args)
        except WorkbenchError as err:
            hint = " — press s to add one" if isinstance(err, actions.NeedsSources) else ""
            self.notify(f"{err}{hint}", severity="error", timeout=6)
            return None
        written = [result] if isinstance(result, Event) else result
        if isinstance(written, list) and written and isinstance(written[-1], Event):
            self._own_events.update(e.id for e in written)
            self._newest_own = written[-1].id
        return result

    # -- actions ----------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self.main(ClaimQueue).move(delta)

    def action_first(self) -> None:
        self.main(ClaimQueue).goto(0)

    def action_last(self) -> None:
        queue = self.main(ClaimQueue)
        queue.goto(len(queue.rows) - 1)

    def action_verdict(self, key: int) -> None:
        row = self.current
        option = next((v for v in self.rubric.verdicts if v.key == key), None)
        if row is None or option is None:
            if option is None:
                self.notify(f"rubric '{self.rubric.name}' has no verdict on key {key}")
            return
        event = self.run_action_safely(
            partial(actions.record_verdict, seen=self.seen_version(row.id)),
            self.store,
            row.id,
            option.id,
            self.rubric,
            self.reviewer,
        )
        if event is None:
            self.refresh_claim(row.id)  # show what changed, if someone else acted meanwhile
        else:
            self.session_reviewed.add(row.id)
            self.refresh_claim(row.id)
            self.after_verdict(row.id, option.label)

    def after_verdict(self, claim_id: str, label: str, title: str = "Verdict saved") -> None:
        """Say what the verdict did (a disagreement is a warning) and, with auto-advance,
        go on to the next claim without your verdict."""
        assert self.store is not None
        claim = self.store.claim(claim_id)
        if claim.status == Status.CONFLICT:
            others = ", ".join(
                f"{v.reviewer}: {v.rating}" for v in claim.verdicts if v.reviewer != self.reviewer
            )
            self.notify(
                f"{label} — reviewers now disagree ({others}); f shows conflicts",
                title="Verdict saved, in conflict",
                severity="warning",
                timeout=6,
            )
        else:
            self.notify(label, title=title, timeout=2)
        if self.auto_advance:
            current = self.current
            if current is not None and current.id != claim_id and self.needs_you(current):
                return  # the rated claim left this view: the cursor is on the next one already
            self.action_next_unreviewed()

    def needs_you(self, row: QueueRow) -> bool:
        """No verdict yet, from you in this session or anyone before."""
        return row.status == Status.UNREVIEWED and row.id not in self.session_reviewed

    def action_next_unreviewed(self) -> None:
        """Go to the next claim in the queue that has no verdict of yours (wrapping round)."""
        queue = self.main(ClaimQueue)
        rows = queue.rows
        if not rows:
            return
        start = queue.cursor
        for step in range(1, len(rows) + 1):
            index = (start + step) % len(rows)
            if self.needs_you(rows[index]):
                queue.goto(index)
                return
        self.notify("Every claim in this view has a verdict", timeout=3)
