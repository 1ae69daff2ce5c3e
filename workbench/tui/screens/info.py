"""Read-only screens: the claim's history and the list of keys."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from workbench.core.values import Event
from workbench.review.history import describe


class InfoScreen(ModalScreen[None]):
    """A titled, scrollable text; Esc closes."""

    BINDINGS = [Binding("escape,q,h,question_mark", "close", "Close")]

    def __init__(self, title: str, body: Text | Table) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll():
                yield Static(self.body)
            yield Static("Esc closes", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


class HistoryScreen(InfoScreen):
    """Every event about one claim, oldest first."""

    def __init__(self, claim_id: str, events: list[Event]) -> None:
        body = Text()
        for e in events:
            body.append(e.at[:19].replace("T", " "), Style(dim=True))
            body.append(f"  {e.actor}", Style(bold=True))
            body.append(f"  {e.action}\n", Style(color="cyan"))
            body.append(f"    {describe(e.action, e.payload)}\n")
        super().__init__(f"History of claim {claim_id}", body)


class HelpScreen(InfoScreen):
    """Every key of the session, as currently bound."""

    def __init__(self, rows: list[tuple[str, str]], rubric_rows: list[tuple[str, str]]) -> None:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold yellow", no_wrap=True)
        table.add_column()
        for keys, description in rows:
            table.add_row(keys, description)
        table.add_row("", "")
        for keys, description in rubric_rows:
            table.add_row(keys, description)
        table.add_row("ctrl+p", "Command palette: switch rubric, jump to an article, filters")
        table.add_row("", "")
        for column, meaning in LEGEND:
            table.add_row(Text(column, style="bold cyan"), meaning)
        super().__init__("Keys", table)


#: What the queue's columns and marks mean (shown under the keys).
LEGEND = (
    ("K", "kind: F a checkable fact, O an opinion or characterisation"),
    ("CW", "check-worthiness, 0–1: how much the claim is worth checking (queue order)"),
    ("VERDICT", "the agreed verdict; · none yet; CONFLICT reviewers disagree; needs "
                "approval / needs sources: a verdict waits for a second reviewer or sources"),
    ("SPEAKER", "who asserts it (empty: the article itself)"),
)  # fmt: skip
