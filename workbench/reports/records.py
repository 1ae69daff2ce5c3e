"""Claims as plain records: the public JSON shape and spreadsheet-safe cells.

Shared by what the CLI prints and by the report files, so both say the same thing.
"""

from __future__ import annotations

from workbench.core.values import Claim, Verdict
from workbench.ingest.coverage import NonClaim


def verdict_to_dict(verdict: Verdict) -> dict:
    return {
        "reviewer": verdict.reviewer,
        "rating": verdict.rating,
        "sources": [
            {
                "url": s.url,
                "title": s.title,
                "publisher": s.publisher,
                "excerpt": s.excerpt,
                "accessed_at": s.accessed_at,
            }
            for s in verdict.sources
        ],
        "note": verdict.note,
        "at": verdict.at,
    }


def claim_to_dict(claim: Claim) -> dict:
    """The public JSON shape of a claim (documented in the README)."""
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "text": claim.text,
        "claim": claim.claim,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "speaker_type": claim.speaker_type,
        "stance": claim.stance,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "cues": list(claim.cues),
        "checkworthiness": claim.checkworthiness,
        "entities": [{"text": e.text, "label": e.label} for e in claim.entities],
        "status": claim.status,
        "verdict": claim.verdict,
        "verdicts": [verdict_to_dict(v) for v in claim.verdicts],
        "matches": list(claim.matches),
    }


def csv_safe(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (text starting = + - @ is quoted)."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def non_claim_to_dict(segment: NonClaim) -> dict:
    """The JSON shape of a non-claim segment of ``split --explain``."""
    return {"reason": segment.reason, "start": segment.start, "end": segment.end,
            "text": segment.text}  # fmt: skip
