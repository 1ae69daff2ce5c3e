"""Plain values passed between the layers. No I/O and no database here."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, NamedTuple

from workbench.core.numbers import canonical_number

Kind = Literal["fact", "opinion"]


class Status(StrEnum):
    """Where a claim stands in review; one word in the database, the exports and the filters."""

    UNREVIEWED = "unreviewed"
    NEEDS_SOURCES = "needs_sources"
    NEEDS_APPROVAL = "needs_approval"
    CONFLICT = "conflict"
    REVIEWED = "reviewed"
    #: repeated earlier in its own article (headline and body); never reviewed on its own
    DUPLICATE = "duplicate"


KINDS: tuple[str, ...] = ("fact", "opinion")
#: What a speaker does with a claim's content: says it is so, says it is not so (the
#: wording then carries the negation), asks it, forecasts it, believes, hopes or fears it,
#: or declines to say anything ("declined to comment").
STANCES: tuple[str, ...] = (
    "asserts",
    "denies",
    "questions",
    "predicts",
    "believes",
    "hopes",
    "fears",
    "declines",
)
#: Stances by which the speaker doubts the content: the same words asked or doubted are
#: not the claim asserted. (Hopes and fears are left out: "I want to …" is read as a hope
#: in one sentence and not in the next, so comparing them split the same claim.)
UNCOMMITTED_STANCES = frozenset({"questions"})
#: What kind of speaker asserts a claim (None when the article asserts it itself).
SPEAKER_TYPES: tuple[str, ...] = ("person", "organisation", "state", "group", "document")
#: How a claim's stance reads after its speaker: "denied by the ministry".
STANCE_VERBS: dict[str, str] = {
    "asserts": "asserted", "denies": "denied", "questions": "questioned", "predicts": "predicted",
    "believes": "believed", "hopes": "hoped", "fears": "feared",
    "declines": "left unanswered",
}  # fmt: skip
Stance = Literal[
    "asserts", "denies", "questions", "predicts", "believes", "hopes", "fears", "declines"
]


@dataclass(frozen=True)
class Document:
    """Decoded text of one source, before boilerplate is removed."""

    text: str
    source: str  # the path, URL or "-" it came from
    format: Literal["text", "markdown", "html"] = "text"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Dropped:
    """A boilerplate segment removed from an article, kept for the audit."""

    text: str
    rule: str  # name of the boilerplate rule that matched


@dataclass(frozen=True)
class Cleaned:
    """Article text with boilerplate removed; paragraphs separated by a blank line."""

    text: str
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class Entity:
    text: str
    label: str


@dataclass(frozen=True)
class Frame:
    """What a claim says, by role, for matching: two claims can be the same claim only when
    no role holds different values on the two sides (see :mod:`workbench.matching`)."""

    agents: tuple[str, ...] = ()  # named actors in the subject, normalised
    others: tuple[str, ...] = ()  # the other named actors, and names of laws, events …
    dates: tuple[str, ...] = ()  # weekdays, months, years, days
    numbers: tuple[str, ...] = ()  # quantities, words and ordinals included
    polarity: str = "positive"  # "negative" (not, never, denied) or "hedged" (hardly …)
    predicate: str | None = None  # the main verb's lemma (shown, not compared)
    #: "future" ("will build", "plans to ship"), "past" ("built", "has built"), or None:
    #: the present, or a claim split before tense was read
    tense: str | None = None
    #: ("from" end, "to" end) of a movement the claim gives both ends of, else ()
    path: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # where: named places after "in", "at", "near", "to" …
    patients: tuple[str, ...] = ()  # who undergoes it: the object, a passive's subject
    #: unnamed participants as "role:lemma" ("agents:lawmaker"), for telling a swap
    nouns: tuple[str, ...] = ()
    #: the adjectives that say what something is like ("positive", "neutral"), lower-case:
    #: two claims alike but for one of them say different things. () for a claim split
    #: before they were read.
    qualities: tuple[str, ...] = ()
    #: the verbs as written, lower-case ("criticised"): two claims alike but for one of
    #: them say that something else was done. () for a claim split before they were read.
    verbs: tuple[str, ...] = ()
    #: the words opening a condition the claim holds on ("if", "unless"): a claim on a
    #: condition is not the bare claim. () for none, and for a claim split before they
    #: were read.
    conditions: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The JSON shape stored with the claim."""
        shape = {
            "agents": list(self.agents), "others": list(self.others), "dates": list(self.dates),
            "numbers": list(self.numbers), "polarity": self.polarity,
            "predicate": self.predicate, "tense": self.tense, "path": list(self.path),
            "places": list(self.places),
            "patients": list(self.patients), "nouns": list(self.nouns),
        }  # fmt: skip
        if self.qualities:  # frames without any keep the shape they always had
            shape["qualities"] = list(self.qualities)
        if self.verbs:
            shape["verbs"] = list(self.verbs)
        if self.conditions:
            shape["conditions"] = list(self.conditions)
        return shape

    @classmethod
    def from_dict(cls, data: dict | None) -> Frame | None:
        """The frame stored by :meth:`to_dict`; None for None."""
        if data is None:
            return None
        return cls(
            agents=tuple(data.get("agents", ())),
            others=tuple(data.get("others", ())),
            dates=tuple(data.get("dates", ())),
            # numbers stored before every digit was kept ("1.2e+06") read as written now
            numbers=tuple(canonical_number(n) for n in data.get("numbers", ())),
            polarity=str(data.get("polarity", "positive")),
            predicate=data.get("predicate"),
            tense=data.get("tense"),
            path=tuple(data.get("path", ())),
            places=tuple(data.get("places", ())),
            patients=tuple(data.get("patients", ())),
            nouns=tuple(data.get("nouns", ())),
            qualities=tuple(data.get("qualities", ())),
            verbs=tuple(data.get("verbs", ())),
            conditions=tuple(data.get("conditions", ())),
        )


@dataclass(frozen=True)
class ClaimDraft:
    """One claim as the splitter proposes it. Offsets index the cleaned article text."""

    text: str  # verbatim span: article_text[start:end]
    claim: str  # stand-alone wording
    start: int
    end: int
    kind: Kind
    speaker: str | None = None  # None: the article asserts it itself
    quote: bool = False
    cues: tuple[str, ...] = ()
    checkworthiness: float = 0.0
    entities: tuple[Entity, ...] = ()
    stance: Stance = "asserts"  # what the speaker does with the content (see STANCES)
    speaker_type: str | None = None  # one of SPEAKER_TYPES when there is a speaker
    frame: Frame | None = None  # what the claim says by role, for matching


@dataclass(frozen=True)
class Article:
    """A stored article (a projection of its ``article.ingested`` event)."""

    id: str
    content_hash: str
    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    ingested_at: str = ""
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class Feed:
    """A news feed ``workbench watch`` follows (a projection of its feed events)."""

    id: str
    url: str
    name: str | None = None
    outlet: str | None = None
    added_at: str = ""
    added_by: str = ""
    etag: str | None = None  # validators of the last answer, sent back to ask "changed?"
    last_modified: str | None = None
    checked_at: str | None = None  # the last check that changed something (see feed.polled)
    status: str | None = None  # "ok", "not modified", "failed"
    error: str | None = None
    articles: int = 0  # articles stored from it

    @property
    def label(self) -> str:
        """What a summary line calls it: its name, else its address."""
        return self.name or self.url


@dataclass(frozen=True)
class Source:
    url: str
    title: str | None = None
    publisher: str | None = None
    excerpt: str | None = None
    accessed_at: str | None = None


@dataclass(frozen=True)
class Verdict:
    """A reviewer's current verdict on a claim, with the sources that reviewer attached."""

    reviewer: str
    rating: str
    at: str
    note: str | None = None
    sources: tuple[Source, ...] = ()
    rubric: str = ""
    approved_by: tuple[str, ...] = ()
    event_id: str = ""


@dataclass(frozen=True)
class MatchKeys:
    """How the matcher finds a claim (:func:`workbench.matching.keys.match_keys`): its
    numbers' key, its normalised wording and the index words prefixed by the numbers' key.
    Read when a claim is split, so that storing it holds the write lock only to write."""

    numkey: str
    match_text: str
    numbered_terms: str


@dataclass(frozen=True)
class Claim:
    """A stored claim with its review state."""

    id: str
    article_id: str
    text: str
    claim: str
    kind: Kind
    start: int
    end: int
    speaker: str | None = None
    quote: bool = False
    cues: tuple[str, ...] = ()
    checkworthiness: float = 0.0
    entities: tuple[Entity, ...] = ()
    stance: Stance = "asserts"
    speaker_type: str | None = None
    frame: Frame | None = None
    status: str = Status.UNREVIEWED
    verdict: str | None = None
    verdicts: tuple[Verdict, ...] = ()
    matches: tuple[dict, ...] = field(default=())  # {claim_id, score, verdict}, best first
    duplicate_of: str | None = None  # the same claim earlier in the same article
    match_keys: MatchKeys | None = None  # read at split time; None: the store reads them


@dataclass(frozen=True)
class Event:
    """One row of the append-only audit trail."""

    id: str
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    payload: dict
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class RubricVerdict:
    """One rating a rubric offers, bound to a key in the review session."""

    id: str
    label: str
    key: int
    alternate_name: str
    colour: str
    sources_required: int = 0
    help: str = ""
    rating_value: int | None = None  # ClaimReview ratingValue; None: not on the scale


@dataclass(frozen=True)
class RubricRules:
    min_independent_sources: int = 1  # for a verdict to be final
    require_approval: bool = False  # a second reviewer must approve


@dataclass(frozen=True)
class Rubric:
    name: str
    title: str
    verdicts: tuple[RubricVerdict, ...]  # in key order
    rules: RubricRules = RubricRules()
    description: str = ""
    methodology: str = ""
    best_rating: int = 5
    worst_rating: int = 1
    path: str = ""

    def verdict(self, wanted: str) -> RubricVerdict | None:
        """The verdict whose id, label or key is ``wanted`` (case-insensitive), if any."""
        needle = wanted.strip().casefold()
        for v in self.verdicts:
            if needle in (v.id.casefold(), v.label.casefold(), str(v.key)):
                return v
        return None


class QueueRow(NamedTuple):
    """What the queue shows of one claim.

    A NamedTuple rather than a frozen dataclass: the queue builds 100,000 of these when a
    large database opens, and tuple construction is several times faster.
    """

    id: str
    article_id: str
    position: int
    kind: str
    checkworthiness: float
    speaker: str | None
    quote: bool
    status: str
    verdict: str | None
    claim: str
    text: str
    reviewers: tuple[str, ...] = ()  # who has a current verdict on it
