"""A fast read-only view of a Doc's token attributes, shared by the cue detectors.

spaCy's per-token attribute access is slow in Python loops, so every detector reads a
:class:`DocView` — the Doc's token attributes copied once into plain lists by one
``Doc.to_array`` call. The view travels on the Doc (``doc._.view``) from the kind component
to the check-worthiness component, which drops it: nothing is shared through the module.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Span

from workbench.splitting.entities import entity_index, release_entities
from workbench.splitting.patterns import matches, release_matches

_DIGIT = re.compile(r"\d").search


VIEW_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, LIKE_NUM, IS_ALPHA]
VIEW_ATTRS += [IS_SPACE, IS_PUNCT, SPACY, IDX]


def _strings(column: np.ndarray, strings: Any) -> list[str]:
    values = column.tolist()
    table = {h: strings[h] for h in set(values)}
    return [table[h] for h in values]


class DocView:
    """The token attributes of one Doc as plain lists, read once with ``Doc.to_array``.

    Valid for the annotations the Doc had when the view was made; the pipeline makes one
    after every annotating component has run. ``memo`` lets the kind and check-worthiness
    components share per-span work on the same Doc.
    """

    __slots__ = (
        "aux_have_be",
        "dep",
        "digit",
        "doc",
        "doc_text",
        "ent_type",
        "entities",
        "ents",
        "head",
        "idx",
        "is_alpha",
        "is_punct",
        "is_space",
        "lemma",
        "like_num",
        "lower",
        "memo",
        "on_track",
        "patterns",
        "pos",
        "tag",
        "text",
        "to_verb",
        "ws",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        strings = doc.vocab.strings
        n = len(doc)
        cols = doc.to_array(VIEW_ATTRS) if n else np.zeros((0, len(VIEW_ATTRS)), np.uint64)
        self.text = _strings(cols[:, 0], strings)
        self.lower = _strings(cols[:, 1], strings)
        self.lemma = _strings(cols[:, 2], strings)
        self.pos = _strings(cols[:, 3], strings)
        self.tag = _strings(cols[:, 4], strings)
        self.dep = _strings(cols[:, 5], strings)
        self.head = (cols[:, 6].astype(np.int64) + np.arange(n)).tolist()
        self.ent_type = _strings(cols[:, 7], strings)
        self.like_num = cols[:, 8].astype(bool).tolist()
        self.is_alpha = cols[:, 9].astype(bool).tolist()
        self.is_space = cols[:, 10].astype(bool).tolist()
        self.is_punct = cols[:, 11].astype(bool).tolist()
        self.ws = [" " if s else "" for s in cols[:, 12].tolist()]
        self.idx = cols[:, 13].tolist()
        # Doc.text makes a Token object per token each time it is read; this is the same
        self.doc_text = "".join(map(operator.add, self.text, self.ws))
        self.digit = [_DIGIT(t) is not None for t in self.text]
        aux = [False] * n
        for i, (dep, lemma) in enumerate(zip(self.dep, self.lemma, strict=True)):
            if dep in {"aux", "auxpass"} and lemma in {"have", "be"}:
                aux[self.head[i]] = True
        self.aux_have_be = aux
        self.entities = entity_index(doc)  # read once per Doc, shared with the components
        self.ents = [(e.start, e.end, e.label_, e.root.i) for e in self.entities.ents]
        #: the lexicon's multi-token patterns (``workbench_patterns``) by family
        self.patterns = matches(doc)
        self.to_verb = {start for start, _ in self.patterns.get("TO_VERB", ())}
        self.on_track = {start for start, _ in self.patterns.get("ON_TRACK", ())}
        self.memo: dict[Any, Any] = {}

    def patterns_in(self, family: str, start: int, end: int) -> list[tuple[int, int]]:
        """Matches of a pattern family wholly inside ``start:end``, in order."""
        found = self.patterns.get(family, ())
        first = bisect.bisect_left(found, (start, -1))
        inside = []
        for match in found[first:]:
            if match[0] >= end:
                break
            if match[1] <= end:
                inside.append(match)
        return inside

    def span_ents(self, start: int, end: int) -> list[tuple[int, int, str, int]]:
        """Entities wholly inside ``start:end``, as ``Span.ents`` finds them."""
        found = self.entities.span_range(start, end)
        return self.ents[found.start : found.stop]

    def content_text(self, indices: list[int]) -> str:
        """The text of the tokens at ``indices`` with their original spacing."""
        if not indices:
            return ""
        text, ws = self.text, self.ws
        last = indices[-1]
        return "".join(text[i] + (ws[i] if i != last else "") for i in indices)


def install_extensions() -> None:
    """Install ``doc._.view``: the Doc's :class:`DocView` while the workbench components run."""
    if not Doc.has_extension("view"):
        Doc.set_extension("view", default=None)


install_extensions()


def doc_view(doc: Doc, *, fresh: bool = False) -> DocView:
    """The :class:`DocView` of ``doc`` kept on it (``doc._.view``), or a new one kept there.

    ``fresh`` makes a new one (after a component changed the annotations). The view is
    dropped by :func:`release_view` before the Doc leaves the pipeline, so a Doc stays
    serialisable (``nlp.pipe(n_process=…)`` sends Docs between processes).
    """
    view = doc._.view
    if fresh or view is None or view.doc is not doc or len(view.text) != len(doc):
        view = DocView(doc)
        doc._.view = view
    return view


def release_view(doc: Doc) -> None:
    """Drop the view, entity index and pattern matches kept on ``doc`` (the last component
    that reads them calls this)."""
    doc._.view = None
    release_entities(doc)
    release_matches(doc)


@dataclass
class SpanContext:
    """One span seen through a :class:`DocView`: its content tokens and entities."""

    view: DocView
    start: int
    end: int
    exclude: frozenset[int]
    content: list[int] = field(default_factory=list)
    ents: list[tuple[int, int, str, int]] = field(default_factory=list)

    @classmethod
    def of(
        cls, span: Span, exclude: Collection[int] = (), view: DocView | None = None
    ) -> SpanContext:
        """Context of ``span`` without the doc token indices in ``exclude``."""
        return cls.make(view or doc_view(span.doc, fresh=True), span.start, span.end, exclude)

    @classmethod
    def make(
        cls, view: DocView, start: int, end: int, exclude: Collection[int] = ()
    ) -> SpanContext:
        excluded = frozenset(exclude)
        content = [i for i in range(start, end) if i not in excluded]
        return cls(view, start, end, excluded, content, view.span_ents(start, end))

    @property
    def text(self) -> str:
        """The span's text (excluded tokens included)."""
        v = self.view
        if self.start >= self.end:
            return ""
        return v.doc_text[v.idx[self.start] : v.idx[self.end - 1] + len(v.text[self.end - 1])]
