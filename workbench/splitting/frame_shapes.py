"""The shapes a reporting frame takes beside what it reports, read from the parse: a bare
frame ("he said"), one set off by a comma, one opened by "as" ("as the mayor said")."""

from __future__ import annotations

from spacy.tokens import Token

from workbench.splitting.lexicon import QUESTION_VERBS
from workbench.splitting.tokens import subject_of

#: what a verb says of its own, beside what it frames ("as she said goodbye")
OWN_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "dative", "attr", "oprd"})


def comma_before_word(token: Token) -> bool:
    """A comma right before ``token``."""
    return token.i > 0 and token.doc[token.i - 1].text == ","


def comma_before(token: Token) -> bool:
    """A comma or a closing quotation mark right before the phrase ``token`` heads."""
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in {",", '"', "”", "’"}


def bare_frame(verb: Token) -> bool:
    """True when a reporting verb inside a sentence carries no clause of its own: "he said",
    "said X in a statement" — not "responded with the claim that …"."""
    return not any(
        t.i != verb.i and t.pos_ in {"VERB", "AUX"} and t.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        for t in verb.subtree
    )


def subordinated(verb: Token) -> bool:
    """A verb opened by a subordinating word other than "as" ("…, because many people
    disagree"): its clause says why or when, and frames nothing beside it."""
    return any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children)


def as_frame(verb: Token) -> bool:
    """A bare frame opened by "as" ("as the mayor said"), which frames the clause beside it
    and says nothing of its own ("as she said goodbye" says when)."""
    marks = [c for c in verb.children if c.dep_ == "mark"]
    return (
        verb.dep_ == "advcl"
        and len(marks) == 1
        and marks[0].lower_ == "as"
        and marks[0].i == verb.left_edge.i
        and bare_frame(verb)
        and not any(c.dep_ in OWN_CONTENT_DEPS for c in verb.children)
    )


def opening_as_frame(verb: Token) -> bool:
    """An "as" frame before the clause it reports, closed by a comma ("As the mayor said
    last week, the bridge will reopen")."""
    return opening_as_comma(verb) is not None


def opening_as_comma(verb: Token) -> int | None:
    """The index of the comma that closes an "as" frame before the clause it reports; what
    stands before it is the frame's, wherever the parser hung it ("last week")."""
    reported = subject_of(verb.head)
    if not as_frame(verb) or verb.i > verb.head.i or reported is None:
        return None
    commas = [t.i for t in verb.doc[verb.i + 1 : reported.left_edge.i] if t.text == ","]
    return commas[0] if commas else None


def asks_someone(verb: Token) -> bool:
    """A question verb with the one asked as its object ("asked Secretary Schlesinger what
    had to be done"): who was asked is part of the claim, so the frame stays with it."""
    return verb.lemma_.lower() in QUESTION_VERBS and any(
        c.dep_ in {"dobj", "dative", "iobj"} for c in verb.children
    )


def asks_for(verb: Token) -> bool:
    """A question verb with a to-infinitive of its own ("asked for a commission to work out
    a solution", "asked them to leave"): what was asked for is a request, not a question
    someone put, and the article says that it was made."""
    return verb.lemma_.lower() in QUESTION_VERBS and any(
        c.dep_ == "xcomp" and any(t.tag_ == "TO" for t in c.children) for c in verb.children
    )
