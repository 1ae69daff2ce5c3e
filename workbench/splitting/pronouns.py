"""Who a pronoun stands for: he, she, they and it resolved to a name when that is obvious."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span, Token

from workbench.splitting.entities import ents_of
from workbench.splitting.lexicon import (
    AUX_DEPS,
    NAMED_NON_PERSON,
    OBJECT_DEPS,
    SUBJECT_DEPS,
)
from workbench.splitting.tokens import (
    _sentence_start,
    person_mention,
    recent_named_subject,
    recent_person,
    subject_of,
)
from workbench.splitting.wording_tokens import join_tokens, subject_words

#: verbs whose subject "it" may stand for a clause that follows ("it is clear that …")
ANTICIPATING_VERBS = frozenset({"be", "seem", "appear"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj"})
CLAUSE_OPENERS = frozenset({"that", "to", "whether"})
#: speakers no "he" or "she" can mean
SPEAKING_SELVES = frozenset({"i", "we", "you"})


def resolve_pronoun(
    pronoun: Token,
    span: Span,
    *,
    speaker: str | None = None,
    quote: bool = False,
    source: tuple[int, int] | None = None,
    window: int = 3,
) -> str | None:
    """What an obvious subject pronoun stands for, or None when it is not obvious.

    "he"/"she" outside a quotation: the only person named earlier in the sentence; else, in
    reported speech whose speaker phrase (``source``) is a name, the speaker ("Vucic said he
    regretted it"); else the most recent person of the preceding sentences
    (:func:`recent_person`). "it" outside a quotation: the only subject named earlier in the
    sentence when it names a place or an organisation and that subject has no singular object
    "it" could mean instead ("The FDA issued guidance, and it was published" keeps "it");
    else the previous sentence's named subject. "I" opening a quotation: the quoted speaker
    in square brackets, and only before a past-tense verb or a modal, where the verb form
    does not change.
    """
    word = pronoun.lower_
    doc = span.doc
    sent_start = _sentence_start(span)
    if word in {"he", "she"} and not quote:
        return _resolve_person(pronoun, doc, sent_start, speaker, source, window)
    if word == "it" and not quote and not _anticipates_clause(pronoun):
        return _resolve_it(pronoun, doc, sent_start)
    if word == "i" and quote and speaker:
        return _resolve_quoted_i(pronoun, speaker)
    return None


def _resolve_person(
    pronoun: Token,
    doc: Doc,
    sent_start: int,
    speaker: str | None,
    source: tuple[int, int] | None,
    window: int,
) -> str | None:
    """For "he"/"she": the sentence's only earlier person, else a named speaker, else a recent
    person of the preceding sentences."""
    persons = {
        ent.root.lower_: ent
        for ent in ents_of(doc[sent_start : pronoun.i])
        if ent.label_ == "PERSON" and ent.end <= pronoun.i
    }
    if persons and _speaker_between(persons.values(), source, pronoun):
        # "Vos went to Lenz and the harbour master said he …": he may be either
        return speaker if names_someone(doc[source[0] : source[1]]) else None
    if len(persons) == 1:
        return person_mention(next(iter(persons.values())))
    if persons:
        return None
    if speaker and source is not None and names_someone(doc[source[0] : source[1]]):
        return speaker
    return recent_person(doc, sent_start, window=window)


def _speaker_between(
    persons: Collection[Span], source: tuple[int, int] | None, pronoun: Token
) -> bool:
    """Whether the speaker phrase of the pronoun's report, one "he" or "she" could mean,
    stands between every person named earlier in the sentence and the pronoun: the person is
    then not obviously meant ("I think he …" leaves him obvious)."""
    if source is None or source[1] > pronoun.i:
        return False
    phrase = pronoun.doc[source[0] : source[1]]
    if all(t.lower_ in SPEAKING_SELVES for t in phrase if not t.is_punct):
        return False
    return all(p.end <= source[0] for p in persons)


def _anticipates_clause(pronoun: Token) -> bool:
    """True when "it" stands for a clause later in its own sentence, not for a thing ("it
    was essential that the talks resume", "it is important to keep talking", "it seems
    that …")."""
    verb = pronoun.head
    if verb.lemma_ not in ANTICIPATING_VERBS:
        return False
    return any(
        c.dep_ in CLAUSE_DEPS and c.i > pronoun.i and _opened_by(c, CLAUSE_OPENERS)
        for c in verb.children
    )


def _opened_by(clause: Token, openers: Collection[str]) -> bool:
    """Whether a clause's first word is one of ``openers`` ("that", "to")."""
    return clause.left_edge.lower_ in openers


def _resolve_it(pronoun: Token, doc: Doc, sent_start: int) -> str | None:
    """For "it": the sentence's only earlier named subject, else the previous sentence's named
    subject when it is a singular name that is not a person."""
    before = doc[sent_start : pronoun.i]
    subjects = [t for t in before if t.dep_ in SUBJECT_DEPS and t.pos_ != "PRON"]
    if subjects:
        return _only_named_subject(before, subjects)
    previous = recent_named_subject(doc, sent_start)
    if previous is not None and previous.label_ != "PERSON" and previous.root.tag_ == "NNP":
        return previous.text
    return None


def _only_named_subject(before: Span, subjects: Sequence[Token]) -> str | None:
    """The one name shared by the subjects before "it", unless one is missing or several
    differ, or an object of theirs could be what "it" means."""
    names = {_named(t) for t in subjects}
    if len(names) != 1 or None in names:
        return None
    named = {t.i for t in subjects}
    if _object_of_named(before, named):
        return None
    return names.pop()


def _object_of_named(before: Span, named: Collection[int]) -> bool:
    """True when a singular object of a named subject precedes "it" ("The FDA issued
    guidance, and it …": "it" could be the guidance)."""
    for t in before:
        if t.tag_ == "NN" and t.dep_ in OBJECT_DEPS:
            owner = subject_of(t.head)
            if owner is not None and owner.i in named:
                return True
    return False


def _resolve_quoted_i(pronoun: Token, speaker: str) -> str | None:
    """For "I" in a quotation: the speaker in square brackets, before a past tense or a modal."""
    verb = pronoun.head
    aux_tags = {c.tag_ for c in verb.children if c.dep_ in AUX_DEPS}
    if verb.tag_ == "VBD" or "MD" in aux_tags:
        return f"[{speaker}]"  # the editorial convention for a change inside a quotation
    return None


def names_someone(phrase: Span) -> bool:
    """True when a speaker phrase is a proper name that is not a place or an organisation."""
    names = [t for t in phrase if t.pos_ == "PROPN"]
    return bool(names) and all(t.ent_type_ in {"", "PERSON"} for t in names)


def _named(subject: Token) -> str | None:
    """The subject phrase as written, when it is a singular name of a place or organisation."""
    if subject.tag_ != "NNP" or subject.ent_type_ not in NAMED_NON_PERSON:
        return None
    doc = subject.doc
    return join_tokens(subject_words(doc[subject.left_edge.i : subject.right_edge.i + 1]), {}, {})
