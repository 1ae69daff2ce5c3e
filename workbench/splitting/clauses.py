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

from collections.abc import Collection, Iterable, Mapping, Sequence
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
    ENCLOSING_PAIRS,
    END_MARKS,
    FINITE_TAGS,
    NAMED_NON_PERSON,
    OBJECT_DEPS,
    OPENING_QUOTES,
    PREDICATE_DEPS,
    REPLACEABLE,
    REPORTING_VERBS,
    SUBJECT_DEPS,
)
from workbench.splitting.pipeline import (
    person_mention,
    recent_named_subject,
    recent_person,
    skip_discourse_marker,
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


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, if it has one."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


def is_finite(verb: Token) -> bool:
    """A finite verb: tensed, or with a tensed or modal auxiliary.

    A participle with a subject of its own and no auxiliary, coordinated with a simple past,
    counts too: the tagger sometimes takes a simple past for one ("prices rose …, and fuel
    prices climbed …").
    """
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.tag_ in FINITE_TAGS:
        return True
    if any(c.dep_ in AUX_DEPS and c.tag_ in FINITE_TAGS for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and verb.head.tag_ == "VBD"
        and subject_of(verb) is not None
        and not any(c.dep_ in AUX_DEPS for c in verb.children)
    )


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


def coordinated_head(verb: Token) -> Token:
    """The verb a subject-less conjunct shares its subject with: its head, except for a
    reporting verb the parser hung inside another reporting verb's complement ("claimed that
    the navy had seized … and added that …": "added" shares "claimed"'s subject)."""
    head = verb.head
    reporting = REPORTING_VERBS
    if (
        verb.lemma_ in reporting
        and head.dep_ == "ccomp"
        and head.head.lemma_ in reporting
        and head.head.i < verb.i
    ):
        return head.head
    return head


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


def _coordination_cut(verb: Token, unit: Span) -> _Cut | None:
    """A cut before a coordinated clause or verb phrase, or None when it should stay whole."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or not _inside(head, unit) or head.i > verb.i:
        return None
    if head.pos_ not in {"VERB", "AUX"} or not is_finite(verb) or not is_finite(head):
        return None
    if not is_asserted(head, unit):
        return None
    start, coordinated = _connector_start(doc, verb.left_edge.i, unit.start)
    if not coordinated or start <= unit.start:
        return None
    if doc[start - 1].pos_ in {"ADP", "DET", "PART", "CCONJ", "SCONJ"}:
        return None  # "interacts with, and is worsened by, …": a shared object follows
    later = [c for c in head.children if c.dep_ == "conj" and c.i > verb.i]
    limit = later[0].left_edge.i if later else min(head.right_edge.i + 1, unit.end)
    if not all(
        doc[k].is_punct or doc[k].dep_ == "cc" or doc[k].is_space
        for k in range(verb.right_edge.i + 1, limit)
    ):
        return None  # a dependent of the first clause follows the second one
    if subject_of(verb) is not None:
        return _Cut(start, verb.left_edge.i)
    # a verb phrase sharing the first verb's subject
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
    own = [c for c in verb.children if c.dep_ in PREDICATE_DEPS]
    before = [c for c in head.children if head.i < c.i < start and c.dep_ in PREDICATE_DEPS]
    if not own or not before:
        return None
    shared_aux = any(
        c.dep_ == "auxpass" or c.tag_ == "MD" for c in head.children if c.dep_ in AUX_DEPS
    )
    own_aux = any(c.dep_ in AUX_DEPS for c in verb.children)
    if shared_aux and not own_aux and verb.tag_ not in {"VBZ", "VBP"}:
        return None  # "must be increased … and then further increased": auxiliaries shared
    if subject.dep_ == "expl" or (
        subject.lower_ == "it" and any(c.dep_ in {"ccomp", "csubj"} for c in head.children)
    ):
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


def _adverbial_cut(verb: Token, unit: Span) -> _Cut | None:
    """A cut around an opening or closing adverbial clause, or None."""
    doc = verb.doc
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
    first, last = verb.left_edge.i, verb.right_edge.i + 1
    if last > unit.end:
        return None
    if verb.i < head.i:  # the clause opens the sentence
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
    # the clause closes its main clause
    if not _only_punct(doc, last, min(head.right_edge.i + 1, unit.end)):
        return None
    start = first
    while start > unit.start and (doc[start - 1].text in EDGE_PUNCT or doc[start - 1].is_space):
        start -= 1
    if start <= unit.start:
        return None
    return _Cut(start, marker[-1].i + 1)


def find_cuts(unit: Span) -> list[_Cut]:
    """Every candidate cut in ``unit``, in text order, without overlaps."""
    cuts: list[_Cut] = []
    for token in unit:
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
            cut = _coordination_cut(token, unit)
        elif token.dep_ == "advcl":
            cut = _adverbial_cut(token, unit)
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


# --------------------------------------------------------------------------- component


def install_extensions() -> None:
    """Install ``span._.borrowed_subject``, ``span._.content``, ``span._.insertions`` and
    ``span._.standalone`` (once)."""
    for name, default in (
        ("borrowed_subject", None),
        ("content", None),
        ("insertions", ()),
        ("standalone", None),
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


install_extensions()


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
                if clause.borrowed_subject is not None:
                    doc[clause.start : clause.end]._.borrowed_subject = clause.borrowed_subject
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


# --------------------------------------------------------------------------- wording


def clause_head(tokens: Sequence[Token]) -> Token | None:
    """The predicate heading ``tokens``: the highest verb whose head lies outside them."""
    inside = {t.i for t in tokens}
    best: tuple[int, Token] | None = None
    for token in tokens:
        if token.pos_ not in {"VERB", "AUX"} or token.dep_ in AUX_DEPS:
            continue
        depth, node = 0, token
        while node.head.i != node.i and node.head.i in inside:
            node, depth = node.head, depth + 1
        if best is None or depth < best[0]:
            best = (depth, token)
    return best[1] if best else None


def _sentence_start(span: Span) -> int:
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        return doc[span.start].sent.start
    return 0


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
        persons = {
            ent.root.lower_: ent
            for ent in doc[sent_start : pronoun.i].ents
            if ent.label_ == "PERSON" and ent.end <= pronoun.i
        }
        if len(persons) == 1:
            return person_mention(next(iter(persons.values())))
        if persons:
            return None
        if speaker and source is not None and _names_someone(doc[source[0] : source[1]]):
            return speaker
        return recent_person(doc, sent_start, window=window)
    if word == "it" and not quote:
        before = doc[sent_start : pronoun.i]
        subjects = [t for t in before if t.dep_ in SUBJECT_DEPS and t.pos_ != "PRON"]
        if subjects:
            names = {_named(t) for t in subjects}
            if len(names) != 1 or None in names:
                return None
            named = {t.i for t in subjects}
            for t in before:  # "The FDA issued guidance, and it …": "it" could be the guidance
                if t.tag_ == "NN" and t.dep_ in OBJECT_DEPS:
                    owner = subject_of(t.head)
                    if owner is not None and owner.i in named:
                        return None
            return names.pop()
        previous = recent_named_subject(doc, sent_start)
        if previous is not None and previous.label_ != "PERSON" and previous.root.tag_ == "NNP":
            return previous.text
        return None
    if word == "i" and quote and speaker:
        verb = pronoun.head
        aux_tags = {c.tag_ for c in verb.children if c.dep_ in AUX_DEPS}
        if verb.tag_ == "VBD" or "MD" in aux_tags:
            return f"[{speaker}]"  # the editorial convention for a change inside a quotation
    return None


def _names_someone(phrase: Span) -> bool:
    """True when a speaker phrase is a proper name that is not a place or an organisation."""
    names = [t for t in phrase if t.pos_ == "PROPN"]
    return bool(names) and all(t.ent_type_ in {"", "PERSON"} for t in names)


def _named(subject: Token) -> str | None:
    """The subject phrase as written, when it is a singular name of a place or organisation."""
    if subject.tag_ != "NNP" or subject.ent_type_ not in NAMED_NON_PERSON:
        return None
    doc = subject.doc
    return _join(subject_words(doc[subject.left_edge.i : subject.right_edge.i + 1]), {}, {})


def subject_words(subject: Span) -> list[Token]:
    """The words of a subject phrase to copy: without relative clauses and edge punctuation,
    keeping the comma that closes an apposition ("X's minister, Tomas Reyk,")."""
    root = subject.root
    dropped: set[int] = set()
    for child in root.children:
        if child.dep_ in {"relcl", "acl"}:
            dropped.update(t.i for t in child.subtree)
    words = [t for t in subject if t.i not in dropped and not t.is_space]
    stripped: list[Token] = []
    while words and words[-1].text in EDGE_PUNCT:
        stripped.append(words.pop())
    commas = [t for t in stripped if t.text == ","]
    if commas and sum(t.text == "," for t in words) % 2 == 1:
        words.append(commas[-1])
    return words


def _runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Split tokens into runs of neighbours in the Doc."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _close_gaps(tokens: Sequence[Token]) -> list[Token]:
    """Drop commas and dashes left at either side of a gap where a frame was removed."""
    runs = _runs(tokens)
    for k, run in enumerate(runs):
        if k > 0:
            while run and run[0].text in EDGE_PUNCT:
                run.pop(0)
        if k + 1 < len(runs):
            while run and run[-1].text in EDGE_PUNCT:
                run.pop()
    return [t for run in runs for t in run]


def _strip_quotes(tokens: list[Token]) -> list[Token]:
    """Drop edge punctuation, enclosing quotation marks and quotation marks left unpaired."""
    while tokens and tokens[0].text in EDGE_PUNCT | END_MARKS:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in EDGE_PUNCT:
        tokens = tokens[:-1]
    for _ in range(3):
        if len(tokens) < 2:
            break
        first, last = tokens[0].text, tokens[-1].text
        inner = [t.text for t in tokens[1:-1]]
        if (
            first in ENCLOSING_PAIRS
            and last == ENCLOSING_PAIRS[first]
            and first not in inner
            and last not in inner
        ):
            tokens = tokens[1:-1]  # one quotation, nothing else
        elif first in OPENING_QUOTES and ENCLOSING_PAIRS.get(first, first) not in [
            t.text for t in tokens[1:]
        ]:
            tokens = tokens[1:]
        elif last in CLOSING_QUOTES and not any(
            ENCLOSING_PAIRS.get(t.text) == last for t in tokens[:-1] if t.text in ENCLOSING_PAIRS
        ):
            tokens = tokens[:-1]
        else:
            break
        while tokens and tokens[-1].text in EDGE_PUNCT:
            tokens = tokens[:-1]
        while tokens and tokens[0].text in EDGE_PUNCT:
            tokens = tokens[1:]
    texts = [t.text for t in tokens]
    if tokens and texts[0] == "(" and ")" not in texts:
        tokens = tokens[1:]
    if tokens and texts[-1] == ")" and "(" not in texts:
        tokens = tokens[:-1]
    if len(tokens) > 2 and tokens[-1].text in CLOSING_QUOTES and tokens[-2].text in EDGE_PUNCT:
        tokens = [*tokens[:-2], tokens[-1]]  # "… audacity,”" → "… audacity”"
    return tokens


def _join(tokens: Sequence[Token], replace: Mapping[int, str], insert: Mapping[int, str]) -> str:
    parts: list[str] = []
    for k, token in enumerate(tokens):
        parts.append(replace.get(token.i, token.text))
        if token.i in insert:
            parts.append(" " + insert[token.i])
        if k + 1 < len(tokens):
            following = tokens[k + 1]
            if following.i == token.i + 1:
                parts.append(token.whitespace_)
            elif following.text not in EDGE_PUNCT | END_MARKS | CLOSING_QUOTES:
                parts.append(" ")
    return "".join(parts).strip()


def _end_mark(span: Span) -> str:
    """The sentence's own end mark: "." unless the span's sentence ends with "?" or "!"."""
    doc = span.doc
    end = span.end
    if doc.has_annotation("SENT_START"):
        end = doc[span.end - 1].sent.end
    for token in reversed(doc[span.start : end]):
        if token.is_space or token.text in CLOSING_QUOTES:
            continue
        return token.text if token.text in {"?", "!"} else "."
    return "."


def _verbatim(tokens: Sequence[Token]) -> bool:
    """True when no wording rule can apply: the span reads as a sentence already."""
    if len(tokens) < 2 or tokens[-1].text not in END_MARKS:
        return False
    first = tokens[0]
    if not first.is_title and not first.is_digit and not first.is_upper:
        return False
    if first.pos_ == "CCONJ" or first.dep_ == "mark" or skip_discourse_marker(tokens[:6]):
        return False
    return not any(t.lower_ in REPLACEABLE and t.dep_ in SUBJECT_DEPS for t in tokens)


def standalone_wording(
    span: Span,
    *,
    speaker: str | None = None,
    quote: bool = False,
    content: Collection[int] | None = None,
    insertions: Iterable[tuple[int, str]] = (),
    source: tuple[int, int] | None = None,
) -> str:
    """The stand-alone wording of one claim span (see the module docstring).

    ``content`` holds the doc token indices of what the speaker is reported to assert (the
    whole span when None); ``insertions`` are words to add after a token ("is" in "X called Y
    a Z" → "Y is a Z"); ``source`` the token bounds of the phrase naming the speaker. In
    reported speech, "his"/"her" in the content's subject is the speaker's when the speaker is
    the only person the sentence names ("Karl Brandt warned that his government could …" →
    "Karl Brandt's government could …"). The wording ends with the sentence's end mark; the
    words are the span's own apart from a resolved pronoun, a copied subject or an insertion.
    """
    doc = span.doc
    borrowed = span._.borrowed_subject if Span.has_extension("borrowed_subject") else None
    if content is None:
        tokens = [t for t in span if not t.is_space]
        if not insertions and borrowed is None and _verbatim(tokens):
            return span.text
    else:
        tokens = [doc[i] for i in sorted(content) if span.start <= i < span.end]
        tokens = [t for t in tokens if not t.is_space]
    tokens = tokens[skip_discourse_marker(tokens) :]
    if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
        tokens = tokens[1:]
    tokens = _strip_quotes(_close_gaps(tokens))
    if not any(t.is_alpha or t.is_digit for t in tokens):
        return span.text
    replace: dict[int, str] = {}
    prefix = ""
    head = clause_head(tokens)
    subject = subject_of(head) if head is not None else None
    if subject is not None and subject.pos_ == "PRON" and subject.i in {t.i for t in tokens}:
        found = resolve_pronoun(subject, span, speaker=speaker, quote=quote, source=source)
        if found is not None:
            replace[subject.i] = found
    elif subject is None and borrowed is not None and head is not None and head.i >= span.start:
        words = subject_words(doc[borrowed[0] : borrowed[1]])
        prefix = _join(words, {}, {})
        if len(words) == 1 and words[0].pos_ == "PRON":
            found = resolve_pronoun(words[0], span, speaker=speaker, quote=quote, source=source)
            prefix = found or prefix
    if speaker and content is not None and not quote and subject is not None:
        inside = {t.i for t in tokens}
        for token in subject.subtree:
            possessive = token.tag_ == "PRP$" and token.lower_ in {"his", "her"}
            if possessive and token.i in inside and _only_person_is_speaker(span, source):
                replace[token.i] = f"{speaker}'s"
    wording = _join(tokens, replace, dict(insertions))
    if prefix:
        wording = f"{prefix} {wording}"
    wording = wording.rstrip()
    quoted_end = len(wording) > 1 and wording[-1] in CLOSING_QUOTES and wording[-2] in END_MARKS
    if wording and wording[-1] not in END_MARKS and not quoted_end:
        wording += _end_mark(span)
    for i, ch in enumerate(wording):
        if ch.isalpha():
            return wording[:i] + ch.upper() + wording[i + 1 :]
        if ch.isdigit():
            break
    return wording


def _only_person_is_speaker(span: Span, source: tuple[int, int] | None) -> bool:
    """True when the speaker phrase names a person (or is "he"/"she") and the sentence names
    no other person."""
    if source is None:
        return False
    doc = span.doc
    phrase = doc[source[0] : source[1]]
    if not (
        any(t.ent_type_ == "PERSON" for t in phrase)
        or _names_someone(phrase)
        or (len(phrase) == 1 and phrase[0].lower_ in {"he", "she"})
    ):
        return False
    sent_start = _sentence_start(span)
    sent_end = doc[span.end - 1].sent.end if doc.has_annotation("SENT_START") else len(doc)
    return not any(
        ent.label_ == "PERSON" and not (source[0] <= ent.start and ent.end <= source[1])
        for ent in doc[sent_start:sent_end].ents
    )


class WordingComponent:
    """spaCy component: set ``span._.standalone`` on every claim unit."""

    def __call__(self, doc: Doc) -> Doc:
        has_speaker = Span.has_extension("speaker")
        for unit in doc._.claim_spans:
            unit._.standalone = standalone_wording(
                unit,
                speaker=unit._.speaker if has_speaker else None,
                quote=bool(unit._.quote) if has_speaker else False,
                content=unit._.content,
                insertions=unit._.insertions,
                source=unit._.source_range if has_speaker else None,
            )
        return doc


@Language.factory(
    "workbench_wording",
    assigns=["span._.standalone"],
    requires=["doc._.claim_bounds"],
)
def make_wording(nlp: Language, name: str) -> WordingComponent:
    """Factory for :class:`WordingComponent`."""
    return WordingComponent()
