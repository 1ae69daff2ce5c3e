"""Attribution rules for a source named beside its words rather than as their subject: the
issuer of a document whose finding a clause on it reports ("The council published a report
that found …"), and the agent of a passive frame opened by "it" ("It has been acknowledged
by the commanders that …"). Tried after the plain reporting verb (see :mod:`.attribution`)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from workbench.splitting.lexicon import (
    EVIDENTIAL_VERBS,
    PHRASAL_PUBLISHING_VERBS,
    PUBLISHING_VERBS,
    RELATIVE_WORDS,
    REPORTING_VERBS,
    SOURCE_NOUNS,
)
from workbench.splitting.speaker_phrases import document_issuer, speaker_tokens
from workbench.splitting.speech import (
    Match,
    content_of,
    frame_subject,
    governs,
    phrase_bounds,
    says_no_one,
    verb_subject,
)

#: what a document is said to say: reporting verbs and those of evidence ("found", "showed")
FINDING_VERBS = REPORTING_VERBS | EVIDENTIAL_VERBS


def published_finding_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
    """ "X published a report that found Y", "X did a study which said Y", "X released a poll
    showing Y": Y is the document's, and so its issuer's (a "by" or "from" phrase on the
    document names the issuer before X does)."""
    for verb in span:
        if verb.lemma_ not in FINDING_VERBS or verb.dep_ not in {"relcl", "acl"}:
            continue
        document, published = verb.head, verb.head.head
        if document.lemma_.lower() not in SOURCE_NOUNS or document.dep_ != "dobj":
            continue
        if not _publishes(published) or not governs(published, span):
            continue
        if verb.dep_ == "relcl" and not _relative_subject(verb):
            continue
        publisher = verb_subject(published)
        if publisher is None or says_no_one(publisher):
            continue
        frame = {t.i for t in published.subtree} - {t.i for t in verb.subtree} | {verb.i}
        content = [t for t in content_of(verb, span, frame) if span.start <= t.i < span.end]
        if not any(t.is_alpha for t in content):
            continue
        issuer = document_issuer(document)  # "a Karsovia Labs study": its own issuer first
        speaker = speaker_tokens(issuer if issuer is not None else publisher, follow_sources=True)
        return Match(speaker, phrase_bounds(publisher), verb.lower_, content, "document", verb=verb)
    return None


def _publishes(verb: Token) -> bool:
    """Whether a verb, with its particle if it has one, puts a document out."""
    if verb.lemma_ in PUBLISHING_VERBS:
        return True
    particles = (c.lower_ for c in verb.children if c.dep_ == "prt")
    return any((verb.lemma_, p) in PHRASAL_PUBLISHING_VERBS for p in particles)


def _relative_subject(verb: Token) -> bool:
    """Whether a relative clause's subject is its relative word ("a report that found")."""
    return any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_WORDS for c in verb.children)


def passive_report_rule(span: Span, regions: Sequence[tuple[int, int]]) -> Match | None:
    """ "It has been reported by X that Y", "It was acknowledged by the commanders that Y":
    the passive's agent says Y. Without an agent ("it is said that") no one is named."""
    for verb in span:
        if verb.lemma_ not in REPORTING_VERBS or verb.tag_ != "VBN" or not governs(verb, span):
            continue
        if not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children):
            continue
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children]
        agents = [o for o in agents if o.dep_ == "pobj" and not says_no_one(o)]
        if not agents or frame_subject(verb) is not None:
            continue
        agent = agents[0]
        frame = {t.i for c in verb.children if c.dep_ != "ccomp" for t in c.subtree} | {verb.i}
        content = [t for t in content_of(verb, span, frame) if span.start <= t.i < span.end]
        if not any(t.is_alpha for t in content):
            continue
        speaker = speaker_tokens(agent, follow_sources=True)
        return Match(speaker, phrase_bounds(agent), verb.lower_, content, "passive", verb=verb)
    return None
