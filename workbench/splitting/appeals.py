"""Appeals: a content that calls on someone to act ("Please go.", "Stop the war now.", "Don't
let us suffer any more") asserts nothing a fact-checker can check, whoever says it."""

from __future__ import annotations

from workbench.splitting.lexicon import (
    APPEAL_VERBS,
    APPEAL_WORDS,
    AUX_DEPS,
    CONDITION_WORDS,
    FINITE_TAGS,
    SUBJECT_DEPS,
)
from workbench.splitting.view import SpanContext

#: words that may come before an imperative's verb: "Please, Carrie Lam, don't …"
_BEFORE_VERB_POS = frozenset({"PUNCT", "INTJ", "PROPN", "ADV", "PART", "AUX"})
#: the subjects by which speakers speak of themselves
_SPEAKING_PERSONS = frozenset({"i", "we"})
#: how an appeal's verb may hang: a sentence's root, or the words a speaker is reported to
#: have said; a conjunct ("must pledge aid and help …") has its subject on the first verb
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "parataxis"})
#: clauses that carry a statement of their own inside an imperative: "Let me say that taxes
#: rose", "Look at the senators who endorsed me", "Look at what she did in Libya"
_STATEMENT_DEPS = frozenset({"ccomp", "relcl", "pcomp"})


def appeal(ctx: SpanContext) -> str | None:
    """The cue text when the content is an appeal: a plea word ("please") on its verb, a
    verb of appeal the speaker performs ("I urge you to …"), or an imperative (its main
    verb in the base form, first in its clause, with no subject and no auxiliary but the
    "do" of "don't"). An imperative that frames a statement ("Remember that
    the treaty was signed in 1990", "Look at the senators who endorsed me") is not one: the
    statement is the claim."""
    v, content = ctx.view, ctx.content
    inside = set(content)
    roots = [i for i in content if v.head[i] == i or v.head[i] not in inside]
    performed, said_inside = _performed(ctx)
    # the speaker's own appeal, in the words said ("X spoke to the press: I urge …")
    if performed is not None and said_inside:
        return f"appeal: {performed}"
    # a statement inside the content, not the content itself ("…," the senator said)
    if any(v.dep[j] in _STATEMENT_DEPS and _states(ctx, j) for j in inside - set(roots)):
        return None
    if performed is not None:
        return f"appeal: {performed}"
    verb = next((i for i in roots if v.pos[i] in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    children = [j for j in content if v.head[j] == verb and j != verb]
    pleas = [v.lower[j] for j in children if v.lower[j] in APPEAL_WORDS and v.pos[j] == "INTJ"]
    if pleas:
        return f"appeal: {pleas[0]}"
    if v.tag[verb] != "VB" or v.dep[verb] not in _CLAUSE_DEPS:
        return None
    if any(v.dep[j] in SUBJECT_DEPS for j in children):  # an imperative has none
        return None
    if any(v.dep[j] == "aux" and v.lower[j] != "do" for j in children):
        return None  # "could go", "to go", and "didn't know", whose subject is left out
    if any(v.pos[j] not in _BEFORE_VERB_POS for j in content if j < verb):
        return None
    return "appeal: imperative"


def _performed(ctx: SpanContext) -> tuple[str | None, bool]:
    """The verb of appeal the speaker performs by saying it, in the present with "I" or "we"
    as its subject ("I really urge her to step down", "we beg you"), read in the whole span:
    a verb of appeal is also a reporting verb, so it may stand outside the content, as the
    verb the content hangs on (not as the verb of another clause of the sentence). With it,
    whether the verb is in the content; (None, False) for none."""
    v, inside = ctx.view, set(ctx.content)
    for i in range(ctx.start, ctx.end):
        if v.lemma[i].lower() not in APPEAL_VERBS or v.tag[i] != "VBP":
            continue
        if i not in inside and not any(v.head[j] == i for j in inside):
            continue
        subjects = (j for j in range(ctx.start, ctx.end) if v.head[j] == i and j != i)
        if any(v.dep[j] == "nsubj" and v.lower[j] in _SPEAKING_PERSONS for j in subjects):
            return v.lemma[i].lower(), i in inside
    return None, False


def _states(ctx: SpanContext, verb: int) -> bool:
    """Whether a clause states something: its verb is finite (in a tense of its own or with
    a finite auxiliary) and it is no condition ("if she cannot govern")."""
    v = ctx.view
    children = [j for j in ctx.content if v.head[j] == verb and j != verb]
    if any(v.dep[j] == "mark" and v.lower[j] in CONDITION_WORDS for j in children):
        return False
    helpers = [j for j in children if v.dep[j] in AUX_DEPS]
    return v.tag[verb] in FINITE_TAGS or any(v.tag[j] in FINITE_TAGS for j in helpers)
