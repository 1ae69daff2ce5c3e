"""Projections: how each event action changes the derived tables.

Every handler is a pure function of the event, so replaying the log from the
start (``Store.rebuild``) reproduces the tables exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlite_utils

Handler = Callable[[sqlite_utils.Database, str, dict, str, str], None]


def _article_ingested(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    db["articles"].insert(
        {
            "id": subject,
            "content_hash": payload["content_hash"],
            "title": payload.get("title"),
            "outlet": payload.get("outlet"),
            "url": payload.get("url"),
            "published": payload.get("published"),
            "source": payload.get("source"),
            "text": payload["text"],
            "dropped": json.dumps(payload.get("dropped", []), ensure_ascii=False),
            "ingested_at": at,
            "ingested_by": actor,
        },
        ignore=True,
    )


def _claim_extracted(
    db: sqlite_utils.Database, subject: str, payload: dict, at: str, actor: str
) -> None:
    db["claims"].insert(
        {
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
            "cues": json.dumps(payload.get("cues", []), ensure_ascii=False),
            "checkworthiness": payload.get("checkworthiness", 0.0),
            "entities": json.dumps(payload.get("entities", []), ensure_ascii=False),
            "status": "unreviewed",
            "verdict": None,
        },
        ignore=True,
    )


HANDLERS: dict[str, Handler] = {
    "article.ingested": _article_ingested,
    "claim.extracted": _claim_extracted,
}


def apply(
    db: sqlite_utils.Database, action: str, subject: str, payload: dict, at: str, actor: str
) -> None:
    """Update the projections for one event. Unknown actions change nothing."""
    handler = HANDLERS.get(action)
    if handler is not None:
        handler(db, subject, payload, at, actor)
