"""Comparing the dates of two frames part by part: weekday, month, day, year, time of
day, a length of time's unit, the relative words that place a date against the day it is
said ("last week", "today"), and a count back from that day ("two years ago")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.matching.signature import MONTHS, WEEKDAYS, Signature, compared_form, vocabulary


def _date_part(word: str) -> str:
    if ":" in word:
        return "time"
    if word in WEEKDAYS:
        return "weekday"
    if word in MONTHS:
        return "month"
    if word in vocabulary().counting_back:
        return "counted back"  # "ago" of "two years ago"
    if word in vocabulary().date_units:
        return "unit"  # "years" of "20 years"
    if word.startswith("~"):
        return "day"  # a count said roughly: "~many" of "many years"
    if word.isdigit():
        return "year" if len(word) == 4 else "day"
    if _DECIMAL.match(word):
        return "day"  # a count of a unit: "7.5" of "seven and a half years"
    return "relative"


_DECIMAL = re.compile(r"^\d+\.\d+$")


def date_differences(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """ "weekday" or "date" when a part of a date that both claims give differs ("Monday" /
    "Sunday", "2016" / "2015", "yesterday" / "last week"); a part only one gives agrees, and
    so do relative words one claim holds all of, the other adding none that anchors a date
    ("last week" / "late last week"; the recogniser reads "for the fall last week" as one
    date, "for the fall." as none; "last year's" / "this year's", read "year", differ)."""
    parts_a: dict[str, set[str]] = {}
    parts_b: dict[str, set[str]] = {}
    for words, parts in ((a, parts_a), (b, parts_b)):
        for word in words:
            parts.setdefault(_date_part(word), set()).add(word)
        if "unit" in parts and "day" not in parts and "year" in parts:
            parts["day"] = parts.pop("year")  # "1300 days": a length counts with its figure
    differing = [
        p
        for p in parts_a.keys() & parts_b.keys()
        if parts_a[p] != parts_b[p] and not (p == "relative" and _refines(parts_a[p], parts_b[p]))
    ]
    if _anchored_against_year(parts_a, parts_b) or _anchored_against_year(parts_b, parts_a):
        differing.append("year")
    if _counted_back_against(parts_a, parts_b) or _counted_back_against(parts_b, parts_a):
        differing.append("counted back")
    if not differing:
        return []
    return ["weekday"] if differing == ["weekday"] else ["date"]


def _anchored_against_year(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """Whether ``a`` places its date only against the day it is said ("today", "last
    year", "two years ago") and ``b`` names a year with no such word: nothing says the day
    was in that year."""
    anchored = a.get("relative", set()) & vocabulary().date_anchors or "counted back" in a
    unanchored = "relative" not in b and "counted back" not in b
    return bool(anchored) and "year" not in a and "year" in b and unanchored


def _counted_back_against(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """Whether ``a`` counts its date back from the day it is said ("two years ago") and
    ``b`` places it with an anchor instead ("last year")."""
    anchors = b.get("relative", set()) & vocabulary().date_anchors
    return "counted back" in a and "counted back" not in b and bool(anchors)


def _refines(a: set[str], b: set[str]) -> bool:
    """Whether one set of relative date words holds the other and adds no anchor ("last",
    "this", "yesterday" …: ``[dates] anchors``)."""
    if not (a <= b or b <= a):
        return False
    return not (a ^ b) & vocabulary().date_anchors


def length_uncounted(a: Signature, b: Signature) -> bool:
    """Whether one claim counts a length of time ("Two days after the assassination") that
    the other, giving no date at all, says is one of its unit ("The day after …", which the
    recogniser does not date)."""
    if a.frame is None or b.frame is None:
        return False
    for counted, bare in ((a, b), (b, a)):
        assert counted.frame is not None and bare.frame is not None
        if bare.frame.dates or not counted.frame.dates:
            continue
        parts = {_date_part(word): word for word in counted.frame.dates}
        if "day" not in parts or "unit" not in parts:
            continue  # no count of a unit: "two days"
        forms = {compared_form(parts["unit"]), parts["unit"].removesuffix("s")}  # "the day"
        words, after = bare.text.split(), vocabulary().one_unit
        if any(
            words[k] == "the" and words[k + 1] in forms and words[k + 2] in after
            for k in range(len(words) - 2)
        ):
            return True
    return False
