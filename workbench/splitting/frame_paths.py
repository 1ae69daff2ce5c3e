"""Where a claim's movement runs, as a frame reads it: the "from" and "to" ends of "flew
from Lenz to Karsova", "went from deficit to surplus", "from $10 trillion to $16 trillion"
(each end as its phrase's words, a number written in words as its figure)."""

from __future__ import annotations

from spacy.tokens import Token

from workbench.splitting.frame_numbers import number_values
from workbench.splitting.lexicon import LEXICON

PATH_SOURCES = frozenset(" ".join(p) for p in LEXICON["path_sources"].phrases)
PATH_DESTINATIONS = LEXICON["path_destinations"].words
DESTINATION_NOUNS = LEXICON["path_destination_nouns"].words
REPLACING = frozenset(LEXICON["replacing_verbs"].phrases)
#: what a verb of replacing holds that is replaced
REPLACED_DEPS = frozenset({"dobj", "nsubjpass"})


def movement_path(tokens: list[Token]) -> tuple[str, ...]:
    """("from", "to") of a movement ("from Lenz to Karsova", "from deficit to surplus"),
    each end as its phrase's words (lemma last), "" for an end the claim does not give
    ("flew to Lenz": ("", "lenz")), or of a replacing where the claim moves nothing; ()
    without either."""
    ends: dict[str, str] = {}
    for token in tokens:
        if token.dep_ != "pobj":
            continue
        preposition = token.head.lower_
        two_words = f"{token.head.head.lower_} {preposition}"  # "out of the mines"
        if token.head.head.dep_ == "prep" and two_words in PATH_SOURCES | PATH_DESTINATIONS:
            preposition = two_words
        side = (
            "from" if preposition in PATH_SOURCES
            else "to" if preposition in PATH_DESTINATIONS or _toward(token)
            else None
        )  # fmt: skip
        if side is not None and side not in ends:
            ends[side] = _phrase_words(token)
        start = _range_start(token) if side == "from" else None
        if start is not None:  # "from $10 trillion to $16 trillion" read as one amount
            ends["from"], ends["to"] = start, _phrase_words(token)
        elif side == "from" and (joint := _range_joint(token)) is not None:
            # "from 1% up to 4%", both on "from" or the second set beside the first
            ends.setdefault("to", _phrase_words(_amount_of(token.doc[joint])))
    if not ends:  # "replace OPEC oil with coal": a path from one to the other
        return _replacement(tokens) or ()
    return (ends.get("from", ""), ends.get("to", ""))


def _toward(end: Token) -> bool:
    """Whether a noun ends a movement as the object of "in the direction of" (its noun in
    ``path_destination_nouns``)."""
    noun = end.head.head
    return end.head.lower_ == "of" and noun.lower_ in DESTINATION_NOUNS and noun.head.lower_ == "in"


def _replacement(tokens: list[Token]) -> tuple[str, str] | None:
    """(what is replaced, what replaces it) of a verb of replacing ("replace OPEC oil with
    American coal", "OPEC oil was replaced by coal"), "" for what the claim does not say.
    The preposition may hang on the verb or on what it replaces."""
    for token in tokens:
        holder = token.head.head
        verb = holder.head if holder.dep_ in REPLACED_DEPS else holder
        if token.dep_ != "pobj" or verb.pos_ != "VERB":
            continue
        if (verb.lemma_.lower(), token.head.lower_) in REPLACING:
            replaced = [c for c in verb.children if c.dep_ in REPLACED_DEPS]
            return (_phrase_words(replaced[0]) if replaced else "", _phrase_words(token))
    return None


def _range_start(amount: Token) -> str | None:
    """The first end of an amount the parser read as a range ("$10 trillion to $16
    trillion", "15% to 10%": "to" a modifier of the last amount or of its figure): its words
    before "to"."""
    joint = _range_joint(amount)
    if joint is None or joint > amount.i:
        return None
    start = list(amount.doc[amount.left_edge.i : joint])
    if not any(t.like_num for t in start):
        return None  # "up to 4%": a bound, no first end
    if _spelled(start):  # "a thousand to seven hundred dollars"
        return " ".join(number_values(start)) or None
    return " ".join(t.lower_ for t in start if t.is_alpha or t.like_num or t.text == "%") or None


def _range_joint(amount: Token) -> int | None:
    """Where the "to" of an amount read as a range stands, if it is one."""
    joints = [t.i for t in amount.subtree if t.dep_ == "quantmod" and t.lower_ == "to"]
    return joints[0] if joints else None


def _amount_of(joint: Token) -> Token:
    """The amount a range's "to" belongs to: the noun its number counts ("4" of "up to 4
    percent"), or the number itself."""
    amount = joint.head
    while amount.dep_ in {"nummod", "quantmod"} and amount.head is not amount:
        amount = amount.head
    return amount


def _spelled(tokens: list[Token]) -> bool:
    """Whether a number among ``tokens`` is written in words alone ("seven hundred", not
    "$10 trillion")."""
    words = any(t.like_num and t.is_alpha for t in tokens)
    return words and not any(t.text[:1].isdigit() for t in tokens)


def _phrase_words(noun: Token) -> str:
    """A noun phrase as compared: its compounds, adjectives and figures ("15 %"), and the
    noun's lemma; a number written in words as its figure ("a thousand dollars" is "1000
    dollar", the second end of "a thousand to seven hundred dollars" "700 dollar")."""
    joint = _range_joint(noun)
    after = joint if joint is not None and joint < noun.i else -1
    phrase = [t for t in noun.subtree if after < t.i and (t.i <= noun.i or noun.pos_ == "NUM")]
    if _spelled(phrase):  # "seven hundred and fifty"
        unit = [] if noun.pos_ == "NUM" else [noun.lemma_.lower()]
        return " ".join([*number_values(phrase), *unit])
    before = [t.lower_ for t in noun.lefts if t.dep_ in {"compound", "amod", "nummod"}]
    return " ".join([*before, noun.lemma_.lower()])
