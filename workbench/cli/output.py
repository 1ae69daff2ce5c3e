"""Turn claims into the shapes the CLI prints: table, JSON, JSON lines, CSV.

The table is ours rather than rich's: one line per claim, clipped to the terminal, so that
its output can be piped to grep and sort; rich wraps cells over several lines and adds
30 ms of imports to every command.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable, Sequence

from workbench.core.values import Claim
from workbench.ingest.coverage import NonClaim
from workbench.reports.records import claim_to_dict, csv_safe, non_claim_to_dict

PRINT_FORMATS = ("table", "json", "jsonl", "csv")
CSV_COLUMNS = (
    "id",
    "article_id",
    "kind",
    "speaker",
    "speaker_type",
    "stance",
    "quote",
    "checkworthiness",
    "status",
    "verdict",
    "start",
    "end",
    "text",
    "claim",
    "cues",
)


def render_claims(claims: Sequence[Claim], fmt: str, width: int | None = None) -> str:
    """The claims in one of PRINT_FORMATS, ending with a newline unless empty."""
    if fmt == "json":
        return json.dumps([claim_to_dict(c) for c in claims], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(claim_to_dict(c), ensure_ascii=False) + "\n" for c in claims)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for c in claims:
            row = claim_to_dict(c)
            row["cues"] = "; ".join(c.cues)
            writer.writerow([csv_safe(row[k]) for k in CSV_COLUMNS])
        return buf.getvalue()
    return render_table(claims, width or shutil.get_terminal_size((120, 24)).columns)


def render_explained(
    claims: Sequence[Claim], segments: Sequence[NonClaim], fmt: str, width: int | None = None
) -> str:
    """``split --explain``: every claim and every non-claim of the article with its reason,
    in text order (removed boilerplate first, as it is not in the cleaned text)."""
    if fmt == "json":
        return (
            json.dumps(
                {
                    "claims": [claim_to_dict(c) for c in claims],
                    "non_claims": [non_claim_to_dict(s) for s in segments],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    width = width or shutil.get_terminal_size((120, 24)).columns
    rows: list[tuple[int, str, str]] = [
        (-1, f"not a claim ({s.reason})", s.text) for s in segments if s.start is None
    ]
    rows += [
        (s.start, f"not a claim ({s.reason})", s.text) for s in segments if s.start is not None
    ]
    for c in claims:
        who = f"{c.speaker} ({c.stance})" if c.speaker else "the article"
        rows.append((c.start, f"{c.kind}, {who}", c.text))
    rows.sort(key=lambda row: row[0])
    label = min(max(len(r[1]) for r in rows), 40) if rows else 0
    out = []
    for _, what, text in rows:
        text = " ".join(text.split())
        out.append(f"{_clip(what, label):<{label}}  {_clip(text, max(width - label - 2, 20))}")
    return "".join(line + "\n" for line in out)


def render_table(claims: Sequence[Claim], width: int) -> str:
    """A fixed-column table that fits ``width``; the claim text takes what is left."""
    if not claims:
        return ""
    header = ("ID", "KIND", "CW", "SPEAKER", "STATUS", "CLAIM")
    rows = [
        (
            c.id,
            c.kind,
            f"{c.checkworthiness:.2f}",
            _clip(c.speaker or "-", 18) + ("" if c.stance == "asserts" else f" ({c.stance})"),
            c.verdict or c.status,
            " ".join(c.claim.split()) + (" [quote]" if c.quote else ""),
        )
        for c in claims
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    rest = max(20, width - sum(widths) - 2 * 5)
    lines = []
    for row in [header, *rows]:
        cells = [row[i].ljust(widths[i]) for i in range(5)]
        lines.append("  ".join([*cells, _clip(row[5], rest)]).rstrip())
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_key_values(pairs: Iterable[tuple[str, object]]) -> str:
    pairs = list(pairs)
    width = max((len(k) for k, _ in pairs), default=0)
    return "".join(f"{k.ljust(width)}  {v}\n" for k, v in pairs)
