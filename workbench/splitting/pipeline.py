"""Claim units, pipeline assembly and the conversion from a parsed Doc to ``ClaimDraft`` values.

The English model is extended with our own components::

    tok2vec → tagger → workbench_paragraphs → parser → attribute_ruler → lemmatizer → ner
        → workbench_parse_repairs → workbench_lemmas → workbench_patterns
        → workbench_claim_units → workbench_clauses → workbench_attribution
        → workbench_speakers → workbench_wording → workbench_kinds → workbench_checkworthiness

``workbench_paragraphs`` marks the first token of every paragraph as a sentence start before the
parser runs, so the parser never builds a sentence (or a dependency tree) across a paragraph
break. ``workbench_parse_repairs`` (:mod:`~workbench.splitting.parse_repairs`) mends a
subject the parser split in pieces before any rule reads it. ``workbench_claim_units``
then stores sentence-level claim bounds in ``doc._.claim_bounds``, ``workbench_clauses``
(:mod:`~workbench.splitting.clauses`) rewrites them into atomic clauses, and every later
component reads ``doc._.claim_spans``.
``workbench_attribution`` sets the speaker and the attributed content of each claim,
``workbench_speakers`` (:mod:`~workbench.splitting.speakers`) settles quotations and pronoun
speakers across sentences, ``workbench_wording`` its stand-alone wording (``span._.standalone``).

Extension point: the rule-based kind decision is replaced by any component that assigns
``span._.kind`` and ``span._.kind_cues`` (a trained classifier), without touching the rest.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from workbench.core.values import ClaimDraft, Entity, Kind
from workbench.splitting import (  # noqa: F401  (importing them registers the factories)
    attribution,
    checkworthiness,
    clauses,
    kinds,
    parse_repairs,
    patterns,
    speakers,
    units,
)
from workbench.splitting.entities import ents_of, release_entities
from workbench.splitting.frames import claim_frame
from workbench.splitting.patterns import release_matches
from workbench.splitting.tokens import label_tokens, span_extension
from workbench.splitting.wording import standalone_wording

#: Our components after the model's own, in pipeline order (the paragraph marker goes
#: before the parser).
COMPONENTS: tuple[str, ...] = (
    "workbench_parse_repairs",
    "workbench_lemmas",
    "workbench_patterns",
    "workbench_claim_units",
    "workbench_clauses",
    "workbench_attribution",
    "workbench_speakers",
    "workbench_wording",
    "workbench_kinds",
    "workbench_checkworthiness",
)


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


# --------------------------------------------------------------------------- drafts


def draft_from_span(span: Span) -> ClaimDraft:
    """One ``ClaimDraft`` from a claim unit the workbench components have annotated."""
    speaker: str | None = span_extension(span, "speaker")
    quote = bool(span_extension(span, "quote"))
    kind: Kind = "opinion" if span_extension(span, "kind") == "opinion" else "fact"
    claim = span_extension(span, "standalone")
    if claim is None:  # a pipeline without workbench_wording
        claim = standalone_wording(span, speaker=speaker, quote=quote)
    cues = list(span_extension(span, "kind_cues") or ())
    cue = span_extension(span, "attribution_cue")
    if speaker is not None and cue:  # the verb that frames it, before the model's verdict
        at = len(cues) - 1 if cues and cues[-1].startswith("model:") else len(cues)
        cues.insert(at, f"cue: {cue}")
    return ClaimDraft(
        text=span.text,
        claim=claim,
        start=span.start_char,
        end=span.end_char,
        kind=kind,
        speaker=speaker,
        quote=quote,
        cues=tuple(cues),
        checkworthiness=float(span_extension(span, "checkworthiness") or 0.0),
        entities=tuple(Entity(ent.text, ent.label_) for ent in ents_of(span)),
        stance=span_extension(span, "stance") or "asserts",
        speaker_type=span_extension(span, "speaker_type") if speaker is not None else None,
        frame=claim_frame(
            span,
            _content(span),
            span_extension(span, "stance") or "asserts",
            subject_names=span_extension(span, "subject_names") or (),
        ),
    )


def _content(span: Span) -> set[int] | None:
    """What the claim asserts: the attributed content, without labels that are claims of
    their own; None for the whole span."""
    content = span_extension(span, "content")
    labels = label_tokens(span)
    if content is None and not labels:
        return None
    kept = set(content) if content is not None else set(range(span.start, span.end))
    return kept - labels


def drafts_from_doc(doc: Doc) -> list[ClaimDraft]:
    """Turn the claim units of a processed Doc into ``ClaimDraft`` values, in text order."""
    drafts = [draft_from_span(span) for span in doc._.claim_spans]
    release_entities(doc)
    release_matches(doc)
    return drafts
