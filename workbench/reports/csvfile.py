"""CSV report: one row per verdict. Cells that a spreadsheet would run as formulas are quoted."""

from __future__ import annotations

import csv
import io

from workbench.reports.model import Report
from workbench.reports.records import csv_safe

COLUMNS = (
    "article_id", "article_title", "outlet", "article_url", "claim_id", "claim", "text",
    "kind", "speaker", "stance", "quote", "status", "agreed_verdict", "reviewer", "rating", "label",
    "rubric", "verdict_at", "approved_by", "note", "sources", "source_titles",
    "source_publishers", "source_excerpts",
)  # fmt: skip


def render_csv(report: Report) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in report.articles:
        a = item.article
        for c in item.claims:
            claim = c.claim
            for v in c.verdicts:
                mine = [s for by, s in c.sources if by == v.reviewer]  # aligned, " | " apart
                urls, titles, publishers, excerpts = (
                    " | ".join(getattr(s, field) or "" for s in mine)
                    for field in ("url", "title", "publisher", "excerpt")
                )
                row = (
                    a.id, a.title, a.outlet, a.url, claim.id, claim.claim, claim.text,
                    claim.kind, claim.speaker, claim.stance, claim.quote, claim.status,
                    claim.verdict,
                    v.reviewer, v.rating, report.label(v), v.rubric, v.at,
                    ", ".join(v.approved_by), v.note, urls, titles, publishers, excerpts,
                )  # fmt: skip
                writer.writerow([csv_safe(x) for x in row])
    return buf.getvalue()
