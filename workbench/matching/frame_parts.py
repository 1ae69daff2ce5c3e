"""Reading a claim's frame for comparison: its unnamed participants, its main verb, and the
words of its names as a wording reads them."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

from workbench.core.values import Frame
from workbench.matching.actors import PERCENT, same_actor
from workbench.matching.shares import share_words
from workbench.matching.signature import Signature, compared_form, compared_words, vocabulary

#: the roles a participant can hold, the weightiest first
ROLES = ("agents", "patients", "places", "others")


def frame_names(frame: Frame) -> tuple[str, ...]:
    """The names a frame holds, in any role."""
    return (*frame.agents, *frame.patients, *frame.others, *frame.places)


def frame_nouns(frame: Frame) -> list[tuple[str, str, str]]:
    """(role, lemma, modifiers) of a frame's unnamed participants ("role:lemma:a|b"); a
    measure of one thing is that thing ("the unemployment rate" is "unemployment")."""
    out = []
    measures = vocabulary().measures
    shares = share_words()
    for entry in frame.nouns:
        role, _, rest = entry.partition(":")
        lemma, _, modifiers = rest.partition(":")
        lemma = PERCENT.sub(" percent", lemma).strip()  # "5% of taxpayers" = "5 percent of …"
        if lemma in shares:  # "half the voters" = "50 percent of the voters"
            lemma = "percent"
        if lemma in measures and modifiers:  # the measured noun is the one right before it
            *others, lemma = modifiers.split("|")
            modifiers = "|".join(others)
        out.append((role, lemma, modifiers))
    return out


def main_action(frame: Frame) -> str | None:
    """The frame's verb in its one form ("fired" and "fire" alike)."""
    if frame.predicate is None:
        return None
    return vocabulary().synonyms.get(frame.predicate, frame.predicate)


def noun_roles(frame: Frame) -> dict[str, str]:
    """{lemma: role} of a frame's unnamed participants (the first role when several)."""
    roles: dict[str, str] = {}
    for role, lemma, _ in frame_nouns(frame):
        if lemma not in roles or ROLES.index(role) < ROLES.index(roles[lemma]):
            roles[lemma] = role
    return roles


def frame_agents(frame: Frame) -> set[str]:
    """Who acts in a frame, named or not ("cuba", "@we", "pilot")."""
    return set(frame.agents) | {n for n, role in noun_roles(frame).items() if role == "agents"}


def same_nouns(
    kinds_a: dict[tuple[str, str], set[str]], kinds_b: dict[tuple[str, str], set[str]]
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The (role, noun) keys of each frame that name the same participant: the same noun in
    the same role, or a noun each frame holds in one role only, whatever the roles (the
    parser reads "taken on the oil lobby" with a particle in one sentence and a preposition
    in the next)."""
    pairs = [(key, key) for key in kinds_a.keys() & kinds_b.keys()]
    paired = {noun for _, noun in pairs}
    alone_a, alone_b = _in_one_role(kinds_a), _in_one_role(kinds_b)
    pairs += [(alone_a[n], alone_b[n]) for n in (alone_a.keys() & alone_b.keys()) - paired]
    return pairs


def _in_one_role(kinds: dict[tuple[str, str], set[str]]) -> dict[str, tuple[str, str]]:
    """{noun: its (role, noun) key} of the nouns a frame holds in one role only."""
    keys: dict[str, list[tuple[str, str]]] = {}
    for key in kinds:
        keys.setdefault(key[1], []).append(key)
    return {noun: found[0] for noun, found in keys.items() if len(found) == 1}


def wording_words(names: Iterable[str]) -> frozenset[str]:
    """The compared words of ``names`` as the wording read them: frames hold names
    lowercased, the wording read them capitalised ("american" is "unit stat" there)."""
    return frozenset(w for name in names for w in compared_words(name.title()))


@functools.lru_cache(maxsize=4096)
def name_words(frame: Frame) -> frozenset[str]:
    """The normalised words of the names a frame holds, in any role."""
    return wording_words(frame_names(frame))


def other_agent(a: Frame, b: Frame) -> str | None:
    """ "agent" when each frame's unnamed actors hold one noun the other has nowhere ("by
    protesting legislators" / "by police officers"), or one side two, one in a clause saying
    which actor ("the farmer who grows wheat" / "the baker who bakes bread"). Only the agent:
    a target replaced by another noun is as often a paraphrase ("the deal" / "the agreement")
    as a different claim, unless it is the only change (``participant_replaced``)."""
    names = name_words(a) | name_words(b)
    nouns_a, nouns_b = _unnamed(a, names), _unnamed(b, names)
    only_a = {n for role, n in nouns_a if role == "agents"} - {n for _, n in nouns_b}
    only_b = {n for role, n in nouns_b if role == "agents"} - {n for _, n in nouns_a}
    sizes, pronoun = sorted((len(only_a), len(only_b))), any(n[0] == "@" for n in only_a | only_b)
    return "agent" if sizes == [1, 1] or (sizes == [1, 2] and not pronoun) else None


def _unnamed(frame: Frame, names: frozenset[str]) -> set[tuple[str, str]]:
    """(role, noun in its synonyms' one form) of a frame's unnamed participants, leaving out
    a name the parser also read as a noun ("Soros" as "soro")."""
    synonyms = vocabulary().synonyms
    return {
        (role, synonyms.get(n, n))
        for role, n, _ in frame_nouns(frame)
        if compared_form(n) not in names
    }


def compounds_joined(mine: set[str], theirs: set[str]) -> tuple[set[str], set[str]]:
    """``mine`` and ``theirs`` without a compound one writes as one word and the other as
    two ("healthcare" / "health care", "fistfights" / "fist fights"), in either order."""
    mine, theirs = set(mine), set(theirs)
    for one, two in ((mine, theirs), (theirs, mine)):
        for x, y in itertools.permutations(sorted(two), 2):
            if x + y in one:
                one.discard(x + y)
                two.difference_update((x, y))
    return mine, theirs


def prefixed_kind(a: Frame, b: Frame) -> str | None:
    """ "agent" or "target" when one frame holds a noun with a prefix that makes it another
    kind of participant (the splitter's "vice-president", "ex-minister") where the other,
    in the same role, holds the noun alone ("the vice president opposes it" / "the president
    opposes it")."""
    for first, second in ((a, b), (b, a)):
        mine = {(role, lemma) for role, lemma, _ in frame_nouns(first)}
        theirs = {(role, lemma) for role, lemma, _ in frame_nouns(second)}
        for role, lemma in mine - theirs:
            bare = (role, lemma.partition("-")[2])
            if bare[1] and bare in theirs - mine:
                return "agent" if role == "agents" else "target"
    return None


def speaker_in_wording(said: Signature, unsaid: Signature) -> bool:
    """Whether a claim no one is said to make holds the whole wording of one a speaker makes
    after words naming another who acts: "The platform suggests that it can be done" /
    (the president:) "It can be done". The words before it say who puts it forward, as a
    speaker would, and it is not the other's speaker."""
    if not said.speaker or said.speaker.startswith("@") or unsaid.speaker or unsaid.frame is None:
        return False  # a pronoun may be anyone named: "Their conclusion was that X" / (they:) "X"
    words, theirs = unsaid.text.split(), said.text.split()
    cut = len(words) - len(theirs)
    if cut < 2 or words[cut:] != theirs:
        return False
    before = set(words[:cut])
    if before & set(compared_words(said.speaker)):
        return False  # "we have found in our studies that X" / (our studies:) "X"
    agents = [compared_words(agent) for agent in frame_agents(unsaid.frame)]
    named = [" ".join(a) for a in agents if a and before.issuperset(a) and "@" not in a[0]]
    return bool(named) and not any(same_actor(a, said.speaker) for a in named)
