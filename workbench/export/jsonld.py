"""schema.org ClaimReview JSON-LD: one ClaimReview per claim with an agreed verdict.

Fields follow schema.org's ClaimReview and the structured-data guidance that fact-check
search features read: claimReviewed, datePublished, url, author, reviewRating
(ratingValue, bestRating, worstRating, alternateName, ratingExplanation) and itemReviewed
(a Claim with author, datePublished and appearance).
"""

from __future__ import annotations

import json

from workbench.export.report import Report, ReportArticle, ReportClaim, web_url

#: schema.org type of a claim's author, by the splitter's speaker type ("China" speaks as a
#: state, "the national statistics office" as an organisation).
AUTHOR_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "state": "GovernmentOrganization",
    "group": "Organization",
    "document": "Organization",
}


def claimreview(report: Report, item: ReportArticle, c: ReportClaim) -> dict | None:
    """The ClaimReview of one claim with an agreed verdict; None for a claim without one,
    and for an opinion unless the report includes opinions."""
    claim = c.claim
    if not claim.verdict or not c.settled:
        return None
    if claim.kind == "opinion" and not report.include_opinions:
        return None
    agreeing = [v for v in c.verdicts if v.rating == claim.verdict]
    if not agreeing:
        return None
    latest = max(agreeing, key=lambda v: v.at)
    rubric = report.rubric_for(latest)
    option = rubric.verdict(latest.rating) if rubric else None
    rating: dict = {
        "@type": "Rating",
        "alternateName": option.alternate_name if option else latest.rating,
    }
    if option is not None and option.rating_value is not None and rubric is not None:
        rating.update(
            ratingValue=option.rating_value,
            bestRating=rubric.best_rating,
            worstRating=rubric.worst_rating,
        )
    explanation = " ".join(v.note for v in agreeing if v.note)
    if explanation:
        rating["ratingExplanation"] = explanation
    article = item.article
    item_reviewed: dict = {"@type": "Claim"}
    if claim.speaker:
        kind = AUTHOR_TYPES.get(claim.speaker_type or "", "Organization")
        item_reviewed["author"] = {"@type": kind, "name": claim.speaker}
    elif article.outlet:
        item_reviewed["author"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        item_reviewed["datePublished"] = article.published
    if url := web_url(article.url):
        item_reviewed["appearance"] = {"@type": "CreativeWork", "url": url}
        item_reviewed["firstAppearance"] = {"@type": "CreativeWork", "url": url}
    publisher = report.publisher
    author: dict = {"@type": "Organization", "name": publisher.name}
    if publisher.url:
        author["url"] = publisher.url
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.claim,
        "datePublished": latest.at[:10],
        "url": f"{publisher.base_url.rstrip('/')}/{claim.id}",
        "author": author,
        "reviewRating": rating,
        "itemReviewed": item_reviewed,
    }


def render_claimreview(report: Report) -> str:
    reviews = [
        r
        for item in report.articles
        for c in item.claims
        if (r := claimreview(report, item, c)) is not None
    ]
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    # Pages embed JSON-LD in <script> tags: article text must not be able to close the tag.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
