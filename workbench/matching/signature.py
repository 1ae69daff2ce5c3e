"""What matching compares of a claim: its normalised wording, numbers, negation and speaker
(:class:`Signature`); names are compared in :mod:`workbench.matching.actors`, the word lists are in
:mod:`workbench.matching.vocabulary`."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass

from workbench.core.numbers import is_rounded, number_text
from workbench.core.values import Frame
from workbench.matching.actors import (
    PERCENT,
    actor_words,
    fold_letters,
)
from workbench.matching.lowered import lowered as _lowered
from workbench.matching.lowered import same_names, shares_of
from workbench.matching.number_words import as_framed, with_spelled_numbers
from workbench.matching.shares import frame_with_shares
from workbench.matching.vocabulary import ARTICLES, NEGATIONS, negated_phrases, vocabulary
from workbench.matching.vocabulary import stem as _stem

THRESHOLD = 82.0  # score (0-100) from which two claims are the same claim
DUPLICATE = 90.0  # within one article: the same claim repeated (headline and body)

_STOP = """a an the of to in on at for from by with and or but as is are was were be been being
has have had it its this that these those which who whom whose what when where while will
would could should may might can said says say told also than then there their they them he
she his her him we our us you your i me my mr mrs ms dr s"""
STOPWORDS = frozenset(_STOP.split())
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.])(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))"
    r"(?:\s*(thousand|million|billion|trillion|bn|m)\b)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script, after fold_letters
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip


@dataclass(frozen=True)
class Signature:
    """What matching compares of a claim."""

    text: str  # normalised wording: lowercase, numbers canonical, crude stems
    numbers: frozenset[str]
    negated: bool
    speaker: str | None
    #: the claim's frame, or its stored JSON, read only when a pair is compared
    frame_source: Frame | str | None = None
    #: the claim as written, when known: where its numbers and possessors stand
    wording: str | None = None
    #: what the speaker does with it (``core.values.STANCES``), when known
    stance: str | None = None

    @functools.cached_property
    def frame(self) -> Frame | None:
        """The claim's frame, if it has one."""
        if isinstance(self.frame_source, str):
            stored = Frame.from_dict(json.loads(self.frame_source))
            shares = shares_of(self.wording) if self.wording is not None else ()
            return frame_with_shares(with_written_numbers(stored, self.numbers), shares)
        return self.frame_source

    @functools.cached_property
    def sides(self) -> dict[str, frozenset[int]]:
        """{contrast: the sides its words take} of the ``[contrasts]`` in matching.toml
        ("direction": rise or fall) the claim's wording falls in."""
        contrasts = vocabulary().contrasts
        found: dict[str, set[int]] = {}
        for word in self.text.split():
            for label, side in contrasts.get(word, ()):
                found.setdefault(label, set()).add(side)
        return {label: frozenset(sides) for label, sides in found.items()}

    @functools.cached_property
    def hedges(self) -> frozenset[str]:
        """The kinds of hedge the wording holds: "modal" for a possibility ("could",
        "possibly"), "other" for the rest ("tried to", "allegedly"). "May be seeking to
        avoid" holds both, "is seeking to avoid" one."""
        vocab = vocabulary()
        found = {
            "modal" if m[0] in vocab.modal_hedges else "other"
            for m in vocab.hedges.finditer(self.text)
            if m[0] not in vocab.before_verb or self._tries_a_verb()
        }
        if self.wording is not None and vocab.lower_case_modal.search(self.wording):
            found.add("modal")  # "they may cover", not "in May"
        if self._permits():
            found.add("modal")  # "allows patients to choose": "patients can choose"
        return frozenset(found)

    def _tries_a_verb(self) -> bool:
        """Whether a hedge of ``[hedges] before_verb`` stands before a verb of the frame in
        the wording ("applied to take part"), or the claim's verbs are not known."""
        if self.wording is None or self.frame is None:
            return True
        verbs = {v.lower() for v in self.frame.verbs}
        found = vocabulary().before_verb_written.finditer(self.wording.lower())
        return any(m[1] in verbs for m in found)

    def _permits(self) -> bool:
        """Whether a verb of permission (a verb of the frame, not "a permit") lets another
        verb of the frame happen: "to" and that verb after it ("allows patients to choose"),
        or a bare "to" at the end ("allows them to"), or that verb two to six words after
        it, before any word that opens another verb phrase ("let local authorities issue",
        "let the Senate intelligence committee see"; right after it, a verb is the parser's
        misreading)."""
        words = self.text.split()
        verbs = {compared_form(v) for v in self.frame.verbs} if self.frame is not None else set()
        allowed = [i for i, w in enumerate(words) if w in vocabulary().permission_verbs & verbs]
        then = [*words[1:], ""]  # the word after each
        infinitives = [
            j for j, w in enumerate(words) if w == "to" and (then[j] in verbs or not then[j])
        ]
        last = infinitives[-1] if infinitives else -1
        return any(verbs & self._stretch(words[i + 2 : i + 7]) or last > i for i in allowed)

    @staticmethod
    def _stretch(words: list[str]) -> set[str]:
        """``words`` up to the first that opens another verb phrase ("has been passed")."""
        ends = vocabulary().permission_ends
        return set(itertools.takewhile(lambda w: w not in ends, words))

    @functools.cached_property
    def level(self) -> bool | None:
        """Whether a change the claim states reaches a level ("fell to 4 per cent": True) or
        is an amount ("fell by 4 per cent": False); None when it states none (handed to
        someone: "giving a tax cut to …"; a noun before "to": "cuts to"; an object after it)."""
        vocab = vocabulary()
        words = self.text.split()
        verbs = {compared_form(v) for v in self.frame.verbs} if self.frame is not None else None
        found = None
        for i, word in enumerate(words):
            if word in vocab.amount_words:
                continue
            if any(label in vocab.level_contrasts for label, _ in vocab.contrasts.get(word, ())):
                following = words[i + 1] if i + 1 < len(words) else ""
                # to whom ("giving … a tax cut to"), or an object after it ("raise the age …")
                if vocab.giver_words & set(words[max(0, i - 3) : i]) or following in ARTICLES:
                    continue
                reaches = following in vocab.level_words
                after = words[i - 1] if i else ""
                verb = verbs is None or word in verbs or after in vocab.level_auxiliaries
                if reaches and not verb:
                    continue  # a noun: "cuts to the military" says what is cut
                found = found or reaches
        return found

    @functools.cached_property
    def negations(self) -> int:
        """How many negation words the claim holds ("not", "no", "never" …)."""
        return sum(1 for w in self.text.split() if w in NEGATIONS)

    @functools.cached_property
    def negated_words(self) -> frozenset[str]:
        """The index words a negation of the claim bears on: the first after each "not",
        "no", "never" … within three words, passing over ``[negations] between`` ("is not
        part" → "part", "has not been repatriated" → "repatriat", "is not going to raise"
        → "raise", "not one shred of evidence" → "evid"), and the first of a next item of a
        list ("not pac money or foreign money" → "pac", "foreign")."""
        following = negated_phrases(self.text.split(), 3)
        return frozenset(t for words in following for t in index_terms(" ".join(words))[:1])

    @functools.cached_property
    def possessors(self) -> tuple[frozenset[str], frozenset[str]] | None:
        """(the names the claim says something belongs to — "Ukraine's", "of Mexico" —, every
        name it holds), in their compared form; None when its wording is not known or it
        names no possessor."""
        if self.wording is None:
            return None
        owners = {
            _name_key(name[0])
            for m in _POSSESSOR.finditer(self.wording)
            if not (m[2] and _of_says_no_owner(self.wording, m.start()))
            for name in _CAPITALISED.finditer(m[1] or m[2])
        }
        owners.discard("")
        if not owners:
            return None
        names = {_name_key(m[0]) for m in _CAPITALISED.finditer(self.wording)} - {""}
        return frozenset(owners), frozenset(names | owners)

    @functools.cached_property
    def name_slots(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """(the wording's lower-case pieces between its capitalised names, the names in
        order in their compared form), for a claim of two names or more whose wording is
        known: what tells "… allowed China to extradite suspects from Hong Kong" from the
        same words with the names the other way round."""
        if self.wording is None:
            return None
        names = tuple(_name_key(m[0]) for m in _CAPITALISED.finditer(self.wording))
        if len(set(names) - {""}) < 2:
            return None
        pieces = _CAPITALISED.split(self.wording)
        return tuple(" ".join(p.lower().split()) for p in pieces), names

    @functools.cached_property
    def compared_sides(self) -> tuple[frozenset[str], frozenset[str]] | None:
        """(the index words before, after) the first comparison word of matching.toml ("than",
        "over") that sets two things against each other, each word on one side only; None
        for a claim that compares nothing. A comparison word right before a number ("more
        than seven yuan", "over 500 people") bounds a quantity, one right after a verb
        ("took over") is the verb's: both are passed over."""
        vocab = vocabulary()
        comparisons, particles = vocab.comparisons, vocab.comparison_particles
        words = self.text.split()
        at = [i for i, w in enumerate(words) if w in comparisons]
        if self.wording is not None:
            read = list(words_and_numbers(self.wording))
            bounds = [
                k + 1 < len(read) and read[k + 1][1] is not None
                for k, (word, _) in enumerate(read)
                if word in comparisons
            ]
            # numbers stand at the end of the normalised text, so the comparison words
            # come in the same order in both
            at = [i for i, bound in zip(at, bounds, strict=False) if not bound]
        if self.frame is not None:  # a verb's particle: "take over guarding" / "taken over by"
            verbs = {compared_form(v) for v in self.frame.verbs}
            at = [i for i in at if not (i and words[i] in particles and words[i - 1] in verbs)]
        return self.sides_at(words, at[0]) if at else None

    @functools.cached_property
    def caused_sides(self) -> tuple[frozenset[str], frozenset[str]] | None:
        """(the index words before, after) the first word of ``[causes]`` ("because"): what
        is explained and what explains it; None for a claim that gives no cause so."""
        return self._sides_of(vocabulary().causes)

    def _sides_of(self, joints: Set[str]) -> tuple[frozenset[str], frozenset[str]] | None:
        """The index words before and after the first of ``joints``, each on one side only."""
        words = self.text.split()
        at = next((i for i, w in enumerate(words) if w in joints), None)
        return None if at is None else self.sides_at(words, at)

    @staticmethod
    def sides_at(words: list[str], at: int) -> tuple[frozenset[str], frozenset[str]]:
        """The words of substance before and after ``words[at]``, with the words that point
        at a side ("this") and the persons of pronouns ("@we" of "our" and "ours"), each on
        one side only. Short words and the figures of a name count ("BF.7" is "bf 7"); other
        numbers stand at the end of the wording, apart."""
        pointing = vocabulary().pointing

        def side(part: list[str]) -> set[str]:
            # a person stands on a side however its pronoun is written ("ours" / "our …")
            persons = {p for p in map(_person, part) if p is not None}
            return persons | {w for w in part if w not in STOPWORDS or w in pointing}

        before, after = side(words[:at]), side(words[at + 1 :])
        return frozenset(before - after), frozenset(after - before)

    @functools.cached_property
    def number_neighbours(self) -> tuple[dict[str, frozenset[str]], ...] | None:
        """({word: the numbers just before it}, {word: the numbers just after it}) over the
        claim's index words, for a claim of two numbers or more whose wording is known; what
        tells "52% voted to leave and 48% to stay" from the same numbers the other way round.
        A word's neighbours are the nearest numbers of the claim on either side, however far;
        a word said more than once ("200 new programs and 20,000 new staff") has none."""
        if self.wording is None or len(self.numbers) < 2:
            return None
        before: dict[str, set[str]] = {}
        after: dict[str, set[str]] = {}
        pending: list[str] = []
        last = None
        read = as_framed(list(words_and_numbers(self.wording)), self.numbers)
        counts = Counter(word for word, number in read if number is None)
        once = {word for word, count in counts.items() if count == 1}
        for word, number in read:
            if number is not None:
                if number in self.numbers:
                    for w in pending:
                        after.setdefault(w, set()).add(number)
                    pending, last = [], number
            elif word in once and word not in STOPWORDS and len(word) > 2:
                if last is not None:
                    before.setdefault(word, set()).add(last)
                pending.append(word)
        return tuple({w: frozenset(n) for w, n in side.items()} for side in (before, after))

    @property
    def numkey(self) -> str:
        """The numbers as one string: claims can only match when these are equal."""
        return " ".join(sorted(self.numbers))

    @classmethod
    def stored(
        cls,
        text: str,
        numkey: str,
        speaker: str | None,
        frame: str | None = None,
        wording: str | None = None,
        stance: str | None = None,
    ) -> Signature:
        """A signature from the keys kept in the claims table (and the claim as written,
        ``wording``, and its ``stance``), without recomputing them."""
        words = set(text.split())
        return cls(
            text=text,
            numbers=frozenset(numkey.split()),
            negated=bool(words & NEGATIONS),
            speaker=normalise_speaker(speaker),
            frame_source=frame,
            wording=wording,
            stance=stance,
        )


@functools.lru_cache(maxsize=8192)
def compared_form(word: str) -> str:
    """One word as a claim's wording is compared (``Signature.text``): its synonym's one
    form, crudely stemmed ("launched" and "began" are "begin")."""
    forms = [w for w, number in words_and_numbers(word) if number is None]
    return forms[0] if len(forms) == 1 else word


def compared_words(text: str) -> list[str]:
    """A text's words as a claim's wording is compared, numbers left out ("African-American"
    is "africa unit stat")."""
    return [w for w, number in words_and_numbers(text) if number is None]


def compared_numbers(text: str) -> list[str]:
    """A text's numbers as claims are compared by, in order ("24 billion": "24000000000")."""
    return [number for _, number in words_and_numbers(text) if number is not None]


def index_terms(text: str) -> list[str]:
    """The distinct words of a normalised wording (``Signature.text``) that the index is
    searched by: no numbers, no stop words, none shorter than three letters."""
    words = [w for w in text.split() if w not in STOPWORDS and len(w) > 2 and not w[0].isdigit()]
    return list(dict.fromkeys(words))


@functools.lru_cache(maxsize=4096)
def number_key(numkey: str) -> str:
    """A short word standing for a set of numbers (``Signature.numkey``): "k" and 8 hex
    digits, so that a full-text tokenizer keeps it whole."""
    return "k" + hashlib.blake2s(numkey.encode("utf-8"), digest_size=4).hexdigest()


def numbered_terms(numkey: str, text: str) -> str:
    """Each index word of a claim prefixed by its numbers' key ("k1a2b3c4grain"),
    space-separated; claims without numbers share the key of no numbers. Indexed, one such
    word finds the claims with these numbers (or none) and that word in a posting list of
    their own, however many claims share the numbers or the word."""
    key = number_key(numkey)
    return " ".join(key + term for term in index_terms(text))


def _number(whole: str, fraction: str | None, scale: str | None) -> str:
    """A number as the wording writes it, canonical: "40,000" is "40000"."""
    digits = whole.replace(",", "")
    if fraction is None and scale is None and len(digits) < 16:
        return str(int(digits))  # the common case, written as number_text writes it
    value = float(digits + (f".{fraction}" if fraction else ""))
    value *= _SCALE.get((scale or "").lower(), 1)
    return number_text(value)


@functools.lru_cache(maxsize=4096)  # ingest reads each claim twice: to link it, to store it
def signature(
    text: str, speaker: str | None = None, frame: Frame | None = None, stance: str | None = None
) -> Signature:
    """The comparable form of a claim's wording, speaker, frame and stance. With a frame its
    numbers are the frame's, read from the parse ("eightieth" is 80, "World War Two" counts
    nothing)."""
    stems: list[str] = []
    numbers: set[str] = set()
    for word, number in words_and_numbers(text):
        if number is None:
            stems.append(word)
        else:
            numbers.add(number)
    if frame is not None:
        frame = frame_with_shares(with_written_numbers(frame, numbers), shares_of(text))
        numbers = set(frame.numbers)
    return Signature(
        text=" ".join(stems + sorted(numbers)),
        numbers=frozenset(numbers),
        negated=any(w in NEGATIONS for w in stems),
        speaker=normalise_speaker(speaker),
        frame_source=frame,
        wording=text,
        stance=stance,
    )


_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+(?:of\s+)?[A-Z][\w.-]*)*"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+){_NAME})*"  # "China, India and Oman"
#: "Ukraine's donor", "the partner of the United States", "the navies of China and India":
#: whose a thing is
_POSSESSOR = re.compile(rf"({_NAME})['’]s?(?!\w)|\bof\s+({_NAMES})")
_CAPITALISED = re.compile(_NAME)
#: a capitalised word right before "of": the "of" joins a name ("the Gulf of Oman", "the
#: Bank of England"), it does not say whose
_NAME_BEFORE_OF = re.compile(r"\b[A-Z][\w.-]*\s+$")
#: the word right before a position in the wording ("out" of "out of")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _of_says_no_owner(wording: str, at: int) -> bool:
    """Whether the "of" at ``at`` joins a name ("the Bank of England") or makes one
    preposition with the word before it ("out of", "because of") rather than saying whose."""
    if _NAME_BEFORE_OF.search(wording, 0, at):
        return True
    before = _WORD_BEFORE.search(wording, 0, at)
    return before is not None and before[1].lower() in vocabulary().before_of


def _name_key(name: str) -> str:
    """A name as compared for possession: its one form, lower case, without "the"."""
    return " ".join(actor_words(name.rstrip(".-")))  # "… of Mexico." ends a sentence


def words_and_numbers(text: str) -> Iterator[tuple[str, str | None]]:
    """The claim's words in order, in their compared form (synonyms, stems), each as (word,
    None), and its numbers where they stand, canonical ("40,000" and "40 thousand" are "40000"),
    as ("", number): what its signature and where its numbers stand are read from."""
    synonyms, fillers, end = vocabulary().synonyms, vocabulary().fillers, 0
    lowered = _lowered(text)
    for m in [*_NUMBER.finditer(lowered), None]:
        words = _WORD.findall(lowered[end : m.start() if m else len(lowered)])
        for word, number in with_spelled_numbers(w for w in words if w not in fillers):
            if number is not None:
                yield "", number
                continue
            for w in synonyms.get(word, word).split():
                yield (w if w in NEGATIONS else _stem(w)), None
        if m is not None:
            whole, fraction, alone, scale = m.groups()  # "$.50": a decimal part alone
            yield "", _number(whole or "0", fraction or alone, scale)
            end = m.end()


def with_written_numbers(frame: Frame | None, written: Iterable[str]) -> Frame | None:
    """``frame`` with each number an earlier version rounded to six digits ("1.23457e+06")
    taken back to the number of the claim's wording it stands for ("1234567"); a frame
    with none as it is."""
    if frame is None or not any(is_rounded(n) for n in frame.numbers):
        return frame
    rounded = {f"{float(w):g}": w for w in written if _is_number(w)}
    exact = tuple(sorted({rounded.get(n, n) if is_rounded(n) else n for n in frame.numbers}))
    return dataclasses.replace(frame, numbers=exact)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _person(speaker: str) -> str | None:
    """A speaker that is a personal pronoun left unresolved ("He said …"), as "@" and the
    first word of its person's ``[persons]`` group ("@he"), else None: who it stands for is
    not known, only that "he" and "you" are two people."""
    persons = vocabulary().persons
    group = persons.get(speaker.strip().lower())
    if group is None:
        return None
    return "@" + next(word for word, g in persons.items() if g == group)


def normalise_speaker(speaker: str | None) -> str | None:
    """A speaker as compared: names in their one form, no stop words, and no month or
    weekday ("teachers polled in January" is who the teachers are, not when they spoke); a
    personal pronoun as its person ("@he"); a phrase a possessive opens, after its owner
    ("Your husband": "@you:husband")."""
    if not speaker:
        return None
    person = _person(speaker)
    if person is not None:
        return person
    first, _, rest = speaker.strip().partition(" ")
    if rest and first.lower() in vocabulary().possessives:
        owned = normalise_speaker(rest)
        return f"{_person(first)}:{owned}" if owned else None
    named = same_names(speaker).lower()  # "US officials": the country, not the pronoun
    named = PERCENT.sub(" percent", named)  # "88% of teachers" = "88 percent of teachers"
    synonyms = vocabulary().synonyms  # "somebody" = "someone", as in the wording
    verbs = vocabulary().agreeing  # "who've looked" = "who have looked"
    words = [
        synonyms.get(w, w) for w in _WORD.findall(fold_letters(named))
        if w not in STOPWORDS and w not in verbs and w not in MONTHS and w not in WEEKDAYS
    ]  # fmt: skip
    return " ".join(words) or None
