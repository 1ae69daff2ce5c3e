"""Multi-token patterns of the lexicon, matched once per Doc by spaCy's SpanRuler.

The ``workbench_patterns`` component is a :class:`spacy.pipeline.SpanRuler` whose patterns
are made from the lexicon (:mod:`~workbench.splitting.lexicon`): phrase lists become phrase
patterns on lower-case tokens, and the "X to VERB" frames token patterns. It writes every
match to ``doc.spans["workbench_patterns"]``, labelled by family, where the cue detectors
read them (:class:`~workbench.splitting.view.DocView`). Like any SpanRuler it keeps its
patterns in a saved pipeline (``nlp.to_disk`` / ``spacy.load``).

Families (span labels):

* ``HEDGE`` — the ``hedge_phrases`` list ("may well", "it seems");
* ``OBLIGATION`` — the ``obligation_phrases`` list ("we have to", "we need to");
* ``COMPARISON`` — the ``comparison_phrases`` list ("more than", "down from");
* ``RECORD`` — the ``record_phrases`` list ("the first time");
* ``NO_COMMENT`` — the ``no_comment_phrases`` list ("declined to comment");
* ``TOPIC`` — the ``topic_phrases`` list ("when it comes to", "as for");
* ``ORDINAL_IDIOM`` — the ``ordinal_idioms`` list ("at first", "first of all", "think twice"), whose
  ordinal or count adverb counts nothing;
* ``TO_VERB`` — a word that can frame a forecast or a schedule (a prediction verb, a
  prediction adjective, a schedule word) followed by "to" and a verb: "expected to rise",
  "likely to fall", "due to meet";
* ``ON_TRACK`` — "on track to", a forecast;
* ``ACCORDING_TO`` — "according to";
* ``SOURCE_FROM`` — a document or data noun followed by its issuer's preposition
  ("figures from", "a report by"): the opening of "figures from X show".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from workbench.splitting.lexicon import WordList, load_lexicon

SPANS_KEY = "workbench_patterns"
PHRASE_FAMILIES = {
    "HEDGE": "hedge_phrases",
    "OBLIGATION": "obligation_phrases",
    "COMPARISON": "comparison_phrases",
    "RECORD": "record_phrases",
    "NO_COMMENT": "no_comment_phrases",
    "TOPIC": "topic_phrases",
    "ORDINAL_IDIOM": "ordinal_idioms",
}
#: Lists whose words can open a "to VERB" frame; prediction verbs match by lemma.
TO_VERB_WORDS = ("prediction_adjectives", "schedule_words")
VERB_POS = ["VERB", "AUX"]


def patterns_from(lists: Mapping[str, WordList]) -> list[dict]:
    """SpanRuler patterns for the lexicon ``lists``, in a stable order."""
    out: list[dict] = []
    for label, name in PHRASE_FAMILIES.items():
        for phrase in sorted(lists[name].phrases):
            out.append({"label": label, "pattern": " ".join(phrase), "id": name})
    openers = sorted(set().union(*(lists[name].words for name in TO_VERB_WORDS)))
    verbs = sorted(lists["prediction_verbs"].words)
    tail = [{"LOWER": "to"}, {"POS": {"IN": VERB_POS}}]
    out.append({"label": "TO_VERB", "pattern": [{"LOWER": {"IN": openers}}, *tail]})
    out.append({"label": "TO_VERB", "pattern": [{"LEMMA": {"IN": verbs}}, *tail]})
    out.append({"label": "ACCORDING_TO", "pattern": [{"LOWER": "according"}, {"LOWER": "to"}]})
    on_track = [{"LOWER": "on"}, {"LOWER": "track"}, {"LOWER": "to"}]
    out.append({"label": "ON_TRACK", "pattern": on_track})
    nouns = sorted({v for w in lists["source_nouns"].words for v in (w, w.title(), w.upper())})
    issuers = sorted(lists["issuer_prepositions"].words)
    source = {"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}
    out.append({"label": "SOURCE_FROM", "pattern": [source, {"LOWER": {"IN": issuers}}]})
    return out


def _configured(lexicon: Iterable[str | Path] | None) -> dict[str, WordList]:
    """The lexicon a component's config names (None: the user's own files)."""
    return load_lexicon(None if lexicon is None else [Path(p) for p in lexicon])


def new_ruler(
    vocab: Vocab, lang: str, name: str, lexicon: Iterable[str | Path] | None
) -> SpanRuler:
    """A SpanRuler holding the lexicon's patterns (``lexicon``: extra user lexicon files,
    None for the user's own, see :func:`~workbench.splitting.lexicon.user_paths`)."""
    lists = _configured(lexicon)
    # phrase patterns only need the tokenizer: a blank pipeline on the same vocabulary
    ruler = SpanRuler(
        spacy.blank(lang, vocab=vocab),
        name,
        spans_key=SPANS_KEY,
        phrase_matcher_attr="LOWER",
        validate=True,
        overwrite=True,
    )
    ruler.add_patterns(patterns_from(lists))
    return ruler


@Language.factory(
    "workbench_patterns",
    default_config={"lexicon": None},
    assigns=["doc.spans"],
)
def make_patterns(nlp: Language, name: str, *, lexicon: list[str] | None) -> SpanRuler:
    """Factory: a SpanRuler with the lexicon's patterns (see the module docstring)."""
    return new_ruler(nlp.vocab, nlp.lang, name, lexicon)


class LemmaFixes:
    """spaCy component: the lemma of a verb form the model lemmatises wrongly ("hoped" is
    "hope", not "hop"), from the lexicon's ``lemma_fixes`` list, before any rule reads it.
    The forms are found by a PhraseMatcher, so the component costs next to nothing."""

    def __init__(self, nlp: Language, fixes: Mapping[str, str]) -> None:
        self.fixes = dict(fixes)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        blank = spacy.blank(nlp.lang, vocab=nlp.vocab)
        self.matcher.add("LEMMA_FIX", [blank.make_doc(form) for form in sorted(self.fixes)])

    def __call__(self, doc: Doc) -> Doc:
        for _, start, _ in self.matcher(doc):
            token = doc[start]
            if token.pos_ in VERB_POS:
                token.lemma_ = self.fixes[token.lower_]
        return doc


@Language.factory(
    "workbench_lemmas",
    default_config={"lexicon": None},
    assigns=["token.lemma"],
)
def make_lemma_fixes(nlp: Language, name: str, *, lexicon: list[str] | None) -> LemmaFixes:
    """Factory for :class:`LemmaFixes`."""
    lists = _configured(lexicon)
    return LemmaFixes(nlp, {form: lemma for form, lemma in lists["lemma_fixes"].phrases})


if not Doc.has_extension("pattern_matches"):
    Doc.set_extension("pattern_matches", default=None)


def matches(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """The pattern matches of ``doc`` by family, as (start, end) token offsets in order.

    Read from the span group the component wrote, once per Doc: the result is kept on it
    (``doc._.pattern_matches``, read-only to callers) until :func:`release_matches`, as
    every claim's frame asks for it. A Doc that did not go through the component (built by
    hand, or by a pipeline without it) is matched here with the shipped lexicon, each time.
    """
    if SPANS_KEY not in doc.spans:
        return _by_family(new_ruler(doc.vocab, "en", SPANS_KEY, None).match(doc))
    found = doc._.pattern_matches
    if found is None:
        found = _by_family(doc.spans[SPANS_KEY])
        doc._.pattern_matches = found
    return found


def release_matches(doc: Doc) -> None:
    """Drop the matches kept on ``doc`` (so the Doc stays serialisable between processes)."""
    doc._.pattern_matches = None


def _by_family(spans: Iterable[Span]) -> dict[str, list[tuple[int, int]]]:
    found = [(span.label_, span.start, span.end) for span in spans]
    out: dict[str, list[tuple[int, int]]] = {}
    for label, start, end in sorted(found, key=lambda m: (m[1], m[2])):
        out.setdefault(label, []).append((start, end))
    return out
