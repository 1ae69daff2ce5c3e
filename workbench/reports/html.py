"""A self-contained HTML report: inline CSS, no scripts, no external requests.

All text is escaped with ``html.escape``; links are only ever the http(s) URLs that the
store accepted, escaped as attribute values. The style sheet is ``data/report.css``.

Built by small functions rather than Jinja2 templates: every field goes through one escaping
helper ``e``, and the page's pieces (cards, strip charts, the site's pages) are reused as
Python values by ``site.py``; a template engine would not add a check we lack.
"""

from __future__ import annotations

import re
from html import escape
from importlib.resources import files

from workbench.core.values import STANCE_VERBS
from workbench.reports.chart import bar_chart_svg, report_counts, strip_svg
from workbench.reports.jsonld import claimreviews, script_safe
from workbench.reports.model import Report, ReportArticle, ReportClaim
from workbench.review.evidence import web_url

#: the report's style sheet, inlined into every page (no external requests)
CSS = "\n" + (files("workbench.data") / "report.css").read_text(encoding="utf-8")


def e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def render_html(report: Report, *, pages: dict[str, str] | None = None) -> str:
    """The whole report as one page. ``pages`` maps claim ids to their fact-check pages
    (``export --format site``): each claim's heading then links to its page."""
    body = [
        "<h1>Fact-check report</h1>",
        f'<p class="generated">Generated {e(report.generated_at[:16].replace("T", " "))} UTC'
        f" by {e(report.publisher.name)}</p>",
    ]
    chart = bar_chart_svg(report_counts(report))
    if chart:
        body.append(
            f'<figure class="verdicts">{chart}<figcaption>Agreed verdicts</figcaption></figure>'
        )
    for item in report.articles:
        body.append(_article(report, item, pages or {}))
    if not report.articles:
        body.append("<p>No reviewed claims match.</p>")
    if report.rubrics:
        notes = "".join(
            f"<p><strong>{e(r.title)}</strong>: {e(r.methodology)}</p>"
            for r in report.rubrics.values()
        )
        body.append(f"<footer><h3>Methodology</h3>{notes}</footer>")
    reviews = claimreviews(report) if report.publisher.configured else []
    return page("Fact-check report", "\n".join(body), reviews)


def page(title: str, body: str, reviews: list[dict]) -> str:
    """A complete page: inline CSS, no scripts, its ClaimReviews as JSON-LD (data, not code:
    the Content-Security-Policy still forbids every script)."""
    data = (
        f'<script type="application/ld+json">{script_safe(reviews)}</script>\n' if reviews else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{e(title)}</title>\n"
        f"<style>{CSS}</style>\n{data}</head>\n<body>\n<main>\n"
        + body
        + "\n</main>\n</body>\n</html>\n"
    )


def _colour(report: Report, c: ReportClaim) -> str:
    """A claim card's colour: its agreed verdict's, grey while reviewers have not agreed."""
    agreed = report.agreed(c)
    return report.colour(agreed) if agreed else "#9aa0a6"


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG contrast ratio)."""
    match = re.fullmatch(r"#?([0-9a-fA-F]{6})", background.strip())
    if match is None:
        return "#fff"
    channels = [int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    on_white = 1.05 / (luminance + 0.05)
    on_black = (luminance + 0.05) / 0.05
    return "#fff" if on_white >= on_black else "#000"


def _article(report: Report, item: ReportArticle, pages: dict[str, str]) -> str:
    a = item.article
    parts = [f"<section><h2>{e(a.title or a.source)}</h2>"]
    meta = [e(x) for x in (a.outlet, a.published) if x]
    if a.url:
        url = web_url(a.url)
        meta.append(f'<a href="{e(url)}">{e(url)}</a>' if url else e(a.url))
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    strip = strip_svg(report, item)
    if strip:
        parts.append(f'<div class="strip">{strip}</div>')
    counts = report.summary(item)
    if counts:
        pills = "".join(
            f'<span class="pill" style="background:{e(colour)};color:{text_colour(colour)}">'
            f"{n} × {e(label)}</span>"
            for label, colour, n in counts
        )
        parts.append(f'<div class="summary">{pills}</div>')
    facts = item.checked
    if facts:
        parts.append("<h3>Claims checked</h3>")
        parts.extend(claim_card(report, c, pages.get(c.claim.id)) for c in facts)
    waiting = item.awaiting
    if waiting:
        parts.append(
            "<h3>Awaiting agreement</h3><p>Reviewers have not agreed on these yet; they are "
            "not counted above.</p>"
        )
        parts.extend(claim_card(report, c) for c in waiting)
    opinions = report.shown_opinions(item)
    if opinions:
        parts.append('<h3>Opinions and characterisations</h3><ul class="opinions">')
        for c in opinions:
            who = e(c.claim.speaker) if c.claim.speaker else "the article"
            if c.claim.stance != "asserts":
                who += f", {e(c.claim.stance)}"
            agreed = report.agreed(c)
            verdict = f" — <em>{e(report.label(agreed))}</em>" if agreed else ""
            if c.unsettled:
                verdict = f" — <em>{e(c.unsettled)}</em>"
            parts.append(f'<li>{e(c.claim.claim)} <span class="who">({who})</span>{verdict}</li>')
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def claim_card(report: Report, c: ReportClaim, href: str | None = None) -> str:
    """One claim: its wording (a link to its fact-check page when it has one), verdict,
    reviewers, notes, sources and the article paragraph it comes from."""
    claim = c.claim
    settled = report.agreed(c)
    agreed = report.label(settled) if settled else (c.unsettled or "")
    who = e(claim.speaker) if claim.speaker else "the article"
    quote = " (direct quote)" if claim.quote else ""
    reviewers = "; ".join(
        f"{e(v.reviewer)}: {e(report.label(v))} ({e(v.at[:10])})"
        + (f", approved by {e(', '.join(v.approved_by))}" if v.approved_by else "")
        for v in c.verdicts
    )
    notes = "".join(
        f'<p class="note"><span class="who">note by {e(v.reviewer)}:</span> {e(v.note)}</p>'
        for v in c.verdicts
        if v.note
    ) + "".join(
        f'<p class="note"><span class="who">note by {e(author)} ({e(at[:10])}):</span> '
        f"{e(text)}</p>"
        for author, text, at in c.notes
    )
    sources = ""
    if c.sources:
        items = []
        for added_by, s in c.sources:
            url = web_url(s.url)
            link = f'<a href="{e(url)}">{e(s.title or s.url)}</a>' if url else e(s.url)
            bits = [link]
            if s.publisher:
                bits.append(e(s.publisher))
            if s.excerpt:
                bits.append(f'<span class="excerpt">“{e(s.excerpt)}”</span>')
            if s.accessed_at:
                bits.append(f"accessed {e(s.accessed_at[:10])}")
            bits.append(f'<span class="who">added by {e(added_by)}</span>')
            items.append("<li>" + " — ".join(bits) + "</li>")
        sources = '<ul class="sources">' + "".join(items) + "</ul>"
    start = c.paragraph.find(claim.text)
    if start >= 0:
        context = (
            e(c.paragraph[:start])
            + f"<mark>{e(claim.text)}</mark>"
            + e(c.paragraph[start + len(claim.text) :])
        )
    else:
        context = e(c.paragraph)
    colour = e(_colour(report, c))
    return (
        f'<article class="claim" id="claim-{e(claim.id)}" style="--verdict:{colour}">'
        + (
            f'<h4><a href="{e(href)}">{e(claim.claim)}</a></h4>'
            if href
            else f"<h4>{e(claim.claim)}</h4>"
        )
        + f'<p><span class="rating">{e(agreed)}</span> · '
        f'<span class="who">{e(STANCE_VERBS.get(claim.stance, claim.stance))} by {who}{quote}'
        "</span></p>"
        f'<p class="reviewers">{reviewers}</p>{notes}{sources}'
        f"<blockquote>{context}</blockquote></article>"
    )
