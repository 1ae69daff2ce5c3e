"""Repairs of words the small English model reads apart; run by ``workbench_parse_repairs``
(:mod:`workbench.splitting.parse_repairs`) with the repairs of that module.

Eighteenth fault: a hyphenated word parted across two phrases. The tokenizer cuts "e-mails"
into "e", "-", "mails", and in "She said the 33,000 e-mails had to do with …" the model
reads "the 33,000 e" as the object of "said" and "mails" as the subject of "had", so the
claim read "Mails had to do with …" and lost the number. The pieces before a hyphen written
against both its words, which the parser hung outside the last piece's phrase, are hung
on that last piece (the word's head), with what they held ("the 33,000"), so the word stands
whole where its last piece stands. So is the noun before a participle that modifies a noun
("land-based missiles", the parser hanging "land" on another verb).

Nineteenth fault: a day of the month the recogniser left out of its date ("July twelfth",
"the twelfth of July" read as the month alone and a count of 12); the day is drawn into the
month's date; so is the year after a month the recogniser left out altogether ("as late as
January of 1959": "January" a name, 1959 a count), and a year written short that it missed
at the start of a sentence ("In late '89 the president signed …": "'89" a count of 89), with
the word before it that says which part of the year (lexicon `year_parts`), or said short in
words ("in fifty-nine", a count of 59; lexicon `spoken_year_prepositions`); and a length of
half a unit of time whose "half" alone it counted ("for 11 months, half a year": 0.5, no
date), made the length it is.

Twentieth fault: a contracted "has" read as a passive "is" before a reporting verb that
takes a clause ("He's said publicly that …" had no speaker); it is read as "has", unless the
subject is impersonal ("It's said that …").

Twenty-first fault: a sum of money written in words read as a date ("sixteen and a half
million dollars" was the date 16.5, so "… million" and "… billion dollars" were one claim);
a date that is nothing but a count and a currency's name is made a sum of money, and one
that is a count of percent ("21 and a half percent") a share. A figure of four digits
counting the plural noun right after it is made a count, where it cannot be a year of the
last or this century ("in 1700 communities" was the year 1700; "the 2020 elections" is left
a year), and so is a part of a whole no time read as a date ("a quarter of all the tax
benefits"); a count at the end of a date that counts the noun after it is cut from the date
("Last week two boxes …"); the first end of a range of money the recogniser left out ("$3
to $5 billion") is drawn into the sum.

Twenty-second fault: a title the recogniser missed, read as a clause. In "The No Child Left
Behind Act says …" the model makes "Child" the subject, "Left" a participle of it and "Act"
its apposition, so the speaker was "Act". A subject whose words are all capitalised (a
leading "the" aside), at least three of them, parsed with a verb, preposition or apposition
inside, is made one name headed by its last word.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from workbench.splitting.frame_dates import (
    DURATION_UNITS,
    SHORT_YEAR,
    counts_only,
    half_before,
    spoken_short_year,
)
from workbench.splitting.frame_numbers import (
    FRACTIONS,
    RANGE_WORDS,
    SCALES,
    is_ordinal,
    is_ordinal_figure,
)
from workbench.splitting.lexicon import (
    LEXICON,
    NOMINAL_SUBJECT_DEPS,
    REPORTING_VERBS,
    lexicon_pairs,
)
from workbench.splitting.tokens import glued

#: month and weekday names ("jul", "july"), not the relative words of the same list
_CALENDAR = frozenset(w for w, one in lexicon_pairs("date_words").items() if one != "last")
#: month names ("jan", "january"): the weekdays' one form ends in "day"
_MONTHS = frozenset(
    w for w, one in lexicon_pairs("date_words").items() if one != "last" and not one.endswith("day")
)
#: words before a year that say which part of it ("late '89")
YEAR_PARTS = LEXICON["year_parts"].words
#: parts of speech of a hyphenated word's last piece that the word names by
NAMING = frozenset({"NOUN", "PROPN"})


def _parted_word(hyphen: Token) -> tuple[Token, Token] | None:
    """(the piece before, the piece after) a glued hyphen whose pieces the parser hung in
    different phrases, neither inside the other's; else None."""
    doc = hyphen.doc
    if hyphen.text != "-" or not glued(hyphen) or hyphen.i + 1 >= len(doc):
        return None
    before, after = doc[hyphen.i - 1], doc[hyphen.i + 1]
    participle = after.tag_ == "VBN" and after.dep_ == "amod"  # "land-based missiles"
    if not (before.is_alpha and after.is_alpha) or not (after.pos_ in NAMING or participle):
        return None
    if before in after.subtree or after in before.subtree:
        return None
    return before, after


def mend_parted_words(doc: Doc) -> Doc:
    """Hang the pieces of a hyphenated word the parser parted on its last piece (eighteenth
    fault of the module docstring)."""
    for hyphen in doc:
        parted = _parted_word(hyphen)
        if parted is None:
            continue
        before, after = parted
        for child in list(before.children):
            if child.i < before.i:  # "the 33,000" of "the 33,000 e"
                child.head = after
        before.head, before.dep_ = after, "compound" if after.pos_ in NAMING else "npadvmod"
        hyphen.head, hyphen.dep_ = after, "punct"
    return doc


def _calendar_date(ent: Span) -> bool:
    return ent.label_ == "DATE" and ent[-1].lower_.rstrip(".") in _CALENDAR


def _day(token: Token) -> bool:
    """An ordinal that can be a day of the month ("twelfth", "12th")."""
    word = token.lower_
    return is_ordinal(word) or is_ordinal_figure(word)


def mend_missed_days(doc: Doc) -> Doc:
    """Draw a day of the month the recogniser left out into its month's date (nineteenth
    fault of the module docstring)."""
    mended: list[Span] = []
    changed = False
    for ent in doc.ents:
        if not _calendar_date(ent):
            mended.append(ent)
            continue
        start, end = ent.start, ent.end
        if end < len(doc) and _day(doc[end]):
            end += 1  # "July twelfth"
        if start >= 2 and doc[start - 1].lower_ == "of" and _day(doc[start - 2]):
            start -= 2  # "the twelfth of July"
        if (start, end) == (ent.start, ent.end):
            mended.append(ent)
            continue
        while mended and mended[-1].end > start:
            mended.pop()  # the ordinal the recogniser read on its own
        mended.append(Span(doc, start, end, "DATE"))
        changed = True
    if changed:
        doc.ents = [e for k, e in enumerate(mended) if k == 0 or e.start >= mended[k - 1].end]
    return doc


#: names of currencies that end a sum written out ("… million dollars"), and the words of
#: a share in percent ("… and a half percent")
_CURRENCIES = LEXICON["currency_words"].words
_PERCENT_WORDS = LEXICON["percent_words"].words


def mend_dated_sums(doc: Doc) -> Doc:
    """Make a date that is a count and a currency's name a sum of money, one that is a count
    of percent a share, and one that counts the noun after it a count (twenty-first fault of
    the module docstring)."""
    sums = {ent.start: label for ent in doc.ents if (label := _counted_unit(ent)) is not None}
    sums |= {ent.start: "CARDINAL" for ent in doc.ents if _counting_figure(ent) or _part_of(ent)}
    return _relabelled(doc, sums)


def _relabelled(doc: Doc, labels: dict[int, str]) -> Doc:
    """``doc`` with each entity starting at a key of ``labels`` given that label."""
    if labels:
        doc.ents = [
            Span(doc, e.start, e.end, labels[e.start]) if e.start in labels else e for e in doc.ents
        ]
    return doc


def _counted_unit(ent: Span) -> str | None:
    """ "MONEY" for a date that is a count and a currency's name ("sixteen and a half million
    dollars"), "PERCENT" for one that is a count of percent ("21 and a half percent"), else
    None."""
    if ent.label_ != "DATE" or len(ent) < 2:
        return None
    unit = ent[-1].lower_
    if unit in _PERCENT_WORDS | _CURRENCIES and counts_only(ent[:-1]):
        return "PERCENT" if unit in _PERCENT_WORDS else "MONEY"
    if unit == "cent" and len(ent) > 2 and ent[-2].lower_ == "per" and counts_only(ent[:-2]):
        return "PERCENT"  # "21 and a half per cent"
    return None


def _counting_figure(ent: Span) -> bool:
    """A date that is one figure of four digits, no year of 1900–2099, counting the plural
    noun right after it ("1700 communities")."""
    figure, doc = ent[0], ent.doc
    return (
        ent.label_ == "DATE"
        and len(ent) == 1
        and figure.is_digit
        and len(figure) == 4
        and not 1900 <= int(figure.text) <= 2099
        and figure.dep_ == "nummod"
        and figure.head.i == figure.i + 1
        and doc[figure.i + 1].tag_ in {"NNS", "NNPS"}
    )


def _part_of(ent: Span) -> bool:
    """A date that is a count of parts of a whole not a time ("a quarter of all the tax
    benefits", "three quarters of the voters", "only a quarter of the people"; not "a quarter
    of the year")."""
    doc = ent.doc
    words = [t for t in ent if t.pos_ != "ADV"]  # "only", "nearly"
    if ent.label_ != "DATE" or len(words) != 2 or ent[-1].lower_ not in FRACTIONS:
        return False
    if not (words[0].like_num or words[0].lower_ in {"a", "one"}):
        return False
    of = doc[ent.end] if ent.end < len(doc) else None
    whole = (
        [t for t in of.children if t.dep_ == "pobj"] if of is not None and of.lower_ == "of" else []
    )
    return bool(whole) and not any(
        t.ent_type_ == "DATE" or t.lower_ in DURATION_UNITS for t in whole[0].subtree
    )


def mend_counts_in_dates(doc: Doc) -> Doc:
    """Cut from a date a count at its end that counts the plural noun right after it ("Last
    week two boxes were taken": the recogniser's date "Last week two"), making it a count
    (twenty-first fault)."""
    cut: set[int] = set()  # where the dates so cut start
    for ent in doc.ents:
        count, rest = ent[-1], ent[:-1]
        if ent.label_ != "DATE" or len(ent) < 3 or not count.like_num:
            continue
        if rest[-1].like_num or not rest[-1].is_alpha:
            continue  # the end of one number ("forty-six", "five hundred")
        if count.dep_ == "nummod" and count.head.i == ent.end and count.head.tag_ == "NNS":
            cut.add(ent.start)
    if cut:
        ents = []
        for e in doc.ents:
            if e.start in cut:
                ents += [
                    Span(doc, e.start, e.end - 1, "DATE"),
                    Span(doc, e.end - 1, e.end, "CARDINAL"),
                ]
            else:
                ents.append(e)
        doc.ents = ents
    return doc


def mend_open_ranges(doc: Doc) -> Doc:
    """Draw the first end of a range of money, or of a count with a scale, into the amount
    that ends it, when it is a bare figure the recogniser left out or read as an amount of
    its own ("by $3 to $5 billion", "between $60 and $80 billion": "$3", "$60" no scale;
    "some nineteen or twenty million people": 19), so that both ends share the second's
    scale (twenty-first fault)."""
    ents = list(doc.ents)
    by_end = {e.end: k for k, e in enumerate(ents)}
    taken = {t.i for ent in ents for t in ent}
    for k, ent in enumerate(ents):
        scaled = ent.label_ in {"CARDINAL", "QUANTITY"} and any(t.lower_ in SCALES for t in ent)
        if not (ent.label_ == "MONEY" or scaled) or ent.start < 2:
            continue
        if doc[ent.start - 1].lower_ not in RANGE_WORDS:
            continue
        figure = doc[ent.start - 2]
        first = by_end.get(ent.start - 1, by_end.get(ent.start))  # "$60 to" may hold the "to"
        if first is not None and _bare_figure(ents[first]):
            ents[k] = Span(doc, ents[first].start, ent.end, ent.label_)
            ents[first] = None
        elif figure.like_num and figure.i not in taken:
            opening = figure.i - 1 if figure.i and doc[figure.i - 1].is_currency else figure.i
            ents[k] = Span(doc, opening, ent.end, ent.label_)
    doc.ents = [e for e in ents if e is not None]
    return doc


def _bare_figure(ent: Span) -> bool:
    """A sum, count or date that is one figure, maybe after a currency sign or a word of a
    range ("$60", "60", the recogniser's date "between 5"), and no year; or a count in words
    with a fraction ("seven and a half")."""
    words = [t for t in ent if not t.is_currency and t.lower_ not in RANGE_WORDS]
    if ent.label_ not in {"MONEY", "CARDINAL", "DATE"} or not words:
        return False
    if len(words) > 1:
        spelled = all(w.like_num or w.lower_ in FRACTIONS or w.lower_ == "a" for w in words)
        return spelled and not any(w.is_digit for w in words)
    return words[0].like_num and not (words[0].is_digit and len(words[0]) == 4)


def mend_missed_months(doc: Doc) -> Doc:
    """Make a month name outside every entity, with the year after it ("January of 1959",
    "January 1959"), a date (nineteenth fault of the module docstring)."""
    taken = {t.i for ent in doc.ents for t in ent}
    found: list[Span] = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or token.lower_ not in _MONTHS:
            continue
        end = token.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].i not in taken:
            end += 1
        year = doc[end] if end < len(doc) else None
        if year is None or year.i in taken or not (year.is_digit and len(year) == 4):
            continue
        found.append(Span(doc, token.i, end + 1, "DATE"))
    return _with_dates(doc, found)


def mend_missed_short_years(doc: Doc) -> Doc:
    """Make an apostrophe and two figures written together, outside every entity ("'89")
    or with the figures alone a count ("the '82 tax increase"), a date, with the word before
    it that says which part of the year ("late '89") (nineteenth fault of the module
    docstring)."""
    taken, counted = {t.i for ent in doc.ents for t in ent}, _lone_counts(doc)
    found: list[Span] = []
    for mark in doc[:-1]:
        figures = doc[mark.i + 1]
        if mark.whitespace_ or mark.i in taken or figures.i in taken - counted:
            continue
        if not SHORT_YEAR.match(mark.text + figures.text) or _figure_before(mark):
            continue
        start = mark.i
        if start > 0 and doc[start - 1].lower_ in YEAR_PARTS and start - 1 not in taken:
            start -= 1
        found.append(Span(doc, start, figures.i + 1, "DATE"))
    return _with_dates(doc, found)


def _figure_before(mark: Token) -> bool:
    """Whether a figure is written right onto the mark ("6'10": feet and inches)."""
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    return before is not None and not before.whitespace_ and before.text[-1:].isdigit()


def mend_halved_lengths(doc: Doc) -> Doc:
    """Make "half a year" a date where the recogniser counted "half" alone and left the
    unit of time out of every entity (nineteenth fault of the module docstring)."""
    taken, counted = {t.i for ent in doc.ents for t in ent}, _lone_counts(doc)
    found = [
        Span(doc, unit.i - 2, unit.i + 1, "DATE")
        for unit in doc
        if unit.lower_ in DURATION_UNITS
        and half_before(unit)
        and not {unit.i, unit.i - 1} & taken
        and (unit.i - 2 not in taken or unit.i - 2 in counted)
    ]
    return _with_dates(doc, found)


def mend_spoken_short_years(doc: Doc) -> Doc:
    """Make a count of two words said alone after "in", "since" or "until" ("in
    fifty-nine", the recogniser's count of 59) the year it names (nineteenth fault)."""
    years = {e.start: "DATE" for e in doc.ents if e.label_ == "CARDINAL" and spoken_short_year(e)}
    return _relabelled(doc, years)


def _lone_counts(doc: Doc) -> set[int]:
    """Where the recogniser's counts of one word stand ("'82" read as 82, "half" as 0.5)."""
    return {e.start for e in doc.ents if e.label_ == "CARDINAL" and len(e) == 1}


def _with_dates(doc: Doc, found: list[Span]) -> Doc:
    """``doc`` with the dates ``found`` added to its entities, in place of the entities
    they take in (a lone count: "the '82 tax increase", "half a year")."""
    if found:
        kept = [e for e in doc.ents if not any(d.start <= e.start < d.end for d in found)]
        doc.ents = sorted([*kept, *found], key=lambda e: e.start)
    return doc


#: subjects of an impersonal passive report ("it's said that …")
_IMPERSONAL = frozenset({"it", "there"})
#: the dependencies of the clause a reporting verb takes
_REPORTED = frozenset({"ccomp", "parataxis"})


def mend_contracted_has(doc: Doc) -> Doc:
    """Read an "'s" before a reporting verb that takes a clause as "has" (twentieth fault
    of the module docstring)."""
    for aux in doc:
        verb = aux.head
        if aux.lower_ not in {"'s", "’s"} or aux.dep_ != "auxpass" or verb.i != aux.i + 1:
            continue
        if verb.lemma_ not in REPORTING_VERBS or not any(
            c.dep_ in _REPORTED for c in verb.children
        ):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.lower_ in _IMPERSONAL:
            continue
        aux.dep_, aux.lemma_ = "aux", "have"
        subject.dep_ = "nsubj"
        verb.tag_ = "VBN"
    return doc


#: the dependencies inside a title that show the parser read it as more than a name
_CLAUSE_DEPS = frozenset({"acl", "relcl", "prep", "appos", "advcl"})


def mend_missed_titles(doc: Doc) -> Doc:
    """Make a capitalised subject the parser read as a clause one name headed by its last
    word (twenty-second fault of the module docstring)."""
    for subject in doc:
        if subject.dep_ not in NOMINAL_SUBJECT_DEPS:
            continue
        span = doc[subject.left_edge.i : subject.right_edge.i + 1]
        words = span[1:] if span[0].lower_ == "the" else span
        last = span[-1]
        if len(words) < 3 or not all(t.is_alpha and t.is_title for t in words):
            continue
        if last.i >= subject.head.i or not any(t.dep_ in _CLAUSE_DEPS for t in span):
            continue
        last.head, last.dep_ = subject.head, subject.dep_
        for token in span[:-1]:
            token.head = last
            token.dep_ = "det" if token.lower_ == "the" else "compound"
    return doc
