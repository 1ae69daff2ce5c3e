"""Token and span helpers every stage shares: paragraphs, the claim units on the Doc,
subjects and finite verbs, discourse markers, the people named nearby.

Claim units travel on the Doc as ``doc._.claim_bounds`` (token offsets, a plain list so the
Doc stays serialisable); ``doc._.claim_spans`` turns them into spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from workbench.splitting.entities import ents_of
from workbench.splitting.lexicon import (
    ADDRESSEE_VERBS,
    AUX_DEPS,
    COMMA_MARKERS,
    CONDITION_WORDS,
    CONJUNCTION_MARKERS,
    FINITE_TAGS,
    INVERTED_CONDITION_AUXILIARIES,
    NAME_LABELS,
    NOMINAL_SUBJECT_DEPS,
    REPORTING_VERBS,
    SUBJECT_DEPS,
    lexicon_pairs,
)

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _claim_spans(doc: Doc) -> list[Span]:
    bounds = doc._.claim_bounds
    if bounds is None:
        return sentence_units(doc)
    return [doc[start:end] for start, end in bounds]


def install_extensions() -> None:
    """Install the extensions the stages hand each other (once):

    ``doc._.claim_bounds`` (token offsets, plain tuples so the Doc stays serialisable) and
    ``doc._.claim_spans`` (a getter over them); on each claim span ``borrowed_subject``,
    ``dropped`` (token ranges of appositive labels its wording leaves out) and
    ``label_anchor`` (for a label claim, the token range it labels) from the clauses stage,
    ``content`` and ``insertions`` (attribution), ``standalone`` and ``subject_names``
    (wording: the names a resolved pronoun or borrowed subject stands for).
    """
    if not Doc.has_extension("claim_bounds"):
        Doc.set_extension("claim_bounds", default=None)
    if not Doc.has_extension("claim_spans"):
        Doc.set_extension("claim_spans", getter=_claim_spans)
    for name, default in (
        ("borrowed_subject", None),
        ("content", None),
        ("insertions", ()),
        ("standalone", None),
        ("subject_names", ()),
        ("dropped", ()),
        ("label_anchor", None),
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


install_extensions()


def is_paragraph_break(token: Token) -> bool:
    """True for a whitespace token that contains a blank line."""
    return token.is_space and PARAGRAPH_BREAK.search(token.text) is not None


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def sentence_units(doc: Doc, *, min_alpha: int = 1) -> list[Span]:
    """Sentence-level claim units, in text order.

    Uses the Doc's sentences (from the parser, or the whole Doc if it has none), cuts them
    again at every paragraph break, strips whitespace tokens at both ends and drops spans
    with fewer than ``min_alpha`` alphabetic characters.
    """
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    units: list[Span] = []
    for sent in sentences:
        piece_start = sent.start
        for i in range(sent.start, sent.end + 1):
            if i < sent.end and not is_paragraph_break(doc[i]):
                continue
            start, end = _strip(doc, piece_start, i)
            piece_start = i + 1
            if start >= end:
                continue
            span = doc[start:end]
            if sum(ch.isalpha() for ch in span.text) >= min_alpha:
                units.append(span)
    return units


def units_before(doc: Doc, position: int, *, last: int | None = None) -> list[Span]:
    """Claim units that end at or before token ``position`` (only the ``last`` ones if given)."""
    bounds = doc._.claim_bounds
    if bounds is None:
        bounds = [(unit.start, unit.end) for unit in sentence_units(doc)]
    before = [b for b in bounds if b[1] <= position]
    if last is not None:
        before = before[max(len(before) - last, 0) :]
    return [doc[start:end] for start, end in before]


def person_mention(ent: Span) -> str:
    """A PERSON entity's text with the title words written before it ("Ms Vos", "President
    Anton Halvard"): the proper-noun compounds the recogniser left out of the entity."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and start <= doc[start - 1].head.i < ent.end
    ):
        start -= 1
    return doc[start : ent.end].text


def recent_person(doc: Doc, position: int, *, window: int = 3) -> str | None:
    """The most recent PERSON named in the ``window`` units before token ``position``.

    Only returned when it is obvious: the nearest unit that names anyone names exactly one
    person (mentions sharing a surname count as one; the longest mention, with its titles, is
    returned — see :func:`person_mention`). A proper name the entity recogniser left
    unlabelled counts as another possible person, so "Anton Halvard met Irena Vos" is
    ambiguous even when "Irena Vos" was missed.
    """
    found = recent_person_mention(doc, position, window=window)
    return found[1] if found is not None else None


def recent_person_mention(doc: Doc, position: int, *, window: int = 3) -> tuple[int, str] | None:
    """:func:`recent_person` with where it is named: (token index of its last mention,
    name)."""
    for unit in reversed(units_before(doc, position, last=window)):
        persons = [ent for ent in ents_of(unit) if ent.label_ == "PERSON"]
        unlabelled = {
            t.lower_
            for t in unit
            if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ != "compound" and t.is_title
        }
        if not persons:
            if unlabelled:
                return None
            continue
        if len({ent[-1].lower_ for ent in persons} | unlabelled) != 1:
            return None
        return persons[-1].start, max((person_mention(ent) for ent in persons), key=len)
    return None


def unit_root(span: Span) -> Token:
    """The span's highest token, punctuation aside (``Span.root`` may pick the sentence's
    final full stop when a clause of the sentence does not contain its root)."""
    tops = [
        t
        for t in span
        if not (t.is_punct or t.is_space)
        and (t.head.i == t.i or not span.start <= t.head.i < span.end)
    ]
    if not tops:
        return span.root
    if len(tops) == 1:
        return tops[0]
    return min(tops, key=lambda t: sum(1 for _ in t.ancestors))


def _named_subject(unit: Span) -> Span | None:
    root = unit_root(unit)
    for child in root.children:
        if child.dep_ not in NOMINAL_SUBJECT_DEPS:
            continue
        for ent in ents_of(unit):
            if ent.start <= child.i < ent.end and ent.label_ in NAME_LABELS:
                conjuncts = [c for c in child.conjuncts if c.i > child.i]
                if conjuncts:
                    return None  # a coordination: "it" could be either
                return ent
    return None


def recent_named_subject(doc: Doc, position: int) -> Span | None:
    """The named-entity subject of the unit right before token ``position``, if any."""
    previous = units_before(doc, position, last=1)
    return _named_subject(previous[-1]) if previous else None


def skip_discourse_marker(tokens: Sequence[Token]) -> int:
    """Number of leading tokens that form a discourse marker (with its comma)."""
    if not tokens:
        return 0
    if tokens[0].lower_ in CONJUNCTION_MARKERS and tokens[0].pos_ == "CCONJ":
        return 2 if len(tokens) > 1 and tokens[1].text == "," else 1
    for size in range(1, 6):
        words = tuple(t.lower_ for t in tokens[:size])
        if words in COMMA_MARKERS and len(tokens) > size and tokens[size].text == ",":
            return size + 1
    return 0


def label_tokens(span: Span) -> frozenset[int]:
    """Token indices of the labels inside ``span`` that are claims of their own
    (``span._.dropped``, set by the clause stage)."""
    ranges = span_extension(span, "dropped") or ()
    return frozenset(i for a, b in ranges for i in range(a, b))


def span_extension(span: Span, name: str) -> Any:
    """``span._.<name>``, or None when no component installed that extension."""
    return getattr(span._, name) if Span.has_extension(name) else None


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, if it has one."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


def condition_words(clause: Token) -> frozenset[str]:
    """The words of the lexicon's ``condition_words`` ("if", "unless") that open ``clause``
    as its markers, or "if" for a clause opened by an auxiliary before its subject ("Had we
    joined the treaty, …"); empty when it is no condition."""
    # a marker the parser hung on the clause's auxiliary ("If you are re-elected")
    openers = [
        *clause.children,
        *(g for c in clause.children if c.dep_ in AUX_DEPS for g in c.children),
    ]
    marked = CONDITION_WORDS.intersection(c.lower_ for c in openers if c.dep_ == "mark")
    if marked or clause.dep_ != "advcl":
        return marked
    opening = clause.left_edge
    if opening.lower_ not in INVERTED_CONDITION_AUXILIARIES:
        return marked
    if opening != clause and (opening.head != clause or opening.dep_ not in AUX_DEPS):
        return marked
    # the parser may hang the clause on the auxiliary ("Had the dam been built": "built" a
    # complement of "Had"), so the subject is looked for in the whole clause
    subject_after = any(t.dep_ in SUBJECT_DEPS and t.i > opening.i for t in clause.subtree)
    return frozenset({"if"}) if subject_after else marked


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


def glued(token: Token) -> bool:
    """A token written against the words on both sides of it, with no space: the hyphen of
    "counter-protesters" or "forty-two", not a dash set between spaces."""
    return token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_


def joined_by_hyphen(token: Token) -> bool:
    """Whether a glued hyphen joins ``token`` to the word after it ("no-fly", "trillion-dollar",
    "counter-protesters")."""
    doc, i = token.doc, token.i
    return i + 2 < len(doc) and doc[i + 1].text == "-" and glued(doc[i + 1])


def modal_conjunct(verb: Token) -> bool:
    """A conjunct with a modal of its own and no subject: "may close the bridge" in "said he
    can and may close the bridge", which the parser hangs on the reporting verb beside the
    bare modal "he can" it completes."""
    return any(c.tag_ == "MD" for c in verb.children) and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children
    )


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
        # of two heads ("If the bill passes, prices will rise"), not the subordinate one
        subordinate = best is not None and best[1].dep_ == "advcl" and token.dep_ != "advcl"
        if best is None or depth < best[0] or (depth == best[0] and subordinate):
            best = (depth, token)
    return best[1] if best else None


def _sentence_start(span: Span) -> int:
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        return doc[span.start].sent.start
    return 0


def is_reporting_participle(token: Token) -> bool:
    """A participial reporting frame continuing a sentence: "…, adding that …", "…,
    saying …", "…, noting …" (it shares the main verb's subject)."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_ in REPORTING_VERBS


def reporting_ancestor(participle: Token) -> Token:
    """The verb whose subject a participial frame shares: the nearest reporting verb above it
    ("said the strike was precise, telling …" shares "said"'s subject, wherever the parser
    hung the participle), or a reporting frame set aside before it ("the attacks are their
    right, Saree said, warning …"), else its head."""
    for ancestor in participle.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS and subject_of(ancestor) is not None:
            return ancestor
    for frame in participle.head.children:  # "X is Y, Saree said, warning …": a frame aside
        if (
            frame.dep_ == "parataxis"
            and frame.i < participle.i
            and frame.lemma_ in REPORTING_VERBS
            and subject_of(frame) is not None
        ):
            return frame
    return participle.head


def can_frame(verb: Token, quotation: Span | None) -> bool:
    """Whether ``verb`` can frame the quotation: no other verb outside it governs its words
    unless one of the two stands above the other ("X said: '…'", "'…,' said X", "X said the
    plan was called 'a failure'"). A verb beside them in another clause does not ("did not
    attack the reporter writing the story or call her 'disgusting'": the label is what
    "call" says, not what the reporter writes)."""
    words = [t for t in quotation if not t.is_punct] if quotation is not None else []
    if not words:
        return True
    top = words[0]
    while top.head.i != top.i and quotation.start <= top.head.i < quotation.end:
        top = top.head
    governor = next((t for t in top.ancestors if t.pos_ == "VERB"), None)
    if governor is None or governor == verb or top in (verb, *verb.ancestors):
        return True  # the verb is the governor, or stands inside the quotation
    return verb in governor.ancestors or governor in verb.ancestors


#: third-person pronouns by the number they agree with ("their": "plural")
_PRONOUN_NUMBERS = lexicon_pairs("third_person_numbers")


def refers_to_addressee(verb: Token, content: Sequence[Token]) -> bool:
    """Whether a reported clause refers back to the one the report was made to: "promised
    seniors that their benefits will not be cut" ("their" is the seniors'), so the clause
    alone ("Their benefits will not be cut.") would lose whose they are. Only after a verb
    of ``addressee_verbs`` ("told", "promised"), and only a pronoun agreeing in number with
    the addressee (a noun the verb takes as its object, outside the clause), and not with
    the verb's subject, which it may as well mean. The caller leaves quotations out: in
    one, the addressee is "you" ('told the Daily Mail, "All we need is to ask her …"')."""
    if verb.lemma_ not in ADDRESSEE_VERBS:
        return False  # "said the same thing": the object is what was said
    inside = {t.i for t in content}
    addressees = [
        c for c in verb.children
        if c.dep_ in {"dobj", "dative"} and c.pos_ in {"NOUN", "PROPN"} and c.i not in inside
    ]  # fmt: skip
    if not addressees:
        return False
    number = "plural" if addressees[0].tag_ in {"NNS", "NNPS"} else "singular"
    pronouns = {w for w, n in _PRONOUN_NUMBERS.items() if n == number}
    subject = subject_of(verb)
    if subject is not None and subject.lower_ in pronouns:
        return False  # "they told voters that their taxes …": whose, the clause cannot say
    return any(t.lower_ in pronouns for t in content)


def code_name(token: Token) -> bool:
    """A name of letters and digits ("BA.5", "F-35"), whatever the tagger took it for."""
    text = token.text
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def per_cent(token: Token) -> bool:
    """The "cent" of "per cent", which is "percent" ("85 per cent of aid", not money)."""
    return token.lower_ == "cent" and token.i > 0 and token.nbor(-1).lower_ == "per"


def compound_name(token: Token) -> Span | Token:
    """A proper noun with the proper nouns written right before it as parts of its name
    ("Wall Street", "Social Security"), where the recogniser read no entity."""
    start = token.i
    while start > 0:
        before = token.doc[start - 1]
        if before.dep_ != "compound" or before.pos_ != "PROPN" or before.head != token:
            break
        start -= 1
    return token if start == token.i else token.doc[start : token.i + 1]
