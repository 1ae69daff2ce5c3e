"""Who asserts a claim: speaker, reporting cue and whether the content is a direct quote.

Rules, tried in this order on one claim span (pure functions over spaCy Tokens):

1. reporting verb — the subject of a reporting verb (say, tell, add, warn, …) that governs
   the span: the span's root, a ``parataxis`` of it ("The deal, he said, is dead"), a
   reporting verb after a comma that the parser hung below the root ("…, said X"), or a
   reporting verb coordinated with one of those ("said … and warned …"). A reporting verb in
   a subordinate clause ("Although X has said it is neutral, it has shipped …") does not
   govern the sentence: the main clause is the article's own assertion.
2. "according to X" — a source document ("a statement from X", "X's report") resolves to
   its issuer X.
3. "figures from X show" — a source noun with an issuer and an evidential verb, also
   matched on the surface when the parser mangles it.
4. labelling — "what X have dubbed …", "… has been branded … by X".

The speaker is the subject's noun phrase without leading determiners, relative clauses or
appositions; between a phrase and its apposition the proper name wins ("Osterlich's foreign
minister, Karl Brandt" → "Karl Brandt"). A "he"/"she" speaker is resolved to the most recent
person in the preceding sentences when that is obvious. A sentence wholly inside a quotation
that another sentence of the same quotation attributes inherits that speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.pipeline import PARAGRAPH_BREAK, recent_person

REPORTING_VERBS = frozenset(
    {
        "acknowledge",
        "add",
        "admit",
        "agree",
        "allege",
        "announce",
        "answer",
        "argue",
        "assert",
        "believe",
        "boast",
        "caution",
        "claim",
        "comment",
        "complain",
        "concede",
        "conclude",
        "confirm",
        "contend",
        "counter",
        "declare",
        "deny",
        "disclose",
        "doubt",
        "emphasise",
        "emphasize",
        "estimate",
        "explain",
        "fear",
        "forecast",
        "hint",
        "hope",
        "insist",
        "maintain",
        "note",
        "observe",
        "pledge",
        "predict",
        "promise",
        "quip",
        "recall",
        "reckon",
        "reiterate",
        "remark",
        "reply",
        "report",
        "respond",
        "retort",
        "reveal",
        "say",
        "signal",
        "speculate",
        "state",
        "stress",
        "suggest",
        "tell",
        "testify",
        "think",
        "threaten",
        "tweet",
        "underline",
        "urge",
        "vow",
        "warn",
        "write",
    }
)
LABELING_VERBS = frozenset({"dub", "brand", "label", "nickname", "term", "call", "christen"})
EVIDENTIAL_VERBS = frozenset({"show", "suggest", "indicate", "reveal", "confirm", "find"})
EVIDENTIAL_FORMS = frozenset(
    {
        "show",
        "shows",
        "showed",
        "shown",
        "suggest",
        "suggests",
        "suggested",
        "indicate",
        "indicates",
        "indicated",
        "reveal",
        "reveals",
        "revealed",
        "confirm",
        "confirms",
        "confirmed",
        "found",
    }
)
#: Nouns for documents and data that speak for whoever issued them.
SOURCE_NOUNS = frozenset(
    {
        "analysis",
        "assessment",
        "briefing",
        "census",
        "communique",
        "count",
        "data",
        "datum",
        "document",
        "estimate",
        "figure",
        "filing",
        "finding",
        "letter",
        "memo",
        "note",
        "poll",
        "readout",
        "record",
        "release",
        "report",
        "research",
        "statement",
        "statistic",
        "statistics",
        "study",
        "survey",
        "tally",
        "transcript",
    }
)
ISSUER_PREPOSITIONS = frozenset({"from", "by"})
RELATIVE_WORDS = frozenset({"who", "whom", "which", "that", "what", "whoever"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "several"})
OPENING_QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’"}
PHRASE_PUNCT = frozenset({",", "(", ")", "—", "–", ";", ":", *OPENING_QUOTES, "”", "»", "’"})
DROPPED_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "parataxis"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


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


@dataclass(frozen=True)
class _Match:
    speaker: list[Token]  # tokens of the speaker phrase, in order
    source: tuple[int, int]  # token offsets of the whole source phrase
    cue: str
    content: list[Token]  # tokens carrying what is attributed
    rule: str
    may_quote: bool = True


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
                if ch in OPENING_QUOTES:
                    open_at, closer = i, OPENING_QUOTES[ch]
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
    for child in head.children:
        if child.dep_ in DROPPED_DEPS:
            dropped.update(t.i for t in child.subtree)
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
    """Text of ``tokens`` joined with their own trailing whitespace."""
    return "".join(t.text_with_ws for t in tokens).strip()


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
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _comma_before(token: Token) -> bool:
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in {",", '"', "”", "’"}


def governs(verb: Token, span: Span) -> bool:
    """True when ``verb`` frames the whole span rather than a subordinate part of it."""
    root = span.root
    if verb == root:
        return True
    if verb.head == root and verb.dep_ == "parataxis":
        return True
    if verb.head == root and verb.dep_ in {"ccomp", "advcl"} and verb.i > root.i:
        return _comma_before(verb)
    if verb.dep_ == "conj" and verb.head.lemma_ in REPORTING_VERBS:
        return governs(verb.head, span)
    return False


def _content_of(verb: Token, span: Span, exclude: set[int]) -> list[Token]:
    content: list[Token] = []
    if verb.dep_ in {"parataxis", "ccomp", "advcl"} and verb.head == span.root:
        inner = {t.i for t in verb.subtree}
        return [t for t in span if t.i not in inner and t.i not in exclude]
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp", "parataxis"}:
            content.extend(child.subtree)
        if child.dep_ == "conj" and child.lemma_ in REPORTING_VERBS:
            content.extend(_content_of(child, span, exclude))
    return [t for t in content if t.i not in exclude]


def reporting_verb_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Reporting verbs: "X said/told/warned (that) …", "…, said X", "X has said it is …"."""
    for verb in span:
        if verb.lemma_ not in REPORTING_VERBS or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if not governs(verb, span):
            continue
        subject = _subject(verb)
        if subject is None:
            continue
        speaker = speaker_tokens(subject, follow_sources=True)  # "a statement from X said"
        frame = {t.i for t in subject.subtree} | {verb.i}
        content = _content_of(verb, span, frame)
        if not content:  # "…," she said — the parser may not link the quote
            content = [t for t in span if t.i not in frame and in_quotes(t, regions)]
        if not any(t.is_alpha for t in content):
            continue
        cue = verb.lower_
        particles = [c for c in verb.children if c.dep_ == "prt"]
        if particles:
            cue = f"{cue} {particles[0].lower_}"
        return _Match(speaker, _bounds(subject), cue, content, "reporting verb")
    return None


def according_to_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Sources: "according to X", with a source document resolved to its issuer."""
    for token in span:
        if token.lower_ != "according" or token.i + 1 >= span.end:
            continue
        to = token.doc[token.i + 1]
        if to.lower_ != "to":
            continue
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            continue
        speaker = speaker_tokens(objects[0], follow_sources=True)
        inner = {t.i for t in token.subtree} | {t.i for t in to.subtree}
        content = [t for t in span if t.i not in inner]
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


def evidential_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Evidence: "figures from X show …", "…, figures from X show", even when misparsed."""
    doc = span.doc
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
    for noun in span:  # surface pattern: SOURCE-NOUN from|by ISSUER VERB
        if noun.lemma_.lower() not in SOURCE_NOUNS or noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        if noun.i + 2 >= span.end or doc[noun.i + 1].lower_ not in {"from", "by"}:
            continue
        k = _evidential_verb_after(noun, span)
        if k is None:
            continue
        start = _np_start(noun, span)
        after = [t for t in doc[k + 1 : span.end] if not t.is_punct]
        at_start = start == span.start
        after_comma = start > span.start and doc[start - 1].text == ","
        if not ((at_start and after) or (after_comma and not after)):
            continue
        issuer = list(doc[noun.i + 2 : k])
        while issuer and issuer[0].lower_ in DETERMINERS:
            issuer.pop(0)
        content = [t for t in span if not start <= t.i <= k]
        return _Match(issuer, (start, k), doc[k].lower_, content, "evidential")
    return None


def labeling_rule(span: Span, regions: Sequence[tuple[int, int]]) -> _Match | None:
    """Labels: "what X have dubbed …", "X branded the scheme a land grab", "… by X"."""
    for verb in span:
        if verb.lemma_ not in LABELING_VERBS or verb.pos_ != "VERB":
            continue
        children = list(verb.children)
        agent = [c for c in children if c.dep_ == "agent"]
        if agent:
            objects = [c for c in agent[0].children if c.dep_ == "pobj"]
            if objects:
                speaker = speaker_tokens(objects[0])
                return _Match(speaker, _bounds(agent[0]), verb.lower_, list(span), "label", False)
        objects = [c for c in children if c.dep_ == "dobj"]
        labelled = (
            any(c.dep_ == "oprd" for c in children)
            or any(c.lower_ in {"what", "which"} for c in objects)
            or len(objects) >= 2  # "branded the scheme a land grab"
        )
        subject = _subject(verb)
        if labelled and subject is not None:
            speaker = speaker_tokens(subject)
            return _Match(speaker, _bounds(subject), verb.lower_, list(span), "label", False)
    return None


RULES = (reporting_verb_rule, according_to_rule, evidential_rule, labeling_rule)


def find_attribution(
    span: Span,
    regions: Sequence[tuple[int, int]] | None = None,
    *,
    quote_threshold: float = 0.6,
) -> Attribution:
    """Apply the attribution rules to one span (no look-back across sentences).

    ``regions`` are the quotation ranges of ``span.doc.text`` (see :func:`quote_regions`);
    ``quote`` is True when at least ``quote_threshold`` of the attributed content's words
    are inside quotation marks.
    """
    if regions is None:
        regions = quote_regions(span.doc.text)
    for rule in RULES:
        match = rule(span, regions)
        if match is None or not match.speaker:
            continue
        words = [t for t in match.content if t.is_alpha]
        quoted = sum(in_quotes(t, regions) for t in words)
        quote = match.may_quote and bool(words) and quoted / len(words) >= quote_threshold
        return Attribution(
            speaker=tokens_text(match.speaker),
            cue=match.cue,
            quote=quote,
            source_range=match.source,
            rule=match.rule,
        )
    return Attribution()


def resolve_pronoun(attribution: Attribution, span: Span, *, window: int = 3) -> Attribution:
    """Replace a "he"/"she" speaker by the most recent obvious person, if there is one."""
    if attribution.source_range is None:
        return attribution
    start, end = attribution.source_range
    if end - start != 1 or span.doc[start].lower_ not in {"he", "she"}:
        return attribution
    person = recent_person(span.doc, span.start, window=window)
    if person is None:
        return attribution
    return Attribution(person, attribution.cue, attribution.quote, (start, end), attribution.rule)


def attribute_units(
    units: Sequence[Span],
    *,
    resolve_pronouns: bool = True,
    pronoun_window: int = 3,
    quote_threshold: float = 0.6,
) -> list[Attribution]:
    """Attribution for each unit of one Doc, with pronoun resolution and quote continuation."""
    if not units:
        return []
    regions = quote_regions(units[0].doc.text)
    found = [find_attribution(u, regions, quote_threshold=quote_threshold) for u in units]
    if resolve_pronouns:
        found = [
            resolve_pronoun(a, u, window=pronoun_window) for a, u in zip(found, units, strict=True)
        ]
    result = list(found)
    for i, (unit, attribution) in enumerate(zip(units, found, strict=True)):
        if attribution.speaker is not None:
            continue
        region = _region_of(unit, regions)
        if region is None or (region[0] >= unit.start_char and region[1] <= unit.end_char):
            continue  # not quoted, or a quotation the sentence itself contains
        for other, source in zip(units, found, strict=True):
            overlaps = other.start_char < region[1] and other.end_char > region[0]
            if other is not unit and overlaps and source.speaker and source.quote:
                result[i] = Attribution(source.speaker, source.cue, True, None, "quote continued")
                break
    return result


# --------------------------------------------------------------------------- component


def install_extensions() -> None:
    """Install the span extensions this module assigns (once)."""
    for name, default in (
        ("speaker", None),
        ("source_range", None),
        ("attribution_cue", None),
        ("quote", False),
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


install_extensions()


class AttributionComponent:
    """spaCy component: set speaker, cue and quote on every claim unit."""

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
        return doc


@Language.factory(
    "workbench_attribution",
    default_config={"resolve_pronouns": True, "pronoun_window": 3, "quote_threshold": 0.6},
    assigns=["span._.speaker", "span._.source_range", "span._.attribution_cue", "span._.quote"],
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
