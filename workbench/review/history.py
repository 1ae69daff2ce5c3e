"""Plain-language descriptions of audit-trail events, for history views (CLI and TUI)."""

from __future__ import annotations

import json

from workbench.core.text import counted


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
    if action == "feed.added":
        return f"followed {payload['url']}" + (
            f" ({payload['name']})" if payload.get("name") else ""
        )
    if action == "feed.removed":
        return f"stopped following {payload.get('url', 'the feed')}"
    if action == "feed.polled":
        return _polled(payload)
    if action == "session.opened":
        return "opened a review session"
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


def _polled(payload: dict) -> str:
    """A feed check: ``ok: 3 new, 12 already stored, 1 failed`` or why it failed."""
    if payload["status"] == "failed":
        return f"check failed: {payload.get('error', '')}"
    if payload["status"] == "not modified":
        return "checked: not modified"
    parts = [f"{len(payload.get('new', []))} new", f"{payload.get('skipped', 0)} already stored"]
    if payload.get("failed"):
        parts.append(f"{len(payload['failed'])} failed")
    return "checked: " + ", ".join(parts)


_DONE = {
    "article.ingested": "added an article",
    "verdict.recorded": "gave a verdict",
    "verdict.approved": "approved a verdict",
    "verdict.resolved": "settled a conflict",
    "claim.reclassified": "reclassified a claim",
    "claim.edited": "reworded a claim",
    "source.added": "added a source",
    "note.added": "added a note",
    "action.undone": "undid an action",
}


def _done(action: str, payload: dict, here: bool) -> str:
    verb = _DONE[action]
    if here:
        verb = verb.replace(" a claim", "")
    if action in ("verdict.recorded", "verdict.resolved"):
        verb += f" ({payload.get('label', payload.get('rating'))})"
    if action == "verdict.approved" and payload.get("reviewer"):
        verb = f"approved {payload['reviewer']}'s verdict ({payload.get('rating')})"
    return verb


def others_did(events: list, viewing: str | None = None) -> str | None:
    """One line for a toast about events others wrote, e.g. ``bob gave a verdict (False) on
    the claim you are viewing``; None when none of them is worth telling."""
    told = [e for e in events if e.action in _DONE]
    if not told:
        return None
    here = [e for e in told if e.subject == viewing]
    if here:
        e = here[-1]
        line = f"{e.actor} {_done(e.action, e.payload, True)} on the claim you are viewing"
        more = len(told) - 1
        return line + (f" (and {counted(more, 'more change')})" if more else "")
    if len(told) == 1:
        e = told[0]
        return f"{e.actor} {_done(e.action, e.payload, False)}"
    actors = ", ".join(dict.fromkeys(e.actor for e in told))
    return f"{len(told)} changes by {actors}"
