"""Settle a disagreement between reviewers in the session: every reviewer's verdict with its
note and sources, and a key per verdict of the rubric to settle on (one of theirs or another
one). The choice is a ``verdict.resolved`` event, undoable like any other."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from workbench.core.values import Claim, Rubric, Source


class ConflictScreen(ModalScreen[str | None]):
    """Both (or all) verdicts side by side; a verdict key settles, Esc leaves it open."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        *(Binding(str(n), f"settle({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, claim: Claim, rubric: Rubric, sources: list[tuple[str, Source]]) -> None:
        super().__init__()
        self.claim = claim
        self.rubric = rubric
        self.sources = sources

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="conflict"):
            yield Label("Reviewers disagree", classes="dialog-title")
            with VerticalScroll():
                yield Static(self.body(), id="conflict-body")
            yield Static(
                "Press a verdict's key to settle on it · Esc leaves the conflict open",
                classes="dialog-hint",
            )

    def body(self) -> Text:
        out = Text()
        out.append(f"“{self.claim.claim}”\n\n", Style(bold=True))
        for v in self.claim.verdicts:
            option = self.rubric.verdict(v.rating)
            out.append(f"{v.reviewer}: ", Style(bold=True))
            out.append(
                option.label if option else v.rating,
                Style(color=option.colour if option else None, bold=True),
            )
            out.append(f"  ({v.at[:16].replace('T', ' ')})\n", Style(dim=True))
            if v.note:
                out.append(f"  {v.note}\n", Style(italic=True))
            for by, s in self.sources:
                if by == v.reviewer:
                    out.append(f"  source: {s.title or s.url}  {s.url}\n", Style(color="blue"))
            out.append("\n")
        given = {v.rating for v in self.claim.verdicts}
        for option in self.rubric.verdicts:
            mark = "  (given)" if option.id in given else ""
            out.append(f"  {option.key}  ", Style(bold=True, color="yellow"))
            out.append(f"{option.label}{mark}\n")
        return out

    def action_settle(self, key: int) -> None:
        option = next((v for v in self.rubric.verdicts if v.key == key), None)
        if option is not None:
            self.dismiss(option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
