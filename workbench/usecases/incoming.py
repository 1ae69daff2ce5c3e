"""Events from outside — an imported report, a merged copy — checked as strictly as a
reviewer's own input: known actions, ISO times, ratings in their rubric, http(s) URLs only,
payloads of the right shape. The first bad event refuses the whole batch, by name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from datetime import datetime

from workbench.core.errors import WorkbenchError
from workbench.core.values import KINDS, SPEAKER_TYPES, STANCES
from workbench.review.evidence import SourceError, check_url
from workbench.review.state import REVIEW_ACTIONS

_ID = re.compile(r"^[0-9a-f]{8,64}$")
_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_HASH = re.compile(r"^[0-9a-f]{64}$")
_EVENT_KEYS = ("id", "at", "actor", "action", "subject", "payload")


class IncomingEventError(WorkbenchError):
    """An event from outside is malformed or says something this database cannot accept."""


class _Bad(Exception):
    """What is wrong with one field; turned into an IncomingEventError naming the event."""


def check_hashes(events: Sequence[object]) -> None:
    """Recompute the hash of every exported event from its fields and the hash before it;
    IncomingEventError for the first that does not match (the file was edited after export,
    or the event carries no hash)."""
    from workbench.store.events import canonical_json, event_hash

    for index, raw in enumerate(events):
        name = f"event {index + 1}"
        if not isinstance(raw, dict):
            continue  # check_incoming names it
        if isinstance(raw.get("id"), str):
            name += f" ({raw['id'][:16]})"
        prev, stored = raw.get("prev_hash"), raw.get("hash")
        if not (isinstance(prev, str) and isinstance(stored, str) and _HASH.match(stored)):
            raise IncomingEventError(f"{name}: no event hash to verify it by; nothing was imported")
        fields = [raw.get(k) for k in ("id", "at", "actor", "action", "subject")]
        if not all(isinstance(f, str) for f in fields):
            continue  # check_incoming names it
        if event_hash(prev, *fields, canonical_json(raw.get("payload"))) != stored:
            raise IncomingEventError(
                f"{name}: does not match its hash: the file was altered after it was exported; "
                "nothing was imported"
            )


def check_incoming(events: Sequence[object]) -> list[dict]:
    """The events, each reduced to its six fields, or IncomingEventError for the first bad one."""
    checked = []
    for index, raw in enumerate(events):
        name = f"event {index + 1}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            name += f" ({raw['id'][:16]})"
        try:
            checked.append(_check_event(raw))
        except _Bad as bad:
            raise IncomingEventError(f"{name}: {bad}; nothing was imported") from None
    return checked


def _check_event(raw: object) -> dict:
    if not isinstance(raw, dict):
        raise _Bad("is not an object")
    for key in ("id", "subject"):
        _id(raw.get(key), key)
    _timestamp(raw.get("at"), "at")
    actor = raw.get("actor")
    if not isinstance(actor, str) or not actor.strip() or len(actor) > 200:
        raise _Bad("'actor' must be a name of 1 to 200 characters")
    if any(ord(ch) < 32 for ch in actor):
        raise _Bad("'actor' contains control characters")
    action = raw.get("action")
    check = _PAYLOADS.get(action) if isinstance(action, str) else None
    if check is None:
        raise _Bad(f"action {action!r} is unknown to this version of workbench")
    payload = raw.get("payload")
    if not isinstance(payload, dict):
        raise _Bad("'payload' is not an object")
    check(payload)
    return {k: raw[k] for k in _EVENT_KEYS}


# -- field checks ---------------------------------------------------------------------------


def _id(value: object, key: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise _Bad(f"'{key}' is not an id (8 to 64 lower-case hex digits)")


def _timestamp(value: object, key: str) -> None:
    if not isinstance(value, str) or not _AT.match(value):
        raise _Bad(f"'{key}' is not an ISO-8601 UTC time such as 2026-03-14T09:30:00.000000Z")
    try:
        datetime.strptime(value[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        raise _Bad(f"'{key}' is not a real date and time: {value}") from None


def _text(p: dict, key: str, *, required: bool = True, empty: bool = False) -> None:
    value = p.get(key)
    if value is None and not required:
        return
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise _Bad(f"payload '{key}' must be {'a' if empty else 'a non-empty'} string")


def _integer(p: dict, key: str, *, minimum: int = 0) -> int:
    value = p.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise _Bad(f"payload '{key}' must be a whole number ≥ {minimum}")
    return value


def _url(value: object, key: str) -> None:
    if not isinstance(value, str):
        raise _Bad(f"'{key}' must be a URL")
    try:
        check_url(value)
    except SourceError as err:
        raise _Bad(str(err)) from None


def _list_of(p: dict, key: str, item: Callable[[object], bool], what: str) -> list:
    value = p.get(key, [])
    if not isinstance(value, list) or not all(item(v) for v in value):
        raise _Bad(f"payload '{key}' must be a list of {what}")
    return value


# -- payloads by action -----------------------------------------------------------------------


def _article_ingested(p: dict) -> None:
    _text(p, "content_hash")
    _text(p, "text")
    for key in ("title", "outlet", "published", "source"):
        _text(p, key, required=False, empty=True)
    if p.get("url") is not None:
        _url(p["url"], "payload url")
    _list_of(
        p,
        "dropped",
        lambda d: isinstance(d, dict) and all(isinstance(d.get(k), str) for k in ("text", "rule")),
        "{text, rule} objects",
    )


def _frame(frame: object) -> None:
    """A claim's frame: null, or lists of strings by role, a polarity and a tense."""
    if frame is None:
        return
    if not isinstance(frame, dict):
        raise _Bad("payload 'frame' must be an object or null")
    for role in ("agents", "others", "dates", "numbers", "places", "patients", "nouns", "path"):
        values = frame.get(role, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise _Bad(f"payload frame '{role}' must be a list of strings")
    if len(frame.get("path", [])) not in (0, 2):
        raise _Bad("payload frame 'path' must be empty or [from, to]")
    if frame.get("polarity", "positive") not in ("positive", "negative", "hedged"):
        raise _Bad("payload frame 'polarity' must be positive, negative or hedged")
    if frame.get("tense") not in (None, "future", "past"):
        raise _Bad("payload frame 'tense' must be future, past or null")
    if not isinstance(frame.get("predicate"), str | None):
        raise _Bad("payload frame 'predicate' must be a string or null")


def _claim_extracted(p: dict) -> None:
    _id(p.get("article_id"), "payload article_id")
    _integer(p, "position")
    _text(p, "text")
    _text(p, "claim")
    if p.get("kind") not in KINDS:
        raise _Bad(f"payload 'kind' must be one of {', '.join(KINDS)}")
    _text(p, "speaker", required=False)
    if p.get("stance", "asserts") not in STANCES:
        raise _Bad(f"payload 'stance' must be one of {', '.join(STANCES)}")
    if p.get("speaker_type") not in (None, *SPEAKER_TYPES):
        raise _Bad(f"payload 'speaker_type' must be one of {', '.join(SPEAKER_TYPES)} or null")
    if not isinstance(p.get("quote", False), bool):
        raise _Bad("payload 'quote' must be true or false")
    _frame(p.get("frame"))
    if _integer(p, "end") < _integer(p, "start"):
        raise _Bad("payload 'end' is before 'start'")
    _list_of(p, "cues", lambda c: isinstance(c, str), "strings")
    score = p.get("checkworthiness", 0.0)
    if not isinstance(score, int | float) or isinstance(score, bool) or not 0 <= score <= 1:
        raise _Bad("payload 'checkworthiness' must be a number from 0 to 1")
    _list_of(
        p,
        "entities",
        lambda e: isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e),
        "[text, label] pairs",
    )


def _article_matched(p: dict) -> None:
    matches, duplicates = p.get("matches", {}), p.get("duplicates", {})
    if not isinstance(matches, dict) or not isinstance(duplicates, dict):
        raise _Bad("payload 'matches' and 'duplicates' must be objects")
    for claim_id, found in matches.items():
        _id(claim_id, "payload matches key")
        if not isinstance(found, list) or not all(
            isinstance(m, list)
            and len(m) == 2
            and isinstance(m[0], str)
            and isinstance(m[1], int | float)
            for m in found
        ):
            raise _Bad("payload 'matches' must map claim ids to [claim id, score] pairs")
    for claim_id, original in duplicates.items():
        _id(claim_id, "payload duplicates key")
        _id(original, "payload duplicates value")


@functools.cache
def _builtin_ratings() -> dict[str, frozenset[str]]:
    """The verdict ids of each built-in rubric, read once (a merge checks thousands)."""
    from workbench.review.rubrics import builtin_names, load_rubric

    return {name: frozenset(v.id for v in load_rubric(name).verdicts) for name in builtin_names()}


def _rating(p: dict) -> None:
    """The rating must be one of its rubric's verdicts when that rubric is known here."""
    _text(p, "rating")
    _text(p, "label", required=False)
    _text(p, "rubric", required=False, empty=True)
    rubric = p.get("rubric") or "default"
    known = _builtin_ratings().get(rubric)
    if known is not None:
        if p["rating"] not in known:
            raise _Bad(f"rating {p['rating']!r} is not a verdict of rubric '{rubric}'")
    elif not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", p["rating"]):
        raise _Bad(f"rating {p['rating']!r} is not a verdict id")


def _source_fields(s: object) -> None:
    if not isinstance(s, dict):
        raise _Bad("a source must be an object")
    _url(s.get("url"), "source url")
    for key in ("title", "publisher", "excerpt", "snapshot"):
        _text(s, key, required=False, empty=True)
    if s.get("snapshot_hash") is not None and not (
        isinstance(s["snapshot_hash"], str) and _HASH.match(s["snapshot_hash"])
    ):
        raise _Bad("source 'snapshot_hash' must be a SHA-256 in hex")
    if s.get("accessed_at") is not None:
        _timestamp(s["accessed_at"], "source accessed_at")


def _verdict_recorded(p: dict) -> None:
    _rating(p)
    _text(p, "note", required=False, empty=True)
    rules = p.get("rules", {})
    if not isinstance(rules, dict):
        raise _Bad("payload 'rules' must be an object")
    for key in ("sources_required", "min_independent_sources"):
        if key in rules:
            _integer(rules, key)
    if not isinstance(rules.get("require_approval", False), bool):
        raise _Bad("payload 'rules.require_approval' must be true or false")
    sources = p.get("sources", [])
    if not isinstance(sources, list):
        raise _Bad("payload 'sources' must be a list")
    for s in sources:
        _source_fields(s)


def _verdict_approved(p: dict) -> None:
    _id(p.get("verdict_event_id"), "payload verdict_event_id")
    _text(p, "rating")
    _text(p, "reviewer")


def _verdict_resolved(p: dict) -> None:
    _rating(p)
    _list_of(p, "resolves", lambda v: isinstance(v, str) and bool(_ID.match(v)), "event ids")
    between = p.get("between", {})
    if not isinstance(between, dict) or not all(isinstance(v, str) for v in between.values()):
        raise _Bad("payload 'between' must map reviewers to ratings")


def _claim_reclassified(p: dict) -> None:
    if p.get("kind") not in KINDS:
        raise _Bad(f"payload 'kind' must be one of {', '.join(KINDS)}")


def _claim_edited(p: dict) -> None:
    _text(p, "claim")
    _text(p, "previous", required=False, empty=True)


def _note_added(p: dict) -> None:
    _text(p, "text")


def _action_undone(p: dict) -> None:
    _id(p.get("event_id"), "payload event_id")
    if p.get("action") not in REVIEW_ACTIONS:
        raise _Bad(f"payload 'action' {p.get('action')!r} is not an action that can be undone")


def _feed_added(p: dict) -> None:
    _url(p.get("url"), "payload url")
    for key in ("name", "outlet"):
        _text(p, key, required=False)


def _feed_removed(p: dict) -> None:
    if p.get("url") is not None:
        _url(p["url"], "payload url")


FEED_STATUSES = ("ok", "not modified", "failed")


def _feed_polled(p: dict) -> None:
    if p.get("status") not in FEED_STATUSES:
        raise _Bad(f"payload 'status' must be one of {', '.join(FEED_STATUSES)}")
    for key in ("etag", "last_modified", "error"):
        _text(p, key, required=False)
    for article_id in _list_of(p, "new", lambda v: isinstance(v, str), "article ids"):
        _id(article_id, "payload new")
    if "skipped" in p:
        _integer(p, "skipped")
    _list_of(
        p,
        "failed",
        lambda f: isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f),
        "[URL, reason] pairs",
    )


def _session_opened(p: dict) -> None:
    _text(p, "reviewer")


_PAYLOADS: dict[str, Callable[[dict], None]] = {
    "article.ingested": _article_ingested,
    "claim.extracted": _claim_extracted,
    "article.matched": _article_matched,
    "verdict.recorded": _verdict_recorded,
    "verdict.approved": _verdict_approved,
    "verdict.resolved": _verdict_resolved,
    "claim.reclassified": _claim_reclassified,
    "claim.edited": _claim_edited,
    "source.added": _source_fields,
    "note.added": _note_added,
    "action.undone": _action_undone,
    "feed.added": _feed_added,
    "feed.removed": _feed_removed,
    "feed.polled": _feed_polled,
    "session.opened": _session_opened,
}
