"""How worth checking a claim is: a 0..1 score from a learned model over transparent features.

The features (:func:`features`) are additive evidence a fact-checker recognises — a figure, a
date, named entities of the kinds fact-checkers care about, a past event, a comparison — and
signs against — a question, a very short sentence. The speaker's own tokens are not
evidence about the content.

How the score is made:

* With the shipped check-worthiness model (the pipeline's default) the score is the model's
  probability that the claim is check-worthy (logistic regression trained on the CheckThat!
  2024 / ClaimBuster sentences, see :mod:`workbench.splitting.models`), shifted so that 0.5 is the
  model's threshold: a claim at 0.5 or above is one the model would flag. The model reads
  these features, the kind cues of :mod:`workbench.splitting.kinds`, the claim's words and
  the mean of the tagger's token vectors. An opinion is damped (``opinion_factor``): a
  fact-checker checks what can be checked, and the kind already carries the question and
  loaded-label rules.
* Without a model (``learned = false``) the features are added on top of a small base,
  damped for opinions, questions and very short sentences (:func:`score`).

Either way the score is clipped to 0..1 and rounded to 3 decimals. Then one rule: a
position a state takes ("China has said it is neutral in the war") and any denial are
what fact-checkers check first, so such a fact scores at least ``position_floor`` — a
policy, not learned: CT24's debate sentences hold few attributed positions to learn from.
A source declining to comment (stance "declines") is damped by ``no_comment_factor``: there
is no statement to check.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span

from workbench.splitting.cue_features import Features, features_of
from workbench.splitting.cues import content_exclusion, cues_of
from workbench.splitting.features import span_features
from workbench.splitting.models import checkworthiness_model
from workbench.splitting.view import DocView, SpanContext, doc_view, release_view

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
    "position_floor": 0.85,  # a state's stated position or a denial (a fact) scores at least this
    "no_comment_factor": 0.3,  # "X declined to comment": nothing was said to check
}


def score(
    found: Features,
    *,
    opinion: bool = False,
    short_words: int = 6,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> float:
    """Combine features into a 0..1 score rounded to 3 decimals (the rule without a model)."""
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


def learned_score(
    probability: float, *, opinion: bool = False, weights: Mapping[str, float] = DEFAULT_WEIGHTS
) -> float:
    """The model's (threshold-shifted) probability, damped for an opinion, rounded."""
    value = probability * ({**DEFAULT_WEIGHTS, **weights}["opinion_factor"] if opinion else 1.0)
    return round(min(max(value, 0.0), 1.0), 3)


def checkworthiness(
    span: Span,
    *,
    kind: str = "fact",
    exclude: Collection[int] = (),
    short_words: int = 6,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    model: object | None = None,
    view: DocView | None = None,
) -> float:
    """Score one claim span (see the module docstring).

    ``model`` is a loaded check-worthiness model (see
    :func:`workbench.splitting.models.checkworthiness_model`); without one the rule decides.
    """
    ctx = SpanContext.of(span, exclude, view)
    if model is None:
        return score(
            features_of(ctx), opinion=kind == "opinion", short_words=short_words, weights=weights
        )
    found = span_features(ctx, cues_of(ctx))
    return learned_score(model.score(found), opinion=kind == "opinion", weights=weights)  # type: ignore[attr-defined]


def install_extensions() -> None:
    """Install ``span._.checkworthiness`` (once)."""
    if not Span.has_extension("checkworthiness"):
        Span.set_extension("checkworthiness", default=0.0)


install_extensions()


class CheckworthinessComponent:
    """spaCy component: set ``span._.checkworthiness`` on every claim unit."""

    def __init__(self, *, short_words: int, weights: Mapping[str, float], learned: bool) -> None:
        self.short_words = short_words
        self.weights = {**DEFAULT_WEIGHTS, **weights}
        self.learned = learned

    def _lift_positions(self, doc: Doc) -> None:
        floor = self.weights["position_floor"]
        silent = self.weights["no_comment_factor"]
        for unit in doc._.claim_spans:
            if Span.has_extension("stance") and unit._.stance == "declines":
                unit._.checkworthiness = round(unit._.checkworthiness * silent, 3)
            elif is_position(unit):
                unit._.checkworthiness = max(unit._.checkworthiness, floor)

    def __call__(self, doc: Doc) -> Doc:
        view = doc_view(doc)  # the kind component's, with its judgements in view.memo
        model = None
        if self.learned:
            model = checkworthiness_model()
        for unit in doc._.claim_spans:
            kind = unit._.kind if Span.has_extension("kind") and unit._.kind else "fact"
            memo = view.memo.get(("judgement", unit.start, unit.end))
            if memo is not None:
                ctx, judged = memo
                found, cues = judged.features, judged.cues
            else:
                exclude = content_exclusion(unit, view=view)[1]
                ctx = SpanContext.make(view, unit.start, unit.end, exclude)
                found = cues = None
            if model is None:
                unit._.checkworthiness = score(
                    features_of(ctx),
                    opinion=kind == "opinion",
                    short_words=self.short_words,
                    weights=self.weights,
                )
                continue
            if found is None:
                found = span_features(ctx, cues if cues is not None else cues_of(ctx))
            unit._.checkworthiness = learned_score(
                model.score(found), opinion=kind == "opinion", weights=self.weights
            )
        self._lift_positions(doc)
        release_view(doc)  # the last reader: the Doc leaves the pipeline serialisable
        return doc


def is_position(unit: Span) -> bool:
    """A fact that is a state's stated position or anyone's denial (see the module docstring)."""
    if not Span.has_extension("stance") or unit._.speaker is None:
        return False
    kind = unit._.kind if Span.has_extension("kind") else None
    return kind == "fact" and (unit._.speaker_type == "state" or unit._.stance == "denies")


@Language.factory(
    "workbench_checkworthiness",
    default_config={"short_words": 6, "weights": DEFAULT_WEIGHTS, "learned": True},
    assigns=["span._.checkworthiness"],
    requires=["doc._.claim_bounds"],
)
def make_checkworthiness(
    nlp: Language, name: str, *, short_words: int, weights: dict[str, float], learned: bool
) -> CheckworthinessComponent:
    """Factory for :class:`CheckworthinessComponent`."""
    return CheckworthinessComponent(short_words=short_words, weights=weights, learned=learned)
