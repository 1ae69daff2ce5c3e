"""Who asserts a claim: speaker, reporting cue, what is attributed and whether it is a quote.

Works on the atomic claim spans of :mod:`~workbench.splitting.clauses`. Rules, tried in this
order on one claim span (pure functions over spaCy Tokens):

1. reporting verb — the subject of a reporting verb (say, tell, add, argue, claim, warn, …)
   that governs the span: the span's root, a ``parataxis`` of it ("The deal, he said, is
   dead"), a reporting verb after a comma that the parser hung below the root ("…, said X"), a
   bare frame opened by "as" before or after it ("As the mayor said, …"), or a reporting verb
   coordinated with one of those ("said … and warned …", also when the
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
Halvard") without leading determiners, appositions, or relative clauses other than one that
says which one a common noun is ("the engineer the mayor hired"); between a phrase and
its apposition the proper name wins ("Osterlich's foreign minister, Karl Brandt" → "Karl
Brandt"). A "he"/"she" speaker is resolved to the person named earlier in the sentence, else
to the most recent person in the preceding sentences, when that is obvious. A sentence wholly
inside a quotation that another sentence of the same quotation attributes inherits that speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.attribution_rules import RULES, TRIGGERS
from workbench.splitting.frame_shapes import asks_for, asks_someone
from workbench.splitting.lexicon import (
    AUX_DEPS,
    NORMATIVE_MODALS,
    QUESTION_WORDS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    SPECULATIVE_MODALS,
    STANCE_BY_VERB,
    STATE_NOUNS,
)
from workbench.splitting.pronouns import resolve_pronoun
from workbench.splitting.speaker_phrases import speaker_tokens, tokens_text
from workbench.splitting.speech import (
    QUOTE_THRESHOLD,
    Attribution,
    denied_propositions,
    frame_subject,
    in_quotes,
    phrase_bounds,
    quote_regions,
    region_of,
)
from workbench.splitting.tokens import (
    clause_head,
    is_finite,
    is_paragraph_break,
    label_tokens,
    refers_to_addressee,
    subject_of,
)


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
        if match.verb is not None and _negated(match.verb) and match.rule != "no comment":
            return Attribution()  # "X did not say that …": X says nothing; the article does
        if match.verb is not None and _unsaid(match.verb):
            return Attribution()  # "X should explain …", "X may say …": nothing said yet
        if match.verb is not None and asks_for(match.verb):
            return Attribution()  # "I asked for a commission to …": a request, no question
        content = [t for t in match.content if span.start <= t.i < span.end]
        shared = Span.has_extension("borrowed_subject") and span._.borrowed_subject is not None
        keep_frame = not match.insertions and not is_full_clause(content, shared_subject=shared)
        keep_frame = keep_frame or match.frame_stays  # "announced new measures, which …"
        keep_frame = keep_frame or (match.verb is not None and asks_someone(match.verb))
        if match.verb is not None and refers_to_addressee(match.verb, content):
            # "promised seniors that their benefits …": whose they are (in a quotation the
            # addressee is "you")
            keep_frame = keep_frame or not is_quoted(content, regions, quote_threshold)
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
    governed |= {c.i for c in denied_propositions(verb)}
    if head is None or head.i not in governed:
        return "asserts"
    return stance_of(verb)


#: Stances a claim keeps when its wording keeps the frame ("The ministry asked whether …"):
#: a denial is not one of them, since the kept verb already says it.
FRAMED_STANCES = frozenset({"questions", "predicts", "believes", "hopes", "fears"})


def _negated(verb: Token) -> bool:
    """Whether the verb is denied: by a negation of its own, or as a bare verb sharing the
    auxiliary and the negation of the verb it is coordinated with ("did not attack her or
    call her 'disgusting'")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    shares = verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.tag_ == "VB"
    own = subject_of(verb) is not None or any(c.dep_ in AUX_DEPS for c in verb.children)
    return shares and not own and _negated(verb.head)


#: modals under which a reporting verb reports nothing said: obligation and speculation
UNSAID_MODALS = NORMATIVE_MODALS | SPECULATIVE_MODALS


def _unsaid(verb: Token) -> bool:
    """A reporting verb under a modal of obligation or speculation ("should indicate",
    "might say"): what someone ought to or may say, not what they said. Not "I must say",
    "may I say", by which a speaker says it."""
    subject = subject_of(verb)
    if subject is not None and subject.lower_ == "i":
        return False
    return any(c.dep_ == "aux" and c.lower_ in UNSAID_MODALS for c in verb.children)


def is_full_clause(tokens: Sequence[Token], *, shared_subject: bool = False) -> bool:
    """True when the head of ``tokens`` is a finite verb with its subject (or one sharing the
    subject its clause copies), not introduced by "whether"/"if" or a question word: content
    that reads as a sentence without its reporting frame ("vowed to …", "whether it will …",
    "where he stands" do not)."""
    head = clause_head(tokens)
    if head is None or not is_finite(head):
        return False
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in head.children):
        return False
    subject = subject_of(head)
    if _asks(tokens, subject):
        return False
    if subject is None:
        return shared_subject and head.dep_ == "conj"
    return any(t.i == subject.i for t in tokens)


def _asks(tokens: Sequence[Token], subject: Token | None) -> bool:
    """Whether content opens with a question word outside its subject: "where he believes
    …", "why it is that …" ask; "what matters is …" states (the word is in the subject)."""
    first = next((t for t in tokens if not t.is_punct), None)
    if first is None or first.lower_ not in QUESTION_WORDS:
        return False
    return subject is None or first.i not in {t.i for t in subject.subtree}


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
                source_range=phrase_bounds(subject),
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
    if head.pos_ == "PROPN":  # a name is typed by itself: "Regina Ip from the pro-X camp"
        after = {t.i for c in head.children if c.dep_ == "prep" for t in c.subtree}
        phrase = [t for t in phrase if t.i not in after]
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
        region = region_of(unit, regions)
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
