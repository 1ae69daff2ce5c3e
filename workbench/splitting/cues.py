"""CUES_DOC"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from workbench.splitting.appeals import appeal
from workbench.splitting.lexicon import (
    BELIEF_ADJECTIVES,
    COPULAS_OR_CALL,
    DATE_LABELS,
    DATED_ADJECTIVES,
    EVALUATIVE_ADJECTIVES,
    EVALUATIVE_NOUNS,
    EVALUATIVE_VERBS,
    EXEMPLAR_NOUNS,
    FRAMING_VERBS,
    HEDGE_WORDS,
    INTENSIFIERS,
    LABEL_VERB_FORMS,
    LABELING_VERBS,
    LOADED_LABELS,
    MAGNITUDES,
    MILESTONE_NOUNS,
    NAMED_LABELS,
    NON_EVALUATIVE_PAIRS,
    NON_EVENT_LEMMAS,
    NORMATIVE_MODALS,
    NUMBER_LABELS,
    PAST_TAGS,
    PLACING_PREPOSITIONS,
    PREDICTION_ADJECTIVES,
    PREDICTION_TRIGGERS,
    PREDICTION_VERBS,
    QUOTE_MARKS,
    REPORTING_VERBS,
    SCHEDULE_WORDS,
    SIGNIFICANCE_ADJECTIVES,
    SPECULATIVE_MODALS,
    STANCE_ADVERBS,
    TIME_ANCHORS,
)
from workbench.splitting.tokens import label_tokens
from workbench.splitting.view import DocView, SpanContext, doc_view

#: Opinion cue categories the model reads, then the objectivity ones.
OPINION_CUES = ("evaluative", "intensifier", "stance", "hedge", "modal", "normative",
                "prediction", "question", "label")  # fmt: skip
OBJECTIVITY_CUES = ("number", "date", "named_entity", "past_event", "scheduled_event",
                    "quotation", "reported_speech")  # fmt: skip
#: Categories that speak for an opinion; "characterisation", "belief" and "appeal" are rules
#: only (not model inputs).
OPINION_CATEGORIES = frozenset(OPINION_CUES) | {"characterisation", "belief", "appeal"}
#: Cue categories the model reads as counts, in this order (see :mod:`workbench.splitting.models`).
CUE_CATEGORIES: tuple[str, ...] = OPINION_CUES + OBJECTIVITY_CUES


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for the kind decision."""

    category: str
    text: str  # as shown to the reviewer: "evaluative: remarkable", "number", "dubbed"
    weight_factor: float = 1.0  # 0.0 keeps a cue visible without letting it count


def _characterisation(ctx: SpanContext) -> list[Cue]:
    """An adjective of significance or judgement on an event noun ("an important moment", "a
    remarkable day"), a judging noun as what something is ("the deal was a farce", "rendered
    pariahs"), or something
    held up as an example ("serves as a model of …"): a judgement, not a checkable fact."""
    v = ctx.view
    cues = []
    for i in ctx.content:
        lemma = v.lemma[i].lower()
        judging = lemma in SIGNIFICANCE_ADJECTIVES or lemma in EVALUATIVE_ADJECTIVES
        if judging and v.dep[i] in {"amod", "compound"}:
            noun = v.lemma[v.head[i]].lower()
            if noun in MILESTONE_NOUNS and v.pos[v.head[i]] == "NOUN":
                cues.append(Cue("characterisation", f"characterisation: {lemma} {noun}"))
        elif lemma in EXEMPLAR_NOUNS and v.pos[i] == "NOUN" and _held_up(v, i):
            cues.append(Cue("characterisation", f"characterisation: {lemma}"))
        elif _noun_in(v, i, EVALUATIVE_NOUNS) and v.pos[i] == "NOUN" and _held_up(v, i):
            cues.append(Cue("characterisation", f"characterisation: {lemma}"))  # "is a farce"
    return cues


def _noun_in(v: DocView, i: int, nouns: frozenset[str]) -> bool:
    """Noun ``i`` is in the list, also when the model left a plural unlemmatised."""
    lower = v.lower[i]
    return v.lemma[i].lower() in nouns or (lower.endswith("s") and lower[:-1] in nouns)


def _held_up(v: DocView, i: int) -> bool:
    """Noun ``i`` is what something is said to be: "is a model", "serves as a model"."""
    head = v.head[i]
    if v.dep[i] == "appos":
        return True  # "Kim – the aggressor –": the label says what the name is
    if v.dep[i] in {"attr", "oprd"}:
        return v.lemma[head] in COPULAS_OR_CALL
    return v.dep[i] == "pobj" and v.lower[head] == "as"


def _record(ctx: SpanContext) -> list[Cue]:
    """A record ("the first time …"): checkable against the past."""
    return [
        Cue("record", f"record: {_text(ctx.view, start, end).lower()}")
        for start, end in ctx.view.patterns_in("RECORD", ctx.start, ctx.end)
        if start not in ctx.exclude
    ]


def _evaluative(ctx: SpanContext) -> list[Cue]:
    v = ctx.view
    cues = []
    for i in ctx.content:
        pos = v.pos[i]
        if pos == "ADJ":
            lemma = v.lemma[i].lower()
            if lemma not in EVALUATIVE_ADJECTIVES or v.ent_type[i]:
                continue
            head = v.head[i]
            if (lemma, v.lower[head]) in NON_EVALUATIVE_PAIRS or _dated(v, i, lemma):
                continue
            dep = v.dep[i]
            predicate = dep in {"acomp", "attr", "oprd"} or (dep == "conj" and v.pos[head] == "ADJ")
            modifier = dep == "amod" and v.pos[head] in {"NOUN", "PROPN", "PRON"}
            if predicate or modifier or dep == "ROOT":
                cues.append(Cue("evaluative", f"evaluative: {lemma}"))
        elif pos == "VERB" and v.lemma[i].lower() in EVALUATIVE_VERBS:
            cues.append(Cue("evaluative", f"evaluative: {v.lemma[i].lower()}"))
        elif _participle_predicate(v, i) and v.lower[i] in EVALUATIVE_ADJECTIVES:
            cues.append(Cue("evaluative", f"evaluative: {v.lower[i]}"))  # "is isolated"
        elif pos == "NOUN":
            lemma = v.lemma[i].lower()
            if lemma not in EVALUATIVE_NOUNS:
                continue
            dep = v.dep[i]
            predicate = dep in {"attr", "oprd"} and v.lemma[v.head[i]] in COPULAS_OR_CALL
            if predicate or dep == "ROOT":
                cues.append(Cue("evaluative", f"evaluative: {lemma}"))
    return cues


def _dated(v: DocView, i: int, lemma: str) -> bool:
    """Whether an adjective says when something takes effect, not how good it is: "effective"
    right before a date ("resignation effective next Wednesday") or "immediately"."""
    after = i + 1
    if lemma not in DATED_ADJECTIVES or after >= len(v.lower):
        return False
    return v.ent_type[after] in DATE_LABELS or v.lower[after] == "immediately"


def _participle_predicate(v: DocView, i: int) -> bool:
    """A past participle the tagger read as a verb where it describes a state: "is
    isolated", "are convinced" (a form of "be" with it, as auxiliary or as its head)."""
    if v.tag[i] != "VBN":
        return False
    if v.dep[i] == "acomp" or (i > 0 and v.lemma[i - 1] == "be"):
        return True
    return i > 1 and v.lemma[i - 2] == "be" and v.pos[i - 1] == "ADV"  # "is increasingly …"


def _belief(ctx: SpanContext) -> list[Cue]:
    """A conviction or doubt as a predicate: "we are convinced that …", "I am sure it will".
    A rule only: a belief is the believer's opinion whoever holds it."""
    v = ctx.view
    return [
        Cue("belief", f"belief: {v.lower[i]}")
        for i in ctx.content
        if v.lower[i] in BELIEF_ADJECTIVES
        and ((v.pos[i] == "ADJ" and v.dep[i] in {"acomp", "ROOT"}) or _participle_predicate(v, i))
    ]


_LOADED_LABEL_RE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(LOADED_LABELS))) + r")\b", re.IGNORECASE
)


def _longest_inside(ctx: SpanContext, family: str) -> list[tuple[int, int]]:
    """The longest match of a pattern family starting at each token, inside the span."""
    longest: dict[int, int] = {}
    for start, end in ctx.view.patterns_in(family, ctx.start, ctx.end):
        longest[start] = max(end, longest.get(start, end))
    return sorted(longest.items())


def _hedge_matches(ctx: SpanContext) -> list[tuple[int, int]]:
    key = ("hedges", ctx.start, ctx.end)
    memo = ctx.view.memo
    if key not in memo:
        memo[key] = _longest_inside(ctx, "HEDGE")
    return memo[key]


def _text(view: DocView, start: int, end: int) -> str:
    return view.doc_text[view.idx[start] : view.idx[end - 1] + len(view.text[end - 1])]


def _hedge(ctx: SpanContext) -> list[Cue]:
    v = ctx.view
    cues = [
        Cue("hedge", f"hedge: {_text(v, start, end).lower()}")
        for start, end in _hedge_matches(ctx)
        if start not in ctx.exclude
    ]
    for i in ctx.content:
        if v.pos[i] == "ADV" and v.lower[i] in HEDGE_WORDS:
            cues.append(Cue("hedge", f"hedge: {v.lower[i]}"))
    return cues


def _modal(ctx: SpanContext) -> list[Cue]:
    v = ctx.view
    in_hedge = {i for start, end in _hedge_matches(ctx) for i in range(start, end)}
    cues = []
    for i in ctx.content:
        if v.tag[i] != "MD" or i in in_hedge:
            continue
        word = v.lower[i]
        if word in SPECULATIVE_MODALS:
            cues.append(Cue("modal", f"modal: {word}"))
        elif word in NORMATIVE_MODALS:
            cues.append(Cue("normative", f"normative: {word}"))
    for start, end in _longest_inside(ctx, "OBLIGATION"):  # "we have to"
        if start in ctx.content:
            cues.append(Cue("normative", f"normative: {_text(v, start, end).lower()}"))
    return cues


def _adverbs(ctx: SpanContext) -> list[Cue]:
    v = ctx.view
    cues = []
    for i in ctx.content:
        if v.pos[i] != "ADV":
            continue
        word = v.lower[i]
        if word in INTENSIFIERS:
            cues.append(Cue("intensifier", f"intensifier: {word}"))
        elif word in STANCE_ADVERBS:
            cues.append(Cue("stance", f"stance: {word}"))
    return cues


def _time_anchor(view: DocView, ent: tuple[int, int, str, int]) -> bool:
    start, end, label, _ = ent
    return label in DATE_LABELS and any(
        view.lower[i] in TIME_ANCHORS or view.digit[i] for i in range(start, end)
    )


def _to_verb_after(view: DocView, i: int) -> bool:
    """Token ``i`` opens a "to VERB" frame ("expected to rise"): a ``TO_VERB`` pattern."""
    return i in view.to_verb


def _prediction(ctx: SpanContext) -> list[Cue]:
    """Forecasts ("expected to", "likely to", "analysts predict"); a forecast of an event
    anchored in time, or a schedule word ("due to"), adds a ``scheduled event`` cue."""
    v = ctx.view
    anchored: list[bool] = []  # computed on first need
    cues = []
    schedule_seen = False
    for i in ctx.content:
        if v.lower[i] not in PREDICTION_TRIGGERS and v.lemma[i] not in PREDICTION_VERBS:
            continue
        if _expects_to(v, i):
            if not anchored:
                anchored.append(any(_time_anchor(v, ent) for ent in ctx.ents))
            if anchored[0]:
                schedule_seen = True
                cues.append(Cue("prediction", f"prediction: {v.lower[i]} to", 0.0))
                continue
        if v.lower[i] in SCHEDULE_WORDS and _is_schedule(v, i):
            schedule_seen = True
            continue
        text = _forecast_words(v, i)
        if text is not None:
            cues.append(Cue("prediction", f"prediction: {text}"))
    if schedule_seen:
        cues.append(Cue("scheduled_event", "scheduled event"))
    return cues


def _expects_to(v: DocView, i: int) -> bool:
    """ "expected to VERB": the forecast that is a schedule when a time anchors it."""
    return v.pos[i] == "VERB" and v.lemma[i] == "expect" and _to_verb_after(v, i)


def _is_schedule(v: DocView, i: int) -> bool:
    """A schedule word opening "to VERB" ("due to meet") that no forecast reading took."""
    if v.pos[i] == "VERB" and v.lemma[i] in PREDICTION_VERBS:
        return False
    if v.pos[i] == "ADJ" and v.lower[i] in PREDICTION_ADJECTIVES and _to_verb_after(v, i):
        return False
    return _to_verb_after(v, i)


def _forecast_words(v: DocView, i: int) -> str | None:
    """The words of a forecast opened by token ``i``, or None."""
    word = v.lower[i]
    if v.pos[i] == "VERB" and v.lemma[i] in PREDICTION_VERBS:
        after = enumerate(v.head[i + 1 : i + 12], i + 1)
        if any(h == i and v.lower[j] in PLACING_PREPOSITIONS for j, h in after):
            return None  # "projected slogans onto the walls" places them
        return f"{word} to" if _to_verb_after(v, i) else word
    if v.pos[i] == "ADJ" and word in PREDICTION_ADJECTIVES and _to_verb_after(v, i):
        return f"{word} to"
    if i in v.on_track:
        return "on track to"
    return None


def is_question_text(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’»)").endswith("?")


def _labels(ctx: SpanContext, text: str) -> list[Cue]:
    v = ctx.view
    cues = [
        Cue("label", v.lower[i])
        for i in ctx.content
        if v.lower[i] in LABEL_VERB_FORMS and v.pos[i] == "VERB"
    ]
    if "-" in text:
        cues += [Cue("label", m.group(0).lower()) for m in _LOADED_LABEL_RE.finditer(text)]
    return cues


def _magnitude(view: DocView, indices: range | list[int]) -> bool:
    return any(view.digit[i] or view.lower[i] in MAGNITUDES for i in indices)


def has_number(ctx: SpanContext) -> bool:
    v = ctx.view
    for start, end, label, _ in ctx.ents:
        if label in NUMBER_LABELS and start not in ctx.exclude and _magnitude(v, range(start, end)):
            return True
    return any(
        v.like_num[i]
        and v.ent_type[i] not in DATE_LABELS
        and (v.digit[i] or v.lower[i] in MAGNITUDES)
        for i in ctx.content
    )


def has_date(ctx: SpanContext) -> bool:
    return any(label in DATE_LABELS and start not in ctx.exclude for start, _, label, _ in ctx.ents)


def _named(ctx: SpanContext) -> list[tuple[int, int, str, int]]:
    return [e for e in ctx.ents if e[2] in NAMED_LABELS and e[3] not in ctx.exclude]


def past_events(ctx: SpanContext) -> list[int]:
    v = ctx.view
    return [
        i
        for i in ctx.content
        if v.pos[i] == "VERB"
        and v.lemma[i] not in NON_EVENT_LEMMAS
        and (v.tag[i] == "VBD" or (v.tag[i] == "VBN" and v.aux_have_be[i]))
    ]


def _quotation(ctx: SpanContext) -> bool:
    v = ctx.view
    return any(v.is_punct[i] and v.text[i] in QUOTE_MARKS for i in ctx.content)


def _reported(ctx: SpanContext) -> list[int]:
    v = ctx.view
    return [
        i
        for i in ctx.content
        if v.pos[i] == "VERB" and v.tag[i] in PAST_TAGS and v.lemma[i] in REPORTING_VERBS
    ]


def _objectivity(ctx: SpanContext) -> list[Cue]:
    cues = []
    if has_number(ctx):
        cues.append(Cue("number", "number"))
    if has_date(ctx):
        cues.append(Cue("date", "date"))
    if _named(ctx):
        cues.append(Cue("named_entity", "named entity"))
    if past_events(ctx):
        cues.append(Cue("past_event", "past event"))
    return cues


def _report(ctx: SpanContext) -> list[Cue]:
    cues = []
    if _quotation(ctx):
        cues.append(Cue("quotation", "quotation"))
    cues += [
        Cue("reported_speech", f"reported speech: {ctx.view.lower[i]}") for i in _reported(ctx)
    ]
    return cues


def cues_of(ctx: SpanContext, *, speaker: str | None = None) -> list[Cue]:
    """Every cue of a span context (see :func:`detect_cues`)."""
    text = ctx.text
    cues: list[Cue] = []
    cues += _evaluative(ctx)
    cues += _belief(ctx)
    cues += _characterisation(ctx)
    cues += _adverbs(ctx)
    cues += _hedge(ctx)
    cues += _modal(ctx)
    cues += _prediction(ctx)
    cues += _labels(ctx, text)
    if is_question_text(text):
        cues.append(Cue("question", "question"))
    if called := appeal(ctx):
        cues.append(Cue("appeal", called))
    cues += _objectivity(ctx)
    cues += _record(ctx)
    cues += _report(ctx)
    if speaker:
        cues.append(Cue("speaker", f"speaker: {speaker}"))
    return cues


def exclusion(
    span: Span,
    speaker: str | None,
    source_range: tuple[int, int] | None = None,
    cue: str | None = None,
    *,
    view: DocView | None = None,
) -> frozenset[int]:
    """The doc token indices of ``span`` that are not its content, given its attribution.

    The source phrase (``source_range``), the verb that frames the content (the
    attribution ``cue`` when it is a reporting or evidential verb, with its auxiliaries)
    and, when someone else is the speaker, quotation marks. A prediction verb ("analysts
    predict …") stays: it is what makes the content a forecast.
    """
    excluded: set[int] = set(range(*source_range)) if source_range else set()
    if speaker is None and not excluded:
        return frozenset()
    v = view or doc_view(span.doc)
    indices = range(span.start, span.end)
    if cue:
        first = cue.split()[0].lower()
        centre = source_range[0] if source_range else span.start
        verbs = [
            i
            for i in indices
            if v.lower[i] == first and i not in excluded and v.lemma[i] in FRAMING_VERBS
        ]
        if verbs:
            verb = min(verbs, key=lambda i: abs(i - centre))
            excluded.add(verb)
            excluded.update(
                i for i in indices if v.head[i] == verb and v.dep[i] in {"aux", "neg", "prt"}
            )
    if speaker is not None:
        excluded.update(i for i in indices if v.is_punct[i] and v.text[i] in QUOTE_MARKS)
    return frozenset(excluded)


def attribution_label(span: Span, cue: str | None, *, view: DocView | None = None) -> list[Cue]:
    """A ``label`` cue when the attribution rules read the span as a labelling ("X called
    the blockade an act of piracy", "critics branded the scheme a land grab"): the cue is
    a labelling verb of the span. Verb forms already in :data:`LABEL_VERB_FORMS` are found by
    :func:`label_cues` anyway."""
    if not cue or " " in cue:
        return []
    v = view or doc_view(span.doc)
    word = cue.lower()
    for i in range(span.start, span.end):
        if v.lower[i] == word and v.lemma[i] in LABELING_VERBS and v.pos[i] == "VERB":
            return [Cue("label", word)]
    return []


def content_exclusion(
    span: Span, *, view: DocView | None = None
) -> tuple[str | None, frozenset[int]]:
    """The speaker of a claim unit and its :func:`exclusion`, from the attribution
    component's extensions (``span._.speaker``, ``source_range``, ``attribution_cue``),
    with the appositive labels the clause stage gave claims of their own (``dropped``)."""
    labels = label_tokens(span)
    if not Span.has_extension("speaker"):
        return None, labels
    speaker = span._.speaker
    bounds = span._.source_range if Span.has_extension("source_range") else None
    if speaker is None and not bounds:
        return None, labels
    cue = span._.attribution_cue if Span.has_extension("attribution_cue") else None
    return speaker, exclusion(span, speaker, bounds, cue, view=view) | labels
