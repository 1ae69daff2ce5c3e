"""Numbers that trade places: two claims that give the same numbers to different things
("52% voted to leave and 48% to stay" / "52% voted to stay and 48% to leave")."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from workbench.matching.signature import Signature, vocabulary, words_and_numbers


def numbers_swapped(a: Signature, b: Signature) -> bool:
    """Whether two claims give the same numbers to different things: a word stands next to
    number x in one and y in the other while another word goes from y to x ("52% voted to
    leave and 48% to stay" / "52% voted to stay and 48% to leave"). Only words next to one
    number on each side count; a word that moved alone is reordering, not a swap. So do two
    wordings alike word for word with their numbers in another order."""
    mine, theirs = a.number_neighbours, b.number_neighbours
    if mine is None or theirs is None or _same_amounts_path(a, b):
        return False
    if _slots_traded(a, b):
        return True
    for near_a, near_b in zip(mine, theirs, strict=True):
        moved = _moved(near_a, near_b)
        if any((y, x) in moved for x, y in moved):
            return True
    # the two words may stand outside the numbers, one before the first, one after the last:
    # "paying $120 billion, up to $200 billion before we're finished" / "paying $200 billion,
    # up to $120 billion before …"
    (before_a, after_a), (before_b, after_b) = mine, theirs
    leading = _moved(_alone(after_a, before_a), _alone(after_b, before_b))
    trailing = _moved(_alone(before_a, after_a), _alone(before_b, after_b))
    return any((y, x) in trailing for x, y in leading)


def ratio_base_changed(a: Signature, b: Signature) -> bool:
    """Whether two claims that each give a ratio ("for every dollar", "per $100") count
    what it is taken for differently: "for every dollar I spend, I'll put $2 toward the
    debt" / "for every $2 I spend, I'll put a dollar toward …" hold the same number on
    other sides of the ratio."""
    if a.wording is None or b.wording is None:
        return False
    mine, theirs = _ratio_bases(a.wording), _ratio_bases(b.wording)
    return bool(mine) and len(mine) == len(theirs) and mine != theirs


@functools.lru_cache(maxsize=1)
def _ratio_pattern() -> re.Pattern[str]:
    """A ratio word of the ``ratio_words`` list and the word after it, a figure with its
    currency sign whole ("every $2")."""
    words = "|".join(sorted(vocabulary().ratio_words))
    return re.compile(rf"\b(?:{words})\s+([$€£¥]?\d[\d.,]*|[a-z-]+)", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # a claim is compared with each of its candidates
def _ratio_bases(wording: str) -> tuple[str, ...]:
    """The counts that each ratio of a wording is taken for, in order: the number right
    after its ratio word, or one ("for every dollar" is 1, "every two years" 2)."""
    bases = []
    for m in _ratio_pattern().finditer(wording):
        numbers = [n for _, n in words_and_numbers(m[1]) if n is not None]
        bases.append(numbers[0] if numbers else "1")
    return tuple(sorted(bases))


def _slots_traded(a: Signature, b: Signature) -> bool:
    """Whether two claims worded alike word for word give the same numbers in another order
    ("a five or six per cent surplus breaks the price fifteen or twenty per cent" / "a
    fifteen or twenty per cent surplus breaks the price five or six per cent")."""
    if a.wording is None or b.wording is None:
        return False
    mine, theirs = list(words_and_numbers(a.wording)), list(words_and_numbers(b.wording))
    if [w for w, _ in mine] != [w for w, _ in theirs]:
        return False  # the words, and where a number stands among them, differ
    mine, theirs = [n for _, n in mine if n], [n for _, n in theirs if n]
    return mine != theirs and sorted(mine) == sorted(theirs)


def _moved(near_a: Mapping[str, frozenset[str]], near_b: Mapping[str, frozenset[str]]) -> set:
    """(x, y) for each word next to number x in one claim and to y in the other."""
    return {
        (next(iter(xs)), next(iter(ys)))
        for word, xs in near_a.items()
        if len(xs) == 1 and len(ys := near_b.get(word, ())) == 1 and xs != ys
    }


def _alone(near: Mapping[str, frozenset[str]], other: Mapping[str, frozenset[str]]) -> dict:
    """The words of ``near`` with no number on their other side (``other``)."""
    return {word: numbers for word, numbers in near.items() if word not in other}


def _same_amounts_path(a: Signature, b: Signature) -> bool:
    """Whether two claims of two numbers give the same amounts as where a change starts and
    ends, as read from the parse ("dropped the rate from 15% to 10%" / "cut the rate to 10%
    from 15%"): then the order the numbers stand in says nothing."""
    if a.frame is None or b.frame is None or len(a.numbers) != 2:
        return False
    path = a.frame.path
    return (
        len(path) == 2 and path == b.frame.path and all(any(c.isdigit() for c in e) for e in path)
    )
