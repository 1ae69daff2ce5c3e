"""A part of a group said as a share of it: "half the voters", "a quarter of the budget" and
"one in ten dockers" are compared as "50 percent of the voters", "25 percent of the budget"
and "10 percent of dockers" (the ``[shares]`` lists of matching.toml)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from workbench.core.numbers import number_text
from workbench.core.values import Frame
from workbench.matching.number_words import NUMBER_WORDS, ONE_ARTICLES
from workbench.matching.vocabulary import vocabulary

#: the counts a part or "one in ten" may start with, up to nineteen
_COUNTS = dict.fromkeys(ONE_ARTICLES, 1) | {w: int(v) for w, v in NUMBER_WORDS.items() if v < 20}


@dataclass(frozen=True)
class Share:
    """One share of a claim's wording: the numbers a parse reads of it ("one in ten": 1 and
    10; "three quarters": 0.75) and the percent it is compared as."""

    read: tuple[str, ...]
    percent: str


@dataclass(frozen=True)
class _Patterns:
    part: re.Pattern
    out_of: re.Pattern
    denominators: dict[str, int]
    not_after: frozenset[str]


@functools.cache
def _patterns() -> _Patterns:
    lists = vocabulary().shares
    parts = dict(entry.split() for entry in lists["parts"])
    counts = "|".join([*_COUNTS, r"\d{1,2}"])
    either = "|".join(map(re.escape, parts))
    groups = "|".join(map(re.escape, lists["groups"]))
    denominators = "|".join(map(re.escape, lists["out_of"]))
    not_counted = "|".join(map(re.escape, lists["not_counted"]))
    counted_by = "|".join(map(re.escape, lists["counted_by"]))
    return _Patterns(
        part=re.compile(rf"\b(?:({counts})[\s-]+)?({either})\s+(?=({groups})\b)"),
        out_of=re.compile(
            rf"\b({counts})\s+(?:in|(?:out\s+)?of\s+({counted_by})|out\s+of)\s+(?:a\s+|every\s+)?"
            rf"({denominators})\b(?!\s+(?:{not_counted})\b)(\s+of\b)?"
        ),
        denominators={k: int(v) for k, v in parts.items()},
        not_after=frozenset(lists["not_after"]),
    )


def _count(word: str) -> int:
    return _COUNTS[word] if word in _COUNTS else int(word) if word.isdigit() else NUMBER_WORDS[word]


def _percent(count: int, whole: int) -> str | None:
    """``count`` parts of ``whole`` in percent, when that is a whole number up to 100."""
    if not 0 < count <= whole or (100 * count) % whole:
        return None
    return number_text(100 * count // whole)


def with_shares(lowered: str) -> tuple[str, tuple[Share, ...]]:
    """A lowercased wording with each share it states as "N percent of", and the shares."""
    patterns = _patterns()
    shares: list[Share] = []

    def part(m: re.Match) -> str:
        count, word, group = m.groups()
        before = lowered[: m.start()].split()[-1:]
        if count is None and (word not in {"half", "halves"} or set(before) & patterns.not_after):
            return m.group(0)  # "the first quarter of 2020", "the second half of 1980"
        whole, n = patterns.denominators[word], _count(count) if count else 1
        percent = _percent(n, whole)
        if percent is None:
            return m.group(0)
        shares.append(Share((number_text(n / whole),), percent))
        return f"{percent} percent " if group == "of" else f"{percent} percent of "

    def out_of(m: re.Match) -> str:
        count, by, whole, _ = m.groups()
        percent = _percent(_count(count), _count(whole))
        if percent is None:
            return m.group(0)
        read = (number_text(_count(count)), number_text(_count(whole)))
        shares.append(Share(read, percent))
        whose = f" {by}" if by not in (None, "every") else ""  # "four of those five budgets"
        return f"{percent} percent of{whose}"

    text = patterns.part.sub(part, lowered)
    return patterns.out_of.sub(out_of, text), tuple(shares)


def frame_with_shares(frame: Frame, shares: tuple[Share, ...]) -> Frame:
    """``frame`` with the numbers its parse read of each share taken for that share's percent;
    a share whose numbers the parse did not read is left out."""
    numbers = set(frame.numbers)
    changed = False
    for share in shares:
        if set(share.read) <= numbers:
            numbers = (numbers - set(share.read)) | {share.percent}
            changed = True
    return frame if not changed else replace(frame, numbers=tuple(sorted(numbers)))


def share_words() -> frozenset[str]:
    """The words that name a part ("half", "quarters"): as a participant, a share."""
    return frozenset(_patterns().denominators)
