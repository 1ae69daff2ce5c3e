"""Fact or opinion: explainable cues and a learned classifier that combine.

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
``scheduled event``, ``quotation`` (quotation marks in the content) and ``reported speech:
said`` (a reporting verb in the past tense).

How the decision is made (:func:`classify_kind`, :func:`combine`):

* The shipped subjectivity model (:mod:`workbench.splitting.models`, logistic regression trained on
  NewsSD-ENG) scores every claim's content. It reads the same cues as counts, measures of
  the content (the share of words inside named entities, of figures and dates, of
  adjectives …), its words, and the mean of the tagger's token vectors. The cues are both
  its inputs and the explanation, and the cue list ends with the model's verdict, e.g.
  ``"model: subjective 0.82"`` or ``"model: objective 0.91"`` (the probability of the class
  it chose; 0.5 is the shipped threshold). The score is kept as ``span._.subjectivity``.
* A sentence ending with a question mark, a loaded label ("dubbed", "so-called" …) and an
  appeal ("Please go.", "Stop the war now": see :mod:`workbench.splitting.appeals`) make
  an opinion whatever the model says: a fact-checker expects these rules.
* The writer's own claims: the **model decides**. This is what it was trained for — NewsSD
  marks a sentence subjective when it carries the writer's opinion — and where it beats the
  weighed cues (NewsSD macro-F1 0.63 in cross-validation, 0.68 on the test file; the
  weighed cues alone reach 0.59 on train + val).
* Attributed claims ("X said the deal was a provocation"): the **weighed cues decide** and
  the model's score is shown beside them. NewsSD labels reported speech objective whatever
  it says, so the model never learned what makes someone else's words an opinion; on the
  content alone (speaker, reporting verb and quotation marks excluded) it is outside what it
  was trained on. The cues — speculation ("could", "may"), predictions, evaluative words
  against figures, dates and events — are the reliable evidence there. A labelling the
  attribution rules found ("X called the blockade an act of piracy") is a loaded label.
* Weighing the cues: "opinion" when the opinion weight is larger than the objectivity
  weight, "fact" otherwise — ties go to "fact", the reviewer sees the cues either way
  (:data:`DEFAULT_WEIGHTS`). Without a model (``model=None``, the component's
  ``learned = false``) the weighed cues decide every claim.

Decisions documented here:

* Predictions about scheduled events are facts. When the predicted event is anchored to a
  specific time ("expected to meet again in September") or reported as scheduled ("due to",
  "set to", "scheduled to"), the prediction cue is kept but weighs nothing and a
  ``scheduled event`` cue is added: whether the meeting is scheduled can be checked now.
* Reported opinions: in "X said the deal was a provocation" it is a fact that X said it, but
  the content is X's opinion. The kind is decided from the *content*: the speaker's phrase,
  the reporting verb and, for an attributed claim, the quotation marks are excluded (see
  :func:`content_exclusion`) — they would otherwise read as signs of a neutral report —
  and ``speaker: X`` is added to the cues.

Speed: spaCy's per-token attribute access is slow in Python loops, so every detector reads a
:class:`DocView` — the Doc's token attributes copied once into plain lists by one
``Doc.to_array`` call — and the components share one view per Doc.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from workbench.splitting.cues import (
    OPINION_CATEGORIES,
    Cue,
    attribution_label,
    content_exclusion,
    cues_of,
)
from workbench.splitting.features import span_features
from workbench.splitting.linear import LinearModel
from workbench.splitting.models import subjectivity_model
from workbench.splitting.view import DocView, SpanContext, doc_view

#: Weight of each cue category when no model decides. Opinion categories add to the opinion
#: score, the others to the objectivity score; "speaker" and "model" are informative only.
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
    "characterisation": 1.0,
    "belief": 1.0,
    "appeal": 1.0,
    "record": 1.0,
    "speaker": 0.0,
    "number": 1.0,
    "date": 0.5,
    "named_entity": 0.5,
    "past_event": 0.5,
    "scheduled_event": 0.5,
    "quotation": 0.5,
    "reported_speech": 0.5,
}
#: Categories that make an opinion whatever the model says. "characterisation", "belief" and
#: "appeal" are rules only: not in CUE_CATEGORIES, so the shipped models' features do not
#: change.
OVERRIDE_CATEGORIES = frozenset({"question", "label", "characterisation", "belief", "appeal"})
#: Categories that make a fact when no opinion override applies (rules, not model inputs).
FACT_CATEGORIES = frozenset({"record"})
#: Stances that make an attributed claim the speaker's belief, hope or fear: an opinion.
BELIEF_STANCES = frozenset({"believes", "hopes", "fears"})


@dataclass(frozen=True)
class KindDecision:
    """The kind with the cues that made it, both cue scores and the model's score."""

    kind: str
    cues: tuple[str, ...]
    opinion_score: float
    fact_score: float
    #: the model's probability that the content is an opinion (0.5 = its threshold), or
    #: None when the cues alone decided
    subjectivity: float | None = None


# --------------------------------------------------------------------------- doc view


# --------------------------------------------------------------------------- detectors


# --------------------------------------------------------------------------- decisions


def _unique(cues: list[Cue]) -> list[Cue]:
    seen: dict[str, Cue] = {}
    for cue in cues:
        seen.setdefault(cue.text, cue)
    return list(seen.values())


def decide(cues: list[Cue], weights: Mapping[str, float] = DEFAULT_WEIGHTS) -> KindDecision:
    """Weigh the cues: "opinion" when opinion cues outweigh objectivity cues, else "fact"."""
    opinion = fact = 0.0
    unique = _unique(cues)
    for cue in unique:
        weight = weights.get(cue.category, 0.0) * cue.weight_factor
        if cue.category in OPINION_CATEGORIES:
            opinion += weight
        else:
            fact += weight
    kind = "opinion" if opinion > fact else "fact"
    return KindDecision(kind, tuple(c.text for c in unique), round(opinion, 3), round(fact, 3))


def _with_label(cues: list[Cue], labels: list[Cue]) -> list[Cue]:
    """``cues`` with the attribution's label cue, placed with the opinion cues."""
    if not labels or any(c.text == labels[0].text for c in cues):
        return cues
    at = next((i for i, c in enumerate(cues) if c.category not in OPINION_CATEGORIES), len(cues))
    return [*cues[:at], *labels, *cues[at:]]


def model_cue(subjectivity: float) -> str:
    """The cue that shows the model's verdict: ``"model: subjective 0.82"``."""
    if subjectivity >= 0.5:
        return f"model: subjective {subjectivity:.2f}"
    return f"model: objective {1.0 - subjectivity:.2f}"


def combine(
    cues: list[Cue], subjectivity: float, weights: Mapping[str, float] = DEFAULT_WEIGHTS
) -> KindDecision:
    """Combine the cues and the model's score (see the module docstring).

    A question, a loaded label, a characterisation, a reported belief or an appeal makes an
    opinion; a record ("the first time …") makes a fact. Otherwise the model decides the
    writer's own claims; for an attributed claim (its cues name a speaker) the weighed cues decide
    (ties go to "fact") and the model's score is shown.
    """
    scored = decide(cues, weights)
    model_says = subjectivity >= 0.5
    if any(c.category in OVERRIDE_CATEGORIES for c in cues):
        opinion = True
    elif any(c.category in FACT_CATEGORIES for c in cues):
        opinion = False  # a record ("the first time …") can be checked against the past
    elif any(c.category == "speaker" for c in cues):
        opinion = scored.kind == "opinion"
    else:
        opinion = model_says
    return KindDecision(
        "opinion" if opinion else "fact",
        (*scored.cues, model_cue(subjectivity)),
        scored.opinion_score,
        scored.fact_score,
        round(subjectivity, 3),
    )


@dataclass(frozen=True)
class Judgement:
    """A kind decision with what it was made from (for the check-worthiness component)."""

    decision: KindDecision
    cues: list[Cue]
    features: Any = None  # workbench.splitting.features.SpanFeatures when a model scored it


def judge(
    ctx: SpanContext,
    *,
    speaker: str | None = None,
    labels: list[Cue] | None = None,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    model: LinearModel | None = None,
    encoding: Any = None,
) -> Judgement:
    """Cues, model score and kind of one span context (see :func:`classify_kind`); ``labels``
    are label cues found by the attribution rules (:func:`attribution_label`);
    ``encoding`` the content's sentence embedding when the model reads one."""
    cues = _with_label(cues_of(ctx, speaker=speaker), labels or [])
    if model is None:
        return Judgement(decide(cues, weights), cues)
    found = span_features(ctx, cues, encoding)
    return Judgement(combine(cues, model.score(found), weights), cues, found)


def classify_kind(
    span: Span,
    *,
    speaker: str | None = None,
    exclude: Collection[int] = (),
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    model: LinearModel | None = None,
    view: DocView | None = None,
) -> KindDecision:
    """Kind of one claim span with its cues (see the module docstring for the rules).

    With ``model`` (see :func:`workbench.splitting.models.subjectivity_model`) the cues and the
    model's score are combined by :func:`combine`; without, the cues are weighed.
    """
    ctx = SpanContext.of(span, exclude, view)
    return judge(ctx, speaker=speaker, weights=weights, model=model).decision


# --------------------------------------------------------------------------- component


def install_extensions() -> None:
    """Install ``span._.kind``, ``span._.kind_cues`` and ``span._.subjectivity`` (once)."""
    if not Span.has_extension("kind"):
        Span.set_extension("kind", default=None)
    if not Span.has_extension("kind_cues"):
        Span.set_extension("kind_cues", default=())
    if not Span.has_extension("subjectivity"):
        Span.set_extension("subjectivity", default=None)


install_extensions()


def own_claim_encodings(
    contexts: list[tuple[str | None, SpanContext]], model: LinearModel | None
) -> list[Any]:
    """Sentence embeddings of the writer's own claims (no speaker), the ones the model
    decides, in one batch; None for the others and when the model reads no embedding."""
    out: list[Any] = [None] * len(contexts)
    if model is None or not model.uses_encoder:
        return out
    own = [i for i, (speaker, _) in enumerate(contexts) if speaker is None]
    if own:
        from workbench.splitting.encoder import shipped_encoder

        texts = [contexts[i][1].view.content_text(contexts[i][1].content) for i in own]
        for i, row in zip(own, shipped_encoder().encode(texts), strict=True):
            out[i] = row
    return out


class KindComponent:
    """spaCy component: set kind, cues and the model's subjectivity on every claim unit."""

    def __init__(self, *, weights: Mapping[str, float], learned: bool) -> None:
        self.weights = {**DEFAULT_WEIGHTS, **weights}
        self.learned = learned

    def __call__(self, doc: Doc) -> Doc:
        view = doc_view(doc)  # attribution's, if a rule made one; annotations are final here
        model = None
        if self.learned:
            model = subjectivity_model()
        units = list(doc._.claim_spans)
        contexts = []
        for unit in units:
            speaker, exclude = content_exclusion(unit, view=view)
            contexts.append((speaker, SpanContext.make(view, unit.start, unit.end, exclude)))
        encodings = own_claim_encodings(contexts, model)
        for unit, (speaker, ctx), encoding in zip(units, contexts, encodings, strict=True):
            labels = None
            if speaker is not None and Span.has_extension("attribution_cue"):
                labels = attribution_label(unit, unit._.attribution_cue, view=view)
                if unit._.stance in BELIEF_STANCES:
                    labels = [*labels, Cue("belief", f"belief: {unit._.attribution_cue}")]
            found = judge(
                ctx,
                speaker=speaker,
                labels=labels,
                weights=self.weights,
                model=model,
                encoding=encoding,
            )
            view.memo[("judgement", unit.start, unit.end)] = (ctx, found)
            decision = found.decision
            unit._.kind = decision.kind
            unit._.kind_cues = decision.cues
            unit._.subjectivity = decision.subjectivity
        return doc


@Language.factory(
    "workbench_kinds",
    default_config={"weights": DEFAULT_WEIGHTS, "learned": True},
    assigns=["span._.kind", "span._.kind_cues", "span._.subjectivity"],
    requires=["doc._.claim_bounds"],
)
def make_kinds(
    nlp: Language, name: str, *, weights: dict[str, float], learned: bool
) -> KindComponent:
    """Factory for :class:`KindComponent`."""
    return KindComponent(weights=weights, learned=learned)
