"""The JSON report: complete, versioned, and readable back by ``workbench import``.

Shape (version 2)::

    {
      "format": "workbench-report", "version": 1, "generated_at": "...Z",
      "publisher": {"name", "url", "base_url"},
      "head": {"seq", "hash"} (the database's newest event: `verify --expect-head` checks it),
      "rubrics": {"<name>": <rubrics show --format json>},
      "articles": [{"id", "title", "outlet", "url", "published", "source", "content_hash",
                    "text", "dropped": [{"text", "rule"}],
                    "claims": [<claim object as in `workbench claims --format json`>
                               + "sources": [{"url", "title", "publisher", "excerpt",
                                               "accessed_at", "added_by"}],
                                 "notes": [{"author", "text", "at"}], "context": "..."]}],
      "events": [{"id", "at", "actor", "action", "subject", "payload", "prev_hash", "hash"}]
    }

``articles`` hold every claim of each article the report includes, reviewed or not, so an
import restores the whole article. ``events`` are the audit-trail events behind the report,
oldest first, each with the hash it has in the exporting database and the hash before it;
`workbench import` recomputes every hash and refuses a file whose events were edited.
Importing them into another database (union by event id) reproduces the same articles,
claims and verdicts. Version 1 files carried no hashes.
"""

from __future__ import annotations

import json

from workbench.reports.model import Report
from workbench.reports.records import claim_to_dict
from workbench.review.rubrics import rubric_to_dict

FORMAT = "workbench-report"
VERSION = 2


def report_to_dict(report: Report) -> dict:
    articles = []
    for item in report.articles:
        a = item.article
        claims = []
        for c in item.claims:
            data = claim_to_dict(c.claim)
            data["verdicts"] = [v for v in data["verdicts"] if _kept(v, c.verdicts)]
            data["sources"] = [
                {
                    "url": s.url,
                    "title": s.title,
                    "publisher": s.publisher,
                    "excerpt": s.excerpt,
                    "accessed_at": s.accessed_at,
                    "added_by": added_by,
                }
                for added_by, s in c.sources
            ]
            data["notes"] = [{"author": au, "text": t, "at": at} for au, t, at in c.notes]
            data["context"] = c.paragraph
            claims.append(data)
        articles.append(
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "published": a.published,
                "source": a.source,
                "content_hash": a.content_hash,
                "text": a.text,
                "dropped": [{"text": d.text, "rule": d.rule} for d in a.dropped],
                "claims": claims,
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": report.generated_at,
        "publisher": {
            "name": report.publisher.name,
            "url": report.publisher.url,
            "base_url": report.publisher.base_url,
        },
        # a second copy of the chain's head: `verify --expect-head` catches removed events
        "head": {"seq": report.head.seq, "hash": report.head.hash} if report.head else None,
        "rubrics": {name: rubric_to_dict(r) for name, r in report.rubrics.items()},
        "articles": articles,
        "events": [
            {
                "id": ev.id,
                "at": ev.at,
                "actor": ev.actor,
                "action": ev.action,
                "subject": ev.subject,
                "payload": ev.payload,
                "prev_hash": ev.prev_hash,
                "hash": ev.hash,
            }
            for ev in report.events
        ],
    }


def _kept(verdict: dict, kept: tuple) -> bool:
    return any(v.reviewer == verdict["reviewer"] and v.at == verdict["at"] for v in kept)


#: lists whose items are written one to a line
_ONE_PER_LINE = frozenset({"claims", "events"})


def render_json(report: Report) -> str:
    """The report as JSON laid out for reading and diffing: the structure indented, each
    claim and each event on a line of its own. (``indent=2`` all the way down runs the
    pure-Python encoder: at 100,000 claims it took two thirds of the export and wrote
    200 MB.)"""
    return _layout(report_to_dict(report), "") + "\n"


def _layout(value: object, pad: str, key: str | None = None) -> str:
    inner = pad + "  "
    if isinstance(value, list) and value and key in _ONE_PER_LINE:
        lines = (inner + json.dumps(item, ensure_ascii=False) for item in value)
        return "[\n" + ",\n".join(lines) + "\n" + pad + "]"
    if isinstance(value, dict) and value:
        items = (
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_layout(v, inner, k)}"
            for k, v in value.items()
        )
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(inner + _layout(v, inner) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)
