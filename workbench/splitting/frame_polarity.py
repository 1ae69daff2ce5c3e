"""The polarity and tense of a claim's frame: whether it denies or hedges ("not", "refused",
"hardly", "few"), and whether its action lies ahead or is done."""

from __future__ import annotations

from spacy.tokens import Token

from workbench.splitting.lexicon import (
    AUX_DEPS,
    CONTRAST_BREAKS,
    CONTRAST_JOINTS,
    LEXICON,
    SUBJECT_DEPS,
    VERBAL,
)
from workbench.splitting.tokens import joined_by_hyphen

HEDGES = LEXICON["hedge_polarity"].words
NEAR = LEXICON["near_polarity"].words
FUTURE_AUXILIARIES = LEXICON["future_auxiliaries"].words
COMMITMENTS = LEXICON["commitments"].words
FUTURE_CHAINS = LEXICON["future_chains"].words | COMMITMENTS
INFINITIVE_CHAINS = LEXICON["infinitive_chains"].words
NEGATIVES = LEXICON["negative_polarity"].words
NEGATIVE_PREDICATES = LEXICON["negative_predicates"].words
NEGATIVE_ADJECTIVES = LEXICON["negative_adjectives"].words
NEGATIVE_PHRASAL_VERBS = LEXICON["negative_phrasal_verbs"].phrases
SCANT_QUANTIFIERS = LEXICON["scant_quantifiers"].words
BALLOT_VERBS = LEXICON["ballot_verbs"].words


def polarity(tokens: list[Token], stance: str) -> str:
    """ "negative" when the claim denies (a negation, a refusal, the speaker denies it),
    "hedged" when it hedges ("hardly", "few …"), else "positive"."""
    kept = (t for t in tokens if not (_with_no(t) or _cast_no(t) or _in_title(t)))
    words = {t.lower_ for t in kept if not _written_onto(t)}
    refused = any(
        t.pos_ == "VERB"
        and (
            (t.lemma_.lower() in NEGATIVE_PREDICATES and _governs_something(t))
            or any(
                (t.lemma_.lower(), c.lower_) in NEGATIVE_PHRASAL_VERBS
                for c in t.children  # the parser may take the particle for a preposition
                if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == t.i + 1)
            )
        )
        for t in tokens
    ) or any(  # "unwilling to support", "unable to provide"
        t.lower_ in NEGATIVE_ADJECTIVES and any(c.dep_ == "xcomp" for c in t.children)
        for t in tokens
    )
    negated = any(t.dep_ == "neg" and not (_alternative(t) or _contrasted(t)) for t in tokens)
    if stance == "denies" or refused or negated or words & NEGATIVES:
        return "negative"
    if words & HEDGES or any(_scant(t) or _near(t) for t in tokens):
        return "hedged"
    return "positive"


def _alternative(token: Token) -> bool:
    """The "not" of "whether or not" or of a closing "or not" ("whether it passes or
    not"), which offers the other answer and denies nothing."""
    doc, i = token.doc, token.i
    if token.lower_ != "not" or i == 0 or doc[i - 1].lower_ != "or":
        return False
    closing = i + 1 == len(doc) or doc[i + 1].is_punct
    return closing or (i >= 2 and doc[i - 2].lower_ == "whether")


def _contrasted(token: Token) -> bool:
    """The "not" that opens, after the claim's verb, what the claim sets against what it
    says ("we cut taxes, not spending", "done by industry and not by the state", "but
    not by too much"): it denies the phrase after it, not the claim. A "not" of a verb
    ("and not say anything", "important, for instance, not to have …") or before the
    claim's verb ("To this day, not one of its rulings …") denies the claim."""
    doc, i, head = token.doc, token.i, token.head
    if token.lower_ != "not" or head.i < i or i < 2 or head.pos_ in VERBAL:
        return False  # "and not say anything" denies a deed of the claim
    opened = doc[i - 1].text in CONTRAST_BREAKS or doc[i - 1].lower_ in CONTRAST_JOINTS
    own_clause = any(c.dep_ in AUX_DEPS | SUBJECT_DEPS for c in head.children)
    attached = head  # what the phrase is set against stands before it, in the same clause
    while attached.i > i and attached.head is not attached:
        if attached is not head and (attached.pos_ in VERBAL or attached.dep_ in _CLAUSE_DEPS):
            break  # the verb of the clause the phrase stands in comes after it
        attached = attached.head
    return opened and not own_clause and attached.i < i


#: how a clause hangs on what it belongs to: a phrase is set against nothing beyond one
_CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"}
)


#: what a refusal refuses: "declined to comment", "denied the charge", "denied that …"
_REFUSED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "nsubjpass", "auxpass"})


def _governs_something(verb: Token) -> bool:
    """A refusal with something refused; "enrollment declined by a third" refuses nothing."""
    return any(c.dep_ in _REFUSED_DEPS for c in verb.children)


def _with_no(token: Token) -> bool:
    """The "no" of "with no human trials", which says "without", not that the claim denies."""
    return (
        token.lower_ == "no"
        and token.dep_ == "det"
        and token.head.dep_ == "pobj"
        and token.head.head.lower_ == "with"
    )


def _written_onto(token: Token) -> bool:
    """A "no" written onto the next word by a hyphen ("a no-fly zone"), which names a kind of
    thing and denies nothing."""
    return token.lower_ == "no" and joined_by_hyphen(token)


def _in_title(token: Token) -> bool:
    """A word of a name ("No" of "the No Child Left Behind Act"), which denies nothing."""
    return token.dep_ == "compound" and token.is_title and token.head.tag_ in {"NNP", "NNPS"}


def _cast_no(token: Token) -> bool:
    """The "no" of "voted no", an answer cast: a vote against, not a vote denied."""
    return (
        token.lower_ == "no" and token.head.lemma_.lower() in BALLOT_VERBS and token.dep_ != "det"
    )


def tense(head: Token | None) -> str | None:
    """ "future" when the action lies ahead of the claim: an auxiliary "will", "would" … on
    the chain from the clause's verb to the action, or a chain through "plans to", "is set
    to", "is due to", "is going to" ("is to withdraw"); "past" when the clause's verb is in
    the past or the perfect ("shipped", "has shipped", "was shipped"); None otherwise (the
    present says nothing: "the summit opens on Friday" may be ahead)."""
    if head is None:
        return None
    chain, leading = [head], []
    while step := _next_in_chain(chain[-1]):
        leading.append(step[-2] if len(step) > 1 else chain[-1])  # what "to" hangs on
        chain.extend(step)
    for verb in chain:
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        # "would have done" looks back; "will have been trained" still lies ahead
        looks_back = "would" in auxiliaries and auxiliaries & {"have", "'ve"}
        if auxiliaries & FUTURE_AUXILIARIES and not looks_back:
            return "future"
    if any(t.lemma_.lower() in FUTURE_CHAINS and not _has_object(t) for t in leading):
        return "future"
    if any(t.lemma_.lower() in INFINITIVE_CHAINS and _leads_with_to(t) for t in leading):
        return "future"  # "was meant to fill"
    if any(t.tag_ == "VBD" or (t.dep_ == "aux" and t.lemma_ == "have") for t in verb_group(head)):
        return "past"
    return None


def _leads_with_to(verb: Token) -> bool:
    """Whether a verb's open complement is an infinitive with "to" ("meant to fill")."""
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _has_object(verb: Token) -> bool:
    """A verb of intent with its own object ("proposed new investments to improve …"): what
    it proposes is the object, and the "to" clause only says what that is for. So too "be"
    with what it says something is ("It was a mistake to go there": the "to" clause is what
    was a mistake, not what was to come)."""
    return any(c.dep_ in {"dobj", "attr"} for c in verb.children)


def verb_group(head: Token) -> list[Token]:
    """A clause's verb with its auxiliaries ("has been encouraging")."""
    return [head, *(c for c in head.children if c.dep_ in {"aux", "auxpass"})]


def _next_in_chain(verb: Token) -> list[Token]:
    """The tokens leading on from ``verb`` to the verb of its action: its open complement
    ("plans to ship"; "committed to sending" or "decided that … would stop" after a verb of
    commitment), or an adjective with one ("is due to meet": "due", "meet"; "were able to
    drive": "able", "drive", which looks ahead only if the adjective does)."""
    for child in verb.children:
        if child.dep_ == "xcomp":
            return [child]
    for child in verb.children:
        if child.dep_ == "acomp":
            onward = next((c for c in child.children if c.dep_ == "xcomp"), None)
            if onward is not None:
                return [child, onward]
    if verb.lemma_.lower() in COMMITMENTS:  # "committed to sending": as "committed to send"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                onward = next((c for c in child.children if c.dep_ == "pcomp"), None)
                if onward is not None and onward.tag_ == "VBG":
                    return [onward]
            # "decided that flights would be stopped": as "decided to stop flights"
            if child.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in child.children
            ):
                return [child]
    return []


def _near(token: Token) -> bool:
    """ "almost" or "nearly" qualifying a verb ("almost went on strike"): it did not happen.
    Before a number ("nearly 800 teachers") it says "about" and is no hedge."""
    return token.lower_ in NEAR and token.dep_ == "advmod" and token.head.pos_ in {"VERB", "AUX"}


def _scant(token: Token) -> bool:
    """A quantifier that says almost none ("few transactions"), not "a few", nor the bound
    of "as little as $42,000" ("as low as")."""
    doc, i = token.doc, token.i
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    bound = before == "as" and after == "as"
    return token.lower_ in SCANT_QUANTIFIERS and before not in {"a", "quite", "not"} and not bound
