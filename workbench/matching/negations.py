"""Negations two claims hold differently: a denial worded with another verb, a word negated
in one claim standing un-negated in the other, a negation moved to another word, a frame
verb denied, what is denied and what is said instead traded ("not X but Y")."""

from __future__ import annotations

import functools
import re

from workbench.matching.comparatives import traded_sides
from workbench.matching.frame_parts import main_action
from workbench.matching.rewording import one_word_replaced, word_edits
from workbench.matching.signature import Signature, index_terms, normalise_speaker, vocabulary
from workbench.matching.vocabulary import ARTICLES, NEGATIONS, after_negations


def negation_worded_otherwise(a: Signature, b: Signature) -> bool:
    """Whether a claim denies with a word of negation what the other denies with a verb of
    its own, both frames reading a denial: "did not have the authority" / "lacked the
    authority", "did not pay" / "failed to pay". Only with one negation and another main
    verb: the same verb on both sides ("refused to say he did not pay" / "refused to say he
    paid") leaves the negation the one difference."""
    if a.frame is None or b.frame is None:
        return False
    if a.frame.polarity != "negative" or b.frame.polarity != "negative":
        return False
    negated = a if a.negated else b
    actions = {main_action(a.frame), main_action(b.frame)}
    return negated.negations == 1 and len(actions) == 2 and None not in actions


def negated_elsewhere(a: Signature, b: Signature) -> bool:
    """Whether one claim holds more negations than the other, both negate something, and a
    word the first negates stands in the other without one: "a source, whom they did not
    name, said the ban is not part of a plan" / "… said the ban is part of a plan". A
    negated word the other claim does not use ("did not name" / "an unnamed source") is no
    difference, nor is a negation worded otherwise ("will not raise taxes" / "is not going
    to raise taxes"). The words of the other's speaker count as its own: "almost no lawyer
    says X" / "X", said by "almost every lawyer"; so does its main verb, however written ("I
    did not leave the party because I could no longer …" / "I left …"). A word denied by its
    prefix in one claim only ("worked unsuccessfully" / "successfully") is negated elsewhere too."""
    if not (a.negated and b.negated):
        return a.negated == b.negated and prefix_negated(a, b)
    more, fewer = (a, b) if a.negations > b.negations else (b, a)
    if more.negations == fewer.negations:
        return _negation_moved(a, b)
    if _negation_cut(more, fewer):
        return True  # "would not cover people who are not covered" / "would cover people …"
    if (more.negated_words - fewer.negated_words) & _frame_verb_terms():
        return True  # "Socialists do not believe that X" / "Socialists believe that X"
    if _denies_frame(more) and not _denies_frame(fewer):
        return True  # "I have never said we should X" / "we should X", said by me
    # the other's speaker counts: "almost no lawyer says X" / (almost every lawyer:) "X";
    # so does its main verb in its one form ("did not leave" / "left")
    held = set(index_terms(f"{fewer.text} {fewer.speaker or ''}"))
    if fewer.frame is not None and fewer.frame.predicate:
        held.update(index_terms(fewer.frame.predicate))
    return bool((more.negated_words & held) - fewer.negated_words)


def _negation_cut(more: Signature, fewer: Signature) -> bool:
    """Whether the claim with fewer negations is the other with negations cut and nothing
    else changed: whatever else each negates, one says what the other denies. A "no" that
    opens a claim answers ("No, that's not true"), and cutting it denies nothing."""
    words = more.text.split()
    edits = word_edits(words, fewer.text.split())
    return bool(edits) and all(
        tag == "delete" and start > 0 and set(words[start:stop]) <= NEGATIONS
        for tag, start, stop, _, _ in edits
    )


def _denies_frame(claim: Signature) -> bool:
    """Whether a negation of the claim bears on a frame verb ("never said", "did not
    think"), which the index words leave out ("said" is none)."""
    forms = _frame_verb_forms()
    return any(words and words[0] in forms for words in after_negations(claim.text.split(), 1))


@functools.cache
def _frame_verb_forms() -> frozenset[str]:
    """The frame verbs as a compared wording may write them: "say", "says", "said"."""
    vocab = vocabulary()
    endings = ("", "s", "es", "ed", "d", "ing")
    regular = {verb + ending for verb in vocab.frame_verbs for ending in endings}
    regular |= {verb[:-1] + "ing" for verb in vocab.frame_verbs if verb.endswith("e")}
    return frozenset(regular | vocab.frame_verb_forms)


@functools.cache
def _frame_verb_terms() -> frozenset[str]:
    """The index words of the verbs that frame another claim ("believe", "say"): a claim
    that denies its frame denies what the other claim's speaker holds."""
    return frozenset(t for verb in vocabulary().frame_verbs for t in index_terms(verb))


def _negation_moved(a: Signature, b: Signature) -> bool:
    """Whether two claims negating as often negate different words, each of which stands
    in the other claim before its negation: "citizens, not corporate chiefs, should act" /
    "corporate chiefs, not citizens, should act". A negation that only moves past a word
    ("has not so far translated" / "has so far not translated") is no difference."""
    only_a, only_b = a.negated_words - b.negated_words, b.negated_words - a.negated_words
    return bool(
        only_a and only_b and only_a <= _before_negation(b) and only_b <= _before_negation(a)
    )


def _before_negation(sig: Signature) -> set[str]:
    """The index words of a claim that stand before its first negation."""
    words = sig.text.split()
    first = next((i for i, w in enumerate(words) if w in NEGATIONS), len(words))
    return set(index_terms(" ".join(words[:first])))


#: words that turn from what a claim denies to what it says instead ("not X but Y")
TURNING_WORDS = frozenset({"but", "rather", "instead"})


def denial_traded(a: Signature, b: Signature) -> bool:
    """Whether what one claim denies before a "but" the other says after it, and the
    reverse: "it isn't paid for by my money, but by the people's money" / "… by the
    people's money, but by my money"; or what one says before a closing ", not …" the other
    denies there: "That's what Gingrich and Dole did, not me" / "That's what I did, not
    Gingrich and Dole". A denial moved within the same turn ("is paid for not by my money
    but by …") trades nothing."""
    if traded_sides(_denied_and_said(a), _denied_and_said(b)):
        return True
    return traded_sides(_said_then_denied(a), _said_then_denied(b))


def _denied_and_said(sig: Signature) -> tuple[set[str], set[str]] | None:
    """(the words between a claim's first negation and the "but" after it, the words after
    that "but"), each on one side only and articles left out; None when it holds no such
    turn."""
    words = sig.text.split()
    first = next((i for i, w in enumerate(words) if w in NEGATIONS), None)
    if first is None:
        return None
    turn = next((i for i in range(first + 1, len(words)) if words[i] in TURNING_WORDS), None)
    if turn is None:
        return None
    denied, said = set(words[first + 1 : turn]) - ARTICLES, set(words[turn + 1 :]) - ARTICLES
    return denied - said, said - denied


#: a closing denial after a comma: "…, not me", "…, and not the council"
_CLOSING_DENIAL = re.compile(r",\s*(?:and\s+)?not\s+([^,.;:!?]+)[.!?]?\s*$", re.IGNORECASE)
_WORDS = re.compile(r"[\w'-]+")


def _said_then_denied(sig: Signature) -> tuple[set[str], set[str]] | None:
    """(the words a claim's closing ", not …" denies, the words before it), each on one side
    only, a pronoun as its person ("me" and "I" are "@i"); None when it closes no so."""
    if sig.wording is None:
        return None
    closing = _CLOSING_DENIAL.search(sig.wording)
    if closing is None:
        return None
    denied, said = _side(closing[1]), _side(sig.wording[: closing.start()])
    return denied - said, said - denied


def _side(text: str) -> set[str]:
    """The words of substance of one side of a denial, a pronoun as its person."""
    found = (normalise_speaker(w) for w in _WORDS.findall(text))
    return {w for w in found if w is not None}


def prefix_negated(a: Signature, b: Signature) -> bool:
    """Whether two wordings alike but for one word trade it for itself with a prefix that
    denies it ("worked successfully" / "unsuccessfully", "acted fairly" / "unfairly";
    ``[negations] prefixes``)."""
    replaced = one_word_replaced(a, b)
    if replaced is None:
        return False
    shorter, longer = sorted(replaced, key=len)
    return len(shorter) > 3 and any(
        longer == prefix + shorter for prefix in vocabulary().negating_prefixes
    )
