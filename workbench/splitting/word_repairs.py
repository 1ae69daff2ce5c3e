"""Repairs of words the small English model reads apart; run by ``workbench_parse_repairs``
(:mod:`workbench.splitting.parse_repairs`) with the repairs of that module.

Eighteenth fault: a hyphenated word parted across two phrases. The tokenizer cuts "e-mails"
into "e", "-", "mails", and in "She said the 33,000 e-mails had to do with …" the model
reads "the 33,000 e" as the object of "said" and "mails" as the subject of "had", so the
claim read "Mails had to do with …" and lost the number. The pieces before a hyphen written
against both its words, which the parser hung outside the last piece's phrase, are hung
on that last piece (the word's head), with what they held ("the 33,000"), so the word stands
whole where its last piece stands.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from workbench.splitting.tokens import glued


def _parted_word(hyphen: Token) -> tuple[Token, Token] | None:
    """(the piece before, the piece after) a glued hyphen whose pieces the parser hung in
    different phrases, neither inside the other's; else None."""
    doc = hyphen.doc
    if hyphen.text != "-" or not glued(hyphen) or hyphen.i + 1 >= len(doc):
        return None
    before, after = doc[hyphen.i - 1], doc[hyphen.i + 1]
    if not (before.is_alpha and after.is_alpha) or after.pos_ not in {"NOUN", "PROPN"}:
        return None
    if before in after.subtree or after in before.subtree:
        return None
    return before, after


def mend_parted_words(doc: Doc) -> Doc:
    """Hang the pieces of a hyphenated word the parser parted on its last piece (eighteenth
    fault of the module docstring)."""
    for hyphen in doc:
        parted = _parted_word(hyphen)
        if parted is None:
            continue
        before, after = parted
        for child in list(before.children):
            if child.i < before.i:  # "the 33,000" of "the 33,000 e"
                child.head = after
        before.head, before.dep_ = after, "compound"
        hyphen.head, hyphen.dep_ = after, "punct"
    return doc
