"""The article around the selected claim: its paragraph, with the claim and its cues marked."""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from workbench.core.values import Article, Claim

CLAIM_STYLE = Style(bold=True, bgcolor="grey23")
CUE_STYLE = Style(underline=True, color="yellow", bold=True)


def cue_words(cues: tuple[str, ...]) -> list[str]:
    """The words a cue points at: "evaluative: remarkable" -> "remarkable"; "dubbed" -> "dubbed"."""
    words = []
    for cue in cues:
        label, _, value = cue.partition(":")
        word = (value or label).strip()
        if word and not word.startswith(("model", "subjective", "objective")) and len(word) > 2:
            words.append(word)
    return words


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return (before + 2 if before >= 0 else 0), (after if after >= 0 else len(text))


def render_context(article: Article, claim: Claim) -> Text:
    """Title line, then the paragraph before (dim), the claim's paragraph, and the one after.
    ``Text.spans`` keeps where the claim is (the CLAIM_STYLE span): the panel scrolls to it."""
    text = article.text
    p_start, p_end = paragraph_bounds(text, claim.start, claim.end)
    out = Text()
    heading = article.title or article.source
    meta = " · ".join(x for x in (article.outlet, article.published) if x)
    out.append(heading + "\n", Style(bold=True))
    if meta:
        out.append(meta + "\n", Style(dim=True))
    out.append("\n")
    if p_start > 0:
        prev_start, _ = paragraph_bounds(text, p_start - 2, p_start - 2)
        out.append(text[prev_start : p_start - 2].strip() + "\n\n", Style(dim=True))
    paragraph = Text(text[p_start:p_end])
    paragraph.stylize(CLAIM_STYLE, claim.start - p_start, claim.end - p_start)
    for word in cue_words(claim.cues):
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", paragraph.plain, re.IGNORECASE):
            if claim.start - p_start <= m.start() < claim.end - p_start:
                paragraph.stylize(CUE_STYLE, m.start(), m.end())
    out.append_text(paragraph)
    if p_end < len(text):
        _, next_end = paragraph_bounds(text, p_end + 2, p_end + 2)
        out.append("\n\n" + text[p_end + 2 : next_end].strip(), Style(dim=True))
    return out


class ArticleContext(VerticalScroll):
    """Scrollable article context."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # held, not queried: a read that ends while the app shuts down finds it gone
        self._body = Static(id="context-text")

    def compose(self):
        yield self._body

    def show(self, article: Article | None, claim: Claim | None) -> None:
        if not self.is_attached:
            return
        body = self._body
        if article is None or claim is None:
            body.update("")
            return
        text = render_context(article, claim)
        body.update(text)
        self.scroll_home(animate=False)
        self.call_after_refresh(self._scroll_to_claim, text)

    def _scroll_to_claim(self, text: Text) -> None:
        """Bring the claim's first line near the top (one line of the paragraph before it
        still shows), so the claim is in view however small the panel is."""
        start = next((s.start for s in text.spans if s.style == CLAIM_STYLE), None)
        width = max(10, self.scrollable_content_region.width)
        if start is None:
            return
        before = text[:start]
        lines = len(before.wrap(self.app.console, width)) if before.plain else 0
        self.scroll_to(y=max(0, lines - 2), animate=False)
