"""What a report's fronted phrases add to what it reports.

"If the bill passes, the minister said prices will rise": the minister did not say that
prices will rise, only that they will if the bill passes. A phrase put before the speaker
belongs to the reported claim when it is a condition (lexicon ``condition_words``: "if",
"unless"), a topic (``topic_phrases``: "When it comes to the border, she said …") or the
law or plan the claim holds under (``regime_nouns`` after "under": "Under the new law, the
minister said, fines would double"). The other fronted phrases say when, where or how the
speaker spoke ("On Monday", "In a statement", "In Brussels", "Asked about the strike") and
stay out of the claim, as before: "In Brussels, officials said sanctions would be extended"
does not say where the sanctions hold.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Token

from workbench.splitting.lexicon import REGIME_NOUNS, REPORTING_VERBS
from workbench.splitting.patterns import matches
from workbench.splitting.tokens import condition_words

#: dependents of a reporting verb that can carry such a phrase
_FRONTED_DEPS = frozenset({"advcl", "prep"})


def fronted_scene(verb: Token, exclude: Collection[int]) -> list[Token]:
    """The tokens of the phrases before a reporting ``verb`` (and outside ``exclude``, its
    subject) that belong to what it reports, each with the comma that closes it."""
    doc = verb.doc
    topics = {start for start, _ in matches(doc).get("TOPIC", ())}
    out: list[Token] = []
    for child in verb.children:
        if child.i > verb.i or child.i in exclude or child.dep_ not in _FRONTED_DEPS:
            continue
        if not _sets_the_claim(child, topics):
            continue
        out.extend(child.subtree)
        end = child.right_edge.i + 1
        if end < verb.i and doc[end].text == "," and doc[end].head == verb:
            out.append(doc[end])
    return out


def scene_edges(tokens: Sequence[Token]) -> set[int]:
    """Indices of the tokens among ``tokens`` that close a fronted phrase :func:`fronted_scene`
    kept, its last word and the comma after it: the phrase hangs on a word left out (the
    reporting verb), and the claim joins it to the rest there ("If the bill passes, prices
    will rise")."""
    inside = {t.i for t in tokens}
    edges: set[int] = set()
    for token in tokens:
        last = token.doc[token.i - 1] if token.text == "," and token.i else token
        if last.i not in inside or (last is not token and token.head.i in inside):
            continue
        phrase = last
        while phrase.head.i in inside and phrase.head.i != phrase.i:
            phrase = phrase.head
        if phrase.dep_ in _FRONTED_DEPS and phrase.right_edge == last and phrase.head.i > last.i:
            edges.add(token.i)
    return edges


def _sets_the_claim(phrase: Token, topics: Collection[int]) -> bool:
    """Whether a fronted dependent of a reporting verb is a condition, a topic or a regime."""
    if phrase.left_edge.i in topics:
        return True
    if phrase.dep_ == "advcl":
        if phrase.lemma_ in REPORTING_VERBS:  # the speaker's aside: "If I can just respond, …"
            return False
        return bool(condition_words(phrase))
    return phrase.lower_ == "under" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in REGIME_NOUNS for c in phrase.children
    )
