"""Long articles: parsed in chunks of whole paragraphs, with the same claims as in one piece."""

from __future__ import annotations

import itertools

import pytest

from tests.spacy_support import needs_model
from workbench import splitting
from workbench.splitting import split_text, split_texts
from workbench.splitting.chunks import chunks

HARBOURS = ["Ostend", "Varna", "Gdynia", "Bari", "Split", "Kotor", "Sete", "Vigo"]


def long_text(paragraphs: int = 40) -> str:
    """Distinct paragraphs: shipments, a quoted official, a pronoun that needs the sentence
    before."""
    out = []
    for i in range(paragraphs):
        port = HARBOURS[i % len(HARBOURS)]
        out.append(
            f"The port of {port} handled {1200 + 37 * i} containers in week {i + 1}. "
            f"Harbour master Anna Kowal{'ska' if i % 2 else 'ski'} said the figure was "
            f"{'higher' if i % 3 else 'lower'} than planned. She added that {i + 2} cranes "
            "had been repaired."
        )
    return "\n\n".join(out)


def test_chunks_tile_the_text_at_paragraph_breaks() -> None:
    text = long_text()
    parts = list(chunks(text, size=1500, context=400))
    assert len(parts) >= 5
    assert parts[0].keep_from == 0 and parts[-1].end == len(text)
    for before, after in itertools.pairwise(parts):
        assert after.keep_from == before.end  # new parts follow one another, no gap
        assert text[: after.keep_from].endswith("\n\n")  # and start a paragraph
        assert after.start < after.keep_from and text[: after.start].endswith("\n\n")
    assert all(p.end - p.keep_from <= 1500 for p in parts)


def test_a_text_without_paragraphs_is_cut_at_sentence_ends() -> None:
    text = " ".join(f"Ship {i} left the harbour on time." for i in range(200))
    parts = list(chunks(text, size=1000, context=200))
    assert len(parts) > 3
    assert all(text[p.end - 1] in ". " for p in parts)  # after a full stop


@needs_model
def test_claims_of_a_chunked_text_are_those_of_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = long_text(24)
    whole = split_text(text)
    monkeypatch.setattr(splitting, "chunks", lambda t: chunks(t, size=1500, context=500))
    pieces = split_text(text)
    assert len(pieces) == len(whole) > 24 * 3 - 1
    assert [(d.start, d.end, d.claim, d.speaker) for d in pieces] == [
        (d.start, d.end, d.claim, d.speaker) for d in whole
    ]
    assert all(text[d.start : d.end] == d.text for d in pieces)


@needs_model
def test_many_texts_come_back_in_order_with_empty_ones_in_place() -> None:
    texts = ["Varna handled 12 ships on Monday.", "", "Kotor closed its port on Friday."]
    found = list(split_texts(texts))
    assert [len(d) for d in found] == [1, 0, 1]
    assert found[2][0].claim == "Kotor closed its port on Friday."


@needs_model
@pytest.mark.parametrize(
    "sentence",
    [
        "The other harbours -- all the other harbours we visited -- were closed by March.",
        "The old ferries -- the ones the council bought -- are rusting in the harbour.",
    ],
)
def test_a_label_with_a_relative_clause_but_no_naming_phrase_is_kept_whole(
    sentence: str,
) -> None:
    claims = [d.claim for d in split_text(sentence)]  # this raised StopIteration
    label = sentence.split(" -- ")[1]
    assert any(c.endswith(f"are {label}.") for c in claims)
