"""A quality said in its comparative by one claim and with "less" by the other: "America is
safer" / "America is less safe" put it on opposite sides of one comparison."""

from __future__ import annotations

import re

from workbench.matching.signature import Signature

_LESS = re.compile(r"\bless\s+(\w+)", re.IGNORECASE)


def degree_reversed(a: Signature, b: Signature) -> bool:
    """Whether one claim holds a quality in its comparative form ("safer", "bigger",
    "happier") and the other says less of that quality ("less safe")."""
    return _reversed(a, b) or _reversed(b, a)


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
