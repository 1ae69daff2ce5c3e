"""A synthetic database of any size, written through the real Store (no NLP needed)."""

from __future__ import annotations

from pathlib import Path

from workbench.core.values import Article, Claim, ClaimDraft, Cleaned, Document
from workbench.ingest.articles import make_article, make_claims
from workbench.matching.keys import with_match_keys
from workbench.store import Store

PER_ARTICLE = 100


def article_and_claims(a: int, *, keyed: bool = True) -> tuple[Article, tuple[Claim, ...]]:
    """Synthetic article number ``a`` with its 100 claims, with their matching keys read as
    the splitter reads them (unless not ``keyed``: then the store reads them)."""
    sentences = [
        f"Delegation {a} reported that {i * 7 + a} tonnes of grain left port {i}."
        for i in range(PER_ARTICLE)
    ]
    text = "\n\n".join(sentences)
    article = make_article(Document(text=text, source=f"bench-{a}.txt"), Cleaned(text))
    drafts, start = [], 0
    for i, sentence in enumerate(sentences):
        start = text.index(sentence, start)
        drafts.append(
            ClaimDraft(
                text=sentence,
                claim=sentence,
                start=start,
                end=start + len(sentence),
                kind="fact" if i % 3 else "opinion",
                speaker=f"Delegation {a}",
                cues=("number", "speaker: Delegation"),
                checkworthiness=(i % 10) / 10,
            )
        )
    claims = make_claims(article, drafts)
    return article, with_match_keys(claims) if keyed else claims


def build(path: Path, n_claims: int) -> None:
    """A database of synthetic articles, 100 claims each, written through the real Store."""
    with Store(path) as store:
        for a in range(max(1, n_claims // PER_ARTICLE)):
            article, claims = article_and_claims(a)
            store.add_article(article, claims, "bench")
