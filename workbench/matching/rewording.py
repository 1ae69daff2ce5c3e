"""Differences read from two wordings that are alike but for a few words: another main
verb or a person named otherwise (a participant: ``participants``; two words trading
places, or one claim holding the other and saying more: ``word_order``)."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import replace
from difflib import SequenceMatcher
from types import MappingProxyType

from workbench.core.values import Frame
from workbench.matching.frame_parts import (
    frame_nouns,
    main_action,
    name_words,
)
from workbench.matching.signature import (
    STOPWORDS,
    Signature,
    compared_form,
    compared_numbers,
    vocabulary,
)
from workbench.matching.vocabulary import ARTICLES


def action_replaced(a: Signature, b: Signature) -> bool:
    """Whether two claims worded alike but for one word differ in their main verb: "Lam was
    interrupted by legislators" / "Lam was applauded by legislators", "I don't agree with
    that" / "I don't disagree with that". Another verb in the same words is more often
    another claim than a paraphrase; a verb said otherwise with other words ("collapsed" /
    "fell down") is not compared, but a particle traded with it for one of the other side
    is read past ("add $5 trillion to the debt" / "take $5 trillion off the debt"). "be",
    "have" and "do" are left out: they carry little. So is a verb of a clause that says
    which ones a claim means, the rest alike ("directed at those who are doing well" / "…
    at those who are struggling")."""
    if a.frame is None or b.frame is None:
        return False
    if _described_otherwise(a, b):
        return True
    changed = changed_words(a, b)
    if changed is None or not 1 <= len(changed) <= 2:
        return False
    # "add … to" / "take … off": a particle taking the other side of a [traded] group, as
    # the verb trades ("put money into" / "invested in" is one action said two ways)
    traded = [pair for pair in changed.values() if not _particles_traded(*pair)]
    if len(traded) != 1:
        return False
    ((x, y),) = traded
    if _one_side(x, y) or _path_says_direction(a, b, x, y):
        return False  # one side of a listed contrast: "rose" / "increased"
    verbs = {compared_form(v) for v in (*a.frame.verbs, *b.frame.verbs)}
    if verbs and not {x, y} & verbs:
        return False  # the verb said otherwise elsewhere ("invested" / "made an investment")
    actions = {main_action(a.frame), main_action(b.frame)}
    return len(actions) == 2 and None not in actions and not actions & {"be", "have", "do"}


#: the words that open a clause saying which ones a noun means
_RELATIVES = frozenset({"who", "whom", "which", "that"})
#: verbs that carry little of what a clause says ("the bill that had" / "that included")
_LIGHT_VERBS = frozenset({"be", "is", "are", "was", "were", "been", "have", "has", "had"})


def _described_otherwise(a: Signature, b: Signature) -> bool:
    """Whether the one stretch two wordings with the same main verb differ in, right after
    a relative pronoun, holds a verb of each frame, each missing from the other wording,
    and they are no two words on one side of a listed contrast ("those who are doing well"
    / "those who are struggling")."""
    mine, theirs = a.text.split(), b.text.split()
    edits = word_edits(mine, theirs)
    if len(edits) != 1 or edits[0][0] != "replace" or main_action(a.frame) != main_action(b.frame):
        return False
    _, start, stop, other_start, other_stop = edits[0]
    if not set(mine[max(0, start - 2) : start]) & _RELATIVES:
        return False  # a verb of the claim's own, said otherwise ("put together" / "combined")
    x = {compared_form(v) for v in a.frame.verbs} & set(mine[start:stop]) - set(theirs)
    y = {compared_form(v) for v in b.frame.verbs} & set(theirs[other_start:other_stop]) - set(mine)
    if not x - _LIGHT_VERBS or not y - _LIGHT_VERBS:
        return False
    return not any(_one_side(v, w) for v in x for w in y)


def _particles_traded(x: str, y: str) -> bool:
    """Whether two particles take opposite sides of a ``[traded]`` group ("to" / "off")."""
    return bool(sides_taken(vocabulary().traded, x, y))


def sides_taken(
    table: Mapping[str, Sequence[tuple[str, int]]], x: str, y: str
) -> dict[str, tuple[int, int]]:
    """{group: (x's side, y's side)} of the groups of a contrast table (``[contrasts]``,
    ``[traded]``) in which ``x`` and ``y`` stand apart."""
    sides_x, sides_y = dict(table.get(x, ())), dict(table.get(y, ()))
    shared = sides_x.keys() & sides_y.keys()
    return {g: (sides_x[g], sides_y[g]) for g in shared if sides_x[g] != sides_y[g]}


def direction_of_path(a: Signature, b: Signature) -> bool:
    """Whether one claim's main verb says an amount changed and the other's which way, the
    way both claims' amounts go ("brought the fee from $10 to $40" / "raised the fee …")."""
    x, y = (main_action(c.frame) if c.frame else None for c in (a, b))
    return x is not None and y is not None and x != y and _path_says_direction(a, b, x, y)


def _path_says_direction(a: Signature, b: Signature, x: str, y: str) -> bool:
    """Whether of two traded verbs one says only that an amount changed and the other which
    way, the way both claims' amounts go ("went from 24 billion to 36 billion" / "rose from
    24 billion to 36 billion"; "fell from …" is another claim)."""
    assert a.frame is not None and b.frame is not None
    vocab = vocabulary()
    if a.frame.path != b.frame.path or not {x, y} & vocab.change_verbs:
        return False
    amounts = [compared_numbers(end) for end in a.frame.path]
    if len(amounts) != 2 or any(len(n) != 1 for n in amounts):
        return False
    start, end = (float(n[0]) for n in amounts)
    if start == end:
        return False
    side = ("direction", 0 if end > start else 1)
    verb = y if x in vocab.change_verbs else x
    return side in vocab.contrasts.get(verb, ())


#: the most words a replaced participant may take on either side ("a prison term" / "a fine")
_REPLACED_WORDS = 3


def quality_replaced(a: Signature, b: Signature) -> bool:
    """Whether two claims worded alike in every other word say a thing is otherwise: each
    word they trade (at most three) is an adjective of one ("used in the positive sense" /
    "in the negative sense", "spiteful and critical comments" / "kind and supportive
    comments"; the parser reads some adjectives as nouns, so one side is enough). Adjectives
    listed as synonyms are one word already; two of one side of a contrast ("higher" /
    "larger") and a trade with a stop word ("federal courts" / "the courts" says less) are
    not told apart. A quality of two words traded for one in the one place the claims differ
    counts too ("for middle class Americans" / "for wealthy Americans"), and so do nouns that
    say which ones ("prescription drug coverage" / "dental coverage"), unless the words are
    one word written apart ("health care" / "healthcare")."""
    if a.frame is None or b.frame is None:
        return False
    if _traded_in_place(a, b, a.frame.qualities, b.frame.qualities, STOPWORDS):
        return True
    replaced = one_replacement(a, b)
    if replaced is None or len(replaced[0]) == len(replaced[1]):
        return False  # the same number of words is traded in place, judged above
    if "".join(replaced[0]) == "".join(replaced[1]):
        return False
    old, new = set(replaced[0]) - STOPWORDS, set(replaced[1]) - STOPWORDS
    mine, theirs = _modifiers(a.frame), _modifiers(b.frame)
    return (
        bool(old & mine and new & theirs)
        and not old & new
        and not any(_one_side(x, y) for x in old for y in new)
    )


def _modifiers(frame: Frame) -> set[str]:
    """The words a frame says what its participants are like or which ones they are by
    (qualities, and the nouns and adjectives before its unnamed participants), as compared."""
    kinds = {w for _, _, mods in frame_nouns(frame) for m in mods.split("|") for w in m.split()}
    return {compared_form(w) for w in (*frame.qualities, *kinds)}


def one_replacement(a: Signature, b: Signature) -> tuple[list[str], list[str], set[str]] | None:
    """(the words of ``a``, the words of ``b`` in their place, the words both share) when two
    normalised wordings differ only in one place, at most :data:`_REPLACED_WORDS` words on
    either side; changes with only an article, a list's joint or a name both claims hold
    between them are one place ("young African-American men" / "elderly African-American
    women")."""
    mine, theirs = a.text.split(), b.text.split()
    edits = word_edits(mine, theirs)
    joints = _place_joints()
    # a name both hold between words replaced in place: "young [African-American] men"; not
    # a name words move around ("the act of the NTC" / "the NTC's act")
    if a.frame is not None and b.frame is not None and all(op[0] == "replace" for op in edits):
        joints = joints | (name_words(a.frame) & name_words(b.frame))
    if not edits or any(set(mine[x[2] : y[1]]) - joints for x, y in itertools.pairwise(edits)):
        return None
    i1, i2, j1, j2 = edits[0][1], edits[-1][2], edits[0][3], edits[-1][4]
    if not (i2 > i1 and j2 > j1):
        return None
    old, new = mine[i1:i2], theirs[j1:j2]
    # a list in place of a list, or of one noun ("low and middle income people" /
    # "corporations"), counts by its items; "seven and a half" is no list
    joined = [bool(_list_joints().intersection(side)) for side in (old, new)]
    lists = all(joined) or any(
        len(side) == 1 and side[0] in noun_forms(signature.frame) and any(joined)
        for side, signature in ((old, a), (new, b))
    )
    if max(_size(old, a.frame, lists), _size(new, b.frame, lists)) > _REPLACED_WORDS:
        return None
    return old, new, set(mine[:i1] + mine[i2:])


def word_edits(mine: list[str], theirs: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The places two wordings differ, as ``SequenceMatcher`` opcodes (the equal runs left
    out)."""
    return list(_word_edits(tuple(mine), tuple(theirs)))


@functools.lru_cache(maxsize=1024)
def _word_edits(
    mine: tuple[str, ...], theirs: tuple[str, ...]
) -> tuple[tuple[str, int, int, int, int], ...]:
    # read once per pair: several rules of differences() look at the same pair's edits
    return tuple(
        op for op in SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
        if op[0] != "equal"
    )  # fmt: skip


def anchor_replaced(a: Signature, b: Signature) -> bool:
    """Whether two wordings differ only where each puts a word that places a thing against
    the day it is said, maybe with an article: "this administration" / "the last
    administration", "the next council" / "this council"."""
    anchors = {compared_form(w) for w in vocabulary().date_anchors}
    placing = anchors | ARTICLES
    words_a, words_b = a.text.split(), b.text.split()
    unshared = set(words_a) ^ set(words_b)
    if not unshared or not unshared <= placing:
        return False  # cheap, and most compared pairs differ in other words
    edits = word_edits(words_a, words_b)
    if len(edits) != 1 or edits[0][0] != "replace":
        return False
    _, i1, i2, j1, j2 = edits[0]
    mine, theirs = set(words_a[i1:i2]), set(words_b[j1:j2])
    if not (mine <= placing and theirs <= placing):
        return False
    return bool(mine & anchors) and bool(theirs & anchors) and mine - ARTICLES != theirs - ARTICLES


def one_word_replaced(
    a: Signature, b: Signature, beside: Set[str] = ARTICLES
) -> tuple[str, str] | None:
    """(the word of ``a``, the word of ``b``) when two wordings differ only in one place,
    where each puts one word and maybe words of ``beside``: an article ("this council" / "the
    last council"), or what else the caller names ("went to the Olympics" / "left the …")."""
    mine, theirs = set(a.text.split()) - beside, set(b.text.split()) - beside
    if len(mine - theirs) != 1 or len(theirs - mine) != 1:
        return None  # cheap, and most compared pairs differ more
    replaced = one_replacement(a, b)
    if replaced is None:
        return None
    old, new = ([w for w in side if w not in beside] for side in replaced[:2])
    return (old[0], new[0]) if len(old) == len(new) == 1 else None


def one_word_traded(a: Signature, b: Signature) -> tuple[str, str] | None:
    """:func:`one_word_replaced`, or the one word each puts beside a preposition in the one
    place they differ ("went to the Olympics" / "left the Olympics")."""
    return one_word_replaced(a, b) or one_word_replaced(a, b, _articles_and_prepositions())


@functools.cache
def _articles_and_prepositions() -> frozenset[str]:
    return ARTICLES | vocabulary().head_prepositions


def _size(words: list[str], frame: Frame | None, lists: bool = False) -> int:
    """How many words ``words`` are as a replacement: an article or a joint is none, and a
    name written in several words is one ("African-American" / "white"). With ``lists`` (a
    list in place of a list) a list counts as its longest item ("scenic rivers and
    wilderness areas" / "highways and airports" is two words for two)."""
    named = name_words(frame) if frame is not None else frozenset()
    joints, parts = _place_joints(), _list_joints()
    size, longest, previous = 0, 0, ""
    for word in words:
        if word in parts and lists:
            size = 0
        elif word not in joints and not (word in named and previous in named):
            size += 1
            longest = max(longest, size)
        previous = word
    return longest


@functools.lru_cache(maxsize=4096)
def noun_forms(frame: Frame | None) -> frozenset[str]:
    """The compared forms of a frame's unnamed participants ("corporation")."""
    return frozenset(compared_form(n) for _, n, _ in frame_nouns(frame)) if frame else frozenset()


@functools.cache
def _place_joints() -> frozenset[str]:
    """The words two changes may keep between them and still be one place: an article ("on
    the outskirts" / "in the centre") or a list's joint ("oil and gas" / "coal and steel")."""
    return ARTICLES | _list_joints()


@functools.cache
def _list_joints() -> frozenset[str]:
    """The one-word joints that part the items of a list ("rivers and areas")."""
    return frozenset(j for j in vocabulary().list_joints if " " not in j)


def verb_traded(a: Signature, b: Signature) -> bool:
    """Whether two claims worded alike in every other word say that something else was done:
    each word they trade in place (at most three) is a verb of one of them, wherever it
    stands ("an account that recognised the planning" / "that criticised the planning",
    "the moment for stopping a no-deal Brexit" / "for securing …"). Verbs listed as
    synonyms are one word already; light verbs ("was" / "appeared", "had" / "held"), two of
    one side of a contrast, stop words and words that only change places are not told
    apart."""
    if a.frame is None or b.frame is None:
        return False
    vocab = vocabulary()
    excluded = vocab.light_verbs | STOPWORDS
    return _traded_in_place(a, b, a.frame.verbs, b.frame.verbs, excluded, vocab.particles)


def predicate_replaced(a: Signature, b: Signature) -> bool:
    """Whether two claims worded alike in every other word say another thing was done, the
    words of each main verb replaced by others, however many: "resigned on Monday" / "was
    fired on Monday", "escaped from Tora Bora" / "died in Tora Bora", "gave up her seat" /
    "kept her seat", "blocked the road" / "walked along the road", "pushed them away" /
    "welcomed them" (a particle apart from its verb goes with it). A verb put otherwise in a
    phrase that is listed as its synonym ("stepped down" / "resigned"), two verbs of one side
    of a contrast ("shut down" / "closed") or of one action, and a light verb's phrase ("had
    a meeting" / "met": the action is in the noun) are not told apart."""
    if a.frame is None or b.frame is None:
        return False
    actions = {main_action(a.frame), main_action(b.frame)}
    if len(actions) != 2 or None in actions or actions & vocabulary().light_verbs:
        return False
    replaced = one_replacement(a, b)
    if replaced is None and not _one_phrasal_action(a, b):
        replaced = one_replacement(_verbs_joined(a), _verbs_joined(b))
    if replaced is None:
        return False
    words_a, words_b, rest = replaced
    if any(_one_side(x, y) for x in words_a for y in words_b):
        return False
    return _holds_verb(words_a, rest, a.frame) and _holds_verb(words_b, rest, b.frame)


def _one_phrasal_action(a: Signature, b: Signature) -> bool:
    """Whether one claim's main verb with a particle it holds says the other's main verb,
    or both say one verb (``[light_verbs] phrasal``: "brought London back" / "returned
    London", "holds prices down" / "keeps prices down")."""
    said_a, said_b = _phrasal_meanings(a), _phrasal_meanings(b)
    return bool(main_action(b.frame) in said_a or main_action(a.frame) in said_b or said_a & said_b)


def _phrasal_meanings(signature: Signature) -> set[str]:
    """The verbs a claim's main verb says with each particle its wording holds."""
    vocab = vocabulary()
    verb = signature.frame.predicate
    meant = (
        vocab.phrasal.get((verb, p)) for p in set(signature.text.split()) & vocab.particles_apart
    )
    return {vocab.synonyms.get(m, m) for m in meant if m is not None}


def _verbs_joined(signature: Signature) -> Signature:
    """The signature without the particles that may stand apart from their verb, so that a
    phrasal verb with its object between ("pushed them away") is one place."""
    apart = vocabulary().particles_apart
    words = [w for w in signature.text.split() if w not in apart]
    return replace(signature, text=" ".join(words), frame_source=signature.frame)


def _holds_verb(words: list[str], rest: Set[str], frame: Frame) -> bool:
    """Whether ``words`` (of a normalised wording) hold the frame's main verb: written
    there, or written nowhere in the ``rest`` of the wording because a listed phrase
    ("shut down" → "closed") took its place."""
    verbs = {compared_form(v) for v in frame.verbs} - vocabulary().light_verbs
    if frame.predicate:
        verbs.add(compared_form(frame.predicate))
    return bool(verbs.intersection(words)) or bool(verbs and not verbs & rest)


def _traded_in_place(
    a: Signature,
    b: Signature,
    mine: Iterable[str],
    theirs: Iterable[str],
    excluded: Set[str],
    carried: Set[str] = frozenset(),
) -> bool:
    """Whether every word two wordings alike trade in place (at most three) is one of
    ``mine`` (as ``a`` writes it) or of ``theirs`` (as ``b`` does), none ``excluded``, none on
    one side of a contrast with its counterpart, none only moved; two ``carried`` words
    traded for each other go with the rest ("paid down" / "run up"). Words read from
    neither frame (a claim split before they were read) tell nothing."""
    mine = {compared_form(w) for w in mine}
    theirs = {compared_form(w) for w in theirs}
    if not mine and not theirs:
        return False
    changed = changed_words(a, b)
    if not changed or len(changed) > _REPLACED_WORDS:
        return False
    olds, news = {x for x, _ in changed.values()}, {y for _, y in changed.values()}
    changed = {k: (x, y) for k, (x, y) in changed.items() if not {x, y} <= carried}
    return bool(changed) and all(
        (x in mine or y in theirs)
        and not {x, y} & excluded
        and x not in news  # "mostly goes" / "goes largely": a word moved, not replaced
        and y not in olds
        and not _one_side(x, y)
        for x, y in changed.values()
    )


def _one_side(x: str, y: str) -> bool:
    """Whether two words traded in place say one thing: on one side of a listed contrast
    ("rose" / "increased") or one action (``[one_action]``: "declined" / "refused")."""
    vocab = vocabulary()
    return any(
        set(table.get(x, ())) & set(table.get(y, ()))
        for table in (vocab.contrasts, vocab.one_action)
    )


#: pronouns that stand for who undergoes an action, not who acts
_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them"})
#: pronouns that say whose a thing is
_POSSESSIVE_PRONOUNS = frozenset({"my", "our", "your", "his", "their", "mine", "ours", "yours",
                                  "hers", "theirs"})  # fmt: skip


def person_traded(a: Signature, b: Signature) -> str | None:
    """The role ("agent", "target" or "possessor") of a personal pronoun two claims worded
    alike trade, in place, for one of another person: "He did not say that" / "I did not say
    that", "backed him" / "backed her", "our military" / "their military". Whoever the
    pronouns stand for, they are not one person."""
    changed = changed_words(a, b)
    if not changed:
        return None
    agreeing = vocabulary().agreeing  # "I've kept" / "he's kept": the verb agrees
    changed = {k: pair for k, pair in changed.items() if not set(pair) <= agreeing}
    if len(changed) > _REPLACED_WORDS:
        return None
    persons = vocabulary().persons
    for x, y in changed.values():
        if x in persons and y in persons and persons[x] != persons[y]:
            if {x, y} & _POSSESSIVE_PRONOUNS:
                return "possessor"  # "our military" / "their military"
            return "target" if {x, y} & _OBJECT_PRONOUNS else "agent"
    return None


def changed_words(a: Signature, b: Signature) -> Mapping[int, tuple[str, str]] | None:
    """{position: (word of a, word of b)} where two normalised wordings of as many words
    differ; None when their lengths differ."""
    return _changed_words(a.text, b.text)


@functools.lru_cache(maxsize=1024)
def _changed_words(mine: str, theirs: str) -> Mapping[int, tuple[str, str]] | None:
    # read once per pair: every rule of differences() that compares words in place asks
    words_a, words_b = mine.split(), theirs.split()
    if len(words_a) != len(words_b):
        return None
    changed = {k: (x, y) for k, (x, y) in enumerate(zip(words_a, words_b, strict=True)) if x != y}
    return MappingProxyType(changed)
