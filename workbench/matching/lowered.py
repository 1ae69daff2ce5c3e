"""A claim's wording as matching reads it before its words are compared: lowercased, with
names, letters, apostrophes, listed phrases and shares ("half the voters") in one form."""

from __future__ import annotations

import functools
import re

from workbench.matching.actors import fold_letters
from workbench.matching.shares import Share, with_shares
from workbench.matching.vocabulary import vocabulary

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_IRREGULAR_NOTS = (("won't", "will not"), ("can't", "cannot"), ("shan't", "shall not"))
#: a "no" written onto the next word names a kind of thing ("a no-fly zone") and denies
#: nothing: it is read as one word with it ("nofly")
_NO_COMPOUND = re.compile(r"\bno-(?=[a-z])")
#: capitals and a number joined by a hyphen name a model or a thing ("B-52s", "F-16",
#: "COVID-19"), not a count: read as one word ("b52s"), as the splitter reads no number there
_DESIGNATION = re.compile(r"\b([A-Z]+)-(?=\d)")


def lowered(text: str) -> str:
    """A claim's wording lowercased, names, letters, phrases and shares in their one form; a
    typeset apostrophe is the typed one ("don’t" = "don't")."""
    return _read(text)[0]


def shares_of(text: str) -> tuple[Share, ...]:
    """The shares a claim's wording states ("half the voters"), as ``lowered`` reads them."""
    return _read(text)[1]


@functools.lru_cache(maxsize=8192)  # a signature asks for both of one wording
def _read(text: str) -> tuple[str, tuple[Share, ...]]:
    return with_shares(_as_written(text))


def _as_written(text: str) -> str:
    typed = _DESIGNATION.sub(r"\1", same_names(text)).lower().translate(_APOSTROPHES)
    for short, whole in _IRREGULAR_NOTS:  # "won't" is "will not", not "wo not"
        typed = typed.replace(short, whole)
    typed = _NO_COMPOUND.sub("no", typed)
    return _same_wording(fold_letters(typed).replace("n't", " not"))


def same_names(text: str) -> str:
    """Capitalised names of the vocabulary in their one form ("Britain" → "united kingdom",
    "the African Union" → "african union"; the pronoun "us" stays)."""
    vocab = vocabulary()

    def one_form(match: re.Match) -> str:
        found = match.group(0)
        name = found[4:] if found[:4].lower() == "the " else found  # "the African Union"
        return vocab.names[found.lower()] if name[:1].isupper() else found

    return vocab.name_pattern.sub(one_form, text)


def _same_wording(lowered: str) -> str:
    """Phrases of the vocabulary in their one form ("took place" → "happen")."""
    vocab = vocabulary()
    if vocab.phrases is None:
        return lowered
    return vocab.phrases.sub(lambda m: f" {vocab.phrase_forms[m.group(0)]} ", lowered)
