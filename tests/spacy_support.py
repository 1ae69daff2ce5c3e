"""spaCy helpers shared by the splitter tests: the model check and hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from workbench.core.errors import ModelError
from workbench.splitting import load_nlp

VOCAB = spacy.blank("en").vocab


def model_available() -> bool:
    """Whether the English model loads (tests that need it skip cleanly otherwise)."""
    try:
        load_nlp()
    except ModelError:
        return False
    return True


needs_model = pytest.mark.skipif(not model_available(), reason="English spaCy model missing")


def make_doc(
    rows: list[tuple[str, str, str, str, str, int]],
    ents: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """Build a parsed Doc from (word, lemma, pos, tag, dep, head) rows. Unless ``spaces`` is
    given, a space follows a word when the next word is not punctuation or a clitic."""
    words = [r[0] for r in rows]
    if spaces is None:
        spaces = [
            i + 1 < len(rows) and rows[i + 1][2] not in {"PUNCT", "PART"} and not words[i].isspace()
            for i in range(len(rows))
        ]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[r[5] for r in rows],
        ents=ents,
    )


# (word, lemma, pos, tag, dep, head) of "This is a remarkable moment."
REMARKABLE = [
    ("This", "this", "PRON", "DT", "nsubj", 1),
    ("is", "be", "AUX", "VBZ", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 4),
    ("remarkable", "remarkable", "ADJ", "JJ", "amod", 4),
    ("moment", "moment", "NOUN", "NN", "attr", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]
