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
* **sentence embedding** — the content's embedding by the shipped sentence encoder
  (:mod:`workbench.splitting.encoder`, 384 numbers), computed in batches by the callers
  for the claims a model decides; NaN when not computed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from workbench.splitting.cue_features import features_of
from workbench.splitting.cues import CUE_CATEGORIES, Cue
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
    VERBAL,
)
from workbench.splitting.view import DocView, SpanContext

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
ENCODER_WIDTH = 384  # the sentence encoder's (workbench.splitting.encoder.WIDTH)
ENCODER_NAMES: tuple[str, ...] = tuple(f"encoder:{i}" for i in range(ENCODER_WIDTH))
ALL_DENSE_NAMES: tuple[str, ...] = DENSE_NAMES + TENSOR_NAMES + ENCODER_NAMES
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
    dense: np.ndarray  # float64, len(ALL_DENSE_NAMES): DENSE, TENSOR then ENCODER_NAMES
    _terms: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def terms(self, ngram: int) -> list[str]:
        """:func:`terms` of the text, computed once per ``ngram``."""
        found = self._terms.get(ngram)
        if found is None:
            found = self._terms[ngram] = terms(self.text, ngram)
        return found


def _measures(ctx: SpanContext) -> list[float]:
    """The measures of MEASURE_NAMES, in order: shares of word classes, counts of markers."""
    v = ctx.view
    content = [i for i in ctx.content if not v.is_space[i]]
    words = [i for i in content if not v.is_punct[i]]
    marks = [v.text[i] for i in content if v.is_punct[i]]
    pos = Counter(v.pos[i] for i in words)
    verbs = [i for i in words if v.pos[i] in VERBAL]
    alpha = sum(v.is_alpha[i] for i in words)
    share = 1.0 / (len(words) or 1)
    per_verb = 1.0 / (len(verbs) or 1)
    return [
        math.log1p(alpha),
        float(alpha < 6),
        sum(v.ent_type[i] in NAMED_LABELS for i in words) * share,
        sum(v.ent_type[i] in NUMBER_LABELS or v.like_num[i] for i in words) * share,
        sum(v.ent_type[i] in DATE_LABELS for i in words) * share,
        pos["ADJ"] * share,
        pos["ADV"] * share,
        pos["NOUN"] * share,
        pos["PROPN"] * share,
        pos["PRON"] * share,
        len(verbs) * share,
        sum(v.tag[i] in PAST_TAGS for i in verbs) * per_verb,
        sum(v.tag[i] in PRESENT_TAGS for i in verbs) * per_verb,
        *_marker_counts(v, words, verbs, marks),
    ]


def _marker_counts(v: DocView, words: list[int], verbs: list[int], marks: list[str]) -> list[float]:
    """Counts of first and second person, comparatives, negation, modals, reporting verbs,
    exclamation marks, quotation marks and digits."""
    return [
        float(sum(v.lower[i] in FIRST_PERSON for i in words)),
        float(sum(v.lower[i] in SECOND_PERSON for i in words)),
        float(sum(v.tag[i] in COMPARATIVE_TAGS for i in words)),
        float(sum(v.dep[i] == "neg" for i in words)),
        float(sum(v.tag[i] == "MD" for i in words)),
        float(sum(v.pos[i] == "VERB" and v.lemma[i] in REPORTING_VERBS for i in verbs)),
        float(sum(mark == "!" for mark in marks)),
        float(sum(mark in QUOTE_MARKS for mark in marks)),
        float(sum(v.digit[i] for i in words)),
    ]


def _tensor_mean(ctx: SpanContext) -> np.ndarray:
    v = ctx.view
    tensor = v.doc.tensor
    rows = [i for i in ctx.content if not v.is_space[i]]
    if not rows or getattr(tensor, "ndim", 0) != 2 or tensor.shape != (len(v.text), TENSOR_WIDTH):
        return np.full(TENSOR_WIDTH, np.nan)
    return np.asarray(tensor[rows].mean(axis=0), dtype=np.float64)


def span_features(
    ctx: SpanContext, cues: Sequence[Cue], encoding: np.ndarray | None = None
) -> SpanFeatures:
    """The features of a span context whose cues (:func:`~workbench.splitting.kinds.cues_of`)
    are already known; ``encoding`` is the content's sentence embedding, when computed
    (NaN otherwise, which a model reads as its training mean)."""
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
    if encoding is None:
        encoding = np.full(ENCODER_WIDTH, np.nan)
    dense = np.concatenate(
        [np.array(counts + checks + _measures(ctx)), _tensor_mean(ctx), encoding]
    )
    return SpanFeatures(ctx.view.content_text(ctx.content), dense)
