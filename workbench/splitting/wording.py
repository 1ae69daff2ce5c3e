"""WORDING_DOC"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.entities import ents_of
from workbench.splitting.lexicon import (
    AUX_DEPS,
    CLOSING_QUOTES,
    END_MARKS,
    NAMED_NON_PERSON,
    PERSONS,
    SUBJECT_DEPS,
)
from workbench.splitting.pronouns import names_someone, resolve_pronoun
from workbench.splitting.report_scene import scene_edges
from workbench.splitting.speaker_phrases import says_which
from workbench.splitting.tokens import (
    _sentence_start,
    clause_head,
    skip_discourse_marker,
    subject_of,
)
from workbench.splitting.wording_tokens import (
    close_gaps,
    end_mark,
    join_tokens,
    strip_quotes,
    subject_words,
    verbatim,
)


@dataclass(frozen=True)
class Wording:
    """A claim's stand-alone wording, and the names it gives a subject the span leaves to a
    pronoun or to an earlier clause ("it has provided" → "China has provided": ("China",))."""

    text: str
    subject_names: tuple[str, ...] = ()


def standalone_wording(span: Span, **options: Any) -> str:
    """The stand-alone wording of one claim span: :func:`claim_wording`'s text."""
    return claim_wording(span, **options).text


def claim_wording(
    span: Span,
    *,
    speaker: str | None = None,
    quote: bool = False,
    content: Collection[int] | None = None,
    insertions: Iterable[tuple[int, str]] = (),
    source: tuple[int, int] | None = None,
    stance: str = "asserts",
    dropped: Iterable[tuple[int, int]] = (),
) -> Wording:
    """The stand-alone wording of one claim span (see the module docstring).

    ``content`` holds the doc token indices of what the speaker is reported to assert (the
    whole span when None); ``insertions`` are words to add after a token ("is" in "X called Y
    a Z" → "Y is a Z"); ``source`` the token bounds of the phrase naming the speaker. In
    reported speech, "his"/"her" in the content's subject is the speaker's when the speaker is
    the only person the sentence names ("Karl Brandt warned that his government could …" →
    "Karl Brandt's government could …"). The wording ends with the sentence's end mark; the
    words are the span's own apart from a resolved pronoun, a copied subject or an insertion.
    When the speaker denies the content (``stance`` "denies"), the wording says what they
    say: the clause negated ("denied that any protesters had been detained" → "No protesters
    had been detained"), see :func:`negation`.
    """
    borrowed = span._.borrowed_subject if Span.has_extension("borrowed_subject") else None
    tokens = _span_tokens(span, content)
    cut = [range(a, b) for a, b in dropped]
    if cut:  # appositive labels, claims of their own
        tokens = [t for t in tokens if not any(t.i in r for r in cut)]
    elif content is None and not insertions and borrowed is None and verbatim(tokens):
        return Wording(span.text)
    tokens = _claim_tokens(tokens)
    if not any(t.is_alpha or t.is_digit for t in tokens):
        return Wording(span.text)
    tokens, finite = absolute_as_finite(tokens)
    subject, replace, prefix = _subject_wording(
        span, tokens, borrowed, speaker=speaker, quote=quote, source=source
    )
    if speaker and content is not None and not quote and subject is not None:
        replace.update(_speaker_possessives(span, tokens, subject, speaker, source))
    replace.update(finite)
    added = dict(insertions)
    if added and tokens:  # "X called her a liar" → "She is a liar"
        replace.update(_nominative(tokens[0]))
    if stance == "denies" and content is not None and not quote:  # a quote is their own words
        dropped, negated, inserted = negation(tokens)
        tokens = [t for t in tokens if t.i not in dropped]
        replace.update(negated)
        added.update(inserted)
    wording = join_tokens(tokens, replace, added)
    if prefix:
        wording = f"{prefix} {wording}"
    names: tuple[str, ...] = ()
    if subject is not None and subject.i in replace and subject.pos_ == "PRON":
        names = (replace[subject.i],)
    elif prefix and borrowed is not None:
        names = _names_in(span.doc[borrowed[0] : borrowed[1]])
    return Wording(_capitalised(_with_end_mark(wording.rstrip(), span)), names)


def _nominative(token: Token) -> dict[int, str]:
    """An object pronoun made a subject ("them" → "they"), or nothing."""
    person = PERSONS.get(token.lower_) if token.tag_ == "PRP" else None
    if person is None or person == token.lower_:
        return {}
    return {token.i: "I" if person == "i" else person}


def _names_in(phrase: Span) -> tuple[str, ...]:
    """The named entities of a borrowed subject ("Long-time allies China and Russia")."""
    names = [ent.text for ent in ents_of(phrase)]
    if not names and len(phrase) == 1 and phrase[0].pos_ == "PRON":
        found = resolve_pronoun(phrase[0], phrase)
        names = [found] if found else []
    return tuple(names)


def absolute_as_finite(tokens: list[Token]) -> tuple[list[Token], dict[int, str]]:
    """An absolute "with" clause as a sentence: "with both leaders having been rendered
    pariahs" → "both leaders have been rendered pariahs", "with the three forming part of …"
    → "the three are forming part of …", "with more bodies recovered" → "more bodies were
    recovered". The tokens without "with", and the verb's new form."""
    if len(tokens) < 3 or tokens[0].lower_ != "with":
        return tokens, {}
    rest = tokens[1:]
    participle = next((t for t in rest[1:8] if t.tag_ == "VBG"), None)
    # "with more bodies recovered": a past form heading the clause is a participle, whatever
    # the tagger says; one that only describes the subject ("90 percent polled") is not
    head = next((t for t in rest if t.head.i == tokens[0].i and t.dep_ == "pcomp"), None)
    if head is not None and head.tag_ in {"VBN", "VBD"}:
        participle = head if participle is None or head.i < participle.i else participle
    if participle is None:
        return tokens, {}
    before = [t for t in rest if t.i < participle.i]
    if not all(t.pos_ in NOUN_PHRASE_POS for t in before):
        return tokens, {}  # only the subject's words stand before the participle
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in before):
        return tokens, {}
    plural = any(t.tag_ in {"NNS", "NNPS", "CD"} or t.dep_ == "conj" for t in before)
    main = tokens[0].head.head if tokens[0].dep_ == "mark" else tokens[0].head
    past = main.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in main.children
    )
    return rest, {participle.i: finite_form(participle, plural=plural, past=past)}


NOUN_PHRASE_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON", "CCONJ", "PART"})


def finite_form(participle: Token, *, plural: bool, past: bool = False) -> str:
    """A participle made finite in the tense of the sentence it hangs on: "having" → "have",
    "has" or "had"; "being" → "are", "is", "were" or "was"; another "-ing" form keeps its
    aspect behind the copula ("rising" → "are rising", "were rising")."""
    lower = participle.lower_
    if lower == "having":
        return "had" if past else ("have" if plural else "has")
    copula = ("were" if plural else "was") if past else ("are" if plural else "is")
    if lower == "being":
        return copula
    return f"{copula} {participle.text}"


_NEGATIVE_FORMS = {"any": "no", "anyone": "no one", "anybody": "nobody", "anything": "nothing"}
_DO_SUPPORT = {"VBD": "did not", "VBZ": "does not", "VBP": "do not"}


def negation(tokens: Sequence[Token]) -> tuple[set[int], dict[int, str], dict[int, str]]:
    """How to say the opposite of the clause in ``tokens``: (tokens to drop, replacements,
    words to insert after a token), all empty when the clause has no form we can negate.

    "any"/"anyone"/"anything" in the subject become "no"/"no one"/"nothing"; a negation
    already there is dropped ("denied that it had not paid" → "it had paid"); otherwise
    "not" follows the first auxiliary or the copula, or "did/does/do not" takes the verb.
    """
    head = clause_head(tokens)
    if head is None:
        return set(), {}, {}
    inside = {t.i for t in tokens}
    subject = subject_of(head)
    if subject is not None:
        for token in subject.subtree:
            if (
                token.i in inside
                and token.lower_ in _NEGATIVE_FORMS
                and token.dep_
                in (
                    "det",
                    *SUBJECT_DEPS,
                )
            ):
                word = _NEGATIVE_FORMS[token.lower_]
                return set(), {token.i: word.capitalize() if token.is_title else word}, {}
    negations = {c.i for c in head.children if c.dep_ == "neg" and c.i in inside}
    if negations:
        return negations, {}, {}
    auxiliaries = sorted(
        (c for c in head.children if c.dep_ in AUX_DEPS and c.i in inside), key=lambda t: t.i
    )
    if auxiliaries:
        return set(), {}, {auxiliaries[0].i: "not"}
    if head.lemma_ == "be":
        return set(), {}, {head.i: "not"}
    if head.tag_ in _DO_SUPPORT:
        return set(), {head.i: f"{_DO_SUPPORT[head.tag_]} {head.lemma_}"}, {}
    return set(), {}, {}


def _span_tokens(span: Span, content: Collection[int] | None) -> list[Token]:
    """The span's tokens without whitespace, only those in ``content`` when it is given."""
    if content is None:
        return [t for t in span if not t.is_space]
    doc = span.doc
    tokens = [doc[i] for i in sorted(content) if span.start <= i < span.end]
    return [t for t in tokens if not t.is_space]


def _claim_tokens(tokens: list[Token]) -> list[Token]:
    """The tokens without a leading discourse marker or "that", frame gaps and quotation."""
    tokens = tokens[skip_discourse_marker(tokens) :]
    if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
        tokens = tokens[1:]
    edges = scene_edges(tokens)
    tokens = close_gaps(tokens, edges)
    # the reported clause's "that" right after the frame, when a phrase put before the frame
    # comes first ("Unless the talks resume, officials warned that …")
    kept: list[Token] = []
    for token in tokens:
        after_edge = bool(kept) and kept[-1].i in edges
        if after_edge and token.dep_ == "mark" and token.lower_ == "that":
            continue
        if after_edge and kept[-1].text == token.text == ",":  # "that, yes, …"
            continue
        kept.append(token)
    return strip_quotes(kept)


def _subject_wording(
    span: Span,
    tokens: Sequence[Token],
    borrowed: tuple[int, int] | None,
    *,
    speaker: str | None,
    quote: bool,
    source: tuple[int, int] | None,
) -> tuple[Token | None, dict[int, str], str]:
    """The clause's subject, the replacement of a subject pronoun it resolves to, and the
    borrowed subject to put before a clause that has none."""
    replace: dict[int, str] = {}
    prefix = ""
    head = clause_head(tokens)
    subject = subject_of(head) if head is not None else None
    if subject is not None and subject.pos_ == "PRON" and subject.i in {t.i for t in tokens}:
        found = resolve_pronoun(subject, span, speaker=speaker, quote=quote, source=source)
        if found is not None:
            replace[subject.i] = found
    elif subject is None and borrowed is not None and head is not None and head.i >= span.start:
        prefix = _borrowed_prefix(span, borrowed, speaker=speaker, quote=quote, source=source)
    return subject, replace, prefix


def _borrowed_prefix(
    span: Span,
    borrowed: tuple[int, int],
    *,
    speaker: str | None,
    quote: bool,
    source: tuple[int, int] | None,
) -> str:
    """The borrowed subject's words to put before the clause, a lone pronoun resolved when
    it can be."""
    words = subject_words(span.doc[borrowed[0] : borrowed[1]])
    prefix = join_tokens(words, {}, {})
    if len(words) == 1 and words[0].pos_ == "PRON":
        found = resolve_pronoun(words[0], span, speaker=speaker, quote=quote, source=source)
        prefix = found or prefix
    return prefix


def _speaker_possessives(
    span: Span,
    tokens: Sequence[Token],
    subject: Token,
    speaker: str,
    source: tuple[int, int] | None,
) -> dict[int, str]:
    """Replacements of "his"/"her" in the subject by the speaker's name in the possessive,
    when the speaker is the only person the sentence names; of "its" when the speaker is a
    named state or organisation and no other is named before it ("Moscow denied that its
    troops …" → "Moscow's troops …")."""
    replace: dict[int, str] = {}
    inside = {t.i for t in tokens}
    for token in subject.subtree:
        if token.tag_ != "PRP$" or token.i not in inside:
            continue
        if (
            token.lower_ in {"his", "her"}
            and _only_person_is_speaker(span, source)
            and not _named_subject_between(span, source, token.i)
        ) or (token.lower_ == "its" and _only_body_before_is_speaker(span, source, token.i)):
            replace[token.i] = f"{speaker}'s"
    return replace


def _named_subject_between(span: Span, source: tuple[int, int] | None, position: int) -> bool:
    """True when a name is the subject of a clause between the speaker and token
    ``position``: "Soufan told NPR Hamza bin Laden had appeared … and his father …" may
    mean either man's father."""
    if source is None:
        return False
    doc = span.doc
    return any(t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" for t in doc[source[1] : position])


def _only_body_before_is_speaker(span: Span, source: tuple[int, int] | None, position: int) -> bool:
    """True when the speaker phrase names a state or organisation and no other one is named
    in the sentence before token ``position``."""
    if source is None:
        return False
    doc = span.doc
    if not any(t.ent_type_ in NAMED_NON_PERSON for t in doc[source[0] : source[1]]):
        return False
    before = doc[_sentence_start(span) : position]
    return not any(
        ent.label_ in NAMED_NON_PERSON and not (source[0] <= ent.start and ent.end <= source[1])
        for ent in ents_of(before)
    )


def _with_end_mark(wording: str, span: Span) -> str:
    """The wording with the sentence's end mark added, unless it ends with one already
    (possibly inside a closing quotation mark)."""
    quoted_end = len(wording) > 1 and wording[-1] in CLOSING_QUOTES and wording[-2] in END_MARKS
    if wording and wording[-1] not in END_MARKS and not quoted_end:
        wording += end_mark(span)
    return wording


def _capitalised(wording: str) -> str:
    """The wording with its first letter upper-cased, unless a digit comes first."""
    for i, ch in enumerate(wording):
        if ch.isalpha():
            return wording[:i] + ch.upper() + wording[i + 1 :]
        if ch.isdigit():
            break
    return wording


def _only_person_is_speaker(span: Span, source: tuple[int, int] | None) -> bool:
    """True when the speaker phrase names a person (or is "he"/"she") and the sentence names
    no other person; not one a clause picks out ("the expert Mr. Perot hired")."""
    if source is None:
        return False
    doc = span.doc
    phrase = doc[source[0] : source[1]]
    if any(says_which(t) for t in phrase) or not (
        any(t.ent_type_ == "PERSON" for t in phrase)
        or names_someone(phrase)
        or (len(phrase) == 1 and phrase[0].lower_ in {"he", "she"})
    ):
        return False
    sent_start = _sentence_start(span)
    sent_end = doc[span.end - 1].sent.end if doc.has_annotation("SENT_START") else len(doc)
    return not any(
        ent.label_ == "PERSON" and not (source[0] <= ent.start and ent.end <= source[1])
        for ent in ents_of(doc[sent_start:sent_end])
    )


def label_wording(label: Span, anchor: tuple[int, int]) -> str:
    """The claim an appositive label makes about what it follows: "Mr Putin and Kim Jong Un
    are the two aggressors in the Ukraine war"."""
    doc = label.doc
    named = doc[anchor[0] : anchor[1]]
    head = named.root
    plural = head.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "conj" for t in named)
    words = " ".join(label.text.split())
    subject = named.text.strip()
    verb = next((t for t in label if t.dep_ == "relcl"), None)
    phrase = None
    if verb is not None:  # "a summit that commentators have dubbed a 'club'" → the summit is …
        phrase = next((c for c in verb.children if c.dep_ in {"oprd", "attr"}), None)
    if phrase is not None:  # (a relative clause without a naming phrase keeps the label whole)
        end = max(phrase.right_edge.i + 1, label.end if label[-1].is_quote else 0)
        words = " ".join(doc[phrase.left_edge.i : end].text.split())
        first = named[0]
        if first.lower_ in {"a", "an"}:
            subject = " ".join(["the", *(t.text for t in named[1:])])
    return _capitalised(f"{subject} {'are' if plural else 'is'} {words}.")


class WordingComponent:
    """spaCy component: set ``span._.standalone`` on every claim unit."""

    def __call__(self, doc: Doc) -> Doc:
        has_speaker = Span.has_extension("speaker")
        for unit in doc._.claim_spans:
            if unit._.label_anchor is not None:
                unit._.standalone = label_wording(unit, unit._.label_anchor)
                continue
            wording = claim_wording(
                unit,
                speaker=unit._.speaker if has_speaker else None,
                quote=bool(unit._.quote) if has_speaker else False,
                content=unit._.content,
                insertions=unit._.insertions,
                source=unit._.source_range if has_speaker else None,
                stance=unit._.stance if has_speaker else "asserts",
                dropped=unit._.dropped,
            )
            unit._.standalone = wording.text
            unit._.subject_names = wording.subject_names
        return doc


@Language.factory(
    "workbench_wording",
    assigns=["span._.standalone"],
    requires=["doc._.claim_bounds"],
)
def make_wording(nlp: Language, name: str) -> WordingComponent:
    """Factory for :class:`WordingComponent`."""
    return WordingComponent()
