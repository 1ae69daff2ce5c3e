"""Numbers in a claim's words, as a frame reads them: figures and number words ("forty
thousand" is 40000, "three-and-a-half million" 3500000), ranges in one token, vague
magnitudes ("thousands of"), and number words that count nothing ("sub-zero")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from workbench.core.numbers import number_text
from workbench.splitting.lexicon import LEXICON, lexicon_pairs
from workbench.splitting.tokens import glued, joined_by_hyphen

NUMBER_WORDS = {w: float(v) for w, v in lexicon_pairs("number_words").items()}
SCALES = {w: float(v) for w, v in lexicon_pairs("number_scales").items()}
FRACTIONS = {w: float(v) for w, v in lexicon_pairs("fractions").items()}
#: fraction words that name a part on their own ("half of what it was")
_WHOLE_FRACTIONS = {"half"}
VAGUE = lexicon_pairs("vague_quantities")
FACTOR_VERBS = {w: float(v) for w, v in lexicon_pairs("factor_verbs").items()}
COUNT_ADVERBS = {w: float(v) for w, v in lexicon_pairs("count_adverbs").items()}
#: words before a scale word that leave it an order of magnitude ("several thousand")
VAGUE_COUNTS = LEXICON["vague_counts"].words
#: words before a lone scale word that count it once ("a million", "these trillion")
SCALE_DETERMINERS = LEXICON["scale_determiners"].words
#: words between the two ends of a range, which share the scale after the second end
#: ("eight or nine billion", "between 5 and 6 million")
RANGE_WORDS = LEXICON["range_words"].words
PERCENT_WORDS = LEXICON["percent_words"].words
#: a figure, whole or with a decimal part, or a decimal part alone ("$.50", ".5 percent")
FIGURE = re.compile(r"^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))(?:st|nd|rd|th)?$")
RANGE = re.compile(r"^([\d.,]+)[–—-][$€£]?([\d.,]+)$")  # "16–17", "2019-2020", "25-$40"
GLUED_SCALE = re.compile(r"^([\d.,]+)([a-z]+)$")  # "5bn", "2trn" as one token
SLASHED = re.compile(r"^(\d)/(\d{1,2})$")  # "2/3"; a part of one only, below (9/11 is a date)
#: the words after a number that add a half to it ("three-and-a-half million")
AND_A_HALF = ["and", "a", "half"]


def figure(text: str) -> float | None:
    match = FIGURE.match(text.lower())
    if match is None:
        return None
    whole, fraction, alone = match.groups()
    fraction = fraction or alone
    return float((whole or "0").replace(",", "") + (f".{fraction}" if fraction else ""))


#: the endings of an ordinal, in words or figures ("third", "12th")
ORDINAL_ENDINGS = ("st", "nd", "rd", "th")


def is_ordinal(word: str) -> bool:
    """Whether a number word is an ordinal ("third", "forty-ninth"'s "ninth")."""
    return word in NUMBER_WORDS and word.endswith(ORDINAL_ENDINGS)


def is_ordinal_figure(word: str) -> bool:
    """Whether a word is an ordinal in figures ("12th", "1st")."""
    return word[:-2].isdigit() and word.endswith(ORDINAL_ENDINGS)


#: the digits a spoken decimal is read in ("point eight"): cardinals below ten, not "a"
#: nor an ordinal ("third")
_DIGITS = {
    w: v for w, v in NUMBER_WORDS.items() if v < 10 and w not in {"a", "an"} and not is_ordinal(w)
}


def number_values(tokens: Iterable[Token]) -> list[str]:
    """The values of the numbers among ``tokens`` ("forty thousand" → 40000, "a thousand"
    → 1000, "eight or nine billion" and "$8 to $9 billion" → 8000000000 and 9000000000,
    "two-thirds" → 0.666…, "one point eight billion" → 1800000000), as text."""
    values: list[str] = []
    current: float | None = None
    magnitude: float | None = None  # "several hundred thousand": scales with no number
    scaled = False  # whether a scale word has multiplied ``current``
    scale = 1.0  # the last scale word's value: "a million and a half" adds half of it
    # (index in ``values``, value) of an unscaled range end waiting for its scale
    first_end: tuple[int, float] | None = None
    place: float | None = None  # the place of the next digit after a spoken "point"
    carry = 0.0  # the groups of a spelled number read so far ("eleven billion" of "… eight
    # hundred million")
    tokens = [t for t in tokens if t.text != "-"]  # "three-and-a-half", "forty-two"
    words = [t.lower_ for t in tokens]
    for k, (token, word) in enumerate(zip(tokens, words, strict=True)):
        if current is not None and word[:-1] in SCALES and word.endswith("s") and len(word) > 3:
            word = word[:-1]  # "six hundred millions of dollars" as "… million …"
        if token.is_currency and current is not None and not scaled and words[k - 1] == "and":
            values.append(number_text(current + carry))  # "between $60 and $80 billion"
            first_end, current, carry = (len(values) - 1, current + carry), None, 0.0
            continue
        if token.is_currency and first_end is not None and current is None:
            continue  # "$5 to $7 billion": the sign leaves the range one
        if word == "point" and current is not None and not scaled and place is None:
            place = 0.1  # "one point eight billion"
            continue
        if place is not None:
            digit = _DIGITS.get(word)
            if current is not None and digit is not None:
                current, place = current + digit * place, place / 10
                continue
            place = None
        roughly = k > 0 and (magnitude is not None or words[k - 1] in VAGUE_COUNTS)
        if current is None and word in SCALES and roughly:
            magnitude = (magnitude or 1) * SCALES[word]
            continue
        if magnitude is not None:
            values.append(f"{number_text(magnitude)}s")
            magnitude = None
        if current is not None and k >= 2 and words[k - 2 : k + 1] == AND_A_HALF:
            # "three-and-a-half million", "two and a half per cent", "a million and a half"
            current += 0.5 * (scale if scaled else 1)
            continue
        if current is not None and words[k - 1 : k + 2] == AND_A_HALF:
            continue
        if word in VAGUE and current is None:  # "thousands of people": an order of magnitude
            values.append(VAGUE[word])
            continue
        ends = RANGE.match(word)
        if ends and None not in (low := figure(ends[1]), high := figure(ends[2])):
            if current is not None:  # "16–17 percent": both ends, one token
                values.append(number_text(current + carry))
            values.append(number_text(low))  # a scale after it scales both ("$25-$40 billion")
            current, scaled, first_end, carry = high, False, (len(values) - 1, low), 0.0
            continue
        value = figure(word) if token.like_num or word[:1].isdigit() else None
        if value is None and word in NUMBER_WORDS and word not in {"a", "an"}:
            value = NUMBER_WORDS[word]
        if word in FRACTIONS and not scaled:
            if current is not None and k > 0 and words[k - 1] != "and":
                current /= FRACTIONS[word]  # "two-thirds", "one-half"
                continue
            if current is None and (after_article(token) or word in _WHOLE_FRACTIONS):
                current, scaled = 1 / FRACTIONS[word], False  # "a third", "half"
                continue
        if value is None and (whole := _written_whole(token)) is not None:
            if current is not None:
                values.append(number_text(current + carry))
            current, scaled, first_end, carry = whole, True, None, 0.0  # nothing scales it
            continue
        if value is not None:
            if current is not None and scaled and scale >= 1000 and _spelled_on(words, k, scale):
                carry, current, scaled = carry + current, value, False  # "eleven billion | eight"
            elif current is not None and current >= 20 and value < 10:
                current += value  # "forty two"
            elif current is not None and scaled and scale == 100 and value < 100:
                current += value  # "a hundred and forty" (thousand)
            else:
                if current is not None:  # "5 and 6 million": "and" left it open
                    first_end = (len(values), current + carry) if not scaled else None
                    values.append(number_text(current + carry))
                current, scaled, carry = value, False, 0.0
        elif word in SCALES and current is None and _counted_once(token):
            current, scaled, scale = SCALES[word], True, SCALES[word]  # "a thousand"
        elif word in SCALES and current is not None:
            if not scaled and first_end is not None:  # the first end shares the scale
                index, low = first_end
                values[index] = number_text(low * SCALES[word])
            current *= SCALES[word]
            scaled, scale, first_end = True, SCALES[word], None
        elif word in {"a", "an"} and current is None:
            continue
        elif word in {"a", "an"} and current < 1 and k + 1 < len(words) and words[k + 1] in SCALES:
            continue  # "half a million": the scale multiplies the half
        elif word == "of" and current is not None and _of_scale(words[k + 1 : k + 3]):
            continue  # "a quarter of a million": the scale multiplies the part
        elif current is not None and word != "and":
            values.append(number_text(current + carry))
            in_range = word in RANGE_WORDS and not scaled
            first_end = (len(values) - 1, current + carry) if in_range else None
            current, carry = None, 0.0
        elif current is None and word not in RANGE_WORDS:
            first_end = None
    if current is not None:
        values.append(number_text(current + carry))
    if magnitude is not None:
        values.append(f"{number_text(magnitude)}s")
    return values


def _spelled_on(words: list[str], k: int, scale: float) -> bool:
    """Whether the number word at ``k`` starts a smaller group of a spelled number right
    after a scale word ("two million | three hundred thousand", "one thousand | two")."""
    value = NUMBER_WORDS.get(words[k])
    return value is not None and value < scale and k > 0 and words[k - 1] in SCALES


def _of_scale(after: list[str]) -> bool:
    """Whether the words after an "of" are "a" and a scale word ("of a million")."""
    return len(after) == 2 and after[0] in {"a", "an"} and after[1] in SCALES


def part_of_scale(ent: Span) -> bool:
    """Whether an entity ends in a part of one that a scale after it multiplies ("a quarter"
    of "a quarter of a million", which the recogniser reads as a date)."""
    return _part_of_scale_end(ent.doc, ent.end) > ent.end


def _part_of_scale_end(doc: Doc, end: int) -> int:
    """The end of "of a million" after a part of one ending at ``end`` ("three quarters of
    a billion"), or of "a million" ("as high as half" | "a trillion dollars"), or ``end``
    when no such scale follows."""
    if end == 0 or doc[end - 1].lower_ not in FRACTIONS or end + 2 > len(doc):
        return end
    if _of_scale([t.lower_ for t in doc[end : end + 2]]):
        stop = end + 1  # "half a trillion"
    elif doc[end].lower_ == "of" and _of_scale([t.lower_ for t in doc[end + 1 : end + 3]]):
        stop = end + 2
    else:
        return end
    while stop < len(doc) and doc[stop].lower_ in SCALES:
        stop += 1
    return stop


def factor_values(tokens: Iterable[Token]) -> list[str]:
    """The factors that verbs among ``tokens`` change an amount by ("halve" → 0.5, "doubled"
    → 2, also before a noun phrase: "double the rate"), and the counts of adverbs of how
    often ("twice" → 2), as text: "halve the deficit" counts what "cut the deficit in half"
    does, "bombed twice" what "bombed two times" does, "double the rate" what "twice the
    rate" does."""
    values = []
    for t in tokens:
        if t.lemma_.lower() in FACTOR_VERBS and (t.pos_ == "VERB" or _before_determiner(t)):
            values.append(number_text(FACTOR_VERBS[t.lemma_.lower()]))  # "double the rate"
        elif t.lower_ in COUNT_ADVERBS:
            values.append(number_text(COUNT_ADVERBS[t.lower_]))
    return values


def _before_determiner(token: Token) -> bool:
    """A word that stands before the determiner of its noun phrase ("double the rate",
    "triple their income"), not inside the phrase ("a double standard")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.tag_ == "PDT" or (following is not None and following.tag_ in {"DT", "PRP$"})


def _written_whole(token: Token) -> float | None:
    """The value of one token that is a whole number by itself, scale and all: a part
    written with a slash ("2/3") or a figure with its scale ("5bn"); else None."""
    part = _slashed(token.lower_)
    return part if part is not None else _glued_scale(token)


def _slashed(word: str) -> float | None:
    """A part of one written with a slash ("2/3", "3/4"), else None: a day and month or
    "9/11" is no part of one, so the top must be the smaller and the bottom at most 10."""
    match = SLASHED.match(word)
    if match is None:
        return None
    top, bottom = int(match[1]), int(match[2])
    return top / bottom if 0 < top < bottom <= 10 else None


def _glued_scale(token: Token) -> float | None:
    """The value of a figure with its scale written onto it ("5bn", "2trn"; "10m" only in an
    amount of money), or with "percent" ("39percent": 39), else None."""
    percent = glued_percent(token)
    if percent is not None:
        return percent
    match = GLUED_SCALE.match(token.lower_)
    if match is None or match[2] not in SCALES:
        return None
    if len(match[2]) == 1 and token.ent_type_ != "MONEY":
        return None
    base = figure(match[1])
    return None if base is None else base * SCALES[match[2]]


def glued_percent(token: Token) -> float | None:
    """The value of a figure with "percent" written onto it ("39percent": 39), which the
    tagger reads as no number; else None."""
    match = GLUED_SCALE.match(token.lower_)
    return figure(match[1]) if match is not None and match[2] in PERCENT_WORDS else None


def _counted_once(token: Token) -> bool:
    """Whether the word before a scale word counts it once ("a thousand", "these trillion
    dollars"), or the scale is written onto the word after it ("trillion-dollar deficits",
    as "a trillion-dollar deficit")."""
    doc, i = token.doc, token.i
    onto = joined_by_hyphen(token) and doc[i + 2].is_alpha
    return (i > 0 and doc[i - 1].lower_ in SCALE_DETERMINERS) or onto


def after_article(token: Token) -> bool:
    """Whether the word before ``token`` in its text is "a" or "an" ("a thousand")."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in {"a", "an"}


def with_fraction(ent: Span) -> list[Token]:
    """A number's tokens with the "and a half" and scale after it that the recogniser left
    out ("three" of "three-and-a-half million")."""
    return list(ent.doc[ent.start : fraction_end(ent.doc, ent.end)])


def fraction_end(doc: Doc, end: int) -> int:
    """The end of the "-and-a-half" (and scale), or of the scale alone ("twenty-four
    hundred"), that follows a number ending at ``end``, or ``end`` when none does. Only its
    tail may follow: the recogniser can end an entity inside it ("4 to 4 and a" | "half
    percent")."""
    if (stop := _part_of_scale_end(doc, end)) > end:
        return stop  # "a quarter" | "of a million"
    if (stop := _spoken_decimal_end(doc, end)) > end:
        return stop  # "six" | "point eight billion"
    return _spelled_groups_end(doc, _tail_end(doc, end))


def _spoken_decimal_end(doc: Doc, end: int) -> int:
    """The end of the spoken decimals, and the scale, after a number ending at ``end`` that
    the recogniser left out ("six" | "point eight billion dollars"), or ``end``."""
    if end == 0 or end + 1 >= len(doc) or doc[end].lower_ != "point":
        return end
    if not doc[end - 1].like_num or doc[end + 1].lower_ not in _DIGITS:
        return end
    stop = end + 1
    while stop < len(doc) and doc[stop].lower_ in _DIGITS:
        stop += 1
    while stop < len(doc) and doc[stop].lower_ in SCALES:
        stop += 1
    return stop


def _tail_end(doc: Doc, end: int) -> int:
    """The end of the "-and-a-half" (and scale), or the scale alone, after ``end``."""
    stop = end
    while stop < len(doc) and doc[stop].lower_ in {"-", *AND_A_HALF}:
        stop += 1
    if "half" not in {t.lower_ for t in doc[end:stop]}:
        # a scale word right after it, hyphenated or not: "twenty-four" | "hundred" (not
        # the "m" of "10m high", which says metres outside an amount of money)
        stop = end + 1 if end < len(doc) and doc[end].text == "-" else end
        if stop >= len(doc) or not _scale_word(doc[stop]) or not doc[end - 1].like_num:
            return end
    while stop < len(doc) and doc[stop].lower_ in SCALES:
        stop += 1
    return stop


def _spelled_groups_end(doc: Doc, stop: int) -> int:
    """The end of the smaller groups of a spelled number that go on after a scale word
    ending at ``stop``, which the recogniser often cuts off as numbers of their own ("two
    million" | "three hundred thousand", "one thousand" | "two hundred and five")."""
    while stop > 0 and _scale_word(doc[stop - 1]) and SCALES[doc[stop - 1].lower_] >= 1000:
        scale, k = SCALES[doc[stop - 1].lower_], stop
        while k < len(doc) and (doc[k].lower_ in {"-", "and", "hundred"} or _spelled(doc[k])):
            k += 1
        while k > stop and doc[k - 1].lower_ in {"-", "and"}:
            k -= 1
        if k == stop:
            break
        while k < len(doc) and _scale_word(doc[k]) and SCALES[doc[k].lower_] < scale:
            k += 1
        stop = k
    return stop


def _spelled(token: Token) -> bool:
    """A cardinal written as a word below a hundred ("eight", "forty")."""
    return token.tag_ == "CD" and token.is_alpha and NUMBER_WORDS.get(token.lower_, 100) < 100


def _scale_word(token: Token) -> bool:
    """A scale written as a word ("hundred", "million"), not an abbreviation ("m", "bn")."""
    return token.lower_ in SCALES and len(token) > 3


def word_prefixed(token: Token) -> bool:
    """A number word joined by a hyphen to a word that is no number counts nothing
    ("sub-zero"; "forty-two" and "COVID-19" still count)."""
    doc, i = token.doc, token.i
    if not token.is_alpha or token.lower_ in {"a", "an"} or i < 2 or doc[i - 1].text != "-":
        return False
    before = doc[i - 2]
    word = before.lower_  # "quarter-million" is a part of one
    return (
        glued(doc[i - 1]) and before.is_alpha and word not in NUMBER_WORDS and word not in FRACTIONS
    )
