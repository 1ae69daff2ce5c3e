"""Who asserts a claim: speaker, reporting cue, what is attributed and whether it is a quote.

Works on the atomic claim spans of :mod:`~workbench.splitting.clauses`. Rules, tried in this
order on one claim span (pure functions over spaCy Tokens):

1. reporting verb — the subject of a reporting verb (say, tell, add, argue, claim, warn, …)
   that governs the span: the span's root, a ``parataxis`` of it ("The deal, he said, is
   dead"), a reporting verb after a comma that the parser hung below the root ("…, said X"), or
   a reporting verb coordinated with one of those ("said … and warned …", also when the
   conjunct is a claim of its own: "warned that …" takes the subject of "said"). A reporting
   verb in a subordinate clause ("Although X has said it is neutral, it has shipped …") does
   not govern the main clause: that is the article's own assertion.
2. trailing frame — "…, X and Y said." at the end of a long sentence, when the parser took the
   speakers for part of the sentence and left the verb without a subject.
3. "according to X" — a source document ("a statement from X", "X's report") resolves to
   its issuer X.
4. "figures from X show" — a source noun with an issuer and an evidential verb, also
   matched on the surface when the parser mangles it.
5. labelling — "what X have dubbed …", "… has been branded … by X" (the whole sentence is
   attributed), and "X called Y a Z", whose content is the characterisation "Y is a Z".

A claim span with no frame of its own shares the frame of its sentence when its clause is part
of what that frame attributes: in "A did X, and B did Y, officials said" both claims are the
officials'. The ``content`` of an attribution is the doc token indices, inside the span, of
what the speaker asserts: the stand-alone wording is built from it, without the frame.

The speaker is the subject's noun phrase as written (titles kept: "Ms Vos", "President Anton
Halvard") without leading determiners, relative clauses or appositions; between a phrase and
its apposition the proper name wins ("Osterlich's foreign minister, Karl Brandt" → "Karl
Brandt"). A "he"/"she" speaker is resolved to the person named earlier in the sentence, else
to the most recent person in the preceding sentences, when that is obvious. A sentence wholly
inside a quotation that another sentence of the same quotation attributes inherits that speaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.lexicon import (
    DENIAL_VERBS,
    DETERMINERS,
    DROPPED_DEPS,
    EVIDENTIAL_FORMS,
    EVIDENTIAL_VERBS,
    ISSUER_PREPOSITIONS,
    LABELING_VERBS,
    NAME_LABELS,
    OBJECT_CONTENT_VERBS,
    PHRASAL_REPORTING_VERBS,
    PHRASE_PUNCT,
    PROPOSITION_NOUNS,
    QUOTE_PAIRS,
    RELATIVE_WORDS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOFT_REPORTING_VERBS,
    SOURCE_NOUNS,
    STANCE_BY_VERB,
    STATE_NOUNS,
)
from workbench.splitting.tokens import (
    PARAGRAPH_BREAK,
    clause_head,
    coordinated_head,
    is_finite,
    is_paragraph_break,
    is_reporting_participle,
    label_tokens,
    reporting_ancestor,
    subject_of,
    unit_root,
)
from workbench.splitting.view import doc_view
from workbench.splitting.wording import resolve_pronoun

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
class _Match:
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


def _region_of(span: Span, regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    words = [t for t in span if t.is_alpha]
    for start, end in regions:
        if words and all(start < t.idx < end for t in words):
            return start, end
    return None


# --------------------------------------------------------------------------- speaker phrase


def _phrase_tokens(head: Token) -> list[Token]:
    dropped: set[int] = set()
    doc = head.doc
    for child in head.children:
        if child.dep_ in DROPPED_DEPS:
            dropped.update(t.i for t in child.subtree)
        elif child.i > head.i and child.dep_ in {"advmod", "prep", "npadvmod"}:
            first = child.left_edge.i
            if doc[first - 1].text == "," or first - 1 in dropped:
                dropped.update(t.i for t in child.subtree)  # "Trump, also on Twitter, …"
    tokens = [t for t in head.subtree if t.i not in dropped and t.text not in PHRASE_PUNCT]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in DETERMINERS):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens.pop()
    return tokens


def _is_name(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS or token.pos_ == "PROPN"


def _issuer(head: Token) -> Token | None:
    """For a source document noun ("statement from X", "X's report"), the issuer X."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    return None


def speaker_tokens(head: Token, *, follow_sources: bool = False) -> list[Token]:
    """Tokens of the speaker phrase headed by ``head``.

    The noun phrase without leading determiners, relative clauses and appositions; when the
    phrase or its apposition is a proper name and the other is not, the name is taken. With
    ``follow_sources`` a source document resolves to its issuer.
    """
    if follow_sources and head.lemma_.lower() in SOURCE_NOUNS:
        issuer = _issuer(head)
        if issuer is not None:
            return speaker_tokens(issuer, follow_sources=True)
    for child in head.children:
        if child.dep_ == "appos" and _is_name(child) and not _is_name(head):
            return _phrase_tokens(child)
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            return _phrase_tokens(child)
    return _phrase_tokens(head)


def tokens_text(tokens: Sequence[Token]) -> str:
    """Text of ``tokens`` joined with their own trailing whitespace, and a space where words
    were left out between two of them ("immigration, population growth" without commas)."""
    parts: list[str] = []
    for k, token in enumerate(tokens):
        parts.append(token.text)
        if k + 1 < len(tokens):
            gap = tokens[k + 1].i != token.i + 1
            parts.append(" " if gap and not token.whitespace_ else token.whitespace_)
    return "".join(parts).strip()


# --------------------------------------------------------------------------- rules


def _bounds(token: Token) -> tuple[int, int]:
    """Token offsets of ``token``'s subtree without punctuation at either edge."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    while start < token.i and doc[start].is_punct:
        start += 1
    while end - 1 > token.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return None if child.lower_ in RELATIVE_WORDS else child
    for child in verb.children:  # "said X, adding …" parsed with X as the participle's subject
        if is_reporting_participle(child):
            hung = [c for c in child.children if c.dep_ == "nsubj" and verb.i < c.i < child.i]
            if hung:
                return hung[0]
    if verb.dep_ == "conj":
        return _subject(coordinated_head(verb))
    if is_reporting_participle(verb):  # "…, adding that …": the main verb's subject
        return _subject(reporting_ancestor(verb))
    return None


def _comma_before(token: Token) -> bool:
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in {",", '"', "”", "’"}


def _bare_frame(verb: Token) -> bool:
    """True when a reporting verb inside a sentence carries no clause of its own: "he said",
    "said X in a statement" — not "responded with the claim that …"."""
    return not any(
        t.i != verb.i and t.pos_ in {"VERB", "AUX"} and t.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        for t in verb.subtree
    )


def _ends(token: Token, span: Span) -> bool:
    return all(t.is_punct or t.is_space for t in span.doc[token.right_edge.i + 1 : span.end])


def governs(verb: Token, span: Span) -> bool:
    """True when ``verb`` frames the whole span rather than a subordinate part of it.

    The span's root; a bare parenthetical frame ("The deal, he said, is dead"); a bare frame
    after a comma that the parser hung below the root or below the root's last conjunct at
    the end of the span ("A did X, and B did Y, said Z"); a reporting verb coordinated with one
    of those.
    """
    root = unit_root(span)
    if verb == root:
        return True
    if verb.dep_ in {"parataxis", "ccomp", "advcl"} and _bare_frame(verb):
        if verb.head == root and (verb.dep_ == "parataxis" or verb.i > root.i):
            return verb.dep_ == "parataxis" or _comma_before(verb)
        parent = verb.head
        if parent.dep_ == "conj" and parent.head == root and verb.i > parent.i:
            return _comma_before(verb) and _ends(verb, span)
    if verb.dep_ == "conj" and verb.head.lemma_ in REPORTING_VERBS:
        return governs(verb.head, span)
    return False


def _content_of(verb: Token, span: Span, exclude: set[int]) -> list[Token]:
    content: list[Token] = []
    root = unit_root(span)
    if verb.dep_ in {"parataxis", "ccomp", "advcl"} and verb != root and root.is_ancestor(verb):
        inner = {t.i for t in verb.subtree}
        return [t for t in span if t.i not in inner and t.i not in exclude]
    complements = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "parataxis"}]
    if any(c.i > verb.i for c in complements):  # a complement before it is a misparse then
        complements = [c for c in complements if c.i > verb.i]
    for child in complements + _denied_propositions(verb):
        content.extend(child.subtree)
    if not content and (verb.lemma_ in OBJECT_CONTENT_VERBS or _phrasal(verb)):
        content.extend(_object_content(verb))
    for child in verb.children:
        if child.dep_ == "conj" and child.lemma_ in REPORTING_VERBS:
            content.extend(_content_of(child, span, exclude))
    return [t for t in content if t.i not in exclude]


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


def _phrasal(verb: Token) -> bool:
    """A verb that reports with its particle or preposition: "called on", "called for"."""
    return any(
        (verb.lemma_, child.lower_) in PHRASAL_PAIRS
        for child in verb.children
        if child.dep_ in {"prep", "prt"} and child.i == verb.i + 1
    )


PHRASAL_PAIRS = frozenset(tuple(p) for p in PHRASAL_REPORTING_VERBS if len(p) == 2)


def _denied_propositions(verb: Token) -> list[Token]:
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
    protest reveals that …" has no speaker)."""
    subject = _subject(verb)
    if subject is None or (verb.lemma_ in SOFT_REPORTING_VERBS and not _can_speak(subject)):
        return None
    return subject


def _can_speak(subject: Token) -> bool:
    """A subject that can assert something: a name, a pronoun, people, or a source document."""
    return (
        subject.pos_ in {"PROPN", "PRON"}
        or bool(subject.ent_type_)
        or subject.tag_ == "NNS"
        or subject.lemma_.lower() in SOURCE_NOUNS
    )


def reporting_verb_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Reporting verbs: "X said/told/warned (that) …", "…, said X", "X has said it is …"."""
    for verb in span:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        if verb.lemma_ not in REPORTING_VERBS and not _phrasal(verb):
            continue
        if not governs(verb, span):
            continue
        subject = frame_subject(verb)
        if subject is None:
            continue
        speaker = speaker_tokens(subject, follow_sources=True)  # "a statement from X said"
        frame = {t.i for t in subject.subtree} | {verb.i}
        content = [t for t in _content_of(verb, span, frame) if span.start <= t.i < span.end]
        clause = any(c.dep_ in {"ccomp", "xcomp", "parataxis"} for c in verb.children)
        object_only = bool(content) and not clause and not _denied_propositions(verb)
        if not content:  # "…," she said — the parser may not link the quote
            content = [t for t in span if t.i not in frame and in_quotes(t, regions)]
        if not any(t.is_alpha for t in content):
            continue
        cue = verb.lower_
        particles = [c for c in verb.children if c.dep_ == "prt"]
        if particles:
            cue = f"{cue} {particles[0].lower_}"
        elif _phrasal(verb):
            cue = f"{cue} {verb.doc[verb.i + 1].lower_}"
        return _Match(
            speaker,
            _bounds(subject),
            cue,
            content,
            "reporting verb",
            verb=verb,
            frame_stays=object_only,
        )
    return None


SPEAKER_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "CCONJ", "PART"})


def _strip_determiners(tokens: list[Token]) -> list[Token]:
    """``tokens`` without leading determiners (the list is changed in place and returned)."""
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens.pop(0)
    return tokens


def _closing_bare_verb(span: Span) -> Token | None:
    """The reporting verb that closes a span of at least four words, when it has no subject."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < 4:
        return None
    verb = words[-1]
    if verb.lemma_ not in REPORTING_VERBS or verb.tag_ not in {"VBD", "VBN", "VBZ", "VBP"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    return verb


def _trailing_speaker_bounds(verb: Token, span: Span) -> tuple[int, int] | None:
    """Offsets ``(comma, end)`` of a comma and the end of the plain noun phrase between it and
    ``verb`` (skipping the verb's auxiliaries), if the phrase is there."""
    doc = span.doc
    k = verb.i - 1
    while k >= span.start and doc[k].lemma_ in {"have", "be"} and doc[k].pos_ == "AUX":
        k -= 1
    end = k + 1
    while k >= span.start and doc[k].pos_ in SPEAKER_POS and doc[k].text != ",":
        k -= 1
    if k <= span.start or doc[k].text != "," or end == k + 1:
        return None
    return k, end


def trailing_frame_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """ "…, diplomats and shipping executives said." when the verb was left without a subject.

    The parser often reads a plural speaker after a long sentence as a conjunct of the last
    noun phrase. On the surface: a reporting verb (with its auxiliaries) closes the span, a
    comma precedes a plain noun phrase before it, and the verb has no subject of its own.
    """
    verb = _closing_bare_verb(span)
    if verb is None:
        return None
    bounds = _trailing_speaker_bounds(verb, span)
    if bounds is None:
        return None
    k, end = bounds
    speaker = _strip_determiners(list(span.doc[k + 1 : end]))
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in speaker) or speaker[-1].pos_ == "CCONJ":
        return None
    content = [t for t in span if t.i < k]
    return _Match(speaker, (k + 1, end), verb.lower_, content, "trailing frame", verb=verb)


def according_to_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Sources: "according to X", with a source document resolved to its issuer.

    At the end of the span the phrase covers all of it; elsewhere only the clause it belongs
    to ("A did X, and according to Z, B did Y" attributes only "B did Y" to Z).
    """
    doc = span.doc
    for start, _ in _patterns_inside(span, "ACCORDING_TO"):
        token, to = doc[start], doc[start + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            continue
        speaker = speaker_tokens(objects[0], follow_sources=True)
        inner = {t.i for t in token.subtree} | {t.i for t in to.subtree}
        scope: Iterable[Token] = span
        head = token.head
        if not _ends(to, span) and head.i != token.i and span.start <= head.i < span.end:
            scope = head.subtree if head.pos_ in {"VERB", "AUX"} else span
        content = [t for t in scope if t.i not in inner and span.start <= t.i < span.end]
        source = (token.i, max(to.right_edge.i, token.i + 1) + 1)
        return _Match(speaker, source, "according to", content, "according to")
    return None


def _np_start(token: Token, span: Span) -> int:
    start = token.i
    while start > span.start and token.doc[start - 1].pos_ in {"DET", "ADJ", "NUM", "NOUN"}:
        start -= 1
    return start


def _evidential_verb_after(noun: Token, span: Span, *, reach: int = 8) -> int | None:
    """Index of an evidential verb form closing "NOUN from ISSUER …", if the issuer between
    them is a plain noun phrase (no punctuation, no verb) of at least one token."""
    doc = span.doc
    for k in range(noun.i + 2, min(span.end, noun.i + 2 + reach)):
        if doc[k].lower_ in EVIDENTIAL_FORMS:
            return k if k > noun.i + 2 else None
        if doc[k].is_punct or doc[k].pos_ in {"VERB", "AUX"}:
            return None
    return None


def _parsed_evidential(span: Span) -> _Match | None:
    """ "figures from X show …" as parsed: an evidential verb governing the span with a
    source noun as its subject."""
    for verb in span:
        if verb.lemma_ not in EVIDENTIAL_VERBS or verb.pos_ != "VERB" or not governs(verb, span):
            continue
        subject = _subject(verb)
        if subject is None or subject.lemma_.lower() not in SOURCE_NOUNS:
            continue
        speaker = speaker_tokens(subject, follow_sources=True)
        frame = {t.i for t in subject.subtree} | {verb.i}
        content = _content_of(verb, span, frame) or [t for t in span if t.i not in frame]
        return _Match(speaker, _bounds(subject), verb.lower_, content, "evidential")
    return None


def _surface_evidential_verb(noun: Token, span: Span) -> int | None:
    """Index of the evidential verb when ``noun`` opens "SOURCE-NOUN from|by ISSUER VERB"
    (a ``SOURCE_FROM`` pattern)."""
    if noun.i + 2 >= span.end:
        return None
    return _evidential_verb_after(noun, span)


def _patterns_inside(span: Span, family: str) -> list[tuple[int, int]]:
    """Matches of a pattern family (:mod:`~workbench.splitting.patterns`) inside ``span``."""
    return doc_view(span.doc).patterns_in(family, span.start, span.end)


def _frame_at_edge(start: int, verb_i: int, span: Span) -> bool:
    """True when a surface frame from ``start`` to the verb at ``verb_i`` opens the span with
    words after it, or closes the span after a comma."""
    doc = span.doc
    after = [t for t in doc[verb_i + 1 : span.end] if not t.is_punct]
    at_start = start == span.start
    after_comma = start > span.start and doc[start - 1].text == ","
    return bool((at_start and after) or (after_comma and not after))


def _surface_evidential(span: Span) -> _Match | None:
    """ "figures from X show …", "…, figures from X show" on the surface, when misparsed."""
    doc = span.doc
    for start, _ in _patterns_inside(span, "SOURCE_FROM"):  # SOURCE-NOUN from|by ISSUER VERB
        noun = doc[start]
        k = _surface_evidential_verb(noun, span)
        if k is None:
            continue
        start = _np_start(noun, span)
        if not _frame_at_edge(start, k, span):
            continue
        issuer = _strip_determiners(list(doc[noun.i + 2 : k]))
        content = [t for t in span if not start <= t.i <= k]
        return _Match(issuer, (start, k), doc[k].lower_, content, "evidential")
    return None


def evidential_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Evidence: "figures from X show …", "…, figures from X show", even when misparsed."""
    match = _parsed_evidential(span)
    if match is not None:
        return match
    return _surface_evidential(span)


def _agent_label(verb: Token, span: Span) -> _Match | None:
    """ "… has been branded … by X": the agent X labels, and the whole span is attributed."""
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if not agent:
        return None
    objects = [c for c in agent[0].children if c.dep_ == "pobj"]
    if not objects:
        return None
    speaker = speaker_tokens(objects[0])
    return _Match(speaker, _bounds(agent[0]), verb.lower_, list(span), "label", False, verb=verb)


def _labelled_and_label(
    objects: Sequence[Token], predicates: Sequence[Token]
) -> tuple[Token, Token] | None:
    """The labelled object and its label in "X called Y a Z", if both are there."""
    if len(objects) >= 2:  # "branded the scheme a land grab"
        return objects[0], objects[1]
    if objects and predicates:
        return objects[0], predicates[0]
    return None


def _characterisation(
    labelled: Token, label: Token, span: Span
) -> tuple[list[Token], tuple[tuple[int, str], ...]]:
    """Content "Y … Z" of "X called Y a Z" and the copula to insert after Y ("is"/"are")."""
    content = [
        t
        for t in span
        if labelled.left_edge.i <= t.i <= labelled.right_edge.i
        or label.left_edge.i <= t.i <= label.right_edge.i
    ]
    plural = labelled.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in labelled.children)
    copula = ((labelled.right_edge.i, "are" if plural else "is"),)
    return content, copula


def _subject_label(verb: Token, span: Span) -> _Match | None:
    """ "what X have dubbed …" (the whole span) or "X called Y a Z" (the characterisation)."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    predicates = [c for c in children if c.dep_ == "oprd"]
    free_relative = any(c.lower_ in {"what", "which"} for c in objects)
    subject = _subject(verb)
    if subject is None:
        return None
    speaker = speaker_tokens(subject)
    if free_relative or (predicates and not objects):
        return _Match(speaker, _bounds(subject), verb.lower_, list(span), "label", False, verb=verb)
    pair = _labelled_and_label(objects, predicates)
    if pair is None:
        return None
    content, copula = _characterisation(*pair, span)
    return _Match(speaker, _bounds(subject), verb.lower_, content, "label", True, copula, verb)


def labeling_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Labels: "what X have dubbed …", "… has been branded … by X", "X called Y a Z".

    The first two attribute the whole span (the label is the speaker's, the rest of the
    sentence frames it); "X called Y a Z" attributes the characterisation "Y is a Z".
    """
    for verb in span:
        if verb.lemma_ not in LABELING_VERBS or verb.pos_ != "VERB":
            continue
        match = _agent_label(verb, span)
        if match is None:
            match = _subject_label(verb, span)
        if match is not None:
            return match
    return None


def absolute_frame_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """A reporting participle in a "with" phrase: "…, with officials saying this is for
    security reasons" — the noun before the participle speaks."""
    for verb in span:
        if verb.tag_ != "VBG" or verb.lemma_ not in REPORTING_VERBS or verb.dep_ != "acl":
            continue
        noun = verb.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "with" or not _can_speak(noun):
            continue
        content = [t for t in _content_of(verb, span, set()) if span.start <= t.i < span.end]
        if not any(t.is_alpha for t in content):
            continue
        speaker = speaker_tokens(noun, follow_sources=True)
        source = (noun.left_edge.i, noun.i + 1)
        return _Match(speaker, source, verb.lower_, content, "reporting participle", verb=verb)
    return None


def _official(subject: Token) -> bool:
    """A subject naming an office or an organ of state ("a spokesman", "the embassy")."""
    return subject.lemma_.lower() in ROLE_NOUNS | STATE_NOUNS


def no_comment_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """A source saying nothing: "X declined to comment", "X did not respond to requests for
    comment". The claim is the frame itself, with stance "declines"."""
    doc = span.doc
    for start, end in _patterns_inside(span, "NO_COMMENT"):
        verb = next((t for t in doc[start:end] if t.pos_ in {"VERB", "AUX"}), doc[start])
        verb = verb if verb.dep_ != "aux" else verb.head
        subject = _subject(verb) or _subject(verb.head)
        if subject is None or not (_can_speak(subject) or _official(subject)):
            continue
        content = [t for t in span if not subject.left_edge.i <= t.i <= subject.right_edge.i]
        cue = doc[start:end].text.lower()
        speaker = speaker_tokens(subject, follow_sources=True)
        return _Match(speaker, _bounds(subject), cue, content, "no comment", verb=verb)
    return None


RULES = (
    no_comment_rule,
    reporting_verb_rule,
    absolute_frame_rule,
    trailing_frame_rule,
    according_to_rule,
    evidential_rule,
    labeling_rule,
)
#: Lower-cased lemmas one of which a span needs for each rule to apply (a cheap pre-check).
TRIGGERS = {
    no_comment_rule: frozenset({"comment", "confirm", "say", "elaborate", "call"}),
    reporting_verb_rule: REPORTING_VERBS | {pair[0] for pair in PHRASAL_PAIRS},
    absolute_frame_rule: REPORTING_VERBS,
    trailing_frame_rule: REPORTING_VERBS,
    according_to_rule: frozenset({"accord", "according"}),
    evidential_rule: SOURCE_NOUNS,
    labeling_rule: LABELING_VERBS,
}


def find_attribution(
    span: Span,
    regions: Sequence[tuple[int, int]] | None = None,
    *,
    quote_threshold: float = QUOTE_THRESHOLD,
) -> Attribution:
    """Apply the attribution rules to one span (no look-back across sentences).

    ``regions`` are the quotation ranges of ``span.doc.text`` (see :func:`quote_regions`);
    ``quote`` is True when at least ``quote_threshold`` of the attributed content's words
    are inside quotation marks.
    """
    if regions is None:
        regions = quote_regions(span.doc.text)
    lemmas = {t.lemma_.lower() for t in span}
    labels = label_tokens(span)
    for rule in RULES:
        triggers = TRIGGERS.get(rule)
        if triggers is not None and triggers.isdisjoint(lemmas):
            continue
        match = rule(span, regions)
        if match is None or not match.speaker:
            continue
        if match.verb is not None and match.verb.i in labels:
            continue  # the frame of a label that is a claim of its own (clauses.Label)
        content = [t for t in match.content if span.start <= t.i < span.end]
        shared = Span.has_extension("borrowed_subject") and span._.borrowed_subject is not None
        keep_frame = not match.insertions and not is_full_clause(content, shared_subject=shared)
        negated = match.verb is not None and _negated(match.verb)
        keep_frame = keep_frame or negated  # "X did not deny that …": the frame is the claim
        keep_frame = keep_frame or match.frame_stays  # "announced new measures, which …"
        stance = _stance_of_content(match.verb, content, keep_frame)
        return Attribution(
            speaker=tokens_text(match.speaker),
            cue=match.cue,
            quote=match.may_quote and is_quoted(content, regions, quote_threshold),
            source_range=match.source,
            rule=match.rule,
            content=None if keep_frame else tuple(t.i for t in content),
            insertions=match.insertions,
            stance="declines" if match.rule == "no comment" else stance,
        )
    return Attribution()


def stance_of(verb: Token | None) -> str:
    """The stance a reporting verb gives what it reports: "denied that …" denies, "asked"
    questions, "expects" predicts, "believes" / "hopes" / "fears"; any other asserts."""
    if verb is None:
        return "asserts"
    return STANCE_BY_VERB.get(verb.lemma_.lower(), "asserts")


def _stance_of_content(verb: Token | None, content: Sequence[Token], keep_frame: bool) -> str:
    """The frame verb's stance toward content that stands without it: only toward what the
    verb governs as its complement ("denied that X", "rejected claims that X"); an assertion
    when the frame stays in the wording or the content is something else it is beside."""
    if verb is None or any(t.i == verb.i for t in content):
        return "asserts"
    if keep_frame:  # the wording keeps the verb: only what it does not say is added
        kept = stance_of(verb)
        return kept if kept in FRAMED_STANCES else "asserts"
    head = clause_head(content)
    governed = {c.i for c in verb.children if c.dep_ in {"ccomp", "xcomp"}}
    governed |= {c.i for c in _denied_propositions(verb)}
    if head is None or head.i not in governed:
        return "asserts"
    return stance_of(verb)


#: Stances a claim keeps when its wording keeps the frame ("The ministry asked whether …"):
#: a denial is not one of them, since the kept verb already says it.
FRAMED_STANCES = frozenset({"questions", "predicts", "believes", "hopes", "fears"})


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def is_full_clause(tokens: Sequence[Token], *, shared_subject: bool = False) -> bool:
    """True when the head of ``tokens`` is a finite verb with its subject (or one sharing the
    subject its clause copies), not introduced by "whether"/"if": content that reads as a
    sentence without its reporting frame ("vowed to …", "whether it will …" do not)."""
    head = clause_head(tokens)
    if head is None or not is_finite(head):
        return False
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in head.children):
        return False
    subject = subject_of(head)
    if subject is None:
        return shared_subject and head.dep_ == "conj"
    return any(t.i == subject.i for t in tokens)


def is_quoted(
    tokens: Sequence[Token], regions: Sequence[tuple[int, int]], threshold: float = QUOTE_THRESHOLD
) -> bool:
    """True when at least ``threshold`` of the words among ``tokens`` are inside quotations."""
    words = [t for t in tokens if t.is_alpha]
    return bool(words) and sum(in_quotes(t, regions) for t in words) / len(words) >= threshold


def sentence_of(span: Span) -> Span:
    """The sentence around ``span``, cut at paragraph breaks (the span itself without a parse)."""
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        return span
    sent = doc[span.start].sent
    start, end = span.start, span.end
    while start > sent.start and not is_paragraph_break(doc[start - 1]):
        start -= 1
    while end < sent.end and not is_paragraph_break(doc[end]):
        end += 1
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def governing_frame(
    span: Span, regions: Sequence[tuple[int, int]], *, quote_threshold: float = QUOTE_THRESHOLD
) -> Attribution:
    """The reporting verb outside a clause span that reports it: climbing from the clause's
    head through coordination and split adverbial clauses to the complement of a reporting
    verb ("Although China has said it is neutral and only supports peace, …": "only supports
    peace" is reported by China)."""
    head = clause_head([t for t in span if not t.is_space])
    node = head
    for _ in range(len(span.doc)):
        if node is None:
            break
        parent = node.head
        if parent.i == node.i:
            break
        if node.dep_ == "ccomp" and parent.lemma_ in REPORTING_VERBS and parent.pos_ == "VERB":
            if span.start <= parent.i < span.end:
                break  # the frame is inside: the rules on the span decide
            if _semicolon_between(span, parent):
                break  # "A did X; B said Y": the parser's link across ";" is a misparse
            subject = frame_subject(parent)
            if subject is None:
                break
            content = [t for t in span if node.left_edge.i <= t.i <= node.right_edge.i]
            if _negated(parent):
                break  # "X did not deny that …": no one asserts or denies the clause
            return Attribution(
                speaker=tokens_text(speaker_tokens(subject, follow_sources=True)),
                cue=parent.lower_,
                quote=is_quoted(content, regions, quote_threshold),
                source_range=_bounds(subject),
                rule="reporting verb outside the clause",
                content=tuple(t.i for t in content),
                stance=stance_of(parent),
            )
        if node.dep_ not in {"conj", "advcl"}:
            break
        node = parent
    return Attribution()


def _semicolon_between(span: Span, token: Token) -> bool:
    """True when a semicolon stands between the span and a token outside it."""
    doc = span.doc
    lo, hi = (span.end, token.i) if token.i >= span.end else (token.i + 1, span.start)
    return any(t.text == ";" for t in doc[lo:hi])


def shared_frame(
    span: Span,
    sentence: Attribution,
    regions: Sequence[tuple[int, int]],
    *,
    quote_threshold: float = QUOTE_THRESHOLD,
) -> Attribution:
    """The sentence's attribution for a clause of it, when the clause is part of what the
    sentence's frame attributes ("A did X" in "A did X, and B did Y, officials said")."""
    if sentence.speaker is None or not sentence.content or sentence.rule == "label":
        return Attribution()  # a label ("what X dubbed …") names its own phrase, not the clause
    head = clause_head([t for t in span if not t.is_space])
    if head is None or head.i not in sentence.content:
        return Attribution()
    if sentence.source_range and _semicolon_between(span, span.doc[sentence.source_range[0]]):
        return Attribution()
    content = [span.doc[i] for i in sentence.content if span.start <= i < span.end]
    return Attribution(
        speaker=sentence.speaker,
        cue=sentence.cue,
        quote=is_quoted(content, regions, quote_threshold),
        source_range=sentence.source_range,
        rule="shared frame",
        content=tuple(t.i for t in content),
        stance=sentence.stance,
    )


def speaker_type(doc: Doc, source: tuple[int, int] | None, speaker: str | None) -> str | None:
    """What kind of speaker the source phrase names: "person", "organisation", "state",
    "group" or "document"; None without a speaker. Read from the phrase's head noun and
    entity labels, with the lexicon's state, role and source nouns."""
    if speaker is None:
        return None
    if source is None:  # a resolved pronoun or a continued quotation: a person named before
        return "person"
    phrase = [t for t in doc[source[0] : source[1]] if not t.is_punct]
    phrase = [t for t in phrase if t.lower_ not in {"according", "to"}] or phrase
    if not phrase:
        return None
    head = min(phrase, key=lambda t: sum(1 for a in t.ancestors if a in phrase))
    return _type_of_head(head, {t.ent_type_ for t in phrase})


def _type_of_head(head: Token, labels: set[str]) -> str:
    lemma = head.lemma_.lower()
    if head.lower_ in {"i", "he", "she"} or "PERSON" in labels or lemma in ROLE_NOUNS:
        return "person"
    if lemma in SOURCE_NOUNS:
        return "document"
    if lemma in STATE_NOUNS or labels & {"GPE", "NORP"}:
        return "state"
    if "ORG" in labels:
        return "organisation"
    if head.tag_ in {"NNS", "NNPS"} or head.lower_ in {"we", "they"}:
        return "group"
    return "person" if head.pos_ == "PROPN" else "organisation"


def resolve_speaker(attribution: Attribution, span: Span, *, window: int = 3) -> Attribution:
    """Replace a "he"/"she"/"it" speaker by what it obviously stands for, if anything."""
    if attribution.source_range is None:
        return attribution
    start, end = attribution.source_range
    pronoun = span.doc[start]
    if end - start != 1 or pronoun.lower_ not in {"he", "she", "it"}:
        return attribution
    person = resolve_pronoun(pronoun, span, window=window)
    if person is None:
        return attribution
    return replace(attribution, speaker=person)


def attribute_units(
    units: Sequence[Span],
    *,
    resolve_pronouns: bool = True,
    pronoun_window: int = 3,
    quote_threshold: float = QUOTE_THRESHOLD,
) -> list[Attribution]:
    """Attribution for each claim unit of one Doc: its own frame, else its sentence's frame;
    then pronoun speakers resolved and quotations continued across sentences."""
    if not units:
        return []
    regions = quote_regions(units[0].doc.text)
    sentences: dict[tuple[int, int], Attribution] = {}
    found: list[Attribution] = []
    for unit in units:
        attribution = find_attribution(unit, regions, quote_threshold=quote_threshold)
        sentence = sentence_of(unit) if attribution.speaker is None else unit
        key = (sentence.start, sentence.end)
        if key != (unit.start, unit.end):  # a clause of a longer sentence: look outside it
            attribution = governing_frame(unit, regions, quote_threshold=quote_threshold)
            if attribution.speaker is None:
                if key not in sentences:
                    sentences[key] = find_attribution(
                        sentence, regions, quote_threshold=quote_threshold
                    )
                attribution = shared_frame(
                    unit, sentences[key], regions, quote_threshold=quote_threshold
                )
        if resolve_pronouns:
            attribution = resolve_speaker(attribution, unit, window=pronoun_window)
        found.append(attribution)
    result = list(found)
    for i, (unit, attribution) in enumerate(zip(units, found, strict=True)):
        if attribution.speaker is not None or not regions:
            continue
        region = _region_of(unit, regions)
        if region is None or (region[0] >= unit.start_char and region[1] <= unit.end_char):
            continue  # not quoted, or a quotation the sentence itself contains
        for other, source in zip(units, found, strict=True):
            overlaps = other.start_char < region[1] and other.end_char > region[0]
            if other is not unit and overlaps and source.speaker and source.quote:
                result[i] = Attribution(
                    source.speaker, source.cue, True, None, "quote continued", stance=source.stance
                )
                break
    return result


# --------------------------------------------------------------------------- component


def install_extensions() -> None:
    """Install the span extensions this module assigns (once); ``span._.content`` and
    ``span._.insertions`` are declared in :mod:`~workbench.splitting.tokens`."""
    for name, default in (
        ("speaker", None),
        ("source_range", None),
        ("attribution_cue", None),
        ("quote", False),
        ("stance", "asserts"),
        ("speaker_type", None),
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


install_extensions()


class AttributionComponent:
    """spaCy component: set speaker, cue, quote and attributed content on every claim unit."""

    def __init__(self, *, resolve_pronouns: bool, pronoun_window: int, quote_threshold: float):
        self.resolve_pronouns = resolve_pronouns
        self.pronoun_window = pronoun_window
        self.quote_threshold = quote_threshold

    def __call__(self, doc: Doc) -> Doc:
        units = doc._.claim_spans
        found = attribute_units(
            units,
            resolve_pronouns=self.resolve_pronouns,
            pronoun_window=self.pronoun_window,
            quote_threshold=self.quote_threshold,
        )
        for unit, attribution in zip(units, found, strict=True):
            unit._.speaker = attribution.speaker
            unit._.source_range = attribution.source_range
            unit._.attribution_cue = attribution.cue
            unit._.quote = attribution.quote
            unit._.content = attribution.content
            unit._.insertions = attribution.insertions
            unit._.stance = attribution.stance
            unit._.speaker_type = speaker_type(doc, attribution.source_range, attribution.speaker)
        return doc


@Language.factory(
    "workbench_attribution",
    default_config={
        "resolve_pronouns": True,
        "pronoun_window": 3,
        "quote_threshold": QUOTE_THRESHOLD,
    },
    assigns=[
        "span._.speaker",
        "span._.source_range",
        "span._.attribution_cue",
        "span._.quote",
        "span._.content",
        "span._.insertions",
        "span._.stance",
        "span._.speaker_type",
    ],
    requires=["doc._.claim_bounds"],
)
def make_attribution(
    nlp: Language,
    name: str,
    *,
    resolve_pronouns: bool,
    pronoun_window: int,
    quote_threshold: float,
) -> AttributionComponent:
    """Factory for :class:`AttributionComponent`."""
    return AttributionComponent(
        resolve_pronouns=resolve_pronouns,
        pronoun_window=pronoun_window,
        quote_threshold=quote_threshold,
    )
