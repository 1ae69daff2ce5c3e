"""Markdown report. Article text is hostile: every piece of it is escaped so it stays text."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

from workbench.export.report import Report, ReportArticle, ReportClaim
from workbench.models import STANCE_VERBS

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")


def md(text: str | None) -> str:
    """Text that Markdown shows literally: specials escaped, line breaks folded."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def md_url(url: str) -> str:
    """A URL safe inside ``(...)`` of a Markdown link (only http(s) URLs reach here)."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def render_markdown(report: Report) -> str:
    lines = [
        "# Fact-check report",
        "",
        f"Generated {report.generated_at[:16].replace('T', ' ')} UTC",
        "",
    ]
    for item in report.articles:
        lines += _article(report, item)
    if not report.articles:
        lines += ["No reviewed claims match.", ""]
    if report.rubrics:
        lines += ["## Methodology", ""]
        for rubric in report.rubrics.values():
            lines += [f"**{md(rubric.title)}** ({md(rubric.name)}): {md(rubric.methodology)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _article(report: Report, item: ReportArticle) -> list[str]:
    a = item.article
    lines = [f"## {md(a.title or a.source)}", ""]
    meta = " · ".join(md(x) for x in (a.outlet, a.published) if x)
    if a.url:
        meta += (" · " if meta else "") + f"<{md_url(a.url)}>"
    if meta:
        lines += [meta, ""]
    counts = Counter(report.label(c.verdicts[-1]) for c in item.claims if c.verdicts)
    if counts:
        summary = ", ".join(f"{n} {md(label)}" for label, n in counts.most_common())
        lines += [f"**Verdicts:** {summary}", ""]
    facts = [c for c in item.facts if c.reviewed]
    if facts:
        lines += ["### Claims checked", ""]
        for number, c in enumerate(facts, start=1):
            lines += _claim(report, c, number)
    if item.opinions:
        lines += ["### Opinions and characterisations", ""]
        for c in item.opinions:
            who = md(c.claim.speaker) if c.claim.speaker else "the article"
            if c.claim.stance != "asserts":
                who += f", {md(c.claim.stance)}"
            verdict = f" — {md(report.label(c.verdicts[-1]))}" if c.verdicts else ""
            lines.append(f"- {md(c.claim.claim)} ({who}){verdict}")
        lines.append("")
    return lines


def _claim(report: Report, c: ReportClaim, number: int) -> list[str]:
    claim = c.claim
    lines = [f"#### {number}. {md(claim.claim)}", ""]
    agreed = report.label(c.verdicts[-1]) if claim.verdict else None
    status = f"**{md(agreed)}**" if agreed else f"*{md(claim.status.replace('_', ' '))}*"
    lines.append(f"Verdict: {status}  ")
    who = md(claim.speaker) if claim.speaker else "the article"
    role = STANCE_VERBS.get(claim.stance, claim.stance).capitalize()
    lines.append(f"{role} by: {who}{' (direct quote)' if claim.quote else ''}  ")
    for v in c.verdicts:
        approved = f", approved by {md(', '.join(v.approved_by))}" if v.approved_by else ""
        lines.append(
            f"Reviewer: {md(v.reviewer)} — {md(report.label(v))} ({v.at[:10]}){approved}  "
        )
    lines.append("")
    for v in c.verdicts:
        if v.note:
            lines += [f"{md(v.note)}", ""]
    if c.sources:
        lines.append("Sources:")
        lines.append("")
        for _, s in c.sources:
            title = md(s.title or s.url)
            parts = [f"[{title}]({md_url(s.url)})"]
            if s.publisher:
                parts.append(md(s.publisher))
            if s.excerpt:
                parts.append(f"“{md(s.excerpt)}”")
            if s.accessed_at:
                parts.append(f"accessed {s.accessed_at[:10]}")
            lines.append("- " + " — ".join(parts))
        lines.append("")
    lines += [f"> {md(c.paragraph)}", ""]
    return lines
