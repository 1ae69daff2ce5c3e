"""Where a claim's frame says something happened: a place named after "in", "at" … (the
lexicon's ``place_prepositions``), and a place that says where the report framing the
claim was made; and the other names of that report's phrases, which say to whom, on what
or about what it was made."""

from __future__ import annotations

from spacy.tokens import Span, Token

from workbench.splitting.lexicon import ACTOR_LABELS, LEXICON, THING_LABELS

PLACE_PREPOSITIONS = LEXICON["place_prepositions"].words
REPORT_TIME_WORDS = LEXICON["report_time_words"].words
REPORT_OBJECT_PREPOSITIONS = LEXICON["report_object_prepositions"].words
#: the entities that name someone or something (not an amount or a date)
NAMING_LABELS = ACTOR_LABELS | THING_LABELS
#: how a name may hang on the noun of a report's phrase ("Arabic TV", "CNN's interview")
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: words a report's place phrase may hang on below the reporting verb ("said as recently as …
#: in Phoenix"); a noun is not one, since "officials in Baghdad" names the speakers
LINKING_POS = frozenset({"ADV", "ADP"})


def _place_root(ent: Span) -> Token:
    """The word of a place phrase the preposition governs: the first of a list ("in the
    Soviet Union and Russia" for "Russia")."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root


def is_place(ent: Span) -> bool:
    """Whether an entity names where something happened: a place after a place preposition,
    alone or listed with others."""
    root = _place_root(ent)
    return (
        ent.label_ in PLACE_LABELS
        and root.dep_ == "pobj"
        and root.head.lower_ in PLACE_PREPOSITIONS
    )


def where_said(ent: Span, head: Token | None) -> bool:
    """Whether a place outside the claim's words says where the report that frames it was
    made: a place phrase on a verb the claim's own clause hangs from ("In Iraq, officials
    said …", "officials said in Baghdad …"), not one naming the speaker ("officials in
    Baghdad said"). The phrase may hang on a word of the frame's that is not a verb ("said
    as recently as a week ago in Phoenix that …"), or on a noun a preposition of the frame
    governs ("suggested in his speech at Cleveland that …")."""
    if head is None or not is_place(ent):
        return False
    return _frames(_place_root(ent).head.head, head)


def when_said(ent: Span, head: Token | None) -> bool:
    """Whether an ordinal outside the claim's words says at which occasion the report that
    frames it was made, as a date does ("In the first debate he said …", "said in his second
    speech that …"): it counts a noun a preposition on such a verb governs."""
    if head is None or ent.label_ != "ORDINAL" or ent.root.head.dep_ != "pobj":
        return False
    return _frames(ent.root.head.head.head, head)


def framing_name(ent: Span, head: Token | None) -> bool:
    """Whether a name outside the claim's words says where the report that frames it was
    made (:func:`where_said`), or to whom or about what (:func:`said_to_or_about`)."""
    return where_said(ent, head) or said_to_or_about(ent, head)


def said_to_or_about(ent: Span, head: Token | None) -> bool:
    """Whether a name outside the claim's words says to whom, where or on what the report
    that frames it was made ("indicated to General Brown that …", "On Arabic TV, you said
    …"; maybe a word of a noun there, "Arabic"): in a phrase on a verb of that report; or
    the object of its verb ("told Reuters that …"); or what its speaker was asked about,
    in a clause of it, after a preposition of ``report_object_prepositions`` ("When he was
    asked about Iraq, he said …")."""
    if head is None or ent.label_ not in NAMING_LABELS:
        return False
    root = ent.root
    while root.dep_ in NOUN_MODIFIER_DEPS and root.head.i != root.i:
        root = root.head
    if root.dep_ not in {"pobj", "dobj", "dative"}:
        return False
    if root.dep_ != "pobj":
        return root.head in head.ancestors
    verb = root.head.head
    if _frames(verb, head):
        return True
    asked = root.head.lower_ in REPORT_OBJECT_PREPOSITIONS and verb.dep_ == "advcl"
    return asked and verb.head in head.ancestors


def in_time_of_report(ent: Span, head: Token | None) -> bool:
    """Whether an amount outside the claim's words stands in a clause that says when the
    report framing it was made ("In 1976, when the deficit was $52 billion, he said it
    ought to be bigger"), a clause opened by a word of ``report_time_words``, on the
    reporting verb or on a time a phrase of it names ("In 1976, when …")."""
    clause = next((t for t in ent.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if head is None or clause is None or clause.dep_ not in {"advcl", "relcl"}:
        return False
    opened = any(c.lower_ in REPORT_TIME_WORDS for c in clause.children if c.i < clause.i)
    return opened and _frames(clause.head, head)


def _frames(above: Token, head: Token) -> bool:
    """Whether ``above``, the word a phrase's preposition hangs on, belongs to the frame the
    claim's clause (``head``) hangs from, passing over prepositions, adverbs and their
    objects ("said as recently as a week ago in Phoenix that …")."""
    while (above.pos_ in LINKING_POS or above.dep_ == "pobj") and above.head.i != above.i:
        above = above.head
    return above in head.ancestors
