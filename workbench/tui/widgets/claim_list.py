"""The claim queue: a virtual list that renders only the rows on screen, so 100,000 claims
open as fast as 100."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.core.values import Rubric, Status
from workbench.review.queue import QueueRow

KIND_STYLE = {"fact": Style(color="cyan"), "opinion": Style(color="magenta")}
STATUS_LABEL = {
    Status.UNREVIEWED: "·",
    Status.NEEDS_SOURCES: "needs sources",
    Status.NEEDS_APPROVAL: "needs approval",
    Status.CONFLICT: "CONFLICT",
    Status.DUPLICATE: "repeat",
}


class ClaimQueue(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of claims with a cursor. Posts ``ClaimQueue.Highlighted`` when the cursor moves.

    The scroll view's own keys are not inherited: once the rows outgrow the screen they
    scrolled the rows and left the cursor behind, where the session's keys ("j,down" …)
    move the cursor and the rows follow it. Page keys move it by a screenful."""

    DEFAULT_CSS = """
    ClaimQueue { background: $surface; }
    """

    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, row: QueueRow | None) -> None:
            self.row = row
            super().__init__()

    class Resized(Message):
        """The queue's width changed: column headings follow it."""

        def __init__(self, width: int) -> None:
            self.width = width
            super().__init__()

    def __init__(self, rubric: Rubric, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[QueueRow] = []
        self.rubric = rubric

    # -- data -------------------------------------------------------------------------------

    def set_rows(
        self, rows: Sequence[QueueRow], keep: str | None = None, stay: bool = False
    ) -> None:
        """Show ``rows``; keep the cursor on the claim ``keep`` if it is still there, or else
        (with ``stay``) at the same place, which is then the claim after it."""
        index = self.cursor if stay else 0
        self.rows = list(rows)
        found = self.index_of(keep) if keep is not None else None
        if found is not None:
            index = found
        self.virtual_size = Size(self.size.width, len(self.rows))
        self.cursor = min(index, max(0, len(self.rows) - 1))
        self.refresh()

    def replace_row(self, row: QueueRow) -> None:
        for i, old in enumerate(self.rows):
            if old.id == row.id:
                self.rows[i] = row
                self.refresh_line(i)
                if i == self.cursor:
                    self.post_message(self.Highlighted(row))
                return

    def refresh_line(self, index: int) -> None:
        self.refresh(Region(0, index - self.scroll_offset.y, self.size.width, 1))

    def index_of(self, claim_id: str) -> int | None:
        """Where a claim is in the queue, or None when this view does not show it."""
        return next((i for i, r in enumerate(self.rows) if r.id == claim_id), None)

    def visible(self, index: int) -> bool:
        """Whether row ``index`` is within the rows on screen now."""
        top = self.scroll_offset.y
        return top <= index < top + self.size.height

    @property
    def current(self) -> QueueRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- movement ---------------------------------------------------------------------------

    def move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def action_page(self, pages: int) -> None:
        """Move the cursor a screenful down (1) or up (-1)."""
        self.move(pages * max(1, self.size.height - 1))

    def goto(self, index: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, index))

    def watch_cursor(self, old: int, new: int) -> None:
        if self.rows:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
        self.post_message(self.Resized(self.size.width))

    def on_click(self, event) -> None:
        self.goto(self.scroll_offset.y + event.y)

    # -- rendering --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        if index >= len(self.rows):
            if not self.rows and y == 0:
                return Strip([Segment(" No claims here. f changes the filter.".ljust(width))])
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        text = self.row_text(row, width)
        if index == self.cursor:
            text.stylize(Style(reverse=True, bold=self.has_focus))
        return Strip(text.render(self.app.console), width).crop_extend(0, width, self.rich_style)

    def columns(self, width: int) -> tuple[int, int]:
        """Widths of the status and speaker columns at a queue ``width`` (speaker 0: hidden)."""
        longest = max((len(v.label) for v in self.rubric.verdicts), default=10)
        status = min(max(longest, 14), 16) if width >= 100 else 12
        speaker = 14 if width >= 80 else 0
        return status, speaker

    def heading(self, width: int) -> str:
        """The column headings above the rows."""
        status, speaker = self.columns(width)
        head = f"{'K':<2}{'CW':<5}{'VERDICT':<{status}} "
        if speaker:
            head += f"{'SPEAKER':<{speaker}} "
        return (head + "CLAIM")[:width]

    def row_text(self, row: QueueRow, width: int) -> Text:
        """One row: kind, check-worthiness, status or verdict, speaker, claim."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("F " if row.kind == "fact" else "O ", KIND_STYLE.get(row.kind))
        text.append(f"{row.checkworthiness:.2f} ", Style(dim=True))
        status, style = self.status_of(row)
        room, speaker_room = self.columns(width)
        if len(status) > room:
            status = status[: room - 1] + "…"
        text.append(f"{status:<{room}} ", style)
        if speaker_room:
            speaker = row.speaker or ""
            if len(speaker) > speaker_room:
                speaker = speaker[: speaker_room - 1] + "…"
            text.append(f"{speaker:<{speaker_room}} ", Style(italic=True))
        text.append(" ".join(row.claim.split()))
        text.truncate(width, overflow="ellipsis", pad=True)
        return text

    def status_of(self, row: QueueRow) -> tuple[str, Style]:
        if row.verdict:
            option = self.rubric.verdict(row.verdict)
            label = option.label if option else row.verdict
            colour = option.colour if option else "white"
            return label, Style(color=colour, bold=True)
        if row.status == Status.CONFLICT:
            return STATUS_LABEL[Status.CONFLICT], Style(color="red", bold=True)
        return STATUS_LABEL.get(row.status, row.status), Style(dim=row.status == Status.UNREVIEWED)
