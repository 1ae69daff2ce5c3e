"""The payloads of the events that bring an article and its claims into the log."""

from __future__ import annotations

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
