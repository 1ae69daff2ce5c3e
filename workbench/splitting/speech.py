"""Speech frames, the parts the attribution rules read: quote regions, speaker phrases,
the subject and content of a reporting verb."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from workbench.splitting.frame_shapes import (
    bare_frame,
    comma_before,
    comma_before_word,
    opening_as_comma,
    opening_as_frame,
    subordinated,
)
from workbench.splitting.lexicon import (
    DENIAL_VERBS,
    INVERTING_VERBS,
    NO_SPEAKER_SUBJECTS,
    OBJECT_CONTENT_VERBS,
    PHRASAL_REPORTING_VERBS,
    PROPOSITION_NOUNS,
    QUOTE_PAIRS,
    RELATIVE_WORDS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOFT_REPORTING_VERBS,
    SOURCE_NOUNS,
    SPEECH_ACT_VERBS,
    STATE_NOUNS,
    SUBJECT_NEGATORS,
)
from workbench.splitting.report_scene import fronted_scene
from workbench.splitting.tokens import (
    PARAGRAPH_BREAK,
    coordinated_head,
    is_reporting_participle,
    modal_conjunct,
    reporting_ancestor,
    subject_of,
    unit_root,
)

#: Share of the attributed words that must lie inside quotation marks for a direct quote; a
#: paraphrase with a quoted phrase in it ("said the deal was “a provocation”") is not one.
QUOTE_THRESHOLD = 0.8


@dataclass(frozen=True)
class Attribution:
    """Result of the attribution rules for one span. An empty one means the article asserts it."""

    speaker: str | None = None
    cue: str | None = None
    quote: bool = False
    #: doc token offsets of the phrase naming the source: the whole subject with its
    #: appositions, or the "according to …" phrase. Its words are not evidence about the content.
    source_range: tuple[int, int] | None = None
    rule: str | None = None
    #: doc token indices inside the span of what is attributed (None: the whole span).
    content: tuple[int, ...] | None = None
    #: words to add after a token for the stand-alone wording: ((index, "is"),).
    insertions: tuple[tuple[int, str], ...] = ()
    #: what the speaker does with the content (see :data:`workbench.core.values.STANCES`)
    stance: str = "asserts"


@dataclass(frozen=True)
class Match:
    speaker: list[Token]  # tokens of the speaker phrase, in order
    source: tuple[int, int]  # token offsets of the whole source phrase
    cue: str
    content: list[Token]  # tokens carrying what is attributed
    rule: str
    may_quote: bool = True
    insertions: tuple[tuple[int, str], ...] = ()
    verb: Token | None = None  # the reporting verb, when the frame has one
    frame_stays: bool = False  # the content is the verb's object: the wording keeps the verb


# --------------------------------------------------------------------------- quotes


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations in ``text``, quotation marks included.

    Straight and curly double quotes, guillemets, and curly single quotes (a ’ between two
    letters is an apostrophe). A quotation still open at a paragraph break ends there.
    """
    regions: list[tuple[int, int]] = []
    bounds: list[tuple[int, int]] = []
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    for para_start, para_end in bounds:
        open_at: int | None = None
        closer = ""
        for i in range(para_start, para_end):
            ch = text[i]
            if open_at is None:
                if ch == "‘" and i > para_start and text[i - 1].isalnum():
                    continue
                if ch in QUOTE_PAIRS:
                    open_at, closer = i, QUOTE_PAIRS[ch]
            elif ch == closer:
                if closer == "’" and i + 1 < para_end and text[i + 1].isalpha():
                    continue  # an apostrophe: don’t
                regions.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            regions.append((open_at, para_end))
    return regions


def in_quotes(token: Token, regions: Sequence[tuple[int, int]]) -> bool:
    """True when ``token`` lies strictly inside one of the quotation ``regions``."""
    return any(start < token.idx and token.idx + len(token) <= end for start, end in regions)


def region_of(span: Span, regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    words = [t for t in span if t.is_alpha]
    for start, end in regions:
        if words and all(start < t.idx < end for t in words):
            return start, end
    return None


# --------------------------------------------------------------------------- speaker phrase


# ----------------------------------------------------------------- a verb's subject and content


def phrase_bounds(token: Token) -> tuple[int, int]:
    """Token offsets of ``token``'s subtree without punctuation at either edge."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    while start < token.i and doc[start].is_punct:
        start += 1
    while end - 1 > token.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def verb_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return None if child.lower_ in RELATIVE_WORDS else child
    for child in verb.children:  # "said X, adding …" parsed with X as the participle's subject
        if is_reporting_participle(child):
            hung = [c for c in child.children if c.dep_ == "nsubj" and verb.i < c.i < child.i]
            if hung:
                return hung[0]
    hung = _subject_on_interrupted_auxiliary(verb)
    if hung is not None:
        return hung
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    if verb.dep_ == "conj":
        return verb_subject(coordinated_head(verb))
    if is_reporting_participle(verb):  # "…, adding that …": the main verb's subject
        return verb_subject(reporting_ancestor(verb))
    return None


def _subject_on_interrupted_auxiliary(verb: Token) -> Token | None:
    """The subject the parser hangs on the auxiliary when a phrase between commas parts it
    from its verb ("X has, according to Y, said …"): an auxiliary before the verb that
    holds nothing but that subject and punctuation."""
    for child in verb.children:
        if child.i > verb.i or child.tag_ not in {"VBZ", "VBP", "VBD", "MD"}:
            continue
        if child.lemma_ not in {"have", "be", "do"} and child.tag_ != "MD":
            continue
        kids = list(child.children)
        subjects = [c for c in kids if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_WORDS]
        if len(subjects) == 1 and all(c.dep_ in {"nsubj", "punct"} for c in kids):
            return subjects[0]
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after a reporting verb that follows its content, which the parser takes
    for the verb's object ("The talks failed, reported NDTV"): a name, a person or an organ
    that ends the frame, with the content before the verb and a comma between them."""
    if verb.lemma_ not in INVERTING_VERBS or not comma_before_word(verb):
        return None
    before = any(c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i for c in verb.children)
    hung = verb.dep_ in {"advcl", "ccomp", "parataxis"} and verb.head.i < verb.i
    if not (before or hung):
        return None
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    if not after or after[0].dep_ != "dobj" or not can_speak(after[0]):
        return None
    if any(c.dep_ not in INVERSION_TAIL_DEPS for c in after[1:]):
        return None
    return after[0]


#: what may follow the speaker of an inverted frame: "…, wrote X in a statement on Monday,
#: citing …"
INVERSION_TAIL_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod"})


def ends_span(token: Token, span: Span) -> bool:
    return all(t.is_punct or t.is_space for t in span.doc[token.right_edge.i + 1 : span.end])


def governs(verb: Token, span: Span) -> bool:
    """True when ``verb`` frames the whole span rather than a subordinate part of it.

    The span's root; a bare parenthetical frame ("The deal, he said, is dead"); a bare frame
    after a comma that the parser hung below the root or below the root's last conjunct at
    the end of the span ("A did X, and B did Y, said Z"); a bare frame opened by "as" before
    the root ("As the mayor said, …"); a reporting verb coordinated with one of those.
    """
    root = unit_root(span)
    if verb == root:
        return True
    if verb.head == root and opening_as_frame(verb):
        return True
    if verb.dep_ in {"parataxis", "ccomp", "advcl"} and bare_frame(verb) and not subordinated(verb):
        if verb.head == root and (verb.dep_ == "parataxis" or verb.i > root.i):
            return verb.dep_ == "parataxis" or comma_before(verb)
        parent = verb.head
        if parent.dep_ == "conj" and parent.head == root and verb.i > parent.i:
            return comma_before(verb) and ends_span(verb, span)
    if verb.dep_ == "conj" and verb.head.lemma_ in REPORTING_VERBS:
        return governs(verb.head, span)
    return False


def set_aside(verb: Token, span: Span) -> bool:
    """A frame the parser hung below the span's root ("The deal, he said, is dead"): what it
    reports is the rest of the span, not its object."""
    root = unit_root(span)
    return verb.dep_ in {"parataxis", "ccomp", "advcl"} and verb != root and root.is_ancestor(verb)


def subject_clause_taken(verb: Token, span: Span) -> set[int]:
    """The tokens of a clause the parser gave a set-aside frame as its object while it is
    the subject of the clause the frame interrupts ('"What saddens me," she said, "is the
    silence"'): a clause before the verb, where the interrupted clause has no subject."""
    if subject_of(unit_root(span)) is not None:
        return set()
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    return {t.i for c in before for t in c.subtree}


def content_of(verb: Token, span: Span, exclude: set[int]) -> list[Token]:
    content: list[Token] = []
    if set_aside(verb, span):
        inner = {t.i for t in verb.subtree} - subject_clause_taken(verb, span)
        comma = opening_as_comma(verb)
        if comma is not None:  # "As the mayor said last week, …"
            inner |= set(range(verb.left_edge.i, comma + 1))
        return [t for t in span if t.i not in inner and t.i not in exclude]
    complements = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "parataxis"}]
    if any(c.i > verb.i for c in complements):  # a complement before it is a misparse then
        complements = [c for c in complements if c.i > verb.i]
    if not complements:  # "replied, saying that …"
        complements = [c for c in verb.children if _participle_for_bare_verb(verb, c)]
    clauses = complements + denied_propositions(verb)
    if clauses:  # "If the bill passes, the minister said prices will rise"
        content.extend(fronted_scene(verb, exclude))
    for child in clauses:
        reported = _reported_by_participle(child)
        if reported:  # "replied saying that X" reports X
            content.extend(t for clause in reported for t in clause.subtree)
            continue
        content.extend(child.subtree)
        if child.tag_ == "MD":
            content.extend(_rest_of_bare_modal(verb, child))
    if not content and (verb.lemma_ in OBJECT_CONTENT_VERBS or phrasal(verb)):
        content.extend(_object_content(verb))
    for child in verb.children:
        if child.dep_ == "conj" and child.lemma_ in REPORTING_VERBS:
            content.extend(content_of(child, span, exclude))
    return [t for t in content if t.i not in exclude]


def carries_clause(verb: Token) -> bool:
    """A frame verb with a clause of its own, or one a participle carries for it ("replied,
    saying that …"): what it reports is that clause, not its object."""
    return any(
        c.dep_ in {"ccomp", "xcomp", "parataxis"}
        or (_participle_for_bare_verb(verb, c) and _reported_by_participle(c))
        for c in verb.children
    )


def _participle_for_bare_verb(verb: Token, child: Token) -> bool:
    """A reporting participle right after a frame verb that says nothing else ("replied,
    saying …"; not "reported on the pensions, saying …", whose report is a claim too)."""
    if not is_reporting_participle(child) or child.i < verb.i:
        return False
    between = verb.doc[verb.i + 1 : child.i]
    return all(t.is_punct or t.pos_ == "ADV" for t in between)


def _reported_by_participle(child: Token) -> list[Token]:
    """The clauses a reporting participle carries when it is all a frame verb has: the X of
    "replied saying that X", "responded, arguing that X"."""
    if child.tag_ != "VBG" or child.lemma_ not in REPORTING_VERBS:
        return []
    return [c for c in child.children if c.dep_ == "ccomp" and c.i > child.i]


def _rest_of_bare_modal(verb: Token, modal: Token) -> list[Token]:
    """For a reported clause that is a bare modal ("said he can and may declare an
    emergency", parsed as "said [he can]" and "said … and [may declare an emergency]"), the
    verb phrase the parser hung on the reporting verb, with the word that joins them."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.i > modal.i and modal_conjunct(conj):
            joins = [c for c in verb.children if c.dep_ == "cc" and modal.i < c.i < conj.i]
            return [*joins, *conj.subtree]
    return []


#: Dependents after a speech-act verb that carry what it reports: "accused [X] [of Y]",
#: "called [on X] [to Z]", "announced [a withdrawal]".
OBJECT_DEPS_OF_SPEECH = frozenset({"dobj", "prep", "oprd", "xcomp", "dative", "attr", "advcl"})


def _object_content(verb: Token) -> list[Token]:
    """The object and its complements after a speech-act verb, in order."""
    out: list[Token] = []
    for child in verb.children:
        if child.i > verb.i and child.dep_ in OBJECT_DEPS_OF_SPEECH:
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def phrasal(verb: Token) -> bool:
    """A verb that reports with its particle or preposition: "called on", "called for"."""
    return any(
        (verb.lemma_, child.lower_) in PHRASAL_PAIRS
        for child in verb.children
        if child.dep_ in {"prep", "prt"} and child.i == verb.i + 1
    )


PHRASAL_PAIRS = frozenset(tuple(p) for p in PHRASAL_REPORTING_VERBS if len(p) == 2)


def denied_propositions(verb: Token) -> list[Token]:
    """The clauses of "rejected claims that X", "denied reports that X": the X."""
    if verb.lemma_ not in DENIAL_VERBS:
        return []
    return [
        clause
        for noun in verb.children
        if noun.dep_ == "dobj" and noun.lemma_.lower() in PROPOSITION_NOUNS
        for clause in noun.children
        if clause.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in clause.children)
    ]


def frame_subject(verb: Token) -> Token | None:
    """The subject of a reporting verb when it can be a speaker ("the ferocity of the
    protest reveals that …" has no speaker, nor "the law has condemned women to …")."""
    subject = verb_subject(verb)
    if subject is None or says_no_one(subject):
        return None
    if verb.lemma_ in SOFT_REPORTING_VERBS and not can_speak(subject):
        return None
    if verb.lemma_ in SPEECH_ACT_VERBS and not any(can_speak(t) for t in subject.subtree):
        return None  # "a number of senators condemned" speaks, "the law has condemned" not
    return subject


def says_no_one(subject: Token) -> bool:
    """A subject that says no one, or not all, said it: "nobody", "none of the ministers",
    "no minister", "not everyone", "few analysts", "hardly anyone" ("a few analysts" speak)."""
    if subject.lower_ in NO_SPEAKER_SUBJECTS:
        return True
    for word in subject.lefts:
        if word.lower_ not in SUBJECT_NEGATORS or _in_a_title(word):
            continue
        before = subject.doc[word.i - 1].lower_ if word.i > 0 else ""
        after = subject.doc[word.i + 1].lower_ if word.i + 1 < len(subject.doc) else ""
        if word.lower_ == "few" and before in {"a", "quite"}:
            continue
        if word.lower_ == "not" and after == "only":
            continue  # "not only the minister but also the mayor said …" both speak
        return True
    return False


def _in_a_title(word: Token) -> bool:
    """A word capitalised inside its sentence, part of a name ("the No Child Left Behind
    Act")."""
    return (
        bool(word.ent_type_) or word.pos_ == "PROPN" or (word.is_title and word.i > word.sent.start)
    )


def can_speak(subject: Token) -> bool:
    """A subject that can assert something: a name, a pronoun, people, a source document, a
    state organ ("the embassy") or a person by role ("the minister")."""
    return (
        subject.pos_ in {"PROPN", "PRON"}
        or bool(subject.ent_type_)
        or subject.tag_ == "NNS"
        or subject.lemma_.lower() in SOURCE_NOUNS | STATE_NOUNS | ROLE_NOUNS
    )
