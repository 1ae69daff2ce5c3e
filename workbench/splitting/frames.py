"""Each claim's frame: who does what to whom, when, how many, and with which polarity.

Read from the parse and the entities of the claim's content (the speaker's words, without the
reporting frame), so that matching can tell "Moscow launched an invasion of Ukraine" from
"Ukraine launched an invasion of Russia" whatever their fuzzy score (see
:mod:`workbench.matching`):

* ``agents`` — the named actors (people, organisations, states, nationalities, places)
  who act: the subject of the content's main clause, or the "by" phrase when its action is
  passive ("is set to be replaced by X"); a bare capitalised subject the recogniser missed
  ("Trump flew") counts too; ``patients`` — those who undergo it: the direct object, or the
  subject of a passive;
  ``places`` — named places after a preposition of place ("in Pakistan", "near Tehran");
  ``others`` — the named actors elsewhere in it, and names of laws, events and works
  ("Article 5 of the NATO treaty"). Names are kept lower-cased, without "the" and a
  possessive "'s"; :mod:`workbench.matching` compares them ("Mr Putin" = "Vladimir Putin").
* ``dates`` — weekdays, months (abbreviations folded: "Feb." = "February"), years, day
  numbers and relative words ("yesterday", "last week", "third quarter" as 3 and
  "quarter") of the DATE entities.
* ``numbers`` — the values of quantities, written in figures or words, ordinals included
  ("eightieth" = 80, "forty thousand" = 40000, "1.2 million"); a number inside a name
  ("World War Two", "Marine One") is not a quantity, nor is the pronoun "one" ("one of
  the members").
* ``polarity`` — "negative" for a negation, a denial or a refusal ("refused to send"),
  "hedged" for "hardly", "barely" …
* ``tense`` — "future" when the action lies ahead ("will build", "plans to ship", "is set
  to sign"), "past" when it is done ("built", "has built"): a promise or a forecast is not
  the deed;
* ``predicate`` — the lemma of the verb of the action (the end of a chain: "is set to be
  replaced" → "replace"); "be" marks a copular claim, which has no swap;
* ``path`` — where a movement starts and ends when the claim gives both ("from Lenz to
  Karsova"): the same path the other way round is another claim;
* ``nouns`` — unnamed participants by role ("agents:lawmaker"), compared only to tell
  a swap ("lawmakers shouted at Lam" / "Lam shouted at lawmakers").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from workbench.core.values import Frame
from workbench.splitting.entities import ents_of
from workbench.splitting.frame_counts import in_name, is_count, numeric
from workbench.splitting.frame_dates import (
    age_only,
    clock_time,
    counts_only,
    date_words,
    missed_durations,
    rank_before_noun,
    rank_only,
    read_as_date,
    year_before_one,
)
from workbench.splitting.frame_numbers import (
    NUMBER_WORDS,
    VAGUE,
    factor_values,
    fraction_end,
    number_values,
    part_of_scale,
    with_fraction,
    word_prefixed,
)
from workbench.splitting.frame_paths import movement_path
from workbench.splitting.frame_places import framing_name, in_time_of_report, is_place, when_said
from workbench.splitting.frame_polarity import polarity, tense, verb_group
from workbench.splitting.lexicon import (
    ACTOR_LABELS,
    CHAMBERS,
    LEXICON,
    NAMED_CHAMBERS,
    PASSAGE_VERBS,
    PERSONS,
    SUBJECT_DEPS,
    THING_LABELS,
    WHETHER_VERBS,
    lexicon_pairs,
)
from workbench.splitting.patterns import matches
from workbench.splitting.tokens import (
    clause_head,
    code_name,
    compound_name,
    condition_words,
    glued,
    joined_by_hyphen,
    per_cent,
)

#: Dependents that name who acts: an active subject, or the "by" phrase of a passive.
ACTING_DEPS = (SUBJECT_DEPS - {"nsubjpass", "csubjpass"}) | {"agent"}
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
NOUN_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr"})
#: a possessor ("some students' mental health"), the head of a verbless claim ("Fewer fees.")
NOUN_DEPS = NOUN_ROLE_DEPS | {"poss", "ROOT"}
QUANTITY_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
#: parts of speech of the word before a hyphen that says which ones ("land-based", "Iranian-backed")
NAMED_POS = frozenset({"NOUN", "PROPN", "ADJ"})


KIND_ADJECTIVES = LEXICON["kind_adjectives"].words
NOUN_PREFIXES = LEXICON["noun_prefixes"].words
COMMON_NOUN_ENDINGS = tuple(sorted(LEXICON["common_noun_endings"].words))
ONE_PERSONS = lexicon_pairs("one_persons")


def _name(span: Span | Token) -> str:
    words = [t for t in (span if isinstance(span, Span) else [span]) if t.tag_ != "POS"]
    text = " ".join(t.lower_ for t in words)
    if words and _ends_sentence_with_stop(words[-1]):
        text = text[:-1]  # "after World War I." names what "World War I was" does
    return text.removeprefix("the ")


def _ends_sentence_with_stop(token: Token) -> bool:
    """Whether a capital letter or numeral closing a sentence took its full stop in
    ("World War I.", "Company B."), which the same name inside a sentence does not have."""
    bare = token.text[:-1]
    return (
        token.text.endswith(".")
        and bare.isalpha()
        and bare.isupper()
        and token.i + 1 == token.sent.end
    )


def _counted_date(ent: Span) -> bool:
    """Whether the recogniser's date is a count ("from fourteen to 31", "a quarter" of "a
    quarter of a million"), a rank ("ranks forty-ninth", "the 10th time") or an age ("26
    years old")."""
    return ent.label_ == "DATE" and (
        counts_only(ent)
        or part_of_scale(ent)
        or rank_only(ent)
        or rank_before_noun(ent)
        or age_only(ent)
    )


def _bare_subject(token: Token, acting: set[int]) -> bool:
    """A capitalised subject without a determiner that the recogniser missed ("Trump flew");
    not a plural common noun, capitalised because it opens the sentence ("Families and
    friends have been under stress", "Unemployment was below 4 percent")."""
    return (
        token.i in acting
        and token.dep_ in ACTING_DEPS
        and token.is_title
        and token.pos_ in {"NOUN", "PROPN"}
        and token.tag_ != "NNS"
        and not (token.pos_ == "NOUN" and token.lower_.endswith(COMMON_NOUN_ENDINGS))
        and not any(c.dep_ in {"det", "poss"} for c in token.children)
    )


def claim_frame(
    span: Span,
    content: Iterable[int] | None = None,
    stance: str = "asserts",
    *,
    subject_names: Sequence[str] = (),
) -> Frame:
    """The frame of a claim span (its ``content`` tokens when the speaker's words are only a
    part of it). ``subject_names`` are the names the wording gives a subject the span leaves
    to a pronoun or an earlier clause ("it has provided" → "China has provided")."""
    doc = span.doc
    indices = set(content) if content is not None else set(range(span.start, span.end))
    tokens = [doc[i] for i in sorted(indices) if span.start <= i < span.end]
    head = clause_head(tokens)
    agent_at, patient_at, subject_acts, action = _roles(head)
    agents: list[str] = []
    patients: list[str] = []
    others: list[str] = []
    places: list[str] = []
    dates: list[str] = []
    numbers: list[str] = []

    def role_list(i: int, rest: list[str]) -> list[str]:
        """Where a name at token ``i`` goes: who acts, who undergoes it, or ``rest``."""
        core = {"agents": agents, "patients": patients}
        return core.get(_role_name(i, agent_at, patient_at), rest)

    ents = ents_of(span)
    # lengths of time the recogniser missed, or read as a bare count ("for the last
    # twenty-two years", "39 or 40 years of returns"), are dates, as its DATEs are
    durations = missed_durations(tokens, {t.i for e in ents if e.label_ != "CARDINAL" for t in e})
    timed = {t.i for d in durations for t in d}
    # "at first", "first of all": an ordinal that counts nothing
    idiomatic = {
        i for start, end in matches(doc).get("ORDINAL_IDIOM", ()) for i in range(start, end)
    }
    # each amount's tokens, with what the recogniser left out of it ("half" | "of a million")
    amounts = {
        e.start: with_fraction(e)
        for e in ents
        if (e.label_ in QUANTITY_LABELS or _counted_date(e))
        and e.start not in timed
        and not all(t.i in idiomatic for t in e)
    }
    taken: set[int] = set()  # the tokens of amounts read so far
    in_date: set[int] = set()  # a date's nouns are compared as the date ("in a decade")
    for duration in durations:
        dates.extend(date_words(duration))
        in_date.update(t.i for t in duration if read_as_date(t))
    for ent in ents:
        if ent.start in timed:
            continue
        counts = ent.label_ == "DATE" and ent.start in amounts  # "from fourteen to 31"
        if ent.label_ in {"DATE", "TIME"} and not counts:  # when it was said dates it too
            dates.extend(date_words(ent))  # ("Late on Sunday, Trump announced troops …")
            in_date.update(t.i for t in ent if read_as_date(t))
            continue
        if ent.label_ == "CARDINAL" and len(ent) == 1 and year_before_one(ent[0]):
            dates.append(ent.text)  # "Kentucky's 2022 Teacher of the Year", "in his 2022 letter"
            continue
        if not any(t.i in indices for t in ent):
            if framing_name(ent, head):  # where, to whom it was said ("In Iraq, officials
                (places if is_place(ent) else others).append(_name(ent))  # said", "told X")
            elif when_said(ent, head):  # "in the first debate he said": a time
                dates.append(ent.text.lower())
            elif ent.label_ in QUANTITY_LABELS and in_time_of_report(ent, head):
                numbers.extend(number_values(ent))  # "when the deficit was $52 billion, he said"
            continue
        if ent.label_ in ACTOR_LABELS:
            # a place after a place preposition is where, even inside the subject ("kids in
            # Arizona have no insurance" / "in Arizona, kids have no insurance")
            (places if is_place(ent) else role_list(ent.root.i, others)).append(_name(ent))
        elif ent.label_ in THING_LABELS:
            others.append(_name(ent))
        elif ent.start in amounts and ent.start not in taken:
            amount = amounts[ent.start]
            taken.update(t.i for t in amount)
            numbers.extend(
                number_values(
                    t for t in amount if not (in_name(t) or word_prefixed(t)) and is_count(t)
                )
            )
    inside_entity = {t.i for ent in ents for t in ent}
    inside_entity |= timed
    # the unit of a sum ("105 billion dollars") is the amount's, as "$" is, no participant
    monetary = {t.i for ent in ents if ent.label_ == "MONEY" for t in ent}
    # a noun the recogniser drew into a date ("kept in the nursery 42 days") is a participant
    stray = {t.i for ent in ents if ent.label_ in {"DATE", "TIME"} for t in ent} - in_date
    # a code the recogniser took for a count ("BA.2.75") names a thing, as it does when the
    # recogniser reads it as no entity at all; so does one the tagger took for an adjective
    # where a noun would stand ("how BA.2.75 has emerged")
    in_counts = (t for ent in ents if ent.label_ in QUANTITY_LABELS for t in ent)
    coded = {t.i for t in in_counts if _CODE.match(t.text)}
    coded |= {
        t.i
        for t in tokens
        if t.pos_ == "ADJ" and t.dep_ in NOUN_DEPS and t.i not in inside_entity
        and _CODE.match(t.text)
    }  # fmt: skip
    for token in tokens:  # names the recogniser missed: a proper noun heading its phrase
        if token.i in stray and token.pos_ == "PROPN":  # "during the Obama years"
            others.append(_name(token))
            continue
        if token.i in coded:
            role_list(token.i, others).append(_name(token))
            continue
        if token.i in inside_entity or token.dep_ == "compound":
            continue
        if token.pos_ == "PROPN" or _bare_subject(token, agent_at):
            prefix = _kind_prefix(token)  # "the Vice President" is not "the President"
            named_as = compound_name(token) if prefix is None else doc[prefix.i : token.i + 1]
            role_list(token.i, others).append(_name(named_as))
    nouns = [
        f"{_role_name(t.i, agent_at, patient_at)}:{_noun_word(t)}{_modifiers(t)}"
        for t in tokens
        if (t.pos_ == "NOUN" or _people_named_by_adjective(t))
        and (t.dep_ in NOUN_DEPS or _listed_with_role_noun(t) or t.i in stray)
        and not _prefix_piece(t)
        and t.i not in in_date | monetary
    ]
    nouns += [  # "He paid one of the women" / "One of the women paid him"
        f"{_role_name(t.i, agent_at, patient_at)}:@{PERSONS[t.lower_]}"
        for t in tokens
        # where a noun would hold a role: not a possessive ("her car")
        if t.pos_ == "PRON" and t.lower_ in PERSONS and t.dep_ in NOUN_ROLE_DEPS
    ]
    for name in subject_names:  # "it" resolved to "China": China acts (or undergoes it)
        (agents if subject_acts else patients).append(name.lower().removeprefix("the "))
    named = {t.i for ent in ents if ent.label_ in THING_LABELS | {"DATE", "TIME"} for t in ent}
    named |= timed
    counted = {t.i for amount in amounts.values() for t in amount}
    for token in tokens:  # a time of day the recogniser missed ("at 4:00 A.M.")
        clock = clock_time(token.text) if ":" in token.text else None
        if clock is not None and token.i not in named:
            dates.append(clock)
            named.add(token.i)
    loose_at = {
        k
        for t in tokens
        if t.i not in named | counted | idiomatic and (numeric(t) or t.lower_ in VAGUE)
        for k in range(t.i, fraction_end(t.doc, t.i + 1))
    }
    years = {k for k in loose_at if year_before_one(doc[k])}
    dates.extend(doc[k].text for k in sorted(years))  # "the 1947 Act" = "the Act of 1947"
    loose = [t for t in tokens if t.i in loose_at - years]
    numbers.extend(number_values(loose) + factor_values(t for t in tokens if t.i not in idiomatic))
    return Frame(
        agents=tuple(sorted(set(agents))),
        others=tuple(sorted(set(others))),
        dates=tuple(sorted(set(dates))),
        numbers=tuple(sorted(set(numbers))),
        polarity=polarity(tokens, stance),
        predicate=action.lemma_.lower() if action is not None else None,
        tense=tense(head),
        path=movement_path(tokens),
        places=tuple(sorted(set(places))),
        patients=tuple(sorted(set(patients))),
        nouns=tuple(sorted(set(nouns))),
        qualities=tuple(sorted({t.lower_ for t in tokens if _quality(t, inside_entity)})),
        verbs=tuple(sorted({t.lower_ for t in tokens if t.pos_ == "VERB" and t.is_alpha})),
        conditions=_conditions(tokens, head),
    )


def _asks_whether(verb: Token, clause: Token) -> bool:
    """Whether an "if" clause is what its verb asks or tells ("did not mention if there were
    casualties"), not a condition: it follows a verb of the ``whether_verbs`` list that has
    no object of its own ("see a cut if …" sets a condition)."""
    return (
        verb.lemma_ in WHETHER_VERBS
        and verb.i < clause.i
        and not any(c.dep_ in {"dobj", "ccomp"} for c in verb.children)
    )


def _conditions(tokens: list[Token], head: Token | None) -> tuple[str, ...]:
    """The words opening a condition on the whole claim: a clause on its main verb or on a
    clause it takes ("will see costs come down if …"), or one put before the frame of a
    report ("If it passes, the minister said prices will rise"); not one inside a part of
    it ("those who would lose if it passes")."""
    inside = {t.i for t in tokens}
    words: set[str] = set()
    for clause in tokens:
        opening = condition_words(clause) if clause.dep_ == "advcl" else frozenset()
        if not opening:
            continue
        verb = clause.head
        if _asks_whether(verb, clause):
            continue
        while verb != head and verb.dep_ in {"xcomp", "ccomp", "acomp"} and verb.head.i in inside:
            verb = verb.head  # "going to see a cut if …", "should be free to join if …"
        if verb == head or verb.i not in inside:
            words.update(opening)
    return tuple(sorted(words))


def _quality(token: Token, named: set[int]) -> bool:
    """An adjective that says what something is like ("positive", "neutral", "largest"):
    not a number or an ordinal, nor part of a name ("Turkish")."""
    return (
        token.pos_ == "ADJ"
        and token.is_alpha
        and not token.like_num
        and token.i not in named
        and token.lower_ not in NUMBER_WORDS
    )


def _kind_prefix(noun: Token) -> Token | None:
    """The prefix of ``noun_prefixes`` joined to the noun by a hyphen ("counter-protesters")
    or written right before it as a word that modifies it ("the vice president", "a former
    minister"), if any."""
    before = noun.doc[noun.i - 1] if noun.i else None
    if (
        before is not None
        and before.lower_ in NOUN_PREFIXES
        and before.head == noun
        and before.dep_ in {"compound", "amod"}
    ):
        return before
    if noun.i < 2:
        return None
    prefix = noun.doc[noun.i - 2]
    return prefix if joined_by_hyphen(prefix) and prefix.lower_ in NOUN_PREFIXES else None


def _people_named_by_adjective(token: Token) -> bool:
    """An adjective standing for the people it describes ("for the disabled", "the poor"),
    where a noun would stand; not a superlative or comparative ("the largest")."""
    return (
        token.pos_ in {"ADJ", "VERB"}
        and token.dep_ in NOUN_ROLE_DEPS - {"attr"}
        and token.tag_ not in {"JJS", "JJR", "RBS"}
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    )


def _prefix_piece(token: Token) -> bool:
    """A hyphen, or a prefix of ``noun_prefixes`` before one, that belongs to the next word
    ("counter" and "-" of "counter-protesters", whatever the parser made of them)."""
    if token.text == "-":
        return glued(token)
    doc = token.doc
    return any(k < len(doc) and _kind_prefix(doc[k]) == token for k in (token.i + 1, token.i + 2))


def _noun_word(noun: Token) -> str:
    """A participant noun as compared: its lemma, with a prefix that makes it another kind
    of participant ("counter-protester", "ex-minister")."""
    prefix = _kind_prefix(noun)
    lemma = noun.lemma_.lower()
    if per_cent(noun):
        return "percent"
    if lemma == "one":  # "no one" is "nobody"
        det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
        if det in ONE_PERSONS:
            return f"@{PERSONS[ONE_PERSONS[det]]}"
    return f"{prefix.lower_}-{lemma}" if prefix is not None else lemma


def _modifiers(noun: Token) -> str:
    """The words that say which ones a noun means — a noun before it ("police" officers), a
    name ("Turkish" forces), a code name ("BA.5" variant), a ``kind_adjectives`` adjective
    ("federal" courts) — as ":word|word" in the order written, or "". Adjectives that
    describe ("armed") or count ("many") do not say which ones."""
    chosen = [
        c
        for c in noun.children
        if not _prefix_piece(c)
        and (
            (c.dep_ in {"compound", "nmod"} and (c.pos_ in {"NOUN", "PROPN"} or code_name(c)))
            or (c.dep_ in {"amod", "nmod", "compound"} and c.ent_type_ in ACTOR_LABELS)
            or (c.dep_ == "amod" and c.lower_ in KIND_ADJECTIVES)
        )
    ]
    # a common noun before one of them ("the homeland security budget"; not a name's) and
    # nouns or kinds listed with one ("the travel and tourist business", "private and public")
    chosen += [g for c in chosen for g in c.children if g.dep_ == "compound" and g.pos_ == "NOUN"]
    listed = [g for c in chosen for g in c.children if g.dep_ == "conj"]
    chosen += [g for g in listed if g.pos_ == "NOUN" or g.lower_ in KIND_ADJECTIVES]
    chosen += [  # the word before a participle's hyphen: "land" of "land-based missiles"
        g for c in noun.children if c.dep_ == "amod" and c.tag_ == "VBN"
        for g in c.children if g.dep_ == "npadvmod" and g.i == c.i - 2 and g.pos_ in NAMED_POS
    ]  # fmt: skip
    chosen.sort(key=lambda c: c.i)  # a measure is of the last: "capital gains tax rate"
    words = ["percent" if per_cent(c) else c.text.lower() for c in chosen]
    return ":" + "|".join(words) if words else ""


#: the stricter test for a code among a count's words: letters first ("BA.2.75", "F-35"),
#: so that "3rd" or "10th", which ``tokens.code_name`` lets through as a modifier, stay counts
_CODE = re.compile(r"^[A-Za-z]+[.-]?\d+(?:[.-]\d+)*[A-Za-z]?$")


def _listed_with_role_noun(token: Token) -> bool:
    """A noun listed with one that holds a role ("families and friends", "museums, the
    National Zoo and courts"): it holds it too, so the order of a list does not change which
    nouns a frame holds."""
    head = token.head
    while token.dep_ == "conj" and head.i < token.i:
        if head.dep_ in NOUN_ROLE_DEPS:  # whatever its tag: "Trump" read as a verb
            return True
        if head.pos_ not in {"NOUN", "PROPN"}:
            return False
        token, head = head, head.head
    return False


def _role_name(i: int, agent_at: set[int], patient_at: set[int]) -> str:
    return "agents" if i in agent_at else "patients" if i in patient_at else "others"


def _roles(head: Token | None) -> tuple[set[int], set[int], bool, Token | None]:
    """The token indices of who acts and who undergoes the action of a clause, whether its
    subject acts, and the verb of the action: the innermost verb of a chain ("is set to be
    replaced", "agreed to add"). In the passive, the subject undergoes it and the "by"
    phrase acts; in the active, the subject acts on the direct object."""
    if head is None:
        return set(), set(), True, None
    inner = head
    while (verb := next((c for c in inner.children if c.dep_ == "xcomp"), None)) is not None:
        inner = verb
    # a subject the parser hangs on an auxiliary ("Germany has been encouraging") is the head's
    subject = [c for v in verb_group(head) for c in v.children if c.dep_ in SUBJECT_DEPS]
    by = [c for v in {head, inner} for c in v.children if c.dep_ == "agent"]
    passive = any(c.dep_ == "auxpass" for c in inner.children) or (
        inner is head and any(c.dep_ in {"nsubjpass", "csubjpass"} for c in subject)
    )
    objects = [c for c in inner.children if c.dep_ in OBJECT_DEPS]
    acting = by if passive else [*subject, *by]
    undergoing = subject if passive else objects
    if not passive and inner.lemma_ in PASSAGE_VERBS and objects and all(map(_chamber, objects)):
        acting, undergoing = objects, subject  # "the bill passed the Senate"
    return _indices(acting), _indices(undergoing), not passive, inner


def _chamber(token: Token) -> bool:
    return token.lower_ in CHAMBERS or (token.lower_ in NAMED_CHAMBERS and token.text[0].isupper())


def _indices(phrases: Iterable[Token]) -> set[int]:
    return {t.i for phrase in phrases for t in phrase.subtree}
