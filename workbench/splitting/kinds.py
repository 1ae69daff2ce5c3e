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

How the decision is made (:func:`classify`, :func:`combine`):

* The shipped subjectivity model (:mod:`workbench.learning`, logistic regression trained on
  NewsSD-ENG) scores every claim's content. It reads the same cues as counts, measures of
  the content (the share of words inside named entities, of figures and dates, of
  adjectives …), its words, and the mean of the tagger's token vectors. The cues are both
  its inputs and the explanation, and the cue list ends with the model's verdict, e.g.
  ``"model: subjective 0.82"`` or ``"model: objective 0.91"`` (the probability of the class
  it chose; 0.5 is the shipped threshold). The score is kept as ``span._.subjectivity``.
* A sentence ending with a question mark and a loaded label ("dubbed", "so-called" …) make
  an opinion whatever the model says: a fact-checker expects these two rules.
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

import bisect
import operator
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.lexicon import (
    COPULAS_OR_CALL,
    DATE_LABELS,
    EVALUATIVE_ADJECTIVES,
    EVALUATIVE_NOUNS,
    FRAMING_VERBS,
    HEDGE_PHRASES,
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
    VERBAL,
)

if TYPE_CHECKING:
    from workbench.learning.linear import LinearModel


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
    "speaker": 0.0,
    "number": 1.0,
    "date": 0.5,
    "named_entity": 0.5,
    "past_event": 0.5,
    "scheduled_event": 0.5,
    "quotation": 0.5,
    "reported_speech": 0.5,
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
        "characterisation",
    }
)
#: Cue categories the model reads as counts, in this order (see :mod:`workbench.learning`).
CUE_CATEGORIES: tuple[str, ...] = (
    "evaluative",
    "intensifier",
    "stance",
    "hedge",
    "modal",
    "normative",
    "prediction",
    "question",
    "label",
    "number",
    "date",
    "named_entity",
    "past_event",
    "scheduled_event",
    "quotation",
    "reported_speech",
)
#: Cue categories that make an opinion whatever the model says.
#: Categories that make an opinion whatever the model says. "characterisation" is a rule
#: only: it is not in CUE_CATEGORIES, so the shipped models' features do not change.
OVERRIDE_CATEGORIES = frozenset({"question", "label", "characterisation"})


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for the kind decision."""

    category: str
    text: str  # as shown to the reviewer: "evaluative: remarkable", "number", "dubbed"
    weight_factor: float = 1.0  # 0.0 keeps a cue visible without letting it count


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


_DIGIT = re.compile(r"\d").search
VIEW_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, LIKE_NUM, IS_ALPHA]
VIEW_ATTRS += [IS_SPACE, IS_PUNCT, SPACY, IDX]


def _strings(column: np.ndarray, strings: Any) -> list[str]:
    values = column.tolist()
    table = {h: strings[h] for h in set(values)}
    return [table[h] for h in values]


class DocView:
    """The token attributes of one Doc as plain lists, read once with ``Doc.to_array``.

    Valid for the annotations the Doc had when the view was made; the pipeline makes one
    after every annotating component has run. ``memo`` lets the kind and check-worthiness
    components share per-span work on the same Doc.
    """

    __slots__ = (
        "aux_have_be",
        "dep",
        "digit",
        "doc",
        "doc_text",
        "ent_starts",
        "ent_type",
        "ents",
        "head",
        "idx",
        "is_alpha",
        "is_punct",
        "is_space",
        "lemma",
        "like_num",
        "lower",
        "memo",
        "pos",
        "tag",
        "text",
        "ws",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        strings = doc.vocab.strings
        n = len(doc)
        cols = doc.to_array(VIEW_ATTRS) if n else np.zeros((0, len(VIEW_ATTRS)), np.uint64)
        self.text = _strings(cols[:, 0], strings)
        self.lower = _strings(cols[:, 1], strings)
        self.lemma = _strings(cols[:, 2], strings)
        self.pos = _strings(cols[:, 3], strings)
        self.tag = _strings(cols[:, 4], strings)
        self.dep = _strings(cols[:, 5], strings)
        self.head = (cols[:, 6].astype(np.int64) + np.arange(n)).tolist()
        self.ent_type = _strings(cols[:, 7], strings)
        self.like_num = cols[:, 8].astype(bool).tolist()
        self.is_alpha = cols[:, 9].astype(bool).tolist()
        self.is_space = cols[:, 10].astype(bool).tolist()
        self.is_punct = cols[:, 11].astype(bool).tolist()
        self.ws = [" " if s else "" for s in cols[:, 12].tolist()]
        self.idx = cols[:, 13].tolist()
        # Doc.text makes a Token object per token each time it is read; this is the same
        self.doc_text = "".join(map(operator.add, self.text, self.ws))
        self.digit = [_DIGIT(t) is not None for t in self.text]
        aux = [False] * n
        for i, (dep, lemma) in enumerate(zip(self.dep, self.lemma, strict=True)):
            if dep in {"aux", "auxpass"} and lemma in {"have", "be"}:
                aux[self.head[i]] = True
        self.aux_have_be = aux
        self.ents = [(e.start, e.end, e.label_, e.root.i) for e in doc.ents]
        self.ent_starts = [e[0] for e in self.ents]
        self.memo: dict[Any, Any] = {}

    def span_ents(self, start: int, end: int) -> list[tuple[int, int, str, int]]:
        """Entities wholly inside ``start:end``, as ``Span.ents`` finds them."""
        found = []
        for ent in self.ents[bisect.bisect_left(self.ent_starts, start) :]:
            if ent[1] > end:
                break
            found.append(ent)
        return found

    def content_text(self, indices: list[int]) -> str:
        """The text of the tokens at ``indices`` with their original spacing."""
        if not indices:
            return ""
        text, ws = self.text, self.ws
        last = indices[-1]
        return "".join(text[i] + (ws[i] if i != last else "") for i in indices)


_last_view: list[DocView] = []


def doc_view(doc: Doc, *, fresh: bool = False) -> DocView:
    """The :class:`DocView` of ``doc``: the last one made when it is for this very Doc."""
    if (
        not fresh
        and _last_view
        and _last_view[0].doc is doc
        and len(doc) == len(_last_view[0].text)
    ):
        return _last_view[0]
    view = DocView(doc)
    _last_view[:] = [view]
    return view


@dataclass
class SpanContext:
    """One span seen through a :class:`DocView`: its content tokens and entities."""

    view: DocView
    start: int
    end: int
    exclude: frozenset[int]
    content: list[int] = field(default_factory=list)
    ents: list[tuple[int, int, str, int]] = field(default_factory=list)

    @classmethod
    def of(
        cls, span: Span, exclude: Collection[int] = (), view: DocView | None = None
    ) -> SpanContext:
        """Context of ``span`` without the doc token indices in ``exclude``."""
        return cls.make(view or doc_view(span.doc, fresh=True), span.start, span.end, exclude)

    @classmethod
    def make(
        cls, view: DocView, start: int, end: int, exclude: Collection[int] = ()
    ) -> SpanContext:
        excluded = frozenset(exclude)
        content = [i for i in range(start, end) if i not in excluded]
        return cls(view, start, end, excluded, content, view.span_ents(start, end))

    @property
    def text(self) -> str:
        """The span's text (excluded tokens included)."""
        v = self.view
        if self.start >= self.end:
            return ""
        return v.doc_text[v.idx[self.start] : v.idx[self.end - 1] + len(v.text[self.end - 1])]


# --------------------------------------------------------------------------- detectors


def _characterisation(ctx: SpanContext) -> list[Cue]:
    """An adjective of significance on an event noun: a judgement, not a checkable fact."""
    v = ctx.view
    cues = []
    for i in ctx.content:
        lemma = v.lemma[i].lower()
        if lemma in SIGNIFICANCE_ADJECTIVES and v.dep[i] in {"amod", "compound"}:
            noun = v.lemma[v.head[i]].lower()
            if noun in MILESTONE_NOUNS and v.pos[v.head[i]] == "NOUN":
                cues.append(Cue("characterisation", f"characterisation: {lemma} {noun}"))
    return cues


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
            if (lemma, v.lower[head]) in NON_EVALUATIVE_PAIRS:
                continue
            dep = v.dep[i]
            predicate = dep in {"acomp", "attr", "oprd"} or (dep == "conj" and v.pos[head] == "ADJ")
            modifier = dep == "amod" and v.pos[head] in {"NOUN", "PROPN", "PRON"}
            if predicate or modifier or dep == "ROOT":
                cues.append(Cue("evaluative", f"evaluative: {lemma}"))
        elif pos == "NOUN":
            lemma = v.lemma[i].lower()
            if lemma not in EVALUATIVE_NOUNS:
                continue
            dep = v.dep[i]
            predicate = dep in {"attr", "oprd"} and v.lemma[v.head[i]] in COPULAS_OR_CALL
            if predicate or dep == "ROOT":
                cues.append(Cue("evaluative", f"evaluative: {lemma}"))
    return cues


def evaluative_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """Evaluative adjectives as predicates or noun modifiers; evaluative predicate nouns."""
    return _evaluative(SpanContext.of(span, exclude, view))


def _index_phrases(phrases: Collection[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return index


def _phrase_hits(
    words: list[str], index: Mapping[str, list[tuple[str, ...]]]
) -> list[tuple[int, int]]:
    """(offset, size) of the longest phrase starting at each offset of ``words``."""
    found = []
    for i, word in enumerate(words):
        for phrase in index.get(word, ()):
            size = len(phrase)
            if tuple(words[i : i + size]) == phrase:
                found.append((i, size))
                break
    return found


_HEDGE_INDEX = _index_phrases(HEDGE_PHRASES)
_LOADED_LABEL_RE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(LOADED_LABELS))) + r")\b", re.IGNORECASE
)


def _hedge_matches(ctx: SpanContext) -> list[tuple[int, int]]:
    key = ("hedges", ctx.start, ctx.end)
    memo = ctx.view.memo
    if key not in memo:
        words = ctx.view.lower[ctx.start : ctx.end]
        memo[key] = [
            (ctx.start + i, ctx.start + i + size) for i, size in _phrase_hits(words, _HEDGE_INDEX)
        ]
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


def hedge_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """Hedging phrases ("may well", "seems to") and hedging adverbs ("perhaps")."""
    return _hedge(SpanContext.of(span, exclude, view))


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
    return cues


def modal_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """Speculative ("could") and normative ("should") modal auxiliaries outside hedges."""
    return _modal(SpanContext.of(span, exclude, view))


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


def adverb_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """Intensifiers ("really") and stance adverbs ("clearly")."""
    return _adverbs(SpanContext.of(span, exclude, view))


def is_time_anchor(ent: Span) -> bool:
    """A DATE/TIME entity that names a point in time ("in September", "2027", "next week")."""
    return ent.label_ in DATE_LABELS and any(
        t.lower_ in TIME_ANCHORS or any(ch.isdigit() for ch in t.text) for t in ent
    )


def _time_anchor(view: DocView, ent: tuple[int, int, str, int]) -> bool:
    start, end, label, _ = ent
    return label in DATE_LABELS and any(
        view.lower[i] in TIME_ANCHORS or view.digit[i] for i in range(start, end)
    )


def _to_verb_after(view: DocView, i: int) -> bool:
    return i + 2 < len(view.text) and view.lower[i + 1] == "to" and view.pos[i + 2] in VERBAL


def _prediction(ctx: SpanContext) -> list[Cue]:
    v = ctx.view
    anchored = None  # computed on first need
    cues = []
    schedule_seen = False
    for i in ctx.content:
        word = v.lower[i]
        if word not in PREDICTION_TRIGGERS and v.lemma[i] not in PREDICTION_VERBS:
            continue
        pos = v.pos[i]
        if pos == "VERB" and v.lemma[i] == "expect" and _to_verb_after(v, i):
            text = f"{word} to"
            if anchored is None:
                anchored = any(_time_anchor(v, ent) for ent in ctx.ents)
            if anchored:
                schedule_seen = True
                cues.append(Cue("prediction", f"prediction: {text}", 0.0))
                continue
        elif pos == "VERB" and v.lemma[i] in PREDICTION_VERBS:
            text = f"{word} to" if _to_verb_after(v, i) else word
        elif pos == "ADJ" and word in PREDICTION_ADJECTIVES and _to_verb_after(v, i):
            text = f"{word} to"
        elif word in SCHEDULE_WORDS and _to_verb_after(v, i):
            schedule_seen = True
            continue
        elif word == "on" and tuple(v.lower[i + 1 : i + 3]) == ("track", "to"):
            text = "on track to"
        else:
            continue
        cues.append(Cue("prediction", f"prediction: {text}"))
    if schedule_seen:
        cues.append(Cue("scheduled_event", "scheduled event"))
    return cues


def prediction_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """Predictions, and schedules.

    "expected to" with a time anchor ("expected to meet again in September") is how news
    reports a scheduled event, and so are "due to", "set to", "scheduled to": these give a
    ``scheduled event`` cue and the prediction cue weighs nothing. Estimates ("likely to",
    "predict", "forecast") stay predictions whatever their date.
    """
    return _prediction(SpanContext.of(span, exclude, view))


def _question_text(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’»)").endswith("?")


def is_question(span: Span) -> bool:
    """True when the span ends with a question mark (closing quotes ignored)."""
    return _question_text(span.text)


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


def label_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """Loaded labels: "dubbed", "branded" (as verbs), "so-called", "self-styled" …."""
    return _labels(SpanContext.of(span, exclude, view), span.text)


def _magnitude(view: DocView, indices: range | list[int]) -> bool:
    return any(view.digit[i] or view.lower[i] in MAGNITUDES for i in indices)


def _number(ctx: SpanContext) -> bool:
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


def has_number(span: Span, exclude: Collection[int] = (), *, view: DocView | None = None) -> bool:
    """A figure: an amount, percentage or quantity, or a number written with digits.

    Numbers inside dates count as dates, and small spelled-out counts ("the two leaders")
    do not count.
    """
    return _number(SpanContext.of(span, exclude, view))


def _date(ctx: SpanContext) -> bool:
    return any(label in DATE_LABELS and start not in ctx.exclude for start, _, label, _ in ctx.ents)


def has_date(span: Span, exclude: Collection[int] = (), *, view: DocView | None = None) -> bool:
    """A DATE or TIME entity."""
    return _date(SpanContext.of(span, exclude, view))


def _named(ctx: SpanContext) -> list[tuple[int, int, str, int]]:
    return [e for e in ctx.ents if e[2] in NAMED_LABELS and e[3] not in ctx.exclude]


def named_entities(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Span]:
    """Named entities (people, places, organisations …) outside ``exclude``."""
    return [span.doc[start:end] for start, end, _, _ in _named(SpanContext.of(span, exclude, view))]


def _past_events(ctx: SpanContext) -> list[int]:
    v = ctx.view
    return [
        i
        for i in ctx.content
        if v.pos[i] == "VERB"
        and v.lemma[i] not in NON_EVENT_LEMMAS
        and (v.tag[i] == "VBD" or (v.tag[i] == "VBN" and v.aux_have_be[i]))
    ]


def past_event_verbs(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Token]:
    """Verbs reporting something that happened: simple past, or perfect/passive participles.

    Reporting, labelling, prediction and stative verbs are not events.
    """
    return [span.doc[i] for i in _past_events(SpanContext.of(span, exclude, view))]


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
    if _number(ctx):
        cues.append(Cue("number", "number"))
    if _date(ctx):
        cues.append(Cue("date", "date"))
    if _named(ctx):
        cues.append(Cue("named_entity", "named entity"))
    if _past_events(ctx):
        cues.append(Cue("past_event", "past event"))
    return cues


def objectivity_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """``number``, ``date``, ``named entity`` and ``past event`` cues."""
    return _objectivity(SpanContext.of(span, exclude, view))


def report_cues(
    span: Span, exclude: Collection[int] = (), *, view: DocView | None = None
) -> list[Cue]:
    """``quotation`` (quotation marks) and ``reported speech: said`` (a reporting verb in the
    past tense): signs that the writer reports rather than asserts."""
    return _report(SpanContext.of(span, exclude, view))


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
    cues += _characterisation(ctx)
    cues += _adverbs(ctx)
    cues += _hedge(ctx)
    cues += _modal(ctx)
    cues += _prediction(ctx)
    cues += _labels(ctx, text)
    if _question_text(text):
        cues.append(Cue("question", "question"))
    cues += _objectivity(ctx)
    cues += _report(ctx)
    if speaker:
        cues.append(Cue("speaker", f"speaker: {speaker}"))
    return cues


def detect_cues(
    span: Span,
    *,
    speaker: str | None = None,
    exclude: Collection[int] = (),
    view: DocView | None = None,
) -> list[Cue]:
    """Every cue of ``span``: opinion cues first, then objectivity cues, then the speaker.

    ``exclude`` holds doc token indices (the speaker phrase) that must not count. ``view``
    is the Doc's :class:`DocView` when the caller has one (it saves re-reading the Doc).
    """
    return cues_of(SpanContext.of(span, exclude, view), speaker=speaker)


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

    A question or a loaded label makes an opinion. Otherwise the model decides the writer's
    own claims; for an attributed claim (its cues name a speaker) the weighed cues decide
    (ties go to "fact") and the model's score is shown.
    """
    scored = decide(cues, weights)
    model_says = subjectivity >= 0.5
    if any(c.category in OVERRIDE_CATEGORIES for c in cues):
        opinion = True
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
    features: Any = None  # workbench.learning.features.SpanFeatures when a model scored it


def judge(
    ctx: SpanContext,
    *,
    speaker: str | None = None,
    labels: list[Cue] | None = None,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    model: LinearModel | None = None,
) -> Judgement:
    """Cues, model score and kind of one span context (see :func:`classify`); ``labels``
    are label cues found by the attribution rules (:func:`attribution_label`)."""
    cues = _with_label(cues_of(ctx, speaker=speaker), labels or [])
    if model is None:
        return Judgement(decide(cues, weights), cues)
    from workbench.learning.features import span_features

    found = span_features(ctx, cues)
    return Judgement(combine(cues, model.score(found), weights), cues, found)


def classify(
    span: Span,
    *,
    speaker: str | None = None,
    exclude: Collection[int] = (),
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    model: LinearModel | None = None,
    view: DocView | None = None,
) -> KindDecision:
    """Kind of one claim span with its cues (see the module docstring for the rules).

    With ``model`` (see :func:`workbench.learning.subjectivity_model`) the cues and the
    model's score are combined by :func:`combine`; without, the cues are weighed.
    """
    ctx = SpanContext.of(span, exclude, view)
    return judge(ctx, speaker=speaker, weights=weights, model=model).decision


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
    component's extensions (``span._.speaker``, ``source_range``, ``attribution_cue``)."""
    if not Span.has_extension("speaker"):
        return None, frozenset()
    speaker = span._.speaker
    bounds = span._.source_range if Span.has_extension("source_range") else None
    if speaker is None and not bounds:
        return None, frozenset()
    cue = span._.attribution_cue if Span.has_extension("attribution_cue") else None
    return speaker, exclusion(span, speaker, bounds, cue, view=view)


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


class KindComponent:
    """spaCy component: set kind, cues and the model's subjectivity on every claim unit."""

    def __init__(self, *, weights: Mapping[str, float], learned: bool) -> None:
        self.weights = {**DEFAULT_WEIGHTS, **weights}
        self.learned = learned

    def __call__(self, doc: Doc) -> Doc:
        view = doc_view(doc, fresh=True)
        model = None
        if self.learned:
            from workbench.learning import subjectivity_model

            model = subjectivity_model()
        for unit in doc._.claim_spans:
            speaker, exclude = content_exclusion(unit, view=view)
            ctx = SpanContext.make(view, unit.start, unit.end, exclude)
            labels = None
            if speaker is not None and Span.has_extension("attribution_cue"):
                labels = attribution_label(unit, unit._.attribution_cue, view=view)
            found = judge(ctx, speaker=speaker, labels=labels, weights=self.weights, model=model)
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
