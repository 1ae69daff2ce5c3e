"""What keeps two claims from being the same claim: numbers, negation, speakers, and the
frame roles that differ (another agent, agent and target swapped, another date …)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from workbench.core.values import UNCOMMITTED_STANCES, Frame
from workbench.matching.actors import actor_words, same_actor, same_speaker
from workbench.matching.comparatives import (
    comparison_reversed,
    degree_reversed,
    part_and_whole_swapped,
    traded_sides,
)
from workbench.matching.date_differences import date_differences, length_uncounted
from workbench.matching.frame_parts import (
    compounds_joined,
    frame_agents,
    frame_names,
    frame_nouns,
    main_action,
    noun_roles,
    other_agent,
    prefixed_kind,
    same_nouns,
    speaker_in_wording,
)
from workbench.matching.negations import (
    denial_traded,
    negated_elsewhere,
    negation_worded_otherwise,
)
from workbench.matching.number_order import numbers_swapped, ratio_base_changed
from workbench.matching.participants import change_named, participant_replaced
from workbench.matching.rewording import (
    action_replaced,
    anchor_replaced,
    changed_words,
    direction_of_path,
    one_word_traded,
    person_traded,
    predicate_replaced,
    quality_replaced,
    sides_taken,
    verb_traded,
)
from workbench.matching.signature import (
    STOPWORDS,
    Signature,
    compared_numbers,
    vocabulary,
)
from workbench.matching.word_order import head_dropped, says_more, words_traded


def compatible(a: Signature, b: Signature) -> bool:
    """Whether two claims could be the same claim at all, whatever their wording."""
    return not differences(a, b)


def differences(a: Signature, b: Signature) -> list[str]:
    """What keeps two claims from being the same claim: "number", "numbers swapped",
    "comparison reversed", "part and whole swapped", "comparison" ("safer" / "less safe"),
    "cause and effect swapped", "possessor swapped", "names swapped", "words swapped",
    "denied and said swapped", "action", "quality", "says more", "head noun" ("part of the
    solution to this problem" / "part of the problem"), "negation", "hedge", "stance",
    "level or change", "speaker", the contrasts in which they take opposite sides
    ("direction", "outcome", "currency" …), and the frame roles that differ ("agent", "agent
    and target swapped", "target", "place", "date", "weekday", "negation or hedge",
    "condition"). Empty when they could be the same claim."""
    found = []
    if a.numbers != b.numbers:
        found.append("number")
    elif numbers_swapped(a, b) or ratio_base_changed(a, b):
        found.append("numbers swapped")
    if comparison_reversed(a, b):
        found.append("comparison reversed")
    elif part_and_whole_swapped(a, b):
        found.append("part and whole swapped")
    elif degree_reversed(a, b):
        found.append("comparison")
    if traded_sides(a.caused_sides, b.caused_sides):
        found.append("cause and effect swapped")
    if possessors_swapped(a, b):
        found.append("possessor swapped")
    if (a.negated != b.negated and not negation_worded_otherwise(a, b)) or negated_elsewhere(a, b):
        found.append("negation")
    elif denial_traded(a, b):
        found.append("denied and said swapped")
    if a.hedges != b.hedges:  # a kind of hedge more: "may be seeking to" / "is seeking to"
        found.append("hedge")
    if a.level is not None and b.level is not None and a.level != b.level:
        found.append("level or change")
    apart = speaker_in_wording(a, b) or speaker_in_wording(b, a)  # "The plan suggests that X"
    if apart or (a.speaker and b.speaker and not same_speaker(a.speaker, b.speaker)):
        found.append("speaker")
    stances = {a.stance, b.stance}
    if None not in stances and len(stances) == 2 and stances & UNCOMMITTED_STANCES:
        found.append("stance")  # "X doubts that Y" / "X said Y"
    found.extend(contrasts(a, b))
    if a.frame is not None and b.frame is not None:
        found.extend(f for f in frame_differences(a.frame, b.frame) if f not in found)
        apart = name_read_apart(a, b) or name_read_apart(b, a)
        if apart is not None and apart not in found:
            found.append(apart)
    if "date" not in found and (anchor_replaced(a, b) or length_uncounted(a, b)):
        found.append("date")  # "this council" / "the last council", "the day after"
    acted = action_replaced(a, b) or verb_traded(a, b) or predicate_replaced(a, b)
    if acted and not direction_of_path(a, b):  # "moved from 10 to 40" / "rose from 10 to 40"
        found.append("action")
    person = person_traded(a, b)
    if person is not None and person not in found:
        found.append(person)
    replaced = participant_replaced(a, b)
    if replaced is not None and replaced not in found:
        found.append(replaced)
    if quality_replaced(a, b):
        found.append("quality")
    if says_more(a, b):
        found.append("says more")
    elif head_dropped(a, b):
        found.append("head noun")
    if not any(f.endswith("swapped") for f in found):  # where the frame does not see it
        traded = names_traded(a, b)
        if traded:
            found.append("names swapped")
        elif traded is None and words_traded(a, b):
            found.append("words swapped")
    if set(found) >= CONVERSE:  # "A pays less than B" / "B pays more than A": one claim
        found = [f for f in found if f not in CONVERSE | {"agent and target swapped"}]
    return found


#: what two claims that compare the same two things the other way round both show: the
#: things trade sides of "than" and the comparison word takes the other side
CONVERSE = frozenset({"comparison reversed", "comparison"})


def possessors_swapped(a: Signature, b: Signature) -> bool:
    """Whether what belongs to one name in one claim belongs to another in the other, each
    named in both: "the EU is Ukraine's biggest donor" / "Ukraine is the EU's biggest donor",
    "Mexico is the largest trading partner of the United States" / the reverse. A claim
    that says of no one whose it is ("the biggest donor to Ukraine") is not compared."""
    mine, theirs = a.possessors, b.possessors
    if mine is None or theirs is None:
        return False
    only_a, only_b = mine[0] - theirs[0], theirs[0] - mine[0]
    return bool(only_a & theirs[1]) and bool(only_b & mine[1])


def names_traded(a: Signature, b: Signature) -> bool | None:
    """Whether two claims worded alike give the same names other places: the same words
    around them, the names in another order ("… allowed China to extradite suspects from
    Hong Kong" / "… allowed Hong Kong to extradite suspects from China"). Names that only
    change places within a list ("China and Russia signed" / "Russia and China signed")
    are the same claim. None when the names do not only change places (worded otherwise,
    other names, the same order)."""
    mine, theirs = a.name_slots, b.name_slots
    if mine is None or theirs is None or mine[0] != theirs[0] or mine[1] == theirs[1]:
        return None
    if sorted(mine[1]) != sorted(theirs[1]):
        return None
    joints = vocabulary().list_joints
    start = 0
    for end in range(1, len(mine[1]) + 1):  # each list: names joined by "," or "and" …
        if end == len(mine[1]) or mine[0][end] not in joints:
            if sorted(mine[1][start:end]) != sorted(theirs[1][start:end]):
                return True  # a name left its list for another place
            start = end
    return False


def contrasts(a: Signature, b: Signature) -> list[str]:
    """The contrasts of matching.toml in which the two claims take different sides, each
    taking one ("direction": "exports rose" / "exports fell"; "currency": "$5 billion" /
    "€5 billion")."""
    sides_b = b.sides
    found = [
        label
        for label, sides in a.sides.items()
        if len(sides) == 1 and len(sides_b.get(label, ())) == 1 and sides != sides_b[label]
    ]
    found += [label for label in replaced_sides(a, b) if label not in found]
    return found + (["direction"] if "direction" not in found and change_named(a, b) else [])


def replaced_sides(a: Signature, b: Signature) -> list[str]:
    """The contrasts in which the one word two wordings alike in every other word trade
    (in one place or in each of several) takes another side, whatever else either claim
    holds: "Africa's biggest economy and most populous country" / "Africa's smallest economy
    and most populous country" ("most" is on the side of "biggest" too, so the claims as
    wholes take no side); the ``[traded]`` words take sides only so ("voted for" / "voted
    against")."""
    changed = changed_words(a, b)
    if changed is not None and 1 <= len(changed) <= _TRADED_PLACES:
        pairs = set(changed.values())  # "rates down and the deficit down" / "… up … up"
    elif (replaced := one_word_traded(a, b)) is not None:
        pairs = {replaced}  # "this council" / "the last council", "went to" / "left"
    else:
        return []
    vocab = vocabulary()
    # "voted for" / "voted against" takes a side of ``[traded]``, "rose" / "fell" one of
    # ``[contrasts]``
    taken = [sides_taken(vocab.contrasts, x, y) | sides_taken(vocab.traded, x, y) for x, y in pairs]
    if not all(taken):
        return []  # a trade of words on no side: "rates down" / "taxes up"
    # a group every trade takes, one way ("smaller and less" / "larger and more") or both
    # ("I'm for it, he is against it" / "I'm against it, he supports it"); else each
    # trade's own
    common = [g for g in taken[0] if all(g in t for t in taken[1:])]
    return common or list(dict.fromkeys(g for t in taken for g in t))


#: the most places two wordings may trade words in for the trades to take sides together
_TRADED_PLACES = 3


def name_read_apart(a: Signature, b: Signature) -> str | None:
    """The role of a name that ``a``'s recogniser read in two pieces, where ``b`` names
    another: "the United States Senate" ("United States", "Senate") / "the Illinois Senate",
    which "Senate" alone would take for itself."""
    if a.frame is None or b.frame is None or a.wording is None:
        return None
    wording = " ".join(a.wording.lower().split())
    names_a, names_b = frame_names(a.frame), frame_names(b.frame)
    for piece in unmatched_names(names_a, names_b):
        for head in names_a:
            if f"{piece} {head}" not in wording:
                continue
            for other in names_b:
                if same_actor(head, other) and not same_actor(f"{piece} {head}", other):
                    return _role(a.frame, b.frame, [piece], [other])
    return None


def unmatched_names(names: Sequence[str], others: Sequence[str]) -> list[str]:
    return [n for n in names if not any(same_actor(n, o) for o in others)]


def _other_place(a: Frame, b: Frame) -> bool:
    """Whether each frame says where it happened and the places differ, though each place
    is named in another role of the other frame ("an attack in Kuwait cut Saudi output" /
    "an attack in Saudi Arabia cut Saudi output"). Only places: who acts and who undergoes
    it trade roles in paraphrases ("the US has sanctioned Mahan" / "Mahan has been the
    subject of US sanctions"), where it happened hardly ever does."""
    return bool(unmatched_names(a.places, b.places) and unmatched_names(b.places, a.places))


def frame_differences(a: Frame, b: Frame) -> list[str]:
    """The roles two frames fill differently. A name in one frame that has no counterpart
    in the other is a difference only when the other frame names someone (or somewhere)
    instead: "Germany and France banned it" and "Germany banned it" are not told apart, "India
    provided" and "China provided" are."""
    found = []
    if _reversed(a.path, b.path):
        found.append("from and to swapped")
    elif _other_end(a, b):
        found.append("from or to")
    if _swapped(a, b):
        found.append("agent and target swapped")
    else:
        only_a = unmatched_names(frame_names(a), frame_names(b))
        only_b = unmatched_names(frame_names(b), frame_names(a))
        if bool(only_a) != bool(only_b):  # "Arab-Americans" / "Asian" "Americans": the parts
            parts_a, parts_b = _name_parts(frame_names(a)), _name_parts(frame_names(b))
            only_a, only_b = unmatched_names(parts_a, parts_b), unmatched_names(parts_b, parts_a)
        if only_a and only_b:
            found.append(_role(a, b, only_a, only_b))
        elif _other_place(a, b):
            found.append("place")
        elif role := _other_kind(a, b) or prefixed_kind(a, b) or other_agent(a, b):
            found.append(role)
    found.extend(date_differences(a.dates, b.dates))
    if a.numbers and b.numbers and set(a.numbers) != set(b.numbers):
        found.append("number")
    if a.polarity != b.polarity:
        found.append("negation or hedge")
    if {a.tense, b.tense} == {"future", "past"}:
        found.append("future or past")
    if a.conditions != b.conditions:  # "If the bill passes, prices will rise"; "unless"
        found.append("condition")
    return found


def _name_parts(names: Sequence[str]) -> tuple[str, ...]:
    """Names with each hyphenated one in its parts, as the recogniser may read one name
    ("arab - americans") where it reads two in a wording alike ("asian", "americans")."""
    return tuple(part for name in names for part in name.split(" - "))


_CORE = frozenset({"agents", "patients"})


def _kinds(frame: Frame) -> dict[tuple[str, str], set[str]]:
    """{(role, noun): words that say which ones} of a frame's unnamed participants, in their
    synonyms' form (``actor_words`` gives them so)."""
    kinds: dict[tuple[str, str], set[str]] = {}
    for role, noun, modifiers in frame_nouns(frame):
        words = {w for m in modifiers.split("|") if m for w in actor_words(m)}
        kinds.setdefault((role, noun), set()).update(words)
    return kinds


def _named_words(frame: Frame) -> set[str]:
    """Every word of the names a frame holds, in the form names are compared in."""
    return {w for name in frame_names(frame) for w in actor_words(name)}


def _other_kind(a: Frame, b: Frame) -> str | None:
    """The role in which both frames name the same kind of participant but say different
    ones: "FSB officers" / "police officers", "Turkish forces" / "government forces"."""
    kinds_a, kinds_b = _kinds(a), _kinds(b)
    # a word the other frame holds as often, elsewhere, is not another kind: the parser
    # reads "city and local government" with "city" a noun of its own in one sentence and
    # not in the next; "shareholder capitalism" / "stakeholder capitalism" beside
    # "shareholder return" in both holds "shareholder" once more on one side
    counts_a, counts_b = _word_counts(kinds_a), _word_counts(kinds_b)
    # a name both frames hold says which ones wherever the parser hangs it: "the British or
    # US governments" / "the US or British governments"
    names = _named_words(a) & _named_words(b)
    for key_a, key_b in same_nouns(kinds_a, kinds_b):
        extra_a = {w for w in kinds_a[key_a] - kinds_b[key_b] if counts_a[w] > counts_b[w]}
        extra_b = {w for w in kinds_b[key_b] - kinds_a[key_a] if counts_b[w] > counts_a[w]}
        extra_a, extra_b = compounds_joined(extra_a - names, extra_b - names)
        if extra_a and extra_b:
            return {"agents": "agent", "patients": "target"}.get(key_a[0], "target")
    return None


def _word_counts(kinds: dict[tuple[str, str], set[str]]) -> Counter[str]:
    """How often a frame holds each word as a participant noun or a word saying which ones."""
    counts = Counter(noun for _, noun in kinds)
    counts.update(w for words in kinds.values() for w in words)
    return counts


def _copular(frame: Frame) -> bool:
    return frame.predicate == "be"


def _role_of(frame: Frame, name: str) -> str | None:
    """The role a name holds in a frame: the first of agent, patient, where a movement goes
    ("shipped grain to Ruritania", whether the recogniser took Ruritania for a place or
    not), place, other."""
    for role in ("agents", "patients", "destination", "places", "others"):
        if not unmatched_names([name], _holders(frame, role)):
            return role
    return None


def _holders(frame: Frame, role: str) -> Sequence[str]:
    """The names a frame gives a role; "destination" is the end of its path."""
    if role == "destination":
        return frame.path[1:] if len(frame.path) == 2 and frame.path[1] else ()
    return getattr(frame, role)


def _reversed(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two paths (from, to) run the other way round: an end of one is the other's
    end at the other side, and no end is at the same side in both ("from Lenz to Karsova" /
    "from Karsova to Lenz"; "flew to Lenz" / "flew from Lenz"; "from deficit to surplus" /
    "from surplus to deficit"). An end only one claim gives ("" in the path) is no
    difference."""
    if len(a) != 2 or len(b) != 2 or (a[0] and a[1] and _same_end(a[0], a[1])):
        return False
    crossed = any(a[k] and b[1 - k] and _same_end(a[k], b[1 - k]) for k in (0, 1))
    kept = any(a[k] and b[k] and _same_end(a[k], b[k]) for k in (0, 1))
    return crossed and not kept


def _same_end(x: str, y: str) -> bool:
    """Whether two ends of a path are one: one actor, or one amount however its unit is
    said ("750" / "750 dollar")."""
    amounts = compared_numbers(x)
    return same_actor(x, y) or (bool(amounts) and amounts == compared_numbers(y))


def _other_end(a: Frame, b: Frame) -> bool:
    """Whether both paths give an end at one side and the two ends share no word, neither
    end's words held anywhere in the other frame ("raise $150 billion from the rich" /
    "from the middle class"). An end only one gives, a pronoun ("opposed to that" / "to
    it") or an amount ("from $10 billion") is no difference; nor is an end the parser
    reads in another role the next time ("promised each victim a payout" / "a payout to
    each victim")."""
    if len(a.path) != 2 or len(b.path) != 2:
        return False
    held_a, held_b = _held_words(a), _held_words(b)
    for x, y in zip(a.path, b.path, strict=True):
        words_x, words_y = set(actor_words(x)) - STOPWORDS, set(actor_words(y)) - STOPWORDS
        if not words_x or not words_y or any(w[:1].isdigit() for w in words_x | words_y):
            continue
        if not words_x & held_b and not words_y & held_a and not same_actor(x, y):
            return True
    return False


def _held_words(frame: Frame) -> set[str]:
    """Every word of a frame's participants, named or not, and of what it says of them."""
    qualities = {w for q in frame.qualities for w in actor_words(q)}
    return _named_words(frame) | qualities | set(_word_counts(_kinds(frame)))


def _swapped(a: Frame, b: Frame) -> bool:
    """Whether two actors exchange roles: "Ruritania shipped grain to Freedonia" and
    "Freedonia shipped grain to Ruritania"; "Rosselló is to be replaced by Garced" and
    "Garced is to be replaced by Rosselló". Also when an actor moves into the role of one
    the other frame replaces ("Moscow invaded Ukraine" / "Ukraine invaded Russia"). A name
    that changes role alone, with the phrase it heads ("UNESCO is based in Paris" / "UNESCO
    has its headquarters in Paris"), is a change of voice, not a swap."""
    if _copular(a) or _copular(b):
        return False  # "the only state that has not signed is Eritrea": X is Y, Y is X
    roles_a, roles_b = noun_roles(a), noun_roles(b)
    same_action = main_action(a) is not None and main_action(a) == main_action(b)
    for x, r1 in roles_a.items():  # unnamed participants exchanging roles
        r2 = roles_b.get(x) or _role_of(b, x)
        # a thing and its recipient trading places is the same gift told the other way
        # round ("promised each victim a payout" / "promised a payout to each victim")
        if r2 is None or r1 == r2 or "agents" not in {r1, r2}:
            continue
        if r2 in _roles_of(a, x) or r1 in _roles_of(b, x):
            continue  # it holds both roles in one claim ("if you made …, you got …")
        # with a name always; with another unnamed noun only under the same verb: a clause
        # turned around ("citing concerns, they imposed bans") trades nouns without a swap
        others = [(y, _role_of(a, y), _role_of(b, y)) for y in frame_names(a)]
        if same_action:
            others += [(y, roles_a[y], roles_b.get(y)) for y in roles_a if y != x]
        if any(ra == r2 and rb == r1 for _, ra, rb in others):
            return True
        # a person named by a pronoun trading places with another participant: who acts and
        # who does not; the other role each takes (object, recipient) may differ ("He paid a
        # fine to one of the women" / "One of the women paid him a fine")
        if same_action and any(
            (x.startswith("@") or y.startswith("@"))
            and y in roles_a
            and ra is not None
            and rb is not None
            and _acts(ra) == _acts(r2)
            and _acts(rb) == _acts(r1)
            for y, ra, rb in others
        ):
            return True
    for x in frame_names(a):
        r1, r2 = _role_of(a, x), _role_of(b, x)
        if r1 is None or r2 is None or r1 == r2 or not {r1, r2} & _CORE:
            continue
        for y in frame_names(a):
            if not same_actor(x, y) and _role_of(a, y) == r2 and _role_of(b, y) == r1:
                return True
        replaced_a = unmatched_names(_holders(a, r2), frame_names(b))
        replaced_b = unmatched_names(_holders(b, r1), frame_names(a))
        if replaced_a and replaced_b:
            return True
        # a name that stops acting while someone unnamed takes its place under the same
        # verb: "Cuba shot down two of our planes" / "We shot down two of Cuba's planes"
        # not a name saying which ones of the acting noun ("American exports increased" /
        # "we increased American exports"): the noun and its name change voice together
        if same_action and "agents" in {r1, r2}:
            idle, acting = (b, a) if r1 == "agents" else (a, b)
            instead = frame_agents(idle) - frame_agents(acting) - {x}
            if "places" in {r1, r2} and instead == {"@they"}:
                continue  # the people of a place: "In Iran they have had" / "Iran has had"
            if instead and not _says_which(acting, x):
                return True
    return False


def _roles_of(frame: Frame, noun: str) -> set[str]:
    """Every role an unnamed participant holds in a frame."""
    return {role for role, lemma, _ in frame_nouns(frame) if lemma == noun}


def _says_which(frame: Frame, name: str) -> bool:
    """Whether a name is a word saying which ones of a noun that acts in the frame."""
    words = set(actor_words(name))
    return any(role == "agents" and words & kind for (role, _), kind in _kinds(frame).items())


def _acts(role: str) -> bool:
    return role == "agents"


def _role(a: Frame, b: Frame, only_a: list[str], only_b: list[str]) -> str:
    """Which role the names that replace each other hold: "agent", "place" or "target"
    ("number" when they differ only in a number: "Article 4" / "Article 5")."""
    if any(n in a.agents for n in only_a) or any(n in b.agents for n in only_b):
        return "agent"
    if any(n in a.patients for n in only_a) or any(n in b.patients for n in only_b):
        return "target"
    if any(n in a.places for n in only_a) and any(n in b.places for n in only_b):
        return "place"
    for x in only_a:
        for y in only_b:
            words_x, words_y = set(actor_words(x)), set(actor_words(y))
            rest = words_x ^ words_y
            if rest and all(w[:1].isdigit() for w in rest) and words_x & words_y:
                return "number"
    return "target"
