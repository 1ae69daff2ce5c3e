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
* adverbial clauses opened by while, although, though, even though, whereas or as, with
  their own subject and finite verb, when they open the sentence (and a comma closes them)
  or close it. An "as" clause also needs a complement and a verb that is not a reporting
  verb ("as he had promised", "as it was before" stay whole).

* a participial reporting frame ("saying …", "warning that …") that opens the sentence (a
  comma closes it) or closes it: what it reports is a claim of its own, said by the main
  clause's subject.

A clause that says when (after, before, since; with its own subject and finite verb, in an
asserted clause) stays in its claim, since "jobs were lost in the years before the pact"
is not "jobs were lost", and is also a claim of its own nested inside it, as a label
between dashes is.

Never split: relative clauses, complement clauses (except the coordination inside what a
reporting verb reports), purpose and conditional clauses, clauses inside a non-reporting verb's
complement, questions (a question asserts nothing, and splitting one would leave half of it
without its question mark). Every clause must keep a subject (its own or the one it shares) and
a finite verb that is not subordinate inside it, and may not be a reporting frame alone ("officials
said") or elliptical ("and it is", though "the strike was over" is not); a cut that leaves
such a fragment is undone.

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

from workbench.splitting.clause_cuts import Clause, Cut, absolute_verb, find_cuts, is_asserted
from workbench.splitting.frame_shapes import comma_before_word
from workbench.splitting.lexicon import (
    AS_COMPLEMENTS,
    CLOSING_QUOTES,
    EDGE_PUNCT,
    EXAMPLE_OPENERS,
    LABEL_DASHES,
    LABELING_VERBS,
    OBJECT_CONTENT_VERBS,
    PREDICATE_PARTICLES,
    RELATIVE_WORDS,
    REPORTING_VERBS,
    TIME_MARKERS,
)
from workbench.splitting.tokens import (
    is_finite,
    subject_of,
)

# --------------------------------------------------------------------------- pieces


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT):
        end -= 1
    return start, end


def _pieces(unit: Span, cuts: Sequence[Cut]) -> list[Clause]:
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
            # and so does its passive: "the attack was claimed by rebels"
            content += [c for c in verb.children if c.dep_ == "nsubjpass"]
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
        if token.pos_ == "AUX" and not any(_completes(token, c) for c in token.children):
            continue  # "and it is.": an elliptical clause asserts nothing on its own
        subject = subject_of(token)
        own = subject is not None and piece.start <= subject.i < piece.end
        shared = piece.borrowed_subject is not None and token.i == _first_verb(doc, piece)
        if own or shared:
            verbs.append(token)
    return bool(verbs) and not _is_frame_only(verbs, piece)


def _completes(verb: Token, child: Token) -> bool:
    """Whether ``child`` completes a form of "to be" or another auxiliary standing alone:
    a complement, or an adverb that says what a complement would ("the strike was over")."""
    if child.dep_ in AS_COMPLEMENTS:
        return True
    return child.dep_ == "advmod" and child.i > verb.i and child.lower_ in PREDICATE_PARTICLES


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
        if not any(t.is_alpha for t in doc[left + 1 : right]):
            continue  # the hyphen of "al-Qa'ida", parsed as an appositive of its own
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


def time_clauses(unit: Span, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses inside ``doc[start:end]`` that say when its claim holds ("… after navy
    divers cleared the mines"), without their marker: claims of their own, nested. Not one
    whose subject is a pronoun ("since he was a young boy") or with a modal ("before
    lawsuits can be filed")."""
    doc = unit.doc
    found = []
    for verb in doc[start:end]:
        if verb.dep_ != "advcl" or not start <= verb.head.i < end:
            continue
        markers = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in TIME_MARKERS]
        if not markers or markers[0].i != verb.left_edge.i:
            continue
        subject = subject_of(verb)
        if subject is None or not is_finite(verb) or not is_asserted(verb.head, unit):
            continue
        if subject.pos_ == "PRON":
            continue  # "after he left": says when, and alone would hang on a guessed "he"
        if any(c.tag_ == "MD" for c in verb.children):
            continue  # "before lawsuits can be filed" says when, not that they were
        first, last = _trim(doc, markers[0].i + 1, _time_clause_end(verb))
        if start <= first < last <= end and (first, last) != (start, end):
            found.append((first, last))
    return found


def _time_clause_end(verb: Token) -> int:
    """Where a clause saying when ends: after its verb's phrase, but before a list of
    examples set off by a comma that the parser hung on the verb ("before the election
    started, including sports events": what was allowed, not what started)."""
    for child in verb.rights:
        if child.lower_ in EXAMPLE_OPENERS and comma_before_word(child):
            return child.i
    return verb.right_edge.i + 1


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
                nested = [(label.start, label.end) for label in labels]
                nested += time_clauses(unit, clause.start, clause.end)
                for label in labels:
                    doc[label.start : label.end]._.label_anchor = label.anchor
                bounds.extend(sorted(set(nested)))  # nested inside the clause, right after it
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
