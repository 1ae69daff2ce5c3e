"""How worth checking a claim is: a 0..1 score from transparent features.

Additive evidence — a figure, a date, named entities of the kinds fact-checkers care about,
a past event, a comparison — on top of a small base, then damped for opinions, questions and
very short sentences, clipped to 0..1 and rounded to 3 decimals. The speaker's own tokens
are not evidence about the content. A trained ranker can replace this component later as
long as it assigns ``span._.checkworthiness``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from workbench.splitting.kinds import has_date, has_number, is_question, past_event_verbs

SALIENT_LABELS = frozenset(
    {
        "GPE",
        "ORG",
        "PERSON",
        "NORP",
        "LOC",
        "FAC",
        "EVENT",
        "LAW",
        "PRODUCT",
        "MONEY",
        "PERCENT",
        "QUANTITY",
    }
)
COMPARATIVE_TAGS = frozenset({"JJR", "RBR", "JJS", "RBS"})
COMPARISON_PHRASES = frozenset(
    {
        ("down", "from"),
        ("up", "from"),
        ("compared", "with"),
        ("compared", "to"),
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("as", "many", "as"),
        ("as", "much", "as"),
        ("than",),
    }
)
CHANGE_VERBS = frozenset(
    {
        "increase",
        "decrease",
        "rise",
        "fall",
        "drop",
        "double",
        "halve",
        "triple",
        "surge",
        "plunge",
        "grow",
        "shrink",
        "decline",
        "exceed",
        "outnumber",
        "overtake",
    }
)

DEFAULT_WEIGHTS: dict[str, float] = {
    "base": 0.1,
    "number": 0.25,
    "date": 0.15,
    "entity": 0.1,  # per distinct salient entity label …
    "entity_cap": 0.2,  # … up to this much
    "past_event": 0.15,
    "comparison": 0.1,
    "opinion_factor": 0.5,
    "question_factor": 0.3,
    "short_factor": 0.6,
}


@dataclass(frozen=True)
class Features:
    """What the score is computed from."""

    number: bool
    date: bool
    entity_labels: frozenset[str]
    past_event: bool
    comparison: bool
    question: bool
    words: int


def has_comparison(span: Span, exclude: Collection[int] = ()) -> bool:
    """Comparatives, superlatives, "down from", "more than", or a finite change verb."""
    tokens = [t for t in span if t.i not in exclude]
    words = [t.lower_ for t in tokens]
    longest = max(len(p) for p in COMPARISON_PHRASES)
    for i in range(len(words)):
        if any(tuple(words[i : i + n]) in COMPARISON_PHRASES for n in range(1, longest + 1)):
            return True
    for token in tokens:
        if token.tag_ in COMPARATIVE_TAGS and token.lower_ not in {"more", "most", "less"}:
            return True
        if token.lemma_ in CHANGE_VERBS and token.pos_ == "VERB" and token.dep_ != "amod":
            return True
    return False


def features(span: Span, exclude: Collection[int] = ()) -> Features:
    """Extract the scoring features of ``span``; ``exclude`` holds the speaker's tokens."""
    return Features(
        number=has_number(span, exclude),
        date=has_date(span, exclude),
        entity_labels=frozenset(
            e.label_ for e in span.ents if e.label_ in SALIENT_LABELS and e.root.i not in exclude
        ),
        past_event=bool(past_event_verbs(span, exclude)),
        comparison=has_comparison(span, exclude),
        question=is_question(span),
        words=sum(t.is_alpha for t in span),
    )


def score(
    found: Features,
    *,
    opinion: bool = False,
    short_words: int = 6,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> float:
    """Combine features into a 0..1 score rounded to 3 decimals."""
    w = {**DEFAULT_WEIGHTS, **weights}
    value = w["base"]
    value += w["number"] * found.number
    value += w["date"] * found.date
    value += min(w["entity"] * len(found.entity_labels), w["entity_cap"])
    value += w["past_event"] * found.past_event
    value += w["comparison"] * found.comparison
    if opinion:
        value *= w["opinion_factor"]
    if found.question:
        value *= w["question_factor"]
    if found.words < short_words:
        value *= w["short_factor"]
    return round(min(max(value, 0.0), 1.0), 3)


def checkworthiness(
    span: Span,
    *,
    kind: str = "fact",
    exclude: Collection[int] = (),
    short_words: int = 6,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> float:
    """Score one claim span (see the module docstring)."""
    return score(
        features(span, exclude),
        opinion=kind == "opinion",
        short_words=short_words,
        weights=weights,
    )


def install_extensions() -> None:
    """Install ``span._.checkworthiness`` (once)."""
    if not Span.has_extension("checkworthiness"):
        Span.set_extension("checkworthiness", default=0.0)


install_extensions()


class CheckworthinessComponent:
    """spaCy component: set ``span._.checkworthiness`` on every claim unit."""

    def __init__(self, *, short_words: int, weights: Mapping[str, float]) -> None:
        self.short_words = short_words
        self.weights = {**DEFAULT_WEIGHTS, **weights}

    def __call__(self, doc: Doc) -> Doc:
        for unit in doc._.claim_spans:
            kind = unit._.kind if Span.has_extension("kind") and unit._.kind else "fact"
            bounds = unit._.source_range if Span.has_extension("source_range") else None
            unit._.checkworthiness = checkworthiness(
                unit,
                kind=kind,
                exclude=set(range(*bounds)) if bounds else set(),
                short_words=self.short_words,
                weights=self.weights,
            )
        return doc


@Language.factory(
    "workbench_checkworthiness",
    default_config={"short_words": 6, "weights": DEFAULT_WEIGHTS},
    assigns=["span._.checkworthiness"],
    requires=["doc._.claim_bounds"],
)
def make_checkworthiness(
    nlp: Language, name: str, *, short_words: int, weights: dict[str, float]
) -> CheckworthinessComponent:
    """Factory for :class:`CheckworthinessComponent`."""
    return CheckworthinessComponent(short_words=short_words, weights=weights)
