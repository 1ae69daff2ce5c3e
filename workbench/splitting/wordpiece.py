"""BERT's uncased WordPiece tokenisation, for the sentence encoder (:mod:`.encoder`).

The encoder was trained on this tokenisation: lower case, accents removed, words split at
white space and at every punctuation character, Chinese characters on their own, then each
word cut greedily into the longest pieces of the vocabulary ("##" marks a piece inside a
word). A word with no such cut, or longer than 100 characters, is ``[UNK]``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

MAX_WORD = 100
_PUNCT_ASCII = frozenset(
    chr(c) for r in ((33, 48), (58, 65), (91, 97), (123, 127)) for c in range(*r)
)


def _is_punctuation(ch: str) -> bool:
    return ch in _PUNCT_ASCII or unicodedata.category(ch).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def basic_words(text: str) -> list[str]:
    """Lower-cased, accent-free words and punctuation characters of ``text``."""
    out: list[str] = []
    for chunk in text.split():
        chunk = unicodedata.normalize("NFD", chunk.lower())
        word = ""
        for ch in chunk:
            code = ord(ch)
            if code == 0 or code == 0xFFFD or unicodedata.category(ch) in {"Cc", "Cf", "Mn"}:
                continue
            if _is_punctuation(ch) or _is_cjk(code):
                if word:
                    out.append(word)
                    word = ""
                out.append(ch)
            else:
                word += ch
        if word:
            out.append(word)
    return out


class WordPiece:
    """A WordPiece tokeniser over a vocabulary (token → id)."""

    def __init__(self, vocab: Mapping[str, int]) -> None:
        self.vocab = dict(vocab)
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]

    @classmethod
    def from_file(cls, path) -> WordPiece:
        """The tokeniser of a ``vocab.txt`` (one token per line, the line number its id)."""
        with open(path, encoding="utf-8") as handle:
            return cls({line.rstrip("\n"): i for i, line in enumerate(handle)})

    def pieces(self, word: str) -> list[int]:
        """Ids of the longest-first pieces of one word."""
        if len(word) > MAX_WORD:
            return [self.unk]
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def encode(self, text: str, max_length: int = 128) -> list[int]:
        """``[CLS]`` + the pieces of ``text`` + ``[SEP]``, at most ``max_length`` ids."""
        ids: list[int] = []
        for word in basic_words(text):
            ids.extend(self.pieces(word))
            if len(ids) >= max_length - 2:
                break
        return [self.cls, *ids[: max_length - 2], self.sep]
