"""Markdown report. Article text is hostile: every piece of it is escaped so it stays text."""

from __future__ import annotations

import re
from urllib.parse import quote

from workbench.core.values import STANCE_VERBS
from workbench.reports.model import Report, ReportArticle, ReportClaim
from workbench.review.evidence import web_url

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")
_LIST_START = re.compile(r"^([-+=]|\d+[.)])(?=\s|$)")


def md(text: str | None) -> str:
    """Text that Markdown shows literally: specials escaped, line breaks folded, and a
    start that would open a list or a heading rule ("- ", "+ ", "1. ") escaped too."""
    folded = _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))
    return _LIST_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], folded)


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
    if url := web_url(a.url):
        meta += (" · " if meta else "") + f"<{md_url(url)}>"
    elif a.url:
        meta += (" · " if meta else "") + md(a.url)
    if meta:
        lines += [meta, ""]
    counts = report.summary(item)
    if counts:
        summary = ", ".join(f"{n} {md(label)}" for label, _, n in counts)
        lines += [f"**Agreed verdicts:** {summary}", ""]
    facts = item.checked
    if facts:
        lines += ["### Claims checked", ""]
        for number, c in enumerate(facts, start=1):
            lines += _claim(report, c, number)
    waiting = item.awaiting
    if waiting:
        lines += ["### Awaiting agreement", ""]
        lines += ["Reviewers have not agreed on these yet; they are not counted above.", ""]
        for number, c in enumerate(waiting, start=len(facts) + 1):
            lines += _claim(report, c, number)
    opinions = report.shown_opinions(item)
    if opinions:
        lines += ["### Opinions and characterisations", ""]
        for c in opinions:
            who = md(c.claim.speaker) if c.claim.speaker else "the article"
            if c.claim.stance != "asserts":
                who += f", {md(c.claim.stance)}"
            agreed = report.agreed(c)
            verdict = f" — {md(report.label(agreed))}" if agreed else ""
            if c.unsettled:
                verdict = f" — *{md(c.unsettled)}*"
            lines.append(f"- {md(c.claim.claim)} ({who}){verdict}")
        lines.append("")
    return lines


def _claim(report: Report, c: ReportClaim, number: int) -> list[str]:
    claim = c.claim
    lines = [f"#### {number}. {md(claim.claim)}", ""]
    agreed = report.agreed(c)
    status = f"**{md(report.label(agreed))}**" if agreed else f"*{md(c.unsettled or '')}*"
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
            lines += [f"Note by {md(v.reviewer)}: {md(v.note)}", ""]
    for author, text, at in c.notes:
        lines += [f"Note by {md(author)} ({at[:10]}): {md(text)}", ""]
    if c.sources:
        lines.append("Sources:")
        lines.append("")
        for added_by, s in c.sources:
            title = md(s.title or s.url)
            url = web_url(s.url)
            parts = [f"[{title}]({md_url(url)})" if url else md(s.url)]
            if s.publisher:
                parts.append(md(s.publisher))
            if s.excerpt:
                parts.append(f"“{md(s.excerpt)}”")
            if s.accessed_at:
                parts.append(f"accessed {s.accessed_at[:10]}")
            parts.append(f"added by {md(added_by)}")
            lines.append("- " + " — ".join(parts))
        lines.append("")
    lines += [f"> {md(c.paragraph)}", ""]
    return lines
