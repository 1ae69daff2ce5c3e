"""Repairs of how the small English model joins clauses; run by ``workbench_parse_repairs``
(:mod:`workbench.splitting.parse_repairs`) with the repairs of that module.

Fifteenth fault: a second clause's subject read as the last item of a list in the first
clause ("8 million Americans are out of work and unemployment among the youth is 50%":
"unemployment" a ``conj`` of "work", and "is" a clause with no subject; "Mr. Bush went to
Japan and the Japanese prime minister said …": "minister" a ``conj`` of "Japan", so the
report had no speaker). A noun phrase so read, joined by a bare "and", "but" or "or" to the
one noun before it and ending right before a finite verb that has no subject (but for
phrases the parser hung on the first clause: "among the youth"), is made that verb's
subject, with those phrases, and the verb the first clause's next clause. A longer list
("Africa, Latin America and Asia make …"), an object pronoun ("… and him said"), a verb
with nothing after it but an adverb ("health care and education put together", a
participle the tagger may take for a past tense) and a clause the parse breaks up are not
touched.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from workbench.splitting.tokens import is_finite, subject_of

#: parts of speech of a noun phrase's head that can be a clause's subject
SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: the bare words that join two clauses
CLAUSE_JOINS = frozenset({"and", "but", "or"})
#: how a subjectless second clause may hang when its subject was read into the first
LOOSE_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "dep", "parataxis"})
#: what may follow a verb that says nothing more ("put together", "combined")
BARE_TAIL_DEPS = frozenset({"advmod", "prt", "punct", "cc"})


def _clause_verb(token: Token) -> Token | None:
    """The nearest finite verb above ``token``: the verb of the clause it stands in."""
    for above in token.ancestors:
        if is_finite(above):
            return above
    return None


def _swallowed_subject(verb: Token) -> tuple[Token, Token, Token, list[Token]] | None:
    """(subject, its "and", the first clause's verb, the phrases between the subject and
    ``verb`` the parser hung elsewhere) when the parser read ``verb``'s subject as the last
    item of a two-item list in the clause before it; else None."""
    if verb.dep_ not in LOOSE_CLAUSE_DEPS or not is_finite(verb) or subject_of(verb):
        return None
    start = verb.left_edge.i
    if start - verb.sent.start < 3 or not _whole(verb) or not _says_something(verb):
        return None
    doc = verb.doc
    found = [
        (t, _stray_phrases(doc[t.right_edge.i + 1 : start]))
        for t in doc[verb.sent.start : start]
        if t.dep_ == "conj" and t.head.i < t.i
    ]
    found = [(t, phrases) for t, phrases in found if phrases is not None]
    if not found:
        return None
    noun, phrases = found[0]
    if noun.pos_ not in SUBJECT_POS or "Acc" in noun.morph.get("Case"):
        return None
    first = noun.head
    if first.dep_ == "conj" or sum(c.dep_ == "conj" for c in first.children) != 1:
        return None  # a list of three or more
    join = doc[noun.left_edge.i - 1]
    if join.lower_ not in CLAUSE_JOINS or join.head != first:
        return None
    clause = _clause_verb(first)
    if clause is None or clause.i > noun.i or verb.head not in {clause, *clause.ancestors}:
        return None
    return noun, join, clause, phrases


def _says_something(verb: Token) -> bool:
    """Whether anything but an adverb or a particle follows the verb in its clause: a
    participle after a list ("health care and education put together") has nothing."""
    return any(c.dep_ not in BARE_TAIL_DEPS for c in verb.rights)


def _whole(verb: Token) -> bool:
    """Whether the verb's clause is one unbroken stretch of words (a parse that jumps over
    other clauses is too confused to mend)."""
    return sum(1 for _ in verb.subtree) == verb.right_edge.i - verb.left_edge.i + 1


def _stray_phrases(gap: Span) -> list[Token] | None:
    """The heads of the prepositional phrases that fill ``gap`` whole ("among the youth"),
    hung outside it; None when anything else stands there."""
    pieces = [t for t in gap if t.head == t or not gap.start <= t.head.i < gap.end]
    if any(
        p.dep_ != "prep" or p.left_edge.i < gap.start or p.right_edge.i >= gap.end for p in pieces
    ):
        return None
    covered = sum(p.right_edge.i - p.left_edge.i + 1 for p in pieces)
    return pieces if covered == len(gap) else None


def mend_swallowed_subjects(doc: Doc) -> Doc:
    """Make a second clause's subject, read as the last item of a list in the first clause,
    the subject of its verb (the fault of the module docstring)."""
    for verb in doc:
        found = _swallowed_subject(verb)
        if found is None:
            continue
        noun, join, clause, phrases = found
        for phrase in phrases:  # "unemployment [among the youth]"
            phrase.head = noun
        noun.head, noun.dep_ = verb, "nsubj"
        join.head = clause
        verb.head, verb.dep_ = clause, "conj"
    return doc
