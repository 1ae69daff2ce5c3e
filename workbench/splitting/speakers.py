"""Speakers settled across the article, after each claim's own frame is known.

Stage ``workbench_speakers`` (after ``workbench_attribution``) looks beyond one sentence:

* **quotations** — a quotation belongs to the speaker its frame names, wherever the frame
  stands ("X said: '…'", "'…,' X continued in a statement"). Every claim inside it is that
  speaker's, even where the quoted words report someone else ("'Visitors wonder whether …'")
  or speak of "we". A quotation without a frame that follows one directly (the next
  sentence or paragraph, nothing else between) continues it. A quotation its frame
  interrupts ('"The plan," she said, "will fail"') is one claim in the quoted words;
* **pronoun speakers** — "he said", "according to him", "they warned": the most recent named
  speaker or person in subject position before it, within a few sentences;
* **full names** — a speaker given by surname ("Zinichev said") or resolved from a pronoun
  is named as the article first named that person ("Emergencies Minister Yevgeny Zinichev").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.splitting.attribution import speaker_type
from workbench.splitting.entities import entity_index
from workbench.splitting.lexicon import QUOTE_FRAME_VERBS, ROLE_NOUNS, STATE_NOUNS, SUBJECT_DEPS
from workbench.splitting.speaker_phrases import speaker_tokens, tokens_text
from workbench.splitting.speech import frame_subject, quote_regions
from workbench.splitting.tokens import (
    can_frame,
    coordinated_head,
    person_mention,
    recent_person_mention,
)

#: Pronouns that can stand for a speaker named before.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
#: Speakers inside a quotation that are the quoted speaker talking of themselves.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
#: How far back (in characters) a pronoun speaker looks for whom it stands for.
LOOK_BACK = 1500
#: a quotation's character offsets in the text, its marks included
Region = tuple[int, int]


@dataclass(frozen=True)
class _Said:
    """One claim unit's attribution as the attribution stage left it."""

    unit: Span
    speaker: str | None
    source: tuple[int, int] | None
    cue: str | None


def _inside(start: int, end: int, region: Region) -> bool:
    return region[0] <= start and end <= region[1]


def _source_chars(doc: Doc, source: tuple[int, int]) -> tuple[int, int]:
    span = doc[source[0] : source[1]]
    return span.start_char, span.end_char


def _share_inside(unit: Span, region: Region) -> float:
    words = [t for t in unit if t.is_alpha]
    if not words:
        return 0.0
    return sum(region[0] < t.idx < region[1] for t in words) / len(words)


def _pronoun_source(doc: Doc, said: _Said) -> Token | None:
    """The pronoun that is the whole speaker phrase ("he", "according to him"), if any."""
    if said.source is None:
        return None
    words = [
        t
        for t in doc[said.source[0] : said.source[1]]
        if not t.is_punct and t.lower_ not in {"according", "to"}
    ]
    if len(words) != 1:
        return None
    token = words[0]
    return token if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON else None


def _adjacent_frame(doc: Doc, region: Region) -> _Said | None:
    """A frame right after a quotation ("…," said X / X continued) or right before it
    ("X said: '…'"), found on the parse when the claim's own attribution chose another."""
    after = doc.char_span(region[1], min(len(doc.text), region[1] + 80), alignment_mode="expand")
    before = doc.char_span(max(0, region[0] - 120), region[0], alignment_mode="expand")
    windows = []
    if after is not None:
        windows.append([t for t in after if t.sent == after[0].sent][:6])
    if before is not None and len(before):
        opening = doc.char_span(region[0], region[0] + 1, alignment_mode="expand")
        sent = opening[0].sent if opening is not None and len(opening) else None
        windows.append([t for t in reversed(before) if t.sent == sent][:10])
    colon = _colon_frame(doc, region)
    if colon is not None:
        return colon
    for window in windows:
        for verb in window:
            if verb.lemma_ not in QUOTE_FRAME_VERBS or verb.pos_ not in {"VERB", "AUX"}:
                continue
            subject = frame_subject(verb)
            if subject is None or region[0] <= subject.idx < region[1]:
                continue
            if not can_frame(verb, doc.char_span(*region, alignment_mode="expand")):
                continue
            speaker = tokens_text(speaker_tokens(subject, follow_sources=True))
            bounds = (subject.left_edge.i, subject.right_edge.i + 1)
            return _Said(doc[verb.i : verb.i + 1], speaker, bounds, verb.lower_)
    return None


def _frame_of(region: Region, said: Sequence[_Said]) -> _Said | None:
    """The attribution whose speaker phrase stands outside ``region`` in a unit touching it,
    nearest to the quotation."""
    doc = said[0].unit.doc if said else None
    best: tuple[int, _Said] | None = None
    for item in said:
        if item.speaker is None or item.source is None or doc is None:
            continue
        unit = item.unit
        if unit.end_char <= region[0] or unit.start_char >= region[1]:
            continue
        start, end = _source_chars(doc, item.source)
        if _inside(start, end, region):
            continue
        pronoun = _pronoun_source(doc, item)
        if pronoun is not None and pronoun.lower_ in FIRST_PERSON:
            continue
        distance = min(abs(start - region[1]), abs(end - region[0]))
        if best is None or distance < best[0]:
            best = (distance, item)
    return best[1] if best else None


def _continues(previous: Region, region: Region, said: Sequence[_Said], text: str) -> bool:
    """True when nothing but the previous quotation's own frame or white space stands
    between two quotations."""
    if region[0] - previous[1] > 400:
        return False
    between = [
        item.unit
        for item in said
        if item.unit.start_char < region[0] and item.unit.end_char > previous[1]
    ]
    if any(unit.end_char <= previous[0] or unit.start_char >= previous[1] for unit in between):
        return False  # a claim of its own between them
    gap = text[previous[1] : region[0]]
    return not any(ch.isalpha() for ch in gap) or bool(between)


def quotation_speakers(said: Sequence[_Said]) -> dict[int, tuple[_Said, tuple[Region, ...]]]:
    """For each unit index inside a quotation, the frame it belongs to and the quotation, or
    the parts of one its frame interrupts ('"The plan," she said, "will fail"')."""
    if not said:
        return {}
    doc = said[0].unit.doc
    regions = quote_regions(doc.text)
    owners: dict[int, tuple[_Said, tuple[Region, ...]]] = {}
    previous: tuple[Region, _Said] | None = None
    for region in regions:
        frame = _frame_of(region, said) or _adjacent_frame(doc, region)
        if frame is not None:
            frame = _named_frame(frame, said)
        if frame is None and previous and _continues(previous[0], region, said, doc.text):
            frame = previous[1]
        if frame is None:
            previous = None
            continue
        previous = (region, frame)
        for index, item in enumerate(said):
            if (
                _share_inside(item.unit, region) > 0.5
                or _speaks_inside(item, region)
                or _holds_frame(item.unit, frame, region)
            ):
                earlier = owners.get(index)
                parts = ()
                if earlier is not None and _interrupted(doc, earlier, frame, region):
                    parts = earlier[1]
                owners[index] = (frame, (*parts, region))
    return owners


#: words besides the speaker's that may stand between the parts of a quotation its frame
#: interrupts ("said on Monday", "has said")
FRAME_GAP_WORDS = 3


def _interrupted(
    doc: Doc, earlier: tuple[_Said, tuple[Region, ...]], frame: _Said, region: Region
) -> bool:
    """Whether ``region`` goes on with the quotation ``earlier`` gave the same frame, which
    interrupts it: only the frame's words stand between the two ('"The plan," she said,
    "will fail"'), not a clause of its own ('and we say, "…"'), and the first part opens
    its sentence: not the object of words before it ('he says, "…," and we say, "…"';
    'Calling it a "…" the archbishop said "…"')."""
    if frame.source is None or earlier[0].source != frame.source:
        return False
    gap = doc.char_span(earlier[1][-1][1], region[0], alignment_mode="contract")
    opening = doc.char_span(earlier[1][0][0], earlier[1][0][0] + 1, alignment_mode="expand")
    if gap is None or opening is None or not len(opening):
        return False
    lead = doc[opening[0].sent.start : opening[0].i]
    if any(t.is_alpha and t.pos_ != "CCONJ" for t in lead):
        return False  # the first part is a phrase of the sentence before it
    speaker = range(*frame.source)
    if not any(t.i in speaker for t in gap):
        return False
    others = [t for t in gap if t.i not in speaker and not (t.is_punct or t.is_space)]
    return len(others) <= FRAME_GAP_WORDS


def _holds_frame(unit: Span, frame: _Said, region: Region) -> bool:
    """True when the unit holds both the frame's speaker and part of the quotation ("Ms Ruiz
    was blunt: 'The ceasefire is dead.'")."""
    if frame.source is None or unit.end_char <= region[0] or unit.start_char >= region[1]:
        return False
    if any(a <= frame.source[0] < b for a, b in unit._.dropped):
        return False  # the frame of a label inside the unit, a claim of its own
    return unit.start <= frame.source[0] and frame.source[1] <= unit.end


def _speaks_inside(item: _Said, region: Region) -> bool:
    """True when the unit's speaker phrase stands inside the quotation (words the quoted
    speaker reports: "'A lot of people think that,' said Katya")."""
    if item.source is None:
        return False
    start, end = _source_chars(item.unit.doc, item.source)
    return _inside(start, end, region)


def _colon_frame(doc: Doc, region: Region) -> _Said | None:
    """A quotation introduced by a colon after a clause about someone: "Ms Ruiz was blunt:
    '…'", "The minister put it simply: '…'" — the clause's subject speaks."""
    before = doc.char_span(max(0, region[0] - 3), region[0], alignment_mode="expand")
    marks = [t for t in before or () if t.idx < region[0] and not t.is_space]
    if not marks or marks[-1].text != ":":
        return None
    colon = marks[-1]
    sentence_start = colon.sent.start
    subjects = [
        t
        for t in doc[sentence_start : colon.i]
        if t.dep_ in {"nsubj", "nsubjpass"} and sentence_start <= t.head.i < colon.i
    ]
    subject = subjects[-1] if subjects else None
    if subject is None or not _speaker_like(subject):
        return None
    speaker = tokens_text(speaker_tokens(subject, follow_sources=True))
    return _Said(doc[colon.i : colon.i + 1], speaker, (subject.left_edge.i, subject.i + 1), ":")


def _speaker_like(subject: Token) -> bool:
    """A subject that can be the voice of a quotation: a name, a person, a group of people
    or an organ of state, not a thing ("The message was clear: '…'")."""
    return (
        subject.pos_ == "PROPN"
        or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or subject.lemma_.lower() in ROLE_NOUNS | STATE_NOUNS
        or subject.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
    )


def _named_frame(frame: _Said, said: Sequence[_Said]) -> _Said:
    """The frame with a pronoun speaker ("he continued") resolved, when it can be."""
    doc = frame.unit.doc
    pronoun = _pronoun_source(doc, frame)
    if pronoun is None or frame.speaker is None or frame.speaker.lower() != pronoun.lower_:
        return frame
    name = resolve_pronoun_speaker(pronoun, [s for s in said if s.unit.start < pronoun.i])
    return frame if name is None else _Said(frame.unit, name, frame.source, frame.cue)


def _takes_over(item: _Said, region: Region) -> bool:
    """True when a unit inside a quotation should be given the quotation's speaker: it has
    none, or its speaker stands inside the quotation, or is the quoted speaker's "I"/"we"."""
    if item.speaker is None or item.source is None:
        return True
    doc = item.unit.doc
    start, end = _source_chars(doc, item.source)
    if _inside(start, end, region):
        return True
    pronoun = _pronoun_source(doc, item)
    return pronoun is not None and pronoun.lower_ in FIRST_PERSON


# --------------------------------------------------------------------------- pronouns


def _named_person(token: Token) -> str | None:
    """The full mention of a person named by ``token`` (a PERSON entity's token)."""
    ent = entity_index(token.doc).covering(token.i)
    return person_mention(ent) if ent is not None and ent.label_ == "PERSON" else None


def _candidates(doc: Doc, before: int, groups: bool) -> list[tuple[int, str]]:
    """Named people (or, for "they", plural names and organisations) in subject position
    before token ``before``, within :data:`LOOK_BACK` characters: (token index, name)."""
    limit = doc[before].idx - LOOK_BACK
    found: list[tuple[int, str]] = []
    for ent in entity_index(doc).ending_by(before, limit):
        root = ent.root
        if root.dep_ not in SUBJECT_DEPS and not (
            root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS
        ):
            continue
        if not groups and ent.label_ == "PERSON":
            found.append((ent.start, person_mention(ent)))
        elif groups and ent.label_ in {"ORG", "NORP", "GPE"}:
            found.append((ent.start, closed_name(ent)))
    return found


def closed_name(ent: Span) -> str:
    """An entity's text with the bracket the recogniser left open closed ("the Commission
    on Religious Freedom (USCIRF" and its ")")."""
    doc = ent.doc
    opened = ent.text.count("(") > ent.text.count(")")
    if opened and ent.end < len(doc) and doc[ent.end].text == ")":
        return doc[ent.start : ent.end + 1].text
    return ent.text


def _people_before(pronoun: Token) -> list[Span]:
    """The people the pronoun's own sentence names before it."""
    sentence = pronoun.sent
    return [
        ent
        for ent in entity_index(pronoun.doc).ending_by(pronoun.i, sentence[0].idx)
        if ent.label_ == "PERSON" and ent.start >= sentence.start
    ]


def _surnames(people: Sequence[Span]) -> set[str]:
    """The surnames of ``people``: mentions sharing one are one person."""
    return {person_mention(ent).split()[-1] for ent in people}


def _one_person_before(pronoun: Token, people: Sequence[Span]) -> str | None:
    """The person a "he" or "she" stands for when its verb is coordinated with a verb that
    has that person as its object ("Reporters asked Mayor Vos …, but she declined"), and
    its sentence names no other person before it (``people``)."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.dep_ != "conj":
        return None
    first = coordinated_head(verb)
    if len(_surnames(people)) != 1:
        return None
    for ent in people:
        head = ent.root
        while head.dep_ == "compound":  # "Mayor Irena Vos" with only "Irena" recognised
            head = head.head
        if head.dep_ == "dobj" and head.head == first:
            phrase = pronoun.doc[head.left_edge.i : head.i + 1]
            named = all(t.pos_ == "PROPN" for t in phrase)
            return phrase.text if named else person_mention(ent)
    return None


def resolve_pronoun_speaker(pronoun: Token, said: Sequence[_Said]) -> str | None:
    """Whom a pronoun speaker stands for: for "he" or "she", the one person its own sentence
    names before it, and no one when it names several; else the most recent of the named
    speakers before it, the named people in subject position before it (for "they",
    organisations and groups) and, for "he" or "she", the one person the nearest sentence
    that names anyone names."""
    doc = pronoun.doc
    groups = pronoun.lower_ in GROUP_PRONOUNS
    if not groups:
        people = _people_before(pronoun)
        here = _one_person_before(pronoun, people)
        if here is not None:
            return here  # "Reporters asked Mayor Vos …, but she declined to comment"
        if len(_surnames(people)) > 1:
            return None  # "When Lisa Parry went to bed, Trump was ahead, she said": a guess
    options = _candidates(doc, pronoun.i, groups)
    for item in said:
        if item.speaker is None or item.source is None or item.source[1] > pronoun.i:
            continue
        if doc[item.source[0]].idx < doc[pronoun.i].idx - LOOK_BACK:
            continue
        pronoun_there = _pronoun_source(doc, item)
        if pronoun_there is not None and item.speaker.lower() == pronoun_there.lower_:
            continue  # an unresolved pronoun names no one
        kind = speaker_type(doc, item.source, item.speaker)
        if (kind == "person") != groups:
            options.append((item.source[0], item.speaker))
    if not groups:
        # a person the sentences just before name alone, in any role, is nearer than any
        # subject further back ("… spoke with Anne Sacoolas. She informed police …")
        nearest = recent_person_mention(doc, pronoun.sent.start)
        if nearest is not None and all(nearest[0] > at for at, _ in options):
            return nearest[1]
    if not options:
        return None
    return max(options, key=lambda option: option[0])[1]


#: Courtesy titles a speaker phrase may put before a surname ("Mr Xi", "Ms Vos").
TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir"})


def full_name(doc: Doc, speaker: str, source: tuple[int, int] | None) -> str:
    """A person speaker given by surname ("Zinichev", "Mr Xi") as the article first named
    that person in full ("Emergencies Minister Yevgeny Zinichev", "Xi Jinping")."""
    if source is None:
        return speaker
    words = [t for t in doc[source[0] : source[1]] if not t.is_punct]
    if not words or len(words) > 2 or words[-1].pos_ != "PROPN":
        return speaker
    if len(words) == 2 and words[0].lower_ not in TITLES | ROLE_NOUNS:
        return speaker  # "Mr Xi", "Director Rebic" name one person; "Saudi Aramco" does not
    first = entity_index(doc).first_persons.get(words[-1].lower_)
    return person_mention(first) if first is not None and first.start < source[0] else speaker


# --------------------------------------------------------------------------- component


def settle_speakers(units: Sequence[Span]) -> None:
    """Rewrite the speaker extensions of ``units`` (one Doc's claim units) in place."""
    said = [_Said(u, u._.speaker, u._.source_range, u._.attribution_cue) for u in units]
    if not said:
        return
    doc = units[0].doc
    resolved: list[_Said] = []
    for item in said:
        pronoun = _pronoun_source(doc, item)
        if pronoun is not None and pronoun.lower_ not in FIRST_PERSON:
            name = resolve_pronoun_speaker(pronoun, resolved)
            if name is not None:
                item = _Said(item.unit, name, item.source, item.cue)
                kind = "person" if pronoun.lower_ in PERSON_PRONOUNS else None
                _set(item.unit, name, item.source, keep_type=kind)
        elif item.speaker is not None:
            name = full_name(doc, item.speaker, item.source)
            if name != item.speaker:
                item = _Said(item.unit, name, item.source, item.cue)
                item.unit._.speaker = name
        resolved.append(item)
    for index, (frame, regions) in quotation_speakers(resolved).items():
        item = resolved[index]
        unit = item.unit
        if len(regions) > 1 and item.source == frame.source:
            _quoted_content(unit, frame, regions)  # its own frame interrupts the quotation
            continue
        if item is frame or not any(_takes_over(item, region) for region in regions):
            continue
        frame_type = frame.unit._.speaker_type if frame.unit in units else None
        _set(unit, frame.speaker, frame.source, keep_type=frame_type)
        unit._.attribution_cue = frame.cue
        _quoted_content(unit, frame, regions)
        unit._.insertions = ()
        unit._.stance = "asserts"


def _quoted_content(unit: Span, frame: _Said, regions: Sequence[Region]) -> None:
    """Mark ``unit`` a quotation whose content is its quoted words when it also holds the
    frame ("Ms Ruiz was blunt: '…'"; '"The plan," she said, "will fail"'), all of it else."""
    unit._.quote = True
    quoted = [t.i for t in unit if any(r[0] < t.idx and t.idx + len(t) < r[1] for r in regions)]
    holds = any(_holds_frame(unit, frame, region) for region in regions)
    unit._.content = tuple(quoted) if holds and quoted else None


def _set(
    unit: Span, speaker: str | None, source: tuple[int, int] | None, keep_type: str | None
) -> None:
    unit._.speaker = speaker
    unit._.source_range = source
    unit._.speaker_type = keep_type or speaker_type(unit.doc, source, speaker)


class SpeakersComponent:
    """spaCy component: settle speakers across sentences (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        settle_speakers(doc._.claim_spans)
        return doc


@Language.factory(
    "workbench_speakers",
    assigns=["span._.speaker", "span._.source_range", "span._.quote", "span._.speaker_type"],
    requires=["span._.speaker"],
)
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    """Factory for :class:`SpeakersComponent`."""
    return SpeakersComponent()
