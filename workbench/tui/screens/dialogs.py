"""Modal dialogs: add a source, write a note, edit the wording, search, confirm."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from workbench.review.evidence import SourceError, check_url
from workbench.usecases.actions import SourceInput


class SourceDialog(ModalScreen[SourceInput | None]):
    """URL (focused), title and excerpt; Enter saves, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="source-dialog"):
            yield Label("Add a source", classes="dialog-title")
            yield Input(placeholder="https://…", id="url")
            yield Input(placeholder="Title (optional)", id="title")
            yield Input(placeholder="Quoted excerpt (optional)", id="excerpt")
            yield Static("", id="source-error", classes="dialog-error")
            yield Static("Enter saves · Tab next field · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#url", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        url = self.query_one("#url", Input).value
        try:
            check_url(url)
        except SourceError as err:
            self.query_one("#source-error", Static).update(str(err))
            self.query_one("#url", Input).focus()
            return
        self.dismiss(
            SourceInput(
                url=url.strip(),
                title=self.query_one("#title", Input).value or None,
                excerpt=self.query_one("#excerpt", Input).value or None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(ModalScreen[str | None]):
    """Multi-line text about a claim, shown above it (a note, or the claim's new wording);
    Ctrl+S saves, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, claim: str = "", *, title: str = "Add a note", value: str = "") -> None:
        super().__init__()
        self.claim = claim
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            if self.claim:
                yield Static(f"“{self.claim}”", id="note-claim", classes="dialog-hint")
            yield TextArea(self.value, id="note", soft_wrap=True)
            yield Static("Ctrl+S saves · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one("#note", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one("#note", TextArea).text.strip()
        self.dismiss(text or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LineDialog(ModalScreen[str | None]):
    """One line of text (wording, search); Enter saves, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="line")
            yield Static("Enter saves · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#line", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; y or Enter says yes, n or Esc says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question)
            yield Static("y yes · n no", classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
