"""The first stages: no sentence crosses a paragraph break, and each sentence piece becomes a
claim unit (``doc._.claim_bounds``).
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from workbench.splitting.lexicon import OMISSION_MARKS
from workbench.splitting.tokens import is_paragraph_break, sentence_units


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first non-space token after each paragraph break as a sentence start.

    Runs before the parser, which respects sentence starts that are already set. Does
    nothing on a Doc that is already parsed (its boundaries can no longer change).
    """
    if doc.has_annotation("DEP"):
        return doc
    after_break = False
    for token in doc:
        if is_paragraph_break(token):
            after_break = True
        elif after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
    return doc


@functools.cache
def _omission_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for phrase in sorted(OMISSION_MARKS):
        matcher.add("OMISSION", [[{"ORTH": word} for word in phrase]])
    return matcher


def mark_omission_starts(doc: Doc) -> Doc:
    """Mark a capitalised word right after a mark of words left out ("[…]") as a sentence
    start: what follows the gap is another sentence of the quotation, not the end of the
    one before it. Like :func:`mark_paragraph_starts`, only before the parser."""
    if doc.has_annotation("DEP"):
        return doc
    for _, _, end in _omission_matcher(doc.vocab)(doc):
        if end < len(doc) and doc[end].is_title:
            doc[end].is_sent_start = True
    return doc


@Language.component("workbench_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """spaCy component: never let a sentence cross a paragraph break or a gap left in a
    quotation."""
    return mark_omission_starts(mark_paragraph_starts(doc))


class ClaimUnits:
    """spaCy component: store sentence-level claim bounds in ``doc._.claim_bounds``."""

    def __init__(self, *, min_alpha: int) -> None:
        self.min_alpha = min_alpha

    def __call__(self, doc: Doc) -> Doc:
        doc._.claim_bounds = [
            (span.start, span.end) for span in sentence_units(doc, min_alpha=self.min_alpha)
        ]
        return doc


@Language.factory(
    "workbench_claim_units",
    default_config={"min_alpha": 1},
    assigns=["doc._.claim_bounds"],
)
def make_claim_units(nlp: Language, name: str, *, min_alpha: int) -> ClaimUnits:
    """Factory for :class:`ClaimUnits`."""
    return ClaimUnits(min_alpha=min_alpha)
