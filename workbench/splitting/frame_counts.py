"""Which number words of a claim count something: not the pronoun "one" ("one of the
members"), a denied "one" ("not one shred"), a rank ("number one") or a number word inside
a name ("Marine One"). :mod:`workbench.splitting.frames` reads a claim's numbers with it."""

from __future__ import annotations

from spacy.tokens import Token

from workbench.splitting.frame_numbers import FRACTIONS, NUMBER_WORDS, glued_percent, word_prefixed
from workbench.splitting.lexicon import LEXICON

#: Where "one" stands for a noun instead of counting one ("one of the members").
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "conj"})
#: words that deny a "one" after them or on its verb ("without one vote", "never vetoed one")
DENYING_WORDS = LEXICON["denying_words"].words
RANK_WORDS = LEXICON["rank_words"].words


def numeric(token: Token) -> bool:
    """Whether a word of a claim is a number that counts something."""
    word = token.lower_
    if word in {"a", "an"}:
        return False
    if not is_count(token):
        return False  # "one of the members"
    if in_name(token) or word_prefixed(token):
        return False
    return (
        token.like_num
        or word in NUMBER_WORDS
        or word in FRACTIONS
        or glued_percent(token) is not None
    )


def _denied_one(one: Token) -> bool:
    """Whether a "one" is denied, and so says "none at all" as "a single" would: right after
    a negation or "without" ("not one shred", "wasn't one single iota", "without one vote"),
    or counting the object of a negated verb or what a negated "be" says there is, or its
    owner ("has never once vetoed one bill", "will not see one dime's worth", "there hasn't
    been one single scintilla of evidence")."""
    before = one.doc[one.i - 1] if one.i > 0 else None
    if before is not None and (before.dep_ == "neg" or before.lower_ in DENYING_WORDS):
        return True
    noun = one.head
    while noun.dep_ == "poss" and noun.head != noun:  # "not … one dime's worth"
        noun = noun.head
    verb = noun.head
    if one.dep_ != "nummod" or noun.dep_ not in {"dobj", "attr"}:
        return False
    return any(c.dep_ == "neg" or c.lower_ in DENYING_WORDS for c in verb.children)


def is_count(token: Token) -> bool:
    """False for the pronoun "one" ("one of these groups"), a denied "one" ("not one") and
    a rank ("number one"), which count nothing; "one" of a rate counts, whatever its role
    ("one in ten is employed", "one out of five")."""
    if token.lower_ != "one":
        return True
    if _denied_one(token):  # "not one shred", "without one vote": none at all
        return False
    if token.i > 0 and token.doc[token.i - 1].lower_ in RANK_WORDS:
        return False  # "the number one priority": the top one
    after = list(token.doc[token.i + 1 : token.i + 5])
    if after and after[0].lower_ in {"in", "out"}:  # "one in (every) ten", "one out of five"
        rest = [t for t in after[1:] if t.lower_ not in {"of", "every"}]
        if rest and (rest[0].like_num or rest[0].lower_ in NUMBER_WORDS):
            return True
    following = after[0].lower_ if after else ""
    return following != "of" and token.dep_ not in PRONOUN_DEPS


def in_name(token: Token) -> bool:
    """Whether a number word is part of a name: capitalised inside a sentence ("Marine
    One")."""
    return token.is_title and token.lower_ in NUMBER_WORDS and token.i > token.sent.start
