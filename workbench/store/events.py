"""Event ids, timestamps and the hash chain that makes the log tamper-evident.

Each event's hash covers its own fields and the hash of the event before it,
so editing any stored byte, or removing an event that has a successor,
breaks the chain at that point.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from workbench.core.errors import StoreError
from workbench.core.values import Event

#: the columns of the events table, in the order rows are read and written
EVENT_COLUMNS = "seq, id, at, actor, action, subject, payload, prev_hash, hash"

GENESIS = "0" * 64


def now_iso() -> str:
    """Current time in ISO-8601 UTC with microseconds, e.g. ``2026-03-14T09:30:00.123456Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_event_id() -> str:
    """A globally unique, roughly time-ordered id (48-bit milliseconds + 80 random bits)."""
    millis = int(time.time() * 1000) & ((1 << 48) - 1)
    return f"{millis:012x}{os.urandom(10).hex()}"


# one encoder for every event: json.dumps with options builds a new one per call
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_json(value: object) -> str:
    """JSON with sorted keys and no insignificant whitespace: the form that is hashed."""
    return _CANONICAL.encode(value)


def event_hash(
    prev_hash: str, id: str, at: str, actor: str, action: str, subject: str, payload: str
) -> str:
    """SHA-256 over the previous hash and the event's stored fields (payload as stored text)."""
    material = canonical_json([prev_hash, id, at, actor, action, subject, payload])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def chained_rows(
    entries: Sequence[tuple[str, str, str, str, str, dict]], seq: int, prev_hash: str
) -> list[tuple]:
    """Events rows (all columns, in order) for entries (id, at, actor, action, subject,
    payload), linked to the event ``seq`` with ``prev_hash`` and to each other."""
    rows = []
    for event_id, at, actor, action, subject, payload in entries:
        seq += 1
        text = canonical_json(payload)
        digest = event_hash(prev_hash, event_id, at, actor, action, subject, text)
        rows.append((seq, event_id, at, actor, action, subject, text, prev_hash, digest))
        prev_hash = digest
    return rows


@dataclass(frozen=True)
class Head:
    """The newest event of a chain: its position and hash. A copy of it kept elsewhere
    (a report, a merge log, a note) lets ``verify --expect-head`` catch removed events."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash}"


@dataclass(frozen=True)
class Problem:
    """The first place where the chain does not hold."""

    seq: int
    event_id: str
    message: str


def check_chain(rows: list[tuple]) -> Problem | None:
    """Check event rows (all columns, in seq order) and return the first problem, if any."""
    expected_prev = GENESIS
    for seq, id, at, actor, action, subject, payload, prev_hash, stored in rows:
        if prev_hash != expected_prev:
            return Problem(
                seq,
                id,
                f"event #{seq} ({id}) does not follow the event before it: "
                "an earlier event was removed, inserted or reordered",
            )
        fields = (id, at, actor, action, subject, payload)
        if any(not isinstance(v, str) for v in fields) or stored != event_hash(prev_hash, *fields):
            return Problem(seq, id, f"event #{seq} ({id}) was altered after it was written")
        try:
            json.loads(payload)
        except ValueError:
            return Problem(seq, id, f"event #{seq} ({id}) has a payload that is not JSON")
        expected_prev = stored
    return None


def event_from_row(row: tuple) -> Event:
    """An Event from an events row in column order (seq, id, at, actor, action, subject,
    payload, prev_hash, hash)."""
    seq, id, at, actor, action, subject, payload, prev_hash, digest = row
    return Event(id, seq, at, actor, action, subject, json.loads(payload), prev_hash, digest)


def checked_event(raw: object, index: int, known_actions: frozenset[str]) -> dict:
    """An event dict from outside, validated; StoreError naming what is wrong."""
    if not isinstance(raw, dict):
        raise StoreError(f"event {index + 1} is not an object")
    for key in ("id", "at", "actor", "action", "subject"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise StoreError(f"event {index + 1} has no valid '{key}'")
    if not isinstance(raw.get("payload"), dict):
        raise StoreError(f"event {index + 1} ({raw['id']}) has no payload object")
    if raw["action"] not in known_actions:
        raise StoreError(
            f"event {raw['id']} has action '{raw['action']}', unknown to this version of "
            "workbench (written by a newer one?)"
        )
    return {k: raw[k] for k in ("id", "at", "actor", "action", "subject", "payload")}


def stored_content(event: dict) -> tuple:
    """What an event says, in its stored form, for comparing two copies of it."""
    return (event["at"], event["actor"], event["action"], event["subject"],
            canonical_json(event["payload"]))  # fmt: skip
