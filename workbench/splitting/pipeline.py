"""Claim units, pipeline assembly and the conversion from a parsed Doc to ``ClaimDraft`` values.

The English model is extended with our own components::

    tok2vec → tagger → workbench_paragraphs → parser → attribute_ruler → lemmatizer → ner
        → workbench_claim_units → workbench_attribution → workbench_kinds
        → workbench_checkworthiness

``workbench_paragraphs`` marks the first token of every paragraph as a sentence start before the
parser runs, so the parser never builds a sentence (or a dependency tree) across a paragraph
break. ``workbench_claim_units`` then decides which spans are claims and stores their token
bounds in ``doc._.claim_bounds``; every later component reads ``doc._.claim_spans``.

Extension points: clause splitting into atomic claims is a component placed after
``workbench_claim_units`` that rewrites ``doc._.claim_bounds``; the rule-based kind
decision is replaced by any component that assigns ``span._.kind`` and ``span._.kind_cues``
(a trained classifier), without touching the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.models import ClaimDraft, Entity, Kind

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")

#: Our components after the model's own, in pipeline order (the paragraph marker goes
#: before the parser).
COMPONENTS: tuple[str, ...] = (
    "workbench_claim_units",
    "workbench_attribution",
    "workbench_kinds",
    "workbench_checkworthiness",
)

#: Sentence-initial discourse markers dropped from the stand-alone wording. Single words
#: that are coordinating conjunctions may stand without a comma; the others need one.
CONJUNCTION_MARKERS = frozenset({"and", "but", "yet", "so", "or", "nor"})
COMMA_MARKERS = frozenset(
    {
        ("however",),
        ("meanwhile",),
        ("moreover",),
        ("furthermore",),
        ("nevertheless",),
        ("nonetheless",),
        ("still",),
        ("instead",),
        ("besides",),
        ("also",),
        ("indeed",),
        ("separately",),
        ("additionally",),
        ("likewise",),
        ("similarly",),
        ("consequently",),
        ("thus",),
        ("therefore",),
        ("hence",),
        ("then",),
        ("now",),
        ("in", "addition"),
        ("in", "fact"),
        ("in", "turn"),
        ("as", "a", "result"),
        ("at", "the", "same", "time"),
        ("on", "the", "other", "hand"),
        ("by", "contrast"),
        ("in", "contrast"),
        ("even", "so"),
        ("all", "the", "same"),
        ("for", "its", "part"),
        ("for", "his", "part"),
        ("for", "her", "part"),
        ("for", "their", "part"),
    }
)

QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "«", "»", "'"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSON_PRONOUNS = frozenset({"he", "she"})
NAMED_SUBJECT_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


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


def units_before(doc: Doc, position: int) -> list[Span]:
    """Claim units that end at or before token ``position``."""
    return [unit for unit in doc._.claim_spans if unit.end <= position]


def recent_person(doc: Doc, position: int, *, window: int = 3) -> str | None:
    """The most recent PERSON named in the ``window`` units before token ``position``.

    Only returned when it is obvious: the nearest unit that names anyone names exactly one
    person (mentions sharing a surname count as one; the longest mention is returned). A
    proper name the entity recogniser left unlabelled counts as another possible person, so
    "Anton Halvard met Irena Vos" is ambiguous even when "Irena Vos" was missed.
    """
    for unit in reversed(units_before(doc, position)[-window:]):
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
        return max(persons, key=len).text
    return None


def _named_subject(unit: Span) -> Span | None:
    root = unit.root
    for child in root.children:
        if child.dep_ not in SUBJECT_DEPS:
            continue
        for ent in unit.ents:
            if ent.start <= child.i < ent.end and ent.label_ in NAMED_SUBJECT_LABELS:
                conjuncts = [c for c in child.conjuncts if c.i > child.i]
                if conjuncts:
                    return None  # a coordination: "it" could be either
                return ent
    return None


def recent_named_subject(doc: Doc, position: int) -> Span | None:
    """The named-entity subject of the unit right before token ``position``, if any."""
    previous = units_before(doc, position)
    return _named_subject(previous[-1]) if previous else None


# --------------------------------------------------------------------------- wording


def _skip_discourse_marker(tokens: list[Token]) -> int:
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


def _pronoun_replacement(token: Token, span: Span, speaker: str | None, quote: bool) -> str | None:
    if token.dep_ not in SUBJECT_DEPS:
        return None
    word = token.lower_
    if word in PERSON_PRONOUNS:
        if quote:
            return None  # a third person inside someone's words: not obviously the last name
        return recent_person(span.doc, span.start)
    if word == "it" and not quote:
        subject = recent_named_subject(span.doc, span.start)
        if subject is not None and subject.label_ != "PERSON" and subject.root.tag_ == "NNP":
            return subject.text
        return None
    if word == "i" and quote and speaker:
        verb = token.head
        aux_tags = {child.tag_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
        if verb.tag_ == "VBD" or "MD" in aux_tags:  # no agreement change needed
            return f"[{speaker}]"  # the editorial convention for a change inside a quotation
    return None


def standalone_wording(span: Span, *, speaker: str | None = None, quote: bool = False) -> str:
    """A stand-alone wording of the claim; equal to ``span.text`` unless a rule applies.

    Drops a leading discourse marker ("However,", "Meanwhile,", "But", "And" …) and replaces
    a leading pronoun subject when the referent is obvious: "he"/"she" by the most recent
    person (see :func:`recent_person`), "it" by the previous sentence's named subject, and
    "I" opening a direct quote by the quoted speaker in square brackets — and only before a
    past-tense verb or a modal, where the verb form does not change ("[Karl Brandt] will
    not resign"). Words inside a quotation are otherwise never changed.
    """
    tokens = list(span)
    skip = _skip_discourse_marker(tokens)
    rest = tokens[skip:]
    if not rest:
        return span.text
    head = 0
    while head < len(rest) and rest[head].text in QUOTE_MARKS:
        head += 1
    replacement = None
    if head < len(rest) and rest[head].pos_ == "PRON":
        replacement = _pronoun_replacement(rest[head], span, speaker, quote)
    if skip == 0 and replacement is None:
        return span.text
    start = rest[0].idx
    text = span.doc.text
    if replacement is not None:
        pronoun = rest[head]
        wording = (
            text[start : pronoun.idx]
            + replacement
            + text[pronoun.idx + len(pronoun.text) : span.end_char]
        )
    else:
        wording = text[start : span.end_char]
    for i, ch in enumerate(wording):
        if ch.isalpha():
            return wording[:i] + ch.upper() + wording[i + 1 :]
    return wording


# --------------------------------------------------------------------------- drafts


def _extension(span: Span, name: str) -> Any:
    """``span._.<name>``, or None when no component installed that extension."""
    return getattr(span._, name) if Span.has_extension(name) else None


def draft_from_span(span: Span) -> ClaimDraft:
    """One ``ClaimDraft`` from a claim unit the workbench components have annotated."""
    speaker: str | None = _extension(span, "speaker")
    quote = bool(_extension(span, "quote"))
    kind: Kind = "opinion" if _extension(span, "kind") == "opinion" else "fact"
    return ClaimDraft(
        text=span.text,
        claim=standalone_wording(span, speaker=speaker, quote=quote),
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
