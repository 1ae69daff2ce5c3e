"""The numeric features of a span for the learned fact/opinion model, read off its cues."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.splitting.cues import has_date, has_number, is_question_text, past_events
from workbench.splitting.lexicon import (
    CHANGE_VERBS,
    COMPARATIVE_TAGS,
    SALIENT_LABELS,
)
from workbench.splitting.view import SpanContext


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


def _comparison(ctx: SpanContext) -> bool:
    v = ctx.view
    content = set(ctx.content)
    for start, end in v.patterns_in("COMPARISON", ctx.start, ctx.end):
        if all(i in content for i in range(start, end)):
            return True
    for i in ctx.content:
        if v.tag[i] in COMPARATIVE_TAGS and v.lower[i] not in {"more", "most", "less"}:
            return True
        if v.lemma[i] in CHANGE_VERBS and v.pos[i] == "VERB" and v.dep[i] != "amod":
            return True
    return False


def features_of(ctx: SpanContext) -> Features:
    """The scoring features of a span context (see :func:`features`)."""
    v = ctx.view
    return Features(
        number=has_number(ctx),
        date=has_date(ctx),
        entity_labels=frozenset(
            label
            for _, _, label, root in ctx.ents
            if label in SALIENT_LABELS and root not in ctx.exclude
        ),
        past_event=bool(past_events(ctx)),
        comparison=_comparison(ctx),
        question=is_question_text(ctx.text),
        words=sum(v.is_alpha[ctx.start : ctx.end]),
    )
