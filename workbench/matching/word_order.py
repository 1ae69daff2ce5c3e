"""Differences two claims worded with nearly the same words may still have: one holds the
other and says more with it, or two of their words trade places across the rest."""

from __future__ import annotations

import functools
from collections import Counter

from workbench.core.values import Frame
from workbench.matching.frame_parts import frame_nouns, main_action, wording_words
from workbench.matching.rewording import word_edits
from workbench.matching.signature import (
    Signature,
    compared_form,
    compared_words,
    index_terms,
    vocabulary,
)

#: the fewest words a claim must add to another's, around another main verb, to say more
_MORE_WORDS = 3


#: the share of the shorter claim's words the longer one must hold to contain it
_CONTAINED = 0.9


def says_more(a: Signature, b: Signature) -> bool:
    """Whether one claim holds nearly all of the other's words and says something else with
    them, its main verb another: "The decision comes after bombings took place in Tunis" /
    "Bombings took place in Tunis", "Police determined the car came from X and spoke with
    Y" / "Police spoke with Y"; or, the main verb the same, does one more thing joined to
    it (:func:`_joined_action`). A verdict on the part is not a verdict on the whole, nor
    the other way round; the wording scores alone would call the part contained a match."""
    if a.frame is None or b.frame is None:
        return False
    actions = {main_action(a.frame), main_action(b.frame)}
    if None in actions:
        return False
    short, long, frame = _shorter_and_longer(a, b)
    if len(actions) == 1:
        return _joined_action(short, long, frame, a.frame if frame is b.frame else b.frame)
    if len(long) - len(short) < _MORE_WORDS:
        return False
    held, short_words = Counter(long), Counter(short)
    shared = sum(min(n, held[w]) for w, n in short_words.items())
    if shared < _CONTAINED * len(short):
        return False
    if frame.predicate in vocabulary().frame_verbs:
        return False  # "I believe that X" / "X": the frame kept, the claim the same
    if set(held - short_words) <= vocabulary().existential:
        return False  # "We have 17,000 soldiers that get …" / "17,000 soldiers get …"
    # the words it adds carry its own main verb: the rest is the other claim, subordinate
    return compared_form(frame.predicate) in held - short_words or _clause_after(short, long)


def _clause_after(short: list[str], long: list[str]) -> bool:
    """Whether the shorter wording is the longer one's last clause, after a word that opens
    one ("they withdraw before X got killed" / "X got killed": "pulled out" is "withdraw",
    so the main verb is not found as the frame names it)."""
    n = len(short)
    return len(long) > n and long[-n:] == short and long[-n - 1] in vocabulary().clause_openers


def words_traded(a: Signature, b: Signature) -> bool:
    """Whether two claims worded alike differ only in two words or phrases that trade places
    across a word of substance (not side by side, nor listed together): "journalists were
    injured after being attacked by protesters" / "protesters were injured after being
    attacked by journalists", "the polluters should pay for those toxic waste dumps" /
    "those toxic waste dumps should pay for the polluters"."""
    mine, theirs = _agreed(a.text.split()), _agreed(b.text.split())
    if len(mine) != len(theirs) or sorted(mine) != sorted(theirs) or mine == theirs:
        return False
    start = next(k for k, (x, y) in enumerate(zip(mine, theirs, strict=True)) if x != y)
    stop = len(mine) - next(
        k for k, (x, y) in enumerate(zip(mine[::-1], theirs[::-1], strict=True)) if x != y
    )
    ours, others = mine[start:stop], theirs[start:stop]
    n = len(ours)
    held = _argument_words(a.frame) | _argument_words(b.frame)  # the parse may miss one
    # what the frames say of their participants: "hit middle-income Americans and leave
    # wealthy Americans untouched" / "hit wealthy Americans and leave middle-income …"
    said = _listed_words(a.frame, "qualities") | _listed_words(b.frame, "qualities")
    # what the participants do, traded across the main verb: "the cost of doing nothing
    # exceeds the cost of trying" / "the cost of trying exceeds the cost of doing nothing"
    # (clauses that only change places keep the main verb inside one of them)
    done = _listed_words(a.frame, "verbs") | _listed_words(b.frame, "verbs")
    main = _predicate_words(a.frame) | _predicate_words(b.frame)
    beside = _other_words(a.frame) | _other_words(b.frame)
    joints, ratios = vocabulary().list_joints, vocabulary().ratio_words
    # ours = X Q Y and others = Y Q X, with a word of substance in Q, and in X and Y either
    # one word of substance each or a participant who acts or undergoes: phrases that only
    # say when, where or according to whom ("during the march …, … according to
    # estimates") move freely
    for i in range(1, n - 1):
        for j in range(1, n - i):
            x, q, y = ours[:i], ours[i : n - j], ours[n - j :]
            if not (others[:j] == y and others[n - i :] == x and others[j : n - i] == q):
                continue
            ratio = bool(ratios & set(q))  # "crimes for every officer"
            if not (index_terms(" ".join(q)) or ratio):
                continue
            if ratio and index_terms(" ".join(x)) and index_terms(" ".join(y)):
                return True
            if {q[0], q[-1]} & joints and not (done | main) & set(q):
                continue  # a list in another order: "some schools, the museum and courts"
            if mine[max(0, start - len(q)) : start] == q:
                continue  # so is a list whose items repeat their opening words: "the most
                # productive, the most innovative" / "the most innovative, the most …"
            if _roles_kept(a.frame, b.frame, set(x), set(y)):
                continue  # "the bill passed the Senate" / "the Senate passed the bill"
            if (len(x) == len(y) == 1 and index_terms(x[0])) or any(
                words & set(x) and words & set(y) for words in (held, said)
            ):
                return True
            if done & set(x) and done & set(y) and main & set(q):
                return True
            # what one is said to be traded with another participant: "a young African-
            # American man … as a young white man" / "a young white man … as a young …"
            if (said & set(x) and beside & set(y)) or (beside & set(x) and said & set(y)):
                return True
            # others of the frame traded across a verb: "an effort led by the army,
            # supported by the militia" / "led by the militia, supported by the army"
            if beside & set(x) and beside & set(y) and done & set(q):
                return True
    return False


def _agreed(words: list[str]) -> list[str]:
    """Words with the verbs that agree with their subject in one form: the verb of a
    subject traded agrees with the new one ("revenues have not kept pace with spending" /
    "spending has not kept pace with revenues"). A bare "s" may be a possessive and stays."""
    agreeing = vocabulary().agreeing - {"s"}
    return ["have" if w in agreeing else w for w in words]


@functools.lru_cache(maxsize=4096)
def _argument_words(frame: Frame | None) -> frozenset[str]:
    """The compared words of a frame's participants who act or undergo (agents, targets),
    named or not."""
    if frame is None:
        return frozenset()
    return _role_words(frame, "agents") | _role_words(frame, "patients")


def _other_words(frame: Frame | None) -> frozenset[str]:
    """The compared words of a frame's other participants (neither acting nor undergoing)."""
    return frozenset() if frame is None else _role_words(frame, "others")


def _roles_kept(a: Frame | None, b: Frame | None, x: set[str], y: set[str]) -> bool:
    """Whether two phrases that trade places name, in both frames, one who acts and one
    who undergoes the action, each keeping its role and taking the other's in neither: the
    parse read the words in their new order as saying the same thing."""
    if a is None or b is None:
        return False
    agents = (_role_words(a, "agents"), _role_words(b, "agents"))
    patients = (_role_words(a, "patients"), _role_words(b, "patients"))
    acting, undergoing = agents[0] & agents[1], patients[0] & patients[1]
    for one, other in ((x, y), (y, x)):
        if (
            one & acting
            and other & undergoing
            and not one & (patients[0] | patients[1])
            and not other & (agents[0] | agents[1])
        ):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _role_words(frame: Frame, role: str) -> frozenset[str]:
    """The compared words of a frame's participants in one role ("agents", "patients")."""
    nouns = [lemma for kind, lemma, _ in frame_nouns(frame) if kind == role]
    named = wording_words(getattr(frame, role))
    return named | {w for noun in nouns for w in compared_words(noun)}


@functools.lru_cache(maxsize=4096)
def _listed_words(frame: Frame | None, field: str) -> frozenset[str]:
    """The compared words of one of a frame's lists: what it says of its participants
    ("qualities": "wealthy" as "rich") or the verbs it reads ("verbs")."""
    if frame is None:
        return frozenset()
    return frozenset(w for item in getattr(frame, field) for w in compared_words(item))


def _predicate_words(frame: Frame | None) -> frozenset[str]:
    """The compared words of a frame's main verb."""
    if frame is None or not frame.predicate:
        return frozenset()
    return frozenset(compared_words(frame.predicate))


def head_dropped(a: Signature, b: Signature) -> bool:
    """Whether one claim is the other with a noun and its preposition cut from the middle,
    the preposition's object left in the noun's place: "part of the solution to this
    problem" / "part of the problem", "the cost of the war" / "the war"; or with an owner
    cut after a possessive, which then owns the next noun: "my opponent's plan" / "my plan".
    So is a claim with a noun that names a change cut after the noun it changes, left to
    name the thing itself ("new tax cuts" / "new taxes", ``[heads] changes``). A modifier cut
    ("the biggest crime increase" / "the biggest increase") or a phrase cut from the end
    ("part of the solution to this problem" / "part of the solution") is not."""
    if a.frame is None or b.frame is None:
        return False
    short, long, frame = _shorter_and_longer(a, b)
    if not set(short) <= set(long):
        return False  # cheap, and most compared pairs differ more than by a cut
    edits = word_edits(long, short)
    if len(edits) != 1 or edits[0][0] != "delete":
        return False
    _, start, stop, _, _ = edits[0]
    if stop - start == 1 and start > 0 and _heads_change(long[start], long[start - 1], frame):
        return True  # "new tax cuts" / "new taxes"
    if stop >= len(long):
        return False
    vocab = vocabulary()
    nouns = {compared_form(n) for _, n, _ in frame_nouns(frame)}
    cut = list(long[start:stop])
    owned = start > 0 and long[start - 1] in vocab.head_owners
    if owned and len(cut) >= 2 and cut[-1] == vocab.possessive_ending:  # "my [rival's] plan"
        return cut[-2] in nouns and long[stop] in nouns
    while cut and cut[-1] in vocab.head_determiners:
        cut.pop()
    while cut and cut[0] in vocab.head_determiners:  # "[the cost of] the war"
        cut.pop(0)
    if len(cut) < 2 or cut[-1] not in vocab.head_prepositions:
        return False
    rest = [w for w in long[stop:] if w not in vocab.head_determiners]
    return cut[0] in nouns and bool(rest) and rest[0] in nouns


def _heads_change(word: str, before: str, frame: Frame) -> bool:
    """Whether ``word`` names a change of ``before`` (``[heads] changes``), which says which
    ones a noun of the frame is: "tax cuts", "crime increase"."""
    if word not in _change_words():
        return False
    return any(
        before in {compared_form(w) for m in mods.split("|") for w in m.split()}
        for _, _, mods in frame_nouns(frame)
    )


@functools.cache
def _change_words() -> frozenset[str]:
    return frozenset(compared_form(w) for w in vocabulary().head_changes)


def _joined_action(short: list[str], long: list[str], frame: Frame, other: Frame) -> bool:
    """Whether the longer wording holds every word of the shorter and, joined to it by a word
    of ``[lists] action_joints`` ("and"), a verb of its own frame the other's lacks, with
    words of its own: one clause the splitter did not part ("have robbed those who are
    powerful and have benefited the taxpayer" / "have robbed the taxpayer")."""
    if len(long) - len(short) < _MORE_WORDS or Counter(short) - Counter(long):
        return False
    vocab = vocabulary()
    more = {compared_form(v) for v in frame.verbs} - {compared_form(v) for v in other.verbs}
    more -= vocab.frame_verbs
    added = set(long) - set(short)
    return any(
        word in more and word in added and vocab.action_joints & set(long[max(0, k - 3) : k])
        for k, word in enumerate(long)
    )


def _shorter_and_longer(a: Signature, b: Signature) -> tuple[list[str], list[str], Frame]:
    """(the shorter wording's words, the longer one's, the longer one's frame); both claims
    have frames."""
    (short, _), (long, frame) = sorted(
        ((a.text.split(), a.frame), (b.text.split(), b.frame)), key=lambda pair: len(pair[0])
    )
    return short, long, frame
