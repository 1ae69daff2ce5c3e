"""Projections: how each event action changes the derived tables.

Every handler is a pure function of the event, so replaying the log from the
start (``Store.rebuild``) reproduces the tables exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

import sqlite_utils

from workbench.core.values import Event, Frame, MatchKeys, Status

Handler = Callable[[sqlite_utils.Database, str, dict, str, str], None]


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _json(value: object) -> str:
    """JSON with sorted keys: the same text whether the event was just written or replayed."""
    return _ENCODER.encode(value)


def _article_ingested(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    row = {
        "id": subject,
        "content_hash": payload["content_hash"],
        "title": payload.get("title"),
        "outlet": payload.get("outlet"),
        "url": payload.get("url"),
        "published": payload.get("published"),
        "source": payload.get("source"),
        "text": payload["text"],
        "dropped": _json(payload.get("dropped", [])),
        "ingested_at": at,
        "ingested_by": actor,
        **_article_address(payload),
    }
    # one plain statement: sqlite-utils' insert reads the schema again for every article
    db.conn.execute(
        f"INSERT OR IGNORE INTO articles ({', '.join(f'[{c}]' for c in row)}) "
        f"VALUES ({', '.join('?' for _ in row)})",
        tuple(row.values()),
    )
    # The same article ingested in two copies of a database: the earlier ingest wins, so
    # merging A into B and B into A give the same row.
    db.conn.execute(
        "UPDATE articles SET ingested_at = ?, ingested_by = ? WHERE id = ? AND ingested_at > ?",
        (at, actor, subject, at),
    )


def _article_address(payload: dict) -> dict:
    """The canonical URL column (m008): what ``watch`` decides "already stored" by."""
    url = payload.get("url")
    if not url:
        return {"canonical_url": None}
    from workbench.ingest.shards import canonical_url

    return {"canonical_url": canonical_url(url)}


def _feed_added(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    row = {
        "id": subject,
        "url": payload["url"],
        "name": payload.get("name"),
        "outlet": payload.get("outlet"),
        "added_at": at,
        "added_by": actor,
        "articles": 0,
    }
    db["feeds"].insert(row, ignore=True)
    # added in two copies of a database: the earlier wins, whichever way they are merged
    db.conn.execute(
        "UPDATE feeds SET name = ?, outlet = ?, added_at = ?, added_by = ? "
        "WHERE id = ? AND added_at > ?",
        (row["name"], row["outlet"], at, actor, subject, at),
    )


def _feed_removed(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    db.conn.execute("DELETE FROM feeds WHERE id = ?", (subject,))


def _feed_polled(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    db.conn.execute(
        "UPDATE feeds SET etag = ?, last_modified = ?, checked_at = ?, status = ?, error = ?, "
        "articles = articles + ? WHERE id = ?",
        (payload.get("etag"), payload.get("last_modified"), at, payload["status"],
         payload.get("error"), len(payload.get("new", ())), subject),
    )  # fmt: skip


def _nothing(db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str) -> None:
    """Events read from the log itself (``session.opened``): no table to keep."""


def _claim_extracted(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    _insert_claims(db, [claim_row(subject, payload)])


def _insert_claims(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Insert claim rows (all with the same columns) in one statement; a claim already
    there stays as it is."""
    columns = list(rows[0])
    # rows inserted now get rowids above every existing one (claims has no AUTOINCREMENT)
    before = db.conn.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0]
    db.conn.executemany(
        f"INSERT OR IGNORE INTO claims ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})",
        [tuple(row[c] for c in columns) for row in rows],
    )
    index_new_claims(db, before)


#: pages of the matching index merged with every stored batch of claims (at most)
MERGE_PAGES = 500


def index_new_claims(db: sqlite_utils.Database, after_rowid: int) -> None:
    """Add the claims above ``after_rowid`` to the full-text indexes (search and matching),
    one statement each (m009)."""
    db.conn.execute(
        "INSERT INTO claims_fts (rowid, claim, text, speaker) "
        "SELECT rowid, claim, text, speaker FROM claims WHERE rowid > ?",
        (after_rowid,),
    )
    db.conn.execute(
        "INSERT INTO claims_match_fts (rowid, match_text, numbered_terms) "
        "SELECT rowid, match_text, numbered_terms FROM claims WHERE rowid > ?",
        (after_rowid,),
    )
    # A little merging with every batch keeps the matching index in few segments, so a
    # lookup's cost hardly grows with the database (automerge alone leaves a dozen or more).
    db.conn.execute(
        "INSERT INTO claims_match_fts (claims_match_fts, rank) VALUES ('merge', ?)",
        (MERGE_PAGES,),
    )


def claim_row(subject: str, payload: dict, keys: MatchKeys | None = None) -> dict:
    """The claims table's row for a ``claim.extracted`` event; ``keys`` are its matching
    keys when the splitter read them already (they are read here otherwise)."""
    stance = _stance(payload)
    key_columns = (
        _key_columns(keys)
        if keys is not None
        else _match_keys(
            payload["claim"], payload.get("speaker"), payload.get("frame"), stance.get("stance")
        )
    )
    return {
        "id": subject,
        "article_id": payload["article_id"],
        "position": payload["position"],
        "text": payload["text"],
        "claim": payload["claim"],
        "kind": payload["kind"],
        "speaker": payload.get("speaker"),
        "quote": int(bool(payload.get("quote"))),
        "start": payload["start"],
        "end": payload["end"],
        "cues": _json(payload.get("cues", [])),
        "checkworthiness": payload.get("checkworthiness", 0.0),
        "entities": _json(payload.get("entities", [])),
        "status": Status.UNREVIEWED.value,
        "verdict": None,
        **stance,
        **_frame(payload),
        **key_columns,
    }


def _stance(payload: dict) -> dict:
    """The stance and speaker-type columns (m005); claims split before they existed are
    assertions by a speaker of no known type."""
    return {"stance": payload.get("stance", "asserts"), "speaker_type": payload.get("speaker_type")}


def _frame(payload: dict) -> dict:
    """The frame column (m006); claims split before it existed have none."""
    return {"frame": _json(payload["frame"]) if payload.get("frame") else None}


def _match_keys(
    claim: str, speaker: str | None, frame: dict | None = None, stance: str | None = None
) -> dict:
    """The matching-key columns of a claim as an event states it."""
    from workbench.matching.keys import match_keys

    # with the stance, as link_article reads the claim: the signature it computed is reused
    return _key_columns(match_keys(claim, speaker, Frame.from_dict(frame), stance))


def _key_columns(keys: MatchKeys) -> dict:
    return {"numkey": keys.numkey, "match_text": keys.match_text,
            "numbered_terms": keys.numbered_terms}  # fmt: skip


def _article_matched(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    for claim_id, found in payload.get("matches", {}).items():
        db["matches"].insert_all(
            ({"claim_id": claim_id, "match_id": mid, "score": score} for mid, score in found),
            replace=True,
        )
    for claim_id, original in payload.get("duplicates", {}).items():
        db.conn.execute(
            "UPDATE claims SET duplicate_of = ?, status = CASE WHEN status = ? "
            "THEN ? ELSE status END WHERE id = ?",
            (original, Status.UNREVIEWED.value, Status.DUPLICATE.value, claim_id),
        )


def refresh_claim(db: sqlite_utils.Database, claim_id: str) -> None:
    """Recompute a claim's review projection (verdicts, sources, notes, status) from its events."""
    from workbench.review.state import derive
    from workbench.store.events import event_from_row

    events = [
        event_from_row(row)
        for row in db.conn.execute(
            "SELECT seq, id, at, actor, action, subject, payload, prev_hash, hash FROM events "
            "WHERE subject = ? ORDER BY at, seq",  # merged copies interleave by time
            (claim_id,),
        )
    ]
    base = next((e for e in events if e.action == "claim.extracted"), None)
    if base is None:
        return  # a review event for a claim this copy does not have yet
    state = derive(base.payload["kind"], base.payload["claim"], events)
    # an edited wording is no longer what the frame was read from
    frame = base.payload.get("frame") if state.claim == base.payload["claim"] else None
    keys = _match_keys(state.claim, base.payload.get("speaker"), frame)
    db.conn.execute(
        "UPDATE claims SET kind = ?, claim = ?, verdict = ?, numkey = ?, match_text = ?, "
        "numbered_terms = ?, "
        "status = CASE WHEN ? = ? AND duplicate_of IS NOT NULL THEN ? ELSE ? END WHERE id = ?",
        (state.kind, state.claim, state.verdict, keys["numkey"], keys["match_text"],
         keys["numbered_terms"], str(state.status), Status.UNREVIEWED.value,
         Status.DUPLICATE.value, str(state.status), claim_id),
    )  # fmt: skip
    for table in ("verdicts", "sources", "notes"):
        db.conn.execute(f"DELETE FROM [{table}] WHERE claim_id = ?", (claim_id,))
    db["verdicts"].insert_all(
        {
            "id": v.event_id,
            "claim_id": claim_id,
            "reviewer": v.reviewer,
            "rating": v.rating,
            "rubric": v.rubric,
            "note": v.note,
            "at": v.at,
            "current": 1,
            "approved_by": _json(list(v.approved_by)),
        }
        for v in state.verdicts
    )
    db["sources"].insert_all(
        {
            "id": f"{s.event_id}:{i}",
            "claim_id": claim_id,
            "verdict_id": None,
            "url": s.url,
            "title": s.title,
            "publisher": s.publisher,
            "excerpt": s.excerpt,
            "accessed_at": s.accessed_at,
            "snapshot_hash": s.snapshot_hash,
            "added_by": s.added_by,
        }
        for i, s in enumerate(state.sources)
    )
    db["notes"].insert_all(
        {"id": n.event_id, "claim_id": claim_id, "author": n.author, "text": n.text, "at": n.at}
        for n in state.notes
    )


def _claim_review(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    refresh_claim(db, subject)


CLAIM_REVIEW_ACTIONS = frozenset(
    {
        "verdict.recorded",
        "verdict.approved",
        "verdict.resolved",
        "claim.reclassified",
        "claim.edited",
        "source.added",
        "note.added",
        "action.undone",
    }
)

HANDLERS: dict[str, Handler] = {
    "article.ingested": _article_ingested,
    "claim.extracted": _claim_extracted,
    "article.matched": _article_matched,
    "feed.added": _feed_added,
    "feed.removed": _feed_removed,
    "feed.polled": _feed_polled,
    "session.opened": _nothing,
    **dict.fromkeys(CLAIM_REVIEW_ACTIONS, _claim_review),
}

KNOWN_ACTIONS = frozenset(HANDLERS)


def apply_many(
    db: sqlite_utils.Database,
    events: Sequence[Event],
    keys: Mapping[str, MatchKeys] | None = None,
) -> None:
    """Update the projections for events in order; a run of extracted claims is inserted
    in one statement. ``keys`` are the matching keys of claims (by id) read already."""
    i = 0
    while i < len(events):
        e = events[i]
        if e.action != "claim.extracted":
            apply(db, e.action, e.subject, e.payload, e.at, e.actor)
            i += 1
            continue
        j = i
        while j < len(events) and events[j].action == "claim.extracted":
            j += 1
        known = keys or {}
        rows = [claim_row(x.subject, x.payload, known.get(x.subject)) for x in events[i:j]]
        _insert_claims(db, rows)
        i = j


def apply(
    db: sqlite_utils.Database, action: str, subject: str, payload: dict, at: str, actor: str
) -> None:
    """Update the projections for one event. Unknown actions change nothing."""
    handler = HANDLERS.get(action)
    if handler is not None:
        handler(db, subject, payload, at, actor)
