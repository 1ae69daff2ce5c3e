"""Plain-language descriptions of audit-trail events, for history views (CLI and TUI)."""

from __future__ import annotations

import json


def describe(action: str, payload: dict) -> str:
    """One line saying what an event did, e.g. ``rated 'False' (default); source https://…``."""
    if action == "claim.extracted":
        speaker = payload.get("speaker") or "the article"
        return f"{payload['kind']} by {speaker}: {payload['claim']}"
    if action == "article.ingested":
        return payload.get("title") or payload.get("source") or ""
    if action == "verdict.recorded":
        parts = [f"rated '{payload.get('label', payload['rating'])}' ({payload.get('rubric')})"]
        parts += [f"source {s['url']}" for s in payload.get("sources", [])]
        if payload.get("note"):
            parts.append(f"note: {payload['note']}")
        return "; ".join(parts)
    if action == "verdict.approved":
        return f"approved {payload['reviewer']}'s '{payload['rating']}'"
    if action == "claim.reclassified":
        return f"{payload['previous']} -> {payload['kind']}"
    if action == "claim.edited":
        return f"reworded: {payload['claim']} (was: {payload['previous']})"
    if action == "source.added":
        title = f' "{payload["title"]}"' if payload.get("title") else ""
        return f"source {payload['url']}{title}"
    if action == "note.added":
        return f"note: {payload['text']}"
    if action == "verdict.resolved":
        between = ", ".join(f"{who}: {r}" for who, r in payload.get("between", {}).items())
        return f"resolved as '{payload.get('label', payload['rating'])}' ({between})"
    if action == "action.undone":
        return f"undid {payload['action']} {payload['event_id']}"
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)
