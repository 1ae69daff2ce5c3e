"""Repairs of how the small English model joins clauses and their subjects; run by
``workbench_parse_repairs`` (:mod:`workbench.splitting.parse_repairs`) with the repairs of
that module.

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

Sixteenth fault: a subject that lists someone and a pronoun read into the phrase that opens
the sentence ("In Austin, Texas, Governor Abbott and I agreed that …": "Abbott" a ``conj``
of "Austin", so the report had no speaker; "Last week in Lenz, Mayor Vos and I agreed …":
"Vos" an apposition of "Lenz", so the speaker was "I" alone). A pronoun in the subject case
("I", "we", "he", "she", "they") cannot stand in such a phrase: the list that ends in one,
after the comma that closes the opening phrase and right before the verb, becomes the
verb's subject.

Seventeenth fault: a bare verb coordinated with the participle of a phrase inside the
clause of another bare verb ("He did not attack the reporter writing the story or call
her 'disgusting'": "call" a ``conj`` of "writing", so it took "reporter" for its subject
and lost the denial it shares with "attack"). A bare verb (tagged ``VB``) with no subject or
auxiliary of its own cannot be coordinated with a participle that has no auxiliary either
("had sorted it out and come to terms": "come" is a participle): it is hung, with its "or"
or "and", on the nearest bare verb above that participle.

Twenty-third fault: a "not" after a comma that sets what follows against the clause before
it, read as the negation of that clause's verb ("ideology does matter, not just
competence"; "we cut taxes, not fees"), so the claim denied what it says. Nothing after
the comma can deny the verb before it: the "not" is hung on the phrase it opens.

Twenty-fourth fault: the main clause read as a relative clause of the last noun of the
phrase that opens the sentence ("On the day after the attack he said in the Rose Garden
that …": "said" a ``relcl`` of "attack", the sentence's root "On"), so the report had no
speaker and its clause stayed in the claim. A sentence rooted in its opening preposition
has no verb of its own; the first finite verb hung so, with a subject pronoun ("I", "we",
"he", "she", "they") and no word of a relative clause before it ("that", "which", "who",
"when" …), becomes the sentence's root, the preposition's phrase its own.

The fifth fault (numbered among the repairs of that module), a "that" clause hung on a word
between it and its reporting verb, is told in :func:`mend_stranded_reports`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from workbench.splitting.lexicon import (
    AUX_DEPS,
    CONTRAST_BREAKS,
    LEXICON,
    NOMINAL_SUBJECT_DEPS,
    REPORTING_VERBS,
    VERBAL,
)
from workbench.splitting.tokens import is_finite, subject_of

#: nouns of a time, whose "that" clause says when ("on the day that we arrived")
TIME_NOUNS = LEXICON["time_nouns"].words
#: parts of speech of a noun phrase's head that can be a clause's subject
SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: the bare words that join two clauses
CLAUSE_JOINS = frozenset({"and", "but", "or"})
#: how a subjectless second clause may hang when its subject was read into the first
LOOSE_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "dep", "parataxis"})
#: pronouns in the subject case: a list ending in one is a subject, never a phrase's object
SUBJECT_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})
#: what may stand in a list of subjects ("Governor Abbott and I")
LISTED_SUBJECT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "CCONJ"})
#: what may follow a verb that says nothing more ("put together", "combined")
BARE_TAIL_DEPS = frozenset({"advmod", "prt", "punct", "cc"})
#: the tags of the words that open a relative clause ("which", "who", "whose", "when")
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: the tags of participles a bare verb cannot be coordinated with
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})


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
    candidates = (
        (t, _stray_phrases(doc[t.right_edge.i + 1 : start]))
        for t in doc[verb.sent.start : start]
        if t.dep_ == "conj" and t.head.i < t.i
    )
    found = next(((t, phrases) for t, phrases in candidates if phrases is not None), None)
    if found is None:
        return None
    noun, phrases = found
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
    the subject of its verb (fifteenth fault of the module docstring)."""
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


def _opening_list(verb: Token) -> Span | None:
    """The list of subjects ending in a subject pronoun, right before ``verb``, that the
    parser read into the phrase opening the sentence (sixteenth fault); else None."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.lower_ not in SUBJECT_PRONOUNS or not is_finite(verb):
        return None
    subject = subject_of(verb)
    if subject is not None and subject != before:
        return None
    comma = next((t for t in reversed(doc[verb.sent.start : verb.i]) if t.text == ","), None)
    if comma is None:
        return None
    listed = doc[comma.i + 1 : verb.i]
    if len(listed) < 3 or any(t.pos_ not in LISTED_SUBJECT_POS for t in listed):
        return None
    joins = [t for t in listed if t.pos_ == "CCONJ"]
    if len(joins) != 1 or joins[0].i != verb.i - 2:
        return None  # "Mayor Vos and I": one joint, right before the pronoun
    opening = [t for t in listed if t.head.i < comma.i]  # hung on the opening phrase
    return listed if opening else None


def mend_opening_subjects(doc: Doc) -> Doc:
    """Make a list of subjects ending in a subject pronoun, read into the opening phrase,
    the subject of its verb (sixteenth fault of the module docstring)."""
    for verb in doc:
        listed = _opening_list(verb)
        if listed is None:
            continue
        join, pronoun = listed[-2], listed[-1]
        first = doc[listed.start : join.i]
        head = next((t for t in first if not first.start <= t.head.i < first.end), first[-1])
        head.head, head.dep_ = verb, "nsubj"
        for token in first:
            if token != head and not first.start <= token.head.i < first.end:
                token.head = head
        join.head, join.dep_ = head, "cc"
        pronoun.head, pronoun.dep_ = head, "conj"
    return doc


def _bare_conjunct_head(verb: Token) -> Token | None:
    """The bare verb a bare conjunct hung on a participle belongs to (seventeenth fault);
    else None."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or verb.head.tag_ not in PARTICIPLE_TAGS:
        return None
    if any(c.dep_ in AUX_DEPS for c in verb.head.children):
        return None  # "had sorted it out and come to terms": "come" is a participle too
    if subject_of(verb) is not None or any(c.dep_ in AUX_DEPS for c in verb.children):
        return None
    return next((t for t in verb.head.ancestors if t.tag_ == "VB" and t.i < verb.i), None)


def mend_bare_conjuncts(doc: Doc) -> Doc:
    """Hang a bare verb coordinated with a participle on the bare verb above it, with its
    joint (seventeenth fault of the module docstring)."""
    for verb in doc:
        head = _bare_conjunct_head(verb)
        if head is None:
            continue
        for join in verb.head.children:
            if join.dep_ == "cc" and join.i == verb.left_edge.i - 1:
                join.head = head
        verb.head = head
    return doc


def mend_stranded_reports(doc: Doc) -> Doc:
    """Hang on its reporting verb a "that" clause the parser hung on a word between them
    ("He said as recently as a few weeks ago in Phoenix that …", read as reported by
    "recently"; "I stated over and over again that …"; "said in the first debate that Jim
    Baker was going to be …", read as a relative clause of "debate")."""
    for clause in doc:
        that = _opening_that(clause)
        if that is None or (clause.dep_ != "ccomp" and not _misread_relative(clause)):
            continue
        verb = clause.head
        while verb.pos_ not in VERBAL and verb.head.i != verb.i:
            verb = verb.head
        stranded = verb.i != clause.head.i and verb.lemma_ in REPORTING_VERBS and verb.i < clause.i
        # a relative clause beside a clause the verb reports already stays a relative
        if stranded and (
            clause.dep_ == "ccomp" or not any(c.dep_ == "ccomp" for c in verb.children)
        ):
            clause.head, clause.dep_ = verb, "ccomp"
        if clause.dep_ == "ccomp":
            that.head, that.dep_ = clause, "mark"
    return doc


def _opening_that(clause: Token) -> Token | None:
    """The "that" that opens a clause as its mark; in a clause read as reported or relative,
    also a "that" read as an object of a verb that has a complement ("that Jim Baker was going to
    be responsible": "that" an object of "be"), which no relative pronoun is."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
    if marks or clause.dep_ not in {"relcl", "ccomp"}:
        return marks[0] if marks else None
    that = clause.left_edge
    if that.lower_ != "that" or that.dep_ in NOMINAL_SUBJECT_DEPS:
        return None
    # a verb with a complement of its own ("be responsible") takes no object a pronoun
    # could stand for; one with an object may ("help the states to finance")
    complements = {"attr", "acomp", "oprd"}
    return that if any(c.dep_ in complements for c in that.head.children) else None


def _misread_relative(clause: Token) -> bool:
    """A "that" clause read as a relative clause of a noun, though it is whole: its "that"
    no pronoun of it (:func:`_opening_that`), and a subject of its own ("said from the start
    of this campaign that we have …"). A noun of time keeps its clause ("on the day that we
    arrived")."""
    return (
        clause.dep_ == "relcl"
        and clause.head.ent_type_ not in {"DATE", "TIME"}
        and clause.head.lemma_.lower() not in TIME_NOUNS
        and any(
            c.dep_ in NOMINAL_SUBJECT_DEPS and c.lower_ not in {"that", "which", "who"}
            for c in clause.children
        )
    )


def mend_contrasted_negations(doc: Doc) -> Doc:
    """Hang a "not" read as the negation of a verb before it, with a comma between them, on
    the phrase it opens ("does matter, not just competence")."""
    for neg in doc:
        verb = neg.head
        if neg.lower_ != "not" or neg.dep_ != "neg" or not verb.i < neg.i < len(doc) - 1:
            continue
        if not any(t.text in CONTRAST_BREAKS for t in doc[verb.i + 1 : neg.i]):
            continue
        target = next((t for t in doc[neg.i + 1 :] if t.pos_ != "ADV" and not t.is_punct), None)
        if target is None:
            continue
        while target.head.i > neg.i and target.head is not target:
            target = target.head  # "not [because] he wanted": the verb of what it opens
        if target is not verb:
            neg.head = target
    return doc


def mend_opening_relatives(doc: Doc) -> Doc:
    """Make the main clause read as a relative clause of the opening phrase's last noun the
    sentence's root (twenty-fourth fault of the module docstring)."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ != "ADP" or root.i != sent.start:
            continue
        verb = next((t for t in root.subtree if _main_clause_in_phrase(t)), None)
        if verb is None:
            continue
        later = [c for c in root.children if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "prep"
        for child in later:  # the full stop, and what follows the verb
            child.head = verb
    return doc


def _main_clause_in_phrase(verb: Token) -> bool:
    """A finite verb read as a relative clause, with a subject pronoun and nothing before it
    in its clause that opens a relative clause."""
    if verb.dep_ != "relcl" or not is_finite(verb):
        return False
    subject = subject_of(verb)
    if subject is None or subject.lower_ not in SUBJECT_PRONOUNS:
        return False
    return not any(
        t.tag_ in RELATIVE_TAGS or t.lower_ == "that" for t in verb.subtree if t.i < subject.i
    )
