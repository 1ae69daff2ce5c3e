"""schema.org ClaimReview JSON-LD: one ClaimReview per claim with an agreed verdict.

Fields follow schema.org's ClaimReview and the structured-data guidance that fact-check
search features read: claimReviewed, datePublished, url, author, reviewRating
(ratingValue, bestRating, worstRating, alternateName, ratingExplanation) and itemReviewed
(a Claim with author, datePublished and appearance).
"""

from __future__ import annotations

import json
import re

from workbench.reports.model import Report, ReportArticle, ReportClaim
from workbench.review.evidence import web_url

#: Google suggests a claimReviewed under 75 characters.
SHORT = 75
#: Where a trailing phrase can go without changing what is claimed: ", inviting …",
#: ", which …", ", including …" (a consequence, an aside or an example, not the claim).
#: Words ending in "-ing" that are not participles, or that set when or what the claim is
#: about ("during the war", "following the vote"): a phrase they open stays.
_KEEP = "|".join(
    [
        "during",
        "following",
        "pending",
        "according",
        "regarding",
        "concerning",
        "notwithstanding",
        "morning",
        "evening",
        "nothing",
        "something",
        "anything",
        "everything",
        "thing",
        "king",
        "spring",
        "string",
        "ceiling",
        "building",
    ]
)
_TRAILING = re.compile(rf",\s+(?:which|who|including|(?!(?:{_KEEP})\b)[a-z]+ing)\b[^,]*\.?$")

#: schema.org type of a claim's author, by the splitter's speaker type ("China" speaks as a
#: state, "the national statistics office" as an organisation).
AUTHOR_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "state": "GovernmentOrganization",
    "group": "Organization",
    "document": "Organization",
}


def short_claim(text: str, limit: int = SHORT) -> str:
    """The claim as reviewed, shortened honestly when it is long: trailing asides after a
    comma are dropped one at a time while it is over ``limit``; the words that make the
    claim are never cut, so a claim that cannot be shortened that way stays whole."""
    short = text.strip()
    while len(short) > limit:
        cut = _TRAILING.sub("", short.rstrip(".")).rstrip(" ,")
        if cut == short.rstrip(".") or len(cut.split()) < 4:
            break
        short = cut + "."
    return short


def slug(c: ReportClaim) -> str:
    """The file name of a claim's fact-check page: its first words and its id."""
    words = re.findall(r"[a-z0-9]+", c.claim.claim.lower())[:8]
    return "-".join([*words, c.claim.id[:8]])


def page_url(report: Report, c: ReportClaim) -> str:
    """Where the fact-check page of a claim lives (``export --format site`` writes it)."""
    return f"{report.publisher.base_url.rstrip('/')}/{slug(c)}.html"


def claimreview(report: Report, item: ReportArticle, c: ReportClaim) -> dict | None:
    """The ClaimReview of one claim with an agreed verdict; None for a claim without one,
    and for an opinion unless the report includes opinions."""
    claim = c.claim
    latest = report.agreed(c)  # None unless reviewers agree
    if latest is None or (claim.kind == "opinion" and not report.include_opinions):
        return None
    agreeing = [v for v in c.verdicts if v.rating == claim.verdict]
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
        "claimReviewed": short_claim(claim.claim),
        "datePublished": latest.at[:10],
        "url": page_url(report, c),
        "author": author,
        "reviewRating": rating,
        "itemReviewed": item_reviewed,
    }


def claimreviews(report: Report) -> list[dict]:
    """Every ClaimReview of the report, in article order."""
    return [
        r
        for item in report.articles
        for c in item.claims
        if (r := claimreview(report, item, c)) is not None
    ]


def script_safe(value: object) -> str:
    """JSON that cannot close the ``<script>`` tag it is embedded in."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_claimreview(report: Report) -> str:
    return script_safe(claimreviews(report)) + "\n"


def problems(review: dict) -> list[str]:
    """What a ClaimReview lacks of the properties Google's fact-check guidelines require:
    claimReviewed, url, reviewRating with alternateName (and bestRating and worstRating with a
    ratingValue), and an author with a name; empty when it has them all."""
    found = []
    for key in ("claimReviewed", "url", "reviewRating", "author"):
        if not review.get(key):
            found.append(f"missing {key}")
    rating = review.get("reviewRating") or {}
    if not rating.get("alternateName"):
        found.append("reviewRating without alternateName")
    if "ratingValue" in rating and not {"bestRating", "worstRating"} <= set(rating):
        found.append("ratingValue without bestRating and worstRating")
    if not (review.get("author") or {}).get("name"):
        found.append("author without a name")
    url = review.get("url") or ""
    if not url.startswith(("http://", "https://")):
        found.append("url is not an http(s) page")
    return found
