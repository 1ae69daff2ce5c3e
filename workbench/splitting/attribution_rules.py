"""The attribution rules, tried in order on one claim span (see :mod:`.attribution`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from workbench.splitting.document_rules import passive_report_rule, published_finding_rule
from workbench.splitting.frame_shapes import as_frame
from workbench.splitting.lexicon import (
    CLOSING_QUOTES,
    DETERMINERS,
    EVIDENTIAL_FORMS,
    EVIDENTIAL_VERBS,
    LABEL_GROUNDS,
    LABELING_VERBS,
    OPENING_QUOTES,
    PERSONS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    STATE_NOUNS,
    SUBJECT_DEPS,
)
from workbench.splitting.speaker_phrases import speaker_tokens
from workbench.splitting.speech import (
    PHRASAL_PAIRS,
    Match,
    can_speak,
    carries_clause,
    content_of,
    denied_propositions,
    ends_span,
    frame_subject,
    governs,
    in_quotes,
    phrasal,
    phrase_bounds,
    set_aside,
    subject_clause_taken,
    verb_subject,
)
from workbench.splitting.view import doc_view


def reporting_verb_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
    """Reporting verbs: "X said/told/warned (that) …", "…, said X", "X has said it is …"."""
    for verb in span:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        if verb.lemma_ not in REPORTING_VERBS and not phrasal(verb):
            continue
        if not governs(verb, span):
            continue
        subject = frame_subject(verb)
        if subject is None:
            continue
        speaker = speaker_tokens(subject, follow_sources=True)  # "a statement from X said"
        frame = {t.i for t in subject.subtree} | {verb.i}
        content = [t for t in content_of(verb, span, frame) if span.start <= t.i < span.end]
        clause = carries_clause(verb)
        object_only = (
            bool(content)
            and not clause
            and not denied_propositions(verb)
            and not _bare_aside(verb, span)
        )
        if not content:  # "…," she said — the parser may not link the quote
            content = [t for t in span if t.i not in frame and in_quotes(t, regions)]
        if not any(t.is_alpha for t in content):
            continue
        cue = verb.lower_
        particles = [c for c in verb.children if c.dep_ == "prt"]
        if particles:
            cue = f"{cue} {particles[0].lower_}"
        elif phrasal(verb):
            cue = f"{cue} {verb.doc[verb.i + 1].lower_}"
        return Match(
            speaker,
            phrase_bounds(subject),
            cue,
            content,
            "reporting verb",
            verb=verb,
            frame_stays=object_only,
        )
    return None


SPEAKER_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "CCONJ", "PART"})
#: what may hang on a set-aside frame's verb besides its subject and a phrase of time: how
#: or when it was said ("said later", "said Monday", "has said")
SCENE_DEPS = frozenset({"npadvmod", "advmod", "aux"})


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


def trailing_frame_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
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
    return Match(speaker, (k + 1, end), verb.lower_, content, "trailing frame", verb=verb)


def according_to_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
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
        if not ends_span(to, span) and head.i != token.i and span.start <= head.i < span.end:
            scope = head.subtree if head.pos_ in {"VERB", "AUX"} else span
        content = [t for t in scope if t.i not in inner and span.start <= t.i < span.end]
        source = (token.i, max(to.right_edge.i, token.i + 1) + 1)
        return Match(speaker, source, "according to", content, "according to")
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


def _parsed_evidential(span: Span) -> Match | None:
    """ "figures from X show …" as parsed: an evidential verb governing the span with a
    source noun as its subject."""
    for verb in span:
        if verb.lemma_ not in EVIDENTIAL_VERBS or verb.pos_ != "VERB" or not governs(verb, span):
            continue
        subject = verb_subject(verb)
        if subject is None or subject.lemma_.lower() not in SOURCE_NOUNS:
            continue
        speaker = speaker_tokens(subject, follow_sources=True)
        frame = {t.i for t in subject.subtree} | {verb.i}
        content = content_of(verb, span, frame) or [t for t in span if t.i not in frame]
        return Match(speaker, phrase_bounds(subject), verb.lower_, content, "evidential", verb=verb)
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


def _surface_evidential(span: Span) -> Match | None:
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
        return Match(issuer, (start, k), doc[k].lower_, content, "evidential", verb=doc[k])
    return None


def evidential_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
    """Evidence: "figures from X show …", "…, figures from X show", even when misparsed."""
    match = _parsed_evidential(span)
    if match is not None:
        return match
    return _surface_evidential(span)


def _agent_label(verb: Token, span: Span) -> Match | None:
    """ "… has been branded … by X": the agent X labels, and the whole span is attributed."""
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if not agent:
        return None
    objects = [c for c in agent[0].children if c.dep_ == "pobj"]
    if not objects:
        return None
    speaker = speaker_tokens(objects[0])
    labelled = [c for c in verb.children if c.dep_ == "nsubjpass"]
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if labelled and predicates and verb.lemma_ in LABELING_VERBS:
        # "Y was called Z by X": X's characterisation "Y is Z", as in "X called Y Z"
        content, copula = _characterisation(labelled[0], predicates[0], span, predicates)
        start = predicates[0].left_edge.i  # the label, with its opening quotation mark
        if start > 0 and span.doc[start - 1].text in OPENING_QUOTES:
            start -= 1
        content = [t for t in content if not labelled[0].right_edge.i < t.i < start]
        return Match(
            speaker, phrase_bounds(agent[0]), verb.lower_, content, "label", True, copula, verb
        )
    return Match(
        speaker, phrase_bounds(agent[0]), verb.lower_, list(span), "label", False, verb=verb
    )


def _labelled_and_label(
    objects: Sequence[Token], predicates: Sequence[Token]
) -> tuple[Token, Token] | None:
    """The labelled object and its label in "X called Y a Z", if both are there."""
    if len(objects) >= 2:  # "branded the scheme a land grab"
        return objects[0], objects[1]
    if objects and predicates:
        return objects[0], predicates[0]
    return None


#: the persons a plural copula agrees with
PLURAL_PERSONS = frozenset({"we", "you", "they"})


def _characterisation(
    labelled: Token, label: Token, span: Span, predicates: Sequence[Token] = ()
) -> tuple[list[Token], tuple[tuple[int, str], ...]]:
    """Content "Y … Z" of "X called Y a Z" and the copula to insert after Y ("is"/"are"/
    "am"). The label runs to the last of the verb's predicates and its closing quotation
    mark: the parser may cut a hyphenated label ("a non-starter") into pieces hung on Y and
    the verb; and on to the ground given right after it ("cowards for leaving the city")."""
    doc = span.doc
    kept = [c.right_edge.i for c in labelled.rights if c.dep_ not in {"appos", "punct"}]
    labelled_end = max([labelled.i, *kept])
    label_end = max([label.right_edge.i, *(p.right_edge.i for p in predicates)])
    grounds = [
        c
        for c in label.head.children
        if c.dep_ == "prep" and c.lower_ in LABEL_GROUNDS and c.i == label_end + 1
    ]
    if grounds:
        label_end = grounds[0].right_edge.i
    while label_end + 1 < span.end and doc[label_end + 1].text in CLOSING_QUOTES:
        label_end += 1
    mark, closing = (doc[k].text if k < span.end else "" for k in (label_end + 1, label_end + 2))
    if mark in {".", ","} and closing in CLOSING_QUOTES:
        label_end += 2  # 'called Britain "the seat of all evil."': the quotation closes it
    content = [t for t in span if labelled.left_edge.i <= t.i <= label_end]
    person = PERSONS.get(labelled.lower_) if labelled.pos_ == "PRON" else None
    plural = labelled.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in labelled.children)
    word = "am" if person == "i" else "are" if plural or person in PLURAL_PERSONS else "is"
    return content, ((labelled_end, word),)


def _subject_label(verb: Token, span: Span) -> Match | None:
    """ "what X have dubbed …" (the whole span) or "X called Y a Z" (the characterisation)."""
    children = list(verb.children)
    # "branded him a traitor" may be read as a dative and an object
    objects = [c for c in children if c.dep_ in {"dobj", "dative"}]
    predicates = [c for c in children if c.dep_ == "oprd"]
    if not objects and len(predicates) >= 2:  # "called Britain "the seat of …"": both read
        objects, predicates = predicates[:1], predicates[1:]  # as labels, the first is Y
    free_relative = any(c.lower_ in {"what", "which"} for c in objects)
    subject = verb_subject(verb)
    if subject is None:
        return None
    speaker = speaker_tokens(subject)
    if free_relative or (predicates and not objects):
        return Match(
            speaker, phrase_bounds(subject), verb.lower_, list(span), "label", False, verb=verb
        )
    pair = _labelled_and_label(objects, predicates)
    if pair is None:
        return None
    content, copula = _characterisation(*pair, span, predicates)
    return Match(speaker, phrase_bounds(subject), verb.lower_, content, "label", True, copula, verb)


def labeling_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
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


def absolute_frame_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
    """A reporting participle in a "with" phrase: "…, with officials saying this is for
    security reasons" — the noun before the participle speaks."""
    for verb in span:
        if verb.tag_ != "VBG" or verb.lemma_ not in REPORTING_VERBS or verb.dep_ != "acl":
            continue
        noun = verb.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "with" or not can_speak(noun):
            continue
        content = [t for t in content_of(verb, span, set()) if span.start <= t.i < span.end]
        if not any(t.is_alpha for t in content):
            continue
        speaker = speaker_tokens(noun, follow_sources=True)
        source = (noun.left_edge.i, noun.i + 1)
        return Match(speaker, source, verb.lower_, content, "reporting participle", verb=verb)
    return None


def _bare_aside(verb: Token, span: Span) -> bool:
    """A frame of a subject and its verb, set aside after the clause it reports or inside it
    ("The attacks are their right, Saree said, warning …"; "The toll, the mayor said on
    Monday, is a tax"): it frames the clause, it has no object to report. When, where and how
    it was said may stand with it."""
    if as_frame(verb) and set_aside(verb, span):
        return True  # "As the mayor said, …", "…, as the mayor said"
    if verb.dep_ != "parataxis" or not set_aside(verb, span):
        return False
    if verb.i < verb.head.i and not _after_subject(verb, span):
        return False  # "Either way, she said, …", "About another woman, he said, '…'"
    subject = verb_subject(verb)
    inside = {t.i for t in subject.subtree} if subject is not None else set()
    return all(t.i == verb.i or t.i in inside or t.is_punct or _scene(t) for t in verb.children)


def _scene(token: Token) -> bool:
    """A dependent of a frame's verb saying when or how it was said ("on Monday", "later"),
    not what about ("I think, about that")."""
    if token.dep_ == "prep":
        return any(c.ent_type_ in {"DATE", "TIME"} for c in token.children)
    return token.dep_ in SCENE_DEPS


def _after_subject(verb: Token, span: Span) -> bool:
    """Whether a frame set aside inside the clause it reports follows that clause's subject
    and nothing else ("The toll, the mayor said, is a tax"), so that the clause reads whole
    without it; not after a phrase put before the clause ("Either way, she said, …")."""
    head = verb.head
    if any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in head.children):
        return False  # "The second area, taxation, we agree, we ought to …"
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    allowed = {t.i for c in subjects for t in c.subtree} | subject_clause_taken(verb, span)
    before = [t for t in span if t.i < verb.left_edge.i and not (t.is_punct or t.is_space)]
    return bool(before) and all(t.i in allowed for t in before)


def _official(subject: Token) -> bool:
    """A subject naming an office or an organ of state ("a spokesman", "the embassy")."""
    return subject.lemma_.lower() in ROLE_NOUNS | STATE_NOUNS


def no_comment_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
    """A source saying nothing: "X declined to comment", "X did not respond to requests for
    comment". The claim is the frame itself, with stance "declines"."""
    doc = span.doc
    for start, end in _patterns_inside(span, "NO_COMMENT"):
        verb = next((t for t in doc[start:end] if t.pos_ in {"VERB", "AUX"}), doc[start])
        verb = verb if verb.dep_ != "aux" else verb.head
        subject = verb_subject(verb) or verb_subject(verb.head)
        if subject is None or not (can_speak(subject) or _official(subject)):
            continue
        # the refusal itself is the claim, its subject included: without it "Reporters asked
        # X, but she declined to comment" would read as the reporters declining
        content = list(span)
        cue = doc[start:end].text.lower()
        speaker = speaker_tokens(subject, follow_sources=True)
        return Match(speaker, phrase_bounds(subject), cue, content, "no comment", verb=verb)
    return None


RULES = (
    no_comment_rule,
    reporting_verb_rule,
    published_finding_rule,
    passive_report_rule,
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
    published_finding_rule: SOURCE_NOUNS,
    passive_report_rule: REPORTING_VERBS,
    absolute_frame_rule: REPORTING_VERBS,
    trailing_frame_rule: REPORTING_VERBS,
    according_to_rule: frozenset({"accord", "according"}),
    evidential_rule: SOURCE_NOUNS,
    labeling_rule: LABELING_VERBS,
}
