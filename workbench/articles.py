"""From a decoded document to an Article and its Claims: clean, split, derive stable ids.

Ids are derived from content, so two reviewers who ingest the same article
independently get the same article and claim ids, which keeps their copies mergeable.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.models import Article, Claim, ClaimDraft, Cleaned, Document
from workbench.sources import web_url

ID_LENGTH = 12
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Prepared:
    """An article ready to store, with its claims in text order."""

    article: Article
    claims: tuple[Claim, ...]


def content_hash(text: str) -> str:
    """SHA-256 of the text with runs of whitespace folded, so re-wrapping does not change it."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def claim_id(article_id: str, start: int, end: int) -> str:
    """Stable id of the claim spanning ``start:end`` in the article."""
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:ID_LENGTH]


def make_article(document: Document, cleaned: Cleaned) -> Article:
    """The Article for a cleaned document; its id is a prefix of the content hash."""
    digest = content_hash(cleaned.text)
    return Article(
        id=digest[:ID_LENGTH],
        content_hash=digest,
        text=cleaned.text,
        source=document.source,
        title=document.title,
        outlet=document.outlet,
        # front matter and HTML metadata are the article's own: only an http(s) address stays
        url=web_url(document.url),
        published=document.published,
        dropped=cleaned.dropped,
    )


def make_claims(article: Article, drafts: Sequence[ClaimDraft]) -> tuple[Claim, ...]:
    """Claims with ids for an article's drafts."""
    return tuple(
        Claim(
            id=claim_id(article.id, d.start, d.end),
            article_id=article.id,
            text=d.text,
            claim=d.claim,
            kind=d.kind,
            start=d.start,
            end=d.end,
            speaker=d.speaker,
            quote=d.quote,
            cues=d.cues,
            checkworthiness=d.checkworthiness,
            entities=d.entities,
            stance=d.stance,
            speaker_type=d.speaker_type,
            frame=d.frame,
        )
        for d in drafts
    )


def prepare(documents: Sequence[Document]) -> list[Prepared]:
    """Clean and split documents. Loads the NLP model, so only commands that split call it."""
    from workbench.clean import clean, load_rules
    from workbench.splitting import split_texts

    rules = load_rules()
    articles = [make_article(doc, clean(doc.text, rules)) for doc in documents]
    drafts = split_texts(a.text for a in articles)
    return [
        Prepared(article, make_claims(article, found))
        for article, found in zip(articles, drafts, strict=True)
    ]
