"""What a report holds, gathered from the store once and rendered by each format module."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field

from workbench.errors import WorkbenchError
from workbench.models import Article, Claim, Rubric, Source, Verdict
from workbench.store import Store
from workbench.store.events import Head, now_iso

FORMATS = ("markdown", "html", "json", "csv", "claimreview")


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks (ClaimReview author) and where they live."""

    name: str = "workbench"
    url: str | None = None
    base_url: str = "https://example.org/fact-checks/"


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


@dataclass(frozen=True)
class Report:
    generated_at: str
    articles: tuple[ReportArticle, ...]
    rubrics: dict[str, Rubric]  # every rubric named by a verdict in the report
    publisher: Publisher = field(default_factory=Publisher)
    events: tuple = ()  # the audit-trail events behind the report (JSON export, import)
    head: Head | None = None  # the database's newest event when the report was made

    def rubric_for(self, verdict: Verdict) -> Rubric | None:
        return self.rubrics.get(verdict.rubric)

    def label(self, verdict: Verdict) -> str:
        rubric = self.rubric_for(verdict)
        option = rubric.verdict(verdict.rating) if rubric else None
        return option.label if option else verdict.rating


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
) -> Report:
    """Collect the reviewed claims (and the opinions) of each article, filtered as asked."""
    from workbench.rubrics import load_rubric

    articles = [store.article(article_id)] if article_id else store.articles()
    out: list[ReportArticle] = []
    rubric_names: set[str] = set()
    subjects: list[str] = []
    for article in articles:
        claims = []
        for claim in store.claims(article_id=article.id):
            verdicts = tuple(
                v
                for v in claim.verdicts
                if (reviewer is None or v.reviewer == reviewer)
                and (since is None or v.at[: len(since)] >= since)
            )
            if final_only and (claim.verdict is None or not verdicts):
                continue
            if not verdicts and claim.kind == "fact":
                continue  # unreviewed facts are not part of a verdict report
            if not verdicts and (reviewer or since or final_only):
                continue
            rubric_names.update(v.rubric for v in verdicts)
            claims.append(
                ReportClaim(
                    claim=claim,
                    verdicts=verdicts,
                    sources=tuple(store.claim_sources(claim.id)),
                    notes=tuple(store.claim_notes(claim.id)),
                    paragraph=paragraph_of(article.text, claim.start, claim.end),
                )
            )
        if any(c.verdicts for c in claims):
            subjects.append(article.id)
            subjects.extend(c.claim.id for c in claims)
            out.append(ReportArticle(article, tuple(claims)))
    rubrics = {}
    for name in sorted(n for n in rubric_names if n):
        with suppress(WorkbenchError):  # a rubric that is gone: labels fall back to rating ids
            rubrics[name] = load_rubric(name)
    wanted = set(subjects)
    events = tuple(e for e in store.events() if e.subject in wanted)
    return Report(
        generated_at=generated_at or now_iso(),
        articles=tuple(out),
        rubrics=rubrics,
        publisher=publisher or Publisher(),
        events=events,
        head=store.head(),
    )


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS."""
    if fmt == "markdown":
        from workbench.export.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from workbench.export.html import render_html

        return render_html(report)
    if fmt == "json":
        from workbench.export.jsonfile import render_json

        return render_json(report)
    if fmt == "csv":
        from workbench.export.csvfile import render_csv

        return render_csv(report)
    if fmt == "claimreview":
        from workbench.export.jsonld import render_claimreview

        return render_claimreview(report)
    raise ValueError(f"unknown format {fmt}")
