"""What a report holds, gathered from the store once and rendered by each format module."""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime

from workbench.core.errors import WorkbenchError
from workbench.core.values import Article, Claim, Rubric, Source, Status, Verdict
from workbench.store import Store
from workbench.store.events import Head, now_iso


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks (ClaimReview author) and where they live."""

    name: str = "workbench"
    url: str | None = None
    base_url: str = "https://example.org/fact-checks/"
    configured: bool = False  # a name and base URL were given, not these placeholders


class ReportError(WorkbenchError):
    """A report cannot be made as asked (a filter that is not a date, …)."""


def parse_since(text: str) -> datetime:
    """The moment ``--since`` names: a date (midnight UTC) or an ISO time ("…Z" or with an
    offset). Compared as times, so "12:45:45Z" keeps a verdict given at 12:45:45.978Z."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ReportError(
            f"--since {text!r} is not a date: use a date such as 2026-03-01 or a time "
            "such as 2026-03-01T12:00:00Z"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _moment(at: str) -> datetime:
    return parse_since(at)


@dataclass(frozen=True)
class ReportClaim:
    claim: Claim
    verdicts: tuple[Verdict, ...]  # the ones the report's filters keep
    sources: tuple[tuple[str, Source], ...]  # (added_by, source)
    notes: tuple[tuple[str, str, str], ...]  # (author, text, at)
    paragraph: str  # the claim's paragraph in the article

    @property
    def reviewed(self) -> bool:
        return bool(self.verdicts)

    @property
    def settled(self) -> bool:
        """Reviewers agree on a verdict: the only claims summaries and colours count."""
        return self.claim.verdict is not None and self.claim.status == Status.REVIEWED

    @property
    def unsettled(self) -> str | None:
        """Why a reviewed claim has no agreed verdict yet ("awaiting approval", "in
        conflict", "needs sources"), or None."""
        if not self.verdicts or self.settled:
            return None
        return UNSETTLED.get(self.claim.status, self.claim.status.replace("_", " "))


UNSETTLED = {
    Status.NEEDS_APPROVAL: "awaiting approval",
    Status.CONFLICT: "in conflict",
    Status.NEEDS_SOURCES: "needs more sources",
    Status.UNREVIEWED: "not yet agreed",
}


@dataclass(frozen=True)
class ReportArticle:
    article: Article
    claims: tuple[ReportClaim, ...]

    @property
    def facts(self) -> tuple[ReportClaim, ...]:
        return tuple(c for c in self.claims if c.claim.kind == "fact")

    @property
    def opinions(self) -> tuple[ReportClaim, ...]:
        return tuple(c for c in self.claims if c.claim.kind == "opinion")

    @property
    def checked(self) -> tuple[ReportClaim, ...]:
        """The facts with a verdict this report keeps that reviewers agree on."""
        return tuple(c for c in self.facts if c.settled and c.reviewed)

    @property
    def awaiting(self) -> tuple[ReportClaim, ...]:
        """The facts with a verdict this report keeps that reviewers have not agreed on."""
        return tuple(c for c in self.facts if c.unsettled)


@dataclass(frozen=True)
class Report:
    generated_at: str
    articles: tuple[ReportArticle, ...]
    rubrics: dict[str, Rubric]  # every rubric named by a verdict in the report
    publisher: Publisher = field(default_factory=Publisher)
    events: tuple = ()  # the audit-trail events behind the report (JSON export, import)
    head: Head | None = None  # the database's newest event when the report was made
    filtered: bool = False  # made with --reviewer, --since or --final-only
    include_opinions: bool = False  # ClaimReview for opinions too (--include-opinions)

    def rubric_for(self, verdict: Verdict) -> Rubric | None:
        return self.rubrics.get(verdict.rubric)

    def label(self, verdict: Verdict) -> str:
        rubric = self.rubric_for(verdict)
        option = rubric.verdict(verdict.rating) if rubric else None
        return option.label if option else verdict.rating

    def colour(self, verdict: Verdict) -> str:
        rubric = self.rubric_for(verdict)
        option = rubric.verdict(verdict.rating) if rubric else None
        return option.colour if option else "#5f6368"

    def agreed(self, c: ReportClaim) -> Verdict | None:
        """The verdict reviewers agree on (its newest copy), None while a claim is unsettled."""
        if not c.settled:
            return None
        return next((v for v in reversed(c.verdicts) if v.rating == c.claim.verdict), None)

    def summary(self, item: ReportArticle) -> list[tuple[str, str, int]]:
        """(label, colour, count) of the agreed verdicts of an article, commonest first;
        claims still awaiting approval or in conflict are not counted."""
        counts: Counter[tuple[str, str]] = Counter()
        for c in item.claims:
            verdict = self.agreed(c)
            if verdict is not None:
                counts[(self.label(verdict), self.colour(verdict))] += 1
        return [(label, colour, n) for (label, colour), n in counts.most_common()]

    def shown_opinions(self, item: ReportArticle) -> tuple[ReportClaim, ...]:
        """The opinions a report lists: all of them, or only reviewed ones when filtered."""
        return tuple(c for c in item.opinions if c.reviewed or not self.filtered)


def paragraph_of(text: str, start: int, end: int) -> str:
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return text[before + 2 if before >= 0 else 0 : after if after >= 0 else len(text)].strip()


def build_report(
    store: Store,
    *,
    article_id: str | None = None,
    reviewer: str | None = None,
    since: str | None = None,
    final_only: bool = False,
    publisher: Publisher | None = None,
    generated_at: str | None = None,
    include_opinions: bool = False,
) -> Report:
    """Every claim of each article that has a verdict the filters keep, and the events
    behind them. The filters apply to everything: verdicts, sources, notes and events (a
    report "--reviewer alice" holds nothing another reviewer did). With ``final_only`` only
    agreed verdicts count."""
    from workbench.review.rubrics import load_rubric
    from workbench.review.state import REVIEW_ACTIONS
    from workbench.store.projections import CLAIM_REVIEW_ACTIONS

    after = parse_since(since) if since else None

    def kept(actor: str, at: str) -> bool:
        return (reviewer is None or actor == reviewer) and (after is None or _moment(at) >= after)

    articles = [store.article(article_id)] if article_id else store.articles()
    out: list[ReportArticle] = []
    rubric_names: set[str] = set()
    subjects: set[str] = set()
    dropped_claims: set[str] = set()  # review events of these stay out (final_only)
    for article in articles:
        claims = []
        stored = store.claims(article_id=article.id)
        all_sources, all_notes = store.sources_and_notes([c.id for c in stored])
        for claim in stored:
            verdicts = tuple(v for v in claim.verdicts if kept(v.reviewer, v.at))
            if final_only and (claim.verdict is None or claim.status != Status.REVIEWED):
                verdicts = ()
                dropped_claims.add(claim.id)
            sources = tuple(
                (by, s) for by, s in all_sources.get(claim.id, ())
                if reviewer is None or by == reviewer
            ) if verdicts else ()  # fmt: skip
            notes = tuple(n for n in all_notes.get(claim.id, ()) if kept(n[0], n[2]))
            claims.append(
                ReportClaim(
                    claim=claim,
                    verdicts=verdicts,
                    sources=sources,
                    notes=notes if verdicts or not (reviewer or since or final_only) else (),
                    paragraph=paragraph_of(article.text, claim.start, claim.end),
                )
            )
        if not any(c.verdicts for c in claims):
            continue
        rubric_names.update(v.rubric for c in claims for v in c.verdicts)
        subjects.add(article.id)
        subjects.update(c.claim.id for c in claims)
        out.append(ReportArticle(article, tuple(claims)))
    rubrics = {}
    for name in sorted(n for n in rubric_names if n):
        with suppress(WorkbenchError):  # a rubric that is gone: labels fall back to rating ids
            rubrics[name] = load_rubric(name)
    review_actions = set(REVIEW_ACTIONS) | CLAIM_REVIEW_ACTIONS
    events = tuple(
        e
        for e in store.events()
        if e.subject in subjects
        and (
            e.action not in review_actions
            or (kept(e.actor, e.at) and e.subject not in dropped_claims)
        )
    )
    return Report(
        generated_at=generated_at or now_iso(),
        articles=tuple(out),
        rubrics=rubrics,
        publisher=publisher or Publisher(),
        events=events,
        head=store.head(),
        filtered=bool(reviewer or since or final_only),
        include_opinions=include_opinions,
    )
