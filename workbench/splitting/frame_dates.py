"""How a claim's dates are read for its frame: weekdays and months in one form, years, day
numbers, relative words ("last week"), times of day, and a length of time as its count of a
unit ("a decade" = ("10", "years")). :mod:`workbench.splitting.frames` reads every DATE and
TIME entity of a claim with it."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from workbench.core.numbers import number_text
from workbench.splitting.frame_numbers import (
    AND_A_HALF,
    NUMBER_WORDS,
    VAGUE_COUNTS,
    after_article,
    figure,
    is_ordinal,
    is_ordinal_figure,
    number_values,
)
from workbench.splitting.lexicon import LEXICON, lexicon_pairs

_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")
_DECADE = re.compile(r"^(?:\d\d)?\d0s$")  # "1990s", "90s" ("the '90s" keeps its apostrophe apart)
_GROUPED = re.compile(r"^\d+$|^\d{1,3}(?:,\d{3})+$")  # "45", "1,000": digits, maybe grouped
#: a year written short ("'83"), and the last of those read in this century ("'30")
SHORT_YEAR = re.compile(r"^['’](\d\d)$")
_LAST_SHORT_YEAR = 30
#: a decade with the part of it written onto it in one token: "mid-'80s", "late-1990s"
_PART_OF_DECADE = re.compile(r"^(early|mid|late)-['’]?((?:\d\d)?\d0s)$")
DATE_WORDS = lexicon_pairs("date_words")
DECADE_WORDS = lexicon_pairs("decade_words")
RELATIVE_DATES = LEXICON["relative_dates"].words
RANGE_WORDS = LEXICON["range_words"].words
APPROXIMATORS = LEXICON["approximators"].words
SPOKEN_YEAR_PREPOSITIONS = LEXICON["spoken_year_prepositions"].words

#: {unit word: (how many, unit)}: "decades" → (10, "years")
DURATION_UNITS = {w: (float(n), unit) for w, n, unit in LEXICON["duration_units"].phrases}
AGE_ENDINGS = LEXICON["age_endings"].phrases
SPAN_WORDS = LEXICON["span_words"].words
#: the words a date is read from (besides numbers)
_WHEN = (DATE_WORDS, DURATION_UNITS, RELATIVE_DATES, NUMBER_WORDS)
#: the words a year may be spelled in ("nineteen oh five"), and the tens of its last two
#: figures ("sixty" of "nineteen sixty-one")
_OH = frozenset({"oh", "o"})
_YEAR_WORDS = frozenset(w for w, v in NUMBER_WORDS.items() if v == int(v) and v < 100) | {
    "hundred",
    *_OH,
}
_TENS = frozenset({20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0})
#: words that go on reading a number ("forty-two", "three and a half")
_NUMBER_JOINTS = frozenset({"-", "and", "a", "half"})


def spelled_year(ent: Span) -> str | None:
    """The year a date written out in words names, as figures: "nineteen sixty-one" 1961,
    "twenty twenty" 2020, "nineteen hundred" 1900, "nineteen oh five" 1905; None for any
    other entity."""
    words = [t.lower_ for t in ent if t.text != "-"]
    if ent.label_ != "DATE" or len(words) < 2 or not all(w in _YEAR_WORDS for w in words):
        return None
    century = NUMBER_WORDS.get(words[0])
    if century is None or not 10 <= century <= 20 or century != int(century):
        return None
    rest = [NUMBER_WORDS.get(w, 0.0) for w in words[1:]]  # "oh" is 0
    if words[1:] == ["hundred"]:
        return str(int(century) * 100)
    if len(rest) == 2 and (rest[0] in _TENS or words[1] in _OH) and 0 < rest[1] < 10:
        return str(int(century) * 100 + int(rest[0] + rest[1]))
    if len(rest) == 1 and 10 <= rest[0] < 100 and rest[0] == int(rest[0]):
        return str(int(century) * 100 + int(rest[0]))
    return None


def short_year(ent: Span) -> str | None:
    """The year a date written as an apostrophe and two figures names ("in '83" 1983, "in
    '19" 2019: up to '30 in this century, later in the last; said in words, "in fifty-nine"
    1959, :func:`spoken_short_year`); None for any other entity."""
    if ent.label_ != "DATE":
        return None
    match = SHORT_YEAR.match("".join(t.text_with_ws for t in ent).strip())
    figures = int(match[1]) if match else spoken_short_year(ent)
    if figures is None:
        return None
    return str((2000 if figures <= _LAST_SHORT_YEAR else 1900) + figures)


def spoken_short_year(ent: Span) -> int | None:
    """The last two figures of a year said short in words, alone after a preposition of
    ``spoken_year_prepositions`` ("in fifty-nine": 59), whatever the entity's label; None
    for any other span."""
    words = [t.lower_ for t in ent if t.text != "-"]
    values = [NUMBER_WORDS.get(w) for w in words]
    if len(words) != 2 or values[0] not in _TENS or not values[1] or not 0 < values[1] < 10:
        return None
    root, doc = ent.root, ent.doc
    before = doc[ent.start - 2] if ent.start > 1 else None
    if root.dep_ != "pobj" or root.head.i != ent.start - 1:
        return None
    if root.head.lower_ not in SPOKEN_YEAR_PREPOSITIONS or any(
        c.i not in range(ent.start, ent.end) for c in root.children
    ):
        return None
    if before is not None and (before.like_num or before.lower_ in NUMBER_WORDS):
        return None  # "one in fifty-nine"
    return int(values[0] + values[1])


def date_words(ent: Span) -> list[str]:
    """The parts a DATE or TIME entity is compared by: weekdays and months in one form,
    years (also spelled out: :func:`spelled_year`), day numbers, relative words, a length
    of time as its count of a unit."""
    year = spelled_year(ent) or short_year(ent)
    if year is not None:
        return [year]
    out: list[str] = []
    run: list[Token] = []  # number words read together: "forty-two days" is 42
    halved: set[int] = set()  # the "and a half" after a unit, read with it
    for token in ent:
        if token.i in halved:
            continue
        word = token.lower_.rstrip(".")
        counting = word in NUMBER_WORDS and word not in {"a", "an"}
        if ent.label_ == "DATE" and _GROUPED.match(token.text) and _before_unit(token):
            counting = True  # "45 years", "1,000 years"; a year ("in 2019") stays as written
        if counting or (run and word in _NUMBER_JOINTS):
            run.append(token)
            continue
        if word in DURATION_UNITS and _vague_before(token) and not run:
            # "many years", "several decades ago": a length, though not how long
            how_many, base = DURATION_UNITS[word]
            out.extend((_vague_count(token.doc[token.i - 1], how_many), base))
            continue
        if word in DURATION_UNITS and (_cardinal(run) or after_article(token) or _one_of(token)):
            # a length of time: "two decades" is 20 years, "a decade" 10, "ten years" 10,
            # "the last decade" 10, "a year and a half" 1.5
            half = _half_after(token, ent.end)
            alone = 0.5 if half_before(token) else 1.0  # "half a year"
            out.extend(_duration(run, DURATION_UNITS[word], 0.5 if half else 0.0, alone))
            halved.update(t.i for t in half)
            run = []
            continue
        century = number_values(run)
        if word in DECADE_WORDS and century in (["18"], ["19"], ["20"]):
            out.append(century[0] + DECADE_WORDS[word])  # "the nineteen-sixties": the 1960s
            run = []
            continue
        out.extend(century)
        run = []
        clock = clock_time(word) if ent.label_ == "TIME" else None
        if clock is not None:  # "4:00 A.M.", "5 p.m.": a time of day, as "4:00"
            out.append(clock)
        elif word in DATE_WORDS:
            out.append(DATE_WORDS[word])
        elif word in DECADE_WORDS:  # "the middle fifties" as "the mid-'50s"
            out.append(DECADE_WORDS[word])
        elif token.is_digit:
            out.append(word)
        elif (value := figure(word)) is not None:  # "the 14th year", "June 27th"
            out.append(number_text(value))
        elif _DECADE.match(word.lstrip("'’")):
            out.append(word.lstrip("'’"))  # "the 1990s" / "the 1980s" are different times
        elif part := _PART_OF_DECADE.match(word):
            out.extend((part[1], part[2]))  # "the mid-'80s" / "the mid-'90s"
        elif word in RELATIVE_DATES:
            out.append(word)
    return out + number_values(run)  # "the third quarter"


def read_as_date(token: Token) -> bool:
    """Whether a word of a date entity says when (a number, a unit, a month, "last") rather
    than what or where: what the recogniser drew in besides stays a participant."""
    word = token.lower_.rstrip(".")
    return (
        token.pos_ not in {"NOUN", "PROPN"}
        or token.like_num
        or any(w in vocabulary for w in (word, token.lemma_.lower()) for vocabulary in _WHEN)
        or figure(word) is not None
        or bool(_DECADE.match(word.lstrip("'’")))
    )


def _cardinal(run: list[Token]) -> bool:
    """Whether number words read together count ("fourteen", "three and a half"), not
    order ("the fourteenth year" is no length of time)."""
    return bool(run) and all(t.tag_ == "CD" or t.lower_ in _NUMBER_JOINTS for t in run)


def _duration(
    run: list[Token], unit: tuple[float, str], more: float, alone: float = 1.0
) -> list[str]:
    """A count of a unit of time (and ``more`` of it) as how many of its base unit and the
    unit ("20", "years"); a count of ``alone`` when no number is written ("a decade" 1,
    "half a decade" 0.5)."""
    counts = [float(v) for v in number_values(run)] or [alone]
    how_many, base = unit
    return [*(number_text((c + more) * how_many) for c in counts), base]


def half_before(unit: Token) -> bool:
    """Whether "half a" or "half an" stands right before a unit of time ("half a year")."""
    return after_article(unit) and unit.i >= 2 and unit.doc[unit.i - 2].lower_ == "half"


def _half_after(unit: Token, end: int) -> list[Token]:
    """The "and a half" right after a unit of time, before ``end`` ("a year and a half",
    "a year-and-a-half"), or nothing."""
    after = [t for t in unit.doc[unit.i + 1 : end] if t.text not in {"-", "‐"}][:3]
    return after if [t.lower_ for t in after] == AND_A_HALF else []


def _vague_count(word: Token, how_many: float) -> str:
    """The count a word that counts only roughly gives a date of ``how_many`` of its base
    unit ("many years" is "~many" years, "many decades" "~many×10"): no number, so it
    differs from every number of the unit ("two years")."""
    scale = "" if how_many == 1 else "×" + number_text(how_many)
    return "~" + word.lower_ + scale


def _vague_before(unit: Token) -> bool:
    """Whether a unit of time is counted by a word that says no number ("many years",
    "several decades", "a few months"; ``[vague_counts]``)."""
    return unit.i > 0 and unit.doc[unit.i - 1].lower_ in VAGUE_COUNTS


def _one_of(unit: Token) -> bool:
    """Whether a singular unit of time is a span of one after "the" and a word of the
    ``span_words`` list ("the past year", "for the last decade": one year, ten years);
    "last year" names a year."""
    before = [t.lower_ for t in unit.doc[max(unit.i - 2, 0) : unit.i]]
    return unit.tag_ == "NN" and len(before) == 2 and before[0] == "the" and before[1] in SPAN_WORDS


def _before_unit(token: Token) -> bool:
    """Whether a unit of time follows, hyphenated or not ("45 years", "a 30-year term")."""
    following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
    if following[:1] == ["-"]:
        following = following[1:]
    return bool(following) and following[0] in DURATION_UNITS


def counts_only(ent: Span) -> bool:
    """Whether an entity the recogniser calls a date holds nothing but cardinal numbers
    that cannot be years, the words of a range between them ("fourteen to 31") and those
    that go on reading one ("ten and a half million"), maybe after a word that makes it
    rough ("about"): a count, not a time. A year spelled
    out ("nineteen sixty-one") or short ("'83") is a time, and so is a decade, whole or in
    part ("their 40s", "their mid-40s"). A lone four-digit number at one end of a range
    the recogniser counts at the other ("from 2200 to 500") is a count too."""
    return _ranged_with_count(ent) or (
        spelled_year(ent) is None
        and short_year(ent) is None
        and not any(_DECADE.match(t.lower_) or _PART_OF_DECADE.match(t.lower_) for t in ent)
        and any(t.tag_ == "CD" for t in ent)
        and all(
            (t.tag_ == "CD" and not (t.is_digit and len(t) == 4) and t.lower_ not in DATE_WORDS)
            or t.lower_ in RANGE_WORDS
            or (t.lower_ in _NUMBER_JOINTS and k > 0)  # "ten and a half million"
            or (t.lower_ in APPROXIMATORS and k == 0)  # "about seventy-eight dollars"
            for k, t in enumerate(ent)
        )
    )


def _ranged_with_count(ent: Span) -> bool:
    """Whether a lone four-digit number is one end of a range ("from 2200 to 500", "between
    500 and 2200") whose other end the recogniser reads as a count."""
    if len(ent) != 1 or not (ent[0].is_digit and len(ent[0]) == 4):
        return False
    doc, i = ent.doc, ent.start
    ends = []
    if i >= 1 and i + 2 < len(doc) and doc[i - 1].lower_ in RANGE_WORDS:
        ends.append((doc[i + 1], doc[i + 2]))  # the range opens here: "from 2200 to 500"
    if i >= 3 and doc[i - 3].lower_ in RANGE_WORDS:
        ends.append((doc[i - 1], doc[i - 2]))  # the range closes here: "from 500 to 2200"
    return any(
        joint.lower_ in RANGE_WORDS and other.ent_type_ == "CARDINAL" for joint, other in ends
    )


def age_only(ent: Span) -> bool:
    """Whether an entity the recogniser calls a date is an age in years and nothing else
    ("26 years old", "26-year-old", "26 years of age"): a count, as "26" in "until they are
    26" is."""
    words = [t for t in ent if t.text != "-"]
    lowered = tuple(t.lower_ for t in words)
    for ending in AGE_ENDINGS:
        if lowered[-len(ending) :] != ending or len(words) < len(ending) + 2:
            continue
        unit, count = words[-len(ending) - 1], words[: -len(ending) - 1]
        if DURATION_UNITS.get(unit.lower_) == (1.0, "years"):
            return all(t.like_num or t.lower_ in NUMBER_WORDS for t in count)
    return False


#: the words a day of the month stands after ("on the fifth", "this ninth"): before any
#: other word an ordinal the recogniser calls a date is a rank ("ranks forty-ninth")
_BEFORE_A_DAY = frozenset({"the", "on", "this", "that", "of", "by", "until", "till", "from"})


def rank_only(ent: Span) -> bool:
    """Whether an entity the recogniser calls a date is an ordinal in words and nothing else
    ("forty-ninth"), not after a word a day of the month stands after: a rank ("Texas ranks
    forty-ninth out of the 50 states"), not a day ("on the fifth")."""
    words = [t for t in ent if t.text != "-"]
    if not words or not all(t.lower_ in NUMBER_WORDS for t in words):
        return False
    if not is_ordinal(words[-1].lower_):
        return False
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before not in _BEFORE_A_DAY and before not in DATE_WORDS


def rank_before_noun(ent: Span) -> bool:
    """Whether an entity the recogniser calls a date is ordinals and nothing else (but
    "the" and the words of a range), right before a noun that is no unit or name of time:
    a rank of that noun ("the 10th or 12th time he has denied it"), not a day."""
    words = [t for t in ent if t.lower_ != "the" and t.lower_ not in RANGE_WORDS]
    if not words or not all(is_ordinal(t.lower_) or is_ordinal_figure(t.lower_) for t in words):
        return False
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (
        after is not None
        and after.pos_ == "NOUN"
        and after.lower_ not in DURATION_UNITS
        and after.lower_ not in DATE_WORDS
    )


def year_before_one(token: Token) -> bool:
    """A year the recogniser missed or took for a count, before a singular noun: "the 1947
    Planning Act", "the 2022 Teacher of the Year" (1947 of one thing is no count)."""
    return (
        token.is_digit
        and len(token) == 4
        and 1000 <= int(token.text) <= 2100
        and token.dep_ in {"nummod", "compound"}
        and token.head.tag_ in {"NN", "NNP"}
        and token.head.i > token.i
    )


def clock_time(text: str) -> str | None:
    """A time of day in one form ("4:00", "5" → "5:00"), or None."""
    match = _CLOCK.match(text)
    return f"{int(match.group(1))}:{match.group(2) or '00'}" if match else None


def missed_durations(tokens: list[Token], known: set[int]) -> list[Span]:
    """The lengths of time the recogniser left out of any entity, as dates: the noun phrase
    of a unit of time that counts it ("for the last twenty-two years" at the end of a
    sentence, where it reads "the last 22 years" as a DATE), none of its words in ``known``;
    not a unit that says what kind a noun is ("a three-year period"), nor one of a rate ("$5
    billion a year")."""
    found = []
    for unit in tokens:
        if unit.pos_ != "NOUN" or unit.lower_ not in DURATION_UNITS or unit.i in known:
            continue
        if unit.dep_ == "compound" or any(t.text in {"-", "‐"} for t in unit.lefts):
            continue  # "a two-hundred-year history" says what kind of history
        doc = unit.doc
        start = unit.left_edge.i
        if start == unit.i and after_article(unit):
            start -= 1  # "a year-and-a-half", the article hung on "half"
        phrase = doc[start : unit.i + 1]
        if any(t.i in known for t in phrase):
            continue
        # "spent a year", "for a decade": one, after a verb or a preposition, not after an
        # amount or a count ("$5 billion a year", "once a year", "three meals a day" are
        # rates), nor a day that a clause says which ("I see a day where …")
        one = (
            len(phrase) == 2
            and after_article(unit)
            and phrase.start > 0
            and doc[phrase.start - 1].pos_ in {"VERB", "ADP"}
            and not any(c.dep_ in {"relcl", "acl"} for c in unit.rights)
        )
        if not one and not _vague_before(unit) and not any(t.like_num for t in phrase[:-1]):
            continue
        half = _half_after(unit, len(doc))  # "a year-and-a-half"
        end = half[-1].i + 1 if half else phrase.end
        found.append(Span(doc, phrase.start, end, label="DATE"))
    return found
