"""Claim units, pipeline assembly and the conversion from a parsed Doc to ``ClaimDraft`` values.

The English model is extended with our own components::

    tok2vec → tagger → workbench_paragraphs → parser → attribute_ruler → lemmatizer → ner
        → workbench_claim_units → workbench_clauses → workbench_attribution
        → workbench_wording → workbench_kinds → workbench_checkworthiness

``workbench_paragraphs`` marks the first token of every paragraph as a sentence start before the
parser runs, so the parser never builds a sentence (or a dependency tree) across a paragraph
break. ``workbench_claim_units`` then stores sentence-level claim bounds in
``doc._.claim_bounds``, ``workbench_clauses`` (:mod:`~workbench.splitting.clauses`) rewrites
them into atomic clauses, and every later component reads ``doc._.claim_spans``.
``workbench_attribution`` sets the speaker and the attributed content of each claim,
``workbench_wording`` its stand-alone wording (``span._.standalone``).

Extension point: the rule-based kind decision is replaced by any component that assigns
``span._.kind`` and ``span._.kind_cues`` (a trained classifier), without touching the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.models import ClaimDraft, Entity, Kind
from workbench.splitting.lexicon import (
    COMMA_MARKERS,
    CONJUNCTION_MARKERS,
    NAME_LABELS,
    NOMINAL_SUBJECT_DEPS,
)

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")

#: Our components after the model's own, in pipeline order (the paragraph marker goes
#: before the parser).
COMPONENTS: tuple[str, ...] = (
    "workbench_claim_units",
    "workbench_clauses",
    "workbench_attribution",
    "workbench_wording",
    "workbench_kinds",
    "workbench_checkworthiness",
)


# --------------------------------------------------------------------------- extensions


def _claim_spans(doc: Doc) -> list[Span]:
    bounds = doc._.claim_bounds
    if bounds is None:
        return sentence_units(doc)
    return [doc[start:end] for start, end in bounds]


def install_extensions() -> None:
    """Install ``doc._.claim_bounds`` (token offsets) and ``doc._.claim_spans`` (getter).

    Bounds are stored as plain tuples so a Doc with its user data stays serialisable.
    """
    if not Doc.has_extension("claim_bounds"):
        Doc.set_extension("claim_bounds", default=None)
    if not Doc.has_extension("claim_spans"):
        Doc.set_extension("claim_spans", getter=_claim_spans)


install_extensions()


# --------------------------------------------------------------------------- paragraphs


def is_paragraph_break(token: Token) -> bool:
    """True for a whitespace token that contains a blank line."""
    return token.is_space and PARAGRAPH_BREAK.search(token.text) is not None


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


@Language.component("workbench_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """spaCy component: never let a sentence cross a paragraph break."""
    return mark_paragraph_starts(doc)


# --------------------------------------------------------------------------- claim units


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def sentence_units(doc: Doc, *, min_alpha: int = 1) -> list[Span]:
    """Sentence-level claim units, in text order.

    Uses the Doc's sentences (from the parser, or the whole Doc if it has none), cuts them
    again at every paragraph break, strips whitespace tokens at both ends and drops spans
    with fewer than ``min_alpha`` alphabetic characters.
    """
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    units: list[Span] = []
    for sent in sentences:
        piece_start = sent.start
        for i in range(sent.start, sent.end + 1):
            if i < sent.end and not is_paragraph_break(doc[i]):
                continue
            start, end = _strip(doc, piece_start, i)
            piece_start = i + 1
            if start >= end:
                continue
            span = doc[start:end]
            if sum(ch.isalpha() for ch in span.text) >= min_alpha:
                units.append(span)
    return units


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


# --------------------------------------------------------------------------- assembly


def add_components(nlp: Language) -> Language:
    """Add the workbench components that ``nlp`` does not have yet, in order; returns ``nlp``."""
    if "workbench_paragraphs" not in nlp.pipe_names:
        for anchor in ("parser", "senter"):
            if anchor in nlp.pipe_names:
                nlp.add_pipe("workbench_paragraphs", before=anchor)
                break
        else:
            nlp.add_pipe("workbench_paragraphs", first=True)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def has_components(nlp: Language) -> bool:
    """True when every workbench component is in the pipeline."""
    return all(name in nlp.pipe_names for name in ("workbench_paragraphs", *COMPONENTS))


# --------------------------------------------------------------------------- look-back


def units_before(doc: Doc, position: int, *, last: int | None = None) -> list[Span]:
    """Claim units that end at or before token ``position`` (only the ``last`` ones if given)."""
    bounds = doc._.claim_bounds
    if bounds is None:
        bounds = [(unit.start, unit.end) for unit in sentence_units(doc)]
    before = [b for b in bounds if b[1] <= position]
    if last is not None:
        before = before[max(len(before) - last, 0) :]
    return [doc[start:end] for start, end in before]


def person_mention(ent: Span) -> str:
    """A PERSON entity's text with the title words written before it ("Ms Vos", "President
    Anton Halvard"): the proper-noun compounds the recogniser left out of the entity."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and start <= doc[start - 1].head.i < ent.end
    ):
        start -= 1
    return doc[start : ent.end].text


def recent_person(doc: Doc, position: int, *, window: int = 3) -> str | None:
    """The most recent PERSON named in the ``window`` units before token ``position``.

    Only returned when it is obvious: the nearest unit that names anyone names exactly one
    person (mentions sharing a surname count as one; the longest mention, with its titles, is
    returned — see :func:`person_mention`). A proper name the entity recogniser left
    unlabelled counts as another possible person, so "Anton Halvard met Irena Vos" is
    ambiguous even when "Irena Vos" was missed.
    """
    for unit in reversed(units_before(doc, position, last=window)):
        persons = [ent for ent in unit.ents if ent.label_ == "PERSON"]
        unlabelled = {
            t.lower_
            for t in unit
            if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ != "compound" and t.is_title
        }
        if not persons:
            if unlabelled:
                return None
            continue
        if len({ent[-1].lower_ for ent in persons} | unlabelled) != 1:
            return None
        return max((person_mention(ent) for ent in persons), key=len)
    return None


def unit_root(span: Span) -> Token:
    """The span's highest token, punctuation aside (``Span.root`` may pick the sentence's
    final full stop when a clause of the sentence does not contain its root)."""
    tops = [
        t
        for t in span
        if not (t.is_punct or t.is_space)
        and (t.head.i == t.i or not span.start <= t.head.i < span.end)
    ]
    if not tops:
        return span.root
    if len(tops) == 1:
        return tops[0]
    return min(tops, key=lambda t: sum(1 for _ in t.ancestors))


def _named_subject(unit: Span) -> Span | None:
    root = unit_root(unit)
    for child in root.children:
        if child.dep_ not in NOMINAL_SUBJECT_DEPS:
            continue
        for ent in unit.ents:
            if ent.start <= child.i < ent.end and ent.label_ in NAME_LABELS:
                conjuncts = [c for c in child.conjuncts if c.i > child.i]
                if conjuncts:
                    return None  # a coordination: "it" could be either
                return ent
    return None


def recent_named_subject(doc: Doc, position: int) -> Span | None:
    """The named-entity subject of the unit right before token ``position``, if any."""
    previous = units_before(doc, position, last=1)
    return _named_subject(previous[-1]) if previous else None


# --------------------------------------------------------------------------- wording


def skip_discourse_marker(tokens: Sequence[Token]) -> int:
    """Number of leading tokens that form a discourse marker (with its comma)."""
    if not tokens:
        return 0
    if tokens[0].lower_ in CONJUNCTION_MARKERS and tokens[0].pos_ == "CCONJ":
        return 2 if len(tokens) > 1 and tokens[1].text == "," else 1
    for size in range(1, 6):
        words = tuple(t.lower_ for t in tokens[:size])
        if words in COMMA_MARKERS and len(tokens) > size and tokens[size].text == ",":
            return size + 1
    return 0


# --------------------------------------------------------------------------- drafts


def _extension(span: Span, name: str) -> Any:
    """``span._.<name>``, or None when no component installed that extension."""
    return getattr(span._, name) if Span.has_extension(name) else None


def draft_from_span(span: Span) -> ClaimDraft:
    """One ``ClaimDraft`` from a claim unit the workbench components have annotated."""
    speaker: str | None = _extension(span, "speaker")
    quote = bool(_extension(span, "quote"))
    kind: Kind = "opinion" if _extension(span, "kind") == "opinion" else "fact"
    claim = _extension(span, "standalone")
    if claim is None:  # a pipeline without workbench_wording
        from workbench.splitting.clauses import standalone_wording  # clauses imports us

        claim = standalone_wording(span, speaker=speaker, quote=quote)
    return ClaimDraft(
        text=span.text,
        claim=claim,
        start=span.start_char,
        end=span.end_char,
        kind=kind,
        speaker=speaker,
        quote=quote,
        cues=tuple(_extension(span, "kind_cues") or ()),
        checkworthiness=float(_extension(span, "checkworthiness") or 0.0),
        entities=tuple(Entity(ent.text, ent.label_) for ent in span.ents),
    )


def drafts_from_doc(doc: Doc) -> list[ClaimDraft]:
    """Turn the claim units of a processed Doc into ``ClaimDraft`` values, in text order."""
    return [draft_from_span(span) for span in doc._.claim_spans]


def drafts_from_docs(docs: Iterable[Doc]) -> Iterator[list[ClaimDraft]]:
    """:func:`drafts_from_doc` for each Doc."""
    for doc in docs:
        yield drafts_from_doc(doc)
