"""The word lists of ``workbench/data/matching.toml`` that matching reads (names, titles,
synonyms, contrasts, hedges …), and the crude stemmer every listed word is compared by."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "nowhere",
        "without",
        "cannot",
    }
)
#: the articles of a compared wording ("an" is compared as "a"): words of no substance that
#: two changes may keep between them, and that a side of a turn is read without
ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of ``workbench/data/matching.toml``: other names of one actor, titles
    before a person's name, and wordings that say the same thing."""

    names: dict[str, str]
    #: words inside a name that tell no one apart ("own"), left out of it
    emphasis: frozenset[str]
    #: ordinals and numerals inside a name, as the number they say ("Second World War")
    name_ordinals: dict[str, str]
    titles: frozenset[str]
    institutions: frozenset[str]  # last words of a body's name, where no word is a title
    #: titles that say nothing of an office ("mr", "former"), and one form of each short one
    courtesy: frozenset[str]
    title_forms: dict[str, str]
    synonyms: dict[str, str]  # single words
    #: sounds a speaker makes between words ("uh"), which a claim's wording leaves out
    fillers: frozenset[str]
    phrases: re.Pattern | None  # several words, longest first
    phrase_forms: dict[str, str]
    name_pattern: re.Pattern  # the names, case-insensitive, longest first
    #: the words of each one form a name is compared in ("united states"), longest first
    affiliations: tuple[tuple[str, ...], ...]
    #: titles of several words ("secretary of state"), each found as its first word
    title_phrases: re.Pattern
    #: {normalised word: ((group, side), …)}: the sides of the contrasts a word takes
    contrasts: dict[str, tuple[tuple[str, int], ...]]
    #: {personal pronoun: its group} (``[persons]``): "he" and "him" are one person
    persons: dict[str, int]
    #: verbs that agree with a pronoun's person ("I've" / "he's"), read past in a trade
    agreeing: frozenset[str]
    #: possessive pronouns that open a speaker's phrase ("your husband")
    possessives: frozenset[str]
    #: the ``[light_verbs]`` in their compared form
    light_verbs: frozenset[str]
    #: the particles of phrasal verbs ("down" of "paid down"), which go with a traded verb
    particles: frozenset[str]
    #: the particles that may stand apart from their verb ("pushed them away")
    particles_apart: frozenset[str]
    #: (verb, particle) of a phrasal verb → the one verb it says ("bring back" → "return")
    phrasal: dict[tuple[str, str], str]
    #: verbs that say only that an amount changed, given where it starts and ends ("went")
    change_verbs: frozenset[str]
    #: what a speaker published rather than who it is (``[works]``: "study", "report")
    works: frozenset[str]
    #: the same for the ``[traded]`` words, which take sides only where two claims trade them
    traded: dict[str, tuple[tuple[str, int], ...]]
    #: {verb in its compared form: ((group, 0), …)} of ``[one_action]``: verbs that do one
    #: thing when traded in place ("declined to" / "refused to")
    one_action: dict[str, tuple[tuple[str, int], ...]]
    #: the hedges ("allegedly", "tried to") in their compared form, as whole words
    hedges: re.Pattern
    #: the hedges of possibility or necessity ("could", "possibly"), in their compared form
    modal_hedges: frozenset[str]
    #: verbs that say another may be done ("allows patients to choose"), compared form
    permission_verbs: frozenset[str]
    #: hedges that hedge only before a verb of the claim ("applied to join"): their compared
    #: form, and a pattern of them as written with the word after them
    before_verb: frozenset[str]
    before_verb_written: re.Pattern
    #: words that end the stretch a permitted verb is looked for in ("has been passed")
    permission_ends: frozenset[str]
    #: modal hedges read only as written in lower case ("may"; "May" is the month)
    lower_case_modal: re.Pattern
    #: the contrasts whose words make a level with the ``level_words`` after them ("fell to")
    level_contrasts: frozenset[str]
    level_words: frozenset[str]
    #: words after which a word of those contrasts is a verb ("has fallen to")
    level_auxiliaries: frozenset[str]
    #: words of those contrasts that never reach a level ("added to"), in their compared form
    amount_words: frozenset[str]
    #: verbs that hand a thing to someone ("giving a tax cut to"), in their compared form
    giver_words: frozenset[str]
    #: nouns that stand for the noun before them when compared ("the unemployment rate")
    measures: frozenset[str]
    #: prepositions and determiners that end a noun cut from a claim's middle (``[heads]``)
    head_prepositions: frozenset[str]
    head_determiners: frozenset[str]
    #: possessive determiners and the possessive ending, for an owner cut ("my opponent's plan")
    head_owners: frozenset[str]
    #: nouns that name a change of the noun before them ("tax cuts"), as written
    head_changes: frozenset[str]
    possessive_ending: str
    #: the ``[shares]`` lists: a part of a group said as a share ("half the voters")
    shares: dict[str, list[str]]
    #: words that set one thing against another ("than")
    comparisons: frozenset[str]
    #: words that point at one side of a comparison ("this"), though not index words
    pointing: frozenset[str]
    #: comparison words that may be the particle of the verb before them ("took over")
    comparison_particles: frozenset[str]
    #: words after which "of" sets a part against its whole ("44 percent of ours")
    part_words: frozenset[str]
    #: words that say one thing is more or less than another ("than"), and the words that
    #: make "as … as" no comparison of equals ("as well as")
    unequal: frozenset[str]
    not_equatives: frozenset[str]
    scaled_equatives: frozenset[str]
    #: words between an effect and its cause ("because")
    causes: frozenset[str]
    #: what stands between names listed together (",", "and")
    list_joints: frozenset[str]
    #: words that join a second action to a first in one clause ("and")
    action_joints: frozenset[str]
    #: words of a ratio ("for every"): trading what stands around them changes the claim
    ratio_words: frozenset[str]
    #: words that make one preposition with "of" that says where from or why ("out of")
    before_of: frozenset[str]
    #: words passed over between a negation and what it negates ("not even", "not going")
    between_negation: frozenset[str]
    #: words that carry a negation on to the next item of a list ("not X or Y")
    carried_negation: frozenset[str]
    #: prefixes that deny the word they open ("un" of "unsuccessfully")
    negating_prefixes: frozenset[str]
    #: verbs (lemmas) that frame another claim ("believe", "say"), kept in some claims
    frame_verbs: frozenset[str]
    #: the frame verbs' forms that no regular ending makes ("said", "thought")
    frame_verb_forms: frozenset[str]
    #: words a claim adds to another only to say its subject is there ("we have … that")
    existential: frozenset[str]
    #: words that open a clause another claim may be split from ("before", "because")
    clause_openers: frozenset[str]
    #: the units of a length of time in a frame's dates ("years" of "20 years")
    date_units: frozenset[str]
    #: relative date words that place a date ("last", "this"), which no other word refines
    date_anchors: frozenset[str]
    #: words that count a length of time back from the day it is said ("two years ago")
    counting_back: frozenset[str]
    #: words after "the" and a unit that make it one unit from another time ("the day after")
    one_unit: frozenset[str]


def _forms(entries: list[str]) -> dict[str, str]:
    """{word: the one form it is compared in} of 'word = form' entries; a word given two
    forms is an error in the data, not a silent choice of the later one."""
    forms: dict[str, str] = {}
    for entry in entries:
        word, form = (" ".join(side.split()) for side in entry.split(" = ", 1))
        if word in forms:
            raise ValueError(f"matching.toml: {word!r} is given two forms")
        forms[word] = form
    return forms


def _trie(phrases: Sequence[str]) -> str:
    """A pattern for any of ``phrases`` as a trie of their characters; a phrase that ends in
    a letter or digit must end a word. Longer phrases win over their prefixes."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = r"(?!\w)" if phrase[-1].isalnum() else ""

    def emit(node: dict) -> str:
        alternatives = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if "" in node:
            alternatives.append(node[""])  # the phrase ends here: tried after longer ones
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return emit(root)


def _any_of(phrases: Sequence[str]) -> str:
    """One pattern for whole-word phrases. A plain alternation of a hundred names, tried
    one by one at every position, cost 0.2 ms per claim; the trie costs a tenth of that."""
    starts_word = [p for p in phrases if p[0].isalnum()]
    others = [p for p in phrases if not p[0].isalnum()]
    parts = [rf"(?<!\w){_trie(starts_word)}"] if starts_word else []
    if others:
        parts.append(_trie(others))
    return "|".join(parts)


@functools.cache
def vocabulary() -> Vocabulary:
    """The shipped matching vocabulary, read once."""
    data = tomllib.loads(files("workbench.data").joinpath("matching.toml").read_text("utf-8"))
    synonyms = _forms(data["synonyms"]["forms"])
    phrases = {k: v for k, v in synonyms.items() if not re.fullmatch(r"[a-z0-9]+", k)}
    pattern = None
    if phrases:
        pattern = re.compile(_any_of(list(phrases)))
    names = _forms(data["names"]["forms"])
    short_titles = _forms(data["titles"]["short_forms"])
    single = {k: v for k, v in synonyms.items() if k not in phrases}
    return Vocabulary(
        names=names,
        emphasis=frozenset(data["names"]["emphasis"]),
        name_ordinals=_forms(data["names"]["ordinals"]),
        # only a capitalised name is one (the pronoun "us" is not "US"): positions that
        # cannot start one are passed over at once, a third of the time of trying each
        name_pattern=re.compile(
            rf"(?=(?-i:[A-Z])|(?-i:[Tt]he [A-Z]))(?:{_any_of(list(names))})", re.IGNORECASE
        ),
        affiliations=tuple(
            sorted({tuple(form.split()) for form in names.values()}, key=len, reverse=True)
        ),
        titles=frozenset(data["titles"]["words"]) | frozenset(short_titles),
        institutions=frozenset(data["titles"]["institutions"]),
        courtesy=frozenset(data["titles"]["courtesy"]),
        title_forms=short_titles,
        title_phrases=_title_phrases(data["titles"]["phrases"]),
        synonyms=single,
        fillers=frozenset(data["fillers"]["words"]),
        phrases=pattern,
        phrase_forms=phrases,
        contrasts=_contrasts(data["contrasts"]["groups"], single),
        traded=_contrasts(data["traded"]["groups"], single),
        one_action=_contrasts(data["one_action"]["groups"], single),
        persons={w: k for k, group in enumerate(data["persons"]["groups"]) for w in group.split()},
        possessives=frozenset(data["persons"]["possessives"]),
        agreeing=frozenset(data["persons"]["agreeing"]),
        light_verbs=frozenset(_compared_form(w, single) for w in data["light_verbs"]["words"]),
        particles=frozenset(data["light_verbs"]["particles"]),
        particles_apart=frozenset(data["light_verbs"]["apart"]),
        phrasal={tuple(k.split()): v for k, v in _forms(data["light_verbs"]["phrasal"]).items()},
        change_verbs=frozenset(_compared_form(w, single) for w in data["light_verbs"]["change"]),
        works=frozenset(data["works"]["words"]),
        hedges=_hedges(data["hedges"]["phrases"], single),
        modal_hedges=frozenset(_compared_form(p, single) for p in data["hedges"]["modal"]),
        permission_verbs=frozenset(_compared_form(w, single) for w in data["hedges"]["permission"]),
        before_verb=frozenset(_compared_form(p, single) for p in data["hedges"]["before_verb"]),
        before_verb_written=re.compile(
            rf"\b(?:{'|'.join(map(re.escape, data['hedges']['before_verb']))})\s+(\w+)"
        ),
        permission_ends=frozenset(
            _compared_form(w, single) for w in data["hedges"]["permission_ends"]
        ),
        lower_case_modal=re.compile(
            rf"\b(?:{'|'.join(map(re.escape, data['hedges']['lower_case_modal']))})\b"
        ),
        level_contrasts=frozenset(data["levels"]["contrasts"]),
        level_words=frozenset(data["levels"]["words"]),
        level_auxiliaries=frozenset(data["levels"]["auxiliaries"]),
        amount_words=frozenset(_compared_form(w, single) for w in data["levels"]["amounts"]),
        giver_words=frozenset(_compared_form(w, single) for w in data["levels"]["givers"]),
        measures=frozenset(data["levels"]["measures"]),
        shares={k: v for k, v in data["shares"].items() if k != "about"},
        head_prepositions=frozenset(data["heads"]["prepositions"]),
        head_determiners=frozenset(data["heads"]["determiners"]),
        head_owners=frozenset(data["heads"]["owners"]),
        head_changes=frozenset(data["heads"]["changes"]),
        possessive_ending=data["heads"]["possessive_ending"],
        comparisons=frozenset(data["comparisons"]["words"]),
        pointing=frozenset(data["comparisons"]["pointing"]),
        comparison_particles=frozenset(data["comparisons"]["particles"]),
        part_words=frozenset(data["comparisons"]["parts"]),
        unequal=frozenset(data["comparisons"]["unequal"]),
        not_equatives=frozenset(data["comparisons"]["not_equatives"]),
        scaled_equatives=frozenset(data["comparisons"]["scaled_equatives"]),
        causes=frozenset(data["causes"]["words"]),
        list_joints=frozenset(data["lists"]["joints"]),
        action_joints=frozenset(data["lists"]["action_joints"]),
        ratio_words=frozenset(data["lists"]["ratio_words"]),
        before_of=frozenset(data["possession"]["before_of"]),
        between_negation=frozenset(data["negations"]["between"]),
        carried_negation=frozenset(data["negations"]["carried"]),
        negating_prefixes=frozenset(data["negations"]["prefixes"]),
        frame_verbs=frozenset(data["frames"]["verbs"]),
        existential=frozenset(data["frames"]["existential"]),
        clause_openers=frozenset(data["frames"]["clause_openers"]),
        frame_verb_forms=frozenset(data["frames"]["irregular"]),
        date_units=frozenset(data["dates"]["units"]),
        date_anchors=frozenset(data["dates"]["anchors"]),
        counting_back=frozenset(data["dates"]["counting_back"]),
        one_unit=frozenset(data["dates"]["one_unit"]),
    )


def _title_phrases(phrases: list[str]) -> re.Pattern:
    """One pattern for the titles of several words, "of" and "the" in them optional."""

    def words(phrase: str) -> str:
        first, *rest = phrase.split()
        tail = "".join(rf"(?:\s+{w})?" if w in {"of", "the"} else rf"\s+{w}" for w in rest)
        return re.escape(first) + tail

    longest = sorted(phrases, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(words(p) for p in longest)})\b")


def _compared_form(phrase: str, synonyms: dict[str, str]) -> str:
    """A listed word or phrase as the normalised wording writes it (synonyms, stems)."""
    words = [w for word in phrase.split() for w in synonyms.get(word, word).split()]
    return " ".join(w if w in NEGATIONS else stem(w) for w in words)


def _hedges(phrases: list[str], synonyms: dict[str, str]) -> re.Pattern:
    """One pattern for the ``[hedges]`` in their compared form, each as whole words."""
    forms = sorted({_compared_form(p, synonyms) for p in phrases}, key=len, reverse=True)
    return re.compile(rf"(?<![^ ])(?:{'|'.join(re.escape(f) for f in forms)})(?![^ ])")


def _contrasts(groups: list[str], synonyms: dict[str, str]) -> dict[str, tuple]:
    """The ``[contrasts]`` groups as {word in its compared form: ((group, side), …)}; a
    word on two sides of one group, or two groups of one name, is an error in the list."""
    found: dict[str, list[tuple[str, int]]] = {}
    named: set[str] = set()
    for entry in groups:
        label, _, sides = entry.partition(":")
        label = " ".join(label.split())
        if label in named:
            raise ValueError(f"matching.toml: two contrasts are named {label!r}")
        named.add(label)
        for side, words in enumerate(sides.split("|")):
            for word in words.split():
                for form in _compared_form(word, synonyms).split():
                    places = found.setdefault(form, [])
                    if (label, side) not in places:
                        places.append((label, side))
    for word, places in found.items():
        labels = [label for label, _ in places]
        if len(labels) != len(set(labels)):
            raise ValueError(f"matching.toml: {word!r} is on two sides of one contrast")
    return {word: tuple(places) for word, places in found.items()}


#: endings after which "es" is a suffix of its own ("taxes", "churches", "wishes", "policies")
_ES_AFTER = ("xes", "zes", "ches", "shes", "ies")


# Our own suffix stemmer (and stop words, in signature.py) rather than spaCy's lemmas or
# FTS5's porter tokenizer: matching runs in commands that must not load spaCy, and the stored
# match keys (``match_text``) are built from exactly this form, so changing it re-keys every
# claim.
@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A word without its commonest suffix ("shipped" → "ship", "talks" → "talk")."""
    for suffix in ("ing", "ed", "es", "s"):
        if suffix == "ed" and word.endswith("eed"):
            break  # "exceed", "succeed" are no past tense: "exceeds" is "exceed"
        if suffix == "es" and not word.endswith(_ES_AFTER):
            continue  # "crimes", "retirees", "houses": the singular ends in "e"
        shortest = 3 if suffix == "es" else 4  # the stem left: "tax" of "taxes", "ship" of "ships"
        if len(word) - len(suffix) >= shortest and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # shipp(ed) -> ship
    return word


def after_negations(words: list[str], most: int) -> list[list[str]]:
    """For each negation word ("not", "no", "never" …) of a compared wording, the words
    after it, passing over ``[negations] between`` ("is not going to raise"), ``most`` at
    most."""
    passed = NEGATIONS | vocabulary().between_negation
    return [
        [w for w in words[i + 1 :] if w not in passed][:most]
        for i, word in enumerate(words)
        if word in NEGATIONS
    ]


def negated_phrases(words: list[str], most: int) -> list[list[str]]:
    """The words each negation of a compared wording bears on (:func:`after_negations`), and
    those of the next item of a list that a ``[negations] carried`` word joins to them ("not
    pac money or foreign money" denies "foreign money" too)."""
    carried = vocabulary().carried_negation
    found = []
    for after in after_negations(words, 2 * most):
        found.append(after[:most])
        joint = next((k for k, w in enumerate(after[1:most], 1) if w in carried), None)
        if joint is not None:
            found.append(after[joint + 1 : joint + 1 + most])
    return found
