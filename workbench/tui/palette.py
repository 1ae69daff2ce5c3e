"""The command palette (ctrl+p) and what it runs: switch rubric, jump to an article, choose
a filter, export a report, the figures. ``PaletteCommands`` is a mixin of ``ReviewApp``."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import work
from textual.command import Hit, Hits, Provider

from workbench.core.errors import WorkbenchError
from workbench.review.rubrics import builtin_names, load_rubric
from workbench.tui.screens.info import InfoScreen
from workbench.tui.widgets.claim_list import ClaimQueue

EXPORT_FORMATS = {"markdown": "md", "html": "html", "json": "json", "csv": "csv",
                  "claimreview": "jsonld"}  # fmt: skip


class WorkbenchCommands(Provider):
    """Command palette entries: switch rubric, jump to an article, choose a filter."""

    async def search(self, query: str) -> Hits:
        app = self.app
        assert isinstance(app, PaletteCommands)
        matcher = self.matcher(query)
        entries: list[tuple[str, object, str]] = []
        for name in builtin_names():
            entries.append(
                (f"Switch rubric: {name}", partial(app.switch_rubric, name), "verdict keys")
            )
        for article_id, title in app.article_titles():
            entries.append(
                (f"Jump to article: {title}", partial(app.jump_to_article, article_id), article_id)
            )
        from workbench.review.queue import FILTERS

        for name in FILTERS:
            entries.append((f"Filter: {name}", partial(app.set_filter, name), "queue"))
        entries.append(("Show agreement between reviewers", app.show_agreement, "kappa, alpha"))
        for fmt in EXPORT_FORMATS:
            entries.append(
                (f"Export report: {fmt}", partial(app.export_report, fmt), f"report.{fmt}")
            )
        for label, callback, help_text in entries:
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, help=help_text)


class PaletteCommands:
    """What the palette's entries call on the review session."""

    # -- palette commands -------------------------------------------------------------------

    def switch_rubric(self, name: str) -> None:
        self.rubric = load_rubric(name)
        queue = self.main(ClaimQueue)
        queue.rubric = self.rubric
        queue.refresh()
        self.update_header()
        self.show_claim(queue.current)

    @work(thread=True, group="export")
    def export_report(self, fmt: str) -> None:
        """Write a report of this database next to it, e.g. ``claims-report.html``."""
        from workbench.reports import build_report, render_report
        from workbench.reports.config import load_publisher

        target = self.db_path.with_name(f"{self.db_path.stem}-report.{EXPORT_FORMATS[fmt]}")
        store = self.store
        if store is None:
            return
        try:
            with store.snapshot():
                report = build_report(store, publisher=load_publisher())
            target.write_text(render_report(report, fmt), encoding="utf-8")
        except (WorkbenchError, OSError) as err:
            self.call_from_thread(self.notify, str(err), severity="error")
            return
        self.call_from_thread(self.notify, str(target), title="Report written")

    def action_stats(self) -> None:
        """The database in figures: claims by kind and state, the agreed verdicts as bars,
        everyone's actions, and your day."""
        from workbench.reports.chart import text_bars

        assert self.store is not None
        figures = self.store.stats()
        body = Text()
        body.append(f"{figures['articles']} articles · {figures['claims']} claims\n", "bold")
        for title, key in (("kind", "claims_by_kind"), ("state", "claims_by_status")):
            counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in figures[key].items())
            body.append(f"by {title}: {counts or '-'}\n")
        body.append("\nAgreed verdicts\n", "underline")
        labels = {v.id: v.label for v in self.rubric.verdicts}
        agreed = [(labels.get(k, k), n) for k, n in figures["agreed_verdicts"].items()]
        for line in text_bars(agreed, width=30) or ["none yet"]:
            body.append(f"  {line}\n")
        body.append("\nEvents by person\n", "underline")
        for actor, n in sorted(figures["actors"].items(), key=lambda kv: -kv[1]):
            body.append(f"  {actor}: {n}\n")
        body.append(
            f"\nYou: {len(self.session_reviewed)} this session, {self.today} today\n", "bold"
        )
        self.push_screen(InfoScreen("Figures", body))

    def show_agreement(self) -> None:
        from workbench.review.agreement import agreement_text, measure, scale_of

        assert self.store is not None
        ratings = {c.id: {v.reviewer: v.rating for v in c.verdicts} for c in self.store.claims()}
        text = agreement_text(measure(ratings, scale_of(self.rubric)))
        self.push_screen(InfoScreen("Agreement between reviewers", Text(text)))

    def article_titles(self) -> list[tuple[str, str]]:
        return self._titles

    def jump_to_article(self, article_id: str) -> None:
        self.filter_name = "all"
        self.search_text = ""
        first = next((r for r in self.all_rows if r.article_id == article_id), None)
        self.apply_filter(keep=first.id if first else None)
