"""Repairs of words the small English model reads apart; run by ``workbench_parse_repairs``
(:mod:`workbench.splitting.parse_repairs`) with the repairs of that module.

Eighteenth fault: a hyphenated word parted across two phrases. The tokenizer cuts "e-mails"
into "e", "-", "mails", and in "She said the 33,000 e-mails had to do with …" the model
reads "the 33,000 e" as the object of "said" and "mails" as the subject of "had", so the
claim read "Mails had to do with …" and lost the number. The pieces before a hyphen written
against both its words, which the parser hung outside the last piece's phrase, are hung
on that last piece (the word's head), with what they held ("the 33,000"), so the word stands
whole where its last piece stands.

Nineteenth fault: a day of the month the recogniser left out of its date ("July twelfth",
"the twelfth of July" read as the month alone and a count of 12); the day is drawn into the
month's date.

Twentieth fault: a contracted "has" read as a passive "is" before a reporting verb that
takes a clause ("He's said publicly that …" had no speaker); it is read as "has", unless the
subject is impersonal ("It's said that …").

Twenty-first fault: a sum of money written in words read as a date ("sixteen and a half
million dollars" was the date 16.5, so "… million" and "… billion dollars" were one claim);
a date that is nothing but a count and a currency's name is made a sum of money. So is a
figure of four digits counting the plural noun right after it, where it cannot be a year of
the last or this century ("in 1700 communities" was the year 1700; "the 2020 elections" is
left a year).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from workbench.splitting.frame_dates import counts_only
from workbench.splitting.frame_numbers import is_ordinal, is_ordinal_figure
from workbench.splitting.lexicon import LEXICON, REPORTING_VERBS, lexicon_pairs
from workbench.splitting.tokens import glued

#: month and weekday names ("jul", "july"), not the relative words of the same list
_CALENDAR = frozenset(w for w, one in lexicon_pairs("date_words").items() if one != "last")


def _parted_word(hyphen: Token) -> tuple[Token, Token] | None:
    """(the piece before, the piece after) a glued hyphen whose pieces the parser hung in
    different phrases, neither inside the other's; else None."""
    doc = hyphen.doc
    if hyphen.text != "-" or not glued(hyphen) or hyphen.i + 1 >= len(doc):
        return None
    before, after = doc[hyphen.i - 1], doc[hyphen.i + 1]
    if not (before.is_alpha and after.is_alpha) or after.pos_ not in {"NOUN", "PROPN"}:
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
        before.head, before.dep_ = after, "compound"
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


#: names of currencies that end a sum written out ("… million dollars")
_CURRENCIES = LEXICON["currency_words"].words


def mend_dated_sums(doc: Doc) -> Doc:
    """Make a date that is a count and a currency's name a sum of money, and one that counts
    the noun after it a count (twenty-first fault of the module docstring)."""
    sums = {
        ent.start: "MONEY"
        for ent in doc.ents
        if ent.label_ == "DATE"
        and len(ent) > 1
        and ent[-1].lower_ in _CURRENCIES
        and counts_only(ent[:-1])
    }
    sums |= {ent.start: "CARDINAL" for ent in doc.ents if _counting_figure(ent)}
    if sums:
        doc.ents = [
            Span(doc, e.start, e.end, sums[e.start]) if e.start in sums else e for e in doc.ents
        ]
    return doc


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
