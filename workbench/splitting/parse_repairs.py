"""Repairs of parses the small English model gets wrong in a way every later rule would
inherit.

``workbench_parse_repairs`` runs right after the model, before any workbench rule reads a
head. It mends one fault: a subject noun phrase parsed as several subjects of one verb
side by side ("The counter - protesters clashed", three subjects; "The militant
organisation ISIL claimed", two). Every rule that copies, names or compares a subject takes
the verb's first subject, so the claim lost the rest: "The counter threw rocks." and the
speaker "militant organisation". Subjects that touch each other and read as one plain noun
phrase (words of a noun phrase and hyphens inside words; no comma, spaced dash, preposition
or verb) become one noun phrase headed by the last. A subject repeated after a pause
("Carole, the thing that saved us …"), a restart ("I -- I think") or a clause are not
touched.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from workbench.splitting.tokens import glued

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: parts of speech of the words of a plain noun phrase ("Niger's militant organisation")
NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
HYPHENS = frozenset({"-", "‐"})


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


@Language.component("workbench_parse_repairs", assigns=["token.head", "token.dep"])
def parse_repairs_component(doc: Doc) -> Doc:
    """spaCy component: mend the parses described in the module docstring."""
    return mend_split_subjects(doc)
