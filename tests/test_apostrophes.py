"""Typographic apostrophes: the model reads them as straight ones, the claims keep them."""

from __future__ import annotations

from tests.spacy_support import needs_model
from workbench.splitting import split_text
from workbench.splitting.apostrophes import for_model


def test_only_apostrophes_between_letters_are_straightened() -> None:
    text = "‘Off market’ sites aren’t Varga’s, she said."
    assert for_model(text) == "‘Off market’ sites aren't Varga's, she said."
    assert len(for_model(text)) == len(text)


@needs_model
def test_a_curly_contraction_is_read_as_the_straight_one_and_kept_as_written() -> None:
    text = "That’s a lot of hungry children in Lenz, Varga’s aide said."
    (draft,) = split_text(text)
    assert draft.frame is not None and draft.frame.predicate == "be"
    assert draft.text == text[draft.start : draft.end]
    assert "That’s" in draft.claim and "'" not in draft.claim
    assert draft.speaker == "Varga’s aide"


@needs_model
def test_an_article_writing_both_kinds_keeps_its_verbatim_span() -> None:
    text = "That’s a lot of hungry children in Lenz, the aide's report said."
    (draft,) = split_text(text)
    assert draft.text == text[draft.start : draft.end]
