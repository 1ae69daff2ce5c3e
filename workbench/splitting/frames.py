"""Each claim's frame: who does what to whom, when, how many, and with which polarity.

Read from the parse and the entities of the claim's content (the speaker's words, without the
reporting frame), so that matching can tell "Moscow launched an invasion of Ukraine" from
"Ukraine launched an invasion of Russia" whatever their fuzzy score (see
:mod:`workbench.matching`):

* ``agents`` — the named actors (people, organisations, states, nationalities, places) in
  the subject of the content's main clause, or in its "by" phrase when it is passive;
  ``others`` — the named actors and places
  elsewhere in it. Names are compared lower-cased, by their last word ("Mr Putin" =
  "Vladimir Putin").
* ``dates`` — weekdays, months (abbreviations folded: "Feb." = "February"), years and day
  numbers of the DATE entities.
* ``numbers`` — the values of quantities, written in figures or words, ordinals included
  ("eightieth" = 80, "forty thousand" = 40000, "1.2 million"); a number inside a name
  ("World War Two") is not a quantity.
* ``polarity`` — "negative" for a negation or a denial, "hedged" for "hardly", "barely" …
* ``predicate`` — the main verb's lemma, shown beside a match, not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from workbench.models import Frame
from workbench.splitting.lexicon import LEXICON, SUBJECT_DEPS
from workbench.splitting.tokens import clause_head

#: Dependents that name who acts: an active subject, or the "by" phrase of a passive.
ACTING_DEPS = (SUBJECT_DEPS - {"nsubjpass", "csubjpass"}) | {"agent"}
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
QUANTITY_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
NAME_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def _pairs(name: str) -> dict[str, str]:
    return {phrase[0]: phrase[1] for phrase in LEXICON[name].phrases}


NUMBER_WORDS = {w: float(v) for w, v in _pairs("number_words").items()}
SCALES = {w: float(v) for w, v in _pairs("number_scales").items()}
DATE_WORDS = _pairs("date_words")
HEDGES = LEXICON["hedge_polarity"].words
NEGATIVES = LEXICON["negative_polarity"].words
_FIGURE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:st|nd|rd|th)?$")


def _figure(text: str) -> float | None:
    match = _FIGURE.match(text.lower())
    if match is None:
        return None
    whole, fraction = match.groups()
    return float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))


def number_values(tokens: Iterable[Token]) -> list[str]:
    """The values of the numbers among ``tokens`` ("forty thousand" → 40000), as text."""
    values: list[str] = []
    current: float | None = None
    for token in tokens:
        word = token.lower_
        value = _figure(word) if token.like_num or word[:1].isdigit() else None
        if value is None and word in NUMBER_WORDS and word not in {"a", "an"}:
            value = NUMBER_WORDS[word]
        if value is not None:
            if current is not None and current >= 20 and value < 10:
                current += value  # "forty two"
            else:
                if current is not None:
                    values.append(f"{current:g}")
                current = value
        elif word in SCALES and current is not None:
            current *= SCALES[word]
        elif word in {"a", "an"} and current is None:
            continue
        elif current is not None and word not in {"-", "and"}:
            values.append(f"{current:g}")
            current = None
    if current is not None:
        values.append(f"{current:g}")
    return values


def _name(ent: Span) -> str:
    return ent[-1].lower_ if ent.label_ == "PERSON" else ent.text.lower().removeprefix("the ")


def _date_words(ent: Span) -> list[str]:
    out = []
    for token in ent:
        word = token.lower_.rstrip(".")
        if word in DATE_WORDS:
            out.append(DATE_WORDS[word])
        elif token.is_digit:
            out.append(word)
    return out


def _numeric(token: Token) -> bool:
    return token.like_num or (token.lower_ in NUMBER_WORDS and token.lower_ not in {"a", "an"})


def _polarity(tokens: list[Token], stance: str) -> str:
    words = {t.lower_ for t in tokens}
    if stance == "denies" or any(t.dep_ == "neg" for t in tokens) or words & NEGATIVES:
        return "negative"
    if words & HEDGES:
        return "hedged"
    return "positive"


def claim_frame(span: Span, content: Iterable[int] | None = None, stance: str = "asserts") -> Frame:
    """The frame of a claim span (its ``content`` tokens when the speaker's words are only a
    part of it)."""
    doc = span.doc
    indices = set(content) if content is not None else set(range(span.start, span.end))
    tokens = [doc[i] for i in sorted(indices) if span.start <= i < span.end]
    head = clause_head(tokens)
    subject: set[int] = set()  # who acts: the active subject, or a passive's "by" phrase
    if head is not None:
        for child in head.children:
            if child.dep_ in ACTING_DEPS:  # "by Ruritania" acts in "were shipped by Ruritania"
                subject.update(t.i for t in child.subtree)
    agents: list[str] = []
    others: list[str] = []
    dates: list[str] = []
    numbers: list[str] = []
    for ent in span.ents:
        if not any(t.i in indices for t in ent):
            continue
        if ent.label_ in ACTOR_LABELS:
            (agents if ent.root.i in subject else others).append(_name(ent))
        elif ent.label_ in {"DATE", "TIME"}:
            dates.extend(_date_words(ent))
        elif ent.label_ in QUANTITY_LABELS:
            numbers.extend(number_values(ent))
    inside_entity = {t.i for ent in span.ents for t in ent}
    for token in tokens:  # names the recogniser missed: a proper noun heading its phrase
        if token.pos_ == "PROPN" and token.i not in inside_entity and token.dep_ != "compound":
            (agents if token.i in subject else others).append(token.lower_)
    named = {t.i for ent in span.ents if ent.label_ in NAME_LABELS | {"DATE", "TIME"} for t in ent}
    counted = {t.i for ent in span.ents if ent.label_ in QUANTITY_LABELS for t in ent}
    loose = [t for t in tokens if t.i not in named | counted and _numeric(t)]
    numbers.extend(number_values(loose))
    return Frame(
        agents=tuple(sorted(set(agents))),
        others=tuple(sorted(set(others))),
        dates=tuple(sorted(set(dates))),
        numbers=tuple(sorted(set(numbers))),
        polarity=_polarity(tokens, stance),
        predicate=head.lemma_.lower() if head is not None else None,
    )
