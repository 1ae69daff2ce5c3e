"""Fact or opinion, decided from weighted cues that are kept with the decision.

Opinion cues (rendered as ``"category: word"``):

* ``evaluative`` — an evaluative adjective used as a predicate ("the deal was shameful") or
  modifying a noun ("a remarkable moment"), or an evaluative noun used as a predicate ("the
  deal was a provocation");
* ``intensifier`` ("really", "utterly"), ``stance`` ("clearly", "sadly"), ``hedge``
  ("may well", "perhaps", "seems to"), ``modal`` speculation ("may", "might", "could"),
  ``normative`` ("should", "must");
* ``prediction`` ("expected to", "likely to", "analysts predict");
* ``question`` — every question the sentence ends with is treated as rhetorical: a news
  sentence that asks something asserts nothing checkable;
* loaded labels, rendered bare: ``dubbed``, ``so-called``, ``self-styled`` ….

Objectivity cues, rendered bare: ``number``, ``date``, ``named entity``, ``past event``,
``scheduled event``.

Decisions documented here:

* Predictions about scheduled events are facts. When the predicted event is anchored to a
  specific time ("expected to meet again in September") or reported as scheduled ("due to",
  "set to", "scheduled to"), the prediction cue is kept but weighs nothing and a
  ``scheduled event`` cue is added: whether the meeting is scheduled can be checked now.
* Reported opinions: in "X said the deal was a provocation" it is a fact that X said it, but
  the content is X's opinion. This first version decides the kind from the *content* and adds
  ``speaker: X`` to the cues; the speaker's own tokens never count as objectivity cues.
* The kind is "opinion" when the opinion weight is larger than the objectivity weight,
  "fact" otherwise (ties go to "fact": the reviewer sees the cues either way).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.attribution import LABELING_VERBS, REPORTING_VERBS

EVALUATIVE_ADJECTIVES = frozenset(
    {
        "absurd",
        "admirable",
        "alarming",
        "amazing",
        "appalling",
        "astonishing",
        "awful",
        "bad",
        "beautiful",
        "bizarre",
        "bold",
        "brave",
        "brilliant",
        "careless",
        "catastrophic",
        "clumsy",
        "commendable",
        "courageous",
        "cowardly",
        "crazy",
        "cruel",
        "cynical",
        "deplorable",
        "disappointing",
        "disastrous",
        "disgraceful",
        "dishonest",
        "dreadful",
        "dubious",
        "encouraging",
        "excellent",
        "extraordinary",
        "fantastic",
        "foolish",
        "fortunate",
        "generous",
        "good",
        "great",
        "historic",
        "horrible",
        "horrific",
        "hypocritical",
        "idiotic",
        "impressive",
        "inexcusable",
        "incompetent",
        "incredible",
        "insane",
        "irresponsible",
        "laudable",
        "ludicrous",
        "magnificent",
        "misguided",
        "naive",
        "outrageous",
        "pathetic",
        "pointless",
        "poor",
        "promising",
        "reckless",
        "regrettable",
        "remarkable",
        "ridiculous",
        "scandalous",
        "senseless",
        "shameful",
        "shocking",
        "silly",
        "splendid",
        "staggering",
        "stunning",
        "stupid",
        "superb",
        "terrible",
        "tragic",
        "troubling",
        "unacceptable",
        "unbelievable",
        "unfair",
        "unfortunate",
        "unjust",
        "unwise",
        "weak",
        "welcome",
        "wise",
        "wonderful",
        "worrying",
        "worthless",
        "wrong",
    }
)
EVALUATIVE_NOUNS = frozenset(
    {
        "blunder",
        "betrayal",
        "catastrophe",
        "charade",
        "debacle",
        "disaster",
        "disgrace",
        "failure",
        "farce",
        "fiasco",
        "folly",
        "hypocrisy",
        "masterstroke",
        "mistake",
        "nonsense",
        "outrage",
        "provocation",
        "scandal",
        "sham",
        "shame",
        "stunt",
        "success",
        "travesty",
        "triumph",
        "tragedy",
        "victory",
    }
)
#: Fixed phrases where an evaluative word is not an evaluation ("a great deal of").
NON_EVALUATIVE_PAIRS = frozenset(
    {("great", "deal"), ("great", "many"), ("good", "friday"), ("good", "will"), ("bad", "debt")}
)
INTENSIFIERS = frozenset(
    {
        "absolutely",
        "awfully",
        "deeply",
        "enormously",
        "exceptionally",
        "extremely",
        "hugely",
        "immensely",
        "incredibly",
        "profoundly",
        "really",
        "terribly",
        "totally",
        "tremendously",
        "truly",
        "utterly",
        "vastly",
        "very",
    }
)
STANCE_ADVERBS = frozenset(
    {
        "admittedly",
        "clearly",
        "evidently",
        "frankly",
        "fortunately",
        "hopefully",
        "inevitably",
        "ironically",
        "obviously",
        "regrettably",
        "sadly",
        "surely",
        "thankfully",
        "undoubtedly",
        "unfortunately",
    }
)
HEDGE_WORDS = frozenset(
    {
        "allegedly",
        "apparently",
        "arguably",
        "conceivably",
        "likely",
        "maybe",
        "perhaps",
        "possibly",
        "presumably",
        "probably",
        "purportedly",
        "reportedly",
        "seemingly",
        "somewhat",
        "supposedly",
    }
)
HEDGE_PHRASES = frozenset(
    {
        ("may", "well"),
        ("might", "well"),
        ("could", "well"),
        ("it", "seems"),
        ("it", "appears"),
        ("seems", "to"),
        ("seem", "to"),
        ("seemed", "to"),
        ("appears", "to"),
        ("appear", "to"),
        ("appeared", "to"),
        ("to", "some", "extent"),
        ("to", "a", "degree"),
        ("in", "some", "ways"),
        ("in", "a", "sense"),
        ("more", "or", "less"),
        ("it", "is", "possible"),
        ("there", "is", "a", "chance"),
        ("could", "be", "argued"),
    }
)
SPECULATIVE_MODALS = frozenset({"may", "might", "could"})
NORMATIVE_MODALS = frozenset({"should", "must", "ought"})
PREDICTION_VERBS = frozenset({"expect", "predict", "forecast", "project", "anticipate", "foresee"})
PREDICTION_ADJECTIVES = frozenset({"likely", "unlikely", "poised", "bound", "certain", "sure"})
SCHEDULE_WORDS = frozenset({"scheduled", "due", "set", "slated", "timetabled"})
LOADED_LABELS = re.compile(
    r"\b(?:so-called|self-styled|self-proclaimed|self-declared|would-be)\b",
    re.IGNORECASE,
)
LABEL_VERB_FORMS = frozenset(
    {"dubbed", "branded", "labelled", "labeled", "nicknamed", "termed", "christened"}
)
COPULAS = frozenset({"be", "seem", "appear", "become", "remain", "look", "sound", "prove"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
DATE_LABELS = frozenset({"DATE", "TIME"})
NAMED_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
TIME_ANCHORS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tonight",
        "tomorrow",
        "next",
    }
)
NON_EVENT_LEMMAS = (
    REPORTING_VERBS
    | LABELING_VERBS
    | PREDICTION_VERBS
    | COPULAS
    | frozenset({"have", "know", "want", "like", "feel", "mean", "seem", "need"})
)

#: Weight of each cue category. Opinion categories add to the opinion score, the others to
#: the objectivity score; "speaker" is informative only.
DEFAULT_WEIGHTS: dict[str, float] = {
    "evaluative": 1.0,
    "intensifier": 0.5,
    "stance": 0.75,
    "hedge": 1.0,
    "modal": 0.75,
    "normative": 1.0,
    "prediction": 1.0,
    "question": 2.0,
    "label": 1.0,
    "speaker": 0.0,
    "number": 1.0,
    "date": 0.5,
    "named_entity": 0.5,
    "past_event": 0.5,
    "scheduled_event": 0.5,
}
OPINION_CATEGORIES = frozenset(
    {
        "evaluative",
        "intensifier",
        "stance",
        "hedge",
        "modal",
        "normative",
        "prediction",
        "question",
        "label",
    }
)


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for the kind decision."""

    category: str
    text: str  # as shown to the reviewer: "evaluative: remarkable", "number", "dubbed"
    weight_factor: float = 1.0  # 0.0 keeps a cue visible without letting it count


@dataclass(frozen=True)
class KindDecision:
    """The kind with the cues that made it, and both scores."""

    kind: str
    cues: tuple[str, ...]
    opinion_score: float
    fact_score: float


# --------------------------------------------------------------------------- detectors


def _tokens(span: Span, exclude: Collection[int]) -> list[Token]:
    return [t for t in span if t.i not in exclude]


def evaluative_cues(span: Span, exclude: Collection[int] = ()) -> list[Cue]:
    """Evaluative adjectives as predicates or noun modifiers; evaluative predicate nouns."""
    cues = []
    for token in _tokens(span, exclude):
        lemma = token.lemma_.lower()
        if token.pos_ == "ADJ" and lemma in EVALUATIVE_ADJECTIVES and not token.ent_type_:
            head = token.head
            if (lemma, head.lower_) in NON_EVALUATIVE_PAIRS:
                continue
            predicate = token.dep_ in {"acomp", "attr", "oprd"} or (
                token.dep_ == "conj" and head.pos_ == "ADJ"
            )
            modifier = token.dep_ == "amod" and head.pos_ in {"NOUN", "PROPN", "PRON"}
            if predicate or modifier or token.dep_ == "ROOT":
                cues.append(Cue("evaluative", f"evaluative: {lemma}"))
        elif token.pos_ == "NOUN" and lemma in EVALUATIVE_NOUNS:
            predicate = token.dep_ in {"attr", "oprd"} and token.head.lemma_ in COPULAS | {"call"}
            if predicate or token.dep_ == "ROOT":
                cues.append(Cue("evaluative", f"evaluative: {lemma}"))
    return cues


def _phrase_matches(span: Span, phrases: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    words = [t.lower_ for t in span]
    found = []
    longest = max((len(p) for p in phrases), default=0)
    for i in range(len(words)):
        for size in range(longest, 0, -1):
            if tuple(words[i : i + size]) in phrases:
                found.append((span.start + i, span.start + i + size))
                break
    return found


def hedge_cues(span: Span, exclude: Collection[int] = ()) -> list[Cue]:
    """Hedging phrases ("may well", "seems to") and hedging adverbs ("perhaps")."""
    cues = []
    doc = span.doc
    for start, end in _phrase_matches(span, HEDGE_PHRASES):
        if start not in exclude:
            cues.append(Cue("hedge", f"hedge: {doc[start:end].text.lower()}"))
    for token in _tokens(span, exclude):
        if token.pos_ == "ADV" and token.lower_ in HEDGE_WORDS:
            cues.append(Cue("hedge", f"hedge: {token.lower_}"))
    return cues


def modal_cues(span: Span, exclude: Collection[int] = ()) -> list[Cue]:
    """Speculative ("could") and normative ("should") modal auxiliaries outside hedges."""
    in_hedge = {i for start, end in _phrase_matches(span, HEDGE_PHRASES) for i in range(start, end)}
    cues = []
    for token in _tokens(span, exclude):
        if token.tag_ != "MD" or token.i in in_hedge:
            continue
        if token.lower_ in SPECULATIVE_MODALS:
            cues.append(Cue("modal", f"modal: {token.lower_}"))
        elif token.lower_ in NORMATIVE_MODALS:
            cues.append(Cue("normative", f"normative: {token.lower_}"))
    return cues


def adverb_cues(span: Span, exclude: Collection[int] = ()) -> list[Cue]:
    """Intensifiers ("really") and stance adverbs ("clearly")."""
    cues = []
    for token in _tokens(span, exclude):
        if token.pos_ != "ADV":
            continue
        if token.lower_ in INTENSIFIERS:
            cues.append(Cue("intensifier", f"intensifier: {token.lower_}"))
        elif token.lower_ in STANCE_ADVERBS:
            cues.append(Cue("stance", f"stance: {token.lower_}"))
    return cues


def is_time_anchor(ent: Span) -> bool:
    """A DATE/TIME entity that names a point in time ("in September", "2027", "next week")."""
    return ent.label_ in DATE_LABELS and any(
        t.lower_ in TIME_ANCHORS or any(ch.isdigit() for ch in t.text) for t in ent
    )


def _followed_by_to_verb(token: Token) -> bool:
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].lower_ == "to"
        and doc[token.i + 2].pos_ in {"VERB", "AUX"}
    )


def prediction_cues(span: Span, exclude: Collection[int] = ()) -> list[Cue]:
    """Predictions, and schedules.

    "expected to" with a time anchor ("expected to meet again in September") is how news
    reports a scheduled event, and so are "due to", "set to", "scheduled to": these give a
    ``scheduled event`` cue and the prediction cue weighs nothing. Estimates ("likely to",
    "predict", "forecast") stay predictions whatever their date.
    """
    anchored = any(is_time_anchor(ent) for ent in span.ents)
    cues = []
    schedule_seen = False
    for token in _tokens(span, exclude):
        word = token.lower_
        if token.pos_ == "VERB" and token.lemma_ == "expect" and _followed_by_to_verb(token):
            text = f"{word} to"
            if anchored:
                schedule_seen = True
                cues.append(Cue("prediction", f"prediction: {text}", 0.0))
                continue
        elif token.pos_ == "VERB" and token.lemma_ in PREDICTION_VERBS:
            text = f"{word} to" if _followed_by_to_verb(token) else word
        elif token.pos_ == "ADJ" and word in PREDICTION_ADJECTIVES and _followed_by_to_verb(token):
            text = f"{word} to"
        elif word in SCHEDULE_WORDS and _followed_by_to_verb(token):
            schedule_seen = True
            continue
        elif (word, *[t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]) == (
            "on",
            "track",
            "to",
        ):
            text = "on track to"
        else:
            continue
        cues.append(Cue("prediction", f"prediction: {text}"))
    if schedule_seen:
        cues.append(Cue("scheduled_event", "scheduled event"))
    return cues


def is_question(span: Span) -> bool:
    """True when the span ends with a question mark (closing quotes ignored)."""
    return span.text.rstrip().rstrip("\"'”’»)").endswith("?")


def label_cues(span: Span, exclude: Collection[int] = ()) -> list[Cue]:
    """Loaded labels: "dubbed", "branded" (as verbs), "so-called", "self-styled" …."""
    cues = []
    for token in _tokens(span, exclude):
        if token.pos_ == "VERB" and token.lower_ in LABEL_VERB_FORMS:
            cues.append(Cue("label", token.lower_))
    for match in LOADED_LABELS.finditer(span.text):
        cues.append(Cue("label", match.group(0).lower()))
    return cues


def _has_magnitude(tokens: Span | list[Token]) -> bool:
    return any(any(ch.isdigit() for ch in t.text) or t.lower_ in MAGNITUDES for t in tokens)


def has_number(span: Span, exclude: Collection[int] = ()) -> bool:
    """A figure: an amount, percentage or quantity, or a number written with digits.

    Numbers inside dates count as dates, and small spelled-out counts ("the two leaders")
    do not count.
    """
    for ent in span.ents:
        if ent.label_ in NUMBER_LABELS and ent.start not in exclude and _has_magnitude(ent):
            return True
    return any(
        t.like_num and t.ent_type_ not in DATE_LABELS and _has_magnitude([t])
        for t in _tokens(span, exclude)
    )


def has_date(span: Span, exclude: Collection[int] = ()) -> bool:
    """A DATE or TIME entity."""
    return any(ent.label_ in DATE_LABELS and ent.start not in exclude for ent in span.ents)


def named_entities(span: Span, exclude: Collection[int] = ()) -> list[Span]:
    """Named entities (people, places, organisations …) outside ``exclude``."""
    return [e for e in span.ents if e.label_ in NAMED_LABELS and e.root.i not in exclude]


def past_event_verbs(span: Span, exclude: Collection[int] = ()) -> list[Token]:
    """Verbs reporting something that happened: simple past, or perfect/passive participles.

    Reporting, labelling, prediction and stative verbs are not events.
    """
    verbs = []
    for token in _tokens(span, exclude):
        if token.pos_ != "VERB" or token.lemma_ in NON_EVENT_LEMMAS:
            continue
        perfect_or_passive = token.tag_ == "VBN" and any(
            child.dep_ in {"aux", "auxpass"} and child.lemma_ in {"have", "be"}
            for child in token.children
        )
        if token.tag_ == "VBD" or perfect_or_passive:
            verbs.append(token)
    return verbs


def objectivity_cues(span: Span, exclude: Collection[int] = ()) -> list[Cue]:
    """``number``, ``date``, ``named entity`` and ``past event`` cues."""
    cues = []
    if has_number(span, exclude):
        cues.append(Cue("number", "number"))
    if has_date(span, exclude):
        cues.append(Cue("date", "date"))
    if named_entities(span, exclude):
        cues.append(Cue("named_entity", "named entity"))
    if past_event_verbs(span, exclude):
        cues.append(Cue("past_event", "past event"))
    return cues


def detect_cues(
    span: Span, *, speaker: str | None = None, exclude: Collection[int] = ()
) -> list[Cue]:
    """Every cue of ``span``: opinion cues first, then objectivity cues, then the speaker.

    ``exclude`` holds doc token indices (the speaker phrase) that must not count.
    """
    cues: list[Cue] = []
    cues += evaluative_cues(span, exclude)
    cues += adverb_cues(span, exclude)
    cues += hedge_cues(span, exclude)
    cues += modal_cues(span, exclude)
    cues += prediction_cues(span, exclude)
    cues += label_cues(span, exclude)
    if is_question(span):
        cues.append(Cue("question", "question"))
    cues += objectivity_cues(span, exclude)
    if speaker:
        cues.append(Cue("speaker", f"speaker: {speaker}"))
    return cues


def decide(cues: list[Cue], weights: Mapping[str, float] = DEFAULT_WEIGHTS) -> KindDecision:
    """Weigh the cues: "opinion" when opinion cues outweigh objectivity cues, else "fact"."""
    opinion = fact = 0.0
    seen: dict[str, None] = {}
    for cue in cues:
        if cue.text in seen:
            continue
        seen[cue.text] = None
        weight = weights.get(cue.category, 0.0) * cue.weight_factor
        if cue.category in OPINION_CATEGORIES:
            opinion += weight
        else:
            fact += weight
    kind = "opinion" if opinion > fact else "fact"
    return KindDecision(kind, tuple(seen), round(opinion, 3), round(fact, 3))


def classify(
    span: Span,
    *,
    speaker: str | None = None,
    exclude: Collection[int] = (),
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> KindDecision:
    """Kind of one claim span with its cues (see the module docstring for the rules)."""
    return decide(detect_cues(span, speaker=speaker, exclude=exclude), weights)


# --------------------------------------------------------------------------- component


def install_extensions() -> None:
    """Install ``span._.kind`` and ``span._.kind_cues`` (once)."""
    if not Span.has_extension("kind"):
        Span.set_extension("kind", default=None)
    if not Span.has_extension("kind_cues"):
        Span.set_extension("kind_cues", default=())


install_extensions()


def _speaker_exclusion(span: Span) -> tuple[str | None, set[int]]:
    if not Span.has_extension("speaker"):
        return None, set()
    bounds = span._.source_range
    return span._.speaker, set(range(*bounds)) if bounds else set()


class KindComponent:
    """spaCy component: set kind and cues on every claim unit."""

    def __init__(self, *, weights: Mapping[str, float]) -> None:
        self.weights = {**DEFAULT_WEIGHTS, **weights}

    def __call__(self, doc: Doc) -> Doc:
        for unit in doc._.claim_spans:
            speaker, exclude = _speaker_exclusion(unit)
            decision = classify(unit, speaker=speaker, exclude=exclude, weights=self.weights)
            unit._.kind = decision.kind
            unit._.kind_cues = decision.cues
        return doc


@Language.factory(
    "workbench_kinds",
    default_config={"weights": DEFAULT_WEIGHTS},
    assigns=["span._.kind", "span._.kind_cues"],
    requires=["doc._.claim_bounds"],
)
def make_kinds(nlp: Language, name: str, *, weights: dict[str, float]) -> KindComponent:
    """Factory for :class:`KindComponent`."""
    return KindComponent(weights=weights)
