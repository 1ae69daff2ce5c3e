"""Numbers written in words, as matching reads a claim's wording: "three hundred and two"
is one number, 302, where it stands; "nineteen eighty-four" stays two."""

from __future__ import annotations

import functools
import itertools
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Set
from importlib.resources import files

from workbench.core.numbers import number_text
from workbench.matching.vocabulary import stem

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "thousand": 1000,
    "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
#: number words that multiply what comes before them ("five hundred", "two dozen")
MULTIPLIERS = frozenset({"hundred", "dozen", "thousand", "million", "billion", "trillion"})
#: multipliers that close a group ("two million | three hundred thousand")
SCALES = frozenset({"thousand", "million", "billion", "trillion"})
#: the article that counts one before a multiplier ("a million", "an eighth" is no number)
ONE_ARTICLES = frozenset({"a", "an"})
#: "and a half" inside a run of number words ("seven and a half million"), as one word
HALF = "and a half"
#: "half a" opening a run before a multiplier ("half a trillion", "half a dozen")
HALF_A = "half a"


def with_spelled_numbers(words: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """``words`` in order, each as (word, None), with every run of number words that reads
    as one number ("three hundred and two", "twenty-five", "two thousand four hundred") as
    ("", its value). A word that cannot go on a run starts another ("nineteen eighty-four"
    is 19 and 84, "two, three" 2 and 3)."""
    run: list[str] = []
    listed = list(words)
    k = 0
    while k < len(listed):
        word = listed[k]
        after = listed[k + 1] if k + 1 < len(listed) else ""
        if word in NUMBER_WORDS and (not run or _goes_on(run[-1], word)):
            run.append(word)
            k += 1
            continue
        if word in ONE_ARTICLES and not run and after in MULTIPLIERS:
            run.append("one")  # "a million"
            k += 1
            continue
        if word == "half" and not run and after in ONE_ARTICLES and _multiplier_at(listed, k + 2):
            run.append(HALF_A)  # "half a trillion"
            k += 2
            continue
        if word == "and" and run and run[-1] in MULTIPLIERS and NUMBER_WORDS.get(after, 100) < 100:
            k += 1  # "three hundred and two"
            continue
        if (
            word == "and"
            and run
            and run[-1] != HALF
            and listed[k + 1 : k + 3] in (["a", "half"], ["one", "half"])
        ):
            run.append(HALF)  # "seven and a half"
            k += 3
            continue
        if run:
            yield "", number_text(_value(run))
            run = []
            if word in NUMBER_WORDS:
                continue  # the word starts a run of its own
        yield word, None
        k += 1
    if run:
        yield "", number_text(_value(run))


def _multiplier_at(words: list[str], k: int) -> bool:
    """Whether the word at ``k`` multiplies what comes before it ("trillion")."""
    return k < len(words) and words[k] in MULTIPLIERS


def _goes_on(last: str, word: str) -> bool:
    """Whether ``word`` can follow ``last`` in one spelled number."""
    if last == HALF:
        return word in SCALES  # "seven and a half million"
    if last == HALF_A:
        return word in MULTIPLIERS  # "half a trillion", "half a dozen"
    value, before = NUMBER_WORDS[word], NUMBER_WORDS[last]
    if last == "dozen":
        return False
    if last in MULTIPLIERS:
        return value < before or (word in SCALES and last == "hundred")
    if before >= 20 and before % 10 == 0:  # "twenty" | "five", "forty" | "thousand"
        return value < 10 or word in MULTIPLIERS
    return word in MULTIPLIERS


def _value(run: list[str]) -> float:
    """The number a run of number words reads as ("three hundred and two" is 302)."""
    total, group = 0.0, 0.0
    for word in run:
        if word == HALF:
            group += 0.5
        elif word == HALF_A:
            group = 0.5
        elif word in SCALES:
            total, group = total + (group or 1) * NUMBER_WORDS[word], 0.0
        elif word in MULTIPLIERS:
            group = (group or 1) * NUMBER_WORDS[word]
        else:
            group += NUMBER_WORDS[word]
    return total + group


#: the endings of an ordinal number word ("first", "second", "third", "fourth")
ORDINAL_ENDINGS = ("st", "nd", "rd", "th")


@functools.cache
def ordinal_values() -> Mapping[str, str]:
    """{ordinal number word in its compared form: its value as text} ("thirteenth": "13"),
    from the number words of the splitter's lexicon, which reads them into a claim's
    numbers."""
    entries = _lexicon_pairs("number_words")
    return {stem(w): number_text(float(v)) for w, v in entries if w.endswith(ORDINAL_ENDINGS)}


@functools.cache
def part_values() -> Mapping[str, float]:
    """{word naming a part of one in its compared form: how many make one} ("thirds": 3),
    from the splitter's lexicon, which reads "two-thirds" into a claim's numbers as 0.666…."""
    return {stem(w): float(v) for w, v in _lexicon_pairs("fractions")}


def _lexicon_pairs(name: str) -> list[list[str]]:
    lexicon = files("workbench.data").joinpath("lexicon", "numbers.toml").read_text("utf-8")
    return [line.split() for line in tomllib.loads(lexicon)[name]["phrases"]]


Read = list[tuple[str, str | None]]


def as_framed(read: Read, numbers: Set[str]) -> Read:
    """A wording read as (word, None) and ("", number), with the numbers the splitter read
    otherwise where they stand as it read them: ranks traded with ranks ("from first to
    thirteenth": two ordinals or more; a lone one, "the first of 38", stays a word), and a
    count of parts ("two-thirds", 2 and "third") as the part ("0.666…")."""
    ordinals, parts = ordinal_values(), part_values()
    ranks = [k for k, (w, n) in enumerate(read) if n is None and ordinals.get(w) in numbers]
    if len(ranks) >= 2:
        read = [(w, ordinals[w]) if k in ranks else (w, n) for k, (w, n) in enumerate(read)]
    framed = list(read)
    for k, ((_, count), (word, none)) in enumerate(itertools.pairwise(read)):
        part = number_text(float(count) / parts[word]) if count and word in parts else None
        if none is None and part in numbers:
            framed[k] = ("", part)
    return framed
