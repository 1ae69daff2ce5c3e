"""The Doc's named entities, read once: ``Span.ents`` walks every entity of the Doc (and
``Doc.ents`` every token) each time it is read, which made splitting quadratic in article
length. The index travels on the Doc (``doc._.ent_index``) while the components run and is
dropped with the token view (:func:`~workbench.splitting.view.release_view`)."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

if not Doc.has_extension("ent_index"):
    Doc.set_extension("ent_index", default=None)


class EntityIndex:
    """The entities of one Doc in text order, searchable by token position."""

    __slots__ = ("doc", "ends", "ents", "first_persons", "start_chars", "starts")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ents: list[Span] = list(doc.ents)
        self.starts = [e.start for e in self.ents]
        self.ends = [e.end for e in self.ents]  # entities never overlap: ends are in order too
        self.start_chars = [e.start_char for e in self.ents]
        #: the first multi-word PERSON mention ending in (or starting with) a word, by word
        self.first_persons: dict[str, Span] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                for word in (ent[0].lower_, ent[-1].lower_):
                    self.first_persons.setdefault(word, ent)

    def span_range(self, start: int, end: int) -> range:
        """Positions in :attr:`ents` of the entities wholly inside tokens ``start:end``, as
        ``Span.ents`` finds them."""
        first = bisect.bisect_left(self.starts, start)
        return range(first, max(first, bisect.bisect_right(self.ends, end)))

    def within(self, start: int, end: int) -> list[Span]:
        """Entities wholly inside tokens ``start:end``."""
        found = self.span_range(start, end)
        return self.ents[found.start : found.stop]

    def covering(self, i: int) -> Span | None:
        """The entity that token ``i`` is part of, if any."""
        at = bisect.bisect_right(self.starts, i) - 1
        if at >= 0 and self.ents[at].end > i:
            return self.ents[at]
        return None

    def ending_by(self, end: int, from_char: int) -> list[Span]:
        """Entities that end by token ``end`` and start at or after character ``from_char``."""
        first = bisect.bisect_left(self.start_chars, from_char)
        return [e for e in self.ents[first : bisect.bisect_right(self.starts, end)] if e.end <= end]


def entity_index(doc: Doc) -> EntityIndex:
    """The :class:`EntityIndex` kept on ``doc``, made on first use."""
    index = doc._.ent_index
    if index is None or index.doc is not doc:
        index = EntityIndex(doc)
        doc._.ent_index = index
    return index


def ents_of(span: Span | Doc) -> list[Span]:
    """``span.ents`` through the Doc's index: the entities wholly inside ``span``."""
    if isinstance(span, Doc):
        return entity_index(span).ents
    return entity_index(span.doc).within(span.start, span.end)


def release_entities(doc: Doc) -> None:
    """Drop the index kept on ``doc`` (so the Doc stays serialisable between processes)."""
    doc._.ent_index = None
