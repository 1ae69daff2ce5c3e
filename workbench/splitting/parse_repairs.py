"""Repairs of parses the small English model gets wrong in a way every later rule would
inherit.

``workbench_parse_repairs`` runs right after the model, before any workbench rule reads a
head. It mends twenty-four faults: thirteen here, six of how clauses and subjects are
joined (:mod:`workbench.splitting.clause_repairs`: the fifth, the fifteenth to seventeenth,
the twenty-third and twenty-fourth), and five of words (a hyphenated word
read apart, a day of the month left out of its date, a contracted "has" read as "is", a sum
in words read as a date, a title read as a clause: :mod:`workbench.splitting.word_repairs`).
First, a subject noun phrase parsed as several subjects of one verb side by side ("The
counter - protesters clashed", three subjects; "The militant organisation ISIL claimed",
two). Every rule that copies, names or compares a subject takes the verb's first subject,
so the claim lost the rest: "The counter threw rocks." and the speaker "militant
organisation". Subjects that touch each other and read as one plain noun phrase (words of
a noun phrase and hyphens inside words; no comma, spaced
dash, preposition or verb) become one noun phrase headed by the last. A subject repeated
after a pause ("Carole, the thing that saved us …"), a restart ("I -- I think") or a clause
are not touched. Second, a speaker the parser left unattached: in '"…," Massey said by
email' the name right before the reporting verb hangs on it as a bare ``dep``, so the
quotation had no speaker (while '"…," Smith said by email' had one); a name or noun so
placed, where the verb has no subject, is made its subject, as is a name before the verb
read as an adverbial noun ("Emily Ng from the pro-Lenz camp said: …", "Emily" an
``npadvmod``). Third, a condition's second clause: in "the council will fine you if you own
a boat and you don't pay the toll" the model coordinates "don't pay" with "fine", so the
splitter cut "You don't pay the toll." off as a claim of its own; a clause joined by a bare
"and" or "or" (no comma, no dash) right after a closing "if" or "unless" clause is made part
of that condition. Fourth, a reported clause's subject read as the reporting verb's object:
in "Friedman feared a shift away from primacy would make companies less efficient" the model
reads "feared a shift" and a clause "would make …" without a subject, so the frame stayed in
the claim; an object so placed, before a finite clause with no subject, is made that
clause's subject. Fifth, a "that" clause hung on a word between it and its reporting verb
("He said as recently as a few weeks ago in Phoenix that …" reads the clause as reported by
"recently"; "She has said from the start that we …" as a relative clause of "start"), so
the frame stayed in the claim; it is hung on the verb. Sixth, a speaker read
as an apposition inside the clause that opens the sentence ("Speaking to Agence
France-Presse, the president of the league, Jamel Msallem, said …": three names of the
agency, and "said" without a subject), so the quotation had no speaker; an apposition ending
right before a reporting verb that has no subject becomes its subject. Seventh, a reporting
or labelling verb read as a participle of the noun before it ('Andrei Gurulyov, a former
general, called Britain "the seat of all evil"', 'The mayor called Lenz "a failed city"':
one noun phrase, so no speaker); in a sentence with no verb of its own, with nothing but the
noun's apposition between them and an object after the verb, the verb becomes the sentence's
verb and the noun its subject. Eighth, a phrase set off by commas between a reporting verb
and the "that" of its clause ("She said, after the vote, that taxes would rise"; "I
promised, when we took office, that …"), which the model hangs on the reported clause, so
the claim read "After the vote, that taxes would rise."; nothing before "that" belongs to
its clause, so the phrase is hung on the verb (and a "that" read as the clause's object,
before its subject, is made its mark). Ninth, an amount read as the agent of a passive while
a later "by" names it ("The budget was cut by 10 percent by the council": "10 percent" cut
it, so the council and the budget read as swapped); the "by" of the amount is made a plain
preposition and the later one the agent. Tenth, the "that" opening a reported clause read as
an adverb of its verb ("We indicated at that time that we were not going to intervene":
"that" an ``advmod`` of "going"), so the claim read "That we were not going to intervene.";
a "that" so read (or read as its object), first in the clause and before its subject, is
made its mark. Eleventh, a
reporting verb before its quotation read as an aside of a word inside it ('In the video, Lam
said, "any acts that advocate … will not be tolerated."': "said" a ``parataxis`` of "acts",
the sentence's root), so the frame stayed in the claim; the verb, followed by a comma or
colon and an opening quotation mark, becomes the sentence's root and the quotation's head
what it reports, with the words before the verb its own. Twelfth, an addressee read as the
first word of the name that opens what it was told ("Soufan told NPR Hamza bin Laden had
appeared …": "NPR Hamza bin Laden" one name, so the claim began "NPR Hamza bin Laden"); an
upper-case acronym right after a verb of telling (maybe after "the") and before a
capitalised name, the verb with no object, becomes the verb's addressee, and the
recogniser's entity is cut after it. Thirteenth, a list item after the verb read as an
apposition of its subject ("We've come through a recession, a stock market decline and an
attack": "decline" an apposition of "We", so the claim's frame lost the decline and the
attack); nothing after a noun's verb renames the noun, so a phrase after a comma that
follows the verb is hung on the noun phrase that ends at that comma, as the next item of a
list when it goes on with "and" or "or", else as that phrase's apposition. Fourteenth, the
object of a verb of naming read as what it names the object ("I called the attorney
general": "the attorney" called "general", so the claim became the speaker's label for
someone and lost whom it was about); a noun read so under a verb in the active voice that
has a subject and no object, not a reduced relative ("a bill called the Patriot Act"), is
made its object.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.clause_repairs import (
    mend_bare_conjuncts,
    mend_contrasted_negations,
    mend_opening_relatives,
    mend_opening_subjects,
    mend_stranded_reports,
    mend_swallowed_subjects,
)
from workbench.splitting.lexicon import ADDRESSEE_VERBS, LABELING_VERBS, REPORTING_VERBS
from workbench.splitting.tokens import condition_words, glued, subject_of
from workbench.splitting.word_repairs import (
    mend_contracted_has,
    mend_counts_in_dates,
    mend_dated_sums,
    mend_halved_lengths,
    mend_missed_days,
    mend_missed_months,
    mend_missed_short_years,
    mend_missed_titles,
    mend_open_ranges,
    mend_parted_words,
    mend_spoken_short_years,
)

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: parts of speech of the words of a plain noun phrase ("Niger's militant organisation")
NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
HYPHENS = frozenset({"-", "‐"})
#: parts of speech of a word that can name a speaker standing alone before its verb
SPEAKER_POS = frozenset({"PROPN", "NOUN"})
VERB_POS = frozenset({"VERB", "AUX"})
#: entity types of a name that can speak ("Monday" hung so is when, not who)
NAME_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: what may stand, hung on the verb, between an object read for a subject and its clause
OBJECT_TAIL_DEPS = frozenset({"advmod", "prep", "punct"})
#: what a verb of telling says its addressee or its content with
ADDRESSEE_DEPS = frozenset({"dative", "dobj", "iobj"})
#: a verb of naming that modifies a noun ("a bill called the Patriot Act")
REDUCED_DEPS = frozenset({"acl", "relcl"})
#: what a verb of naming holds when its naming is read right (an object, the passive, a clause)
UNNAMED_DEPS = frozenset({"dobj", "dative", "nsubjpass", "auxpass", "ccomp", "xcomp"})
#: the bare words that join a condition's second clause to its first
JOINING_WORDS = frozenset({"and", "or"})


def _plain_piece(token: Token) -> bool:
    """A word of a plain noun phrase, or a hyphen inside a word ("counter-protesters"):
    not a comma, a spaced dash, a preposition or a verb, where the parse may well be right
    ("Carole, the thing …", "Most businesses -- 70 percent …")."""
    if token.text in HYPHENS:
        return glued(token)
    return token.pos_ in NOUN_PHRASE_POS or token.tag_ == "PRP$"  # "your", "its"


def _joined_subjects(verb: Token) -> list[Token]:
    """The verb's subjects that form one unbroken plain noun phrase, in order; fewer than two
    when there is nothing to mend."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) < 2:
        return []
    run = [subjects[0]]
    for subject in subjects[1:]:
        if subject.left_edge.i != run[-1].right_edge.i + 1:
            break
        run.append(subject)
    if len(run) < 2:
        return []
    doc = verb.doc
    pieces = doc[run[0].left_edge.i : run[-1].i + 1]
    return run if all(_plain_piece(t) for t in pieces) else []


def mend_split_subjects(doc: Doc) -> Doc:
    """Make the touching subjects of each verb one noun phrase headed by the last of them
    (the others become its compound, a hyphen its punctuation)."""
    for verb in doc:
        run = _joined_subjects(verb)
        if not run:
            continue
        head = run[-1]
        for piece in run[:-1]:
            piece.head = head
            piece.dep_ = "punct" if piece.is_punct else "compound"
    return doc


def mend_unattached_speakers(doc: Doc) -> Doc:
    """Make a name or noun the parser hung on a reporting verb as a bare ``dep``, right
    before it, the verb's subject when it has none ('"…," Massey said by email'); so too a
    name it read as an adverbial noun ("Emily Ng from the pro-Lenz camp said: …", "Emily"
    an ``npadvmod`` of "said"), with the phrases between them its own."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ not in REPORTING_VERBS or verb.i == 0:
            continue
        if any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        before = doc[verb.i - 1]
        if before.head == verb and before.dep_ == "dep" and before.pos_ in SPEAKER_POS:
            before.dep_ = "nsubj"
            continue
        named = [
            c
            for c in verb.lefts
            if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ in NAME_TYPES
        ]
        if named:
            name = named[-1]
            for phrase in [c for c in verb.lefts if c.i > name.i and c.dep_ == "prep"]:
                phrase.head = name  # "from the pro-Lenz camp"
            name.dep_ = "nsubj"
    return doc


def mend_reported_subjects(doc: Doc) -> Doc:
    """Make the object the parser gave a reporting verb the subject of the clause after it
    that has none ("Friedman feared a shift away from primacy would make companies …",
    read as "feared a shift" and a clause "would make …" with no subject)."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ not in REPORTING_VERBS:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        clauses = [  # the clause may be read as adverbial, though nothing subordinates it
            c
            for c in verb.children
            if c.dep_ in {"ccomp", "advcl"}
            and c.i > verb.i
            and not any(m.dep_ == "mark" for m in c.children)
        ]
        if len(objects) != 1 or not clauses:
            continue
        obj, clause = objects[0], clauses[0]
        if clause.i < obj.i or any(c.dep_ in SUBJECTS | {"expl"} for c in clause.children):
            continue
        if not any(c.dep_ == "aux" and c.i < clause.i for c in clause.children):
            continue  # a finite clause: "would make", "has made"
        between = [c for c in verb.children if obj.i < c.i < clause.left_edge.i]
        if any(c.dep_ not in OBJECT_TAIL_DEPS for c in between):
            continue
        for child in between:  # "a shift [away from primacy]"
            child.head = obj
        obj.head = clause
        obj.dep_ = "nsubj"
        clause.dep_ = "ccomp"  # what the verb reports
    return doc


def mend_appositive_speakers(doc: Doc) -> Doc:
    """Make the speaker the parser read as an apposition inside an opening clause the
    subject of the reporting verb after it ("Speaking to Agence France-Presse, the president
    of the league, Jamel Msallem, said …", read as three names of the news agency; "When you
    look at Mexico, a friend of mine said …")."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ not in REPORTING_VERBS:
            continue
        if subject_of(verb) is not None:
            continue
        openings = [c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i]
        touching = [  # an apposition that ends right before the verb, commas apart
            a
            for a in (openings[-1].subtree if openings else ())
            if a.dep_ == "appos" and all(t.is_punct for t in doc[a.right_edge.i + 1 : verb.i])
        ]
        if not touching:
            continue
        last = touching[0]  # the widest: a later one hangs inside it
        names = [c for c in last.head.children if c.dep_ == "appos" and c.i <= last.i]
        first = names[0]
        for token in doc[first.i : verb.i]:
            if token.head.i == first.head.i and token.i != first.i:
                token.head = first if token.i <= last.right_edge.i else verb
        first.head = verb
        first.dep_ = "nsubj"
    return doc


def mend_reduced_relative_roots(doc: Doc) -> Doc:
    """Make a reporting or labelling verb read as a participle of the noun before it the
    sentence's verb, with that noun its subject, where the sentence has no verb of its own
    ("Andrei Vos, a former general, called Britain "the seat of all evil"", "The mayor
    called Lenz "a failed city"": one noun phrase, "called" a participle of the noun); so
    too any verb tagged a simple past right after the noun ("The farm bill passed with …")."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ != "acl" or verb.pos_ != "VERB" or noun.dep_ != "ROOT":
            continue
        if noun.pos_ not in SPEAKER_POS or noun.i > verb.i or verb.tag_ not in {"VBD", "VBN"}:
            continue
        reporting = verb.lemma_ in REPORTING_VERBS | LABELING_VERBS
        if not reporting and (verb.tag_ != "VBD" or verb.i != noun.i + 1):
            continue
        objects = {"dobj", "oprd", "ccomp"}
        if reporting and not any(c.dep_ in objects and c.i > verb.i for c in verb.children):
            continue  # "the man called" says nothing of anyone
        between = doc[noun.i + 1 : verb.i]
        apposed = {t.i for c in noun.children if c.dep_ == "appos" for t in c.subtree}
        if not all(t.is_punct or t.i in apposed for t in between):
            continue  # only "Name, apposition, verb …" or "the mayor called …"
        later = [c for c in noun.children if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "nsubj"
        for child in later:  # what follows the verb is the verb's: its label, the full stop
            child.head = verb
            if child.dep_ == "appos" and verb.lemma_ in LABELING_VERBS:
                child.dep_ = "oprd"
    return doc


def mend_interposed_phrases(doc: Doc) -> Doc:
    """Hang on the reporting verb a phrase set off by commas between it and the "that" of
    its reported clause ("She said, after the vote, that taxes would rise", read as a clause
    "after the vote, that taxes would rise")."""
    for clause in doc:
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.i > clause.i or verb.lemma_ not in REPORTING_VERBS:
            continue
        marks = [
            c
            for c in clause.children
            if c.lower_ == "that" and c.dep_ in {"mark", "dobj"} and c.i < clause.i
        ]
        if not marks or not doc[marks[0].i - 1].is_punct or doc[verb.i + 1].text != ",":
            continue
        that = marks[0]
        if that.dep_ == "dobj" and not any(
            c.dep_ in SUBJECTS and that.i < c.i < clause.i for c in clause.children
        ):
            continue  # "that" may be what the clause is about
        for child in [c for c in clause.children if verb.i < c.i < that.i]:
            child.head = verb
        that.dep_ = "mark"
    return doc


def mend_unmarked_that(doc: Doc) -> Doc:
    """Make the "that" opening a reported clause, read as an adverb or an object before the
    clause's subject, the clause's mark ("indicated at that time that we were not going to
    …", "said that ideology does matter")."""
    for clause in doc:
        if clause.dep_ != "ccomp":
            continue
        that = clause.left_edge
        if (
            clause.head.i < that.i
            and that.lower_ == "that"
            and that.head == clause
            and that.dep_ in {"advmod", "dobj"}
            and any(c.dep_ in SUBJECTS and that.i < c.i < clause.i for c in clause.children)
        ):
            that.dep_ = "mark"
    return doc


def mend_quotation_frames(doc: Doc) -> Doc:
    """Make a reporting verb with a subject, followed by a comma or colon and an opening
    quotation mark, the root of a sentence the parser rooted inside the quotation, with the
    quotation's head what it reports ('Lam said, "any acts … will not be tolerated."')."""
    for verb in doc:
        head = verb.head  # inside the quotation: after the verb, its comma and the mark
        if verb.dep_ != "parataxis" or verb.lemma_ not in REPORTING_VERBS or head.i <= verb.i + 2:
            continue
        if head.dep_ != "ROOT" or subject_of(verb) is None:
            continue
        if doc[verb.i + 1].text not in {",", ":"} or doc[verb.i + 2].tag_ != "``":
            continue
        before = [c for c in head.children if c.i < verb.i]  # "In the video", a comma
        verb.head, verb.dep_ = verb, "ROOT"
        head.head, head.dep_ = verb, "ccomp"
        for child in before:
            child.head = verb
            if child.dep_ in SUBJECTS:  # "The way my opponent talks, he said, "…""
                child.dep_ = "npadvmod"
    return doc


def mend_measured_agents(doc: Doc) -> Doc:
    """Make the agent of a passive the "by" phrase after an amount the parser took for it,
    or took for a plain preposition with the agent ("was cut by 10 percent by the
    council")."""
    for verb in doc:
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            continue
        bys = [c for c in verb.children if c.lower_ == "by" and c.dep_ in {"agent", "prep"}]
        if len(bys) < 2 or not any(_is_amount(c) for c in bys[0].children if c.dep_ == "pobj"):
            continue
        bys[0].dep_, bys[1].dep_ = "prep", "agent"
    return doc


def _is_amount(noun: Token) -> bool:
    """A noun counted by a figure ("10 percent", "$5 million"), or a figure itself."""
    return noun.like_num or any(c.dep_ == "nummod" for c in noun.children)


def mend_split_conditions(doc: Doc) -> Doc:
    """Hang a clause the parser coordinated with the main verb on the closing condition it
    follows ("… if you own a boat and you don't pay the toll")."""
    for verb in doc:
        main = verb.head
        if verb.dep_ != "conj" or main.i >= verb.i or main.pos_ not in VERB_POS:
            continue
        conditions = [
            c
            for c in main.children
            if c.dep_ == "advcl" and main.i < c.i < verb.i and condition_words(c)
        ]
        if not conditions:
            continue
        condition = conditions[-1]
        if condition.right_edge.is_punct:  # "if you get a job as to whether -- and part …"
            continue
        between = doc[condition.right_edge.i + 1 : verb.left_edge.i]
        if len(between) == 1 and between[0].lower_ in JOINING_WORDS:
            verb.head = condition
            between[0].head = condition
    return doc


def mend_addressed_acronyms(doc: Doc) -> Doc:
    """Make the acronym right after a verb of telling its addressee when the parser read it
    as the first word of the name that opens the reported clause ("Soufan told NPR Hamza bin
    Laden had appeared …", "NPR Hamza bin Laden" one name): an upper-case name of two or more
    letters, maybe after "the", followed by a capitalised one, the verb with no object of
    its own."""
    for verb in doc:
        if verb.lemma_ not in ADDRESSEE_VERBS:
            continue
        start = verb.i + 1
        if start < len(doc) and doc[start].lower_ == "the":
            start += 1  # "told the BBC Lenz Port had closed"
        if start + 1 >= len(doc):
            continue
        if any(c.dep_ in ADDRESSEE_DEPS for c in verb.children):
            continue
        acronym, rest = doc[start], doc[start + 1]
        name = acronym.head
        clause = name.head
        if not (acronym.dep_ == "compound" and acronym.is_upper and len(acronym) > 1):
            continue
        if not (rest.is_title and rest.pos_ == "PROPN" and name.dep_ in SUBJECTS):
            continue
        if clause.head != verb or clause.dep_ != "ccomp" or name.i <= acronym.i:
            continue
        acronym.head, acronym.dep_ = verb, "dative"
        for word in doc[verb.i + 1 : start]:
            word.head = acronym
        _split_entity(doc, acronym.i)
    return doc


def _split_entity(doc: Doc, at: int) -> None:
    """Cut the entity holding token ``at`` after it ("NPR" and "Hamza bin Laden")."""
    ents = []
    for ent in doc.ents:
        if ent.start == at and ent.end > at + 1:
            ents += [Span(doc, at, at + 1, ent.label_), Span(doc, at + 1, ent.end, ent.label_)]
        else:
            ents.append(ent)
    doc.ents = ents


def mend_stray_appositions(doc: Doc) -> Doc:
    """Hang an apposition of a subject that stands after the subject's verb on the noun
    phrase that ends at the comma before it (thirteenth fault of the module docstring)."""
    for item in doc:
        subject = item.head
        if item.dep_ != "appos" or subject.dep_ not in SUBJECTS:
            continue
        verb, comma = subject.head, item.left_edge.i - 1
        if not subject.i < verb.i < comma or doc[comma].text != ",":
            continue
        ending = [
            t
            for t in doc[verb.i + 1 : comma]
            if t.pos_ in SPEAKER_POS and t.right_edge.i == comma - 1
        ]
        if not ending:
            continue
        noun = min(ending, key=lambda t: t.left_edge.i)  # the whole phrase, not its tail
        item.head = noun
        doc[comma].head = noun
        if any(c.dep_ == "cc" for c in item.children):
            item.dep_ = "conj"
    return doc


def mend_named_objects(doc: Doc) -> Doc:
    """Make a noun the parser read as the name an active verb gives its object, where the
    verb has no object, that object (fourteenth fault of the module docstring)."""
    for noun in doc:
        verb = noun.head
        if noun.dep_ != "oprd" or noun.pos_ not in SPEAKER_POS or verb.dep_ in REDUCED_DEPS:
            continue
        deps = {c.dep_ for c in verb.children}
        if "nsubj" in deps and not deps & UNNAMED_DEPS:
            noun.dep_ = "dobj"
    return doc


@Language.component("workbench_parse_repairs", assigns=["token.head", "token.dep", "doc.ents"])
def parse_repairs_component(doc: Doc) -> Doc:
    """spaCy component: mend the parses described in the module docstring."""
    doc = mend_opening_relatives(doc)
    doc = mend_swallowed_subjects(mend_opening_subjects(mend_split_subjects(doc)))
    doc = mend_stranded_reports(mend_unattached_speakers(doc))
    doc = mend_appositive_speakers(mend_reported_subjects(doc))
    doc = mend_interposed_phrases(mend_reduced_relative_roots(mend_unmarked_that(doc)))
    doc = mend_quotation_frames(mend_measured_agents(mend_split_conditions(doc)))
    doc = mend_named_objects(mend_stray_appositions(mend_addressed_acronyms(doc)))
    doc = mend_contrasted_negations(doc)
    doc = mend_missed_days(mend_missed_months(mend_parted_words(mend_bare_conjuncts(doc))))
    doc = mend_halved_lengths(mend_spoken_short_years(mend_missed_short_years(doc)))
    doc = mend_open_ranges(mend_counts_in_dates(mend_dated_sums(mend_contracted_has(doc))))
    return mend_missed_titles(doc)
