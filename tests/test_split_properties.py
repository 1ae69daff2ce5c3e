"""Properties of clean + split on any text: no crash, verbatim and ordered spans, boilerplate gone.

Texts mix arbitrary unicode (control characters, quotation marks, very long words, empty
paragraphs) with sentences of our own and the phrases the boilerplate rules remove, so the
clause splitter and the attribution rules see both odd input and real sentence shapes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from workbench.core.errors import ModelError
from workbench.ingest.clean import clean, load_rules
from workbench.ingest.coverage import content_words, non_claims
from workbench.splitting import load_nlp, split_text
from workbench.splitting.tokens import PARAGRAPH_BREAK

ARTICLE = Path(__file__).parent / "fixtures" / "split_article.txt"

SENTENCES = [
    *[
        line
        for line in ARTICLE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("Independent", "open image", "Sign up"))
    ],
    "Although the port reopened on Friday, it has handled only 12 ships since then.",
    "“We will not be bullied,” she said, “and we will not back down.”",
    "The minister, who resigned in May, said on Tuesday that the deal was dead, and he left.",
    "Exports fell by 4 per cent in March, officials and traders said.",
    "Is this really a victory?",
    "He said so.",
    "‘No,’ she said.",
    "While prices rose, wages fell and rents climbed, according to the central bank.",
    "The envoy met Tomas Reyk – the opposition leader – in Lenz, with both men having been "
    "banned from the capital.",
]
BOILERPLATE_PARAGRAPHS = [
    "Independent journalism needs your support. Your donation helps us keep reporters on the "
    "ground. Support us today from just £2.",
    "Subscribe today for unlimited access to our reporting.",
    "We use cookies to improve your experience. Accept all cookies.",
]
INLINE_BOILERPLATE = [
    "open image in gallery Fishing boats wait in the harbour ( Coastline Pictures )",
    "Read more",
    "Share this article",
    "Sign up to our free Morning Dispatch newsletter for the latest world news.",
    "Advertisement",
]

messy_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
    max_size=120,
)
long_word = st.integers(min_value=200, max_value=3000).map(lambda n: "ab" * (n // 2))
#: Words of our sentences and the words the clause and attribution rules look for, shuffled
#: into ungrammatical strings the parser will get wrong.
SOUP_WORDS = sorted(
    {w for s in SENTENCES for w in s.split()}
    | {"and", "but", "or", "while", "although", "as", "said", "he", "it", "according", "to"}
    | {",", "“", "”", '"', "—", "(", ")", "?", ";"}
)
word_soup = st.lists(st.sampled_from(SOUP_WORDS), min_size=1, max_size=40).map(" ".join)


@st.composite
def news_paragraph(draw: st.DrawFn) -> str:
    """Our sentences, maybe with inline boilerplate between two of them (where the cleaner
    always cuts it) and odd text before them."""
    parts = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
    if draw(st.booleans()):
        where = draw(st.integers(min_value=1, max_value=len(parts)))
        parts.insert(where, draw(st.sampled_from(INLINE_BOILERPLATE)))
    if draw(st.booleans()):
        parts.insert(0, draw(messy_text))
    return " ".join(parts)


other_paragraph = st.one_of(
    word_soup,
    messy_text,
    long_word,
    st.sampled_from(["", " ", "\t", "***", "—", "“", "”", "?"]),
)
separator = st.sampled_from(["\n\n", "\n \n", "\n\n\n", "\r\n\r\n", "\n"])


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """Paragraphs joined by blank lines or single newlines; a boilerplate paragraph
    always stands alone, as the cleaner's paragraph rules expect."""
    kinds = st.sampled_from(["news", "news", "other", "boilerplate"])
    text = ""
    previous = None
    for i in range(draw(st.integers(min_value=0, max_value=6))):
        kind = draw(kinds)
        if kind == "news":
            para = draw(news_paragraph())
        elif kind == "other":
            para = draw(other_paragraph)
        else:
            para = draw(st.sampled_from(BOILERPLATE_PARAGRAPHS))
        if i:
            text += "\n\n" if "boilerplate" in (kind, previous) else draw(separator)
        text += para
        previous = kind
    return text


@pytest.fixture(scope="module")
def nlp() -> Language:
    try:
        return load_nlp()
    except ModelError:
        pytest.skip("English spaCy model missing")


RULES = load_rules()
#: Each property runs on 60 generated articles; a split takes long, so no deadline.
ARTICLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@ARTICLES
@given(raw=article_text())
def test_clean_then_split_keeps_every_invariant(nlp: Language, raw: str) -> None:
    cleaned = clean(raw, RULES)
    claims = split_text(cleaned.text, nlp)
    previous_start, previous_end = 0, 0
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(cleaned.text)
        assert cleaned.text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip()
        # in order; a claim either follows the one before or is an appositive label inside it
        nested = previous_start <= claim.start and claim.end <= previous_end
        assert claim.start >= previous_end or nested
        assert PARAGRAPH_BREAK.search(claim.text) is None
        assert claim.claim.strip()
        assert claim.kind in {"fact", "opinion"}
        if not nested:
            previous_start, previous_end = claim.start, claim.end
    for dropped in cleaned.dropped:
        if dropped.text.strip():
            assert not any(dropped.text in claim.text for claim in claims)


@ARTICLES
@given(raw=article_text())
@example(raw="_A001 But who will pay for the boats that rotted in port while the strait was shut?")
def test_every_content_word_is_in_a_claim_or_a_recorded_non_claim(nlp: Language, raw: str) -> None:
    cleaned = clean(raw, RULES)
    claims = split_text(cleaned.text, nlp)
    segments = non_claims(cleaned.text, claims, cleaned.dropped)
    assert not [s for s in segments if s.reason == "not covered"]
    # together, claims and non-claims hold every content word of the cleaned text
    outer = [c for c in claims if not any(o is not c and o.start <= c.start and c.end <= o.end
                                          for o in claims)]  # fmt: skip
    held = [c.text for c in outer] + [s.text for s in segments if s.start is not None]
    stop = STOP_WORDS
    assert sorted(content_words(cleaned.text, stop)) == sorted(
        w for piece in held for w in content_words(piece, stop)
    )
    removed = [s for s in segments if s.start is None]
    assert [s.text for s in removed] == [d.text for d in cleaned.dropped]
    assert all(s.reason.startswith("boilerplate: ") for s in removed)
