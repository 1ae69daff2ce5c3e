"""The panel under the context: the claim's kind, speaker, cues, verdicts, sources and notes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from workbench.core.values import STANCE_VERBS, Claim, Rubric, Source, Status
from workbench.matching import EarlierClaim

STATUS_TEXT = {
    Status.UNREVIEWED: "unreviewed",
    Status.NEEDS_SOURCES: "needs more independent sources",
    Status.NEEDS_APPROVAL: "waiting for a second reviewer's approval",
    Status.CONFLICT: "reviewers disagree",
    Status.REVIEWED: "agreed",
    Status.DUPLICATE: "repeated in this article",
}


#: How the learned model's cue reads to a checker ("model: objective 0.97").
MODEL_READINGS = {"objective": "fact", "subjective": "opinion"}


def plain_cue(cue: str) -> str:
    """A cue in words a checker reads: "model: objective 0.97" → "reads as a fact (model,
    0.97)"; every other cue as it is."""
    if cue.startswith("model: "):
        reading, _, score = cue.removeprefix("model: ").partition(" ")
        if reading in MODEL_READINGS:
            kind = MODEL_READINGS[reading]
            return f"reads as {'an' if kind == 'opinion' else 'a'} {kind} (model, {score})"
    return cue


def render_details(
    claim: Claim,
    rubric: Rubric,
    sources: list[tuple[str, Source]],
    notes: list[tuple[str, str, str]],
    matches: Sequence[EarlierClaim] = (),
    related: Sequence[EarlierClaim] = (),
) -> Text:
    """The panel's text: the claim's state and cues, verdicts, sources and notes, then the
    earlier claims it matches (whose verdict ``m`` adopts) and those worded alike that are not
    the same claim, each with its text, article, verdict and sources."""
    out = Text()
    out.append(f"{STATUS_TEXT.get(claim.status, claim.status)}", Style(bold=True))
    if claim.verdict:
        option = rubric.verdict(claim.verdict)
        out.append(" — ")
        out.append(
            option.label if option else claim.verdict,
            Style(color=option.colour if option else None, bold=True),
        )
    out.append(f"   [{claim.id}]\n", Style(dim=True))
    out.append("claim: ", Style(dim=True))
    out.append(claim.claim + "\n", Style(bold=True))
    speaker = claim.speaker or "the article"
    quote = ", direct quote" if claim.quote else ""
    out.append(
        f"{claim.kind} · {STANCE_VERBS.get(claim.stance, claim.stance)} by {speaker}{quote} · "
        f"check-worthiness {claim.checkworthiness:.2f}\n",
        Style(dim=True),
    )
    if claim.cues:
        out.append(
            "cues: " + ", ".join(plain_cue(c) for c in claim.cues) + "\n", Style(color="yellow")
        )
    if claim.verdicts:
        out.append("\nVerdicts\n", Style(underline=True))
        for v in claim.verdicts:
            option = rubric.verdict(v.rating)
            out.append(f"  {v.reviewer}: ")
            out.append(
                option.label if option else v.rating,
                Style(color=option.colour if option else None, bold=True),
            )
            out.append(f"  ({v.rubric}, {v.at[:16].replace('T', ' ')})", Style(dim=True))
            if v.approved_by:
                out.append(f"  approved by {', '.join(v.approved_by)}", Style(color="green"))
            out.append("\n")
            if v.note:
                out.append(f"    {v.note}\n", Style(italic=True))
    if sources:
        out.append("\nSources\n", Style(underline=True))
        for added_by, s in sources:
            out.append(f"  {s.title or s.url}", Style(bold=True))
            out.append(f"  [{added_by}]\n", Style(dim=True))
            if s.title:
                out.append(f"    {s.url}\n", Style(color="blue"))
            if s.excerpt:
                out.append(f"    “{s.excerpt}”\n", Style(italic=True))
    if notes:
        out.append("\nNotes\n", Style(underline=True))
        for author, text, at in notes:
            out.append(f"  {author} ({at[:10]}): ", Style(dim=True))
            out.append(text + "\n")
    if claim.duplicate_of:
        out.append(f"\nRepeats claim {claim.duplicate_of} of the same article\n", Style(dim=True))
    if matches:
        out.append("\nMatches earlier claims\n", Style(underline=True))
        for earlier in matches:
            _earlier(out, earlier, rubric)
            if earlier.claim.verdict:
                out.append("    m adopts this verdict and its sources\n", Style(dim=True))
    else:
        out.append("\nMatches to earlier claims: none\n", Style(dim=True))
    if related:
        out.append("\nWorded alike, but not the same claim\n", Style(underline=True))
        for earlier in related:
            _earlier(out, earlier, rubric)
            out.append(
                f"    differs in: {', '.join(earlier.differs)}\n", Style(color="red", bold=True)
            )
            if earlier.claim.verdict:
                out.append(
                    f"    its verdict ({earlier.claim.verdict}) is not adopted\n", Style(dim=True)
                )
    return out


def _earlier(out: Text, earlier: EarlierClaim, rubric: Rubric) -> None:
    """One earlier claim: its wording, article, verdict and sources."""
    other = earlier.claim
    out.append(f"  {other.claim}\n")
    out.append(f"    in “{earlier.article_title}”", Style(dim=True))
    out.append(f"  [{other.id}, wording {earlier.score:.0f}]\n", Style(dim=True))
    out.append("    verdict: ", Style(dim=True))
    if other.verdict:
        option = rubric.verdict(other.verdict)
        out.append(
            option.label if option else other.verdict,
            Style(color=option.colour if option else None, bold=True),
        )
        out.append("\n")
    else:
        out.append("none yet\n", Style(dim=True))
    for source in earlier.sources:
        out.append(f"    source: {source.title or source.url}", Style(color="blue"))
        out.append(f"  {source.url}\n" if source.title else "\n", Style(dim=True))


class ClaimDetails(VerticalScroll):
    """The selected claim's state; ``text`` is what it shows now."""

    text: Text | str = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # held, not queried: a read that ends while the app shuts down finds it gone
        self._body = Static(id="details-text")

    def compose(self):
        yield self._body

    def show(self, text: Text | str) -> None:
        self.text = text
        self._body.update(text)
