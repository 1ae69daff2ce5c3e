"""From a decoded document to an Article and its Claims: clean, split, derive stable ids.

Ids are derived from content, so two reviewers who ingest the same article
independently get the same article and claim ids, which keeps their copies mergeable.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from workbench.core.values import Article, Claim, ClaimDraft, Cleaned, Document
from workbench.review.evidence import web_url

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
    return list(prepare_each(documents))


def prepare_each(documents: Iterable[Document], *, n_process: int = 1) -> Iterator[Prepared]:
    """Clean and split documents, yielding each article as soon as it is split (in order),
    so a caller can store it before the next is read: memory stays flat over a folder of
    thousands. ``n_process`` splits in that many processes (``nlp.pipe``)."""
    from workbench.ingest.clean import clean, load_rules
    from workbench.matching.keys import with_match_keys
    from workbench.splitting import split_texts

    rules = load_rules()
    waiting: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for doc in documents:
            article = make_article(doc, clean(doc.text, rules))
            waiting.append(article)
            yield article.text

    for drafts in split_texts(texts(), n_process=n_process):
        article = waiting.popleft()
        # the matching keys are read now, so storing the claims holds the lock only to write
        yield Prepared(article, with_match_keys(make_claims(article, drafts)))


PARALLEL_FROM = 200  # articles; fewer are split in this process (workers take time to start)


def default_jobs(articles: int) -> int:
    """Processes for splitting: the cores not busy now, once there are enough articles."""
    if articles <= PARALLEL_FROM:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) - round(os.getloadavg()[0]))
