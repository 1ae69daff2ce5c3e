"""Appeals: a content that calls on someone to act ("Please go.", "Stop the war now.", "Don't
let us suffer any more") asserts nothing a fact-checker can check, whoever says it."""

from __future__ import annotations

from workbench.splitting.lexicon import APPEAL_WORDS
from workbench.splitting.view import SpanContext

#: what gives a verb its own subject: an imperative has none
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: words that may come before an imperative's verb: "Please, Carrie Lam, don't …"
_BEFORE_VERB_POS = frozenset({"PUNCT", "INTJ", "PROPN", "ADV", "PART", "AUX"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: how an appeal's verb may hang: a sentence's root, or the words a speaker is reported to
#: have said; a conjunct ("must pledge aid and help …") has its subject on the first verb
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "parataxis"})
#: clauses that carry a statement of their own inside an imperative: "Let me say that taxes
#: rose", "Look at the senators who endorsed me", "Look at what she did in Libya"
_STATEMENT_DEPS = frozenset({"ccomp", "relcl", "pcomp"})


def appeal(ctx: SpanContext) -> str | None:
    """The cue text when the content is an appeal: a plea word ("please") on its verb, or an
    imperative (its main verb in the base form, first in its clause, with no subject and no
    auxiliary but the "do" of "don't"). An imperative that frames a statement ("Remember that
    the treaty was signed in 1990", "Look at the senators who endorsed me") is not one: the
    statement is the claim."""
    v, content = ctx.view, ctx.content
    inside = set(content)
    roots = [i for i in content if v.head[i] == i or v.head[i] not in inside]
    verb = next((i for i in roots if v.pos[i] in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    if any(v.dep[j] in _STATEMENT_DEPS and _finite(ctx, j) for j in content):
        return None
    children = [j for j in content if v.head[j] == verb and j != verb]
    pleas = [v.lower[j] for j in children if v.lower[j] in APPEAL_WORDS and v.pos[j] == "INTJ"]
    if pleas:
        return f"appeal: {pleas[0]}"
    if v.tag[verb] != "VB" or v.dep[verb] not in _CLAUSE_DEPS:
        return None
    if any(v.dep[j] in _SUBJECTS for j in children):
        return None
    if any(v.dep[j] == "aux" and v.lower[j] != "do" for j in children):
        return None  # "could go", "to go", and "didn't know", whose subject is left out
    if any(v.pos[j] not in _BEFORE_VERB_POS for j in content if j < verb):
        return None
    return "appeal: imperative"


def _finite(ctx: SpanContext, verb: int) -> bool:
    """Whether a clause's verb is finite: in a tense of its own or with a finite auxiliary."""
    v = ctx.view
    helpers = [j for j in ctx.content if v.head[j] == verb and v.dep[j] in {"aux", "auxpass"}]
    return v.tag[verb] in _FINITE_TAGS or any(v.tag[j] in _FINITE_TAGS for j in helpers)
