"""Atomic claims: cut sentence units into clauses that make one assertion each, and word them.

``workbench_clauses`` runs after ``workbench_claim_units`` and rewrites ``doc._.claim_bounds``:
each sentence unit becomes one or more contiguous, non-overlapping token spans inside it. The
rules are pure functions over a dependency parse; when the parse does not fit them the sentence
stays whole. What is split:

* coordinated independent clauses — "A did X, and B did Y" — when both conjuncts are finite,
  the second has its own subject and they are joined by "and", "but", "yet" or a semicolon
  ("or" and "nor" never: a disjunction asserts neither side);
* coordinated verb phrases sharing one subject — "X arrived on Sunday and has stayed on" — only
  when both verbs are finite, the first has a dependent of its own before the conjunction (so
  "bought and sold grain" stays whole), the second has a complement or modifier of its own and
  does not share the first one's modal or passive auxiliary ("must be raised and then further
  raised" stays whole). The second claim's wording copies the subject as written, apposition
  included (``span._.borrowed_subject``);
* adverbial clauses opened by while, although, though, even though, whereas, as, after, before
  or since, with their own subject and finite verb, when they open the sentence (and a comma
  closes them) or close it. An "as" clause also needs a complement and a verb that is not a
  reporting verb ("as he had promised", "as it was before" stay whole).

Never split: relative clauses, complement clauses (except the coordination inside what a
reporting verb reports), purpose and conditional clauses, clauses inside a non-reporting verb's
complement, questions (a question asserts nothing, and splitting one would leave half of it
without its question mark). Every clause must keep a subject (its own or the one it shares) and
a finite verb that is not subordinate inside it, and may not be a reporting frame alone ("officials
said") or elliptical ("and it is"); a cut that leaves such a fragment is undone.

The text of a claim is its verbatim span: the subordinating word ("Although") and the
connectors between clauses (", and") belong to no claim. ``workbench_wording`` runs after
attribution (the wording depends on the speaker) and sets ``span._.standalone``, built from the
claim's own words:

* the attributed content (``span._.content``) without its reporting frame when a speaker
  carries it ("Ruritania has said it is neutral" → "Ruritania is neutral"), but only when that
  content reads as a sentence: "X vowed to cut taxes" keeps its frame;
* "X called Y a Z" becomes "Y is a Z" (``span._.insertions`` adds the copula, the one word the
  sentence implies but does not contain);
* a leading discourse marker ("However,", "But") or "that" dropped, enclosing quotation marks
  and brackets dropped (the ``quote`` flag says it is a quotation);
* an obvious subject pronoun replaced (:func:`resolve_pronoun`), a shared subject copied in,
  and in reported speech "his"/"her" in the content's subject read as the speaker's when the
  speaker is the only person the sentence names ("his government" → "Karl Brandt's
  government");
* the first letter capitalised and the sentence's own end mark ("." unless it asks "?").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.lexicon import (
    ADVERBIAL_MARKERS,
    AS_COMPLEMENTS,
    AUX_DEPS,
    CLAUSE_COORDINATORS,
    CLOSING_QUOTES,
    EDGE_PUNCT,
    ELLIPTICAL_AS_VERBS,
    LABEL_DASHES,
    LABELING_VERBS,
    OBJECT_CONTENT_VERBS,
    PREDICATE_DEPS,
    RELATIVE_WORDS,
    REPORTING_VERBS,
)
from workbench.splitting.tokens import (
    coordinated_head,
    is_finite,
    is_reporting_participle,
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
class _Cut:
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
    each have a complement or modifier of their own ("bought and sold grain" has not)."""
    head = verb.head
    own = [c for c in verb.children if c.dep_ in PREDICATE_DEPS]
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


def _coordination_cut(verb: Token, unit: Span) -> _Cut | None:
    """A cut before a coordinated clause or verb phrase, or None when it should stay whole."""
    if not _asserted_conjunct(verb, unit):
        return None
    start = _coordination_start(verb, unit)
    if start is None:
        return None
    if not _conjunct_ends_clause(verb, unit):
        return None  # a dependent of the first clause follows the second one
    if subject_of(verb) is not None:
        return _Cut(start, verb.left_edge.i)
    # a verb phrase sharing the first verb's subject
    subject = _shared_subject(verb, unit)
    if subject is None or not _both_have_predicates(verb, start):
        return None
    if _shares_auxiliary(verb):
        return None  # "must be increased … and then further increased": auxiliaries shared
    if _placeholder_subject(subject, verb.head):
        return None  # "it may be untrue that …": no subject to copy
    return _Cut(start, verb.left_edge.i, borrowed_subject=_subject_bounds(subject))


def _subject_bounds(subject: Token) -> tuple[int, int]:
    """Token bounds of the subject phrase (see :func:`subject_words` for what is copied)."""
    return subject.left_edge.i, subject.right_edge.i + 1


def _full_as_clause(verb: Token) -> bool:
    """An "as" clause that asserts something of its own: not elliptical ("as he had promised",
    "as it was before", "as there was after the war") and not a reporting frame."""
    if verb.lemma_ in REPORTING_VERBS | ELLIPTICAL_AS_VERBS | {"be", "have"}:
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


def _opening_adverbial_cut(verb: Token, unit: Span, marker: list[Token]) -> _Cut | None:
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
    return _Cut(last, end, lead=marker[-1].i + 1)


def _closing_adverbial_cut(verb: Token, unit: Span, marker: list[Token]) -> _Cut | None:
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
    return _Cut(start, marker[-1].i + 1)


def _adverbial_cut(verb: Token, unit: Span) -> _Cut | None:
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


def _participle_cut(verb: Token, unit: Span) -> _Cut | None:
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
    return _Cut(verb.i - 1, verb.i, borrowed_subject=_subject_bounds(subject))


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


def _absolute_cut(verb: Token, unit: Span) -> _Cut | None:
    """A cut before a closing absolute "with" clause (see :func:`absolute_verb`)."""
    if not absolute_verb(verb) or verb.i < verb.head.i:
        return None
    mark = next(c for c in verb.children if c.dep_ == "mark" and c.lower_ == "with")
    doc = verb.doc
    if mark.i - 1 <= unit.start or doc[mark.i - 1].text != ",":
        return None
    if not _only_punct(doc, verb.right_edge.i + 1, unit.end):
        return None
    return _Cut(mark.i - 1, mark.i)


def _with_cut(prep: Token, unit: Span) -> _Cut | None:
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
    return _Cut(prep.i - 1, prep.i)


def find_cuts(unit: Span) -> list[_Cut]:
    """Every candidate cut in ``unit``, in text order, without overlaps."""
    cuts: list[_Cut] = []
    for token in unit:
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
            cut = _coordination_cut(token, unit)
        elif token.dep_ == "advcl":
            cut = (
                _adverbial_cut(token, unit)
                or _participle_cut(token, unit)
                or _absolute_cut(token, unit)
            )
        elif token.dep_ == "prep":
            cut = _with_cut(token, unit)
        elif token.text == ";" and unit.start < token.i < unit.end - 1:
            cut = _Cut(token.i, token.i + 1)  # pieces that are not clauses are undone
        else:
            continue
        if cut is not None:
            cuts.append(cut)
    cuts.sort(key=lambda c: c.start)
    kept: list[_Cut] = []
    for cut in cuts:
        if kept and cut.start < kept[-1].end:
            continue
        if cut.lead is not None and any(c.lead is not None for c in kept):
            continue  # only one clause can open the sentence
        kept.append(cut)
    return kept


# --------------------------------------------------------------------------- pieces


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT):
        end -= 1
    return start, end


def _pieces(unit: Span, cuts: Sequence[_Cut]) -> list[Clause]:
    doc = unit.doc
    start = unit.start
    for cut in cuts:
        if cut.lead is not None:
            start = cut.lead  # the opening clause starts after its marker
    pieces: list[Clause] = []
    borrowed: tuple[int, int] | None = None
    for cut in [*cuts, None]:
        end = unit.end if cut is None else cut.start
        a, b = _trim(doc, start, end)
        pieces.append(Clause(a, b, borrowed))
        if cut is not None:
            start, borrowed = cut.end, cut.borrowed_subject
    return pieces


def _is_frame_only(verbs: Iterable[Token], piece: Clause) -> bool:
    reporting = REPORTING_VERBS
    for verb in verbs:
        if verb.lemma_ not in reporting:
            return False
        content = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "parataxis"}]
        if verb.lemma_ in OBJECT_CONTENT_VERBS:  # "rejected the allegations" says something
            content += [c for c in verb.children if c.dep_ in {"dobj", "prep"} and c.i > verb.i]
        if any(piece.start <= c.i < piece.end for c in content):
            return False
    return True


def is_clause(unit: Span, piece: Clause) -> bool:
    """True when a piece of ``unit`` has a finite verb with a subject (its own or the one it
    shares) that is not subordinate inside the piece ("if …", "now that …"), and is more than
    a reporting frame ("officials said") or an elliptical clause ("and it is")."""
    doc = unit.doc
    if piece.end - piece.start < 2 or not any(t.is_alpha for t in doc[piece.start : piece.end]):
        return False
    verbs = []
    for token in doc[piece.start : piece.end]:
        if absolute_verb(token) and piece.start <= token.left_edge.i:
            verbs.append(token)  # "with X having been …": worded as "X has been …"
            continue
        if not is_finite(token) or _subordinate_in(token, piece, unit):
            continue
        if token.pos_ == "AUX" and not any(c.dep_ in AS_COMPLEMENTS for c in token.children):
            continue  # "and it is.": an elliptical clause asserts nothing on its own
        subject = subject_of(token)
        own = subject is not None and piece.start <= subject.i < piece.end
        shared = piece.borrowed_subject is not None and token.i == _first_verb(doc, piece)
        if own or shared:
            verbs.append(token)
    return bool(verbs) and not _is_frame_only(verbs, piece)


def _subordinate_in(verb: Token, piece: Clause, unit: Span) -> bool:
    """True when the verb's subordinating word ("if", "because", "now that") is inside the
    piece; "that" opening what a reporting verb reports does not count."""
    return any(
        child.dep_ == "mark"
        and piece.start <= child.i < piece.end
        and (child.lower_ != "that" or not is_asserted(verb, unit))
        for child in verb.children
    )


def _first_verb(doc: Doc, piece: Clause) -> int:
    for token in doc[piece.start : piece.end]:
        if token.pos_ in {"VERB", "AUX"} and token.dep_ == "conj":
            return token.i
    return -1


def _asks(unit: Span) -> bool:
    """True when the unit ends with a question mark (closing quotes and brackets aside)."""
    for token in reversed(unit):
        if not (token.is_space or token.text in CLOSING_QUOTES or token.text == ")"):
            return token.text == "?"
    return False


def split_unit(unit: Span) -> list[Clause]:
    """The atomic clauses of one sentence unit, in order; ``[whole unit]`` when unsure.

    Clauses are non-empty, contiguous, inside the unit and do not overlap.
    """
    whole = [Clause(unit.start, unit.end)]
    doc = unit.doc
    if len(unit) < 5 or not doc.has_annotation("DEP") or _asks(unit):
        return whole
    cuts = find_cuts(unit)
    while cuts:
        pieces = _pieces(unit, cuts)
        bad = next((i for i, p in enumerate(pieces) if not is_clause(unit, p)), None)
        if bad is None:
            return pieces
        cuts.pop(min(bad, len(cuts) - 1))  # undo the cut after the bad piece, or before the last
    return whole


@dataclass(frozen=True)
class Label:
    """An appositive label set off by dashes inside a clause: its tokens, the tokens of what
    it labels, and the range (dashes included) the clause's wording leaves out."""

    start: int
    end: int
    anchor: tuple[int, int]
    dropped: tuple[int, int]


def appositive_labels(doc: Doc, start: int, end: int) -> list[Label]:
    """The dash-delimited appositives of ``doc[start:end]`` ("Mr Putin and Kim Jong Un – the
    two aggressors in the Ukraine war – in Beijing"): a claim of their own about the name
    they follow ("… are the two aggressors in the Ukraine war")."""
    labels = []
    for token in doc[start:end]:
        if token.dep_ != "appos" or token.head.i >= token.i:
            continue
        left, right = token.left_edge.i, token.right_edge.i
        if doc[left].text not in LABEL_DASHES:
            left -= 1  # the parser hangs either dash inside or outside the appositive
        if doc[right].text not in LABEL_DASHES:
            right += 1
        if left <= start or right >= end:
            continue
        if doc[left].text not in LABEL_DASHES or doc[right].text not in LABEL_DASHES:
            continue
        named = token.head
        while named.dep_ == "conj" and named.head.i < named.i:
            named = named.head  # "the commander and the envoy – the two …": both are labelled
        anchor_start = named.left_edge.i
        if anchor_start < start or anchor_start >= left:
            continue
        labels.append(Label(left + 1, right, (anchor_start, left), (left, right + 1)))
    return labels


def relative_labels(doc: Doc, start: int, end: int) -> list[Label]:
    """Labels in a relative clause ("at a summit that commentators have dubbed a 'club of
    outcasts'"): the commentators' characterisation of the summit is a claim of its own,
    and the sentence's fact ("… at a summit") keeps its subject and verb."""
    labels = []
    for verb in doc[start:end]:
        if verb.dep_ != "relcl" or verb.lemma_ not in LABELING_VERBS:
            continue
        noun = verb.head
        subject = subject_of(verb)
        if subject is None or subject.lower_ in RELATIVE_WORDS or noun.i >= verb.i:
            continue
        if not any(c.dep_ in {"oprd", "attr"} for c in verb.children):
            continue
        left, right = verb.left_edge.i, verb.right_edge.i + 1
        if right < end and doc[right].text in CLOSING_QUOTES:
            right += 1  # the label's closing quotation mark, which the parser hangs elsewhere
        anchor_start = noun.left_edge.i
        if left <= start or right > end or anchor_start < start:
            continue
        labels.append(Label(left, right, (anchor_start, left), (left, right)))
    return labels


# --------------------------------------------------------------------------- component


class ClausesComponent:
    """spaCy component: rewrite ``doc._.claim_bounds`` into atomic clause bounds."""

    def __init__(self, *, split: bool) -> None:
        self.split = split

    def __call__(self, doc: Doc) -> Doc:
        if not self.split:
            return doc
        bounds: list[tuple[int, int]] = []
        for unit in doc._.claim_spans:
            for clause in split_unit(unit):
                bounds.append((clause.start, clause.end))
                span = doc[clause.start : clause.end]
                if clause.borrowed_subject is not None:
                    span._.borrowed_subject = clause.borrowed_subject
                labels = appositive_labels(doc, clause.start, clause.end)
                labels += relative_labels(doc, clause.start, clause.end)
                labels.sort(key=lambda label: label.start)
                if labels:
                    span._.dropped = tuple(label.dropped for label in labels)
                for label in labels:  # nested inside the clause, right after it
                    bounds.append((label.start, label.end))
                    doc[label.start : label.end]._.label_anchor = label.anchor
        doc._.claim_bounds = bounds
        return doc


@Language.factory(
    "workbench_clauses",
    default_config={"split": True},
    assigns=["doc._.claim_bounds", "span._.borrowed_subject"],
    requires=["doc._.claim_bounds"],
)
def make_clauses(nlp: Language, name: str, *, split: bool) -> ClausesComponent:
    """Factory for :class:`ClausesComponent`."""
    return ClausesComponent(split=split)
