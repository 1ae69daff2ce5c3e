"""How names are compared: the words that identify an actor, whether two names can be one
actor ("Putin" / "President Vladimir Putin", "FDA" / "Food and Drug Administration"), and
letters folded without their accents."""

from __future__ import annotations

import functools
import re
import unicodedata

from workbench.core.numbers import number_text
from workbench.matching.number_words import MULTIPLIERS, NUMBER_WORDS
from workbench.matching.vocabulary import vocabulary

_NAME_WORD = re.compile(r"[\w.-]+")


@functools.lru_cache(maxsize=65_536)  # names recur: every pair of frames compares them
def actor_words(name: str) -> tuple[str, ...]:
    """The words that identify an actor, in the form they are compared in: "the U.S." and
    "America" are {"united", "states"}; "President Vladimir Putin" is {"vladimir", "putin"};
    "Article 5" is {"article", "5"}, "World War Two" {"world", "war", "2"}."""
    return _without_titles(_name_words(name))


PERCENT = re.compile(r"\s*%|\bper cent\b")
_HALF_OF = re.compile(r"\b(?:one )?half(?: of)?(?= )")


def _folded(name: str) -> str:
    """A name lower-cased, its accents folded and its possessive "'s" dropped."""
    return re.sub(r"'s\b", "", fold_letters(name.lower().replace("’", "'")))


@functools.lru_cache(maxsize=65_536)
def _name_words(name: str) -> tuple[str, ...]:
    """All the words of a name in their one form, titles included."""
    vocab = vocabulary()
    text = _folded(name).removeprefix("the ").strip()
    text = PERCENT.sub(" percent", text)  # "88% of teachers" = "88 percent of teachers"
    text = _HALF_OF.sub("50 percent", text)  # "half of doctors" = "50% of doctors"
    text = vocab.title_phrases.sub(lambda m: m.group(0).split()[0], text)
    text = vocab.names.get(text, text)
    words: list[str] = []
    implied: list[str] = []  # words a form already gave ("saudi" is "saudi arabia")
    count: float | None = None  # number words read together: "five hundred" is 500
    for word in _NAME_WORD.findall(text):
        if word in vocab.emphasis:
            continue
        if implied and word == implied[0]:
            implied.pop(0)
            continue
        parts = word.split("-")  # "twenty-five"
        if all(p in NUMBER_WORDS for p in parts):
            for part in parts:
                value = NUMBER_WORDS[part]
                count = (count or 1) * value if part in MULTIPLIERS else (count or 0) + value
            continue
        if count is not None:
            words.append(number_text(count))
            count = None
        # a name's own form, else a word's synonym ("supporters of X" = "proponents of X")
        form = vocab.names.get(word, vocab.synonyms.get(word, word)).split()
        form = [vocab.name_ordinals.get(w, w) for w in form]  # "second" is 2
        implied = form[1:] if form[0] == word else []
        words.extend(form)
    if count is not None:
        words.append(number_text(count))
    return tuple(words)


def _without_titles(words: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name without the titles before it; a body's name ("the Foreign
    Ministry") keeps every word."""
    vocab = vocabulary()
    if words and words[-1] in vocab.institutions:
        return tuple(w for w in words if w not in {"the", "of", "and"}) or words
    kept = tuple(w for w in words if w not in vocab.titles and w not in {"the", "of", "and"})
    return kept or words


_FOLDED = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def fold_letters(text: str) -> str:
    """Latin letters without their accents ("Erdoğan" = "Erdogan", "Kaczyński" = "Kaczynski",
    "Søren" = "Soren"): names travel both ways. Other scripts stay as written."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept).translate(_FOLDED)


def same_speaker(a: str, b: str) -> bool:
    """Whether two speakers can be one: the same actor, or the same author of what they
    published ("a 2018 University of Pennsylvania study" / "the University of
    Pennsylvania"; ``[works]``). A pronoun left unresolved ("@he") is one speaker only with
    a pronoun of its person, and may be anyone named but one its possessive names ("@you" /
    "@you:husband", your husband); two things owned by pronouns of two persons are two
    speakers ("our analysis" / "their analysis")."""
    (owner_a, a), (owner_b, b) = _owned(a), _owned(b)
    if owner_a == b or owner_b == a:
        return False
    if owner_a and owner_b and owner_a != owner_b:
        return False  # "our analysis" / "their analysis"
    if a.startswith("@") or b.startswith("@"):
        return a == b or not (a.startswith("@") and b.startswith("@"))
    return same_actor(a, b) or same_actor(_author(a), _author(b)) or _said_which(a, b)


def _said_which(a: str, b: str) -> bool:
    """Whether one speaker is the other with words after it that say which one ("six
    other studies" / "six other studies that looked at it"; a clause or phrase one claim
    gives its speaker and the other leaves out); not a title alone ("the president" / "the
    president of France")."""
    x, y = sorted((a.split(), b.split()), key=len)
    titles = vocabulary().titles
    return len(x) < len(y) and y[: len(x)] == x and any(w not in titles for w in x)


def speaker_label(speaker: str) -> str:
    """A compared speaker as a reader says it ("@you:husband": "your husband", "@he": "he")."""
    owner, rest = _owned(speaker)
    if owner is None:
        return speaker.removeprefix("@")
    persons = vocabulary().persons
    mine = [w for w in vocabulary().possessives if persons.get(w) == persons.get(owner[1:])]
    return f"{mine[0] if mine else owner[1:]} {rest}"


def _owned(speaker: str) -> tuple[str | None, str]:
    """A compared speaker's owner and the rest ("@you:husband": "@you", "husband")."""
    owner, mark, rest = speaker.partition(":")
    return (owner, rest) if mark and owner.startswith("@") else (None, speaker)


def _author(name: str) -> str:
    """A speaker without the words that say it is a work (its year stays: a 2015 study is
    not a 2018 one); the name as it is when nothing else is left ("a study")."""
    left_out = vocabulary().works | _BEFORE_WORK
    kept = [w for w in name.split() if w.lower() not in left_out]
    return " ".join(kept) if kept else name


#: words that say which work rather than whose ("a new study", "the latest survey")
_BEFORE_WORK = frozenset({"a", "an", "the", "new", "recent", "latest"})


def same_actor(a: str, b: str) -> bool:
    """Whether two names can be one actor: the same words in any order ("World War Two",
    "the Second World War"), or one is the end of the other ("Putin", "Vladimir Putin"),
    also after the country in front of one or both ("Turkish President Erdoğan", "Recep
    Tayyip Erdoğan"); never two different first names ("Hamza bin Laden", "Osama bin
    Laden"), two countries ("US officials", "Chinese officials"), a country and a company
    named after it ("Iran", "Iran Air"), two titles without a name ("the Vice
    President", "the President"), nor two people whose titles name different offices
    ("King Salman", "Crown Prince Mohammad bin Salman")."""
    x, y = actor_words(a), actor_words(b)
    if not x or not y:
        return False
    titles = vocabulary().titles
    if all(w in titles for w in x + y):  # no names: "the Vice President" is not "the President"
        return set(x) == set(y) and _title_words(a) == _title_words(b)
    offices_x, offices_y = _offices(a), _offices(b)
    if offices_x and offices_y and not offices_x & offices_y:
        return False  # "King Salman" is not "Crown Prince Mohammad bin Salman"
    if _same_words(x, y) or _initials(x, y) or _initials(y, x):
        return True
    (country_x, rest_x), (country_y, rest_y) = _affiliation(a), _affiliation(b)
    if not rest_x or not rest_y or (country_x and country_y and country_x != country_y):
        return False
    return (country_x or country_y) != () and _same_words(rest_x, rest_y)


#: words a name's initials pass over ("Food and Drug Administration" is "FDA")
_UNINITIALED = frozenset({"and", "of", "the", "for", "on", "in", "de", "&"})


def _initials(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is one word made of the initials of the words of ``long``: "FDA" /
    "Food and Drug Administration", "UN" / "United Nations"."""
    if len(short) != 1 or len(long) < 2 or not 2 <= len(short[0]) <= 6:
        return False
    letters = "".join(w[0] for w in long if w not in _UNINITIALED)
    return short[0].isalpha() and short[0] == letters


def _offices(name: str) -> frozenset[str]:
    """The title words of a name that say what office its bearer holds ("crown", "prince"
    in "Crown Prince Mohammad bin Salman"; none in "Mr Salman"), short forms written out."""
    vocab = vocabulary()
    return frozenset(
        vocab.title_forms.get(w, w)
        for w in _name_words(name)
        if w in vocab.titles and w not in vocab.courtesy
    )


def _title_words(name: str) -> frozenset[str]:
    """The words of a title as written, one of several words kept whole: "the Secretary of
    the Treasury" is not "the Secretary of State", though both are read as "secretary"."""
    vocab = vocabulary()
    words = {vocab.title_forms.get(w, w) for w in _NAME_WORD.findall(_folded(name))}
    return frozenset(words - {"the", "of", "a", "an"} - vocab.emphasis)


def _same_words(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """The same words in any order, or the shorter the end of the longer."""
    if set(x) == set(y):
        return True
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return long[-len(short) :] == short


def _affiliation(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the country or bloc before a title the name begins with, the rest without titles):
    "US President Trump" is (("united", "states"), ("trump",)). A name without one, or
    where the country is part of the name ("Iran Air"), is ((), its actor words)."""
    vocab, words = vocabulary(), _name_words(name)
    for form in vocab.affiliations:
        n = len(form)
        if words[:n] == form and len(words) > n + 1 and words[n] in vocab.titles:
            return form, _without_titles(words[n:])
    return (), actor_words(name)
