"""Long texts in pieces: the parser's cost and memory grow with the length of one Doc (a
400 KB Doc takes 1.6 GB), so a long article is parsed as chunks of whole paragraphs, each
read with the paragraphs before it as context (their claims are dropped: the chunk before
already made them). Articles up to :data:`CHUNK_CHARS` are one chunk, parsed as before."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK_CHARS = 20_000  # a long feature article; most news is one chunk
CONTEXT_CHARS = 2_500  # paragraphs before a chunk read with it, for speakers and pronouns

#: where a chunk may end, best first: a paragraph break, a line break, a sentence end
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"))


@dataclass(frozen=True)
class Chunk:
    """``text[start:end]`` of an article, of which the claims from ``keep_from`` on are new."""

    start: int
    end: int
    keep_from: int


def _cut(text: str, start: int, limit: int) -> int:
    """The best place to end a chunk that starts at ``start`` and may reach ``limit``."""
    if limit >= len(text):
        return len(text)
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, start + 1, limit)]
        if ends:
            return ends[-1]
    return limit  # one sentence longer than a chunk: cut it (never happens in prose)


def chunks(text: str, size: int = CHUNK_CHARS, context: int = CONTEXT_CHARS) -> Iterator[Chunk]:
    """The chunks of ``text`` in order; their new parts tile the text exactly."""
    begin = 0
    while begin < len(text):
        end = _cut(text, begin, begin + size)
        start = begin
        if begin > 0:  # start the context at a break no more than ``context`` before
            window = text[max(0, begin - context) : begin]
            found = [m.end() for m in _BREAKS[0].finditer(window)][:-1]
            start = begin - len(window) + found[0] if found else begin
        yield Chunk(start, end, begin)
        begin = end
