"""Recognise a claim already checked: fuzzy matching that respects numbers, negation, speakers
and who did what to whom.

Candidates come from the full-text index (FTS5, ranked by bm25) instead of a scan of every
claim; rapidfuzz scores them in one ``process.cdist`` call. A pair is never a match when
its numbers differ ("40,000 tonnes" / "4,000 tonnes"), when one side is negated and the
other is not ("did not ship" / "shipped"), when both name different speakers, or when their
frames (:class:`workbench.models.Frame`, read from the parse when the claim was split)
differ in a role both fill: another actor as agent ("India" / "China"), agent and target
swapped, another date or weekday, another number, a negation or hedge on one side only.
Such a pair may be shown as related, with what differs, but never adopts a verdict.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Protocol

from workbench.models import Frame

if TYPE_CHECKING:
    import numpy as np

    from workbench.models import Article, Claim, Source


class ClaimIndex(Protocol):
    """What matching reads of the stored claims (the Store provides it). Declared here so
    that matching never imports the store, which calls matching to link new claims."""

    def match_candidates(
        self, numkey: str, terms: Sequence[str], limit: int = ..., exclude_article: str | None = ...
    ) -> list[tuple[str, str]]: ...

    def match_details(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]: ...

    def worded_like(
        self, terms: Sequence[str], limit: int = ...
    ) -> list[tuple[str, str, str | None, str | None, str]]: ...

    def claims(self, *, ids: Sequence[str] | None = ...) -> list[Claim]: ...

    def claim(self, claim_id: str) -> Claim: ...

    def article(self, article_id: str) -> Article: ...

    def claim_sources(self, claim_id: str) -> list[tuple[str, Source]]: ...


THRESHOLD = 82.0  # score (0-100) from which two claims are the same claim
DUPLICATE = 90.0  # within one article: the same claim repeated (headline and body)

NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"}
)
_STOP = """a an the of to in on at for from by with and or but as is are was were be been being
has have had it its this that these those which who whom whose what when where while will
would could should may might can said says say told also than then there their they them he
she his her him we our us you your i me my mr mrs ms dr s"""
STOPWORDS = frozenset(_STOP.split())
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion|bn|m)\b)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+")
_NAME_WORD = re.compile(r"[\w.-]+")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of ``workbench/data/matching.toml``: other names of one actor, titles
    before a person's name, and wordings that say the same thing."""

    names: dict[str, str]
    titles: frozenset[str]
    synonyms: dict[str, str]  # single words
    phrases: re.Pattern | None  # several words, longest first
    phrase_forms: dict[str, str]
    name_pattern: re.Pattern  # the names, case-insensitive, longest first


def _forms(entries: list[str]) -> dict[str, str]:
    pairs = (entry.split(" = ", 1) for entry in entries)
    return {" ".join(k.split()): " ".join(v.split()) for k, v in pairs}


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
    return Vocabulary(
        names=names,
        name_pattern=re.compile(_any_of(list(names)), re.IGNORECASE),
        titles=frozenset(data["titles"]["words"]),
        synonyms={k: v for k, v in synonyms.items() if k not in phrases},
        phrases=pattern,
        phrase_forms=phrases,
    )


@functools.lru_cache(maxsize=65_536)  # names recur: every pair of frames compares them
def actor_words(name: str) -> tuple[str, ...]:
    """The words that identify an actor, in the form they are compared in: "the U.S." and
    "America" are {"united", "states"}; "President Vladimir Putin" is {"vladimir", "putin"};
    "Article 5" is {"article", "5"}, "World War Two" {"world", "war", "2"}."""
    vocab = vocabulary()
    text = _unaccented(name.lower().replace("’", "'"))
    text = re.sub(r"'s\b", "", text).removeprefix("the ").strip()
    text = vocab.names.get(text, text)
    words = []
    for word in _NAME_WORD.findall(text):
        word = vocab.names.get(word, word)
        if word in _NUMBER_WORDS:
            word = f"{_NUMBER_WORDS[word]:g}"
        words.extend(word.split())
    kept = [w for w in words if w not in vocab.titles and w not in {"the", "of", "and"}]
    return tuple(kept or words)


def _unaccented(text: str) -> str:
    """Letters without their accents ("Kaczyński" = "Kaczynski"): names travel both ways."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def same_actor(a: str, b: str) -> bool:
    """Whether two names can be one actor: the same words in any order ("World War Two",
    "the Second World War"), or one is the end of the other ("Putin", "Vladimir Putin"),
    never two different first names ("Hamza bin Laden", "Osama bin Laden") nor a country
    and a company named after it ("Iran", "Iran Air")."""
    x, y = actor_words(a), actor_words(b)
    if not x or not y:
        return False
    if set(x) == set(y):
        return True
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return long[-len(short) :] == short


@dataclass(frozen=True)
class Signature:
    """What matching compares of a claim."""

    text: str  # normalised wording: lowercase, numbers canonical, crude stems
    numbers: frozenset[str]
    negated: bool
    speaker: str | None
    #: the claim's frame, or its stored JSON, read only when a pair is compared
    frame_source: Frame | str | None = None

    @functools.cached_property
    def frame(self) -> Frame | None:
        """The claim's frame, if it has one."""
        if isinstance(self.frame_source, str):
            return Frame.from_dict(json.loads(self.frame_source))
        return self.frame_source

    @property
    def numkey(self) -> str:
        """The numbers as one string: claims can only match when these are equal."""
        return " ".join(sorted(self.numbers))

    @classmethod
    def stored(
        cls, text: str, numkey: str, speaker: str | None, frame: str | None = None
    ) -> Signature:
        """A signature from the keys kept in the claims table, without recomputing them."""
        words = set(text.split())
        return cls(
            text=text,
            numbers=frozenset(numkey.split()),
            negated=bool(words & NEGATIONS),
            speaker=normalise_speaker(speaker),
            frame_source=frame,
        )


def _number(whole: str, fraction: str | None, scale: str | None) -> str:
    value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
    value *= _SCALE.get((scale or "").lower(), 1)
    return f"{value:g}"


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # shipp(ed) -> ship
    return word


def signature(text: str, speaker: str | None = None, frame: Frame | None = None) -> Signature:
    """The comparable form of a claim's wording, speaker and frame. With a frame its numbers
    are the frame's, read from the parse ("eightieth" is 80, "World War Two" counts nothing)."""
    lowered = _same_wording(_same_names(text).lower().replace("n't", " not"))
    numbers = {_number(*m.groups()) for m in _NUMBER.finditer(lowered)}
    words = _WORD.findall(_NUMBER.sub(" ", lowered))
    for w in words:
        if w in _NUMBER_WORDS:
            numbers.add(f"{_NUMBER_WORDS[w]:g}")
    if frame is not None:
        numbers = set(frame.numbers)
    negated = any(w in NEGATIONS for w in words)
    synonyms = vocabulary().synonyms
    words = [w for word in words for w in synonyms.get(word, word).split()]
    stems = [w if w in NEGATIONS else _stem(w) for w in words if w not in _NUMBER_WORDS]
    return Signature(
        text=" ".join(stems + sorted(numbers)),
        numbers=frozenset(numbers),
        negated=negated,
        speaker=normalise_speaker(speaker),
        frame_source=frame,
    )


def _same_names(text: str) -> str:
    """Capitalised names of the vocabulary in their one form ("Britain" → "united kingdom";
    the pronoun "us" stays)."""
    vocab = vocabulary()

    def one_form(match: re.Match) -> str:
        found = match.group(0)
        return vocab.names[found.lower()] if found[:1].isupper() else found

    return vocab.name_pattern.sub(one_form, text)


def _same_wording(lowered: str) -> str:
    """Phrases of the vocabulary in their one form ("took place" → "happen")."""
    vocab = vocabulary()
    if vocab.phrases is None:
        return lowered
    return vocab.phrases.sub(lambda m: f" {vocab.phrase_forms[m.group(0)]} ", lowered)


def normalise_speaker(speaker: str | None) -> str | None:
    if not speaker:
        return None
    words = [w for w in _WORD.findall(speaker.lower()) if w not in STOPWORDS]
    return " ".join(words) or None


def compatible(a: Signature, b: Signature) -> bool:
    """Whether two claims could be the same claim at all, whatever their wording."""
    return not differences(a, b)


def differences(a: Signature, b: Signature) -> list[str]:
    """What keeps two claims from being the same claim: "number", "negation", "speaker",
    and the frame roles that differ ("agent", "agent and target swapped", "target",
    "place", "date", "weekday", "negation or hedge"). Empty when they could be the same
    claim."""
    found = []
    if a.numbers != b.numbers:
        found.append("number")
    if a.negated != b.negated:
        found.append("negation")
    if a.speaker and b.speaker and not same_actor(a.speaker, b.speaker):
        found.append("speaker")
    if a.frame is not None and b.frame is not None:
        found.extend(f for f in frame_differences(a.frame, b.frame) if f not in found)
    return found


def _unmatched(names: Sequence[str], others: Sequence[str]) -> list[str]:
    return [n for n in names if not any(same_actor(n, o) for o in others)]


def _named(frame: Frame) -> list[str]:
    return [*frame.agents, *frame.patients, *frame.others, *frame.places]


def frame_differences(a: Frame, b: Frame) -> list[str]:
    """The roles two frames fill differently. A name in one frame that has no counterpart
    in the other is a difference only when the other frame names someone (or somewhere)
    instead: "Germany and France banned it" and "Germany banned it" are not told apart, "India
    provided" and "China provided" are."""
    found = []
    if _swapped(a, b):
        found.append("agent and target swapped")
    else:
        only_a = _unmatched(_named(a), _named(b))
        only_b = _unmatched(_named(b), _named(a))
        if only_a and only_b:
            found.append(_role(a, b, only_a, only_b))
        elif role := _other_kind(a, b):
            found.append(role)
    found.extend(_date_differences(a.dates, b.dates))
    if a.numbers and b.numbers and set(a.numbers) != set(b.numbers):
        found.append("number")
    if a.polarity != b.polarity:
        found.append("negation or hedge")
    return found


_ROLES = ("agents", "patients", "places", "others")
_CORE = frozenset({"agents", "patients"})


def _nouns(frame: Frame) -> list[tuple[str, str, str]]:
    """(role, lemma, modifiers) of a frame's unnamed participants ("role:lemma:a|b")."""
    out = []
    for entry in frame.nouns:
        role, _, rest = entry.partition(":")
        lemma, _, modifiers = rest.partition(":")
        out.append((role, lemma, modifiers))
    return out


def _kinds(frame: Frame) -> dict[tuple[str, str], set[str]]:
    """{(role, noun): words that say which ones} of a frame's unnamed participants."""
    synonyms = vocabulary().synonyms
    kinds: dict[tuple[str, str], set[str]] = {}
    for role, noun, modifiers in _nouns(frame):
        words = {synonyms.get(w, w) for m in modifiers.split("|") if m for w in actor_words(m)}
        kinds.setdefault((role, noun), set()).update(words)
    return kinds


def _other_kind(a: Frame, b: Frame) -> str | None:
    """The role in which both frames name the same kind of participant but say different
    ones: "FSB officers" / "police officers", "Turkish forces" / "government forces"."""
    kinds_a, kinds_b = _kinds(a), _kinds(b)
    for key in kinds_a.keys() & kinds_b.keys():
        if kinds_a[key] and kinds_b[key] and not kinds_a[key] & kinds_b[key]:
            return {"agents": "agent", "patients": "target"}.get(key[0], "target")
    return None


def _action(frame: Frame) -> str | None:
    """The frame's verb in its one form ("fired" and "fire" alike)."""
    if frame.predicate is None:
        return None
    return vocabulary().synonyms.get(frame.predicate, frame.predicate)


def _copular(frame: Frame) -> bool:
    return frame.predicate == "be"


def _noun_roles(frame: Frame) -> dict[str, str]:
    """{lemma: role} of a frame's unnamed participants (the first role when several)."""
    roles: dict[str, str] = {}
    for role, lemma, _ in _nouns(frame):
        if lemma not in roles or _ROLES.index(role) < _ROLES.index(roles[lemma]):
            roles[lemma] = role
    return roles


def _role_of(frame: Frame, name: str) -> str | None:
    """The role a name holds in a frame (the first of agent, patient, place, other)."""
    for role in _ROLES:
        if not _unmatched([name], getattr(frame, role)):
            return role
    return None


def _swapped(a: Frame, b: Frame) -> bool:
    """Whether two actors exchange roles: "Ruritania shipped grain to Freedonia" and
    "Freedonia shipped grain to Ruritania"; "Rosselló is to be replaced by Garced" and
    "Garced is to be replaced by Rosselló". Also when an actor moves into the role of one
    the other frame replaces ("Moscow invaded Ukraine" / "Ukraine invaded Russia"). A name
    that changes role alone, with the phrase it heads ("UNESCO is based in Paris" / "UNESCO
    has its headquarters in Paris"), is a change of voice, not a swap."""
    if _copular(a) or _copular(b):
        return False  # "the only state that has not signed is Eritrea": X is Y, Y is X
    roles_a, roles_b = _noun_roles(a), _noun_roles(b)
    same_action = _action(a) is not None and _action(a) == _action(b)
    for x, r1 in roles_a.items():  # unnamed participants exchanging roles
        r2 = roles_b.get(x) or _role_of(b, x)
        if r2 is None or r1 == r2 or not {r1, r2} & _CORE:
            continue
        # with a name always; with another unnamed noun only under the same verb: a clause
        # turned around ("citing concerns, they imposed bans") trades nouns without a swap
        others = [(y, _role_of(a, y), _role_of(b, y)) for y in _named(a)]
        if same_action:
            others += [(y, roles_a[y], roles_b.get(y)) for y in roles_a if y != x]
        if any(ra == r2 and rb == r1 for _, ra, rb in others):
            return True
    for x in _named(a):
        r1, r2 = _role_of(a, x), _role_of(b, x)
        if r1 is None or r2 is None or r1 == r2 or not {r1, r2} & _CORE:
            continue
        for y in _named(a):
            if not same_actor(x, y) and _role_of(a, y) == r2 and _role_of(b, y) == r1:
                return True
        replaced_a = _unmatched(getattr(a, r2), _named(b))
        replaced_b = _unmatched(getattr(b, r1), _named(a))
        if replaced_a and replaced_b:
            return True
    return False


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


def _date_part(word: str) -> str:
    if ":" in word:
        return "time"
    if word in WEEKDAYS:
        return "weekday"
    if word in MONTHS:
        return "month"
    if word.isdigit():
        return "year" if len(word) == 4 else "day"
    return "relative"


def _date_differences(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """ "weekday" or "date" when a part of a date that both claims give differs ("Monday" /
    "Sunday", "2016" / "2015", "yesterday" / "last week"); a part only one gives agrees."""
    parts_a: dict[str, set[str]] = {}
    parts_b: dict[str, set[str]] = {}
    for words, parts in ((a, parts_a), (b, parts_b)):
        for word in words:
            parts.setdefault(_date_part(word), set()).add(word)
    differing = [p for p in parts_a.keys() & parts_b.keys() if parts_a[p] != parts_b[p]]
    if not differing:
        return []
    return ["weekday"] if differing == ["weekday"] else ["date"]


def search_terms(sig: Signature, limit: int = 12) -> list[str]:
    """The normalised words of a claim worth looking up in the index of normalised wordings
    (no numbers, no stop words), longest (rarest-looking) first."""
    words = [
        w for w in sig.text.split() if w not in STOPWORDS and len(w) > 2 and not w[0].isdigit()
    ]
    unique = list(dict.fromkeys(words))
    return sorted(unique, key=len, reverse=True)[:limit]


def fuzzy_scores(queries: Sequence[str], candidates: Sequence[str]) -> np.ndarray:
    """The wording similarity (0-100) of every query text to every candidate text (the
    signatures' normalised wording), nothing else."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not queries or not candidates:
        return np.zeros((len(queries), len(candidates)))
    # threads pay off only on large matrices (a whole article against its candidates)
    workers = -1 if len(queries) * len(candidates) > 20_000 else 1
    sort = process.cdist(
        queries, candidates, scorer=fuzz.token_sort_ratio, workers=workers, dtype=np.float32
    )
    sets = process.cdist(
        queries, candidates, scorer=fuzz.token_set_ratio, workers=workers, dtype=np.float32
    )
    return (sort + sets) / 2


def score_many(queries: Sequence[Signature], candidates: Sequence[Signature]) -> np.ndarray:
    """A (len(queries) x len(candidates)) score matrix, 0 where claims are incompatible."""
    scores = fuzzy_scores([s.text for s in queries], [s.text for s in candidates])
    for i, qs in enumerate(queries):
        for j, cs in enumerate(candidates):
            if scores[i, j] >= THRESHOLD and not compatible(qs, cs):
                scores[i, j] = 0.0
    return scores


def link_article(store: ClaimIndex, article_id: str, claims: Sequence[Claim]) -> dict:
    """Matches of a new article's claims to earlier claims, and repeats within the article.

    Returns the payload of an ``article.matched`` event:
    ``{"matches": {claim_id: [[earlier_id, score], ...]}, "duplicates": {claim_id: first_id}}``.
    """
    sigs = [signature(c.claim, c.speaker, c.frame) for c in claims]
    duplicates: dict[str, str] = {}
    if len(claims) > 1:
        within = score_many(sigs, sigs)
        for j in range(len(claims)):
            for i in range(j):
                if within[i, j] >= DUPLICATE and claims[i].id not in duplicates:
                    duplicates[claims[j].id] = claims[i].id
                    break
    matches: dict[str, list[list]] = {}
    for claim, sig in zip(claims, sigs, strict=True):
        if claim.id in duplicates:
            continue
        best = lookup(store, sig, limit=5, floor=THRESHOLD, exclude=article_id)
        if best:
            matches[claim.id] = [[cid, score] for cid, score in best]
    return {"matches": matches, "duplicates": duplicates}


@dataclass(frozen=True)
class Candidate:
    """A stored claim worded like a query: how alike, and what agrees or differs."""

    claim_id: str
    score: float  # wording similarity, 0-100
    differs: tuple[str, ...]  # what keeps it from being the same claim
    agrees: tuple[str, ...]  # the roles both fill alike ("agent moscow", "date february")

    @property
    def is_match(self) -> bool:
        """The same claim: worded alike and nothing differs. Only a match lends a verdict."""
        return self.score >= THRESHOLD and not self.differs


def related(
    store: ClaimIndex, sig: Signature, *, limit: int = 5, floor: float = 50.0
) -> list[Candidate]:
    """The stored claims worded most like the claim of ``sig``, best first: matches, then
    claims that are only related. Candidates come from the index by words alone (any
    numbers)."""
    found = store.worded_like(search_terms(sig))
    row = fuzzy_scores([sig.text], [mt or "" for _, mt, _, _, _ in found])[0] if found else []
    ranked = []
    for j in close(row, floor):
        cid, mt, sp, fr, nk = found[j]
        other = Signature.stored(mt or "", nk or "", sp, fr)
        score = round(float(row[j]), 1)
        ranked.append(Candidate(cid, score, tuple(differences(sig, other)), agreements(sig, other)))
    ranked.sort(key=lambda c: (not c.is_match, bool(c.differs), -c.score))
    return ranked[:limit]


def agreements(a: Signature, b: Signature) -> tuple[str, ...]:
    """What two claims say alike, role by role: why they match, or what they share."""
    out = []
    if a.numbers and a.numbers == b.numbers:
        out.append("numbers " + ", ".join(sorted(a.numbers)))
    if a.speaker and b.speaker and same_actor(a.speaker, b.speaker):
        out.append(f"speaker {b.speaker}")
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return tuple(out)
    for role, x, y in (
        ("agent", fa.agents, fb.agents),
        ("target", fa.patients, fb.patients),
        ("place", fa.places, fb.places),
    ):
        shared = [n for n in y if not _unmatched([n], x)]
        if shared:
            out.append(f"{role} " + ", ".join(shared))
    if fa.dates and set(fa.dates) == set(fb.dates):
        out.append("date " + " ".join(fb.dates))
    if fa.polarity == fb.polarity and fa.polarity != "positive":
        out.append(f"polarity {fa.polarity}")
    return tuple(out)


def close(row: Sequence[float], floor: float) -> list[int]:
    """Indices of the scores at or above ``floor``: only these candidates get a signature."""
    return [j for j, score in enumerate(row) if score >= floor]


RELATED = 75.0  # from this wording score a claim that differs is shown as related


def related_claims(
    store: ClaimIndex, claim: Claim, limit: int = 3
) -> list[tuple[Candidate, Claim]]:
    """Earlier claims of other articles worded like ``claim`` (from :data:`RELATED`) that
    are not the same claim, with what differs, each with the earlier claim as stored: shown
    beside it, never adopted."""
    sig = signature(claim.claim, claim.speaker, claim.frame)
    others = [c for c in related(store, sig, limit=limit + 5, floor=RELATED) if c.differs]
    if not others:
        return []
    stored = {c.id: c for c in store.claims(ids=[c.claim_id for c in others])}
    found = [
        (c, stored[c.claim_id])
        for c in others
        if c.claim_id in stored and stored[c.claim_id].article_id != claim.article_id
    ]
    return found[:limit]


@dataclass(frozen=True)
class EarlierClaim:
    """An earlier claim shown beside one under review: a match, whose verdict ``m`` adopts,
    or a related claim that differs (``differs``) and lends nothing."""

    claim: Claim
    article_title: str
    sources: tuple[Source, ...]
    score: float
    differs: tuple[str, ...] = ()


def earlier_claims(
    store: ClaimIndex, claim: Claim
) -> tuple[list[EarlierClaim], list[EarlierClaim]]:
    """The earlier claims to show beside ``claim``: its stored matches, and the claims of
    other articles worded alike that are not the same claim, each with its article's title,
    verdict and sources."""

    def shown(other: Claim, score: float, differs: tuple[str, ...] = ()) -> EarlierClaim:
        article = store.article(other.article_id)
        sources = tuple(s for _, s in store.claim_sources(other.id))
        title = article.title or article.source
        return EarlierClaim(other, title, sources, score, differs)

    matches = [shown(store.claim(m["claim_id"]), m["score"]) for m in claim.matches]
    related_ = [shown(other, c.score, c.differs) for c, other in related_claims(store, claim)]
    return matches, related_


def lookup(
    store: ClaimIndex,
    sig: Signature,
    *,
    limit: int = 5,
    floor: float = THRESHOLD,
    exclude: str | None = None,
) -> list[tuple[str, float]]:
    """(claim id, score) of stored claims that are the claim of ``sig``, best first, from
    ``floor`` up."""
    found = store.match_candidates(sig.numkey, search_terms(sig), exclude_article=exclude)
    row = fuzzy_scores([sig.text], [mt or "" for _, mt in found])[0] if found else []
    near = close(row, floor)
    details = store.match_details([found[j][0] for j in near]) if near else {}
    ranked = []
    for j in near:
        cid, mt = found[j]
        sp, fr = details[cid]
        if compatible(sig, Signature.stored(mt or "", sig.numkey, sp, fr)):
            ranked.append((cid, round(float(row[j]), 1)))
    ranked.sort(key=lambda pair: -pair[1])
    return ranked[:limit]
