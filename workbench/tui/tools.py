"""The session's reading tools: settle a conflict, open the article or a source in the
browser, search the web, copy, search and filter the queue, a claim's history, the whole
article, help. A mixin of ``ReviewApp``."""

from __future__ import annotations

import os
from urllib.parse import quote_plus

from rich.text import Text

from workbench.core.values import Status
from workbench.review.evidence import web_url
from workbench.review.queue import next_filter
from workbench.tui.keys import KEYS
from workbench.tui.screens.conflict import ConflictScreen
from workbench.tui.screens.dialogs import LineDialog
from workbench.tui.screens.info import HelpScreen, HistoryScreen, InfoScreen
from workbench.tui.text import short
from workbench.usecases import actions

#: Where `w` searches the web; {query} becomes the claim, URL-encoded.
DEFAULT_SEARCH_URL = "https://duckduckgo.com/?q={query}"


def search_url(claim: str) -> str:
    """The web-search address for a claim: $WORKBENCH_SEARCH_URL (with {query}) or
    DuckDuckGo."""
    template = os.environ.get("WORKBENCH_SEARCH_URL") or DEFAULT_SEARCH_URL
    if "{query}" not in template:
        template += "{query}"
    return template.replace("{query}", quote_plus(claim))


class ReadingTools:
    """Keys r, b, w, c, /, f, h, v and ?."""

    def action_resolve(self) -> None:
        row = self.current
        if row is None or self.store is None:
            return
        claim = self.store.claim(row.id)
        if claim.status != Status.CONFLICT:
            self.notify("This claim is not in conflict: there is nothing to settle", timeout=3)
            return

        def settled(rating: str | None) -> None:
            if rating is None:
                return
            event = self.run_action_safely(
                actions.resolve, self.store, row.id, rating, self.rubric, self.reviewer
            )
            self.refresh_claim(row.id)
            if event is not None:
                self.notify(event.payload["label"], title="Conflict settled", timeout=3)

        self.push_screen(
            ConflictScreen(claim, self.rubric, self.store.claim_sources(row.id)), settled
        )

    def action_open_article(self) -> None:
        """Open the article's address, or else the claim's first source, in the browser."""
        row = self.current
        if row is None or self.store is None:
            return
        article = self.article(row.article_id)
        urls = [article.url] + [s.url for _, s in self.store.claim_sources(row.id)]
        url = next((web for u in urls if (web := web_url(u))), None)
        if url is None:
            self.notify("The article has no web address and the claim no source", timeout=3)
            return
        self.open_url(url)
        self.notify(url, title="Opened in the browser", timeout=3)

    def action_web_search(self) -> None:
        """Open a web search for the claim's wording ($WORKBENCH_SEARCH_URL, {query})."""
        row = self.current
        if row is None:
            return
        url = search_url(row.claim)
        self.open_url(url)
        self.notify(url, title="Searching the web", timeout=3)

    def action_copy_claim(self) -> None:
        row = self.current
        if row is None:
            return
        self.copy_to_clipboard(f"{row.claim} [{row.id}]")
        self.notify(short(row.claim), title="Copied", timeout=2)

    def action_search(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self.search_text = text.strip()
                self.apply_filter()

        self.push_screen(
            LineDialog("Search claims (empty clears)", self.search_text, "words…"), done
        )

    def action_cycle_filter(self) -> None:
        self.set_filter(next_filter(self.filter_name))

    def set_filter(self, name: str) -> None:
        self.filter_name = name
        self.apply_filter()

    def action_history(self) -> None:
        row = self.current
        if row is not None and self.store is not None:
            self.push_screen(HistoryScreen(row.id, list(self.store.events(row.id))))

    def action_view_article(self) -> None:
        """The whole article in a scrollable screen, this claim highlighted."""
        row = self.current
        if row is None or self.store is None:
            return
        article = self.article(row.article_id)
        claim = self.store.claim(row.id)
        body = Text()
        if article.title:
            body.append(article.title + "\n\n", "bold")
        body.append(article.text[: claim.start])
        body.append(article.text[claim.start : claim.end], "bold reverse")
        body.append(article.text[claim.end :])
        self.push_screen(InfoScreen(article.title or article.source, body))

    def action_help(self) -> None:
        rows = []
        for k in KEYS:
            if k.id.startswith("verdict_"):
                continue
            keys = self._keymap.get(k.id, k.keys)
            rows.append((keys.replace("question_mark", "?").replace("slash", "/"), k.description))
        verdict_rows = [
            (self._keymap.get(f"verdict_{v.key}", str(v.key)), f"{v.label} — {v.help}")
            for v in self.rubric.verdicts
        ]
        self.push_screen(HelpScreen(rows, verdict_rows))
