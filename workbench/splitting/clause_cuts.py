"""Where a sentence unit is cut into clauses: coordination, adverbial clauses,
participles, absolutes and 'with' phrases, each kept only when the piece is asserted."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from workbench.splitting.lexicon import (
    ADVERBIAL_MARKERS,
    AS_COMPLEMENTS,
    AUX_DEPS,
    CLAUSE_COORDINATORS,
    CONJUNCT_DEPS,
    EDGE_PUNCT,
    ELLIPTICAL_AS_VERBS,
    PREDICATE_DEPS,
    REPORTING_VERBS,
)
from workbench.splitting.tokens import (
    coordinated_head,
    is_finite,
    is_reporting_participle,
    modal_conjunct,
    reporting_ancestor,
    skip_discourse_marker,
    subject_of,
    unit_root,
)


@dataclass(frozen=True)
class Clause:
    """One atomic claim's token bounds in the Doc, and the subject it shares, if any."""

    start: int
    end: int
    borrowed_subject: tuple[int, int] | None = None


@dataclass(frozen=True)
class Cut:
    start: int  # first token between two clauses that belongs to neither
    end: int  # first token of the next clause
    lead: int | None = None  # an opening subordinate clause's first word after its marker
    borrowed_subject: tuple[int, int] | None = None  # for the clause after the cut


# --------------------------------------------------------------------------- predicates


def _adverbial_marker(verb: Token) -> list[Token] | None:
    """The marker tokens ("although", "even though") opening an adverbial clause we split."""
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in ADVERBIAL_MARKERS:
            first = child.i
            doc = verb.doc
            if child.lower_ == "though" and first > 0 and doc[first - 1].lower_ == "even":
                first -= 1
            if first != verb.left_edge.i:
                return None  # something precedes the marker inside the clause
            return list(doc[first : child.i + 1])
    return None


def _inside(token: Token, unit: Span) -> bool:
    return unit.start <= token.i < unit.end


def is_asserted(head: Token, unit: Span) -> bool:
    """True when the clause headed by ``head`` is asserted by the sentence or by its speaker.

    Climbs through coordination, split adverbial clauses and the complement of a reporting
    verb to the unit's root; any other relation (relative, purpose, conditional clause, the
    complement of a non-reporting verb …) is not an assertion of its own.
    """
    reporting = REPORTING_VERBS
    token = head
    for _ in range(len(unit) + 1):
        parent = token.head
        if parent.i == token.i or not _inside(parent, unit):
            return True
        dep = token.dep_
        coordinated = dep == "conj" or (dep == "advcl" and _adverbial_marker(token) is not None)
        coordinated = coordinated or is_reporting_participle(token)
        reported = dep in {"ccomp", "parataxis"} and parent.lemma_ in reporting
        if not (coordinated or reported):
            return False
        token = parent
    return False


def _connector_start(doc: Doc, before: int, floor: int) -> tuple[int, bool]:
    """Walk left from token ``before`` over commas, semicolons and conjunctions.

    Returns the first connector index and whether a clause coordinator (and, but, yet, ;) is
    among them. A disjunction ("or") stops the walk with no coordinator.
    """
    i = before
    found = False
    while i > floor:
        token = doc[i - 1]
        if token.pos_ == "CCONJ" or token.dep_ == "cc":
            if token.lower_ not in CLAUSE_COORDINATORS:
                return i, False
            found = True
        elif token.text == ";":
            found = True
        elif token.text not in EDGE_PUNCT and not token.is_space:
            break
        i -= 1
    return i, found


def _only_punct(doc: Doc, start: int, end: int) -> bool:
    return all(doc[k].is_punct or doc[k].is_space for k in range(start, end))


def _asserted_conjunct(verb: Token, unit: Span) -> bool:
    """True when ``verb`` is a finite conjunct of an earlier finite verb whose clause is
    asserted, both inside ``unit``."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or not _inside(head, unit) or head.i > verb.i:
        return False
    if head.pos_ not in {"VERB", "AUX"} or not is_finite(verb) or not is_finite(head):
        return False
    return is_asserted(head, unit)


def _coordination_start(verb: Token, unit: Span) -> int | None:
    """The first connector token before the conjunct ``verb`` heads, or None when no clause
    coordinator joins it or the connectors do not close a complete first clause."""
    doc = verb.doc
    start, coordinated = _connector_start(doc, verb.left_edge.i, unit.start)
    if not coordinated or start <= unit.start:
        return None
    if doc[start - 1].pos_ in {"ADP", "DET", "PART", "CCONJ", "SCONJ"}:
        return None  # "interacts with, and is worsened by, …": a shared object follows
    return start


def _conjunct_ends_clause(verb: Token, unit: Span) -> bool:
    """True when only punctuation and conjunctions lie between the conjunct ``verb`` heads and
    the next conjunct or the end of the first clause."""
    doc = verb.doc
    head = verb.head
    later = [c for c in head.children if c.dep_ == "conj" and c.i > verb.i]
    limit = later[0].left_edge.i if later else min(head.right_edge.i + 1, unit.end)
    return all(
        doc[k].is_punct or doc[k].dep_ == "cc" or doc[k].is_space
        for k in range(verb.right_edge.i + 1, limit)
    )


def _shared_subject(verb: Token, unit: Span) -> Token | None:
    """The subject the verb phrase ``verb`` heads shares with the first verb, when it is safe
    to copy; None otherwise."""
    doc = verb.doc
    first = doc[verb.left_edge.i]
    if first.lemma_ == "do" and first.tag_ in {"VB", "VBP"}:
        return None  # "but don't count on it": an imperative, or emphasis; keep it whole
    subject = subject_of(coordinated_head(verb))
    if subject is None or subject.lower_ in {"who", "which", "that", "what"}:
        return None
    before_subject = subject.left_edge.i - 1
    if before_subject >= unit.start and doc[before_subject].pos_ in {
        "CCONJ",
        "ADP",
        "NOUN",
        "PROPN",
    }:
        return None  # likely the tail of a longer noun phrase the parser cut: not safe to copy
    return subject


def _both_have_predicates(verb: Token, start: int) -> bool:
    """True when the conjunct ``verb`` and the first verb (before the connector at ``start``)
    each have a complement or modifier of their own ("bought and sold grain" has not); a
    negation is one ("was proposed in 2016, but was not passed": two things said)."""
    head = verb.head
    own = [c for c in verb.children if c.dep_ in CONJUNCT_DEPS and c.tag_ != "MD"]
    before = [c for c in head.children if head.i < c.i < start and c.dep_ in PREDICATE_DEPS]
    return bool(own) and bool(before)


def _shares_auxiliary(verb: Token) -> bool:
    """True when the conjunct ``verb`` leans on the first verb's modal or passive auxiliary."""
    head = verb.head
    shared_aux = any(
        c.dep_ == "auxpass" or c.tag_ == "MD" for c in head.children if c.dep_ in AUX_DEPS
    )
    own_aux = any(c.dep_ in AUX_DEPS for c in verb.children)
    return shared_aux and not own_aux and verb.tag_ not in {"VBZ", "VBP"}


def _placeholder_subject(subject: Token, head: Token) -> bool:
    """True when the subject is an expletive or an "it" standing for a clausal subject."""
    return subject.dep_ == "expl" or (
        subject.lower_ == "it" and any(c.dep_ in {"ccomp", "csubj"} for c in head.children)
    )


def _completes_bare_modal(verb: Token) -> bool:
    """Whether a conjunct is the verb phrase of a reported bare modal that the parser hung on
    the reporting verb ("said he can and may close the bridge": "said [he can] and [may
    close …]"); it belongs to what is reported."""
    if not modal_conjunct(verb):
        return False
    return any(c.dep_ == "ccomp" and c.tag_ == "MD" and c.i < verb.i for c in verb.head.children)


def _coordination_cut(verb: Token, unit: Span) -> Cut | None:
    """A cut before a coordinated clause or verb phrase, or None when it should stay whole."""
    if not _asserted_conjunct(verb, unit) or _completes_bare_modal(verb):
        return None
    start = _coordination_start(verb, unit)
    if start is None:
        return None
    if not _conjunct_ends_clause(verb, unit):
        return None  # a dependent of the first clause follows the second one
    if subject_of(verb) is not None:
        return Cut(start, verb.left_edge.i)
    # a verb phrase sharing the first verb's subject
    subject = _shared_subject(verb, unit)
    if subject is None or not _both_have_predicates(verb, start):
        return None
    if _shares_auxiliary(verb):
        return None  # "must be increased … and then further increased": auxiliaries shared
    if _placeholder_subject(subject, verb.head):
        return None  # "it may be untrue that …": no subject to copy
    return Cut(start, verb.left_edge.i, borrowed_subject=_subject_bounds(subject))


def _subject_bounds(subject: Token) -> tuple[int, int]:
    """Token bounds of the subject phrase (see :func:`subject_words` for what is copied)."""
    return subject.left_edge.i, subject.right_edge.i + 1


def _full_as_clause(verb: Token) -> bool:
    """An "as" clause that asserts something of its own: not elliptical ("as he had promised",
    "as it was before", "as there was after the war") and not a reporting frame ("as the
    minister said"). A reporting verb with content of its own reports a claim of its own
    ("as the network claims the order did not cover its news channel")."""
    if verb.lemma_ in REPORTING_VERBS:
        return any(c.dep_ == "ccomp" for c in verb.children)
    if verb.lemma_ in ELLIPTICAL_AS_VERBS | {"be", "have"}:
        return False
    if any(c.dep_ == "expl" for c in verb.children):
        return False
    return any(c.dep_ in AS_COMPLEMENTS for c in verb.children)


def _asserted_adverbial_marker(verb: Token, unit: Span) -> list[Token] | None:
    """The marker of the adverbial clause ``verb`` heads when the clause is one we split (own
    subject, finite verb, asserted main clause, a full "as" clause), else None."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or not _inside(head, unit):
        return None
    marker = _adverbial_marker(verb)
    if marker is None or subject_of(verb) is None or not is_finite(verb):
        return None
    if not is_asserted(head, unit):
        return None
    if marker[-1].lower_ == "as" and not _full_as_clause(verb):
        return None
    return marker


def _opening_adverbial_cut(verb: Token, unit: Span, marker: list[Token]) -> Cut | None:
    """The cut after an adverbial clause that opens the sentence, or None."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i + 1
    opening = list(doc[unit.start : first])
    skip = skip_discourse_marker(opening)
    if not all(t.is_punct or t.pos_ == "CCONJ" or t.is_space for t in opening[skip:]):
        return None
    end = last
    while end < unit.end and (doc[end].text in EDGE_PUNCT or doc[end].is_space):
        end += 1
    if end >= unit.end or not any(doc[k].text == "," for k in range(last, end)):
        return None  # no comma closes it: the parser may have cut the clause short
    return Cut(last, end, lead=marker[-1].i + 1)


def _closing_adverbial_cut(verb: Token, unit: Span, marker: list[Token]) -> Cut | None:
    """The cut before an adverbial clause that closes its main clause, or None."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i + 1
    if not _only_punct(doc, last, min(verb.head.right_edge.i + 1, unit.end)):
        return None
    start = first
    while start > unit.start and (doc[start - 1].text in EDGE_PUNCT or doc[start - 1].is_space):
        start -= 1
    if start <= unit.start:
        return None
    return Cut(start, marker[-1].i + 1)


def _adverbial_cut(verb: Token, unit: Span) -> Cut | None:
    """A cut around an opening or closing adverbial clause, or None."""
    marker = _asserted_adverbial_marker(verb, unit)
    if marker is None:
        return None
    if verb.right_edge.i + 1 > unit.end:
        return None
    if verb.i < verb.head.i:  # the clause opens the sentence
        return _opening_adverbial_cut(verb, unit, marker)
    # the clause closes its main clause
    return _closing_adverbial_cut(verb, unit, marker)


def _participle_cut(verb: Token, unit: Span) -> Cut | None:
    """A cut before a participial reporting frame that closes the sentence ("…, adding that
    40 ships were waiting"): what it reports is a claim of its own, by the same speaker.
    The parser sometimes hangs the speaker on the participle ("said X, adding, …")."""
    if not is_reporting_participle(verb) or not _inside(verb.head, unit):
        return None
    subject = subject_of(reporting_ancestor(verb)) or subject_of(verb)
    if subject is None or subject.dep_ == "expl" or subject.i > verb.i:
        return None
    doc = verb.doc
    if verb.i - 1 <= unit.start or doc[verb.i - 1].text != ",":
        return None
    if any(t.i < verb.i and t.i not in {s.i for s in subject.subtree} and not t.is_punct
           for t in verb.subtree):  # fmt: skip
        return None  # the participle's own words start before it
    if not _only_punct(doc, verb.right_edge.i + 1, unit.end):
        return None  # something of the main clause follows it
    return Cut(verb.i - 1, verb.i, borrowed_subject=_subject_bounds(subject))


def _opening_participle_cut(verb: Token, unit: Span) -> Cut | None:
    """A cut after a participial reporting frame that opens the sentence ("Saying the
    strike was over, the union called its members back"): what it reports is a claim of its
    own, by the main clause's subject, as when the participle closes the sentence."""
    if not is_reporting_participle(verb) or verb.i > verb.head.i or not _inside(verb.head, unit):
        return None
    subject = subject_of(verb.head)
    if subject is None or subject.dep_ == "expl" or subject.i < verb.i:
        return None
    if not is_asserted(verb.head, unit):
        return None
    doc = verb.doc
    opening = list(doc[unit.start : verb.left_edge.i])
    if not all(t.is_punct or t.is_space for t in opening[skip_discourse_marker(opening) :]):
        return None
    last = verb.right_edge.i + 1
    if last >= unit.end or doc[last].text != ",":
        return None  # no comma closes it: the parser may have cut the clause short
    return Cut(last, last + 1)


def absolute_verb(token: Token) -> bool:
    """A participle heading a "with" clause with its own subject: "…, with both leaders
    having been rendered pariahs" — a claim of its own, worded as a finite clause."""
    if token.tag_ not in {"VBG", "VBN"}:
        return False
    marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ == "with"]
    if token.dep_ == "pcomp" and token.head.lower_ == "with":
        marks = [token.head]  # parsed as "with" + a clause, not as a marker
    elif token.dep_ != "advcl":
        return False
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(marks and subjects) and marks[0].i < subjects[0].i < token.i


def _absolute_cut(verb: Token, unit: Span) -> Cut | None:
    """A cut before a closing absolute "with" clause (see :func:`absolute_verb`)."""
    if not absolute_verb(verb) or verb.i < verb.head.i:
        return None
    mark = next(c for c in verb.children if c.dep_ == "mark" and c.lower_ == "with")
    doc = verb.doc
    if mark.i - 1 <= unit.start or doc[mark.i - 1].text != ",":
        return None
    if not _only_punct(doc, verb.right_edge.i + 1, unit.end):
        return None
    return Cut(mark.i - 1, mark.i)


def _with_cut(prep: Token, unit: Span) -> Cut | None:
    """A cut before a closing "with" clause that holds a finite clause of its own ("…, with
    the three forming part of what analysts have dubbed …"): the main clause's fact no
    longer drowns in the characterisation after it. A "with" phrase without its own finite
    verb and subject ("…, with prices rising") is undone by :func:`is_clause`."""
    if prep.lower_ != "with" or prep.dep_ != "prep" or prep.head != unit_root(unit):
        return None
    doc = prep.doc
    if prep.i - 1 <= unit.start or doc[prep.i - 1].text != ",":
        return None
    if prep.head.i > prep.i or not _only_punct(doc, prep.right_edge.i + 1, unit.end):
        return None
    return Cut(prep.i - 1, prep.i)


def find_cuts(unit: Span) -> list[Cut]:
    """Every candidate cut in ``unit``, in text order, without overlaps."""
    cuts: list[Cut] = []
    for token in unit:
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
            cut = _coordination_cut(token, unit)
        elif token.dep_ == "advcl":
            cut = (
                _adverbial_cut(token, unit)
                or _participle_cut(token, unit)
                or _opening_participle_cut(token, unit)
                or _absolute_cut(token, unit)
            )
        elif token.dep_ == "prep":
            cut = _with_cut(token, unit)
        elif token.text == ";" and unit.start < token.i < unit.end - 1:
            cut = Cut(token.i, token.i + 1)  # pieces that are not clauses are undone
        else:
            continue
        if cut is not None:
            cuts.append(cut)
    cuts.sort(key=lambda c: c.start)
    kept: list[Cut] = []
    for cut in cuts:
        if kept and cut.start < kept[-1].end:
            continue
        if cut.lead is not None and any(c.lead is not None for c in kept):
            continue  # only one clause can open the sentence
        kept.append(cut)
    return kept
