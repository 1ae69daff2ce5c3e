"""A participant one claim names where the other, worded alike in every other word, names
another ("recovered ten survivors" / "ten bodies"): read from the one place two wordings
differ (:func:`workbench.matching.rewording.one_replacement`)."""

from __future__ import annotations

import functools
from collections.abc import Set

from workbench.core.values import Frame
from workbench.matching.actors import same_actor
from workbench.matching.frame_parts import frame_names, frame_nouns
from workbench.matching.rewording import changed_words, noun_forms, one_replacement, word_edits
from workbench.matching.signature import Signature, compared_form, index_terms, vocabulary
from workbench.matching.vocabulary import ARTICLES, NEGATIONS


def participant_replaced(a: Signature, b: Signature) -> str | None:
    """The role ("agent", "target" or "place") of a participant one claim names where the other,
    worded alike in every other word, names another: "recovered ten survivors" / "ten
    bodies", "punishable with a prison term" / "with a fine", "ascribed the explosion to
    terrorism" / "to a gas leak". Only when that is the whole change: a paraphrase seldom
    swaps one noun and keeps every other word (of 955 real close pairs this finds 12, one
    of them a paraphrase), and one that rewords more is not judged here. Nouns of the
    synonym list are the same noun, two forms of a name the same name; a name and a noun
    are not ("into our country" / "into Canada")."""
    if a.frame is None or b.frame is None:
        return None
    replaced = one_replacement(a, b) or _one_word_throughout(a, b)
    if replaced is not None:
        return (
            _replaced_role(a, b, *replaced)
            or _kind_replaced(a, b)
            or _kind_replaced(b, a)
            or ("target" if _names_replaced(replaced[0], replaced[1]) else None)
        )
    # two words in two places, each a participant replaced: "let homeowners renegotiate
    # their mortgages" / "let renters renegotiate their leases"
    places = _two_in_place(a, b)
    if places is None:
        return None
    roles = [_replaced_role(a, b, old, new, shared) for old, new, shared in places]
    if None in roles:
        return None
    return next(r for r in ("agent", "place", "target") if r in roles)


#: the fewest letters of each part of a compound written as one word
_PART = 3


def _compound_parted(
    old: list[str], new: list[str], shared: set[str]
) -> tuple[list[str], list[str], set[str]]:
    """``old`` and ``new`` without the first part of a compound one side writes as one word
    and the other begins with: "healthcare" / "health insurance" replace "care" by
    "insurance", "health" shared."""
    for x, y in ((old, new), (new, old)):
        # both parts words of their own: "they" is not "the" + "y"
        parts = len(y[0]) >= _PART and len(x[0]) - len(y[0]) >= _PART
        if len(x) == 1 and len(y) > 1 and x[0].startswith(y[0]) and parts:
            rest = [x[0][len(y[0]) :]]
            return (rest, y[1:], shared | {y[0]}) if x is old else (y[1:], rest, shared | {y[0]})
    return old, new, shared


def _two_in_place(a: Signature, b: Signature) -> list[tuple[list[str], list[str], set[str]]] | None:
    """For two wordings alike but for one word in each of two places apart, each place as
    ([word of a], [word of b], the words neither place holds); None else."""
    changed = changed_words(a, b)
    if changed is None or len(changed) != 2:
        return None
    (i, (x1, y1)), (j, (x2, y2)) = sorted(changed.items())
    if j - i < 2:
        return None  # side by side: one phrase replaced, judged as one
    nouns_a, nouns_b = noun_forms(a.frame), noun_forms(b.frame)
    shared = {w for k, w in enumerate(a.text.split()) if k not in changed}
    if not (_a_noun(x1, nouns_a) and _a_noun(y1, nouns_b)):
        return None
    if _a_noun(x2, nouns_a) and _a_noun(y2, nouns_b):
        return [([x1], [y1], shared), ([x2], [y2], shared)]  # each a participant's noun
    # a participant and the verb of the clause after it that says which ones: "the houses
    # they rent" / "the food they eat"
    if j - i <= _CLAUSE and _a_clause_verb(x2, a.frame) and _a_clause_verb(y2, b.frame):
        return [([x1], [y1], shared)]
    return None


#: the most words from a participant's noun to the verb of a clause saying which ones
_CLAUSE = 3


def _a_clause_verb(word: str, frame: Frame) -> bool:
    """Whether a word of a compared wording is a verb of a frame other than its predicate."""
    return _a_noun(word, frozenset(v for v in frame.verbs if v != frame.predicate))


def _a_noun(word: str, nouns: frozenset[str]) -> bool:
    """Whether a word of a compared wording, crudely stemmed ("mortgag"), is one of
    ``nouns``."""
    return any(n == word or (n.startswith(word) and len(n) - len(word) <= 2) for n in nouns)


def _replaced_role(
    a: Signature, b: Signature, old: list[str], new: list[str], shared: set[str]
) -> str | None:
    """The role of the participant ``old`` names in ``a`` where ``new`` names another in
    ``b``, the rest (``shared``) worded alike; None when they name no such participant."""
    assert a.frame is not None and b.frame is not None
    if "".join(old) == "".join(new):
        return None  # one word written whole or in two: "cyber attack" / "cyberattack"
    old, new, shared = _compound_parted(old, new, shared)
    words_a, words_b = set(old), set(new)
    contrasts = vocabulary().contrasts
    groups_a = {group for w in words_a for group, _ in contrasts.get(w, ())}
    shared_groups = groups_a & {group for w in words_b for group, _ in contrasts.get(w, ())}
    if shared_groups and _outside(words_a, shared_groups) == _outside(words_b, shared_groups):
        return None  # a contrast's own business: "rose" / "increased" are one side
    # with the rest worded alike, a participant only one frame holds stands in the replaced
    # words; one both hold counts when it is in them and has lost its role there ("I have
    # never said that I object" / "My opponent has never said that I object": "I" is gone
    # as the agent). A name counts as a participant too: "into our country" / "into Canada".
    held_a, held_b = _participants(a.frame), _participants(b.frame)
    in_a, in_b = {w for w, _ in held_a}, {w for w, _ in held_b}
    # one only a frame holds but both claims write outside the change is no replaced
    # participant: the other parse did not read it so ("seven and a half million people")
    gone = {p for p in held_a - held_b if _among(p[0], old) or not _held(p[0], in_b, shared)}
    added = {p for p in held_b - held_a if _among(p[0], new) or not _held(p[0], in_a, shared)}
    # one name written two ways ("the US" / "the United States") is one participant
    same = {(x, y) for x in gone for y in added if x[1] == y[1] and same_actor(x[0], y[0])}
    gone -= {x for x, _ in same}
    added -= {y for _, y in same}
    # a verb said as its noun is no participant: "since we debated" / "since our debate"
    gone = {p for p in gone if not _verb_of(p[0], new)}
    added = {p for p in added if not _verb_of(p[0], old)}
    # the parser may read the replaced noun of one side as a word that says which ones
    # ("the struggle to recruit teachers predates" with "teachers" a modifier); a name may
    # give its place to a word saying what kind ("young Latino men" / "young white men")
    if not gone and not added:
        # a word that says which ones in one parse, where the other read its twin as
        # nothing it holds ("cut defense spending" / "cut education spending", with
        # "spending" read as a verb): its twin is looked for below, as for a participant
        gone, added = _modifiers_among(a.frame, old, in_b), _modifiers_among(b.frame, new, in_a)
    if added and not gone:
        gone = (
            _modifiers_among(a.frame, old, in_b)
            or _qualities_among(a.frame, old, new, b.frame, added)
            or _unread_noun(a.frame, old, new, added, b.frame)
        )
    elif gone and not added:
        added = (
            _modifiers_among(b.frame, new, in_a)
            or _qualities_among(b.frame, new, old, a.frame, gone)
            or _unread_noun(b.frame, new, old, gone, a.frame)
        )
    if not gone or not added:
        return None
    return _role_named({r for _, r in gone | added})


def _outside(words: Set[str], groups: Set[str]) -> set[str]:
    """The words of no contrast of ``groups``: "economic growth" / "tax increases" replace
    more than a word of rising."""
    contrasts = vocabulary().contrasts
    return {w for w in words if not any(g in groups for g, _ in contrasts.get(w, ()))}


def _role_named(roles: Set[str]) -> str:
    """The role a difference is named by, of the frame roles of what was replaced: who acts
    before where, where before anything else ("target")."""
    if "agents" in roles:
        return "agent"
    return "place" if "places" in roles else "target"


def _kind_replaced(a: Signature, b: Signature) -> str | None:
    """The role of a participant whose words that say which ones (a compound's nouns) one
    claim replaces in place by one to three others, right before a word both parses read
    as that participant's noun or one of its modifiers: "that middle-class tax cut" / "that
    capital gains tax cut", where the parser read "gains" as a verb and so no modifier;
    "paid to civil service retirees" / "paid to railroad retirees", "to railroad" read as a
    verb. Standing where the one claim's modifiers stand, the other's words say another
    kind."""
    assert a.frame is not None and b.frame is not None
    words, others = a.text.split(), b.text.split()
    if abs(len(words) - len(others)) > 2:
        return None  # more than one to three words for one to three
    edits = word_edits(words, others)
    if len(edits) != 1 or edits[0][0] != "replace":
        return None
    _, start, stop, other_start, other_stop = edits[0]
    if stop - start > 3 or other_stop - other_start > 3 or stop >= len(words):
        return None
    anchor, run, new = words[stop], words[start:stop], others[other_start:other_stop]
    if not all(index_terms(y) for y in new):
        return None  # a modifier left out: "federal courts" / "the courts"
    theirs = [
        (role, _noun_parts(lemma, modifiers)) for role, lemma, modifiers in frame_nouns(b.frame)
    ]
    for role, lemma, modifiers in frame_nouns(a.frame):
        parts = _noun_parts(lemma, modifiers)
        if not any(_among(m, run) for m in parts[1:]) or not any(
            _among(p, [anchor]) for p in parts
        ):
            continue
        if any(r == role and any(_among(p, [anchor]) for p in other) for r, other in theirs):
            return _role_named({role})
    return None


def _names_replaced(old: list[str], new: list[str]) -> bool:
    """Whether one name of the ``[names]`` list stands where the other claim has another,
    whatever the parse made of them: "a program in Spanish" / "in Portuguese" (languages,
    which the recogniser names no actor, are compared as their countries)."""
    names = _known_names()
    x, y = (
        " ".join(w for w in old if w not in ARTICLES),
        " ".join(w for w in new if w not in ARTICLES),
    )
    return x != y and x in names and y in names


@functools.cache
def _known_names() -> frozenset[str]:
    """The one forms of the ``[names]`` list, as a claim's wording is compared."""
    return frozenset(
        " ".join(compared_form(w) for w in name.split())
        for name in set(vocabulary().names.values())
    )


def _noun_parts(lemma: str, modifiers: str) -> list[str]:
    """A participant noun and the words that say which ones, the noun first."""
    return [lemma, *(m for m in modifiers.split("|") if m)]


def _one_word_throughout(
    a: Signature, b: Signature
) -> tuple[list[str], list[str], set[str]] | None:
    """([word of a], [word of b], the words both share) when two wordings alike in every
    other word trade one word for one other wherever it stands ("among unionised workers
    and unorganised workers" / "… managers and … managers"); None else."""
    changed = changed_words(a, b)
    if not changed or len(changed) < 2 or len(set(changed.values())) != 1:
        return None
    ((x, y),) = set(changed.values())
    return [x], [y], {w for k, w in enumerate(a.text.split()) if k not in changed}


def _modifiers_among(frame: Frame, words: list[str], elsewhere: set[str]) -> set[tuple[str, str]]:
    """(word, role) of the words that say which ones of a frame's unnamed participants,
    written among ``words`` and held by no participant of the other frame (``elsewhere``)."""
    return {
        (m, role)
        for role, _, modifiers in frame_nouns(frame)
        for m in modifiers.split("|")
        if m and m not in elsewhere and _among(m, words)
    }


def _qualities_among(
    mine: Frame,
    words: list[str],
    others: list[str],
    theirs: Frame,
    replaced: set[tuple[str, str]],
) -> set[tuple[str, str]]:
    """(word, role) of the qualities of ``mine`` written among ``words`` (and not among the
    ``others`` in their place) standing where ``theirs`` names the ``replaced`` participants
    by name: "young Latino men" / "young white men", "Russian troops" / "foreign troops".
    A noun put as a quality ("the majority of" / "most", "democracies" / "democratic") is
    a rewording."""
    names = set(frame_names(theirs))
    roles = {role for word, role in replaced if word in names}
    return {
        (q, role)
        for q in mine.qualities
        if _among(q, words) and not _among(q, others)
        for role in roles
    }


#: the most words replaced on each side that :func:`_unread_noun` reads
_UNREAD_WORDS = 2


def _unread_noun(
    frame: Frame,
    words: list[str],
    others: list[str],
    replaced: set[tuple[str, str]],
    other: Frame,
) -> set[tuple[str, str]]:
    """(word, role) of the one word of substance that stands in ``words`` where the other
    claim's one word ``others`` is a participant, a word the parse of ``frame`` read as
    neither a quality nor a verb: a noun it did not read as a participant ("saw its
    economy decline" / "saw its population decline"). A quality or a verb in that place is
    a rewording ("the majority of" / "most"). Two words for two count when the first is
    such a noun and the other claim's are an unnamed participant (of frame ``other``) and a
    word saying which ("drug trafficking", its second word read as a verb, / "nuclear
    proliferation"; not a name, as "the mid-'50s" / "the middle fifties" is read)."""
    if len(words) != len(others) or len(words) > _UNREAD_WORDS or not index_terms(words[0]):
        return set()
    if words[0] in NEGATIONS:  # "not one of" / "none of"
        return set()
    read = {compared_form(w) for w in (*frame.qualities, *frame.verbs)}
    if words[0] in read:
        return set()
    if len(words) > 1:  # an unnamed participant, not a pronoun ("We have" / "Ours is")
        nouns = {n for _, n, _ in frame_nouns(other) if not n.startswith("@")}
        if not {p for p, _ in replaced} <= nouns:
            return set()
    return {(words[0], role) for _, role in replaced}


def _among(participant: str, words: list[str]) -> bool:
    """Whether a participant ("@i", "deficit", "north korea") is written among ``words``."""
    forms = {compared_form(w) for w in words}
    return any(compared_form(w) in forms for w in participant.removeprefix("@").split())


def _held(participant: str, held: Set[str], shared: Set[str]) -> bool:
    """Whether the other claim holds a participant: its frame does, or its wording outside
    the change has every word of it."""
    words = participant.removeprefix("@").split()
    return participant in held or all(compared_form(w) in shared for w in words)


def _verb_of(noun: str, words: list[str]) -> bool:
    """Whether ``words`` write a noun as a verb, the crude stems alike but for an "e"
    ("debate" / "debat" of "debated")."""
    stem = compared_form(noun).removesuffix("e")
    return noun not in words and any(w.removesuffix("e") == stem for w in words)


def _participants(frame: Frame) -> set[tuple[str, str]]:
    """(word, role) of a frame's participants, named and unnamed; nouns of the synonym list
    in their one form."""
    synonyms = vocabulary().synonyms
    held = {(synonyms.get(n, n), r) for r, n, _ in frame_nouns(frame)}
    for role in ("agents", "patients", "places", "others"):
        held.update((name, role) for name in getattr(frame, role))
    return held


def change_named(a: Signature, b: Signature) -> bool:
    """Whether one claim names a thing and the other, taking no side of ``direction``
    itself, a change of it instead ("$2.2 trillion of new spending" / "… of spending cuts":
    the cut is its participant, spending only says of what); "proposed spending cuts" /
    "proposed cutting spending" takes that side in both, and is compared there."""
    contrasts = vocabulary().contrasts
    for x, y in ((a, b), (b, a)):
        if x.frame is None or y.frame is None or "direction" in x.sides:
            continue
        things = {lemma for _, lemma, _ in frame_nouns(x.frame)}
        for _, lemma, modifiers in frame_nouns(y.frame):
            changes = any(label == "direction" for label, _ in contrasts.get(lemma, ()))
            if changes and things & set(modifiers.split("|")):
                return True
    return False
