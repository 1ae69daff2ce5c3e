"""Speaker phrases: the words of the noun phrase that names who speaks ("the expert Mr.
Perot hired", "Smith" of "Smith, who was elected in 2010,"), and their text."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from workbench.splitting.lexicon import (
    DATE_LABELS,
    DETERMINERS,
    DROPPED_DEPS,
    FLOATING_QUANTIFIERS,
    ISSUER_PREPOSITIONS,
    NAME_LABELS,
    NARROWING_PREPOSITIONS,
    PHRASE_PUNCT,
    SOURCE_NOUNS,
    UNDATED_TIME_PHRASES,
)


def _phrase_tokens(head: Token) -> list[Token]:
    dropped = _left_out(head)
    tokens = [t for t in head.subtree if t.i not in dropped and t.text not in PHRASE_PUNCT]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in DETERMINERS):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens.pop()
    if len(tokens) > 1 and tokens[-1].lower_ in FLOATING_QUANTIFIERS:
        tokens.pop()  # "Smith and I both"
    return tokens


def _left_out(head: Token) -> set[int]:
    """Indexes of the words under ``head`` that are not part of the phrase it heads."""
    dropped: set[int] = set()
    when: set[int] = set()  # "The mayor in 2019 said …": left out, but sets nothing off
    doc = head.doc
    for child in head.children:
        if child.dep_ in DROPPED_DEPS and not says_which(child):
            dropped.update(t.i for t in child.subtree)
        elif child.i > head.i and child.dep_ in {"advmod", "prep", "npadvmod"}:
            first = child.left_edge.i
            if _narrows(child):  # "500 economists, including seven Nobel prize winners"
                dropped.update(
                    t.i
                    for named in child.children
                    for clause in named.children
                    if clause.dep_ in DROPPED_DEPS - {"appos"} and not says_which(clause)
                    for t in clause.subtree
                )
            elif doc[first - 1].text == "," or first - 1 in dropped:
                dropped.update(t.i for t in child.subtree)  # "Trump, also on Twitter, …"
            elif _says_when(child):
                when.update(t.i for t in child.subtree)
    return dropped | when


def _narrows(phrase: Token) -> bool:
    """Whether a phrase after a group that speaks says who is in it ("500 economists,
    including seven Nobel prize winners"): part of who speaks, as a count in it is."""
    return (
        phrase.dep_ == "prep"
        and phrase.lower_ in NARROWING_PREPOSITIONS
        and not _is_name(phrase.head)
    )


def says_which(clause: Token) -> bool:
    """Whether a relative clause says which one a common noun is ("the expert Mr. Perot
    hired", "people who know him"): part of who speaks, unlike one set off by a comma
    ("Smith, who was elected in 2010,") or one after a name."""
    head, first = clause.head, clause.left_edge.i
    between = clause.doc[head.i + 1 : first]
    relative = clause.dep_ == "relcl" or (  # "the engineer Vos hired", parsed a participle
        clause.dep_ == "acl" and any(c.dep_ == "nsubj" for c in clause.children)
    )
    return (
        relative and first > head.i and not any(t.is_punct for t in between) and not _is_name(head)
    )


def _says_when(phrase: Token) -> bool:
    """Whether a phrase after a speaker only says when ("in 1955", "last year", "at one time")."""
    if tuple(t.lower_ for t in phrase.subtree) in UNDATED_TIME_PHRASES:
        return True
    words = [t for t in phrase.subtree if not (t.i == phrase.i and t.dep_ == "prep")]
    return bool(words) and all(t.ent_type_ in DATE_LABELS for t in words)


def _is_name(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS or token.pos_ == "PROPN"


def document_issuer(head: Token) -> Token | None:
    """For a source document noun ("statement from X", "X's report"), the issuer X."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for child in head.children:  # "the Turkish statement", "a White House statement"
        if (child.dep_ == "amod" and child.ent_type_ == "NORP") or (
            child.dep_ == "compound" and _is_name(child)
        ):
            return child
    return None


def speaker_tokens(head: Token, *, follow_sources: bool = False) -> list[Token]:
    """Tokens of the speaker phrase headed by ``head``.

    The noun phrase without leading determiners and appositions, and without relative
    clauses but one that says which one a common noun is (:func:`says_which`); when the
    phrase or its apposition is a proper name and the other is not, the name is taken. With
    ``follow_sources`` a source document resolves to its issuer.
    """
    if follow_sources and head.lemma_.lower() in SOURCE_NOUNS:
        issuer = document_issuer(head)
        if issuer is not None:
            return speaker_tokens(issuer, follow_sources=True)
    for child in head.children:
        if child.dep_ == "appos" and _is_name(child) and not _is_name(head):
            return _phrase_tokens(child)
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            return _phrase_tokens(child)
    return _phrase_tokens(head)


def tokens_text(tokens: Sequence[Token]) -> str:
    """Text of ``tokens`` joined with their own trailing whitespace, and a space where words
    were left out between two of them ("immigration, population growth" without commas)."""
    parts: list[str] = []
    for k, token in enumerate(tokens):
        parts.append(token.text)
        if k + 1 < len(tokens):
            gap = tokens[k + 1].i != token.i + 1
            parts.append(" " if gap and not token.whitespace_ else token.whitespace_)
    return "".join(parts).strip()
