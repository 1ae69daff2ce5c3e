"""Features of a claim span, computed the same way when training and when splitting.

Three groups, all from the span's *content* (the tokens not excluded as the speaker's):

* **words** — :func:`words` is a regular-expression tokeniser over the content's text
  (lower case, curly apostrophes straightened, every digit written ``0``), so it needs no
  parse; :func:`terms` adds word bigrams. The model weighs them by TF-IDF.
* **cues and measures** (:data:`DENSE_NAMES`) — the counts of the kind cues of
  :mod:`workbench.splitting.kinds` by category (the very cues a reviewer sees), the
  check-worthiness features of :mod:`workbench.splitting.checkworthiness`, and measures of
  the content: the share of words inside named entities, figures and dates, the share of
  adjectives, adverbs, pronouns …, first- and second-person pronouns, negations,
  exclamation and quotation marks, tense.
* **token vectors** — the mean of the tagger's contextual token vectors (``doc.tensor``,
  96 numbers for the small English model) over the content. A Doc without a tensor gets
  NaN here, which a model reads as its training mean (so these features then weigh
  nothing).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from workbench.splitting.cues import CUE_CATEGORIES, Cue, features_of
from workbench.splitting.lexicon import (
    COMPARATIVE_TAGS,
    DATE_LABELS,
    FIRST_PERSON,
    NAMED_LABELS,
    NUMBER_LABELS,
    PAST_TAGS,
    PRESENT_TAGS,
    QUOTE_MARKS,
    REPORTING_VERBS,
    SECOND_PERSON,
)
from workbench.splitting.view import SpanContext

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_DIGITS = re.compile(r"[0-9]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec width

MEASURE_NAMES: tuple[str, ...] = (
    "log_words",
    "short",
    "share:entity",
    "share:number",
    "share:date",
    "share:adj",
    "share:adv",
    "share:noun",
    "share:propn",
    "share:pron",
    "share:verb",
    "share:past",
    "share:present",
    "count:first_person",
    "count:second_person",
    "count:comparative",
    "count:negation",
    "count:modal",
    "count:reporting",
    "count:exclamation",
    "count:quote_marks",
    "count:digits",
)
CHECK_NAMES: tuple[str, ...] = (
    "check:number",
    "check:date",
    "check:entity_labels",
    "check:past_event",
    "check:comparison",
    "check:question",
)
CUE_NAMES: tuple[str, ...] = tuple(f"cue:{c}" for c in CUE_CATEGORIES)
#: Names of the dense features, in the order of :attr:`SpanFeatures.dense`.
DENSE_NAMES: tuple[str, ...] = CUE_NAMES + CHECK_NAMES + MEASURE_NAMES
TENSOR_NAMES: tuple[str, ...] = tuple(f"tensor:{i}" for i in range(TENSOR_WIDTH))
ALL_DENSE_NAMES: tuple[str, ...] = DENSE_NAMES + TENSOR_NAMES
_CUE_INDEX = {c: i for i, c in enumerate(CUE_CATEGORIES)}


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: letters and digits (each digit as ``0``), apostrophes
    inside a word kept ("don't", "russia's")."""
    return _WORD.findall(_DIGITS.sub("0", text.lower().translate(_APOSTROPHES)))


def terms(text: str, ngram: int = 2) -> list[str]:
    """The words of ``text`` and their n-grams up to ``ngram`` (joined by a space)."""
    found = words(text)
    out = list(found)
    for n in range(2, ngram + 1):
        out += [" ".join(found[i : i + n]) for i in range(len(found) - n + 1)]
    return out


@dataclass(frozen=True)
class SpanFeatures:
    """Everything a model reads about one span."""

    text: str  # the content's text, for the word features
    dense: np.ndarray  # float64, len(ALL_DENSE_NAMES): DENSE_NAMES then TENSOR_NAMES
    _terms: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def terms(self, ngram: int) -> list[str]:
        """:func:`terms` of the text, computed once per ``ngram``."""
        found = self._terms.get(ngram)
        if found is None:
            found = self._terms[ngram] = terms(self.text, ngram)
        return found


def _measures(ctx: SpanContext) -> list[float]:
    v = ctx.view
    is_space, is_punct, is_alpha, pos_, tag_, lower_, ent_, dep_, lemma_, like_num, digit, text_ = (
        v.is_space,
        v.is_punct,
        v.is_alpha,
        v.pos,
        v.tag,
        v.lower,
        v.ent_type,
        v.dep,
        v.lemma,
        v.like_num,
        v.digit,
        v.text,
    )
    n = alpha = named = numbers = dates = adj = adv = noun = propn = pron = 0
    verbs = past = present = first = second = comparative = negation = modal = reporting = 0
    exclamation = quotes = digits = 0
    for i in ctx.content:
        if is_space[i]:
            continue
        if is_punct[i]:
            t = text_[i]
            if t == "!":
                exclamation += 1
            elif t in QUOTE_MARKS:
                quotes += 1
            continue
        n += 1
        alpha += is_alpha[i]
        ent = ent_[i]
        if ent in NAMED_LABELS:
            named += 1
        elif ent in DATE_LABELS:
            dates += 1
        if ent in NUMBER_LABELS or like_num[i]:
            numbers += 1
        pos = pos_[i]
        tag = tag_[i]
        if pos == "ADJ":
            adj += 1
        elif pos == "ADV":
            adv += 1
        elif pos == "NOUN":
            noun += 1
        elif pos == "PROPN":
            propn += 1
        elif pos == "PRON":
            pron += 1
        elif pos == "VERB" or pos == "AUX":
            verbs += 1
            if tag in PAST_TAGS:
                past += 1
            elif tag in PRESENT_TAGS:
                present += 1
            if pos == "VERB" and lemma_[i] in REPORTING_VERBS:
                reporting += 1
        if tag in COMPARATIVE_TAGS:
            comparative += 1
        elif tag == "MD":
            modal += 1
        word = lower_[i]
        if word in FIRST_PERSON:
            first += 1
        elif word in SECOND_PERSON:
            second += 1
        if dep_[i] == "neg":
            negation += 1
        digits += digit[i]
    share = 1.0 / (n or 1)
    per_verb = 1.0 / (verbs or 1)
    return [
        math.log1p(alpha),
        float(alpha < 6),
        named * share,
        numbers * share,
        dates * share,
        adj * share,
        adv * share,
        noun * share,
        propn * share,
        pron * share,
        verbs * share,
        past * per_verb,
        present * per_verb,
        float(first),
        float(second),
        float(comparative),
        float(negation),
        float(modal),
        float(reporting),
        float(exclamation),
        float(quotes),
        float(digits),
    ]


def _tensor_mean(ctx: SpanContext) -> np.ndarray:
    v = ctx.view
    tensor = v.doc.tensor
    rows = [i for i in ctx.content if not v.is_space[i]]
    if not rows or getattr(tensor, "ndim", 0) != 2 or tensor.shape != (len(v.text), TENSOR_WIDTH):
        return np.full(TENSOR_WIDTH, np.nan)
    return np.asarray(tensor[rows].mean(axis=0), dtype=np.float64)


def span_features(ctx: SpanContext, cues: Sequence[Cue]) -> SpanFeatures:
    """The features of a span context whose cues (:func:`~workbench.splitting.kinds.cues_of`)
    are already known."""
    counts = [0.0] * len(CUE_CATEGORIES)
    seen: set[str] = set()
    for cue in cues:
        index = _CUE_INDEX.get(cue.category)
        if index is None or cue.weight_factor == 0.0 or cue.text in seen:
            continue
        seen.add(cue.text)
        counts[index] += 1.0
    check = features_of(ctx)
    checks = [
        float(check.number),
        float(check.date),
        float(len(check.entity_labels)),
        float(check.past_event),
        float(check.comparison),
        float(check.question),
    ]
    dense = np.concatenate([np.array(counts + checks + _measures(ctx)), _tensor_mean(ctx)])
    return SpanFeatures(ctx.view.content_text(ctx.content), dense)
