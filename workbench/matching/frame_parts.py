"""Reading a claim's frame for comparison: its unnamed participants and its main verb."""

from __future__ import annotations

from workbench.core.values import Frame
from workbench.matching.actors import PERCENT
from workbench.matching.signature import vocabulary

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
    for entry in frame.nouns:
        role, _, rest = entry.partition(":")
        lemma, _, modifiers = rest.partition(":")
        lemma = PERCENT.sub(" percent", lemma).strip()  # "5% of taxpayers" = "5 percent of …"
        if lemma in measures and modifiers:  # the measured noun is the one right before it
            *rest, lemma = modifiers.split("|")
            modifiers = "|".join(rest)
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


def same_nouns(
    kinds_a: dict[tuple[str, str], set[str]], kinds_b: dict[tuple[str, str], set[str]]
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The (role, noun) keys of each frame that name the same participant: the same noun in
    the same role, or a noun each frame holds in one role only, whatever the roles (the
    parser reads "taken on the oil lobby" with a particle in one sentence and a preposition
    in the next)."""
    pairs = [(key, key) for key in kinds_a.keys() & kinds_b.keys()]
    paired = {noun for _, noun in kinds_a.keys() & kinds_b.keys()}
    roles_a: dict[str, list[tuple[str, str]]] = {}
    roles_b: dict[str, list[tuple[str, str]]] = {}
    for key in kinds_a:
        roles_a.setdefault(key[1], []).append(key)
    for key in kinds_b:
        roles_b.setdefault(key[1], []).append(key)
    for noun in (roles_a.keys() & roles_b.keys()) - paired:
        if len(roles_a[noun]) == 1 and len(roles_b[noun]) == 1:
            pairs.append((roles_a[noun][0], roles_b[noun][0]))
    return pairs
