"""The payloads of the events that bring an article and its claims into the log."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.values import Article, Claim, ClaimDraft


def article_payload(article: Article) -> dict:
    return {
        "content_hash": article.content_hash,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "source": article.source,
        "text": article.text,
        "dropped": [{"text": d.text, "rule": d.rule} for d in article.dropped],
    }


def claim_payload(claim: Claim | ClaimDraft, position: int) -> dict:
    return {
        "article_id": getattr(claim, "article_id", None),
        "position": position,
        "text": claim.text,
        "claim": claim.claim,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "cues": list(claim.cues),
        "checkworthiness": claim.checkworthiness,
        "entities": [[e.text, e.label] for e in claim.entities],
        "stance": claim.stance,
        "speaker_type": claim.speaker_type,
        "frame": claim.frame.to_dict() if claim.frame is not None else None,
    }


def ingest_items(article: Article, claims: Sequence[Claim]) -> list[tuple[str, str, dict]]:
    """The events (action, subject, payload) that bring an article and its claims in."""
    items = [("article.ingested", article.id, article_payload(article))]
    items += [
        ("claim.extracted", claim.id, claim_payload(claim, position))
        for position, claim in enumerate(claims)
    ]
    return items
