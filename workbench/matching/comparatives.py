"""Comparisons made the other way round: two things trading sides of "than" ("Germany's army
is larger than France's" / "France's army is larger than Germany's"), and a quality said in
its comparative by one claim and with "less" by the other ("America is safer" / "America is
less safe")."""

from __future__ import annotations

import re
from collections.abc import Set

from workbench.matching.signature import STOPWORDS, Signature, signature
from workbench.matching.vocabulary import vocabulary

_LESS = re.compile(r"\bless\s+(\w+)", re.IGNORECASE)
#: what ends a clause inside a claim's wording: a comma, semicolon or colon, a spaced dash
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[-–—]+\s")
Sides = tuple[Set[str], Set[str]]


def comparison_reversed(a: Signature, b: Signature) -> bool:
    """Whether two words trade sides of the comparison word ("than") between the claims, over
    the whole claim or within the clause that compares: "I'm cutting more than I'm spending,
    so it's a net cut" / "I'm spending more than I'm cutting, so it's a net increase" trade
    "cutting" and "spending" in the clause, while the whole claims hold both words after
    "than"."""
    if traded_sides(a.compared_sides, b.compared_sides):
        return True
    if traded_sides(_equative_sides(a), _equative_sides(b)):
        return True
    return traded_sides(_clause_sides(a), _clause_sides(b))


def traded_sides(mine: Sides | None, theirs: Sides | None) -> bool:
    """Whether words on each side of one claim's joint stand on the other side in the other."""
    if mine is None or theirs is None:
        return False
    return bool(mine[0] & theirs[1]) and bool(mine[1] & theirs[0])


#: the most words between the two "as" of one comparison ("as big a tax cut as")
_EQUATIVE_SPAN = 8


def _equative_sides(claim: Signature) -> Sides | None:
    """The sides of the second "as" of an "as … as" that compares one way: denied ("did not
    get as big a cut as those below") or scaled ("twice as many as"); None for a claim
    without one ("as big as" alone says two things are alike, either way round)."""
    words, vocab = claim.text.split(), vocabulary()
    for i, word in enumerate(words[:-2]):
        degree = words[i + 1]
        if word != "as" or degree in vocab.not_equatives or degree in STOPWORDS:
            continue
        scaled = i > 0 and words[i - 1] in vocab.scaled_equatives
        second = [
            j for j in range(i + 2, min(i + 2 + _EQUATIVE_SPAN, len(words))) if words[j] == "as"
        ]
        if second and (claim.negated or scaled):
            return claim.sides_at(words, second[0])
    return None


def part_and_whole_swapped(a: Signature, b: Signature) -> bool:
    """Whether two claims trade words across the "of" that sets a part against its whole:
    "Soviet production is 44 percent of ours" / "Our production is 44 percent of Soviet
    production"."""
    return traded_sides(_part_sides(a), _part_sides(b))


def _part_sides(claim: Signature) -> Sides | None:
    """The sides of the "of" after a word of ``[comparisons] parts``; None when the claim
    sets no part against a whole, or more than one ("in districts where 75 percent of
    students are nonwhite, 10 percent of teachers resigned" says which part of which)."""
    words, parts = claim.text.split(), vocabulary().part_words
    at = [i for i in range(1, len(words)) if words[i] == "of" and words[i - 1] in parts]
    return claim.sides_at(words, at[0]) if len(at) == 1 else None


def _clause_sides(claim: Signature) -> Sides | None:
    """The sides of the first clause of the claim's wording that compares two things; None
    when the claim is one clause or compares nothing."""
    if claim.wording is None or claim.compared_sides is None:
        return None
    clauses = _CLAUSE_BREAK.split(claim.wording)
    if len(clauses) < 2:
        return None
    sides = (signature(clause).compared_sides for clause in clauses)
    return next((s for s in sides if s is not None), None)


def degree_reversed(a: Signature, b: Signature) -> bool:
    """Whether one claim holds a quality in its comparative form ("safer", "bigger",
    "happier") and the other says less of that quality ("less safe"); or one says two
    things are alike in degree ("as fast as any other state") and the other that one is more
    or less ("more slowly than any other state")."""
    return _reversed(a, b) or _reversed(b, a) or _equal_and_unequal(a, b)


def _equal_and_unequal(a: Signature, b: Signature) -> bool:
    said = [(_equates(c), bool(vocabulary().unequal & set(c.text.split()))) for c in (a, b)]
    return {said[0], said[1]} == {(True, False), (False, True)}


def _equates(claim: Signature) -> bool:
    """Whether a claim's wording says "as … as" of one word ("as fast as", "as many as")."""
    words, excluded = claim.text.split(), vocabulary().not_equatives
    return any(
        words[i] == words[i + 2] == "as" and words[i + 1] not in excluded
        for i in range(len(words) - 2)
    )


def _reversed(a: Signature, b: Signature) -> bool:
    if a.frame is None or b.wording is None:
        return False
    lessened = {m.lower() for m in _LESS.findall(b.wording)}
    return any(base in lessened for q in a.frame.qualities for base in _bases(q))


def _bases(word: str) -> set[str]:
    """The forms a comparative may be made from ("safer": "safe", "bigger": "big",
    "happier": "happy"); none for a word without the ending."""
    if word.endswith("ier"):
        return {word[:-3] + "y"}
    if not word.endswith("er") or len(word) < 5:
        return set()
    bases = {word[:-2], word[:-1]}
    if word[-3] == word[-4]:
        bases.add(word[:-3])
    return bases
